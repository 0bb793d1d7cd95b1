//! What a load balancer and an orchestrator ask of an instance, outside the API:
//!
//! - `GET /livez`: the process answers (restart it if not). Nothing else is asked, so a
//!   database outage does not make every instance restart at once.
//! - `GET /readyz`: send it requests: the database answers, the object store answers (one
//!   HEAD of a marker object), and it is not draining (after SIGTERM it answers 503 while it
//!   finishes).
//!
//! Both answer any caller (a balancer has no credentials) and tell nothing but `ok` or what
//! is not ready; they read no request data and keep nothing. Readiness looks at the
//! database and the store at most once every two seconds, whoever asks and however often,
//! so that the probe cannot be used to make the server (or its store) work.

use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

pub async fn live() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// How long one look at the database and the store answers readiness: however often it is
/// asked, an instance asks them at most once per this.
const READINESS_TTL: Duration = Duration::from_secs(2);
/// The longest a look at the store may take before it counts as not answering.
const READINESS_WAIT: Duration = Duration::from_secs(1);

/// The last look at the database and the store, shared by the probes of one instance.
#[derive(Default)]
pub struct Readiness {
    last: tokio::sync::Mutex<Option<(Instant, Dependencies)>>,
}

#[derive(Clone, Copy)]
struct Dependencies {
    database: bool,
    storage: bool,
}

impl Readiness {
    /// The last answers if fresh; otherwise a new look. Callers that come while one looks
    /// wait for its answer instead of looking too.
    async fn dependencies(&self, state: &AppState) -> Dependencies {
        let mut last = self.last.lock().await;
        if let Some((at, answers)) = *last
            && at.elapsed() < READINESS_TTL
        {
            return answers;
        }
        // A store that does not answer is retried by its client for a while; the probe
        // answers within a second whatever happens.
        let storage = tokio::time::timeout(READINESS_WAIT, state.settings.storage.answers());
        let (database, storage) = tokio::join!(state.db.is_healthy(), storage);
        let storage = storage.unwrap_or(false);
        let answers = Dependencies { database, storage };
        *last = Some((Instant::now(), answers));
        answers
    }
}

pub async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let draining = state.draining.load(Ordering::Relaxed);
    let Dependencies { database, storage } = state.readiness.dependencies(&state).await;
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
