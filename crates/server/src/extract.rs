//! Request extractors that answer bad input with the contract's problems instead of axum's
//! plain-text rejections: a body that is not JSON, or not of the contract's shape, is 400
//! `malformed-request` naming the member at fault; a wrong content type is 415; a body over
//! the limit is 413.

use crate::problem::ApiError;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use otinish_core::api::{code, field_code};
use serde::de::DeserializeOwned;

/// The largest JSON body an endpoint takes unless it sets its own limit (the answers of an
/// application do): far above any request of the contract, far below what would let a few
/// anonymous requests fill the memory.
pub const MAX_JSON_BYTES: usize = 64 * 1024;

/// `Json<T>` with contract errors.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_rejection(rejection)),
        }
    }
}

fn json_rejection(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code::UNSUPPORTED_MEDIA_TYPE,
        ),
        JsonRejection::BytesRejection(_) => {
            ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, code::REQUEST_TOO_LARGE)
                .param("max_bytes", MAX_JSON_BYTES)
        }
        JsonRejection::JsonDataError(error) => {
            // serde names the member at fault as `path: message`; the pointer lets the app
            // put the message next to the right field.
            let text = error.body_text();
            let detail = text
                .split_once(": ")
                .map_or(text.as_str(), |(_, rest)| rest)
                .to_string();
            let (path, message) = detail.split_once(": ").unwrap_or(("", detail.as_str()));
            let field_code = if message.starts_with("missing field") {
                field_code::REQUIRED
            } else if message.starts_with("unknown field") {
                field_code::UNKNOWN_FIELD
            } else if message.starts_with("invalid type") {
                field_code::WRONG_TYPE
            } else {
                field_code::BAD_FORMAT
            };
            let mut pointer = if path.is_empty() || path == "." {
                String::new()
            } else {
                format!("/{}", path.replace('.', "/"))
            };
            // A missing member is named in the message, not in the path; an unknown one is
            // usually in both, and must not be named twice.
            if let Some(name) = message.split('`').nth(1)
                && (field_code == field_code::REQUIRED
                    || (field_code == field_code::UNKNOWN_FIELD
                        && !pointer.ends_with(&format!("/{name}"))))
            {
                pointer = format!("{pointer}/{name}");
            }
            ApiError::malformed()
                .field(&pointer, field_code, &[])
                .detail(detail.clone())
        }
        other => ApiError::malformed().detail(other.body_text()),
    }
}

/// `Path<T>` whose parse failure is 404: an id that cannot exist names nothing.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(ApiPath(value)),
            Err(PathRejection::FailedToDeserializePathParams(_)) => Err(ApiError::not_found()),
            Err(other) => Err(ApiError::malformed().detail(other.body_text())),
        }
    }
}

/// The precondition of the test-mode operations (the test sign-in, the eGov mobile expiry):
/// outside test mode they answer 422 `test-signer-disabled`, before anything else is read.
pub struct TestMode;

impl FromRequestParts<crate::state::AppState> for TestMode {
    type Rejection = ApiError;

    async fn from_request_parts(
        _parts: &mut Parts,
        state: &crate::state::AppState,
    ) -> Result<Self, ApiError> {
        if state.settings.test_mode {
            Ok(TestMode)
        } else {
            Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                code::TEST_SIGNER_DISABLED,
            ))
        }
    }
}
