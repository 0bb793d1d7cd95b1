//! Command line and environment. Every flag has an `OTINISH_*` variable, so that
//! `scripts/run` and a service manager can configure the server the same way.

use crate::accounts::rate_limit::LoginLimits;
use crate::origins::AppOrigins;
use clap::{Args, Parser, Subcommand};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(
    name = "otinish-server",
    version,
    about = "The reference backend of Өтініш"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// How logs are written: `text` for people, `json` (one object a line) for a log
    /// collector.
    #[arg(
        long,
        global = true,
        env = "OTINISH_LOG_FORMAT",
        value_enum,
        default_value = "text"
    )]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
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
    /// Where documents and results are kept: `s3://bucket/prefix` for an S3-compatible
    /// store (configured by the AWS_* variables: README "Several instances"); by default
    /// the data directory.
    #[arg(long, env = "OTINISH_OBJECT_STORE", value_name = "URL")]
    pub object_store: Option<String>,
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
    /// How many minutes an eGov mobile session (a QR code, a same-device link) waits for
    /// the phone's signature.
    #[arg(long, env = "OTINISH_EGOV_MOBILE_MINUTES", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=30))]
    pub egov_mobile_minutes: u64,
    /// The БИН of the organisation that operates this service, which the eGov mobile app
    /// shows beside its name when it asks the person to sign (API №1's `organisation.bin`).
    /// A deployment outside test mode gives its own; left out, the phone shows none.
    #[arg(long, env = "OTINISH_OPERATOR_BIN", value_name = "BIN", value_parser = operator_bin)]
    pub operator_bin: Option<String>,
    /// Demo mode: every this many seconds, move each submitted application one step along
    /// its provider's path, issuing it at the end (never refusing). Off unless given.
    #[arg(long, env = "OTINISH_DEMO_CLOCK", value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub demo_clock: Option<u64>,
    /// The public origin where the app is served (`https://otinish.example`). The payment
    /// gateway sends the browser back only under it (or an allowed origin), cookie
    /// requests must come from it, and when it is https the cookie is `Secure` and HSTS is
    /// sent. Defaults to `http://<addr>`, for development on this machine.
    #[arg(long, env = "OTINISH_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
    /// A further origin where the app is hosted (repeatable; the variable takes a comma-separated list).
    #[arg(
        long = "allowed-origin",
        env = "OTINISH_ALLOWED_ORIGINS",
        value_name = "ORIGIN",
        value_delimiter = ','
    )]
    pub allowed_origins: Vec<String>,
    /// A reverse proxy whose `X-Forwarded-For` names the client (repeatable; the variable
    /// takes a comma-separated list). Without one, the header is ignored.
    #[arg(
        long = "trusted-proxy",
        env = "OTINISH_TRUSTED_PROXIES",
        value_name = "IP",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<IpAddr>,
    /// Log-in and registration attempts one client may make at once…
    #[arg(long, env = "OTINISH_CLIENT_LOGIN_BURST", default_value_t = LoginLimits::default().client_burst, value_parser = clap::value_parser!(u32).range(1..))]
    pub client_login_burst: u32,
    /// …and then one more every this many seconds.
    #[arg(long, env = "OTINISH_CLIENT_LOGIN_INTERVAL", value_name = "SECONDS", default_value_t = LoginLimits::default().client_interval.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    pub client_login_interval: u64,
    /// Wrong passwords an account takes, from all clients together, before it waits…
    #[arg(long, env = "OTINISH_ACCOUNT_LOGIN_FAILURES", default_value_t = LoginLimits::default().account_failures, value_parser = clap::value_parser!(u32).range(1..))]
    pub account_login_failures: u32,
    /// …and then one more every this many seconds (a successful sign-in clears them).
    #[arg(long, env = "OTINISH_ACCOUNT_LOGIN_INTERVAL", value_name = "SECONDS", default_value_t = LoginLimits::default().account_interval.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    pub account_login_interval: u64,
    /// The bearer token of `GET /metrics` (OpenMetrics text, for Prometheus). Without one,
    /// `/metrics` is not served.
    #[arg(long, env = "OTINISH_METRICS_TOKEN")]
    pub metrics_token: Option<String>,
    /// On SIGTERM, how long to go on answering with readiness failing (`/readyz` 503) before
    /// the listener closes, so that the load balancer stops sending requests here first;
    /// requests under way are finished either way.
    #[arg(
        long,
        env = "OTINISH_DRAIN_SECONDS",
        value_name = "SECONDS",
        default_value_t = 0
    )]
    pub drain_seconds: u64,
    /// The most clients, and the most accounts, the rate limits remember at once.
    #[arg(long, env = "OTINISH_RATE_LIMIT_ENTRIES", default_value_t = LoginLimits::default().max_entries)]
    pub rate_limit_entries: usize,
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

    /// The app's origins: `--public-url` (default `http://<addr>`, plus `http://localhost:<port>`
    /// when that is a loopback address) and the allowed ones.
    pub fn origins(&self) -> Result<AppOrigins, String> {
        let mut allowed = self.allowed_origins.clone();
        let public = match &self.public_url {
            Some(url) => url.clone(),
            None => {
                if self.addr.ip().is_loopback() {
                    allowed.push(format!("http://localhost:{}", self.addr.port()));
                }
                format!("http://{}", self.addr)
            }
        };
        AppOrigins::new(&public, &allowed)
    }

    pub fn login_limits(&self) -> LoginLimits {
        LoginLimits {
            client_burst: self.client_login_burst,
            client_interval: Duration::from_secs(self.client_login_interval),
            account_failures: self.account_login_failures,
            account_interval: Duration::from_secs(self.account_login_interval),
            max_entries: self.rate_limit_entries,
        }
    }

    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("otinish.db").display()))
    }
}

/// A БИН with its check digit (`otinish_core`'s rule), for `--operator-bin`.
fn operator_bin(value: &str) -> Result<String, String> {
    otinish_core::validation::iin_bin::check_bin(value)
        .map_err(|_| "a БИН of 12 digits with a valid check digit".to_string())
}

#[cfg(test)]
mod tests {
    use super::ServeConfig;

    #[test]
    fn the_public_url_defaults_to_the_address_on_this_machine() {
        let origins = ServeConfig::parse_from(["--addr", "127.0.0.1:9000"])
            .origins()
            .unwrap();
        assert_eq!(origins.public(), "http://127.0.0.1:9000");
        assert!(origins.allows("http://localhost:9000"));
        assert!(origins.is_loopback_http());
        let origins = ServeConfig::parse_from([
            "--public-url",
            "https://otinish.example/",
            "--allowed-origin",
            "https://static.example",
        ])
        .origins()
        .unwrap();
        assert_eq!(origins.public(), "https://otinish.example");
        assert!(origins.allows("https://static.example"));
        assert!(!origins.allows("http://localhost:8080"));
    }

    #[test]
    fn the_operator_bin_is_a_bin_with_its_check_digit() {
        assert_eq!(
            super::operator_bin("081140000005").as_deref(),
            Ok("081140000005")
        );
        for wrong in ["081140000006", "12345", "850314300003", ""] {
            assert!(super::operator_bin(wrong).is_err(), "{wrong}");
        }
    }
}
