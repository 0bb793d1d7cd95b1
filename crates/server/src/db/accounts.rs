//! Accounts, sessions and the registry that stands in for ГБД ФЛ / ГБД ЮЛ.

use super::{Db, now};
use crate::accounts::session::LIFETIME_MINUTES;
use sqlx::Row;

/// What the state registers know of an applicant.
#[derive(Debug, Clone)]
pub enum RegistryRecord {
    Person {
        iin: String,
        surname: String,
        given_name: String,
        patronymic: Option<String>,
        address: String,
    },
    Company {
        bin: String,
        name: String,
        address: String,
    },
}

pub struct NewAccount<'a> {
    pub iin_bin: &'a str,
    pub password_hash: &'a str,
}

impl Db {
    /// The registry record of an ИИН or БИН, if the registers know it.
    pub async fn registry_record(
        &self,
        iin_bin: &str,
    ) -> Result<Option<RegistryRecord>, sqlx::Error> {
        let person = sqlx::query("SELECT iin, surname, given_name, patronymic, address FROM registry_people WHERE iin = ?")
            .bind(iin_bin)
            .fetch_optional(&self.pool)
            .await?;
        if let Some(row) = person {
            return Ok(Some(RegistryRecord::Person {
                iin: row.get("iin"),
                surname: row.get("surname"),
                given_name: row.get("given_name"),
                patronymic: row.get("patronymic"),
                address: row.get("address"),
            }));
        }
        let company =
            sqlx::query("SELECT bin, name, address FROM registry_companies WHERE bin = ?")
                .bind(iin_bin)
                .fetch_optional(&self.pool)
                .await?;
        Ok(company.map(|row| RegistryRecord::Company {
            bin: row.get("bin"),
            name: row.get("name"),
            address: row.get("address"),
        }))
    }

    /// Creates the account; `None` if one exists for that ИИН/БИН already.
    pub async fn create_account(
        &self,
        account: NewAccount<'_>,
    ) -> Result<Option<i64>, sqlx::Error> {
        let result = sqlx::query("INSERT INTO accounts (identifier, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT (identifier) DO NOTHING")
            .bind(account.iin_bin)
            .bind(account.password_hash)
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok((result.rows_affected() == 1).then(|| result.last_insert_rowid()))
    }

    /// The account id and password hash of an ИИН/БИН.
    pub async fn account_credentials(
        &self,
        iin_bin: &str,
    ) -> Result<Option<(i64, String)>, sqlx::Error> {
        let row = sqlx::query("SELECT id, password_hash FROM accounts WHERE identifier = ?")
            .bind(iin_bin)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|row| (row.get("id"), row.get("password_hash"))))
    }

    /// Starts a session; returns when it expires.
    pub async fn create_session(
        &self,
        account_id: i64,
        token_hash: &str,
    ) -> Result<chrono::DateTime<chrono::Utc>, sqlx::Error> {
        let expires = chrono::Utc::now() + chrono::Duration::minutes(LIFETIME_MINUTES);
        sqlx::query("INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
            .bind(token_hash)
            .bind(account_id)
            .bind(now())
            .bind(expires.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
            .execute(&self.pool)
            .await?;
        Ok(expires)
    }

    /// The account of a live session, whose expiry moves on by the session's lifetime.
    pub async fn touch_session(
        &self,
        token_hash: &str,
    ) -> Result<Option<(i64, String)>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT sessions.account_id, sessions.expires_at, accounts.identifier FROM sessions \
             JOIN accounts ON accounts.id = sessions.account_id WHERE token_hash = ? AND expires_at > ?",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        // Moving the expiry is a write, and SQLite has one writer: do it at most once a
        // minute per session rather than on every request.
        let renewed = chrono::Utc::now() + chrono::Duration::minutes(LIFETIME_MINUTES);
        let expires_at: String = row.get("expires_at");
        let stale = chrono::DateTime::parse_from_rfc3339(&expires_at).map_or(true, |at| {
            renewed.signed_duration_since(at) > chrono::Duration::minutes(1)
        });
        if stale {
            sqlx::query("UPDATE sessions SET expires_at = ? WHERE token_hash = ?")
                .bind(renewed.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                .bind(token_hash)
                .execute(&self.pool)
                .await?;
        }
        Ok(Some((row.get("account_id"), row.get("identifier"))))
    }

    /// When a live session expires.
    pub async fn session_expiry(&self, token_hash: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT expires_at FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
