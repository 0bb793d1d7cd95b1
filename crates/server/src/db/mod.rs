//! Storage. SQLite through sqlx, with migrations applied at start.
//!
//! Handlers talk to [`Db`], never to SQL directly, so that a PostgreSQL implementation
//! can be added behind the same methods for deployments that outgrow one machine.
//! Each area keeps its queries in its own module, as more `impl Db` blocks.

mod accounts;
mod applications;
mod documents;
mod payments;
mod status;
mod submission;

pub use accounts::{RegistryRecord, SignIn, SignInMethod};
pub use applications::{ApplicationRecord, ListPage, ListPosition, ListQuery, NewApplication};
pub use documents::{AddRefused, DocumentRecord, NewDocument};
pub use payments::{GatewayPayment, GatewayReport, NewPayment, PaymentCreated, ReportRecorded};
pub use status::{
    OfficerListItem, OfficerListQuery, OfficerRecord, ResultChange, StoredResult,
    SubmittedApplication, Transition, parse_status, parse_time,
};
pub use submission::{
    IdempotencyKey, KeyClaim, StoredResponse, SubmissionRecord, SubmissionRecorded,
};

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;

#[derive(Clone)]
pub struct Db {
    pool: SqlitePool,
}

/// Now, as the database stores it: RFC 3339 in UTC, which sorts as text.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl Db {
    /// Opens (creating if needed) the database at `url` and brings its schema up to date.
    pub async fn open(url: &str) -> Result<Db, crate::Error> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(crate::Error::Database)?
            .create_if_missing(true)
            // WAL lets readers go on while one writer commits; NORMAL is durable with WAL.
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            // Writers queue behind each other instead of failing at once under load.
            .busy_timeout(std::time::Duration::from_secs(5));
        // SQLite has one writer at a time: more connections only wait on its lock, with sleeps
        // that show in the slowest requests. Two measured best (scripts/bench, BENCHMARKS.md).
        let pool = SqlitePoolOptions::new()
            .max_connections(2)
            .connect_with(options)
            .await
            .map_err(crate::Error::Database)?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .map_err(crate::Error::Migration)?;
        Ok(Db { pool })
    }

    pub async fn record_start(&self) -> Result<(), crate::Error> {
        sqlx::query("INSERT INTO server_starts (started_at, version) VALUES (datetime('now'), ?)")
            .bind(env!("CARGO_PKG_VERSION"))
            .execute(&self.pool)
            .await
            .map_err(crate::Error::Database)?;
        Ok(())
    }

    /// Whether the database answers.
    pub async fn is_healthy(&self) -> bool {
        sqlx::query_scalar::<_, i64>("SELECT 1")
            .fetch_one(&self.pool)
            .await
            .is_ok()
    }
}
