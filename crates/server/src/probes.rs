//! What a load balancer and an orchestrator ask of an instance, outside the API:
//!
//! - `GET /livez`: the process answers (restart it if not). Nothing else is asked, so a
//!   database outage does not make every instance restart at once.
//! - `GET /readyz`: send it requests: the database answers, the document storage is
//!   writable, and it is not draining (after SIGTERM it answers 503 while it finishes).
//!
//! Both answer any caller (a balancer has no credentials) and tell nothing but `ok` or what
//! is not ready; they read no request data and keep nothing.

use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};
use std::sync::atomic::Ordering;

pub async fn live() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

pub async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let draining = state.draining.load(Ordering::Relaxed);
    let database = state.db.is_healthy().await;
    let storage = storage_writable(&state).await;
    let ready = database && storage && !draining;
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let word = |ok: bool| if ok { "ok" } else { "unavailable" };
    (
        status,
        Json(json!({
            "status": if ready { "ok" } else if draining { "draining" } else { "unavailable" },
            "database": word(database),
            "storage": word(storage),
        })),
    )
}

/// The uploads folder exists (or can be made) and takes a file.
async fn storage_writable(state: &AppState) -> bool {
    let dir = state.settings.uploads_dir();
    if tokio::fs::create_dir_all(&dir).await.is_err() {
        return false;
    }
    let probe = dir.join(format!(".ready-{}.part", uuid::Uuid::new_v4()));
    let written = tokio::fs::write(&probe, b"ok").await.is_ok();
    let _ = tokio::fs::remove_file(&probe).await;
    written
}
