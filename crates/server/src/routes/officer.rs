//! `/officer/applications`: the provider's side, behind the officer token. Applications that
//! are not submitted yet do not exist here (404). The moves themselves are `processing`'s.

use crate::auth::Officer;
use crate::db::OfficerListQuery;
use crate::extract::{ApiJson, ApiPath};
use crate::names::Named;
use crate::problem::{ApiError, ApiResult};
use crate::processing;
use crate::result_store::{self, Upload};
use crate::services::accounts::account_of;
use crate::services::applications::application_body;
use crate::services::pagination::{self, PageQuery};
use crate::state::AppState;
use axum::extract::multipart::{Field, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use base64::Engine;
use otinish_core::api::{
    self, ApplicationStatus as Status, OfficerApplication, OfficerApplicationList, ResultInfo,
    StatusEntry, TransitionRequest, code, field_code,
};
use otinish_core::catalog::FileType;
use uuid::Uuid;

const MAX_DOCUMENT_NUMBER_CHARS: usize = 64;
const ACCEPTED_TYPES: [&str; 3] = ["pdf", "jpeg", "png"];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/officer/applications", get(list))
        .route("/officer/applications/{applicationId}", get(show))
        .route(
            "/officer/applications/{applicationId}/transitions",
            post(transition),
        )
        .route(
            "/officer/applications/{applicationId}/result",
            // The upload is streamed to disk and measured against the backend's own limit.
            put(upload_result).layer(DefaultBodyLimit::disable()),
        )
}

async fn list(
    State(state): State<AppState>,
    _officer: Officer,
    page: PageQuery,
) -> ApiResult<Json<OfficerApplicationList>> {
    let query = OfficerListQuery {
        status: page.status,
        after: page.after,
        // One more than asked tells whether there is a next page.
        limit: page.limit + 1,
    };
    let mut items = state.db.officer_list(&query).await?;
    let next_cursor = if items.len() > page.limit as usize {
        items.truncate(page.limit as usize);
        items.last().map(|item| pagination::cursor(&item.position))
    } else {
        None
    };
    Ok(Json(OfficerApplicationList {
        items: items.into_iter().map(|item| item.summary).collect(),
        next_cursor,
    }))
}

async fn show(
    State(state): State<AppState>,
    _officer: Officer,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<OfficerApplication>> {
    let id = id.to_string();
    // Only submitted applications exist for an officer; the record also names the applicant.
    let submitted = state
        .db
        .officer_record(&id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let applicant = state
        .db
        .registry_record(&submitted.application.iin_bin)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let record = state
        .db
        .any_application(&id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let signature = state
        .db
        .stored_signature(&id)
        .await?
        .map(|stored| api::StoredSignature {
            method: if stored.method == "cms" {
                api::SignatureMethod::Cms
            } else {
                api::SignatureMethod::Test
            },
            cms: stored
                .cms
                .map(|der| base64::engine::general_purpose::STANDARD.encode(der)),
        });
    Ok(Json(OfficerApplication {
        // The same body the applicant sees: one builder, one fee rule.
        application: application_body(&state, record).await?,
        applicant: account_of(applicant),
        signature,
    }))
}

async fn transition(
    State(state): State<AppState>,
    _officer: Officer,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(request): ApiJson<TransitionRequest>,
) -> ApiResult<Json<StatusEntry>> {
    let entry =
        processing::transition(&state.db, &state.settings, &id.to_string(), &request).await?;
    Ok(Json(entry))
}

/// `PUT …/result`: the document an officer uploads, in `decision` (the licence, permit, or
/// the refusal letter) or `refused`. Judged by content, streamed to disk.
async fn upload_result(
    State(state): State<AppState>,
    _officer: Officer,
    ApiPath(id): ApiPath<Uuid>,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<Response> {
    let id = id.to_string();
    let application = state
        .db
        .submitted_application(&id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !matches!(application.status, Status::Decision | Status::Refused) {
        return Err(ApiError::conflict(code::TRANSITION_NOT_ALLOWED)
            .param("from", application.status.name()));
    }
    let mut multipart = multipart.map_err(|_| {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code::UNSUPPORTED_MEDIA_TYPE,
        )
    })?;
    let mut upload: Option<(Upload, FileType)> = None;
    let mut document_number: Option<String> = None;
    let outcome = async {
        while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
            match field.name() {
                Some(api::part::FILE) if upload.is_none() => {
                    upload = Some(receive_file(&state, &id, field).await?);
                }
                Some(api::part::DOCUMENT_NUMBER) if document_number.is_none() => {
                    document_number = Some(receive_document_number(field).await?);
                }
                Some(name @ (api::part::FILE | api::part::DOCUMENT_NUMBER)) => {
                    return Err(ApiError::malformed().field(
                        &format!("/{name}"),
                        field_code::TOO_MANY_ITEMS,
                        &[],
                    ));
                }
                name => {
                    return Err(ApiError::malformed().field(
                        &format!("/{}", name.unwrap_or_default()),
                        field_code::UNKNOWN_FIELD,
                        &[],
                    ));
                }
            }
        }
        Ok(())
    }
    .await;
    let Some((file, file_type)) = upload else {
        return Err(outcome
            .err()
            .unwrap_or_else(|| ApiError::malformed().field("/file", field_code::REQUIRED, &[])));
    };
    if let Err(error) = outcome {
        file.discard().await;
        return Err(error);
    }
    let (size, sha256) = file.commit().await.map_err(result_store::unavailable)?;
    let info = ResultInfo {
        file_type,
        size,
        sha256,
        issued_at: crate::clock::now(),
        document_number,
    };
    let replaced = state.db.store_uploaded_result(&id, &info).await?;
    let status = if replaced {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(info)).into_response())
}

/// Streams the `file` part to disk, stopping as soon as it is over the limit; the type is
/// judged by the first bytes.
async fn receive_file(
    state: &AppState,
    id: &str,
    mut field: Field<'_>,
) -> ApiResult<(Upload, FileType)> {
    let max_bytes = state.settings.max_file_bytes;
    let mut upload = Upload::begin(&state.settings, id)
        .await
        .map_err(result_store::unavailable)?;
    loop {
        let chunk = match field.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(error) => {
                upload.discard().await;
                return Err(multipart_error(error));
            }
        };
        if upload.size() + chunk.len() as u64 > max_bytes {
            upload.discard().await;
            return Err(
                ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, code::FILE_TOO_LARGE)
                    .param("max_bytes", max_bytes)
                    .field(
                        "/file",
                        code::FILE_TOO_LARGE,
                        &[("max_bytes", max_bytes.to_string())],
                    ),
            );
        }
        if let Err(error) = upload.write(&chunk).await {
            upload.discard().await;
            return Err(result_store::unavailable(error));
        }
    }
    if upload.size() == 0 {
        upload.discard().await;
        return Err(
            ApiError::new(StatusCode::BAD_REQUEST, code::FILE_EMPTY).field(
                "/file",
                code::FILE_EMPTY,
                &[],
            ),
        );
    }
    match otinish_core::validation::detect_file_type(upload.head()) {
        Some(file_type) => Ok((upload, file_type)),
        None => {
            upload.discard().await;
            let accepted = serde_json::json!(ACCEPTED_TYPES);
            let mut error = ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                code::FILE_TYPE_NOT_ALLOWED,
            )
            .param("accepted", accepted.clone())
            .field("/file", code::FILE_TYPE_NOT_ALLOWED, &[]);
            if let Some(field_error) = error.0.errors.last_mut() {
                field_error.params.insert("accepted".into(), accepted);
            }
            Err(error)
        }
    }
}

/// The number printed on the document: 1–64 characters, read no further than that.
async fn receive_document_number(mut field: Field<'_>) -> ApiResult<String> {
    let too_long = || {
        ApiError::malformed().field(
            &format!("/{}", api::part::DOCUMENT_NUMBER),
            field_code::TOO_LONG,
            &[("max", MAX_DOCUMENT_NUMBER_CHARS.to_string())],
        )
    };
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        bytes.extend_from_slice(&chunk);
        // Four bytes a character at most in UTF-8.
        if bytes.len() > 4 * MAX_DOCUMENT_NUMBER_CHARS {
            return Err(too_long());
        }
    }
    let pointer = format!("/{}", api::part::DOCUMENT_NUMBER);
    let text = String::from_utf8(bytes)
        .map_err(|_| ApiError::malformed().field(&pointer, field_code::BAD_FORMAT, &[]))?;
    let chars = text.chars().count();
    if chars == 0 {
        return Err(ApiError::malformed().field(&pointer, field_code::TOO_SHORT, &[]));
    }
    if chars > MAX_DOCUMENT_NUMBER_CHARS {
        return Err(too_long());
    }
    Ok(text)
}

fn multipart_error(error: axum::extract::multipart::MultipartError) -> ApiError {
    ApiError::malformed().detail(error.body_text())
}
