//! Errors as `application/problem+json` (RFC 9457) in the shape of `otinish_core::api::Problem`:
//! a code the app translates, its parameters, and field-level codes. No sentence here is
//! shown to an applicant.

use axum::http::{HeaderValue, StatusCode, header};
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
    fn into_response(mut self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            // The cause (a database's own words, a path) is for the operator only.
            tracing::error!(code = %self.0.code, detail = ?self.0.detail, "request failed");
            self.0.detail = None;
        }
        let body = serde_json::to_vec(&self.0).unwrap_or_default();
        let mut response = (
            status,
            [(header::CONTENT_TYPE, api::PROBLEM_CONTENT_TYPE)],
            body,
        )
            .into_response();
        let headers = response.headers_mut();
        // RFC 9110 §15.5.2: a 401 names the scheme that would be accepted.
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        // The contract's 429 carries the wait in the header as well as in the body.
        if let Some(seconds) = self.0.params.get("retry_after").and_then(|v| v.as_u64())
            && matches!(
                status,
                StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
            )
        {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_error_keeps_its_cause_in_the_log() {
        let response = ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "storage-unavailable")
            .detail("database is locked: /var/lib/otinish/otinish.db")
            .into_response();
        let body = futures_body(response);
        assert!(
            !body.contains("locked") && !body.contains("/var/lib"),
            "{body}"
        );
        assert!(body.contains("storage-unavailable"));
    }

    #[test]
    fn the_contract_headers_go_with_401_and_429() {
        let response = ApiError::unauthenticated().into_response();
        assert_eq!(response.headers()[header::WWW_AUTHENTICATE], "Bearer");
        let response = ApiError::new(StatusCode::TOO_MANY_REQUESTS, code::TOO_MANY_REQUESTS)
            .param("retry_after", 42)
            .into_response();
        assert_eq!(response.headers()[header::RETRY_AFTER], "42");
    }

    fn futures_body(response: Response) -> String {
        let bytes = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }
}
