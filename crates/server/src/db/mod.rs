//! Storage. SQLite (the embedded default) or PostgreSQL (for several instances) through
//! sqlx, each with its own migrations (`migrations/`, `migrations-postgres/`) applied at start.
//!
//! Handlers talk to [`Db`], never to SQL directly. The queries are written once, in the SQL
//! both engines read: `$N` parameters, times as RFC 3339 text in UTC (which sorts as text),
//! JSON as text, integers as 64 bits. Every write that depends on what was read names it in
//! its `WHERE` (status, version), or writes first to take the row's lock, so that it holds
//! under PostgreSQL's READ COMMITTED as under SQLite's single writer.
//! Each area keeps its queries in its own module, as more `impl Db` blocks.

mod accounts;
#[macro_use] // record_columns!, for the documents' query that reads their application too
mod applications;
mod documents;
mod egov_mobile;
mod leases;
mod payments;
mod status;
mod submission;

pub use accounts::{RegistryRecord, SignIn, SignInEntry, SignInMethod};
pub use applications::{ApplicationRecord, ListPage, ListPosition, ListQuery, NewApplication};
pub use documents::{AddRefused, DocumentRecord, NewDocument, SessionWithApplication};
pub use egov_mobile::{EgovOutcome, EgovPurpose, EgovSession, EgovState, NewEgovSession};
pub use payments::{GatewayPayment, GatewayReport, NewPayment, PaymentCreated, ReportRecorded};
pub use status::{
    OfficerListItem, OfficerListQuery, OfficerRecord, ResultChange, StoredResult,
    SubmittedApplication, Transition, parse_status, parse_time,
};
pub use submission::{
    IdempotencyKey, KeyState, StoredResponse, StoredSignature, SubmissionRecord, SubmissionRecorded,
};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::str::FromStr;

/// The pool every query goes through: sqlx's `Any` driver, so that one set of queries (the
/// portable SQL both engines read, `$N` parameters) serves SQLite and PostgreSQL alike.
type Pool = AnyPool;

#[derive(Clone)]
pub struct Db {
    /// Reads.
    pool: Pool,
    /// Writes, and the transactions that write. On SQLite its own pool of one connection:
    /// SQLite has one writer at a time, and writers that share the readers' connections
    /// wait for its lock in SQLite's busy handler, which sleeps (1, 2, 5, 10 ms…) with the
    /// connection held, where writers queued on the pool's one connection take turns as
    /// soon as it is free (BENCHMARKS.md, section 5). On PostgreSQL the same pool as reads.
    writer: Pool,
    /// Whether `writer` is a pool of its own (SQLite on a file).
    own_writer: bool,
    engine: Engine,
}

/// The database engine behind a [`Db`], from its URL's scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// The embedded default: one file under the data directory, one machine.
    Sqlite,
    /// For several instances: `postgres://…`.
    Postgres,
}

impl Engine {
    pub fn of(url: &str) -> Option<Engine> {
        if url.starts_with("sqlite:") {
            Some(Engine::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Engine::Postgres)
        } else {
            None
        }
    }
}

/// Now, as the database stores it: RFC 3339 in UTC, which sorts as text.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl Db {
    /// Opens the database at `url` (`sqlite://…`, created if needed, or `postgres://…`) and
    /// brings its schema up to date with the engine's own migrations.
    pub async fn open(url: &str) -> Result<Db, crate::Error> {
        sqlx::any::install_default_drivers();
        let engine = Engine::of(url).ok_or_else(|| crate::Error::DatabaseUrl(url.to_string()))?;
        let (pool, writer) = match engine {
            Engine::Sqlite => {
                let url = sqlite_url(url);
                let options = AnyConnectOptions::from_str(&url).map_err(crate::Error::Database)?;
                // One database in memory is one connection's own: one pool for everything.
                if url.contains(":memory:") {
                    let pool = sqlite_pool(1).connect_with(options).await;
                    let pool = pool.map_err(crate::Error::Database)?;
                    (pool.clone(), pool)
                } else {
                    // The writer first: it creates the file and turns WAL on.
                    let writer = sqlite_pool(1).connect_with(options.clone()).await;
                    let writer = writer.map_err(crate::Error::Database)?;
                    // WAL lets readers go on while the writer commits. Two measured best
                    // (scripts/bench, BENCHMARKS.md).
                    let readers = sqlite_pool(2).connect_with(options).await;
                    (readers.map_err(crate::Error::Database)?, writer)
                }
            }
            Engine::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .connect(url)
                    .await
                    .map_err(crate::Error::Database)?;
                (pool.clone(), pool)
            }
        };
        let migrator = match engine {
            Engine::Sqlite => sqlx::migrate!("./migrations"),
            Engine::Postgres => sqlx::migrate!("./migrations-postgres"),
        };
        migrator
            .run(&writer)
            .await
            .map_err(crate::Error::Migration)?;
        Ok(Db {
            own_writer: engine == Engine::Sqlite && !url.contains(":memory:"),
            pool,
            writer,
            engine,
        })
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// The pool's open connections, and how many of them are idle.
    pub fn pool_stats(&self) -> (u32, usize) {
        if self.own_writer {
            let size = self.pool.size() + self.writer.size();
            return (size, self.pool.num_idle() + self.writer.num_idle());
        }
        (self.pool.size(), self.pool.num_idle())
    }

    /// Closes the pool: queries under way finish, later ones fail (as when the database
    /// is gone). At shutdown, and in the tests of what a storage failure answers.
    pub async fn close(&self) {
        self.pool.close().await;
        if self.own_writer {
            self.writer.close().await;
        }
    }

    pub async fn record_start(&self) -> Result<(), crate::Error> {
        sqlx::query("INSERT INTO server_starts (started_at, version) VALUES ($1, $2)")
            .bind(now())
            .bind(env!("CARGO_PKG_VERSION"))
            .execute(&self.writer)
            .await
            .map_err(crate::Error::Database)?;
        Ok(())
    }

    /// Whether the database answers.
    pub async fn is_healthy(&self) -> bool {
        sqlx::query_scalar::<_, i64>("SELECT CAST(1 AS BIGINT)")
            .fetch_one(&self.pool)
            .await
            .is_ok()
    }
}

/// A pool of SQLite connections, each set up the same way.
fn sqlite_pool(connections: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(connections)
        // A connection to a file in this process cannot be lost as a network one can: no
        // ping (a round trip to the connection's thread) before each use.
        .test_before_acquire(false)
        .after_connect(|connection, _| {
            Box::pin(async move {
                // NORMAL is durable with WAL; a connection that finds the database locked (a
                // checkpoint, another process) waits for it instead of failing at once.
                connection
                    .execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
                    )
                    .await?;
                Ok(())
            })
        })
}

/// SQLite's file is created when missing (`mode=rwc`), as the embedded default must be.
fn sqlite_url(url: &str) -> String {
    if url.contains("mode=") || url.contains(":memory:") {
        url.to_string()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}
