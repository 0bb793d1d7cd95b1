//! The files attached to applications. The bytes are on disk (see `routes::documents`);
//! here is what is known of them, and the rules that must hold at the moment of writing:
//! the application still takes changes, and a document slot holds no more than its quota.

use super::applications::{ApplicationRecord, local_time, parse_enum, record};
use super::{Db, now};
use crate::names::Named;
use otinish_core::api::{ApplicationStatus, StoredDocument};
use otinish_core::catalog::FileType;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A stored file: what the API shows, and where its bytes are.
#[derive(Debug, Clone)]
pub struct DocumentRecord {
    pub stored: StoredDocument,
    /// The file's name under the uploads directory.
    pub storage_key: String,
}

pub struct NewDocument<'a> {
    pub id: &'a str,
    pub application_id: &'a str,
    pub document: &'a str,
    pub file_name: &'a str,
    pub file_type: FileType,
    pub size: u64,
    pub sha256: &'a str,
    pub storage_key: &'a str,
}

/// What [`Db::touch_session_with_application`] found: the session's account, and its
/// application with its documents if it has one of that id.
pub struct SessionWithApplication {
    pub account_id: i64,
    /// The ИИН or БИН the account signs in with.
    pub identifier: String,
    pub application: Option<(ApplicationRecord, Vec<DocumentRecord>)>,
}

/// Why a file was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddRefused {
    /// The application is gone or no longer in the status it was read in.
    StatusChanged,
    /// The slot already holds the most files it may.
    SlotFull,
}

/// The columns of a [`DocumentRecord`], read in this order ([`document_at`]); a macro, so
/// that queries stay literal strings. `d.id` is named apart from the application's `id`.
macro_rules! columns {
    () => {
        "d.id AS document_id, d.document, d.file_name, d.file_type, d.size, d.sha256, d.storage_key, d.uploaded_at"
    };
}

impl Db {
    /// An application's files, oldest first.
    pub async fn documents_of(
        &self,
        application_id: &str,
    ) -> Result<Vec<DocumentRecord>, sqlx::Error> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM documents d WHERE d.application_id = $1 ORDER BY d.uploaded_at, d.id"
        ))
        .bind(application_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|row| document_at(row, 0)).collect()
    }

    /// The application, if it is `owner`'s (as `owned_application`), with its files (as
    /// `documents_of`): one query, so one round trip and one snapshot of both.
    pub async fn owned_application_with_documents(
        &self,
        id: &str,
        owner: i64,
    ) -> Result<Option<(ApplicationRecord, Vec<DocumentRecord>)>, sqlx::Error> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            record_columns!(),
            ", ",
            columns!(),
            " FROM applications a LEFT JOIN documents d ON d.application_id = a.id \
             WHERE a.id = $2 AND a.account_id = $3 ORDER BY d.uploaded_at, d.id"
        ))
        .bind(ApplicationStatus::Refused.name())
        .bind(id)
        .bind(owner)
        .fetch_all(&self.pool)
        .await?;
        with_documents(&rows)
    }

    /// [`Db::touch_session`] and [`Db::owned_application_with_documents`] in one query: the
    /// account of a live session (`None` without one), and its application of that id with
    /// the application's documents (`None` when it has none of that id).
    pub async fn touch_session_with_application(
        &self,
        token_hash: &str,
        id: &str,
    ) -> Result<Option<SessionWithApplication>, sqlx::Error> {
        let rows = sqlx::query(concat!(
            "SELECT s.account_id AS session_account_id, s.expires_at AS session_expires_at, \
             u.identifier AS session_identifier, ",
            record_columns!(),
            ", ",
            columns!(),
            " FROM sessions s JOIN accounts u ON u.id = s.account_id \
             LEFT JOIN applications a ON a.id = $2 AND a.account_id = s.account_id \
             LEFT JOIN documents d ON d.application_id = a.id \
             WHERE s.token_hash = $3 AND s.expires_at > $4 ORDER BY d.uploaded_at, d.id"
        ))
        .bind(ApplicationStatus::Refused.name())
        .bind(id)
        .bind(token_hash)
        .bind(now())
        .fetch_all(&self.pool)
        .await?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        self.renew_session(
            token_hash,
            &first.try_get::<String, _>("session_expires_at")?,
        )
        .await?;
        let account_id = first.try_get("session_account_id")?;
        let identifier = first.try_get("session_identifier")?;
        let application = match first.try_get::<Option<String>, _>("id")? {
            Some(_) => with_documents(&rows)?,
            None => None,
        };
        Ok(Some(SessionWithApplication {
            account_id,
            identifier,
            application,
        }))
    }

    /// How many files one document slot of an application holds.
    pub async fn slot_file_count(
        &self,
        application_id: &str,
        document: &str,
    ) -> Result<u32, sqlx::Error> {
        let count: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM documents WHERE application_id = $1 AND document = $2",
        )
        .bind(application_id)
        .bind(document)
        .fetch_one(&self.pool)
        .await?;
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }

    /// Records a file if the application is still in `status` and the slot has room for it
    /// under `max_files`; the application counts as changed.
    pub async fn add_document(
        &self,
        new: NewDocument<'_>,
        status: ApplicationStatus,
        max_files: u32,
    ) -> Result<Result<StoredDocument, AddRefused>, sqlx::Error> {
        let at = now();
        let mut tx = self.writer.begin().await?;
        // One statement checks and writes, so two uploads at once cannot both take the
        // last place in a slot.
        let inserted = sqlx::query(
            "INSERT INTO documents (id, application_id, document, file_name, file_type, size, sha256, storage_key, uploaded_at) \
             SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 \
             WHERE EXISTS (SELECT 1 FROM applications WHERE id = $2 AND status = $10) \
               AND (SELECT count(*) FROM documents WHERE application_id = $2 AND document = $3) < $11",
        )
        .bind(new.id)
        .bind(new.application_id)
        .bind(new.document)
        .bind(new.file_name)
        .bind(new.file_type.name())
        .bind(i64::try_from(new.size).unwrap_or(i64::MAX))
        .bind(new.sha256)
        .bind(new.storage_key)
        .bind(&at)
        .bind(status.name())
        .bind(i64::from(max_files))
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            let still_open: Option<i64> =
                sqlx::query_scalar("SELECT 1 FROM applications WHERE id = $1 AND status = $2")
                    .bind(new.application_id)
                    .bind(status.name())
                    .fetch_optional(&mut *tx)
                    .await?;
            return Ok(Err(if still_open.is_some() {
                AddRefused::SlotFull
            } else {
                AddRefused::StatusChanged
            }));
        }
        touch(&mut tx, new.application_id, &at).await?;
        tx.commit().await?;
        Ok(Ok(StoredDocument {
            id: new.id.to_string(),
            document: new.document.to_string(),
            file_name: new.file_name.to_string(),
            file_type: new.file_type,
            size: new.size,
            sha256: new.sha256.to_string(),
            uploaded_at: local_time(&at)?,
        }))
    }

    /// A file of an application of `owner`, with the application's status.
    pub async fn owned_document(
        &self,
        owner: i64,
        application_id: &str,
        document_id: &str,
    ) -> Result<Option<(DocumentRecord, ApplicationStatus)>, sqlx::Error> {
        let row = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            ", a.status FROM documents d JOIN applications a ON a.id = d.application_id \
             WHERE d.id = $1 AND d.application_id = $2 AND a.account_id = $3"
        ))
        .bind(document_id)
        .bind(application_id)
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            let status = parse_enum(&row.try_get::<String, _>("status")?)?;
            Ok((document_at(&row, 0)?, status))
        })
        .transpose()
    }

    /// Forgets a file if its application is still in `status`; returns its storage key, for
    /// the caller to remove the bytes, or `None` when the application had moved on.
    pub async fn remove_document(
        &self,
        application_id: &str,
        document_id: &str,
        status: ApplicationStatus,
    ) -> Result<Option<String>, sqlx::Error> {
        let at = now();
        let mut tx = self.writer.begin().await?;
        let key: Option<String> = sqlx::query_scalar(
            "DELETE FROM documents WHERE id = $1 AND application_id = $2 AND EXISTS \
             (SELECT 1 FROM applications WHERE id = $2 AND status = $3) RETURNING storage_key",
        )
        .bind(document_id)
        .bind(application_id)
        .bind(status.name())
        .fetch_optional(&mut *tx)
        .await?;
        if key.is_some() {
            touch(&mut tx, application_id, &at).await?;
            tx.commit().await?;
        }
        Ok(key)
    }
}

/// A change of documents is a change of the application: it moves up the owner's list.
async fn touch(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    application_id: &str,
    at: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE applications SET updated_at = $1 WHERE id = $2")
        .bind(at)
        .bind(application_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// How many columns `columns!()` names.
const DOCUMENT_COLUMNS: usize = 8;

/// The application of rows of `record_columns!()` then `columns!()`, one per document (a
/// `LEFT JOIN`: one row of nulls without documents), with its documents; `None` without rows.
fn with_documents(
    rows: &[AnyRow],
) -> Result<Option<(ApplicationRecord, Vec<DocumentRecord>)>, sqlx::Error> {
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    // The document's columns follow the application's; none without documents.
    let at = first.columns().len() - DOCUMENT_COLUMNS;
    let mut documents = Vec::with_capacity(rows.len());
    for row in rows {
        if row.try_get::<Option<String>, _>(at)?.is_some() {
            documents.push(document_at(row, at)?);
        }
    }
    Ok(Some((record(first)?, documents)))
}

/// The document whose `columns!()` start at column `at` of the row.
fn document_at(row: &AnyRow, at: usize) -> Result<DocumentRecord, sqlx::Error> {
    let size: i64 = row.try_get(at + 4)?;
    Ok(DocumentRecord {
        stored: StoredDocument {
            id: row.try_get(at)?,
            document: row.try_get(at + 1)?,
            file_name: row.try_get(at + 2)?,
            file_type: parse_enum(&row.try_get::<String, _>(at + 3)?)?,
            size: u64::try_from(size).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            sha256: row.try_get(at + 5)?,
            uploaded_at: local_time(&row.try_get::<String, _>(at + 7)?)?,
        },
        storage_key: row.try_get(at + 6)?,
    })
}
