//! `/applications/{id}/documents`: attach a file to one of the documents the catalog asks
//! the applicant for, download it, remove it.
//!
//! An upload is streamed to disk chunk by chunk, never held whole in memory: the running
//! size stops it as soon as it passes the document's limit, and its first bytes decide its
//! type (`otinish_core::validation`), whatever its name or declared type say. A refused or
//! abandoned upload leaves no file behind.

use crate::auth::CurrentAccount;
use crate::db::{AddRefused, ApplicationRecord, NewDocument};
use crate::extract::ApiPath;
use crate::names::Named;
use crate::problem::{ApiError, ApiResult};
use crate::services::access::{
    self, EditableApplication, OwnedApplication, WRITE_ATTEMPTS, not_editable,
};
use crate::services::file_store::{self, PartialFile};
use crate::services::limits::MAX_FILES_PER_DOCUMENT;
use crate::services::package::{applicant_documents, applicant_kind};
use crate::services::shape::{is_catalog_id, pointer_step};
use crate::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::extract::multipart::{Field, MultipartError};
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use otinish_core::api::{
    self, FieldError, Params, StoredDocument, accepts_changes, code, field_code,
};
use otinish_core::catalog::{ApplicantType, Document, FileType};
use otinish_core::validation::{self, file::SNIFF_LEN};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Room for the multipart boundaries, part headers and the `document` part around the file:
/// a request over the file ceiling plus this is refused whatever it carries.
const MULTIPART_OVERHEAD_BYTES: u64 = 64 * 1024;
const BYTES_PER_MB: u64 = 1024 * 1024;
/// The contract's `StoredDocument.file_name`.
const MAX_FILE_NAME_CHARS: usize = 255;
/// A catalog id is at most 64 bytes; a `document` part longer than that is refused unread.
const MAX_DOCUMENT_PART_BYTES: usize = 64;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/applications/{application_id}/documents",
            // The 2 MB default would refuse documents the catalog allows; the upload keeps
            // its own limits while it streams.
            post(upload).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/applications/{application_id}/documents/{document_id}",
            get(download).delete(remove),
        )
}

/// `POST /applications/{id}/documents`: one file for one document slot.
async fn upload(
    State(state): State<AppState>,
    EditableApplication(OwnedApplication { account, record }): EditableApplication,
    request: Request,
) -> ApiResult<Response> {
    if !is_form_data(request.headers()) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code::UNSUPPORTED_MEDIA_TYPE,
        ));
    }
    let applicant = applicant_kind(&account.iin_bin)?;
    let ceiling = state.settings.max_file_bytes;
    let request_limit = ceiling.saturating_add(MULTIPART_OVERHEAD_BYTES);
    // A body announced as too large is refused before a byte of it is read.
    if declared_length(request.headers()).is_some_and(|length| length > request_limit) {
        return Err(request_too_large(request_limit));
    }
    let request = request.map(|body| {
        Body::new(http_body_util::Limited::new(
            body,
            usize::try_from(request_limit).unwrap_or(usize::MAX),
        ))
    });
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|rejection| ApiError::malformed().detail(rejection.body_text()))?;
    let upload = Upload {
        state: &state,
        account: &account,
        record: &record,
        applicant,
        ceiling,
        request_limit,
    };
    let (slot, file) = upload.receive(&mut multipart).await?;
    let stored = upload.store(slot, file).await?;
    let mut response = (StatusCode::CREATED, axum::Json(&stored)).into_response();
    let location = format!("/api/v1/applications/{}/documents/{}", record.id, stored.id);
    if let Ok(location) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// `GET /applications/{id}/documents/{documentId}`: the file as it was uploaded.
async fn download(
    State(state): State<AppState>,
    account: CurrentAccount,
    ApiPath((application_id, document_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<Response> {
    let (document, _) = state
        .db
        .owned_document(
            account.id,
            &application_id.to_string(),
            &document_id.to_string(),
        )
        .await?
        .ok_or_else(ApiError::not_found)?;
    // Streamed from the store; the headers that matter are set below from what was judged
    // at upload, not guessed from a name.
    let mut response = file_store::serve(&state.settings, &document.storage_key).await?;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(media_type(document.stored.file_type)),
    );
    // Names stored before they followed the content are put right here too.
    let file_name = with_type_extension(&document.stored.file_name, document.stored.file_type);
    if let Ok(disposition) = HeaderValue::from_str(&content_disposition(&file_name)) {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    // Personal documents: kept by no shared cache, and by the browser only while shown.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// `DELETE /applications/{id}/documents/{documentId}`: while the application takes changes.
async fn remove(
    State(state): State<AppState>,
    account: CurrentAccount,
    ApiPath((application_id, document_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<StatusCode> {
    let (application_id, document_id) = (application_id.to_string(), document_id.to_string());
    let mut status = api::ApplicationStatus::Draft;
    for _ in 0..WRITE_ATTEMPTS {
        (_, status) = state
            .db
            .owned_document(account.id, &application_id, &document_id)
            .await?
            .ok_or_else(ApiError::not_found)?;
        if !accepts_changes(status) {
            break;
        }
        let removed = state
            .db
            .remove_document(&application_id, &document_id, status)
            .await?;
        if let Some(storage_key) = removed {
            file_store::remove(&state.settings, vec![storage_key]).await;
            return Ok(StatusCode::NO_CONTENT);
        }
    }
    Err(not_editable(status))
}

// ── Receiving an upload ──────────────────────────────────────────────────────────────

/// One upload under way: the application it is for and the limits it is held to.
struct Upload<'a> {
    state: &'a AppState,
    account: &'a CurrentAccount,
    record: &'a ApplicationRecord,
    applicant: ApplicantType,
    /// The backend's ceiling for one file (`GET /config`).
    ceiling: u64,
    /// The ceiling of the whole request.
    request_limit: u64,
}

/// A file in the store whose size, hash and first bytes are known.
struct ReceivedFile {
    partial: PartialFile,
    given_name: Option<String>,
    size: u64,
    sha256: String,
    head: Vec<u8>,
}

impl Upload<'_> {
    /// Reads the parts: `document` (the slot) and `file`, in either order, each once.
    /// When the slot comes first, as the app sends it, the file is held to the slot's own
    /// limit and types while it streams; otherwise to the backend's, and judged at the end.
    async fn receive(
        &self,
        multipart: &mut Multipart,
    ) -> ApiResult<(&'static Document, ReceivedFile)> {
        let mut slot: Option<&'static Document> = None;
        let mut file: Option<ReceivedFile> = None;
        while let Some(mut field) = multipart
            .next_field()
            .await
            .map_err(|error| self.multipart_error(error))?
        {
            let name = field.name().unwrap_or_default().to_string();
            match name.as_str() {
                api::part::DOCUMENT if slot.is_none() => {
                    let id = self.read_document_id(&mut field).await?;
                    let document = self.expected_slot(&id)?;
                    self.check_room(document).await?;
                    slot = Some(document);
                }
                api::part::FILE if file.is_none() => {
                    file = Some(self.receive_file(&mut field, slot).await?);
                }
                api::part::DOCUMENT | api::part::FILE => {
                    let pointer = format!("/{name}");
                    return Err(ApiError::malformed().field(
                        &pointer,
                        field_code::TOO_MANY_ITEMS,
                        &[],
                    ));
                }
                "" => return Err(ApiError::malformed().detail("a part without a name")),
                other => {
                    let pointer: String = format!("/{}", pointer_step(other))
                        .chars()
                        .take(100)
                        .collect();
                    return Err(ApiError::malformed().field(
                        &pointer,
                        field_code::UNKNOWN_FIELD,
                        &[],
                    ));
                }
            }
        }
        let mut missing = ApiError::malformed();
        if slot.is_none() {
            missing = missing.field("/document", field_code::REQUIRED, &[]);
        }
        if file.is_none() {
            missing = missing.field("/file", field_code::REQUIRED, &[]);
        }
        let (Some(slot), Some(file)) = (slot, file) else {
            return Err(missing);
        };
        self.judge(slot, &file)?;
        Ok((slot, file))
    }

    /// The `document` part: a catalog id, read with a cap so that it cannot be a file.
    async fn read_document_id(&self, field: &mut Field<'_>) -> ApiResult<String> {
        let mut bytes = Vec::new();
        while let Some(chunk) = field
            .chunk()
            .await
            .map_err(|error| self.multipart_error(error))?
        {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > MAX_DOCUMENT_PART_BYTES {
                let max = [("max", MAX_DOCUMENT_PART_BYTES.to_string())];
                return Err(ApiError::malformed().field("/document", field_code::TOO_LONG, &max));
            }
        }
        match String::from_utf8(bytes) {
            Ok(id) if is_catalog_id(&id) => Ok(id),
            _ => Err(ApiError::malformed().field("/document", field_code::BAD_FORMAT, &[])),
        }
    }

    /// 422 `document-not-expected` unless the provision asks this applicant for it.
    fn expected_slot(&self, id: &str) -> ApiResult<&'static Document> {
        applicant_documents(self.record, self.applicant)
            .into_iter()
            .find(|(requirement, _)| requirement.document == id)
            .map(|(_, document)| document)
            .ok_or_else(|| {
                ApiError::validation_failed().field(
                    "/document",
                    field_code::DOCUMENT_NOT_EXPECTED,
                    &[],
                )
            })
    }

    /// 422 `too-many-files` when the slot is full, before any byte of the file is read.
    async fn check_room(&self, document: &Document) -> ApiResult<()> {
        let count = self
            .state
            .db
            .slot_file_count(&self.record.id, &document.id)
            .await?;
        if count >= MAX_FILES_PER_DOCUMENT {
            return Err(too_many_files());
        }
        Ok(())
    }

    /// The most bytes a file for `document` may have: its own limit within the ceiling.
    fn limit_of(&self, document: Option<&Document>) -> u64 {
        document.map_or(self.ceiling, |document| {
            (u64::from(document.max_mb) * BYTES_PER_MB).min(self.ceiling)
        })
    }

    /// Streams the `file` part to a partial file: hashing it, keeping its first bytes for
    /// the type, stopping at the first chunk past the limit or, once the first bytes are
    /// in, at a type the slot does not take.
    async fn receive_file(
        &self,
        field: &mut Field<'_>,
        slot: Option<&'static Document>,
    ) -> ApiResult<ReceivedFile> {
        let limit = self.limit_of(slot);
        let given_name = field.file_name().map(str::to_string);
        let mut partial = PartialFile::create(&self.state.settings).await?;
        let mut hasher = Sha256::new();
        let mut head = Vec::with_capacity(SNIFF_LEN);
        let mut size: u64 = 0;
        while let Some(chunk) = field
            .chunk()
            .await
            .map_err(|error| self.multipart_error(error))?
        {
            size = size.saturating_add(chunk.len() as u64);
            if size > limit {
                return Err(file_too_large(limit));
            }
            if head.len() < SNIFF_LEN {
                let wanted = (SNIFF_LEN - head.len()).min(chunk.len());
                head.extend_from_slice(&chunk[..wanted]);
                if head.len() == SNIFF_LEN
                    && let Some(document) = slot
                {
                    validation::check_file_type(&head, &document.types)
                        .map_err(|_| type_not_allowed(&document.types))?;
                }
            }
            hasher.update(&chunk);
            partial.write(&chunk).await?;
        }
        Ok(ReceivedFile {
            partial,
            given_name,
            size,
            sha256: hex::encode(hasher.finalize()),
            head,
        })
    }

    /// The whole file against its slot: not empty, within the limit, of a type it takes.
    fn judge(&self, slot: &Document, file: &ReceivedFile) -> ApiResult<()> {
        if file.size == 0 {
            return Err(file_error(
                StatusCode::BAD_REQUEST,
                code::FILE_EMPTY,
                Params::new(),
            ));
        }
        let limit = self.limit_of(Some(slot));
        if file.size > limit || validation::check_file_size(file.size, slot.max_mb).is_some() {
            return Err(file_too_large(limit));
        }
        validation::check_file_type(&file.head, &slot.types)
            .map(|_| ())
            .map_err(|_| type_not_allowed(&slot.types))
    }

    /// Moves the file to its final name and records it, if the slot still has room and
    /// the application still takes changes; otherwise the file goes.
    async fn store(&self, slot: &Document, mut file: ReceivedFile) -> ApiResult<StoredDocument> {
        let Some(file_type) = validation::detect_file_type(&file.head) else {
            return Err(type_not_allowed(&slot.types));
        };
        let id = file.partial.storage_key().to_string();
        file.partial.store().await?;
        let file_name = file_name_of(file.given_name.as_deref(), &slot.id, file_type);
        let mut status = self.record.status;
        for _ in 0..WRITE_ATTEMPTS {
            let added = self
                .state
                .db
                .add_document(
                    NewDocument {
                        id: &id,
                        application_id: &self.record.id,
                        document: &slot.id,
                        file_name: &file_name,
                        file_type,
                        size: file.size,
                        sha256: &file.sha256,
                        storage_key: &id,
                    },
                    status,
                    MAX_FILES_PER_DOCUMENT,
                )
                .await?;
            match added {
                Ok(stored) => {
                    file.partial.keep();
                    self.state.metrics.uploaded(file.size);
                    return Ok(stored);
                }
                Err(AddRefused::SlotFull) => return Err(too_many_files()),
                Err(AddRefused::StatusChanged) => {
                    status = access::owned(self.state, self.account, &self.record.id)
                        .await?
                        .status;
                    if !accepts_changes(status) {
                        break;
                    }
                }
            }
        }
        Err(not_editable(status))
    }

    fn multipart_error(&self, error: MultipartError) -> ApiError {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            request_too_large(self.request_limit)
        } else {
            // A broken body is the client's; so is a connection that went away.
            ApiError::malformed().detail(error.body_text())
        }
    }
}

// ── Headers and problems ─────────────────────────────────────────────────────────────────────────

fn is_form_data(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("multipart/form-data"))
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

fn request_too_large(max_bytes: u64) -> ApiError {
    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, code::REQUEST_TOO_LARGE)
        .param("max_bytes", max_bytes)
}

/// A problem about the `file` part, with the same code and parameters on the part.
fn file_error(status: StatusCode, code: &str, params: Params) -> ApiError {
    let mut error = ApiError::new(status, code);
    error.0.errors.push(FieldError {
        field: "/file".into(),
        code: code.into(),
        params: params.clone(),
    });
    error.0.params = params;
    error
}

fn file_too_large(max_bytes: u64) -> ApiError {
    let params = Params::from_iter([("max_bytes".to_string(), max_bytes.into())]);
    file_error(StatusCode::PAYLOAD_TOO_LARGE, code::FILE_TOO_LARGE, params)
}

fn type_not_allowed(accepted: &[FileType]) -> ApiError {
    let accepted: Vec<serde_json::Value> = accepted.iter().map(|t| t.name().into()).collect();
    let params = Params::from_iter([("accepted".to_string(), accepted.into())]);
    file_error(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        code::FILE_TYPE_NOT_ALLOWED,
        params,
    )
}

fn too_many_files() -> ApiError {
    let mut error = ApiError::validation_failed();
    error.0.errors.push(FieldError {
        field: "/document".into(),
        code: field_code::TOO_MANY_FILES.into(),
        params: Params::from_iter([("max".to_string(), MAX_FILES_PER_DOCUMENT.into())]),
    });
    error
}

fn media_type(file_type: FileType) -> &'static str {
    match file_type {
        FileType::Pdf => "application/pdf",
        FileType::Jpeg => "image/jpeg",
        FileType::Png => "image/png",
    }
}

/// The name the file was sent with, without a path, control or direction-changing
/// characters, and within the contract's length, ending in the extension of the type its
/// content showed ([`with_type_extension`]); the slot's id when nothing of it is left.
fn file_name_of(given: Option<&str>, document: &str, file_type: FileType) -> String {
    let cleaned: String = given
        .map(|name| name.rsplit(['/', '\\']).next().unwrap_or_default())
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." {
        with_type_extension(document, file_type)
    } else {
        with_type_extension(cleaned, file_type)
    }
}

/// `name` with the extension of `file_type`: a PNG sent as `scan.pdf` is `scan.png`, and an
/// HTML page that starts like a PDF is `page.pdf`, so that no program opens a document as
/// something its content is not. An extension that already fits is kept as written; a
/// last part that is not an extension (`т.1`) stays in the name.
fn with_type_extension(name: &str, file_type: FileType) -> String {
    let fitting: &[&str] = match file_type {
        FileType::Pdf => &["pdf"],
        FileType::Jpeg => &["jpg", "jpeg"],
        FileType::Png => &["png"],
    };
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension))
            if !stem.trim().is_empty()
                && (2..=5).contains(&extension.len())
                && extension.bytes().all(|b| b.is_ascii_alphabetic()) =>
        {
            (stem.trim_end(), Some(extension))
        }
        _ => (name, None),
    };
    let room = MAX_FILE_NAME_CHARS - 6;
    let stem: String = stem.chars().take(room).collect();
    match extension {
        Some(extension) if fitting.contains(&extension.to_ascii_lowercase().as_str()) => {
            format!("{stem}.{extension}")
        }
        _ => format!("{stem}.{}", fitting[0]),
    }
}

/// Marks that reorder text on screen (U+202E makes `fdp.exe` read as `exe.pdf`).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `attachment; filename*=UTF-8''<name>` (RFC 6266 with RFC 8187 encoding): every byte
/// outside RFC 8187's `attr-char` is percent-encoded, so no name can break the header.
fn content_disposition(file_name: &str) -> String {
    let mut encoded = String::with_capacity(file_name.len() * 3);
    for byte in file_name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_paths_and_tricks() {
        let pdf = FileType::Pdf;
        assert_eq!(file_name_of(Some("сведения.pdf"), "q", pdf), "сведения.pdf");
        assert_eq!(file_name_of(Some("C:\\scans\\a.pdf"), "q", pdf), "a.pdf");
        assert_eq!(
            file_name_of(Some("../../etc/passwd"), "q", pdf),
            "passwd.pdf"
        );
        assert_eq!(file_name_of(Some("a\u{202E}fdp.exe"), "q", pdf), "afdp.pdf");
        assert_eq!(file_name_of(Some("a\r\nb.png"), "q", pdf), "ab.pdf");
        assert_eq!(file_name_of(Some(" .. "), "q", pdf), "q.pdf");
        assert_eq!(
            file_name_of(None, "qualification-form", FileType::Png),
            "qualification-form.png"
        );
        let long = "я".repeat(300);
        let named = file_name_of(Some(&long), "q", pdf);
        assert!(named.chars().count() <= MAX_FILE_NAME_CHARS, "{named}");
        assert!(named.ends_with("я.pdf"));
    }

    #[test]
    fn the_extension_follows_the_content() {
        assert_eq!(with_type_extension("scan.pdf", FileType::Png), "scan.png");
        assert_eq!(with_type_extension("page.html", FileType::Pdf), "page.pdf");
        assert_eq!(
            with_type_extension("photo.JPEG", FileType::Jpeg),
            "photo.JPEG"
        );
        assert_eq!(
            with_type_extension("photo.png", FileType::Jpeg),
            "photo.jpg"
        );
        assert_eq!(
            with_type_extension("Паспорт т.1", FileType::Pdf),
            "Паспорт т.1.pdf"
        );
        assert_eq!(with_type_extension(".pdf", FileType::Png), ".pdf.png");
        assert_eq!(
            with_type_extension("scan.png.exe", FileType::Png),
            "scan.png.png"
        );
    }

    #[test]
    fn content_disposition_encodes_everything_unsafe() {
        assert_eq!(
            content_disposition("сведения 1.pdf"),
            "attachment; filename*=UTF-8''%D1%81%D0%B2%D0%B5%D0%B4%D0%B5%D0%BD%D0%B8%D1%8F%201.pdf"
        );
        let tricky = content_disposition("a\";b=c\\'.pdf");
        assert_eq!(
            tricky,
            "attachment; filename*=UTF-8''a%22%3Bb%3Dc%5C%27.pdf"
        );
        assert!(HeaderValue::from_str(&tricky).is_ok());
    }

    #[test]
    fn only_form_data_is_an_upload() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_str(value).unwrap());
            is_form_data(&headers)
        };
        assert!(with("multipart/form-data; boundary=x"));
        assert!(with("Multipart/Form-Data;boundary=x"));
        assert!(!with("multipart/mixed; boundary=x"));
        assert!(!with("application/json"));
        assert!(!is_form_data(&HeaderMap::new()));
    }
}
