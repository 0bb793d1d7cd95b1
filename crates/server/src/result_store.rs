//! The result documents' bytes on disk, one file per application under
//! `<data-dir>/results/`, named by the application's id. A file is written beside its final
//! name and renamed into place, so that a download never sees half a document and a
//! replacement takes effect at once.

use crate::problem::ApiError;
use crate::state::Settings;
use axum::http::StatusCode;
use otinish_core::validation::file::SNIFF_LEN;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

fn dir(settings: &Settings) -> PathBuf {
    settings.data_dir.join("results")
}

/// The file of an application; `None` for an id that is not a UUID, which no application has,
/// so that nothing but a plain file name can reach the path.
fn path(settings: &Settings, application_id: &str) -> Option<PathBuf> {
    let id = uuid::Uuid::parse_str(application_id).ok()?;
    Some(dir(settings).join(id.hyphenated().to_string()))
}

/// The disk failed: the server's fault, answered like a storage failure (503).
pub fn unavailable(error: std::io::Error) -> ApiError {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "storage-unavailable").detail(error.to_string())
}

fn no_such_file() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::NotFound, "not an application id")
}

/// Stores a whole document made in memory; answers its size and SHA-256.
pub async fn save(
    settings: &Settings,
    application_id: &str,
    bytes: &[u8],
) -> std::io::Result<(u64, String)> {
    let mut upload = Upload::begin(settings, application_id).await?;
    upload.write(bytes).await?;
    upload.commit().await
}

pub async fn read(settings: &Settings, application_id: &str) -> std::io::Result<Vec<u8>> {
    tokio::fs::read(path(settings, application_id).ok_or_else(no_such_file)?).await
}

/// A document being written, chunk by chunk, with its size, hash and first bytes kept as
/// it goes, so that an upload is never held in memory.
pub struct Upload {
    file: tokio::fs::File,
    partial: PathBuf,
    target: PathBuf,
    hasher: Sha256,
    size: u64,
    head: Vec<u8>,
}

impl Upload {
    pub async fn begin(settings: &Settings, application_id: &str) -> std::io::Result<Upload> {
        let target = path(settings, application_id).ok_or_else(no_such_file)?;
        tokio::fs::create_dir_all(dir(settings)).await?;
        let partial = target.with_extension(format!("{}.part", uuid::Uuid::new_v4().simple()));
        let file = tokio::fs::File::create(&partial).await?;
        Ok(Upload {
            file,
            partial,
            target,
            hasher: Sha256::new(),
            size: 0,
            head: Vec::new(),
        })
    }

    pub async fn write(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        if self.head.len() < SNIFF_LEN {
            let wanted = (SNIFF_LEN - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..wanted]);
        }
        self.hasher.update(chunk);
        self.size += chunk.len() as u64;
        self.file.write_all(chunk).await
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// The first bytes, enough to judge the type by content.
    pub fn head(&self) -> &[u8] {
        &self.head
    }

    /// Puts the document in place of any earlier one; answers its size and SHA-256.
    pub async fn commit(mut self) -> std::io::Result<(u64, String)> {
        self.file.flush().await?;
        self.file.sync_all().await?;
        if let Err(error) = tokio::fs::rename(&self.partial, &self.target).await {
            remove_quietly(&self.partial).await;
            return Err(error);
        }
        Ok((self.size, hex::encode(self.hasher.finalize())))
    }

    pub async fn discard(self) {
        drop(self.file);
        remove_quietly(&self.partial).await;
    }
}

async fn remove_quietly(path: &Path) {
    if let Err(error) = tokio::fs::remove_file(path).await {
        tracing::warn!(%error, path = %path.display(), "could not remove a partial result file");
    }
}
