use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use otinish_core::api::{DatabaseStatus, Health, HealthStatus};

/// `GET /api/v1/health`: 200 when the server and its database answer, 503 otherwise.
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let database_ok = state.db.is_healthy().await;
    let body = Health {
        status: if database_ok {
            HealthStatus::Ok
        } else {
            HealthStatus::Degraded
        },
        database: if database_ok {
            DatabaseStatus::Ok
        } else {
            DatabaseStatus::Unavailable
        },
        version: env!("CARGO_PKG_VERSION").to_string(),
    };
    (
        if database_ok {
            StatusCode::OK
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        },
        Json(body),
    )
}
