use crate::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;

#[derive(Serialize)]
pub struct Health {
    status: &'static str,
    database: &'static str,
    version: &'static str,
}

/// `GET /api/v1/health`: 200 when the server and its database answer, 503 otherwise.
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let database_ok = state.db.is_healthy().await;
    let status = if database_ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = Health {
        status: if database_ok { "ok" } else { "degraded" },
        database: if database_ok { "ok" } else { "unavailable" },
        version: env!("CARGO_PKG_VERSION"),
    };
    (status, Json(body))
}
