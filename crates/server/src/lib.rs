//! The reference backend of Өтініш.
//!
//! It serves the built app (`dist/`) and the `/api/v1` contract of `api/openapi.yaml`,
//! keeps its data in SQLite under a data directory, and shuts down cleanly on Ctrl-C.
//! Business rules come from `otinish-core`, the same code the browser runs.

pub mod accounts;
pub mod auth;
pub mod client;
pub mod clock;
pub mod config;
mod cors;
pub mod cross_site;
pub mod db;
pub mod demo_clock;
pub mod egov_mobile;
pub mod extract;
pub mod leftovers;
pub mod memory;
pub mod metrics;
pub mod names;
pub mod officer_cli;
pub mod origins;
pub mod probes;
pub mod problem;
pub mod processing;
mod result_document;
mod result_store;
mod routes;
pub mod security;
pub mod services;
pub mod signature;
pub mod state;
mod static_files;
pub mod storage;
pub mod telemetry;
mod test_gateway;
mod unread_body;

pub use state::{AppState, Settings};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use std::sync::Arc;
use tower::ServiceBuilder;
use tower_http::set_header::SetResponseHeaderLayer;

/// The whole application: the API, the static app with its fallback, and the security headers.
pub fn app(state: AppState, dist: &std::path::Path) -> Router {
    let csp = Arc::new(security::DistPolicy::new(dist));
    let api = routes::api()
        // Counted by route pattern: laid on the routes, after routing, so the pattern is known.
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        // The layers go on in one `Router::layer` (a `ServiceBuilder`, outermost first), not
        // in a call each: every call boxes each route once more, and a request clones, at
        // every level, all the boxes below it, so the work grows with the square of the
        // levels (BENCHMARKS.md, section 5). The same for the outer layers below.
        .layer(
            ServiceBuilder::new()
                .layer(cors::layer(&state.settings.origins))
                .layer(DefaultBodyLimit::max(extract::MAX_JSON_BYTES))
                // Answers of the API carry personal data: no cache keeps them, unless a
                // route says otherwise.
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("no-store"),
                )),
        );
    let router = Router::new()
        .nest("/api/v1", api)
        // Nothing under /api is an app route: unknown API paths are 404 problems, not the page.
        .route("/api", axum::routing::any(problem::not_found))
        .route("/api/", axum::routing::any(problem::not_found))
        .route("/api/{*rest}", axum::routing::any(problem::not_found))
        // The simulated payment gateway's page (test mode only), outside the API it stands apart from.
        .merge(test_gateway::routes())
        // The operator's: liveness, readiness and the metrics (probes.rs, metrics.rs).
        .route("/livez", axum::routing::get(probes::live))
        .route("/readyz", axum::routing::get(probes::ready))
        .route("/metrics", axum::routing::get(metrics::scrape))
        .fallback_service(static_files::service(dist));
    let strict_transport_security = state.settings.origins.is_https().then(|| {
        SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            security::strict_transport_security(),
        )
    });
    router
        .layer(
            ServiceBuilder::new()
                .layer(telemetry::http_trace())
                .layer(axum::middleware::from_fn(unread_body::close_if_unread))
                .option_layer(strict_transport_security)
                .layer(axum::middleware::from_fn_with_state(csp, security::headers))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    cross_site::check_origin,
                )),
        )
        .with_state(state)
}

/// Opens the database, binds the address and serves until Ctrl-C or SIGTERM.
pub async fn serve(config: config::ServeConfig) -> Result<(), Error> {
    memory::return_large_blocks_when_freed();
    std::fs::create_dir_all(&config.data_dir)
        .map_err(|e| Error::DataDir(config.data_dir.clone(), e))?;
    let trust_store = match &config.trust_store {
        Some(dir) => signature::TrustStore::load(dir).map_err(Error::TrustStore)?,
        None => signature::TrustStore::default(),
    };
    if trust_store.is_empty() {
        tracing::warn!(
            "no trust store (--trust-store): every ЭЦП signature is refused as untrusted"
        );
    } else {
        tracing::info!(certificates = trust_store.len(), "trust store loaded");
    }
    let db = db::Db::open(&config.database_url()).await?;
    db.record_start().await?;
    let origins = config.origins().map_err(Error::PublicUrl)?;
    let storage = storage::Storage::open(config.object_store.as_deref(), &config.data_dir)
        .map_err(Error::ObjectStore)?;
    let settings = Settings {
        test_mode: config.test_mode,
        data_dir: config.data_dir.clone(),
        storage,
        officer_token: config.officer_token.clone(),
        gateway_token: config
            .gateway_token
            .clone()
            .unwrap_or_else(accounts::session::new_token),
        max_file_bytes: config.max_file_bytes,
        secure_cookies: !origins.is_loopback_http(),
        origins,
        trusted_proxies: config.trusted_proxies.clone(),
        login_limits: config.login_limits(),
        trust_store,
        ocsp_responder: config.ocsp_responder.clone(),
        signature_verifier: config.signature_verifier.clone(),
        metrics_token: config.metrics_token.clone(),
        egov_mobile_lifetime: std::time::Duration::from_secs(config.egov_mobile_minutes * 60),
        operator_bin: config.operator_bin.clone(),
    };
    announce(&settings);
    leftovers::remove_partial_files(&settings);
    let state = AppState::new(db, settings);
    if !config.dist.join("index.html").is_file() {
        tracing::warn!(dist = %config.dist.display(), "no built app found; only the API is served (run scripts/run)");
    }
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| Error::Bind(config.addr, e))?;
    let url = format!(
        "http://{}",
        listener
            .local_addr()
            .map_err(|e| Error::Bind(config.addr, e))?
    );
    tracing::info!(%url, data_dir = %config.data_dir.display(), "Өтініш is ready");
    let demo_clock = config.demo_clock.map(|seconds| {
        demo_clock::start(
            state.db.clone(),
            state.settings.clone(),
            std::time::Duration::from_secs(seconds),
        )
    });
    let drain = Drain {
        flag: state.draining.clone(),
        period: std::time::Duration::from_secs(config.drain_seconds),
    };
    let db = state.db.clone();
    let service =
        app(state, &config.dist).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let served = axum::serve(listener, service)
        .with_graceful_shutdown(drain.on_signal())
        .await;
    if let Some(clock) = demo_clock {
        clock.stop().await;
    }
    db.close().await;
    served.map_err(Error::Serve)?;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// What an operator must know before trusting this server with anything real.
fn announce(settings: &Settings) {
    if settings.test_mode {
        tracing::warn!(
            "TEST MODE: nothing done here has legal effect. The registry is a test one, the \
             payment gateway is simulated and marks payments paid when asked, and test \
             signatures are accepted. Outside tests run with --test-mode false \
             (README: \"Deploying outside test mode\")."
        );
    } else {
        tracing::info!(
            "test mode is off: the test signer and the test payment gateway are refused"
        );
        if settings.operator_bin.is_none() {
            tracing::warn!(
                "no --operator-bin: the eGov mobile app will show the service's name without \
                 the БИН of the organisation that operates it"
            );
        }
    }
    let public = settings.origins.public();
    if !settings.secure_cookies {
        tracing::warn!(
            %public,
            "plain http on a loopback address: the session cookie is sent without Secure, \
             for development on this machine only"
        );
    } else if !settings.origins.is_https() {
        tracing::warn!(
            %public,
            "the public URL is plain http: the session cookie is Secure, so browsers will not \
             keep it; serve over https and set --public-url https://…"
        );
    }
}

/// A graceful stop: on the signal, readiness fails first (`/readyz` 503) for `period`, while
/// requests are still taken, so that the balancer moves new ones to other instances; then the
/// listener closes and the requests under way are finished (axum's graceful shutdown).
struct Drain {
    flag: std::sync::Arc<std::sync::atomic::AtomicBool>,
    period: std::time::Duration,
}

impl Drain {
    async fn on_signal(self) {
        shutdown_signal().await;
        self.flag.store(true, std::sync::atomic::Ordering::Relaxed);
        if !self.period.is_zero() {
            tracing::info!(
                seconds = self.period.as_secs(),
                "draining: readiness fails, requests are still answered"
            );
            tokio::time::sleep(self.period).await;
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests under way");
}

#[derive(Debug)]
pub enum Error {
    DataDir(std::path::PathBuf, std::io::Error),
    Database(sqlx::Error),
    DatabaseUrl(String),
    Migration(sqlx::migrate::MigrateError),
    Bind(std::net::SocketAddr, std::io::Error),
    Serve(std::io::Error),
    PublicUrl(String),
    TrustStore(signature::TrustStoreError),
    ObjectStore(storage::BadUrl),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::DataDir(path, e) => write!(
                f,
                "cannot create the data directory {}: {e}",
                path.display()
            ),
            Error::Database(e) => write!(f, "database: {e}"),
            Error::DatabaseUrl(url) => write!(
                f,
                "--database-url {}: neither sqlite:// nor postgres://",
                url.split('@').next_back().unwrap_or_default()
            ),
            Error::Migration(e) => write!(f, "database migration: {e}"),
            Error::Bind(addr, e) => write!(f, "cannot listen on {addr}: {e}"),
            Error::Serve(e) => write!(f, "server: {e}"),
            Error::PublicUrl(e) => write!(f, "--public-url / --allowed-origin: {e}"),
            Error::TrustStore(e) => write!(f, "{e}"),
            Error::ObjectStore(e) => write!(f, "--object-store: {e}"),
        }
    }
}

impl std::error::Error for Error {}
