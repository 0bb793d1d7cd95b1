//! eGov mobile sessions (`crate::egov_mobile`): one row a QR code or same-device link, in
//! the database and never in process memory, so that whichever backend instance the phone
//! or the browser reaches can answer. Times are RFC 3339 UTC text, which sorts as text.

use super::{Db, now};
use chrono::{DateTime, Utc};
use sqlx::Row;

/// How long a finished or expired row is kept so that the browser still sees what became
/// of it (expired, used) rather than an unknown code; older rows are deleted.
const KEPT_AFTER_EXPIRY: chrono::Duration = chrono::Duration::hours(1);

/// What a session is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EgovPurpose {
    /// Signing an application's signing data with the signing key.
    Signing,
    /// Signing the sign-in challenge with the authentication key.
    SignIn,
}

impl EgovPurpose {
    fn as_str(self) -> &'static str {
        match self {
            EgovPurpose::Signing => "signing",
            EgovPurpose::SignIn => "sign-in",
        }
    }
}

/// Where a session stands, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EgovState {
    Waiting,
    /// The phone's CMS verified; it waits to be submitted (or to sign in).
    Signed,
    /// The phone's CMS did not verify: the problem code.
    Refused(String),
    Cancelled,
    /// Submitted or signed in with: nothing more can be done with it.
    Used,
}

/// A new session, as the browser's start makes it.
pub struct NewEgovSession<'a> {
    pub id: &'a str,
    pub poll_hash: &'a str,
    pub auth_token: &'a str,
    pub purpose: EgovPurpose,
    pub account_id: Option<i64>,
    pub application: Option<(&'a str, u32)>,
    pub iin_bin: Option<&'a str>,
    pub legal_entity: bool,
    pub nonce: Option<&'a str>,
    pub client: &'a str,
    pub data: &'a [u8],
    pub expires_at: DateTime<Utc>,
}

/// A stored session.
#[derive(Debug, Clone)]
pub struct EgovSession {
    pub id: String,
    pub auth_token: String,
    pub purpose: EgovPurpose,
    pub account_id: Option<i64>,
    pub application_id: Option<String>,
    pub application_version: Option<u32>,
    pub iin_bin: Option<String>,
    pub legal_entity: bool,
    pub nonce: Option<String>,
    pub data: Vec<u8>,
    pub state: EgovState,
    pub cms: Option<Vec<u8>>,
    pub expires_at: DateTime<Utc>,
}

impl EgovSession {
    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        self.expires_at <= now
    }
}

/// What the phone's signature came to.
pub enum EgovOutcome<'a> {
    /// Verified: the CMS, kept until `keep_until` for the browser to use.
    Signed {
        cms: &'a [u8],
        keep_until: DateTime<Utc>,
    },
    Refused(&'a str),
}

fn text(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The columns `session_of` reads (a macro, so that queries stay `&'static str`).
macro_rules! columns {
    () => {
        "id, auth_token, purpose, account_id, application_id, application_version, iin_bin, \
         legal_entity, nonce, data, state, refusal, cms, expires_at"
    };
}

fn session_of(row: &sqlx::any::AnyRow) -> Result<EgovSession, sqlx::Error> {
    let purpose: String = row.try_get("purpose")?;
    let state: String = row.try_get("state")?;
    let refusal: Option<String> = row.try_get("refusal")?;
    let expires_at: String = row.try_get("expires_at")?;
    let version: Option<i64> = row.try_get("application_version")?;
    Ok(EgovSession {
        id: row.try_get("id")?,
        auth_token: row.try_get("auth_token")?,
        purpose: if purpose == "sign-in" {
            EgovPurpose::SignIn
        } else {
            EgovPurpose::Signing
        },
        account_id: row.try_get("account_id")?,
        application_id: row.try_get("application_id")?,
        application_version: version.and_then(|v| u32::try_from(v).ok()),
        iin_bin: row.try_get("iin_bin")?,
        legal_entity: row.try_get::<i64, _>("legal_entity")? != 0,
        nonce: row.try_get("nonce")?,
        data: row.try_get("data")?,
        state: match state.as_str() {
            "signed" => EgovState::Signed,
            "refused" => EgovState::Refused(refusal.unwrap_or_default()),
            "cancelled" => EgovState::Cancelled,
            "used" => EgovState::Used,
            _ => EgovState::Waiting,
        },
        cms: row.try_get("cms")?,
        // An unreadable time is treated as long past: such a row can do nothing.
        expires_at: DateTime::parse_from_rfc3339(&expires_at)
            .map(|time| time.with_timezone(&Utc))
            .unwrap_or(DateTime::<Utc>::MIN_UTC),
    })
}

impl Db {
    /// How many sessions still waiting for a phone the account (when given) and the client
    /// have started: the bounds of `crate::egov_mobile` are checked against these.
    pub async fn live_egov_sessions(
        &self,
        account_id: Option<i64>,
        client: &str,
    ) -> Result<(i64, i64), sqlx::Error> {
        let now = now();
        let by_account: i64 = match account_id {
            Some(account_id) => {
                sqlx::query_scalar(
                    "SELECT COUNT(*) FROM egov_mobile_sessions \
                     WHERE account_id = $1 AND state = 'waiting' AND expires_at > $2",
                )
                .bind(account_id)
                .bind(&now)
                .fetch_one(&self.pool)
                .await?
            }
            None => 0,
        };
        let by_client: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM egov_mobile_sessions \
             WHERE client = $1 AND state = 'waiting' AND expires_at > $2",
        )
        .bind(client)
        .bind(&now)
        .fetch_one(&self.pool)
        .await?;
        Ok((by_account, by_client))
    }

    /// Keeps a new session; rows expired for long are deleted on the way.
    pub async fn create_egov_session(&self, new: &NewEgovSession<'_>) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM egov_mobile_sessions WHERE expires_at <= $1")
            .bind(text(Utc::now() - KEPT_AFTER_EXPIRY))
            .execute(&self.writer)
            .await?;
        sqlx::query(
            "INSERT INTO egov_mobile_sessions (id, poll_hash, auth_token, purpose, account_id, \
             application_id, application_version, iin_bin, legal_entity, nonce, client, data, \
             created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(new.id)
        .bind(new.poll_hash)
        .bind(new.auth_token)
        .bind(new.purpose.as_str())
        .bind(new.account_id)
        .bind(new.application.map(|(id, _)| id))
        .bind(new.application.map(|(_, version)| i64::from(version)))
        .bind(new.iin_bin)
        .bind(i64::from(new.legal_entity))
        .bind(new.nonce)
        .bind(new.client)
        .bind(new.data)
        .bind(now())
        .bind(text(new.expires_at))
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// The session of an API №1/№2 URL.
    pub async fn egov_session(&self, id: &str) -> Result<Option<EgovSession>, sqlx::Error> {
        let query = concat!(
            "SELECT ",
            columns!(),
            " FROM egov_mobile_sessions WHERE id = $1"
        );
        let row = sqlx::query(query)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(session_of).transpose()
    }

    /// The session of a browser's poll secret (by its hash).
    pub async fn egov_session_polled(
        &self,
        poll_hash: &str,
    ) -> Result<Option<EgovSession>, sqlx::Error> {
        let query = concat!(
            "SELECT ",
            columns!(),
            " FROM egov_mobile_sessions WHERE poll_hash = $1"
        );
        let row = sqlx::query(query)
            .bind(poll_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(session_of).transpose()
    }

    /// Records the phone's signature, once: only a live session still waiting changes.
    /// Whether it did.
    pub async fn settle_egov_session(
        &self,
        id: &str,
        outcome: EgovOutcome<'_>,
    ) -> Result<bool, sqlx::Error> {
        let done =
            match outcome {
                EgovOutcome::Signed { cms, keep_until } => sqlx::query(
                    "UPDATE egov_mobile_sessions SET state = 'signed', cms = $1, expires_at = $2 \
                     WHERE id = $3 AND state = 'waiting' AND expires_at > $4",
                )
                .bind(cms)
                .bind(text(keep_until))
                .bind(id)
                .bind(now())
                .execute(&self.writer)
                .await?,
                EgovOutcome::Refused(code) => {
                    sqlx::query(
                        "UPDATE egov_mobile_sessions SET state = 'refused', refusal = $1 \
                     WHERE id = $2 AND state = 'waiting' AND expires_at > $3",
                    )
                    .bind(code)
                    .bind(id)
                    .bind(now())
                    .execute(&self.writer)
                    .await?
                }
            };
        Ok(done.rows_affected() == 1)
    }

    /// The browser gives up a session still waiting. Whether it was.
    pub async fn cancel_egov_session(&self, poll_hash: &str) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE egov_mobile_sessions SET state = 'cancelled' \
             WHERE poll_hash = $1 AND state = 'waiting'",
        )
        .bind(poll_hash)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Test mode: ends a session's time now, as if its minutes were over. False when no
    /// session has this poll secret.
    pub async fn expire_egov_session(&self, poll_hash: &str) -> Result<bool, sqlx::Error> {
        // An expired session keeps its time (`CASE`), so that the row is matched either way.
        let done = sqlx::query(
            "UPDATE egov_mobile_sessions \
             SET expires_at = CASE WHEN expires_at > $1 THEN $1 ELSE expires_at END \
             WHERE poll_hash = $2",
        )
        .bind(now())
        .bind(poll_hash)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Takes a signed sign-in session, once: its nonce and the phone's CMS.
    pub async fn take_egov_sign_in(
        &self,
        poll_hash: &str,
    ) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
        let row = sqlx::query(
            "UPDATE egov_mobile_sessions SET state = 'used' \
             WHERE poll_hash = $1 AND purpose = 'sign-in' AND state = 'signed' AND expires_at > $2 \
             RETURNING nonce, cms",
        )
        .bind(poll_hash)
        .bind(now())
        .fetch_optional(&self.writer)
        .await?;
        row.map(|row| {
            let nonce: Option<String> = row.try_get("nonce")?;
            let cms: Option<Vec<u8>> = row.try_get("cms")?;
            Ok((nonce.unwrap_or_default(), cms.unwrap_or_default()))
        })
        .transpose()
    }
}
