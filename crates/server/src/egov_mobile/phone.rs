//! The phone app's side: API №1 (`GET /egov-mobile/{id}`) and API №2
//! (`GET`/`PUT /egov-mobile/{id}/document`, bearer `auth_token`). Errors are the contract's
//! problems with a `message` in words too, which the phone app shows.

use super::texts::{self, Language};
use super::{api1_url, protocol};
use crate::db::{EgovOutcome, EgovPurpose, EgovSession, EgovState};
use crate::extract::ApiJson;
use crate::problem::ApiError;
use crate::services::signer::Applicant;
use crate::signature::Purpose;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use otinish_core::api::{self, code};
use otinish_core::catalog::ApplicantType;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The one document of a session, as API №2 numbers it.
const DOCUMENT_ID: u32 = 1;
/// The longest id the phone can send back that could be ours (`session::new_token`: 43).
const MAX_ID_CHARS: usize = 64;

/// `GET /egov-mobile/{id}`: API №1.
pub async fn api1(
    State(state): State<AppState>,
    Path(session_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let language = Language::of(&headers);
    let found = match waiting(&state, &session_id, language).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let body = protocol::Api1 {
        description: texts::text(language, description_id(found.purpose)),
        expiry_date: found
            .expires_at
            .with_timezone(&crate::clock::offset())
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        organisation: protocol::Organisation {
            name: names("egov-mobile-phone-organisation", language),
            bin: state.settings.operator_bin.clone().unwrap_or_default(),
        },
        document: protocol::DocumentLink::new(
            format!("{}/document", api1_url(&state, &found.id)),
            found.auth_token.clone(),
        ),
    };
    Json(body).into_response()
}

/// `GET /egov-mobile/{id}/document`: API №2, the bytes to sign.
pub async fn documents(
    State(state): State<AppState>,
    Path(session_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let language = Language::of(&headers);
    let found = match authorised(&state, &session_id, &headers, language).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let body = protocol::Api2 {
        sign_method: protocol::SIGN_METHOD.to_string(),
        version: protocol::VERSION,
        documents_to_sign: vec![protocol::DocumentToSign {
            id: DOCUMENT_ID,
            name: names(document_id(found.purpose), language),
            meta: Vec::new(),
            document: protocol::FileHolder {
                file: protocol::File {
                    mime: protocol::DATA_MIME.to_string(),
                    data: base64::engine::general_purpose::STANDARD.encode(&found.data),
                },
            },
        }],
    };
    Json(body).into_response()
}

/// `PUT /egov-mobile/{id}/document`: API №2, the signature back. Verified at once by the
/// same code as NCALayer's: 200 when it verifies, 403 with the reason when it does not
/// (the session is then refused, and the browser shows the same reason), 503 when OCSP or
/// the verifier could not answer (nothing recorded: the phone may try again).
pub async fn signed(
    State(state): State<AppState>,
    Path(session_id): Path<String>,
    headers: HeaderMap,
    body: Result<ApiJson<protocol::Api2>, ApiError>,
) -> Response {
    let language = Language::of(&headers);
    let found = match authorised(&state, &session_id, &headers, language).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let body = match body {
        Ok(ApiJson(body)) => body,
        Err(error) => return error.into_response(),
    };
    let Some(cms) = body
        .documents_to_sign
        .iter()
        .find(|document| document.id == DOCUMENT_ID)
        .and_then(|document| {
            base64::engine::general_purpose::STANDARD
                .decode(document.document.file.data.trim())
                .ok()
        })
    else {
        return ApiError::malformed()
            .field("/documentsToSign/0/document/file/data", "bad-format", &[])
            .into_response();
    };
    let verified = match found.purpose {
        EgovPurpose::Signing => {
            let applicant = Applicant {
                kind: if found.legal_entity {
                    ApplicantType::LegalEntity
                } else {
                    ApplicantType::Individual
                },
                iin_bin: found.iin_bin.as_deref().unwrap_or_default(),
            };
            state
                .verifier
                .verify(
                    &cms,
                    &found.data,
                    Purpose::Signing,
                    |holder| applicant.signed_by(holder),
                    chrono::Utc::now(),
                )
                .await
        }
        EgovPurpose::SignIn => {
            state
                .verifier
                .verify(
                    &cms,
                    &found.data,
                    Purpose::Authentication,
                    |holder| holder.iin.is_some(),
                    chrono::Utc::now(),
                )
                .await
        }
    };
    let outcome = match &verified {
        Ok(_) => EgovOutcome::Signed {
            cms: &cms,
            keep_until: chrono::Utc::now() + super::browser::lifetime(&state),
        },
        Err(refusal) if refusal.status() == StatusCode::SERVICE_UNAVAILABLE => {
            return phone_error(refusal.status(), refusal.code(), language);
        }
        Err(refusal) => EgovOutcome::Refused(refusal.code()),
    };
    match state.db.settle_egov_session(&found.id, outcome).await {
        Err(error) => ApiError::from(error).into_response(),
        // Another signature came first, or the session expired while this one was checked.
        Ok(false) => phone_error(StatusCode::CONFLICT, code::EGOV_MOBILE_USED, language),
        Ok(true) => match verified {
            Ok(_) => StatusCode::OK.into_response(),
            Err(refusal) => phone_error(StatusCode::FORBIDDEN, refusal.code(), language),
        },
    }
}

/// A live session still waiting for its signature, or the phone's error.
async fn waiting(
    state: &AppState,
    session_id: &str,
    language: Language,
) -> Result<EgovSession, Response> {
    if session_id.len() > MAX_ID_CHARS {
        return Err(phone_error(
            StatusCode::NOT_FOUND,
            code::NOT_FOUND,
            language,
        ));
    }
    let found = match state.db.egov_session(session_id).await {
        Ok(Some(found)) => found,
        Ok(None) => {
            return Err(phone_error(
                StatusCode::NOT_FOUND,
                code::NOT_FOUND,
                language,
            ));
        }
        Err(error) => return Err(ApiError::from(error).into_response()),
    };
    if found.state != EgovState::Waiting {
        return Err(phone_error(
            StatusCode::CONFLICT,
            code::EGOV_MOBILE_USED,
            language,
        ));
    }
    if found.is_expired(chrono::Utc::now()) {
        return Err(phone_error(
            StatusCode::GONE,
            code::EGOV_MOBILE_EXPIRED,
            language,
        ));
    }
    Ok(found)
}

/// [`waiting`], and the bearer token is the session's: 401 otherwise.
async fn authorised(
    state: &AppState,
    session_id: &str,
    headers: &HeaderMap,
    language: Language,
) -> Result<EgovSession, Response> {
    let found = waiting(state, session_id, language).await?;
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default();
    // Hashes first, so the comparison takes the same time whatever the lengths.
    let same: bool = Sha256::digest(presented.trim().as_bytes())
        .ct_eq(&Sha256::digest(found.auth_token.as_bytes()))
        .into();
    if presented.is_empty() || !same {
        return Err(ApiError::unauthenticated().into_response());
    }
    Ok(found)
}

/// The message `id` in Russian and Kazakh; `nameEn` in the phone's language, as there is
/// no English locale.
fn names(id: &str, language: Language) -> protocol::Names {
    protocol::Names {
        ru: texts::text(Language::Russian, id),
        kz: texts::text(Language::Kazakh, id),
        en: texts::text(language, id),
    }
}

fn description_id(purpose: EgovPurpose) -> &'static str {
    match purpose {
        EgovPurpose::Signing => "egov-mobile-phone-signing",
        EgovPurpose::SignIn => "egov-mobile-phone-sign-in",
    }
}

fn document_id(purpose: EgovPurpose) -> &'static str {
    match purpose {
        EgovPurpose::Signing => "egov-mobile-phone-application",
        EgovPurpose::SignIn => "egov-mobile-phone-sign-in-request",
    }
}

/// A problem with `message` at the top level too: the words the phone app shows.
fn phone_error(status: StatusCode, problem: &str, language: Language) -> Response {
    let words = match problem {
        code::EGOV_MOBILE_EXPIRED => texts::text(language, "egov-mobile-phone-expired"),
        code::EGOV_MOBILE_USED => texts::text(language, "egov-mobile-phone-used"),
        other => texts::refusal(language, other),
    };
    let error = ApiError::new(status, problem).param("message", words.clone());
    let mut body = serde_json::to_value(&error.0).unwrap_or_default();
    body["message"] = serde_json::Value::String(words);
    (
        status,
        [(header::CONTENT_TYPE, api::PROBLEM_CONTENT_TYPE)],
        serde_json::to_vec(&body).unwrap_or_default(),
    )
        .into_response()
}
