//! Applications and the status history they are shown with: drafts, answers saved under
//! optimistic concurrency, the owner's list, and discarding a draft.
//!
//! Every write that depends on the state of an application names the status (and, for answers,
//! the version) it was read in, so a change that slipped in between is seen as a refusal
//! rather than silently overwritten.

use super::{Db, now};
use crate::clock;
use crate::names::Named;
use otinish_core::api::{
    Answers, ApplicationStatus, ApplicationSummary, PaymentStatus, Reason, ReferenceNumber, Time,
};
use otinish_core::catalog::{SubCase, Target};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::Row;
use sqlx::any::AnyRow;

/// An application as stored, with the moments of its history it is shown with.
#[derive(Debug, Clone)]
pub struct ApplicationRecord {
    pub id: String,
    pub account_id: i64,
    pub service: String,
    pub provider: String,
    pub sub_case: SubCase,
    pub targets: Vec<Target>,
    pub status: ApplicationStatus,
    /// When it entered its status.
    pub status_at: Time,
    pub answers: Answers,
    pub version: u32,
    pub created_at: Time,
    pub updated_at: Time,
    pub submitted_at: Option<Time>,
    pub reference_number: Option<ReferenceNumber>,
    /// The expected result date, as submission computed it.
    pub due_date: Option<chrono::NaiveDate>,
    /// The working day it counts as registered, as submission computed it.
    pub registered_on: Option<chrono::NaiveDate>,
    pub refusal: Option<Reason>,
}

pub struct NewApplication<'a> {
    pub account_id: i64,
    pub service: &'a str,
    pub provider: &'a str,
    pub sub_case: SubCase,
    pub targets: &'a [Target],
    /// Empty for a draft the applicant starts; a tool or a test may start one filled in.
    pub answers: &'a Answers,
    /// When it was started: now, for the applicant's request.
    pub at: Time,
}

/// Where a list's page ends: the sort time of its last item exactly as stored (the
/// applicant's list: `updated_at`; the officer's: `submitted_at`) and its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPosition {
    pub at: String,
    pub id: String,
}

pub struct ListQuery {
    pub account_id: i64,
    pub status: Option<ApplicationStatus>,
    pub after: Option<ListPosition>,
    pub limit: u32,
}

pub struct ListPage {
    pub items: Vec<ApplicationSummary>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<ListPosition>,
}

/// The columns of an [`ApplicationRecord`]; a macro, so that queries stay literal strings.
macro_rules! record_columns {
    () => {
        "a.id, a.account_id, a.service, a.provider, a.sub_case, a.targets, \
     a.status, a.answers, a.version, a.created_at, a.updated_at, a.submitted_at, a.reference, \
     a.expected_result, a.registered_on, \
     (SELECT e.at FROM status_events e WHERE e.application_id = a.id ORDER BY e.id DESC LIMIT 1) AS status_at, \
     (SELECT e.reason FROM status_events e WHERE e.application_id = a.id AND e.status = $1 ORDER BY e.id DESC LIMIT 1) AS refusal"
    };
}

impl Db {
    /// Creates a draft and its first status event; returns its id.
    pub async fn create_application(&self, new: NewApplication<'_>) -> Result<String, sqlx::Error> {
        let id = uuid::Uuid::new_v4().to_string();
        let at = super::status::db_time(&new.at);
        let draft = ApplicationStatus::Draft.name();
        let mut tx = self.writer.begin().await?;
        sqlx::query(
            "INSERT INTO applications (id, account_id, service, provider, sub_case, targets, status, answers, version, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10)",
        )
        .bind(&id)
        .bind(new.account_id)
        .bind(new.service)
        .bind(new.provider)
        .bind(new.sub_case.name())
        .bind(json_text(&new.targets)?)
        .bind(draft)
        .bind(json_text(new.answers)?)
        .bind(&at)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO status_events (application_id, status, at) VALUES ($1, $2, $3)")
            .bind(&id)
            .bind(draft)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The application, if it exists and belongs to `owner`: the owner is part of the
    /// query, so no caller can forget to compare it.
    pub async fn owned_application(
        &self,
        id: &str,
        owner: i64,
    ) -> Result<Option<ApplicationRecord>, sqlx::Error> {
        let row = sqlx::query(concat!(
            "SELECT ",
            record_columns!(),
            " FROM applications a WHERE a.id = $2 AND a.account_id = $3"
        ))
        .bind(ApplicationStatus::Refused.name())
        .bind(id)
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| record(&row)).transpose()
    }

    /// Any account's application: for the provider's side (officers, the demo clock), which
    /// sees every submitted one.
    pub async fn any_application(
        &self,
        id: &str,
    ) -> Result<Option<ApplicationRecord>, sqlx::Error> {
        let row = sqlx::query(concat!(
            "SELECT ",
            record_columns!(),
            " FROM applications a WHERE a.id = $2"
        ))
        .bind(ApplicationStatus::Refused.name())
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| record(&row)).transpose()
    }

    /// One page of an account's applications, most recently changed first.
    pub async fn list_applications(&self, query: ListQuery) -> Result<ListPage, sqlx::Error> {
        let (after_time, after_id) = query
            .after
            .map_or((None, None), |p| (Some(p.at), Some(p.id)));
        let rows = sqlx::query(
            "SELECT a.id, a.service, a.provider, a.sub_case, a.status, a.updated_at, a.reference, a.submitted_at, a.expected_result, \
             (SELECT e.at FROM status_events e WHERE e.application_id = a.id ORDER BY e.id DESC LIMIT 1) AS status_at \
             FROM applications a \
             WHERE a.account_id = $1 AND ($2 IS NULL OR a.status = $2) \
               AND ($3 IS NULL OR (a.updated_at, a.id) < ($3, $4)) \
             ORDER BY a.updated_at DESC, a.id DESC LIMIT $5",
        )
        .bind(query.account_id)
        .bind(query.status.map(Named::name))
        .bind(after_time)
        .bind(after_id)
        // One more than asked shows whether a next page exists.
        .bind(i64::from(query.limit) + 1)
        .fetch_all(&self.pool)
        .await?;
        let mut items = Vec::with_capacity(rows.len());
        let mut positions = Vec::with_capacity(rows.len());
        for row in rows.iter().take(query.limit as usize) {
            let updated_at: String = row.try_get("updated_at")?;
            let id: String = row.try_get("id")?;
            items.push(ApplicationSummary {
                id: id.clone(),
                service: row.try_get("service")?,
                provider: row.try_get("provider")?,
                sub_case: parse_enum(&row.try_get::<String, _>("sub_case")?)?,
                status: parse_enum(&row.try_get::<String, _>("status")?)?,
                status_at: local_time(
                    row.try_get::<Option<String>, _>("status_at")?
                        .as_deref()
                        .unwrap_or(&updated_at),
                )?,
                reference_number: reference_number(row.try_get("reference")?),
                submitted_at: row
                    .try_get::<Option<String>, _>("submitted_at")?
                    .as_deref()
                    .map(local_time)
                    .transpose()?,
                due_date: row
                    .try_get::<Option<String>, _>("expected_result")?
                    .and_then(|text| parse_date(&text)),
                updated_at: local_time(&updated_at)?,
            });
            positions.push(ListPosition { at: updated_at, id });
        }
        let next = (rows.len() > query.limit as usize)
            .then(|| positions.pop())
            .flatten();
        Ok(ListPage { items, next })
    }

    /// Replaces the answers if the application is still at `version` and in `status`;
    /// returns the new version and when it was saved, or `None` when either moved on.
    pub async fn save_answers(
        &self,
        id: &str,
        owner: i64,
        version: u32,
        status: ApplicationStatus,
        answers: &Answers,
    ) -> Result<Option<(u32, Time)>, sqlx::Error> {
        let row = sqlx::query(
            "UPDATE applications SET answers = $1, version = version + 1, updated_at = $2 \
             WHERE id = $3 AND account_id = $4 AND version = $5 AND status = $6 \
             RETURNING version, updated_at",
        )
        .bind(json_text(answers)?)
        .bind(now())
        .bind(id)
        .bind(owner)
        .bind(i64::from(version))
        .bind(status.name())
        .fetch_optional(&self.writer)
        .await?;
        row.map(|row| {
            let version = u32::try_from(row.try_get::<i64, _>("version")?)
                .map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
            Ok((
                version,
                local_time(&row.try_get::<String, _>("updated_at")?)?,
            ))
        })
        .transpose()
    }

    /// Deletes the application, its history, its documents and its ended payment attempts if
    /// it is still in `status` with no payment pending; returns the storage keys of the files
    /// it had, for the caller to remove, or `None` when it had moved on.
    pub async fn discard_application(
        &self,
        id: &str,
        owner: i64,
        status: ApplicationStatus,
    ) -> Result<Option<Vec<String>>, sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        // The application's row first (see `payments::lock_application`): a payment being
        // created meanwhile either committed before, and is seen below, or waits for this.
        let owned = sqlx::query(
            "UPDATE applications SET status = status WHERE id = $1 AND account_id = $2 AND status = $3",
        )
        .bind(id)
        .bind(owner)
        .bind(status.name())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !owned {
            return Ok(None);
        }
        let status = status.name();
        // Writing first makes the transaction take the write lock before it reads anything.
        let keys: Vec<String> = sqlx::query_scalar(
            "DELETE FROM documents WHERE application_id = $1 AND EXISTS \
             (SELECT 1 FROM applications WHERE id = $1 AND account_id = $2 AND status = $3) \
             RETURNING storage_key",
        )
        .bind(id)
        .bind(owner)
        .bind(status)
        .fetch_all(&mut *tx)
        .await?;
        // A payment under way at the gateway must not vanish with its application, even one
        // started since the caller looked.
        let deleted = sqlx::query(
            "DELETE FROM applications WHERE id = $1 AND account_id = $2 AND status = $3 \
             AND NOT EXISTS (SELECT 1 FROM payments WHERE application_id = $1 AND status = $4)",
        )
        .bind(id)
        .bind(owner)
        .bind(status)
        .bind(PaymentStatus::Pending.name())
        .execute(&mut *tx)
        .await?;
        if deleted.rows_affected() == 0 {
            // Dropping the transaction rolls the documents back too.
            return Ok(None);
        }
        tx.commit().await?;
        Ok(Some(keys))
    }
}

pub(super) fn record(row: &AnyRow) -> Result<ApplicationRecord, sqlx::Error> {
    let updated_at: String = row.try_get("updated_at")?;
    Ok(ApplicationRecord {
        id: row.try_get("id")?,
        account_id: row.try_get("account_id")?,
        service: row.try_get("service")?,
        provider: row.try_get("provider")?,
        sub_case: parse_enum(&row.try_get::<String, _>("sub_case")?)?,
        targets: parse_json(&row.try_get::<String, _>("targets")?)?,
        status: parse_enum(&row.try_get::<String, _>("status")?)?,
        status_at: local_time(
            row.try_get::<Option<String>, _>("status_at")?
                .as_deref()
                .unwrap_or(&updated_at),
        )?,
        answers: parse_json(&row.try_get::<String, _>("answers")?)?,
        version: u32::try_from(row.try_get::<i64, _>("version")?)
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        created_at: local_time(&row.try_get::<String, _>("created_at")?)?,
        updated_at: local_time(&updated_at)?,
        submitted_at: row
            .try_get::<Option<String>, _>("submitted_at")?
            .map(|text| local_time(&text))
            .transpose()?,
        reference_number: reference_number(row.try_get("reference")?),
        due_date: row
            .try_get::<Option<String>, _>("expected_result")?
            .and_then(|text| parse_date(&text)),
        registered_on: row
            .try_get::<Option<String>, _>("registered_on")?
            .and_then(|text| parse_date(&text)),
        refusal: row
            .try_get::<Option<String>, _>("refusal")?
            .map(|text| parse_json(&text))
            .transpose()?,
    })
}

/// A stored time, at the provider's offset as the contract sends it.
pub(super) fn local_time(text: &str) -> Result<Time, sqlx::Error> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&clock::offset()))
        .map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

fn reference_number(text: Option<String>) -> Option<ReferenceNumber> {
    text.as_deref().and_then(ReferenceNumber::parse)
}

/// A stored enum name; a name this version does not know is damaged storage.
pub(super) fn parse_enum<T: Named>(text: &str) -> Result<T, sqlx::Error> {
    T::from_name(text)
        .ok_or_else(|| sqlx::Error::Decode(format!("not a known name: {text}").into()))
}

fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(text).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn json_text<T: Serialize + ?Sized>(value: &T) -> Result<String, sqlx::Error> {
    serde_json::to_string(value).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}
