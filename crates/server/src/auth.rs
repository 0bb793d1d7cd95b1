//! Who is asking: the account behind the session cookie or bearer token. Handlers that
//! take a [`CurrentAccount`] answer 401 `unauthenticated` to anyone else.

use crate::accounts::session;
use crate::db::{ApplicationRecord, DocumentRecord};
use crate::problem::ApiError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

#[derive(Debug, Clone)]
pub struct CurrentAccount {
    pub id: i64,
    /// The ИИН or БИН the account signs in with.
    pub iin_bin: String,
    pub token_hash: String,
}

impl FromRequestParts<AppState> for CurrentAccount {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token =
            session::token_from_headers(&parts.headers).ok_or_else(ApiError::unauthenticated)?;
        let token_hash = session::token_hash(&token);
        // Every use of a session extends it: the limit is on idleness, not on work.
        let (id, iin_bin) = state
            .db
            .touch_session(&token_hash)
            .await?
            .ok_or_else(ApiError::unauthenticated)?;
        Ok(CurrentAccount {
            id,
            iin_bin,
            token_hash,
        })
    }
}

impl CurrentAccount {
    /// The account, as the extractor finds it (401 without a live session), and its
    /// application of id `id` with the application's documents, read in the same query.
    pub async fn with_application(
        parts: &Parts,
        state: &AppState,
        id: &str,
    ) -> Result<(Self, Option<(ApplicationRecord, Vec<DocumentRecord>)>), ApiError> {
        let token =
            session::token_from_headers(&parts.headers).ok_or_else(ApiError::unauthenticated)?;
        let token_hash = session::token_hash(&token);
        let found = state
            .db
            .touch_session_with_application(&token_hash, id)
            .await?
            .ok_or_else(ApiError::unauthenticated)?;
        let account = CurrentAccount {
            id: found.account_id,
            iin_bin: found.identifier,
            token_hash,
        };
        Ok((account, found.application))
    }
}

/// The officer API's bearer token; 401 without it, and when no token is configured.
pub struct Officer;

impl FromRequestParts<AppState> for Officer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let expected = state
            .settings
            .officer_token
            .as_deref()
            .ok_or_else(ApiError::unauthenticated)?;
        bearer_matches(parts, expected)
            .then_some(Officer)
            .ok_or_else(ApiError::unauthenticated)
    }
}

/// The payment gateway's bearer token.
pub struct Gateway;

impl FromRequestParts<AppState> for Gateway {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        bearer_matches(parts, &state.settings.gateway_token)
            .then_some(Gateway)
            .ok_or_else(ApiError::unauthenticated)
    }
}

fn bearer_matches(parts: &Parts, expected: &str) -> bool {
    bearer_is(&parts.headers, expected)
}

/// Whether the request's bearer token is `expected`, compared in constant time, so that a
/// token cannot be guessed byte by byte from timing.
pub fn bearer_is(headers: &axum::http::HeaderMap, expected: &str) -> bool {
    let given = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let (a, b) = (session::token_hash(given), session::token_hash(expected));
    a.bytes()
        .zip(b.bytes())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
        && !given.is_empty()
}
