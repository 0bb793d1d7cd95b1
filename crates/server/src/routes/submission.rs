//! `GET …/signing-data` and `POST …/submission`: the bytes the applicant signs, and signing
//! and delivering the application to the provider.
//!
//! Submission is safe to retry: the `Idempotency-Key` is taken, with the answer, by the same
//! transaction that submits, so a retry with the same key and body gets the first answer,
//! and nothing is submitted twice; a retry while the first request runs on this instance
//! answers 409 (`KeysInFlight`). A request that ends without submitting leaves its key
//! free, so that the same key works once the cause (a payment, a missing answer) is fixed.

mod schedule;

use crate::auth::CurrentAccount;
use crate::clock;
use crate::db::{
    ApplicationRecord, DocumentRecord, IdempotencyKey, KeyState, StoredResponse, SubmissionRecord,
    SubmissionRecorded,
};
use crate::extract::ApiJson;
use crate::problem::{ApiError, ApiResult};
use crate::services::access::{self, OwnedWithDocuments};
use crate::services::signer;
use crate::services::signing::{ready_to_sign_with, unsubmitted};
use crate::state::{AppState, Held};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use otinish_core::api::{
    self, IDEMPOTENCY_KEY_HEADER, ReferenceNumber, Signature, SigningData, Submission,
    SubmitRequest, code, field_code,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The largest CMS the contract lets through (`CmsSignature.cms.maxLength`, base64).
const MAX_CMS_BASE64: usize = 1_400_000;
/// A reference number is drawn again when it is taken; 30⁸ numbers make a second
/// collision in a row practically impossible, so a few draws are plenty.
const REFERENCE_DRAWS: usize = 8;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/applications/{application_id}/signing-data",
            get(signing_data_of),
        )
        .route("/applications/{application_id}/submission", post(submit))
}

async fn signing_data_of(
    State(state): State<AppState>,
    OwnedWithDocuments {
        account,
        record,
        documents,
    }: OwnedWithDocuments,
) -> ApiResult<Json<SigningData>> {
    let record = unsubmitted(record)?;
    let ready = ready_to_sign_with(&state, &account, &record, documents).await?;
    Ok(Json(ready.signing_bytes(&record).to_api(record.version)))
}

async fn submit(
    State(state): State<AppState>,
    // Someone else's application is not acknowledged, not even by holding a key for it.
    OwnedWithDocuments {
        account,
        record,
        documents,
    }: OwnedWithDocuments,
    headers: HeaderMap,
    ApiJson(request): ApiJson<SubmitRequest>,
) -> ApiResult<Response> {
    let key_text = idempotency_key(&headers)?;
    let cms = decoded_cms(&request)?;
    if request.version == 0 {
        return Err(ApiError::malformed().field(
            "/version",
            field_code::OUT_OF_RANGE,
            &[("min", "1".to_string())],
        ));
    }
    let request_hash = request_hash(&record.id, &request);
    let key = IdempotencyKey {
        account_id: account.id,
        key: &key_text,
        request_hash: &request_hash,
    };
    // Held until the answer is made, after the transaction has stored it with the key.
    let _held = match state
        .keys_in_flight
        .hold(account.id, &key_text, &request_hash)
    {
        Held::Now(guard) => guard,
        Held::InFlight => return Err(ApiError::conflict(code::IDEMPOTENCY_KEY_IN_FLIGHT)),
        Held::Reused => {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                code::IDEMPOTENCY_KEY_REUSED,
            ));
        }
    };
    let failed =
        match submit_with_key(&state, &account, (record, documents), &request, cms, &key).await {
            Ok(Keyed::Submitted(response)) => return Ok(replay(response)),
            Ok(Keyed::Taken) => None,
            Err(error) => Some(error),
        };
    // Nothing was written. What the key holds decides the answer, as if it had been looked
    // at first: looking only now keeps that read off every submission that goes through.
    match (state.db.idempotency_key_state(&key).await?, failed) {
        (KeyState::Finished(response), _) => Ok(replay(response)),
        (KeyState::Reused, _) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code::IDEMPOTENCY_KEY_REUSED,
        )),
        (KeyState::Free, Some(error)) => Err(error),
        // Taken, then freed before the read (an older instance's request that ended without
        // submitting): a retry finds it free.
        (KeyState::InFlight, _) | (KeyState::Free, None) => {
            Err(ApiError::conflict(code::IDEMPOTENCY_KEY_IN_FLIGHT))
        }
    }
}

/// How a submission that passed its checks ended.
enum Keyed {
    /// Submitted now; the answer, stored with the key.
    Submitted(StoredResponse),
    /// Another request had the key: nothing was written.
    Taken,
}

/// The checks, the signature, and the one transaction that takes the key and submits.
/// `record` may be stale by now; the transaction only writes if it is not.
async fn submit_with_key(
    state: &AppState,
    account: &CurrentAccount,
    (record, documents): (ApplicationRecord, Vec<DocumentRecord>),
    request: &SubmitRequest,
    cms: Option<Vec<u8>>,
    key: &IdempotencyKey<'_>,
) -> ApiResult<Keyed> {
    let record = unsubmitted(record)?;
    let application_id = record.id.as_str();
    if request.version != record.version {
        return Err(version_conflict(record.version));
    }
    let ready = ready_to_sign_with(state, account, &record, documents).await?;
    let signed = ready.signing_bytes(&record);
    // eGov mobile's CMS was kept by the backend when the phone sent it; from here on it is
    // verified and stored exactly as NCALayer's.
    let (cms, egov_mobile_session) = match &request.signature {
        Signature::EgovMobile { poll } => {
            let (session, cms) =
                crate::egov_mobile::signed_cms(state, account, application_id, poll.expose())
                    .await?;
            (Some(cms), Some(session))
        }
        _ => (cms, None),
    };
    match (&request.signature, &cms) {
        (Signature::Test { simulate }, _) => {
            signer::check_test(*simulate, state.settings.test_mode)
                .map_err(|refusal| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, refusal))?;
        }
        (Signature::Cms { .. } | Signature::EgovMobile { .. }, Some(cms)) => {
            let applicant = signer::Applicant {
                kind: ready.applicant,
                iin_bin: &account.iin_bin,
            };
            state
                .verifier
                .verify(
                    cms,
                    &signed.bytes,
                    crate::signature::Purpose::Signing,
                    |holder| applicant.signed_by(holder),
                    chrono::Utc::now(),
                )
                .await
                .map_err(|refusal| ApiError::new(refusal.status(), refusal.code()))?;
        }
        (Signature::Cms { .. } | Signature::EgovMobile { .. }, None) => {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                code::SIGNATURE_INVALID,
            ));
        }
    }

    let now = clock::now();
    let submitted_at = crate::db::now();
    let schedule = schedule::schedule(ready.provision, record.sub_case, now.naive_local());
    let registered_on = schedule.registered_on.to_string();
    let expected_result = schedule.due_date.map(|date| date.to_string());
    let delivered_due = schedule.delivered_due.map(|date| date.to_string());
    let (method, signed_with) = match request.signature {
        Signature::Test { .. } => ("test", None),
        Signature::Cms { .. } => ("cms", Some("ncalayer")),
        Signature::EgovMobile { .. } => ("cms", Some("egov-mobile")),
    };
    for _ in 0..REFERENCE_DRAWS {
        let reference = random_reference();
        let body = Submission {
            application_id: application_id.to_string(),
            reference_number: reference.clone(),
            status: api::ApplicationStatus::Delivered,
            submitted_at: now,
            registered_on: schedule.registered_on,
            due_date: schedule.due_date,
        };
        let response = StoredResponse {
            status: StatusCode::CREATED.as_u16(),
            body: serde_json::to_vec(&body).unwrap_or_default(),
            location: Some(format!("/api/v1/applications/{application_id}")),
        };
        let recorded = state
            .db
            .record_submission(&SubmissionRecord {
                application_id,
                read_status: record.status,
                read_version: record.version,
                reference: reference.as_str(),
                submitted_at: &submitted_at,
                registered_on: &registered_on,
                expected_result: expected_result.as_deref(),
                delivered_due: delivered_due.as_deref(),
                method,
                signed_data: &signed.bytes,
                signed_sha256: &signed.sha256,
                cms: cms.as_deref(),
                signed_with,
                egov_mobile_session: egov_mobile_session.as_deref(),
                key: *key,
                response: &response,
            })
            .await?;
        match recorded {
            SubmissionRecorded::Recorded => {
                state.metrics.submitted();
                return Ok(Keyed::Submitted(response));
            }
            SubmissionRecorded::KeyTaken => return Ok(Keyed::Taken),
            SubmissionRecorded::ReferenceTaken => continue,
            // Another request changed it after the checks: answer as if it came first.
            SubmissionRecorded::Moved => {
                let current = unsubmitted(access::owned(state, account, application_id).await?)?;
                return Err(version_conflict(current.version));
            }
        }
    }
    // Practically impossible (see REFERENCE_DRAWS); a retry draws again.
    Err(
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, code::STORAGE_UNAVAILABLE)
            .detail("every reference number drawn was taken"),
    )
}

fn version_conflict(current: u32) -> ApiError {
    ApiError::conflict(code::VERSION_CONFLICT).param("current_version", current)
}

/// The `Idempotency-Key` header: a UUID, bare or as a Structured Field string.
fn idempotency_key(headers: &HeaderMap) -> ApiResult<String> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY_HEADER) else {
        return Err(
            ApiError::new(StatusCode::BAD_REQUEST, code::IDEMPOTENCY_KEY_MISSING).field(
                IDEMPOTENCY_KEY_HEADER,
                field_code::REQUIRED,
                &[],
            ),
        );
    };
    let bad_format =
        || ApiError::malformed().field(IDEMPOTENCY_KEY_HEADER, field_code::BAD_FORMAT, &[]);
    let text = value.to_str().map_err(|_| bad_format())?;
    let bare = match text.strip_prefix('"') {
        Some(quoted) => quoted.strip_suffix('"').ok_or_else(bad_format)?,
        None => text,
    };
    if bare.len() != 36 {
        return Err(bad_format());
    }
    let key = Uuid::parse_str(bare).map_err(|_| bad_format())?;
    Ok(key.to_string())
}

/// The CMS's bytes, for a CMS signature; 400 when it is not the contract's base64.
fn decoded_cms(request: &SubmitRequest) -> ApiResult<Option<Vec<u8>>> {
    let Signature::Cms { cms } = &request.signature else {
        return Ok(None);
    };
    let field = |code: &str, params: &[(&str, String)]| {
        ApiError::malformed().field("/signature/cms", code, params)
    };
    if cms.len() > MAX_CMS_BASE64 {
        return Err(field(
            field_code::TOO_LONG,
            &[("max", MAX_CMS_BASE64.to_string())],
        ));
    }
    if cms.len() < 4 {
        return Err(field(field_code::TOO_SHORT, &[("min", "4".to_string())]));
    }
    base64::engine::general_purpose::STANDARD
        .decode(cms)
        .map(Some)
        .map_err(|_| field(field_code::BAD_FORMAT, &[]))
}

/// What makes two requests "the same": the application and the body, as parsed (so that
/// whitespace or member order in a retry does not count as another body).
fn request_hash(application_id: &str, request: &SubmitRequest) -> String {
    let mut hasher = Sha256::new();
    hasher.update(application_id.as_bytes());
    hasher.update(b"\n");
    hasher.update(serde_json::to_vec(request).unwrap_or_default());
    hex::encode(hasher.finalize())
}

/// Random, not sequential, so that a number tells nothing of how many came before it. The
/// modulo bias over 2⁶⁴ is below one in ten million.
fn random_reference() -> ReferenceNumber {
    ReferenceNumber::from_number(OsRng.next_u64())
}

fn replay(response: StoredResponse) -> Response {
    let status = StatusCode::from_u16(response.status).unwrap_or(StatusCode::CREATED);
    let mut reply = (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        response.body,
    )
        .into_response();
    if let Some(location) = response
        .location
        .and_then(|location| HeaderValue::from_str(&location).ok())
    {
        reply.headers_mut().insert(header::LOCATION, location);
    }
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            IDEMPOTENCY_KEY_HEADER,
            HeaderValue::from_str(value).unwrap(),
        );
        headers
    }

    #[test]
    fn idempotency_keys_are_uuids_bare_or_quoted() {
        let key = "5b0c2f3e-7d41-4a8e-9f26-1c3d5e7f9a0b";
        assert_eq!(idempotency_key(&headers(key)).unwrap(), key);
        assert_eq!(
            idempotency_key(&headers(&format!("\"{}\"", key.to_uppercase()))).unwrap(),
            key
        );
        for bad in [
            "",
            "\"",
            "nope",
            "5b0c2f3e7d414a8e9f261c3d5e7f9a0b",
            "\"5b0c2f3e-7d41-4a8e-9f26-1c3d5e7f9a0b",
        ] {
            let error = idempotency_key(&headers(bad)).unwrap_err();
            assert_eq!(error.0.code, code::MALFORMED_REQUEST, "{bad}");
        }
        let missing = idempotency_key(&HeaderMap::new()).unwrap_err();
        assert_eq!(missing.0.code, code::IDEMPOTENCY_KEY_MISSING);
    }

    #[test]
    fn reference_numbers_are_random_and_valid() {
        let drawn: std::collections::BTreeSet<String> =
            (0..100).map(|_| random_reference().to_string()).collect();
        assert_eq!(drawn.len(), 100);
        assert!(
            drawn
                .iter()
                .all(|number| ReferenceNumber::parse(number).is_some())
        );
    }

    #[test]
    fn the_same_body_hashes_the_same_whatever_its_spelling() {
        let parse = |text: &str| serde_json::from_str::<SubmitRequest>(text).unwrap();
        let id = "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30";
        let a = request_hash(id, &parse(r#"{"version":2,"signature":{"method":"test"}}"#));
        let b = request_hash(
            id,
            &parse(r#"{ "signature": {"simulate":"valid","method":"test"}, "version": 2 }"#),
        );
        let c = request_hash(id, &parse(r#"{"version":3,"signature":{"method":"test"}}"#));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
