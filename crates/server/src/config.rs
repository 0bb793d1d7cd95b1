//! Command line and environment. Every flag has an `OTINISH_*` variable, so that
//! `scripts/run` and a service manager can configure the server the same way.

use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "otinish-server",
    version,
    about = "The reference backend of Өтініш"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the app and the API (the default).
    Serve(ServeConfig),
}

impl Default for Command {
    fn default() -> Self {
        Command::Serve(ServeConfig::parse_from::<_, &str>([]))
    }
}

#[derive(Debug, Clone, Args)]
pub struct ServeConfig {
    /// Address to listen on.
    #[arg(long, env = "OTINISH_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Directory for the database and uploaded documents.
    #[arg(long, env = "OTINISH_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
    /// Database URL; defaults to `sqlite://<data-dir>/otinish.db`.
    #[arg(long, env = "OTINISH_DATABASE_URL")]
    pub database_url: Option<String>,
    /// The built app (trunk's `dist/`).
    #[arg(long, env = "OTINISH_DIST", default_value = "dist")]
    pub dist: PathBuf,
}

impl ServeConfig {
    /// Parses a `ServeConfig` alone, for `Command::default()` and tests.
    fn parse_from<I: IntoIterator<Item = T>, T: Into<std::ffi::OsString> + Clone>(args: I) -> Self {
        #[derive(Parser)]
        struct Only {
            #[command(flatten)]
            config: ServeConfig,
        }
        let args = std::iter::once(std::ffi::OsString::from("otinish-server"))
            .chain(args.into_iter().map(Into::into));
        Only::parse_from(args).config
    }

    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("otinish.db").display()))
    }
}
