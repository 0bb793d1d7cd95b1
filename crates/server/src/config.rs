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
    /// Simulated registry, payment gateway, test signer and test sign-in; nothing has legal
    /// effect. The reference backend has no real registry or gateway, so this is on unless
    /// turned off explicitly. ЭЦП signatures are verified in full either way.
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
    /// The roots and intermediates ЭЦП certificates must chain to: a folder of PEM or DER
    /// certificates (the НУЦ РК's, or `target/test-pki/trust-store` in test mode). Without
    /// one, every ЭЦП signature is refused as `certificate-untrusted`.
    #[arg(long, env = "OTINISH_TRUST_STORE", value_name = "DIR")]
    pub trust_store: Option<PathBuf>,
    /// The OCSP responder asked whether a certificate is revoked; by default the one each
    /// certificate names (its Authority Information Access). http:// only.
    #[arg(long, env = "OTINISH_OCSP_RESPONDER", value_name = "URL")]
    pub ocsp_responder: Option<String>,
    /// An external verifier with NCANode's HTTP API (`POST /cms/verify`), for GOST
    /// signatures, which the backend cannot verify itself. Without one they are refused as
    /// `algorithm-unsupported`.
    #[arg(long, env = "OTINISH_SIGNATURE_VERIFIER", value_name = "URL")]
    pub signature_verifier: Option<String>,
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
