//! `otinish-server`: the reference backend. See `otinish_server` for the pieces.

use clap::Parser;
use otinish_server::config::{Cli, Command};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    otinish_server::telemetry::init(cli.log_format);
    let result: Result<(), Box<dyn std::error::Error>> = match cli.command.unwrap_or_default() {
        Command::Serve(config) => otinish_server::serve(config).await.map_err(Into::into),
        Command::Officer(command) => otinish_server::officer_cli::run(command)
            .await
            .map_err(Into::into),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
