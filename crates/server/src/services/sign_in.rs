//! Signing in, shared by the ways in: the challenge NCALayer's and eGov mobile's sign-ins
//! sign, the verified sign-in that opens the holder's session, the test sign-in's and the
//! password's session, and the rate limits' 429.

use crate::accounts::rate_limit::Refused;
use crate::accounts::session;
use crate::db::{RegistryRecord, SignIn, SignInMethod};
use crate::problem::{ApiError, ApiResult};
use crate::services::accounts::account_of;
use crate::signature::Purpose;
use crate::state::AppState;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use otinish_core::api::{self, Secret, Session, SessionMode, code, field_code};

/// The format of the bytes a sign-in signs.
const SIGN_IN_FORMAT: &str = "otinish-sign-in/1";

/// A sign-in challenge, kept under the hash of its nonce for `lifetime`.
pub struct Challenge {
    pub nonce: String,
    /// The exact bytes to sign.
    pub data: Vec<u8>,
    pub expires_at: api::Time,
}

/// Makes and keeps a challenge: NCALayer's sign-in (`POST /auth/challenge`) and eGov
/// mobile's (`crate::egov_mobile`) sign the same bytes.
pub async fn new_challenge(state: &AppState, lifetime: chrono::Duration) -> ApiResult<Challenge> {
    let nonce = session::new_token();
    let expires = chrono::Utc::now() + lifetime;
    let expires_at = expires.with_timezone(&crate::clock::offset());
    /// The bytes to sign, members in this order.
    #[derive(serde::Serialize)]
    struct Signed<'a> {
        format: &'a str,
        nonce: &'a str,
        expires_at: String,
    }
    let data = serde_json::to_vec(&Signed {
        format: SIGN_IN_FORMAT,
        nonce: &nonce,
        expires_at: expires_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    })
    .unwrap_or_default();
    state
        .db
        .create_challenge(&session::token_hash(&nonce), &data, expires)
        .await?;
    Ok(Challenge {
        nonce,
        data,
        expires_at,
    })
}

/// Takes the challenge of `nonce` (once), verifies `cms` over its bytes for authentication,
/// and opens a session for the certificate's holder: NCALayer's sign-in and eGov mobile's.
pub async fn sign_in_with(
    state: &AppState,
    nonce: &str,
    cms: &[u8],
    mode: SessionMode,
) -> ApiResult<Response> {
    let data = state
        .db
        .take_challenge(&session::token_hash(nonce))
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code::CHALLENGE_INVALID))?;
    let verified = state
        .verifier
        .verify(
            cms,
            &data,
            Purpose::Authentication,
            |holder| holder.iin.is_some(),
            chrono::Utc::now(),
        )
        .await
        .map_err(|refusal| ApiError::new(refusal.status(), refusal.code()))?;
    // An employee's key signs in to the company's account; a person's to their own.
    let holder = verified.holder;
    let iin_bin = holder
        .bin
        .clone()
        .or_else(|| holder.iin.clone())
        .unwrap_or_default();
    let record = registry_record_of(state, &iin_bin, "/cms").await?;
    // The owner proved who they are: guesses at their password no longer hold them out.
    state.login_limiter.forget_account(&iin_bin);
    tracing::info!(signer = ?holder.iin, certificate = %verified.serial, "signed in with ЭЦП");
    let sign_in = SignInBy {
        method: SignInMethod::Signature,
        signer_iin: holder.iin.as_deref(),
        certificate_serial: Some(&verified.serial),
    };
    open_session(state, &iin_bin, record, mode, sign_in).await
}

/// How someone signed in, as recorded with the session.
pub struct SignInBy<'a> {
    pub method: SignInMethod,
    pub signer_iin: Option<&'a str>,
    pub certificate_serial: Option<&'a str>,
}

/// The account of the number (created by its first sign-in: 201), the sign-in recorded,
/// and a session for it.
pub async fn open_session(
    state: &AppState,
    iin_bin: &str,
    record: RegistryRecord,
    mode: SessionMode,
    by: SignInBy<'_>,
) -> ApiResult<Response> {
    let (account_id, created) = state.db.account_for(iin_bin).await?;
    state
        .db
        .record_sign_in(&SignIn {
            account_id,
            method: by.method,
            signer_iin: by.signer_iin,
            certificate_serial: by.certificate_serial,
        })
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    start_session(
        state,
        account_id,
        record,
        mode,
        status,
        (by.method, by.signer_iin),
    )
    .await
}

/// What the registry knows of the number; 422 `not-in-registry` at `field` otherwise.
pub async fn registry_record_of(
    state: &AppState,
    iin_bin: &str,
    field: &str,
) -> ApiResult<RegistryRecord> {
    state
        .db
        .registry_record(iin_bin)
        .await?
        .ok_or_else(|| ApiError::validation_failed().field(field, field_code::NOT_IN_REGISTRY, &[]))
}

pub async fn start_session(
    state: &AppState,
    account_id: i64,
    record: RegistryRecord,
    mode: SessionMode,
    status: StatusCode,
    (method, signer_iin): (SignInMethod, Option<&str>),
) -> ApiResult<Response> {
    let token = session::new_token();
    let expires = state
        .db
        .create_session(account_id, &session::token_hash(&token), method, signer_iin)
        .await?;
    let body = Session {
        account: account_of(record),
        expires_at: expires.with_timezone(&crate::clock::offset()),
        token: (mode == SessionMode::Bearer).then(|| Secret::new(token.clone())),
    };
    let mut response = (status, Json(body)).into_response();
    if mode == SessionMode::Cookie
        && let Ok(cookie) =
            HeaderValue::from_str(&session::cookie(&token, state.settings.secure_cookies))
    {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

/// 429 `too-many-requests` with the wait.
pub fn too_many_requests(refused: Refused) -> ApiError {
    ApiError::new(StatusCode::TOO_MANY_REQUESTS, code::TOO_MANY_REQUESTS)
        .param("retry_after", refused.retry_after_seconds())
}
