//! The reference backend of Өтініш.
//!
//! It serves the built app (`dist/`) and the `/api/v1` contract of `api/openapi.yaml`,
//! keeps its data in SQLite under a data directory, and shuts down cleanly on Ctrl-C.
//! Business rules come from `otinish-core`, the same code the browser runs.

pub mod accounts;
pub mod auth;
pub mod clock;
pub mod config;
mod cors;
pub mod db;
pub mod demo_clock;
pub mod extract;
pub mod officer_cli;
pub mod origins;
pub mod problem;
pub mod processing;
mod result_document;
mod result_store;
mod routes;
pub mod security;
pub mod state;
mod static_files;
pub mod telemetry;
mod test_gateway;

pub use state::{AppState, Settings};

use axum::Router;
use std::sync::Arc;

/// The whole application: the API, the static app with its fallback, and the security headers.
pub fn app(state: AppState, dist: &std::path::Path) -> Router {
    let csp = Arc::new(security::DistPolicy::new(dist));
    let cors = cors::layer(&state.settings.allowed_origins);
    Router::new()
        .nest("/api/v1", routes::api().layer(cors))
        // Nothing under /api is an app route: unknown API paths are 404 problems, not the page.
        .route("/api", axum::routing::any(problem::not_found))
        .route("/api/", axum::routing::any(problem::not_found))
        .route("/api/{*rest}", axum::routing::any(problem::not_found))
        // The simulated payment gateway's page (test mode only), outside the API it stands apart from.
        .merge(test_gateway::routes())
        .fallback_service(static_files::service(dist))
        .layer(axum::middleware::from_fn_with_state(csp, security::headers))
        .layer(telemetry::http_trace())
        .with_state(state)
}

/// Opens the database, binds the address and serves until Ctrl-C or SIGTERM.
pub async fn serve(config: config::ServeConfig) -> Result<(), Error> {
    std::fs::create_dir_all(&config.data_dir)
        .map_err(|e| Error::DataDir(config.data_dir.clone(), e))?;
    let db = db::Db::open(&config.database_url()).await?;
    db.record_start().await?;
    let settings = Settings {
        test_mode: config.test_mode,
        data_dir: config.data_dir.clone(),
        officer_token: config.officer_token.clone(),
        gateway_token: config
            .gateway_token
            .clone()
            .unwrap_or_else(accounts::session::new_token),
        max_file_bytes: config.max_file_bytes,
        allowed_origins: origins::AppOrigins::parse(&config.allowed_origins)
            .map_err(Error::Origin)?,
    };
    if !settings.test_mode {
        tracing::warn!(
            "test mode is off: the test signer and the test payment gateway are refused"
        );
    }
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
    let served = axum::serve(listener, app(state, &config.dist))
        .with_graceful_shutdown(shutdown_signal())
        .await;
    if let Some(clock) = demo_clock {
        clock.stop().await;
    }
    served.map_err(Error::Serve)?;
    tracing::info!("stopped cleanly");
    Ok(())
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
    Migration(sqlx::migrate::MigrateError),
    Bind(std::net::SocketAddr, std::io::Error),
    Serve(std::io::Error),
    Origin(origins::NotAnOrigin),
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
            Error::Migration(e) => write!(f, "database migration: {e}"),
            Error::Bind(addr, e) => write!(f, "cannot listen on {addr}: {e}"),
            Error::Serve(e) => write!(f, "server: {e}"),
            Error::Origin(e) => write!(f, "--allowed-origin: {e}"),
        }
    }
}

impl std::error::Error for Error {}
