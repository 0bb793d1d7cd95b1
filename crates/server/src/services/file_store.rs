//! Where the documents' bytes are kept: one file per document under `<data-dir>/uploads/`,
//! named by its storage key. A file is streamed to a `*.part` file first and renamed to its
//! key once judged, so that nothing half-written is ever served, and a refused or abandoned
//! upload leaves nothing behind (`leftovers` removes what a killed server left).
//!
//! The routes see only this module's calls, so that another store (an object store shared
//! by several instances) can take its place.

use crate::problem::{ApiError, ApiResult};
use crate::state::Settings;
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::Response;
use otinish_core::api::code;
use std::path::PathBuf;
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

/// A file being written. Dropped without [`PartialFile::keep`], it is deleted: a refused
/// upload, a failed one, and one whose client went away (the handler is dropped mid-await)
/// all leave nothing behind.
pub struct PartialFile {
    path: PathBuf,
    file: Option<tokio::fs::File>,
    kept: bool,
}

impl PartialFile {
    /// A new, empty partial file in the uploads directory.
    pub async fn create(settings: &Settings) -> ApiResult<PartialFile> {
        let uploads = settings.uploads_dir();
        tokio::fs::create_dir_all(&uploads)
            .await
            .map_err(unavailable)?;
        let path = uploads.join(format!("{}.part", Uuid::new_v4()));
        let file = tokio::fs::File::create(&path).await.map_err(unavailable)?;
        Ok(PartialFile {
            path,
            file: Some(file),
            kept: false,
        })
    }

    pub async fn write(&mut self, chunk: &[u8]) -> ApiResult<()> {
        match &mut self.file {
            Some(file) => file.write_all(chunk).await.map_err(unavailable),
            None => Err(unavailable("the file is already finished")),
        }
    }

    /// Flushes it to disk: written, it is only moved or deleted.
    pub async fn finish(&mut self) -> ApiResult<()> {
        if let Some(mut file) = self.file.take() {
            file.flush().await.map_err(unavailable)?;
            file.sync_all().await.map_err(unavailable)?;
        }
        Ok(())
    }

    /// Moves it to its storage key; it is still deleted when dropped until [`Self::keep`].
    pub async fn store_as(&mut self, settings: &Settings, key: &str) -> ApiResult<()> {
        self.finish().await?;
        let to = settings.uploads_dir().join(key);
        tokio::fs::rename(&self.path, &to)
            .await
            .map_err(unavailable)?;
        self.path = to;
        Ok(())
    }

    /// Recorded: the file stays.
    pub fn keep(&mut self) {
        self.kept = true;
    }
}

impl Drop for PartialFile {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The stored file as a streamed response body (its headers are the caller's to set from
/// what was judged at upload, not guessed from a name).
pub async fn serve(settings: &Settings, key: &str) -> ApiResult<Response> {
    let path = settings.uploads_dir().join(key);
    let served = tower::ServiceExt::oneshot(
        tower_http::services::ServeFile::new(&path),
        Request::new(Body::empty()),
    )
    .await;
    let Ok(served) = served;
    if served.status() != StatusCode::OK {
        tracing::error!(
            storage_key = %key,
            status = %served.status(),
            "a stored document cannot be read"
        );
        return Err(unavailable("the stored file cannot be read"));
    }
    Ok(served.map(Body::new))
}

/// Removes stored files; one already gone is fine, any other failure is logged and left
/// for the operator (the record of it is gone already).
pub async fn remove(settings: &Settings, storage_keys: Vec<String>) {
    let uploads = settings.uploads_dir();
    for key in storage_keys {
        match tokio::fs::remove_file(uploads.join(&key)).await {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                tracing::warn!(storage_key = %key, %error, "an uploaded file could not be removed")
            }
        }
    }
}

/// The store failed us: 503, so that the client retries, with the cause in the log only.
pub fn unavailable(error: impl std::fmt::Display) -> ApiError {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, code::STORAGE_UNAVAILABLE)
        .detail(error.to_string())
}
