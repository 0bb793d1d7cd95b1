//! Where the bytes of documents and results are kept: an object store, through the
//! `object_store` crate (Apache Arrow's), so that one code path serves both kinds.
//!
//! - By default a local folder, the data directory: `uploads/<key>` and `results/<id>`,
//!   the layout earlier versions wrote, so existing data keeps working. Written objects are
//!   flushed to disk (`fsync`) before they are recorded.
//! - `--object-store s3://bucket/prefix`: any S3-compatible store, configured by the
//!   standard `AWS_*` variables (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//!   `AWS_REGION`, `AWS_ENDPOINT_URL` for a store that is not Amazon's, `AWS_ALLOW_HTTP`
//!   for a plain-http one). Several instances share it.
//!
//! An object is written as a multipart upload, which no reader sees until it is completed:
//! a failed, refused or abandoned write is aborted (a dropped [`Writer`] aborts itself), and
//! the local folder's staged files (`<name>#<n>`) that a killed server left are removed at
//! start-up (`leftovers`). Memory stays flat: at most one part is buffered and one in flight.

use futures_util::StreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, PutPayload, WriteMultipart};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use object_store::Error;
pub use object_store::path::Path as Key;
pub type Result<T> = object_store::Result<T>;

/// A part of a local write: small, since the file takes any part size.
const LOCAL_PART_BYTES: usize = 64 * 1024;
/// A part of an S3 write: the smallest S3 takes for every part but the last.
const S3_PART_BYTES: usize = 5 * 1024 * 1024;
/// Parts sent but not yet acknowledged, per write: with the one being filled, the most an
/// upload holds in memory is two parts.
const PARTS_IN_FLIGHT: usize = 1;

/// The object a readiness probe looks at (written once if missing).
const READY_MARKER: &str = ".ready";

/// The store and what its kind needs.
#[derive(Clone)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
    /// The local folder, when that is the store: objects are synced to disk there.
    local_root: Option<PathBuf>,
    part_bytes: usize,
    /// Writes neither completed nor aborted yet (an abandoned one aborts in the background).
    writes: Arc<AtomicUsize>,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Storage")
            .field("store", &self.store.to_string())
            .finish()
    }
}

/// `--object-store` was not a URL this server can use.
#[derive(Debug)]
pub struct BadUrl(pub String);

impl std::fmt::Display for BadUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Storage {
    /// The local folder `dir` (made if missing).
    pub fn local(dir: &Path) -> std::io::Result<Storage> {
        std::fs::create_dir_all(dir)?;
        let store = LocalFileSystem::new_with_prefix(dir).map_err(std::io::Error::other)?;
        Ok(Storage {
            store: Arc::new(store),
            local_root: Some(std::fs::canonicalize(dir)?),
            part_bytes: LOCAL_PART_BYTES,
            writes: Arc::default(),
        })
    }

    /// An S3-compatible store: `s3://bucket` or `s3://bucket/prefix`, with the rest of
    /// its configuration from the `AWS_*` variables.
    pub fn s3(url: &str) -> std::result::Result<Storage, BadUrl> {
        let Some(rest) = url.strip_prefix("s3://") else {
            return Err(BadUrl(format!(
                "{url}: only s3://bucket/prefix is supported (the data directory is the default)"
            )));
        };
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(BadUrl(format!("{url}: no bucket")));
        }
        let store = AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .build()
            .map_err(|error| BadUrl(format!("{url}: {error}")))?;
        let prefix = prefix.trim_matches('/');
        let store: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(store)
        } else {
            let prefix = ObjectPath::parse(prefix)
                .map_err(|error| BadUrl(format!("{url}: the prefix: {error}")))?;
            Arc::new(PrefixStore::new(store, prefix))
        };
        Ok(Storage {
            store,
            local_root: None,
            part_bytes: S3_PART_BYTES,
            writes: Arc::default(),
        })
    }

    /// The store `--object-store` names, or the data directory without one.
    pub fn open(url: Option<&str>, data_dir: &Path) -> std::result::Result<Storage, BadUrl> {
        match url {
            Some(url) => Storage::s3(url),
            None => Storage::local(data_dir)
                .map_err(|error| BadUrl(format!("{}: {error}", data_dir.display()))),
        }
    }

    /// Whether this is the local folder (the data directory).
    pub fn is_local(&self) -> bool {
        self.local_root.is_some()
    }

    /// Starts writing `key`; nothing is visible under it until [`Writer::finish`].
    pub async fn writer(&self, key: &Key) -> Result<Writer> {
        let upload = self.store.put_multipart(key).await?;
        self.writes.fetch_add(1, Ordering::Relaxed);
        Ok(Writer {
            upload: Some(WriteMultipart::new_with_chunk_size(upload, self.part_bytes)),
            key: key.clone(),
            storage: self.clone(),
            in_progress: Some(InProgress(self.writes.clone())),
        })
    }

    /// How many writes are neither completed nor aborted yet.
    pub fn writes_in_progress(&self) -> usize {
        self.writes.load(Ordering::Relaxed)
    }

    /// Stores a whole object made in memory, replacing any earlier one at once.
    pub async fn put(&self, key: &Key, bytes: Vec<u8>) -> Result<()> {
        self.store.put(key, PutPayload::from(bytes)).await?;
        self.synced(key).await
    }

    pub async fn read(&self, key: &Key) -> Result<Vec<u8>> {
        Ok(self.store.get(key).await?.bytes().await?.to_vec())
    }

    /// The object's size and its bytes as a stream of chunks.
    pub async fn stream(
        &self,
        key: &Key,
    ) -> Result<(
        u64,
        futures_util::stream::BoxStream<'static, Result<bytes::Bytes>>,
    )> {
        let got = self.store.get(key).await?;
        let size = got.meta.size;
        Ok((size, got.into_stream().boxed()))
    }

    /// Removes an object; one already gone is fine.
    pub async fn delete(&self, key: &Key) -> Result<()> {
        match self.store.delete(key).await {
            Err(Error::NotFound { .. }) => Ok(()),
            other => other,
        }
    }

    /// The names of the objects under `prefix` (completed ones only).
    pub async fn list(&self, prefix: &str) -> Result<Vec<String>> {
        let prefix = Key::from(prefix);
        let mut names = Vec::new();
        let mut listing = self.store.list(Some(&prefix));
        while let Some(meta) = listing.next().await {
            names.push(meta?.location.to_string());
        }
        Ok(names)
    }

    /// Whether the store answers and still holds what it was given: one HEAD of a marker
    /// object, written the first time it is missing (so a probe never makes it write again).
    pub async fn answers(&self) -> bool {
        let marker = Key::from(READY_MARKER);
        match self.store.head(&marker).await {
            Ok(_) => true,
            Err(Error::NotFound { .. }) => self
                .store
                .put(&marker, PutPayload::from_static(b"ok"))
                .await
                .is_ok(),
            Err(error) => {
                tracing::warn!(%error, "the object store does not answer");
                false
            }
        }
    }

    /// On the local folder, flushes a written object to disk before it is recorded.
    async fn synced(&self, key: &Key) -> Result<()> {
        let Some(root) = &self.local_root else {
            return Ok(());
        };
        let path = root.join(key.as_ref());
        tokio::task::spawn_blocking(move || std::fs::File::open(&path)?.sync_all())
            .await
            .map_err(|error| Error::Generic {
                store: "local",
                source: Box::new(error),
            })?
            .map_err(|error| Error::Generic {
                store: "local",
                source: Box::new(error),
            })
    }
}

/// An object being written, part by part. Dropped before [`Writer::finish`], the upload is
/// aborted: a refused or failed write, and one whose client went away, leave nothing.
pub struct Writer {
    upload: Option<WriteMultipart>,
    key: Key,
    storage: Storage,
    /// Counted in [`Storage::writes_in_progress`] until dropped.
    in_progress: Option<InProgress>,
}

struct InProgress(Arc<AtomicUsize>);

impl Drop for InProgress {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Writer {
    /// Adds bytes, first waiting while a part is still being sent (back-pressure, so that
    /// a fast client cannot make the server buffer a whole file).
    pub async fn write(&mut self, chunk: &[u8]) -> Result<()> {
        let Some(upload) = &mut self.upload else {
            return Err(Error::Generic {
                store: "writer",
                source: "the object is already finished".into(),
            });
        };
        upload.wait_for_capacity(PARTS_IN_FLIGHT).await?;
        upload.write(chunk);
        Ok(())
    }

    /// Completes the upload: the object is visible under its key from now on.
    pub async fn finish(mut self) -> Result<()> {
        if let Some(upload) = self.upload.take() {
            upload.finish().await?;
        }
        self.storage.synced(&self.key).await
    }

    /// Gives the upload up and waits until the store has dropped its parts.
    pub async fn abort(mut self) {
        if let Some(upload) = self.upload.take()
            && let Err(error) = upload.abort().await
        {
            tracing::warn!(key = %self.key, %error, "an unfinished upload could not be aborted");
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let Some(upload) = self.upload.take() else {
            return;
        };
        let key = self.key.clone();
        let in_progress = self.in_progress.take();
        let abort = async move {
            if let Err(error) = upload.abort().await {
                tracing::warn!(%key, %error, "an abandoned upload could not be aborted");
            }
            drop(in_progress);
        };
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(abort);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Storage;

    #[test]
    fn only_s3_urls_with_a_bucket_are_taken() {
        for url in [
            "gs://bucket/x",
            "s3://",
            "s3:///prefix",
            "/srv/otinish",
            "s3://b/a//b",
        ] {
            assert!(Storage::s3(url).is_err(), "{url}");
        }
        for url in [
            "s3://otinish",
            "s3://otinish/",
            "s3://otinish/prod/documents",
        ] {
            let storage = Storage::s3(url).unwrap_or_else(|error| panic!("{url}: {error}"));
            assert!(!storage.is_local());
        }
    }

    #[tokio::test]
    async fn the_local_store_keeps_the_old_layout_and_shows_nothing_until_finished() {
        let dir = tempfile::tempdir().unwrap();
        let storage = Storage::local(dir.path()).unwrap();
        let key = super::Key::from_iter(["uploads", "0b7c"]);
        let mut writer = storage.writer(&key).await.unwrap();
        writer.write(&[7; 100_000]).await.unwrap();
        assert!(
            !dir.path().join("uploads/0b7c").exists(),
            "not before it is finished"
        );
        writer.finish().await.unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("uploads/0b7c")).unwrap(),
            [7; 100_000]
        );
        assert_eq!(storage.writes_in_progress(), 0);

        let abandoned = super::Key::from_iter(["uploads", "1d2e"]);
        let mut writer = storage.writer(&abandoned).await.unwrap();
        writer.write(b"half").await.unwrap();
        writer.abort().await;
        let names: Vec<_> = std::fs::read_dir(dir.path().join("uploads"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["0b7c"]);
        assert_eq!(storage.writes_in_progress(), 0);
    }
}
