//! CORS for an app served from another origin (`--allowed-origin`): the API answers the
//! app's origins (`crate::origins`), with credentials, and no others (api/openapi.yaml, "Cross-origin"). Never `*`:
//! the answers are personal, and a wildcard cannot carry credentials anyway.

use crate::origins::AppOrigins;
use axum::http::{HeaderName, HeaderValue, Method, header};
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// How long a browser may reuse a preflight's answer (Chromium caps it at two hours).
const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(600);

pub fn layer(origins: &AppOrigins) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(
            origins
                .all()
                .filter_map(|origin| HeaderValue::from_str(origin).ok()),
        ))
        .allow_credentials(true)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([
            header::LOCATION,
            header::RETRY_AFTER,
            header::CONTENT_DISPOSITION,
        ])
        .max_age(PREFLIGHT_MAX_AGE)
}
