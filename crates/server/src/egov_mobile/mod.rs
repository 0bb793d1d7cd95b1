//! Signing and signing in with the eGov mobile app (eGov Business for legal entities): a QR
//! code on a computer, a same-device link on a phone.
//!
//! The browser starts a session (for one of its applications, or to sign in) and gets back
//! the QR code, the links and its own poll secret. The phone reads the QR code's API №1 URL
//! (`phone.rs`), gets the bytes to sign from API №2 with the bearer token API №1 gave it,
//! and puts the CMS back; it is verified there and then by the same `crate::signature`
//! code as NCALayer's, with the same expectations (a signing key of the applicant, or an
//! authentication key), so the phone hears 403 with the reason in words, and the browser,
//! polling with its secret, sees the same reason. A signed session is then used once: the
//! browser submits with it (`Signature::EgovMobile`, through the one submission path, which
//! verifies the kept CMS again against the application as it is then), or signs in with it
//! (`services::sign_in::sign_in_with`, over the challenge NCALayer's sign-in uses).
//!
//! Who can do what:
//! - the id in the API №1 URL is seen by anyone who sees the QR code: it only reads the
//!   session's description and the token for API №2, which is the protocol (the QR code is
//!   the capability, as on egov.kz). It never tells the state nor leads to the CMS;
//! - API №2 needs the 256-bit bearer `auth_token` (compared in constant time), which only
//!   API №1 hands out;
//! - the browser polls, cancels, submits and signs in only with its poll secret (256 bits,
//!   kept as a hash), never with the id;
//! - only the signed-in owner of an application ready to sign starts a session for it;
//! - a session lives a few minutes (`--egov-mobile-minutes`), takes one signature, and is
//!   used once; rows are deleted an hour after they expire;
//! - live sessions are bounded per account and per client, and sign-in sessions also go at
//!   the login pace of the client (`LoginLimiter`), as `POST /auth/challenge` does.
//!
//! Sessions live in the database (`db::egov_mobile`), so any backend instance answers.

mod browser;
mod phone;
mod protocol;
mod qr;
mod texts;

use crate::accounts::session;
use crate::auth::CurrentAccount;
use crate::db::{EgovPurpose, EgovSession, EgovState};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use axum::Router;
use axum::http::StatusCode;
use axum::routing::{get, post};
use otinish_core::api::code;

/// The messages of `locales/*/egov-mobile.ftl` this module uses (a test checks them).
#[cfg(test)]
const PHONE_TEXTS: &[&str] = &[
    "egov-mobile-phone-signing",
    "egov-mobile-phone-sign-in",
    "egov-mobile-phone-application",
    "egov-mobile-phone-sign-in-request",
    "egov-mobile-phone-organisation",
    "egov-mobile-phone-expired",
    "egov-mobile-phone-used",
];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/applications/{application_id}/egov-mobile",
            post(browser::start_signing),
        )
        .route("/auth/egov-mobile", post(browser::start_sign_in))
        .route("/auth/egov-mobile/sign-in", post(browser::sign_in))
        .route("/egov-mobile/status", post(browser::status))
        .route("/egov-mobile/cancel", post(browser::cancel))
        .route("/egov-mobile/expire", post(browser::expire))
        .route("/egov-mobile/{session_id}", get(phone::api1))
        .route(
            "/egov-mobile/{session_id}/document",
            get(phone::documents).put(phone::signed),
        )
}

/// The API №1 URL of a session, under the configured public URL (never a request's `Host`):
/// the phone reaches it over the internet.
fn api1_url(state: &AppState, session_id: &str) -> String {
    format!(
        "{}/api/v1/egov-mobile/{session_id}",
        state.settings.origins.public()
    )
}

/// The CMS a signed session kept for the caller's application, for submission: its id (the
/// submission uses it up) and the CMS. 404 for a session that is not the caller's or not
/// this application's, 410 once expired, 409 when not signed or used already.
pub async fn signed_cms(
    state: &AppState,
    account: &CurrentAccount,
    application_id: &str,
    poll: &str,
) -> ApiResult<(String, Vec<u8>)> {
    let found = state
        .db
        .egov_session_polled(&session::token_hash(poll))
        .await?
        .filter(|found| {
            found.purpose == EgovPurpose::Signing
                && found.account_id == Some(account.id)
                && found.application_id.as_deref() == Some(application_id)
        })
        .ok_or_else(ApiError::not_found)?;
    let cms = usable_signed(&found)?;
    Ok((found.id, cms))
}

/// The CMS of a signed session not yet used nor expired.
fn usable_signed(found: &EgovSession) -> ApiResult<Vec<u8>> {
    match (&found.state, &found.cms) {
        (EgovState::Used, _) => Err(ApiError::conflict(code::EGOV_MOBILE_USED)),
        _ if found.is_expired(chrono::Utc::now()) => {
            Err(ApiError::new(StatusCode::GONE, code::EGOV_MOBILE_EXPIRED))
        }
        (EgovState::Signed, Some(cms)) => Ok(cms.clone()),
        _ => Err(ApiError::conflict(code::EGOV_MOBILE_NOT_SIGNED)),
    }
}
