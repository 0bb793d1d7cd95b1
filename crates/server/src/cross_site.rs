//! Cross-site request forgery: a state-changing request that the session cookie
//! authenticates must come from one of the app's origins (`crate::origins`).
//!
//! Browsers say where a request comes from in `Origin` (every cross-site POST, PUT, PATCH
//! and DELETE carries it), and the newer ones also in `Sec-Fetch-Site`. A request with
//! neither did not come from a browser page, so no cookie was lent to it by a stranger's
//! site. Requests with a bearer token and without the cookie are not checked: a page on
//! another site cannot make a browser send a token it does not have.

use crate::accounts::session;
use crate::problem::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use otinish_core::api::code;

pub async fn check_origin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if is_cross_site(&state, &request) {
        return ApiError::new(StatusCode::FORBIDDEN, code::CROSS_SITE_REQUEST).into_response();
    }
    next.run(request).await
}

fn is_cross_site(state: &AppState, request: &Request) -> bool {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let headers = request.headers();
    let by_cookie = !headers.contains_key(header::AUTHORIZATION)
        && session::token_from_headers(headers).is_some();
    if safe || !by_cookie {
        return false;
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        return !origin
            .to_str()
            .is_ok_and(|origin| state.settings.origins.allows(origin));
    }
    headers
        .get("sec-fetch-site")
        .is_some_and(|site| !matches!(site.as_bytes(), b"same-origin" | b"none"))
}
