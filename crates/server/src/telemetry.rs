//! Structured logs, as text or (`--log-format json`) one JSON object a line. Requests are logged with method, path (never the query string, which
//! may carry personal data) and status; `RUST_LOG` tunes the level.

use axum::http::Request;
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

pub fn init(format: crate::config::LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=info"));
    // Colours only for a terminal: in a file or a pipe (a service's journal) they are
    // escape codes to strip, and their formatting was about a fifth of the log's cost a request
    // (BENCHMARKS.md, section 5).
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()));
    let _ = match format {
        crate::config::LogFormat::Text => logs.try_init(),
        // One JSON object a line, the span's fields (method, path) included.
        crate::config::LogFormat::Json => logs.json().with_current_span(true).try_init(),
    };
}

type MakeSpan = fn(&Request<axum::body::Body>) -> tracing::Span;

pub fn http_trace() -> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, MakeSpan> {
    TraceLayer::new_for_http()
        .make_span_with(request_span as MakeSpan)
        .on_response(DefaultOnResponse::new().level(Level::INFO))
}

fn request_span(request: &Request<axum::body::Body>) -> tracing::Span {
    tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
}
