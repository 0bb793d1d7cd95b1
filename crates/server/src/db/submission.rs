//! Submission: idempotency keys, and the one transaction that signs and delivers an
//! application.

use super::{Db, Engine, now};
use crate::names::Named;
use otinish_core::api::ApplicationStatus;
use sqlx::Row;

/// A key whose request started this long ago and never finished was abandoned (the server
/// stopped mid-request); a retry may take it over instead of waiting for ever.
const ABANDONED_AFTER_SECONDS: i64 = 60;

/// What a submission writes, on SQLite: one query, so one round trip to SQLite's connection
/// thread instead of five (sqlx runs a query's statements in turn on SQLite, not on
/// PostgreSQL, which takes them one by one). The history and the signature are written only
/// where the application now has this reference, so that an application that moved on
/// since it was read gets nothing written; the key is taken with its answer by the same
/// upsert as on PostgreSQL, where another request has not taken it. The rows affected tell
/// which: 5 when all is written, 4 without the key, 1 or 0 when the application moved. The
/// two history rows go in the order of the `UNION ALL`, signed before delivered. sqlx calls
/// several statements in one query a SQLite-only behaviour it may drop (launchbadge/sqlx
/// issue 3108): should it, the PostgreSQL branch's statements serve both.
const SQLITE_SUBMISSION: &str = "\
    UPDATE applications SET status = $1, submitted_at = $2, reference = $3, \
    registered_on = $4, expected_result = $5, updated_at = $2 \
    WHERE id = $6 AND status = $7 AND version = $8 AND reference IS NULL; \
    INSERT INTO status_events (application_id, status, at, due) \
    SELECT id, $9, $2, NULL FROM applications WHERE id = $6 AND reference = $3 \
    UNION ALL SELECT id, $1, $2, $10 FROM applications WHERE id = $6 AND reference = $3; \
    INSERT INTO signatures (application_id, method, signed_data, signed_sha256, cms, \
    signed_at, signed_with) \
    SELECT id, $11, $12, $13, $14, $2, $15 FROM applications WHERE id = $6 AND reference = $3; \
    INSERT INTO idempotency_keys (account_id, key, request_hash, started_at, \
    response_status, response_body, response_location) \
    VALUES ($16, $17, $18, $2, $19, $20, $21) \
    ON CONFLICT (account_id, key) DO UPDATE SET started_at = excluded.started_at, \
    response_status = excluded.response_status, response_body = excluded.response_body, \
    response_location = excluded.response_location \
    WHERE idempotency_keys.response_status IS NULL \
    AND idempotency_keys.request_hash = excluded.request_hash \
    AND idempotency_keys.started_at < $22";

/// Keys held by requests that started before this are abandoned.
fn abandoned_before() -> String {
    (chrono::Utc::now() - chrono::Duration::seconds(ABANDONED_AFTER_SECONDS))
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Whether a write failed because another application already has the reference number
/// drawn for this one (the two engines word the unique violation alike: its column).
fn reference_taken(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(error)
        if error.is_unique_violation() && error.message().contains("reference"))
}

/// The answer stored with a finished idempotency key, replayed to retries.
#[derive(Debug, Clone)]
pub struct StoredResponse {
    pub status: u16,
    pub body: Vec<u8>,
    pub location: Option<String>,
}

/// What a request finds stored under its idempotency key.
pub enum KeyState {
    /// Nothing (or a request abandoned long ago): the key is this request's to use.
    Free,
    /// A request with this key is still running (a server that held keys for the length of
    /// a request: an older instance on the same database).
    InFlight,
    /// The key came with another request.
    Reused,
    /// The first request finished; here is its answer.
    Finished(StoredResponse),
}

#[derive(Debug, Clone, Copy)]
pub struct IdempotencyKey<'a> {
    pub account_id: i64,
    pub key: &'a str,
    pub request_hash: &'a str,
}

/// Everything submission writes, in one transaction.
pub struct SubmissionRecord<'a> {
    pub application_id: &'a str,
    /// The status and version the application was checked in: anything else means it
    /// changed meanwhile, and nothing is written.
    pub read_status: ApplicationStatus,
    pub read_version: u32,
    pub reference: &'a str,
    pub submitted_at: &'a str,
    pub registered_on: &'a str,
    pub expected_result: Option<&'a str>,
    /// When the `delivered` stage should end, where the regulation sets a term.
    pub delivered_due: Option<&'a str>,
    pub method: &'a str,
    pub signed_data: &'a [u8],
    pub signed_sha256: &'a str,
    pub cms: Option<&'a [u8]>,
    /// Which app made the CMS: `ncalayer` or `egov-mobile` (none for the test signer).
    pub signed_with: Option<&'a str>,
    /// The eGov mobile session whose CMS this is: used up by the same transaction.
    pub egov_mobile_session: Option<&'a str>,
    pub key: IdempotencyKey<'a>,
    pub response: &'a StoredResponse,
}

pub enum SubmissionRecorded {
    Recorded,
    /// Another request has this idempotency key (see [`Db::idempotency_key_state`]).
    KeyTaken,
    /// Another application has this reference number; draw another.
    ReferenceTaken,
    /// The application is no longer in the state it was checked in.
    Moved,
}

/// What an application was signed with, as it was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSignature {
    /// `test` or `cms`.
    pub method: String,
    /// The signing-data bytes that were signed.
    pub signed_data: Vec<u8>,
    /// For a CMS, the bytes as they came.
    pub cms: Option<Vec<u8>>,
    /// The app that made the CMS (`ncalayer`, `egov-mobile`); none for the test signer.
    pub signed_with: Option<String>,
}

impl Db {
    /// The signature a submitted application was signed with.
    pub async fn stored_signature(
        &self,
        application_id: &str,
    ) -> Result<Option<StoredSignature>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT method, signed_data, cms, signed_with FROM signatures WHERE application_id = $1",
        )
        .bind(application_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(StoredSignature {
                method: row.try_get("method")?,
                signed_data: row.try_get("signed_data")?,
                cms: row.try_get("cms")?,
                signed_with: row.try_get("signed_with")?,
            })
        })
        .transpose()
    }

    /// Stores the key as held by a request under way, with no answer yet: what servers
    /// before 2026-12-05 did for the length of every request, so what a request on such an
    /// instance (several on one database, mid-upgrade) still looks like to this one. The
    /// tests use it to stand for one. False when the key was stored already.
    pub async fn hold_idempotency_key(
        &self,
        key: &IdempotencyKey<'_>,
    ) -> Result<bool, sqlx::Error> {
        let inserted = sqlx::query(
            "INSERT INTO idempotency_keys (account_id, key, request_hash, started_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(key.account_id)
        .bind(key.key)
        .bind(key.request_hash)
        .bind(now())
        .execute(&self.writer)
        .await?;
        Ok(inserted.rows_affected() == 1)
    }

    /// What is stored under the key, as it bears on a request with this key and body.
    pub async fn idempotency_key_state(
        &self,
        key: &IdempotencyKey<'_>,
    ) -> Result<KeyState, sqlx::Error> {
        let row = sqlx::query(
            "SELECT request_hash, started_at, response_status, response_body, response_location \
             FROM idempotency_keys WHERE account_id = $1 AND key = $2",
        )
        .bind(key.account_id)
        .bind(key.key)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(KeyState::Free);
        };
        if row.try_get::<String, _>("request_hash")? != key.request_hash {
            return Ok(KeyState::Reused);
        }
        if let Some(status) = row.try_get::<Option<i64>, _>("response_status")? {
            return Ok(KeyState::Finished(StoredResponse {
                status: u16::try_from(status).unwrap_or(500),
                body: row
                    .try_get::<Option<Vec<u8>>, _>("response_body")?
                    .unwrap_or_default(),
                location: row.try_get("response_location")?,
            }));
        }
        Ok(
            if row.try_get::<String, _>("started_at")? < abandoned_before() {
                KeyState::Free
            } else {
                KeyState::InFlight
            },
        )
    }

    /// Takes the idempotency key with the answer, signs and delivers the application,
    /// records both in its history and keeps the signature: all or nothing.
    pub async fn record_submission(
        &self,
        record: &SubmissionRecord<'_>,
    ) -> Result<SubmissionRecorded, sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        let delivered = ApplicationStatus::Delivered.name();
        let signed = ApplicationStatus::Signed.name();
        if self.engine == Engine::Sqlite {
            let written = sqlx::query(SQLITE_SUBMISSION)
                .bind(delivered)
                .bind(record.submitted_at)
                .bind(record.reference)
                .bind(record.registered_on)
                .bind(record.expected_result)
                .bind(record.application_id)
                .bind(record.read_status.name())
                .bind(i64::from(record.read_version))
                .bind(signed)
                .bind(record.delivered_due)
                .bind(record.method)
                .bind(record.signed_data)
                .bind(record.signed_sha256)
                .bind(record.cms)
                .bind(record.signed_with)
                .bind(record.key.account_id)
                .bind(record.key.key)
                .bind(record.key.request_hash)
                .bind(i64::from(record.response.status))
                .bind(&record.response.body)
                .bind(record.response.location.as_deref())
                .bind(abandoned_before())
                .execute(&mut *tx)
                .await;
            match written {
                Err(error) if reference_taken(&error) => {
                    return Ok(SubmissionRecorded::ReferenceTaken);
                }
                Err(error) => return Err(error),
                // The application, its two history rows, its signature and the key.
                Ok(done) if done.rows_affected() == 5 => {}
                // All but the key: another request has it (and the rest is rolled back).
                Ok(done) if done.rows_affected() == 4 => {
                    return Ok(SubmissionRecorded::KeyTaken);
                }
                // The application moved on, the key taken or not: the caller reads what the
                // key holds whenever a request does not submit.
                Ok(_) => return Ok(SubmissionRecorded::Moved),
            }
        } else {
            // The key is taken with its answer, first: a request with the same key that got
            // here first makes this one wait for its insert, then leaves it nothing to write.
            let key = sqlx::query(
                "INSERT INTO idempotency_keys (account_id, key, request_hash, started_at, \
                 response_status, response_body, response_location) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (account_id, key) DO UPDATE SET started_at = excluded.started_at, \
                 response_status = excluded.response_status, \
                 response_body = excluded.response_body, \
                 response_location = excluded.response_location \
                 WHERE idempotency_keys.response_status IS NULL \
                 AND idempotency_keys.request_hash = excluded.request_hash \
                 AND idempotency_keys.started_at < $8",
            )
            .bind(record.key.account_id)
            .bind(record.key.key)
            .bind(record.key.request_hash)
            .bind(record.submitted_at)
            .bind(i64::from(record.response.status))
            .bind(&record.response.body)
            .bind(record.response.location.as_deref())
            .bind(abandoned_before())
            .execute(&mut *tx)
            .await?;
            if key.rows_affected() == 0 {
                return Ok(SubmissionRecorded::KeyTaken);
            }
            let updated = sqlx::query(
                "UPDATE applications SET status = $1, submitted_at = $2, reference = $3, \
                 registered_on = $4, expected_result = $5, updated_at = $6 \
                 WHERE id = $7 AND status = $8 AND version = $9 AND reference IS NULL",
            )
            .bind(delivered)
            .bind(record.submitted_at)
            .bind(record.reference)
            .bind(record.registered_on)
            .bind(record.expected_result)
            .bind(record.submitted_at)
            .bind(record.application_id)
            .bind(record.read_status.name())
            .bind(i64::from(record.read_version))
            .execute(&mut *tx)
            .await;
            match updated {
                Err(error) if reference_taken(&error) => {
                    return Ok(SubmissionRecorded::ReferenceTaken);
                }
                Err(error) => return Err(error),
                Ok(done) if done.rows_affected() == 0 => return Ok(SubmissionRecorded::Moved),
                Ok(_) => {}
            }
            sqlx::query(
                "INSERT INTO status_events (application_id, status, at, due) \
                 VALUES ($1, $2, $3, NULL), ($4, $5, $6, $7)",
            )
            .bind(record.application_id)
            .bind(signed)
            .bind(record.submitted_at)
            .bind(record.application_id)
            .bind(delivered)
            .bind(record.submitted_at)
            .bind(record.delivered_due)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO signatures (application_id, method, signed_data, signed_sha256, cms, signed_at, signed_with) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(record.application_id)
            .bind(record.method)
            .bind(record.signed_data)
            .bind(record.signed_sha256)
            .bind(record.cms)
            .bind(record.submitted_at)
            .bind(record.signed_with)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(session) = record.egov_mobile_session {
            sqlx::query("UPDATE egov_mobile_sessions SET state = 'used' WHERE id = $1")
                .bind(session)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(SubmissionRecorded::Recorded)
    }
}
