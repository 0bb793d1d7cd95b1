//! What happens to an application after submission: its status history, the officer's
//! moves, the officer's list, and the result document's record.

use super::{Db, ListPosition, now};
use crate::names::Named;
use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use otinish_core::api::{
    ApplicationStatus as Status, ApplicationSummary, OfficerApplicationSummary, Reason,
    ReferenceNumber, ResultInfo, StatusEntry, Time,
};
use otinish_core::catalog::{FileType, SubCase, Target};
use otinish_core::validation;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A submitted application: what the officer's moves need to know of it.
#[derive(Debug, Clone)]
pub struct SubmittedApplication {
    pub id: String,
    pub iin_bin: String,
    pub service: String,
    pub provider: String,
    pub sub_case: SubCase,
    pub status: Status,
    /// When it reached the provider; the deadlines count from here.
    pub received: Time,
    pub reference: Option<ReferenceNumber>,
    pub expected_result: Option<NaiveDate>,
}

/// A move to record. The status changes only if it is still `from`, so two officers (or an
/// officer and the demo clock) cannot both move the same application from the same state.
#[derive(Debug)]
pub struct Transition<'a> {
    pub application_id: &'a str,
    pub from: Status,
    pub to: Status,
    pub at: Time,
    pub due: Option<NaiveDate>,
    pub reason: Option<&'a Reason>,
    pub result: ResultChange,
}

/// What the move does to the result document's record.
#[derive(Debug)]
pub enum ResultChange {
    None,
    /// The stored result is the one issued now: its `issued_at` becomes the move's time.
    Stamp,
    /// A document the backend made for this move.
    Generated(ResultInfo),
}

/// The result document's record.
#[derive(Debug, Clone)]
pub struct StoredResult {
    pub info: ResultInfo,
    pub generated: bool,
}

/// A page of the officer's list: submitted applications after `after`, oldest submission first.
#[derive(Debug, Clone, Default)]
pub struct OfficerListQuery {
    pub status: Option<Status>,
    /// The (submitted_at, id) of the last item of the previous page.
    pub after: Option<ListPosition>,
    pub limit: u32,
}

/// An entry of the officer's list, and where it sits in the order (for the next cursor).
#[derive(Debug, Clone)]
pub struct OfficerListItem {
    pub summary: OfficerApplicationSummary,
    pub position: ListPosition,
}

/// The stored columns of a submitted application that the officer's view shows.
#[derive(Debug, Clone)]
pub struct OfficerRecord {
    pub application: SubmittedApplication,
    pub targets: Vec<Target>,
    pub version: u32,
    pub answers: String,
    pub created_at: Time,
    pub updated_at: Time,
    pub submitted_at: Option<Time>,
    pub registered_on: Option<NaiveDate>,
    pub status_at: Time,
    /// When the fee was paid, if it was.
    pub paid_at: Option<Time>,
}

impl Db {
    pub async fn submitted_application(
        &self,
        id: &str,
    ) -> Result<Option<SubmittedApplication>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT a.id, a.service, a.provider, a.sub_case, a.status, a.submitted_at, a.created_at, \
             a.reference, a.expected_result, acc.identifier AS iin_bin \
             FROM applications a JOIN accounts acc ON acc.id = a.account_id WHERE a.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().and_then(submitted_from_row))
    }

    pub async fn submitted_application_by_reference(
        &self,
        reference: &ReferenceNumber,
    ) -> Result<Option<SubmittedApplication>, sqlx::Error> {
        let id: Option<String> =
            sqlx::query_scalar("SELECT id FROM applications WHERE reference = $1")
                .bind(reference.as_str())
                .fetch_optional(&self.pool)
                .await?;
        match id {
            Some(id) => self.submitted_application(&id).await,
            None => Ok(None),
        }
    }

    /// Submitted applications still under way, oldest submission first.
    pub async fn unfinished_application_ids(&self) -> Result<Vec<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT id FROM applications WHERE status IN ('delivered', 'registered', \
             'executor-assigned', 'under-review', 'agreement-requested', 'agreement-received', \
             'decision') ORDER BY submitted_at, id",
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Every state the application went through, oldest first.
    pub async fn status_history(&self, id: &str) -> Result<Vec<StatusEntry>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT status, at, due, reason FROM status_events WHERE application_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .filter_map(|row| {
                Some(StatusEntry {
                    status: parse_status(row.get("status"))?,
                    at: parse_time(row.get("at"))?,
                    due: row
                        .get::<Option<String>, _>("due")
                        .as_deref()
                        .and_then(parse_date),
                    reason: row
                        .get::<Option<String>, _>("reason")
                        .and_then(|json| serde_json::from_str(&json).ok()),
                })
            })
            .collect())
    }

    pub async fn last_transition_at(&self, id: &str) -> Result<Option<Time>, sqlx::Error> {
        let at: Option<String> = sqlx::query_scalar(
            "SELECT at FROM status_events WHERE application_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(at.as_deref().and_then(parse_time))
    }

    /// Records the move; `false` if the application had moved on in the meantime.
    pub async fn record_transition(
        &self,
        transition: &Transition<'_>,
    ) -> Result<bool, sqlx::Error> {
        let at = db_time(&transition.at);
        let mut tx = self.writer.begin().await?;
        // The write comes first, so that the transaction holds the write lock from its start
        // and the check of the current state cannot go stale.
        let moved = sqlx::query(
            "UPDATE applications SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
        )
        .bind(transition.to.name())
        .bind(now())
        .bind(transition.application_id)
        .bind(transition.from.name())
        .execute(&mut *tx)
        .await?;
        if moved.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO status_events (application_id, status, at, due, reason) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(transition.application_id)
        .bind(transition.to.name())
        .bind(&at)
        .bind(transition.due.map(|due| due.to_string()))
        .bind(
            transition
                .reason
                .and_then(|reason| serde_json::to_string(reason).ok()),
        )
        .execute(&mut *tx)
        .await?;
        match &transition.result {
            ResultChange::None => {}
            ResultChange::Stamp => {
                sqlx::query("UPDATE results SET issued_at = $1 WHERE application_id = $2")
                    .bind(&at)
                    .bind(transition.application_id)
                    .execute(&mut *tx)
                    .await?;
            }
            ResultChange::Generated(info) => {
                upsert_result(&mut tx, transition.application_id, info, true).await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    }

    pub async fn stored_result(&self, id: &str) -> Result<Option<StoredResult>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT file_type, size, sha256, document_number, issued_at, generated \
             FROM results WHERE application_id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|row| {
            Some(StoredResult {
                info: ResultInfo {
                    file_type: FileType::from_name(row.get("file_type"))?,
                    size: u64::try_from(row.get::<i64, _>("size")).ok()?,
                    sha256: row.get("sha256"),
                    issued_at: parse_time(row.get("issued_at"))?,
                    document_number: row.get("document_number"),
                },
                generated: row.get::<i64, _>("generated") == 1,
            })
        }))
    }

    /// Stores an uploaded result; `true` if it replaced one.
    pub async fn store_uploaded_result(
        &self,
        id: &str,
        info: &ResultInfo,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        let replaced = upsert_result(&mut tx, id, info, false).await?;
        tx.commit().await?;
        Ok(replaced)
    }

    pub async fn officer_list(
        &self,
        query: &OfficerListQuery,
    ) -> Result<Vec<OfficerListItem>, sqlx::Error> {
        let (after_time, after_id) = query
            .after
            .clone()
            .map(|position| (position.at, position.id))
            .unzip();
        let rows = sqlx::query(
            "SELECT a.id, a.service, a.provider, a.sub_case, a.status, a.reference, \
             a.expected_result, a.updated_at, a.submitted_at, acc.identifier AS iin_bin, \
             (SELECT at FROM status_events e WHERE e.application_id = a.id ORDER BY e.id DESC LIMIT 1) AS status_at \
             FROM applications a JOIN accounts acc ON acc.id = a.account_id \
             WHERE a.submitted_at IS NOT NULL \
             AND a.status IN ('delivered', 'registered', 'executor-assigned', 'under-review', \
             'agreement-requested', 'agreement-received', 'decision', 'issued', 'refused') \
             AND ($1 IS NULL OR a.status = $1) \
             AND ($2 IS NULL OR a.submitted_at > $2 OR (a.submitted_at = $2 AND a.id > $3)) \
             ORDER BY a.submitted_at, a.id LIMIT $4",
        )
        .bind(query.status.map(Named::name))
        .bind(after_time)
        .bind(after_id)
        .bind(i64::from(query.limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().filter_map(officer_item_from_row).collect())
    }

    /// A submitted application with what the officer's view shows of it.
    pub async fn officer_record(&self, id: &str) -> Result<Option<OfficerRecord>, sqlx::Error> {
        let Some(application) = self.submitted_application(id).await? else {
            return Ok(None);
        };
        let row = sqlx::query(
            "SELECT targets, version, answers, created_at, updated_at, submitted_at, registered_on, \
             (SELECT at FROM status_events e WHERE e.application_id = a.id ORDER BY e.id DESC LIMIT 1) AS status_at, \
             (SELECT paid_at FROM payments p WHERE p.application_id = a.id AND p.status = 'paid' LIMIT 1) AS paid_at \
             FROM applications a WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|row| {
            let updated_at = parse_time(row.get("updated_at"))?;
            Some(OfficerRecord {
                targets: serde_json::from_str(row.get("targets")).unwrap_or_default(),
                version: u32::try_from(row.get::<i64, _>("version")).ok()?,
                answers: row.get("answers"),
                created_at: parse_time(row.get("created_at"))?,
                submitted_at: row
                    .get::<Option<String>, _>("submitted_at")
                    .as_deref()
                    .and_then(parse_time),
                registered_on: row
                    .get::<Option<String>, _>("registered_on")
                    .as_deref()
                    .and_then(parse_date),
                status_at: row
                    .get::<Option<String>, _>("status_at")
                    .as_deref()
                    .and_then(parse_time)
                    .unwrap_or(updated_at),
                paid_at: row
                    .get::<Option<String>, _>("paid_at")
                    .as_deref()
                    .and_then(parse_time),
                updated_at,
                application,
            })
        }))
    }
}

async fn upsert_result(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: &str,
    info: &ResultInfo,
    generated: bool,
) -> Result<bool, sqlx::Error> {
    let existed: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM results WHERE application_id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    sqlx::query(
        "INSERT INTO results (application_id, file_type, size, sha256, document_number, issued_at, generated) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (application_id) DO UPDATE SET file_type = excluded.file_type, \
         size = excluded.size, sha256 = excluded.sha256, document_number = excluded.document_number, \
         issued_at = excluded.issued_at, generated = excluded.generated",
    )
    .bind(id)
    .bind(info.file_type.name())
    .bind(i64::try_from(info.size).unwrap_or(i64::MAX))
    .bind(&info.sha256)
    .bind(&info.document_number)
    .bind(db_time(&info.issued_at))
    .bind(i64::from(generated))
    .execute(&mut **tx)
    .await?;
    Ok(existed.is_some())
}

fn submitted_from_row(row: &AnyRow) -> Option<SubmittedApplication> {
    let status = parse_status(row.get("status"))?;
    if !status.is_submitted() {
        return None;
    }
    let submitted_at: Option<String> = row.get("submitted_at");
    let created_at: String = row.get("created_at");
    Some(SubmittedApplication {
        id: row.get("id"),
        iin_bin: row.get("iin_bin"),
        service: row.get("service"),
        provider: row.get("provider"),
        sub_case: SubCase::from_name(row.get("sub_case"))?,
        status,
        received: submitted_at
            .as_deref()
            .and_then(parse_time)
            .or_else(|| parse_time(&created_at))?,
        reference: row
            .get::<Option<String>, _>("reference")
            .as_deref()
            .and_then(ReferenceNumber::parse),
        expected_result: row
            .get::<Option<String>, _>("expected_result")
            .as_deref()
            .and_then(parse_date),
    })
}

fn officer_item_from_row(row: &AnyRow) -> Option<OfficerListItem> {
    let iin_bin: String = row.get("iin_bin");
    let submitted_at: String = row.get("submitted_at");
    let id: String = row.get("id");
    let updated_at = parse_time(row.get("updated_at"))?;
    let summary = ApplicationSummary {
        id: id.clone(),
        service: row.get("service"),
        provider: row.get("provider"),
        sub_case: SubCase::from_name(row.get("sub_case"))?,
        status: parse_status(row.get("status"))?,
        status_at: row
            .get::<Option<String>, _>("status_at")
            .as_deref()
            .and_then(parse_time)
            .unwrap_or(updated_at),
        reference_number: row
            .get::<Option<String>, _>("reference")
            .as_deref()
            .and_then(ReferenceNumber::parse),
        submitted_at: parse_time(&submitted_at),
        due_date: row
            .get::<Option<String>, _>("expected_result")
            .as_deref()
            .and_then(parse_date),
        updated_at,
    };
    Some(OfficerListItem {
        summary: OfficerApplicationSummary {
            summary,
            applicant_kind: validation::applicant_kind(&iin_bin)?,
            applicant_iin_bin: iin_bin,
        },
        position: ListPosition {
            at: submitted_at,
            id,
        },
    })
}

/// Times are stored as RFC 3339 in UTC, which sorts as text; they are answered at the
/// provider's offset.
pub fn db_time(time: &Time) -> String {
    time.with_timezone(&Utc)
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A stored time: RFC 3339, or SQLite's own `YYYY-MM-DD HH:MM:SS` in UTC.
pub fn parse_time(text: &str) -> Option<Time> {
    let offset = crate::clock::offset();
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&offset))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
                .ok()
                .map(|naive| naive.and_utc().with_timezone(&offset))
        })
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    text.get(..10)?.parse().ok()
}

/// One of this version's states: `Status::Unknown` is for clients reading a later backend,
/// never a state this backend stores or takes.
pub fn parse_status(text: &str) -> Option<Status> {
    crate::names::known_status(text)
}
