//! The browser's side: start a session (for an application, or to sign in), ask after it
//! with the poll secret, cancel it, and sign in with it once signed.

use super::{api1_url, protocol, qr, usable_signed};
use crate::accounts::session;
use crate::auth::CurrentAccount;
use crate::client::ClientAddress;
use crate::db::{EgovPurpose, EgovState, NewEgovSession};
use crate::extract::{ApiJson, ApiPath, TestMode};
use crate::problem::{ApiError, ApiResult};
use crate::services::sign_in::{new_challenge, sign_in_with, too_many_requests};
use crate::services::signing::to_sign;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use otinish_core::api::{
    EgovMobileLinks, EgovMobilePoll, EgovMobileSignInRequest, EgovMobileStart, EgovMobileState,
    EgovMobileStatus, Secret, code,
};
use otinish_core::catalog::ApplicantType;
use uuid::Uuid;

/// Sessions waiting for a phone at once: an applicant has one screen open, a few tabs at
/// most; a client (an office behind one address) somewhat more.
const LIVE_PER_ACCOUNT: i64 = 5;
const LIVE_PER_CLIENT: i64 = 30;

/// `POST /applications/{id}/egov-mobile`: the owner of an application ready to sign.
pub async fn start_signing(
    State(state): State<AppState>,
    account: CurrentAccount,
    client: Option<ClientAddress>,
    ApiPath(application_id): ApiPath<Uuid>,
) -> ApiResult<Response> {
    let application_id = application_id.to_string();
    let signing = to_sign(&state, &account, &application_id).await?;
    start(
        &state,
        Start {
            purpose: EgovPurpose::Signing,
            account_id: Some(account.id),
            application: Some((&application_id, signing.version)),
            iin_bin: Some(&account.iin_bin),
            legal_entity: signing.applicant == ApplicantType::LegalEntity,
            nonce: None,
            client,
            data: &signing.bytes,
        },
    )
    .await
}

/// `POST /auth/egov-mobile`: anyone, at the login pace of their client.
pub async fn start_sign_in(
    State(state): State<AppState>,
    client: Option<ClientAddress>,
) -> ApiResult<Response> {
    state
        .login_limiter
        .admit(client)
        .map_err(too_many_requests)?;
    bounded(&state, None, client).await?;
    // The challenge outlives the session: a session signed at its last second is kept as
    // long again for the browser to sign in with (`phone::signed`).
    let challenge = new_challenge(&state, lifetime(&state) * 2).await?;
    start(
        &state,
        Start {
            purpose: EgovPurpose::SignIn,
            account_id: None,
            application: None,
            iin_bin: None,
            legal_entity: false,
            nonce: Some(&challenge.nonce),
            client,
            data: &challenge.data,
        },
    )
    .await
}

/// `POST /egov-mobile/status`: where the session of this poll secret stands.
pub async fn status(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<EgovMobilePoll>,
) -> ApiResult<Json<EgovMobileStatus>> {
    let found = state
        .db
        .egov_session_polled(&session::token_hash(request.poll.expose()))
        .await?
        .ok_or_else(ApiError::not_found)?;
    let expired = found.is_expired(chrono::Utc::now());
    let (state_now, refusal) = match found.state {
        EgovState::Used => (EgovMobileState::Used, None),
        EgovState::Cancelled => (EgovMobileState::Cancelled, None),
        EgovState::Refused(code) => (EgovMobileState::Refused, Some(code)),
        _ if expired => (EgovMobileState::Expired, None),
        EgovState::Signed => (EgovMobileState::Signed, None),
        EgovState::Waiting => (EgovMobileState::Waiting, None),
    };
    Ok(Json(EgovMobileStatus {
        state: state_now,
        refusal,
        expires_at: found.expires_at.with_timezone(&crate::clock::offset()),
    }))
}

/// `POST /egov-mobile/cancel`: the browser gives up a session still waiting (the phone then
/// hears that it is used); 409 when it is no longer waiting.
pub async fn cancel(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<EgovMobilePoll>,
) -> ApiResult<StatusCode> {
    let poll_hash = session::token_hash(request.poll.expose());
    if state.db.cancel_egov_session(&poll_hash).await? {
        return Ok(StatusCode::NO_CONTENT);
    }
    match state.db.egov_session_polled(&poll_hash).await? {
        None => Err(ApiError::not_found()),
        Some(_) => Err(ApiError::conflict(code::EGOV_MOBILE_USED)),
    }
}

/// `POST /egov-mobile/expire`, test mode only: ends the session's time now, so that a test
/// client sees what an applicant who waited too long sees, through the contract rather than
/// the backend's database. Only the poll secret's holder may, as with `cancel`.
pub async fn expire(
    State(state): State<AppState>,
    _: TestMode,
    ApiJson(request): ApiJson<EgovMobilePoll>,
) -> ApiResult<StatusCode> {
    let poll_hash = session::token_hash(request.poll.expose());
    if state.db.expire_egov_session(&poll_hash).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}

/// `POST /auth/egov-mobile/sign-in`: signs in with a signed sign-in session, once. The CMS
/// is verified again over the challenge by NCALayer's own sign-in code.
pub async fn sign_in(
    State(state): State<AppState>,
    client: Option<ClientAddress>,
    ApiJson(request): ApiJson<EgovMobileSignInRequest>,
) -> ApiResult<Response> {
    state
        .login_limiter
        .admit(client)
        .map_err(too_many_requests)?;
    let poll_hash = session::token_hash(request.poll.expose());
    let Some((nonce, cms)) = state.db.take_egov_sign_in(&poll_hash).await? else {
        // Say why: unknown, another purpose, not signed, used or expired.
        let found = state
            .db
            .egov_session_polled(&poll_hash)
            .await?
            .filter(|found| found.purpose == EgovPurpose::SignIn)
            .ok_or_else(ApiError::not_found)?;
        return Err(usable_signed(&found)
            .err()
            .unwrap_or_else(|| ApiError::conflict(code::EGOV_MOBILE_USED)));
    };
    sign_in_with(&state, &nonce, &cms, request.session).await
}

/// How long a session waits for the phone.
pub(super) fn lifetime(state: &AppState) -> chrono::Duration {
    chrono::Duration::from_std(state.settings.egov_mobile_lifetime)
        .unwrap_or(chrono::Duration::minutes(5))
}

/// 429 when the account or the client has too many sessions waiting already.
async fn bounded(
    state: &AppState,
    account_id: Option<i64>,
    client: Option<ClientAddress>,
) -> ApiResult<()> {
    let (by_account, by_client) = state
        .db
        .live_egov_sessions(account_id, &client_key(client))
        .await?;
    if by_account >= LIVE_PER_ACCOUNT || by_client >= LIVE_PER_CLIENT {
        return Err(
            ApiError::new(StatusCode::TOO_MANY_REQUESTS, code::TOO_MANY_REQUESTS).param(
                "retry_after",
                u64::try_from(lifetime(state).num_seconds()).unwrap_or(60),
            ),
        );
    }
    Ok(())
}

/// The client as the bound counts it (`ClientAddress` already puts IPv6 by its /64).
fn client_key(client: Option<ClientAddress>) -> String {
    client.map_or_else(|| "unknown".to_string(), |client| client.0.to_string())
}

struct Start<'a> {
    purpose: EgovPurpose,
    account_id: Option<i64>,
    application: Option<(&'a str, u32)>,
    iin_bin: Option<&'a str>,
    legal_entity: bool,
    nonce: Option<&'a str>,
    client: Option<ClientAddress>,
    data: &'a [u8],
}

async fn start(state: &AppState, start: Start<'_>) -> ApiResult<Response> {
    if start.account_id.is_some() {
        bounded(state, start.account_id, start.client).await?;
    }
    let id = session::new_token();
    let poll = session::new_token();
    let auth_token = session::new_token();
    let expires = chrono::Utc::now() + lifetime(state);
    let url = api1_url(state, &id);
    let qr_text = protocol::qr_text(&url);
    let qr_svg = qr::svg(&qr_text).ok_or_else(|| {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, code::MALFORMED_REQUEST)
            .detail("the API №1 URL is too long for a QR code: shorten --public-url")
    })?;
    state
        .db
        .create_egov_session(&NewEgovSession {
            id: &id,
            poll_hash: &session::token_hash(&poll),
            auth_token: &auth_token,
            purpose: start.purpose,
            account_id: start.account_id,
            application: start.application,
            iin_bin: start.iin_bin,
            legal_entity: start.legal_entity,
            nonce: start.nonce,
            client: &client_key(start.client),
            data: start.data,
            expires_at: expires,
        })
        .await?;
    let body = EgovMobileStart {
        poll: Secret::new(poll),
        expires_at: expires.with_timezone(&crate::clock::offset()),
        qr_text,
        qr_svg,
        links: EgovMobileLinks {
            egov_mobile: protocol::app_link(&url, false),
            egov_business: protocol::app_link(&url, true),
        },
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
