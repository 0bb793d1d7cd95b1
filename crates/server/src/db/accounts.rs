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

/// How a session began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInMethod {
    Password,
    Signature,
    Test,
}

impl SignInMethod {
    fn as_str(self) -> &'static str {
        match self {
            SignInMethod::Password => "password",
            SignInMethod::Signature => "signature",
            SignInMethod::Test => "test",
        }
    }
}

/// A sign-in proven by ЭЦП (or the test sign-in), for the record.
pub struct SignIn<'a> {
    pub account_id: i64,
    pub method: SignInMethod,
    /// The person who signed in (for a company's account, its employee).
    pub signer_iin: Option<&'a str>,
    pub certificate_serial: Option<&'a str>,
}

impl Db {
    /// The registry record of an ИИН or БИН, if the registers know it.
    pub async fn registry_record(
        &self,
        iin_bin: &str,
    ) -> Result<Option<RegistryRecord>, sqlx::Error> {
        let person = sqlx::query("SELECT iin, surname, given_name, patronymic, address FROM registry_people WHERE iin = $1")
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
            sqlx::query("SELECT bin, name, address FROM registry_companies WHERE bin = $1")
                .bind(iin_bin)
                .fetch_optional(&self.pool)
                .await?;
        Ok(company.map(|row| RegistryRecord::Company {
            bin: row.get("bin"),
            name: row.get("name"),
            address: row.get("address"),
        }))
    }

    /// The account of an ИИН/БИН, created (without a password) if there is none yet: its id
    /// and whether it was created now.
    pub async fn account_for(&self, iin_bin: &str) -> Result<(i64, bool), sqlx::Error> {
        let created = sqlx::query("INSERT INTO accounts (identifier, password_hash, created_at) VALUES ($1, '', $2) ON CONFLICT (identifier) DO NOTHING")
            .bind(iin_bin)
            .bind(now())
            .execute(&self.writer)
            .await?
            .rows_affected()
            == 1;
        let id = sqlx::query_scalar("SELECT id FROM accounts WHERE identifier = $1")
            .bind(iin_bin)
            .fetch_one(&self.pool)
            .await?;
        Ok((id, created))
    }

    /// Sets the account's password (its hash), the second way in.
    pub async fn set_password(&self, account_id: i64, hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(account_id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    pub async fn record_sign_in(&self, sign_in: &SignIn<'_>) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO sign_ins (account_id, method, signer_iin, certificate_serial, signed_in_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(sign_in.account_id)
            .bind(sign_in.method.as_str())
            .bind(sign_in.signer_iin)
            .bind(sign_in.certificate_serial)
            .bind(now())
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Keeps a sign-in challenge: the bytes to sign, under the hash of its nonce. Expired
    /// ones are cleared on the way.
    pub async fn create_challenge(
        &self,
        nonce_hash: &str,
        data: &[u8],
        expires_at: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), sqlx::Error> {
        let millis = |t: chrono::DateTime<chrono::Utc>| {
            t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        };
        sqlx::query("DELETE FROM sign_in_challenges WHERE expires_at <= $1")
            .bind(now())
            .execute(&self.writer)
            .await?;
        sqlx::query(
            "INSERT INTO sign_in_challenges (nonce_hash, data, expires_at) VALUES ($1, $2, $3)",
        )
        .bind(nonce_hash)
        .bind(data)
        .bind(millis(expires_at))
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// Takes a live challenge (once: it is gone afterwards): its bytes.
    pub async fn take_challenge(&self, nonce_hash: &str) -> Result<Option<Vec<u8>>, sqlx::Error> {
        sqlx::query_scalar(
            "DELETE FROM sign_in_challenges WHERE nonce_hash = $1 AND expires_at > $2 RETURNING data",
        )
        .bind(nonce_hash)
        .bind(now())
        .fetch_optional(&self.writer)
        .await
    }

    /// How a live session began.
    pub async fn session_method(
        &self,
        token_hash: &str,
    ) -> Result<Option<SignInMethod>, sqlx::Error> {
        let method: Option<String> =
            sqlx::query_scalar("SELECT method FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?;
        Ok(method.map(|m| match m.as_str() {
            "signature" => SignInMethod::Signature,
            "test" => SignInMethod::Test,
            _ => SignInMethod::Password,
        }))
    }

    /// The account id and password hash of an ИИН/БИН.
    pub async fn account_credentials(
        &self,
        iin_bin: &str,
    ) -> Result<Option<(i64, String)>, sqlx::Error> {
        let row = sqlx::query("SELECT id, password_hash FROM accounts WHERE identifier = $1")
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
        method: SignInMethod,
        signer_iin: Option<&str>,
    ) -> Result<chrono::DateTime<chrono::Utc>, sqlx::Error> {
        let expires = chrono::Utc::now() + chrono::Duration::minutes(LIFETIME_MINUTES);
        sqlx::query("INSERT INTO sessions (token_hash, account_id, created_at, expires_at, method, signer_iin) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(token_hash)
            .bind(account_id)
            .bind(now())
            .bind(expires.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
            .bind(method.as_str())
            .bind(signer_iin)
            .execute(&self.writer)
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
             JOIN accounts ON accounts.id = sessions.account_id WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        self.renew_session(token_hash, &row.get::<String, _>("expires_at"))
            .await?;
        Ok(Some((row.get("account_id"), row.get("identifier"))))
    }

    /// Moves a live session's expiry on by its lifetime, read as `expires_at`.
    pub(super) async fn renew_session(
        &self,
        token_hash: &str,
        expires_at: &str,
    ) -> Result<(), sqlx::Error> {
        // Moving the expiry is a write, and SQLite has one writer: do it at most once a
        // minute per session rather than on every request.
        let renewed = chrono::Utc::now() + chrono::Duration::minutes(LIFETIME_MINUTES);
        let stale = chrono::DateTime::parse_from_rfc3339(expires_at).map_or(true, |at| {
            renewed.signed_duration_since(at) > chrono::Duration::minutes(1)
        });
        if stale {
            sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2")
                .bind(renewed.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                .bind(token_hash)
                .execute(&self.writer)
                .await?;
        }
        Ok(())
    }

    /// When a live session expires.
    pub async fn session_expiry(&self, token_hash: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT expires_at FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.writer)
            .await?;
        Ok(())
    }
}

/// A sign-in as recorded: how, and for an employee's key, the person who signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInEntry {
    pub method: String,
    pub signer_iin: Option<String>,
    pub certificate_serial: Option<String>,
    pub signed_in_at: String,
}

/// Who signed in and how, for an audit (and the tests that look behind the API).
impl Db {
    /// An account's sign-ins, oldest first.
    pub async fn sign_ins(&self, account_id: i64) -> Result<Vec<SignInEntry>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT method, signer_iin, certificate_serial, signed_in_at FROM sign_ins \
             WHERE account_id = $1 ORDER BY signed_in_at, id",
        )
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(SignInEntry {
                    method: row.try_get("method")?,
                    signer_iin: row.try_get("signer_iin")?,
                    certificate_serial: row.try_get("certificate_serial")?,
                    signed_in_at: row.try_get("signed_in_at")?,
                })
            })
            .collect()
    }

    /// The person who signed a live session in, for a session begun with an employee's key.
    pub async fn session_signer(&self, token_hash: &str) -> Result<Option<String>, sqlx::Error> {
        let signer: Option<Option<String>> =
            sqlx::query_scalar("SELECT signer_iin FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?;
        Ok(signer.flatten())
    }
}
