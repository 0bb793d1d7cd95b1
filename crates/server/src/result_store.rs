//! The result documents' bytes, one object per application, `results/<id>`, in the store of
//! `storage.rs`. A document is written as an upload that replaces the earlier one only when
//! complete, so that a download never sees half a document and a replacement takes effect
//! at once.

use crate::problem::ApiError;
use crate::state::Settings;
use crate::storage::{Key, Writer};
use axum::http::StatusCode;
use otinish_core::api::code;
use otinish_core::validation::file::SNIFF_LEN;
use sha2::{Digest, Sha256};

/// The key of an application's result; `None` for an id that is not a UUID, which no
/// application has, so that nothing but a plain name can reach the store.
fn key(application_id: &str) -> Option<Key> {
    let id = uuid::Uuid::parse_str(application_id).ok()?;
    Some(Key::from_iter(["results", &id.hyphenated().to_string()]))
}

/// The store failed: the server's fault, answered like a storage failure (503).
pub fn unavailable(error: impl std::fmt::Display) -> ApiError {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, code::STORAGE_UNAVAILABLE)
        .detail(error.to_string())
}

fn not_an_application() -> crate::storage::Error {
    crate::storage::Error::Generic {
        store: "results",
        source: "not an application id".into(),
    }
}

/// Stores a whole document made in memory; answers its size and SHA-256.
pub async fn save(
    settings: &Settings,
    application_id: &str,
    bytes: &[u8],
) -> crate::storage::Result<(u64, String)> {
    let key = key(application_id).ok_or_else(not_an_application)?;
    let sha256 = hex::encode(Sha256::digest(bytes));
    settings.storage.put(&key, bytes.to_vec()).await?;
    Ok((bytes.len() as u64, sha256))
}

pub async fn read(settings: &Settings, application_id: &str) -> crate::storage::Result<Vec<u8>> {
    let key = key(application_id).ok_or_else(not_an_application)?;
    settings.storage.read(&key).await
}

/// A document being written, chunk by chunk, with its size, hash and first bytes kept as
/// it goes, so that an upload is never held in memory. Dropped unfinished, it is aborted.
pub struct Upload {
    writer: Writer,
    hasher: Sha256,
    size: u64,
    head: Vec<u8>,
}

impl Upload {
    pub async fn begin(
        settings: &Settings,
        application_id: &str,
    ) -> crate::storage::Result<Upload> {
        let key = key(application_id).ok_or_else(not_an_application)?;
        Ok(Upload {
            writer: settings.storage.writer(&key).await?,
            hasher: Sha256::new(),
            size: 0,
            head: Vec::new(),
        })
    }

    pub async fn write(&mut self, chunk: &[u8]) -> crate::storage::Result<()> {
        if self.head.len() < SNIFF_LEN {
            let wanted = (SNIFF_LEN - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..wanted]);
        }
        self.hasher.update(chunk);
        self.size += chunk.len() as u64;
        self.writer.write(chunk).await
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// The first bytes, enough to judge the type by content.
    pub fn head(&self) -> &[u8] {
        &self.head
    }

    /// Puts the document in place of any earlier one; answers its size and SHA-256.
    pub async fn commit(self) -> crate::storage::Result<(u64, String)> {
        self.writer.finish().await?;
        Ok((self.size, hex::encode(self.hasher.finalize())))
    }

    pub async fn discard(self) {
        self.writer.abort().await;
    }
}
