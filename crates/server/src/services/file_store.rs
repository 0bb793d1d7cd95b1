//! Where the documents' bytes are kept: one object per document, `uploads/<key>`, in the
//! store of `storage.rs` (the data directory, or an S3-compatible store). A file is streamed
//! into an upload that nobody sees until it is completed, once judged, so that nothing
//! half-written is ever served, and a refused or abandoned upload leaves nothing behind.
//!
//! The routes see only this module's calls.

use crate::problem::{ApiError, ApiResult};
use crate::state::Settings;
use crate::storage::{Key, Storage, Writer};
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use futures_util::TryStreamExt;
use otinish_core::api::code;
use uuid::Uuid;

fn key_of(storage_key: &str) -> Key {
    Key::from_iter(["uploads", storage_key])
}

/// A document being written, under a key of its own chosen now. Dropped without
/// [`PartialFile::keep`], it goes: before [`PartialFile::store`] its upload is aborted,
/// after it the object is deleted. A refused upload, a failed one, and one whose client went
/// away (the handler is dropped mid-await) all leave nothing behind.
pub struct PartialFile {
    storage: Storage,
    storage_key: String,
    writer: Option<Writer>,
    stored: bool,
    kept: bool,
}

impl PartialFile {
    /// A new, empty upload.
    pub async fn create(settings: &Settings) -> ApiResult<PartialFile> {
        let storage_key = Uuid::new_v4().to_string();
        let writer = settings
            .storage
            .writer(&key_of(&storage_key))
            .await
            .map_err(unavailable)?;
        Ok(PartialFile {
            storage: settings.storage.clone(),
            storage_key,
            writer: Some(writer),
            stored: false,
            kept: false,
        })
    }

    /// The key it is stored under (a UUID, also the document's id).
    pub fn storage_key(&self) -> &str {
        &self.storage_key
    }

    pub async fn write(&mut self, chunk: &[u8]) -> ApiResult<()> {
        match &mut self.writer {
            Some(writer) => writer.write(chunk).await.map_err(unavailable),
            None => Err(unavailable("the file is already stored")),
        }
    }

    /// Completes it: from now on it can be read under its key. It is still deleted when
    /// dropped until [`Self::keep`].
    pub async fn store(&mut self) -> ApiResult<()> {
        if let Some(writer) = self.writer.take() {
            writer.finish().await.map_err(unavailable)?;
            self.stored = true;
        }
        Ok(())
    }

    /// Recorded: the file stays.
    pub fn keep(&mut self) {
        self.kept = true;
    }
}

impl Drop for PartialFile {
    fn drop(&mut self) {
        // An unfinished writer aborts itself when dropped; a stored object is deleted.
        if self.stored && !self.kept {
            let storage = self.storage.clone();
            let key = key_of(&self.storage_key);
            if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                runtime.spawn(async move {
                    if let Err(error) = storage.delete(&key).await {
                        tracing::warn!(%key, %error, "an unrecorded file could not be removed");
                    }
                });
            }
        }
    }
}

/// The stored file as a streamed response body (its headers are the caller's to set from
/// what was judged at upload, not guessed from a name).
pub async fn serve(settings: &Settings, storage_key: &str) -> ApiResult<Response> {
    let (size, stream) = match settings.storage.stream(&key_of(storage_key)).await {
        Ok(found) => found,
        Err(error) => {
            tracing::error!(%storage_key, %error, "a stored document cannot be read");
            return Err(unavailable("the stored file cannot be read"));
        }
    };
    let body = Body::from_stream(stream.map_err(std::io::Error::other));
    let mut response = Response::new(body);
    response
        .headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(size));
    Ok(response)
}

/// Removes stored files; one already gone is fine, any other failure is logged and left
/// for the operator (the record of it is gone already).
pub async fn remove(settings: &Settings, storage_keys: Vec<String>) {
    for storage_key in storage_keys {
        if let Err(error) = settings.storage.delete(&key_of(&storage_key)).await {
            tracing::warn!(%storage_key, %error, "an uploaded file could not be removed");
        }
    }
}

/// The store failed us: 503, so that the client retries, with the cause in the log only.
pub fn unavailable(error: impl std::fmt::Display) -> ApiError {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, code::STORAGE_UNAVAILABLE)
        .detail(error.to_string())
}
