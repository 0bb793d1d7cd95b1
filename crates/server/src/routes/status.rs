//! `/applications/{applicationId}/history` and `/result`: what the applicant sees of the
//! provider's work. Another account's application answers 404, as a missing one does.

use crate::names::Named;
use crate::problem::{ApiError, ApiResult};
use crate::result_document;
use crate::result_store;
use crate::services::access::OwnedApplication;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use otinish_core::api::{ApplicationStatus as Status, History, StatusEntry, code};
use otinish_core::catalog::{FileType, catalog};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/applications/{application_id}/history", get(history))
        .route("/applications/{application_id}/result", get(result))
}

async fn history(
    State(state): State<AppState>,
    OwnedApplication {
        record: application,
        ..
    }: OwnedApplication,
) -> ApiResult<Json<History>> {
    let mut items = state.db.status_history(&application.id).await?;
    if items.is_empty() {
        // Every application has been in some state: the contract's history is never empty.
        items.push(StatusEntry {
            status: application.status,
            at: application.status_at,
            due: None,
            reason: None,
        });
    }
    Ok(Json(History { items }))
}

async fn result(
    State(state): State<AppState>,
    OwnedApplication {
        record: application,
        ..
    }: OwnedApplication,
) -> ApiResult<Response> {
    let id = application.id.as_str();
    let not_ready =
        || ApiError::conflict(code::RESULT_NOT_READY).param("status", application.status.name());
    // A document uploaded while the decision is still open is not the applicant's yet.
    if !application.status.is_final() {
        return Err(not_ready());
    }
    let stored = state.db.stored_result(id).await?.ok_or_else(not_ready)?;
    let bytes = result_store::read(&state.settings, id)
        .await
        .map_err(result_store::unavailable)?;
    let (media_type, extension) = match stored.info.file_type {
        FileType::Pdf => ("application/pdf", "pdf"),
        FileType::Jpeg => ("image/jpeg", "jpg"),
        FileType::Png => ("image/png", "png"),
    };
    let kind = (application.status == Status::Issued)
        .then(|| catalog().service(&application.service).map(|s| s.kind))
        .flatten();
    let reference = application
        .reference_number
        .as_ref()
        .map_or(id, |reference| reference.as_str());
    // Every character of the name is a letter, a digit, `-` or `.`: nothing to percent-encode.
    let file_name = result_document::file_name(kind, reference, extension);
    let disposition = HeaderValue::from_str(&format!("attachment; filename*=UTF-8''{file_name}"))
        .unwrap_or(HeaderValue::from_static("attachment"));
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(media_type)),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}
