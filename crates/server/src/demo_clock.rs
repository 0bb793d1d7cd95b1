//! The demo clock: with `--demo-clock <seconds>` (`OTINISH_DEMO_CLOCK`; off by default),
//! `serve` moves every submitted, unfinished application one step along its provider's path
//! at each interval, and issues it at the end, so that a demonstration shows the whole life
//! of an application without an officer. It never refuses. Issuing needs a result document:
//! in test mode the backend makes one; outside test mode an application waits in `decision`
//! until an officer uploads one.
//!
//! It stops with the server: `serve` stops it after the last request has been answered, and
//! a step under way is finished first.
//!
//! With several instances on one database, each may run it, and one at a time does: a step
//! is taken only under the database lease [`LEASE`], renewed at each step, taken over by
//! another instance once it lapses (three intervals), and given up when the clock stops.

use crate::db::Db;
use crate::processing;
use crate::state::Settings;
use otinish_core::api::{StatusEntry, code, field_code};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// The lease's name (`Db::take_lease`).
pub const LEASE: &str = "demo-clock";

pub struct DemoClock {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

/// Starts the clock; the first step comes one interval from now.
pub fn start(db: Db, settings: Arc<Settings>, every: Duration) -> DemoClock {
    let (stop, mut stopped) = watch::channel(false);
    let holder = uuid::Uuid::new_v4().to_string();
    let lasting = (every * 3).max(Duration::from_secs(5));
    let task = tokio::spawn(async move {
        tracing::info!(seconds = every.as_secs_f64(), "demo clock started");
        loop {
            tokio::select! {
                _ = stopped.changed() => break,
                () = tokio::time::sleep(every) => {
                    match db.take_lease(LEASE, &holder, lasting).await {
                        Ok(true) => {
                            let moved = tick(&db, &settings).await;
                            if !moved.is_empty() {
                                tracing::info!(moved = moved.len(), "demo clock moved applications");
                            }
                        }
                        // Another instance's clock runs: this one waits for its lease to lapse.
                        Ok(false) => {}
                        Err(error) => tracing::warn!(%error, "demo clock: storage unavailable"),
                    }
                }
            }
        }
        if let Err(error) = db.release_lease(LEASE, &holder).await {
            tracing::warn!(%error, "demo clock: its lease lapses by itself");
        }
        tracing::info!("demo clock stopped");
    });
    DemoClock { stop, task }
}

impl DemoClock {
    /// Stops the clock, waiting for a step under way to finish.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(error) = self.task.await {
            tracing::error!(%error, "demo clock task failed");
        }
    }
}

/// One step for every submitted, unfinished application; answers the moves made.
pub async fn tick(db: &Db, settings: &Settings) -> Vec<(String, StatusEntry)> {
    let ids = match db.unfinished_application_ids().await {
        Ok(ids) => ids,
        Err(error) => {
            tracing::warn!(%error, "demo clock: storage unavailable");
            return Vec::new();
        }
    };
    let mut moved = Vec::new();
    for id in ids {
        let application = match db.submitted_application(&id).await {
            Ok(Some(application)) => application,
            Ok(None) => continue,
            Err(error) => {
                tracing::warn!(%error, "demo clock: storage unavailable");
                continue;
            }
        };
        match processing::advance(db, settings, &application).await {
            Ok(entry) => moved.push((id, entry)),
            // Outside test mode, and moved by an officer meanwhile: nothing to do now.
            Err(error)
                if error.0.code == code::TRANSITION_NOT_ALLOWED
                    || error
                        .0
                        .errors
                        .iter()
                        .any(|e| e.code == field_code::RESULT_MISSING) => {}
            Err(error) => {
                tracing::warn!(application = %id, code = %error.0.code, detail = ?error.0.detail, "demo clock could not move an application");
            }
        }
    }
    moved
}
