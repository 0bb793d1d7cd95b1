//! `/api/v1`: one module per resource of `api/openapi.yaml`.

mod health;

use crate::AppState;
use axum::Router;
use axum::routing::get;

pub fn api() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .fallback(crate::problem::not_found)
}
