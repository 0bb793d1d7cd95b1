//! `/auth`: signing in with ЭЦП (a challenge the authentication key signs), the test sign-in
//! (test mode only), a password as a second way in, log out, and the applicant as the
//! registry knows them. Nobody creates or takes an account by knowing an ИИН/БИН: an
//! account is created by the first signed sign-in of its ИИН (or, with an employee's key,
//! its company's БИН).

use crate::accounts::password::{self, Weakness};
use crate::accounts::rate_limit::Refused;
use crate::accounts::session;
use crate::auth::CurrentAccount;
use crate::client::ClientAddress;
use crate::db::SignInMethod;
use crate::extract::{ApiJson, TestMode};
use crate::problem::{ApiError, ApiResult};
use crate::services::accounts::account_of;
use crate::services::sign_in::{
    SignInBy, new_challenge, open_session, registry_record_of, sign_in_with, start_session,
    too_many_requests,
};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use otinish_core::api::{
    LoginRequest, SetPasswordRequest, SignInChallenge, SignInRequest, TestSignInRequest, code,
    field_code,
};
use otinish_core::validation;

/// How long a sign-in challenge may be signed and sent back.
const CHALLENGE_MINUTES: i64 = 5;
/// The largest CMS taken (base64), as for submission.
const MAX_CMS_BASE64: usize = 1_400_000;

pub async fn challenge(
    State(state): State<AppState>,
    client: Option<ClientAddress>,
) -> ApiResult<Response> {
    // Every challenge is a row until it expires: a client asks at the login pace.
    state
        .login_limiter
        .admit(client)
        .map_err(too_many_requests)?;
    let challenge = new_challenge(&state, chrono::Duration::minutes(CHALLENGE_MINUTES)).await?;
    let body = SignInChallenge {
        nonce: challenge.nonce,
        data: base64::engine::general_purpose::STANDARD.encode(&challenge.data),
        expires_at: challenge.expires_at,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

pub async fn sign_in(
    State(state): State<AppState>,
    client: Option<ClientAddress>,
    ApiJson(request): ApiJson<SignInRequest>,
) -> ApiResult<Response> {
    state
        .login_limiter
        .admit(client)
        .map_err(too_many_requests)?;
    if request.cms.len() > MAX_CMS_BASE64 {
        return Err(ApiError::malformed().field(
            "/cms",
            field_code::TOO_LONG,
            &[("max", MAX_CMS_BASE64.to_string())],
        ));
    }
    let cms = base64::engine::general_purpose::STANDARD
        .decode(request.cms.trim())
        .map_err(|_| ApiError::malformed().field("/cms", field_code::BAD_FORMAT, &[]))?;
    sign_in_with(&state, &request.nonce, &cms, request.session).await
}

/// The test sign-in: a seeded person or company, no signature. Test mode only.
pub async fn test_sign_in(
    State(state): State<AppState>,
    _: TestMode,
    ApiJson(request): ApiJson<TestSignInRequest>,
) -> ApiResult<Response> {
    let iin_bin = checked_identifier(&request.iin_bin)?;
    let record = registry_record_of(&state, &iin_bin, "/iin_bin").await?;
    let sign_in = SignInBy {
        method: SignInMethod::Test,
        signer_iin: None,
        certificate_serial: None,
    };
    open_session(&state, &iin_bin, record, request.session, sign_in).await
}

/// `PUT /auth/password`: only in a session begun with ЭЦП (or the test sign-in).
pub async fn set_password(
    State(state): State<AppState>,
    account: CurrentAccount,
    ApiJson(request): ApiJson<SetPasswordRequest>,
) -> ApiResult<StatusCode> {
    let method = state.db.session_method(&account.token_hash).await?;
    if !matches!(method, Some(SignInMethod::Signature | SignInMethod::Test)) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            code::SIGNATURE_SESSION_REQUIRED,
        ));
    }
    check_password(request.password.expose(), &account.iin_bin)?;
    let hash = password::hash_off_thread(request.password.expose().to_string())
        .await
        .map_err(busy)?;
    state.db.set_password(account.id, &hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn login(
    State(state): State<AppState>,
    client: Option<ClientAddress>,
    ApiJson(request): ApiJson<LoginRequest>,
) -> ApiResult<Response> {
    // A malformed ИИН/БИН is refused before anything of it is kept or hashed.
    let iin_bin = well_formed_identifier(&request.iin_bin)?;
    let limiter = &state.login_limiter;
    limiter.admit(client).map_err(too_many_requests)?;
    limiter.account_open(&iin_bin).map_err(too_many_requests)?;
    let invalid = || ApiError::new(StatusCode::UNAUTHORIZED, code::INVALID_CREDENTIALS);
    let credentials = state.db.account_credentials(&iin_bin).await?;
    // An unknown ИИН/БИН is hashed against a dummy, so it takes as long as a wrong password.
    let (account_id, hash) = match credentials {
        Some((account_id, hash)) => (Some(account_id), hash),
        None => (None, DUMMY_HASH.to_string()),
    };
    let matches = password::verify_off_thread(request.password.expose().to_string(), hash)
        .await
        .map_err(busy)?;
    let Some(account_id) = account_id.filter(|_| matches) else {
        limiter.failed(&iin_bin);
        return Err(invalid());
    };
    limiter.forget_account(&iin_bin);
    let record = state
        .db
        .registry_record(&iin_bin)
        .await?
        .ok_or_else(invalid)?;
    start_session(
        &state,
        account_id,
        record,
        request.session,
        StatusCode::OK,
        (SignInMethod::Password, None),
    )
    .await
}

pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    if let Some(token) = session::token_from_headers(&headers) {
        state
            .db
            .delete_session(&session::token_hash(&token))
            .await?;
    }
    Ok((
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            session::expired_cookie(state.settings.secure_cookies),
        )],
    )
        .into_response())
}

pub async fn me(
    State(state): State<AppState>,
    headers: HeaderMap,
    account: CurrentAccount,
) -> ApiResult<Response> {
    let record = state
        .db
        .registry_record(&account.iin_bin)
        .await?
        .ok_or_else(ApiError::unauthenticated)?;
    let mut response = Json(account_of(record)).into_response();
    // The session has just been renewed; a browser's cookie would still end where the first
    // one did, so it is sent again with the full lifetime. This is how the app's "stay signed
    // in" keeps the applicant signed in (WCAG 2.2.1).
    if !headers.contains_key(header::AUTHORIZATION)
        && let Some(token) = session::token_from_headers(&headers)
        && let Ok(cookie) =
            HeaderValue::from_str(&session::cookie(&token, state.settings.secure_cookies))
    {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

/// 12 digits (400 otherwise, as the contract's pattern says), then the check digit and
/// structure rules of `otinish-core` (422).
fn checked_identifier(raw: &str) -> ApiResult<String> {
    let digits = well_formed_identifier(raw)?;
    validation::check_iin_or_bin(&digits).map_err(|issue| {
        let params: Vec<(&str, String)> =
            issue.params.iter().map(|(k, v)| (*k, v.clone())).collect();
        ApiError::validation_failed().field("/iin_bin", issue.code, &params)
    })
}

/// 12 digits, or 400 as the contract's pattern says.
fn well_formed_identifier(raw: &str) -> ApiResult<String> {
    let digits = raw.trim();
    if digits.len() != 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::malformed().field("/iin_bin", field_code::BAD_FORMAT, &[]));
    }
    Ok(digits.to_string())
}

fn check_password(password: &str, iin_bin: &str) -> ApiResult<()> {
    let field = |error: ApiError, code: &str, params: &[(&str, String)]| {
        error.field("/password", code, params)
    };
    password::check_strength(password, iin_bin).map_err(|weakness| match weakness {
        Weakness::TooShort => field(
            ApiError::validation_failed(),
            field_code::TOO_SHORT,
            &[("min", password::MIN_CHARS.to_string())],
        ),
        Weakness::TooLong => field(
            ApiError::malformed(),
            field_code::TOO_LONG,
            &[("max", password::MAX_CHARS.to_string())],
        ),
        Weakness::ContainsIdentifier => field(
            ApiError::validation_failed(),
            field_code::PASSWORD_CONTAINS_IIN_BIN,
            &[],
        ),
        Weakness::Guessable => field(
            ApiError::validation_failed(),
            field_code::PASSWORD_TOO_COMMON,
            &[],
        ),
    })
}

/// Every hashing slot is taken: the client tries again in a second.
fn busy(_: password::Busy) -> ApiError {
    too_many_requests(Refused {
        retry_after: std::time::Duration::from_secs(1),
    })
}

/// A valid Argon2id hash of a random password, to spend the same time on unknown accounts.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$fhD6PnbfKh5kaE2dXUvpbRmGJYxuFKmdtlKhfiCyOr0";

#[cfg(test)]
mod tests {
    #[test]
    fn the_dummy_hash_is_a_real_argon2id_hash() {
        use argon2::password_hash::PasswordHash;
        let parsed = PasswordHash::new(super::DUMMY_HASH).expect("parses");
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
        assert!(!super::password::verify("anything", super::DUMMY_HASH));
    }
}
