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
    /// Move submitted applications through the provider's steps, as an officer would.
    Officer(crate::officer_cli::OfficerCommand),
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
    /// Simulated registry, payment gateway and signer; nothing has legal effect. The
    /// reference backend has no real ones, so this is on unless turned off explicitly.
    #[arg(long, env = "OTINISH_TEST_MODE", default_value_t = true, action = clap::ArgAction::Set)]
    pub test_mode: bool,
    /// The bearer token of the officer API. Without one, the officer API is closed.
    #[arg(long, env = "OTINISH_OFFICER_TOKEN")]
    pub officer_token: Option<String>,
    /// The bearer token the payment gateway calls back with. Defaults to a random one that
    /// the built-in test gateway knows.
    #[arg(long, env = "OTINISH_GATEWAY_TOKEN")]
    pub gateway_token: Option<String>,
    /// The largest file the backend accepts, in bytes (a document's own limit may be lower).
    #[arg(long, env = "OTINISH_MAX_FILE_BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_file_bytes: u64,
    /// An origin the app is served from besides this backend's own (a static host, a CDN):
    /// it may call the API from the browser (CORS) and be a payment's return address.
    /// Repeatable; the variable takes a comma-separated list.
    #[arg(
        long = "allowed-origin",
        env = "OTINISH_ALLOWED_ORIGINS",
        value_delimiter = ',',
        value_name = "ORIGIN"
    )]
    pub allowed_origins: Vec<String>,
    /// Demo mode: every this many seconds, move each submitted application one step along
    /// its provider's path, issuing it at the end (never refusing). Off unless given.
    #[arg(long, env = "OTINISH_DEMO_CLOCK", value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub demo_clock: Option<u64>,
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
