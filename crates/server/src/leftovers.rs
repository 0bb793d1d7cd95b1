//! What a killed server leaves behind in the data directory. An upload or a result being
//! written lives in a staged file beside its final name until it is complete (`<name>#<n>`,
//! the object store's local staging; `*.part` from earlier versions); a `kill -9` (or a
//! power cut) in the middle leaves that file with no request to finish or remove it. At
//! start-up no request is under way, so every such file is a leftover.
//!
//! An S3-compatible store keeps an interrupted multipart upload invisible, and its parts
//! until a lifecycle rule aborts it (README "Several instances").

use crate::state::Settings;
use std::path::Path;

/// Removes the partial files of uploads and results; answers how many bytes were freed.
pub fn remove_partial_files(settings: &Settings) -> u64 {
    if !settings.storage.is_local() {
        return 0;
    }
    let freed = [settings.uploads_dir(), settings.data_dir.join("results")]
        .iter()
        .map(|dir| remove_partials_in(dir))
        .sum();
    if freed > 0 {
        tracing::info!(
            bytes = freed,
            "removed the partial files of interrupted uploads"
        );
    }
    freed
}

fn remove_partials_in(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut freed = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let partial = path
            .extension()
            .is_some_and(|extension| extension == "part")
            || entry.file_name().to_string_lossy().contains('#');
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        if !partial || !metadata.is_file() {
            continue;
        }
        match std::fs::remove_file(&path) {
            Ok(()) => freed += metadata.len(),
            Err(error) => {
                tracing::warn!(%error, path = %path.display(), "a partial file could not be removed")
            }
        }
    }
    freed
}

#[cfg(test)]
mod tests {
    use crate::state::Settings;

    #[test]
    fn partial_files_go_and_complete_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings::for_tests(dir.path().to_path_buf());
        let uploads = settings.uploads_dir();
        let results = dir.path().join("results");
        std::fs::create_dir_all(&uploads).unwrap();
        std::fs::create_dir_all(&results).unwrap();
        std::fs::write(uploads.join("0b7c.part"), vec![0; 1000]).unwrap();
        std::fs::write(uploads.join("kept-document"), b"%PDF-").unwrap();
        std::fs::write(results.join("1d2e.3f4a.part"), vec![0; 20]).unwrap();
        std::fs::write(results.join("1d2e#1"), vec![0; 4]).unwrap();
        std::fs::write(results.join("1d2e"), b"%PDF-").unwrap();
        assert_eq!(super::remove_partial_files(&settings), 1024);
        assert!(!uploads.join("0b7c.part").exists() && !results.join("1d2e#1").exists());
        assert!(uploads.join("kept-document").exists() && results.join("1d2e").exists());
        assert_eq!(super::remove_partial_files(&settings), 0);
    }
}
