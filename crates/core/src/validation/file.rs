//! Uploaded documents: the type is judged by the first bytes of the content, never by the
//! file name, and the size against the document's own limit.
//!
//! Signatures:
//! - JPEG: `FF D8 FF`, the start-of-image marker and the first byte of the next marker
//!   (ITU-T T.81, table B.1).
//! - PNG: `89 50 4E 47 0D 0A 1A 0A` (PNG specification, "PNG signature").
//! - PDF: `%PDF-` (ISO 32000-1 §7.5.2, "File header"). Readers accept the header anywhere
//!   in the first 1024 bytes (Datalogics knowledge base, "Is there a simple way to identify
//!   a file as being a PDF?", citing ISO 32000 Annex C), and scanners do write PDFs with a
//!   few bytes before it, so it is looked for there too.
//!
//! The server streams uploads: it needs only the first [`SNIFF_LEN`] bytes for the type
//! and the running size for the limit, so the rules take those separately.

use super::Issue;
use crate::catalog::{Document, FileType};

/// How many leading bytes [`detect_file_type`] looks at.
pub const SNIFF_LEN: usize = 1024;

const BYTES_PER_MB: u64 = 1024 * 1024;
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF];
const PNG: &[u8] = &[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
const PDF: &[u8] = b"%PDF-";

/// The type of a file from its first bytes (at least the first [`SNIFF_LEN`] when the file
/// is that long), or `None` when it is none of the accepted kinds.
pub fn detect_file_type(head: &[u8]) -> Option<FileType> {
    if head.starts_with(JPEG) {
        Some(FileType::Jpeg)
    } else if head.starts_with(PNG) {
        Some(FileType::Png)
    } else if head[..head.len().min(SNIFF_LEN)]
        .windows(PDF.len())
        .any(|window| window == PDF)
    {
        Some(FileType::Pdf)
    } else {
        None
    }
}

/// `file-empty` for no bytes, `file-too-large` (param `megabytes`) past the limit, which
/// is in mebibytes as the catalog states it.
pub fn check_file_size(size: u64, max_mb: u32) -> Option<Issue> {
    if size == 0 {
        Some(Issue::new("file-empty"))
    } else if size > u64::from(max_mb) * BYTES_PER_MB {
        Some(Issue::new("file-too-large").with("megabytes", max_mb))
    } else {
        None
    }
}

/// The type, when it is one the document accepts; otherwise `file-type`, with the
/// accepted types (param `accepted`, ids joined by commas, e.g. `pdf,jpeg`).
pub fn check_file_type(head: &[u8], accepted: &[FileType]) -> Result<FileType, Issue> {
    match detect_file_type(head) {
        Some(found) if accepted.contains(&found) => Ok(found),
        _ => {
            let ids: Vec<&str> = accepted.iter().map(|&t| file_type_id(t)).collect();
            Err(Issue::new("file-type").with("accepted", ids.join(",")))
        }
    }
}

/// A whole file held in memory, against a catalog document's types and limit.
pub fn check_file(content: &[u8], document: &Document) -> Result<FileType, Issue> {
    if let Some(issue) = check_file_size(content.len() as u64, document.max_mb) {
        return Err(issue);
    }
    check_file_type(content, &document.types)
}

/// The catalog's id of a type, as its data files spell it.
fn file_type_id(file_type: FileType) -> &'static str {
    match file_type {
        FileType::Pdf => "pdf",
        FileType::Jpeg => "jpeg",
        FileType::Png => "png",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::test_support::code;

    fn document(types: Vec<FileType>, max_mb: u32) -> Document {
        Document {
            id: "test".into(),
            types,
            max_mb,
        }
    }

    const ALL: [FileType; 3] = [FileType::Pdf, FileType::Jpeg, FileType::Png];

    #[test]
    fn types_are_told_by_content() {
        assert_eq!(
            detect_file_type(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3"),
            Some(FileType::Pdf)
        );
        assert_eq!(
            detect_file_type(b"\xFF\xD8\xFF\xE0\x00\x10JFIF"),
            Some(FileType::Jpeg)
        );
        assert_eq!(
            detect_file_type(b"\xFF\xD8\xFF\xE1\x00\x10Exif"),
            Some(FileType::Jpeg)
        );
        assert_eq!(
            detect_file_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(FileType::Png)
        );
    }

    #[test]
    fn near_misses_are_not_recognised() {
        assert_eq!(detect_file_type(b""), None);
        assert_eq!(detect_file_type(b"\xFF\xD8"), None);
        assert_eq!(detect_file_type(b"\xFF\xD8\x00"), None);
        // A PNG signature mangled by a text-mode transfer (CRLF to LF).
        assert_eq!(detect_file_type(b"\x89PNG\n\x1a\n\0\0\0\rIHDR"), None);
        assert_eq!(detect_file_type(b"%PDF1.7"), None);
        assert_eq!(detect_file_type(b"GIF89a"), None);
        assert_eq!(detect_file_type(b"PK\x03\x04word/document.xml"), None);
        // The name is not consulted: a Word file called scan.pdf is still not a PDF.
        assert_eq!(detect_file_type("scan.pdf".as_bytes()), None);
    }

    #[test]
    fn pdf_header_may_follow_a_short_preamble() {
        let mut late = vec![b' '; SNIFF_LEN - PDF.len()];
        late.extend_from_slice(b"%PDF-1.4");
        assert_eq!(detect_file_type(&late), Some(FileType::Pdf));
        let mut too_late = vec![b' '; SNIFF_LEN - PDF.len() + 1];
        too_late.extend_from_slice(b"%PDF-1.4");
        assert_eq!(detect_file_type(&too_late), None);
    }

    #[test]
    fn size_limit_is_in_mebibytes_inclusive() {
        assert_eq!(check_file_size(10 * 1024 * 1024, 10), None);
        let issue = check_file_size(10 * 1024 * 1024 + 1, 10).unwrap();
        assert_eq!(issue.code, "file-too-large");
        assert_eq!(issue.param("megabytes"), Some("10"));
        assert_eq!(check_file_size(0, 10).unwrap().code, "file-empty");
        assert_eq!(check_file_size(1, 0).unwrap().code, "file-too-large");
        assert!(check_file_size(u64::MAX, u32::MAX).is_some());
    }

    #[test]
    fn document_accepts_only_its_types() {
        let scans = document(vec![FileType::Jpeg, FileType::Png], 10);
        assert_eq!(
            check_file(b"\x89PNG\r\n\x1a\nrest", &scans),
            Ok(FileType::Png)
        );
        let issue = check_file(b"%PDF-1.7 rest", &scans).unwrap_err();
        assert_eq!(issue.code, "file-type");
        assert_eq!(issue.param("accepted"), Some("jpeg,png"));
        assert_eq!(
            code(check_file(b"hello", &document(ALL.to_vec(), 10))),
            "file-type"
        );
        assert_eq!(
            code(check_file(b"", &document(ALL.to_vec(), 10))),
            "file-empty"
        );
        let huge = vec![0xFF; 1024 * 1024 + 1];
        assert_eq!(
            code(check_file(&huge, &document(ALL.to_vec(), 1))),
            "file-too-large"
        );
    }
}
