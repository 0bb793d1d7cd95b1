//! Leases: a named piece of work that one instance at a time does, held in the database so
//! that every instance sees the same holder. Taken by one upsert, which both engines make
//! atomic: no instance can read "free" and then write over another's fresh lease.

use super::Db;
use chrono::{Duration, SecondsFormat, Utc};

impl Db {
    /// Takes or renews the lease `name` for `holder` until `lasting` from now: `true` when
    /// `holder` has it (it was free, lapsed, or already `holder`'s), `false` while another
    /// holder's lease runs.
    pub async fn take_lease(
        &self,
        name: &str,
        holder: &str,
        lasting: std::time::Duration,
    ) -> Result<bool, sqlx::Error> {
        let now = Utc::now();
        let until = now + Duration::from_std(lasting).unwrap_or(Duration::minutes(1));
        let time = |at: chrono::DateTime<Utc>| at.to_rfc3339_opts(SecondsFormat::Millis, true);
        let taken = sqlx::query(
            "INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
             WHERE leases.holder = excluded.holder OR leases.expires_at < $4",
        )
        .bind(name)
        .bind(holder)
        .bind(time(until))
        .bind(time(now))
        .execute(&self.writer)
        .await?
        .rows_affected();
        Ok(taken == 1)
    }

    /// Gives the lease up, if `holder` has it, so that another instance need not wait for it
    /// to lapse (a clean shutdown).
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM leases WHERE name = $1 AND holder = $2")
            .bind(name)
            .bind(holder)
            .execute(&self.writer)
            .await?;
        Ok(())
    }
}
