//! What an operator of several instances watches, at `GET /metrics` in the OpenMetrics text
//! format (which Prometheus scrapes), through the Prometheus project's own client crate:
//! requests by route, method and status with their latency, submissions, uploads, sign-in
//! attempts refused by the rate limits, and the database pool.
//!
//! The route label is the route's pattern (`/api/v1/applications/{application_id}`), never
//! the path a client sent, so the number of series stays fixed whatever clients send.
//! `/metrics` answers only the bearer of `--metrics-token`; without one it is not served.

use crate::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use std::time::Instant;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: String,
    route: String,
}

/// The instance's counters. Cheap to update from any handler (atomics).
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    submissions: Counter,
    uploads: Counter,
    upload_bytes: Counter,
    rate_limited: Counter,
    pool_connections: Gauge,
    pool_idle: Gauge,
}

fn latency_histogram() -> Histogram {
    // 1 ms to about 16 s, doubling.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("otinish");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "API requests answered, by route pattern, method and status",
            requests.clone(),
        );
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(
            latency_histogram as fn() -> Histogram,
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer an API request, by route pattern and method",
            latency.clone(),
        );
        let submissions = Counter::default();
        registry.register(
            "submissions",
            "Applications submitted (signed and delivered)",
            submissions.clone(),
        );
        let uploads = Counter::default();
        registry.register("uploads", "Document files stored", uploads.clone());
        let upload_bytes = Counter::default();
        registry.register(
            "upload_bytes",
            "Bytes of the document files stored",
            upload_bytes.clone(),
        );
        let rate_limited = Counter::default();
        registry.register(
            "rate_limited",
            "Requests refused by a rate limit (429)",
            rate_limited.clone(),
        );
        let pool_connections = Gauge::default();
        registry.register(
            "db_pool_connections",
            "Database connections open in this instance's pool",
            pool_connections.clone(),
        );
        let pool_idle = Gauge::default();
        registry.register(
            "db_pool_idle_connections",
            "Database connections open and idle in this instance's pool",
            pool_idle.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            submissions,
            uploads,
            upload_bytes,
            rate_limited,
            pool_connections,
            pool_idle,
        }
    }
}

impl Metrics {
    pub fn submitted(&self) {
        self.submissions.inc();
    }

    pub fn uploaded(&self, bytes: u64) {
        self.uploads.inc();
        self.upload_bytes.inc_by(bytes);
    }

    fn answered(&self, method: &str, route: &str, status: StatusCode, seconds: f64) {
        // Every 429 of this backend is a limit's refusal (the sign-in rate limits, or the
        // password hashing queue full).
        if status == StatusCode::TOO_MANY_REQUESTS {
            self.rate_limited.inc();
        }
        let (method, route) = (method.to_string(), route.to_string());
        self.requests
            .get_or_create(&RequestLabels {
                method: method.clone(),
                route: route.clone(),
                status: status.as_u16(),
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels { method, route })
            .observe(seconds);
    }

    /// The text of a scrape, with the pool as it is now.
    fn encode(&self, pool: (u32, usize)) -> String {
        self.pool_connections.set(i64::from(pool.0));
        self.pool_idle.set(pool.1 as i64);
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }
}

/// Counts and times every request of the routes it is laid on (`Router::route_layer`, so
/// that the matched route is known).
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |path| path.as_str().to_string());
    let response = next.run(request).await;
    state.metrics.answered(
        method.as_str(),
        &route,
        response.status(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// `GET /metrics`: for the bearer of `--metrics-token` only; 404 when none is configured, as
/// for any path the server does not have.
pub async fn scrape(State(state): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    let Some(expected) = state.settings.metrics_token.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !crate::auth::bearer_is(&headers, expected) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))],
        )
            .into_response();
    }
    let body = state.metrics.encode(state.db.pool_stats());
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(
                    "application/openmetrics-text; version=1.0.0; charset=utf-8",
                ),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}
