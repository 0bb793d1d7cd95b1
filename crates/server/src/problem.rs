//! Errors as `application/problem+json` (RFC 9457) in the shape of `otinish_core::api::Problem`:
//! a code the app translates, its parameters, and field-level codes. No sentence here is
//! shown to an applicant.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use otinish_core::api::{self, FieldError, Problem, code};

#[derive(Debug, Clone)]
pub struct ApiError(pub Problem);

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(status: StatusCode, code: &str) -> ApiError {
        ApiError(Problem::new(
            status.as_u16(),
            status.canonical_reason().unwrap_or("Error"),
            code,
        ))
    }

    pub fn not_found() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, code::NOT_FOUND)
    }

    pub fn unauthenticated() -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, code::UNAUTHENTICATED)
    }

    pub fn malformed() -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code::MALFORMED_REQUEST)
    }

    pub fn validation_failed() -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code::VALIDATION_FAILED)
    }

    pub fn conflict(code: &str) -> ApiError {
        ApiError::new(StatusCode::CONFLICT, code)
    }

    /// Adds a field-level fault: `field` is a JSON Pointer into the request body.
    pub fn field(mut self, field: &str, code: &str, params: &[(&str, String)]) -> ApiError {
        let mut error = FieldError {
            field: field.to_string(),
            code: code.to_string(),
            params: Default::default(),
        };
        for (name, value) in params {
            error
                .params
                .insert(name.to_string(), serde_json::Value::String(value.clone()));
        }
        self.0.errors.push(error);
        self
    }

    pub fn param(mut self, name: &str, value: impl Into<serde_json::Value>) -> ApiError {
        self.0.params.insert(name.to_string(), value.into());
        self
    }

    /// Text for the logs only.
    pub fn detail(mut self, detail: impl Into<String>) -> ApiError {
        self.0.detail = Some(detail.into());
        self
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(code = %self.0.code, detail = ?self.0.detail, "request failed");
        }
        let body = serde_json::to_vec(&self.0).unwrap_or_default();
        let mut response = (
            status,
            [(header::CONTENT_TYPE, api::PROBLEM_CONTENT_TYPE)],
            body,
        )
            .into_response();
        // The contract's 429 (and a 503 that knows) says when to come back in the header
        // clients and proxies read, as well as in `params.retry_after`.
        if let Some(seconds) = self.0.params.get("retry_after").and_then(|s| s.as_u64()) {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
        }
        response
    }
}

/// A storage failure is the server's fault: 503, so that clients retry, with the cause
/// in the log and not in the answer.
impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "storage-unavailable")
            .detail(error.to_string())
    }
}

/// Any `/api` path the contract does not define.
pub async fn not_found() -> ApiError {
    ApiError::not_found()
}
