//! `/applications`: start a draft, list mine, read one, save its answers, discard it.
//!
//! What a service offers, who may apply and what the fee is come from the catalog of
//! `otinish-core`, the same data the app shows. Answers are stored as typed, unfinished ones
//! too: the contract keeps everything the applicant typed, and judges it against the form
//! when the application is paid for or signed (`submission::package`), not on each save.

use super::config::MAX_ANSWERS_BYTES;
use crate::auth::CurrentAccount;
use crate::clock;
use crate::db::{ApplicationRecord, ListQuery, NewApplication};
use crate::extract::{ApiJson, ApiPath};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use otinish_core::api::{
    AnswersSaved, Application, ApplicationList, ApplicationStatus, CreateApplicationRequest,
    FieldError, Params, SaveAnswersRequest, accepts_changes, code,
};
use otinish_core::catalog::{ApplicantType, catalog};
use otinish_core::fees::{self, Quote};
use otinish_core::validation;
use uuid::Uuid;

/// How often a write is tried again when the application changed between reading and
/// writing it (another tab, the payment gateway). Each retry reads it afresh.
pub(super) const WRITE_ATTEMPTS: usize = 3;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/applications", get(list).post(create))
        .route("/applications/{applicationId}", get(read).delete(discard))
        .route(
            "/applications/{applicationId}/answers",
            put(save_answers).layer(DefaultBodyLimit::max(MAX_ANSWERS_BYTES as usize)),
        )
}

/// `GET /applications`: mine, most recently changed first, a page at a time.
async fn list(
    State(state): State<AppState>,
    account: CurrentAccount,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult<Json<ApplicationList>> {
    let Query(pairs) =
        query.map_err(|rejection| ApiError::malformed().detail(rejection.body_text()))?;
    let params = list_params::parse(&pairs)?;
    let page = state
        .db
        .list_applications(ListQuery {
            account_id: account.id,
            status: params.status,
            after: params.after,
            limit: params.limit,
        })
        .await?;
    Ok(Json(ApplicationList {
        items: page.items,
        next_cursor: page.next.as_ref().map(list_params::cursor),
    }))
}

/// `POST /applications`: a draft for a service, provider and sub-case the catalog offers
/// this applicant.
async fn create(
    State(state): State<AppState>,
    account: CurrentAccount,
    ApiJson(request): ApiJson<CreateApplicationRequest>,
) -> ApiResult<Response> {
    offer::check_shape(&request)?;
    let applicant = applicant_type(&account)?;
    offer::check(&request, applicant)?;
    let id = state
        .db
        .create_application(NewApplication {
            account_id: account.id,
            service: &request.service,
            provider: &request.provider,
            sub_case: request.sub_case,
            targets: &request.targets,
        })
        .await?;
    let record = state
        .db
        .application(&id, Some(account.id))
        .await?
        .ok_or_else(ApiError::not_found)?;
    let body = application_body(&state, record).await?;
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/applications/{id}")) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// `GET /applications/{id}`.
async fn read(
    State(state): State<AppState>,
    account: CurrentAccount,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Application>> {
    let record = owned_application(&state, &account, &id).await?;
    Ok(Json(application_body(&state, record).await?))
}

/// `DELETE /applications/{id}`: while it is a draft, or awaits a payment that is not under
/// way; its documents go with it.
async fn discard(
    State(state): State<AppState>,
    account: CurrentAccount,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<StatusCode> {
    let id = id.to_string();
    let mut status = ApplicationStatus::Draft;
    for _ in 0..WRITE_ATTEMPTS {
        let record = owned_application(&state, &account, &id).await?;
        status = record.status;
        match status {
            ApplicationStatus::Draft => {}
            ApplicationStatus::AwaitingPayment => {
                if let Some(payment) = state.db.pending_payment(&id).await? {
                    return Err(
                        ApiError::conflict(code::PAYMENT_PENDING).param("payment_id", payment.id)
                    );
                }
            }
            _ => break,
        }
        if let Some(storage_keys) = state
            .db
            .discard_application(&id, account.id, status)
            .await?
        {
            super::documents::remove_files(&state, storage_keys).await;
            return Ok(StatusCode::NO_CONTENT);
        }
    }
    Err(ApiError::conflict(code::NOT_DISCARDABLE).param("status", status_param(status)))
}

/// `PUT /applications/{id}/answers`: replaces the answers, if `version` is still the
/// current one and the application still takes changes.
async fn save_answers(
    State(state): State<AppState>,
    account: CurrentAccount,
    ApiPath(id): ApiPath<Uuid>,
    body: Result<ApiJson<SaveAnswersRequest>, ApiError>,
) -> ApiResult<Json<AnswersSaved>> {
    let ApiJson(request) = body.map_err(|error| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            error.param("max_bytes", MAX_ANSWERS_BYTES)
        } else {
            error
        }
    })?;
    answers_shape::check(&request)?;
    let id = id.to_string();
    let mut current_version = request.version;
    for _ in 0..WRITE_ATTEMPTS {
        let record = owned_application(&state, &account, &id).await?;
        if !accepts_changes(record.status) {
            return Err(not_editable(record.status));
        }
        current_version = record.version;
        if record.version != request.version {
            break;
        }
        let saved = state
            .db
            .save_answers(
                &id,
                account.id,
                request.version,
                record.status,
                &request.answers,
            )
            .await?;
        if let Some((version, updated_at)) = saved {
            return Ok(Json(AnswersSaved {
                version,
                updated_at,
            }));
        }
    }
    Err(ApiError::conflict(code::VERSION_CONFLICT).param("current_version", current_version))
}

// ── Shared with the other application resources ──────────────────────────────────────

/// The application if it is this account's; 404 exactly as for a missing one otherwise.
pub(super) async fn owned_application(
    state: &AppState,
    account: &CurrentAccount,
    id: &impl ToString,
) -> ApiResult<ApplicationRecord> {
    state
        .db
        .application(&id.to_string(), Some(account.id))
        .await?
        .ok_or_else(ApiError::not_found)
}

/// Whether the account applies as a person (ИИН) or an organisation (БИН).
pub(super) fn applicant_type(account: &CurrentAccount) -> ApiResult<ApplicantType> {
    // Accounts are only made for numbers that pass the check, so this fails only on
    // damaged storage.
    validation::applicant_kind(&account.iin_bin).ok_or_else(|| {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "storage-unavailable")
            .detail("an account's ИИН/БИН does not pass its check")
    })
}

/// 409 `not-editable`: signed or submitted, so the signature covers what is there.
pub(super) fn not_editable(status: ApplicationStatus) -> ApiError {
    ApiError::conflict(code::NOT_EDITABLE).param("status", status_param(status))
}

pub(super) fn status_param(status: ApplicationStatus) -> String {
    kebab(&status)
}

/// A unit enum variant as the contract spells it (`awaiting-payment`, `legal-entity`).
pub(super) fn kebab<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        _ => String::new(),
    }
}

/// The contract's `Application`: the record, its files, its result once there is one, and
/// the fee, computed by the backend, never by the client.
pub(super) async fn application_body(
    state: &AppState,
    record: ApplicationRecord,
) -> ApiResult<Application> {
    let documents = state
        .db
        .documents_of(&record.id)
        .await?
        .into_iter()
        .map(|document| document.stored)
        .collect();
    let (fee, fee_date) = fee_of(state, &record).await?;
    // Only a submitted application can have a result; a draft spares the look-up.
    let result = if record.status.is_submitted() {
        state.db.stored_result(&record.id).await?
    } else {
        None
    };
    Ok(Application {
        id: record.id,
        service: record.service,
        provider: record.provider,
        sub_case: record.sub_case,
        targets: record.targets,
        status: record.status,
        status_at: record.status_at,
        version: record.version,
        answers: record.answers,
        documents,
        fee,
        fee_date,
        reference_number: record.reference_number,
        submitted_at: record.submitted_at,
        registered_on: record.registered_on,
        due_date: record.due_date,
        result: result.map(|stored| stored.info),
        refusal: record.refusal,
        created_at: record.created_at,
        updated_at: record.updated_at,
    })
}

/// Once paid, what was paid, on the day it was paid; before, the fee of today. A service
/// the catalog no longer has cannot be priced: "check with the provider".
async fn fee_of(
    state: &AppState,
    record: &ApplicationRecord,
) -> ApiResult<(Quote, chrono::NaiveDate)> {
    let today = clock::now().date_naive();
    // An amount the applicant entered has no МРП: the catalog's quote says so instead.
    if record.status >= ApplicationStatus::Paid
        && let Some(payment) = state.db.paid_payment(&record.id).await?
        && let (Some(mrp_tenths), Some(mrp)) = (payment.mrp_tenths, payment.mrp)
    {
        let paid_on = payment
            .receipt
            .map(|receipt| receipt.paid_at)
            .or(payment.decided_at)
            .map_or(today, |at| at.date_naive());
        let quote = Quote::Due {
            mrp_tenths,
            mrp,
            tenge: payment.tenge,
        };
        return Ok((quote, paid_on));
    }
    let quote = catalog()
        .service(&record.service)
        .map_or(Quote::Unknown, |service| {
            fees::quote(&service.fee, record.sub_case, today)
        });
    Ok((quote, today))
}

/// The contract's `CatalogId`: lower-case letters, digits and inner hyphens, at most 64.
pub(super) fn is_catalog_id(text: &str) -> bool {
    (1..=64).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

/// One step of a JSON Pointer (RFC 6901 §3: `~` and `/` escaped).
pub(super) fn pointer_step(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn field_error(field: String, code: &str, params: Params) -> FieldError {
    FieldError {
        field,
        code: code.to_string(),
        params,
    }
}

fn params<const N: usize>(pairs: [(&str, serde_json::Value); N]) -> Params {
    pairs
        .into_iter()
        .map(|(name, value)| (name.to_string(), value))
        .collect()
}

/// A problem with these field errors.
fn with_errors(mut error: ApiError, errors: Vec<FieldError>) -> ApiError {
    error.0.errors = errors;
    error
}

// ── Starting a draft: what the catalog offers ────────────────────────────────────────

mod offer {
    use super::is_catalog_id;
    use crate::problem::{ApiError, ApiResult};
    use otinish_core::api::{CreateApplicationRequest, field_code};
    use otinish_core::catalog::{ApplicantType, catalog};

    const MAX_TARGETS: usize = 2;

    /// The contract's shape (400): catalog ids, and each target once.
    pub fn check_shape(request: &CreateApplicationRequest) -> ApiResult<()> {
        let mut error = ApiError::malformed();
        for (pointer, id) in [
            ("/service", &request.service),
            ("/provider", &request.provider),
        ] {
            if !is_catalog_id(id) {
                let code = if id.len() > 64 {
                    field_code::TOO_LONG
                } else {
                    field_code::BAD_FORMAT
                };
                error = error.field(pointer, code, &[]);
            }
        }
        // Licence and annex: more than two cannot all differ, and the length is checked
        // first so that a huge list costs no quadratic search.
        let targets = &request.targets;
        if targets.len() > MAX_TARGETS {
            let max = [("max", MAX_TARGETS.to_string())];
            error = error.field("/targets", field_code::TOO_MANY_ITEMS, &max);
        } else if targets
            .iter()
            .enumerate()
            .any(|(i, t)| targets[..i].contains(t))
        {
            error = error.field("/targets", field_code::BAD_FORMAT, &[]);
        }
        if error.0.errors.is_empty() {
            Ok(())
        } else {
            Err(error)
        }
    }

    /// The rules of the catalog (422): the service and provider exist, the provider renders
    /// the service, which has the sub-case and the targets asked for, for this applicant.
    pub fn check(request: &CreateApplicationRequest, applicant: ApplicantType) -> ApiResult<()> {
        let catalog = catalog();
        let service = catalog.service(&request.service);
        let provider_known = catalog.provider(&request.provider).is_some();
        let mut error = ApiError::validation_failed();
        if service.is_none() {
            error = error.field("/service", field_code::UNKNOWN_SERVICE, &[]);
        }
        if !provider_known {
            error = error.field("/provider", field_code::UNKNOWN_PROVIDER, &[]);
        }
        let (Some(service), true) = (service, provider_known) else {
            return Err(error);
        };
        let Some(provision) = service.provision(&request.provider) else {
            return Err(error.field("/provider", field_code::NOT_OFFERED_BY_PROVIDER, &[]));
        };
        if !service.sub_cases.contains(&request.sub_case) {
            error = error.field("/sub_case", field_code::SUB_CASE_NOT_OFFERED, &[]);
        }
        if !service.targets.is_empty() && request.targets.is_empty() {
            error = error.field("/targets", field_code::TARGETS_REQUIRED, &[]);
        }
        for (index, target) in request.targets.iter().enumerate() {
            if !service.targets.contains(target) {
                let pointer = format!("/targets/{index}");
                error = error.field(&pointer, field_code::TARGET_NOT_OFFERED, &[]);
            }
        }
        if !service.applicants_at(provision).contains(&applicant) {
            // The service itself, or only this provider's regulation, leaves them out.
            let pointer = if service.applicants.contains(&applicant) {
                "/provider"
            } else {
                "/service"
            };
            let kind = [("applicant", super::kebab(&applicant))];
            error = error.field(pointer, field_code::APPLICANT_NOT_ELIGIBLE, &kind);
        }
        if error.0.errors.is_empty() {
            Ok(())
        } else {
            Err(error)
        }
    }
}

// ── Saving answers: the contract's shape ─────────────────────────────────────────────

mod answers_shape {
    use super::{field_error, is_catalog_id, params, pointer_step, with_errors};
    use crate::problem::{ApiError, ApiResult};
    use otinish_core::api::{
        AnswerValue, FieldAnswers, FieldError, PageAnswers, SaveAnswersRequest, field_code,
    };

    const MAX_PAGES: usize = 100;
    const MAX_FIELDS: usize = 100;
    const MAX_ITEMS: usize = 100;
    const MAX_TEXT_CHARS: usize = 10_000;
    /// Enough for the app to show every fault of a reasonable body, well under the
    /// contract's 500.
    const MAX_ERRORS: usize = 100;

    /// The limits of `SaveAnswersRequest` that serde does not see (400): the version is at
    /// least 1, ids are catalog ids, lists and texts keep their sizes, choices are unique.
    pub fn check(request: &SaveAnswersRequest) -> ApiResult<()> {
        let mut errors = Vec::new();
        if request.version == 0 {
            let min = params([("min", 1.into())]);
            errors.push(field_error(
                "/version".into(),
                field_code::OUT_OF_RANGE,
                min,
            ));
        }
        if request.answers.len() > MAX_PAGES {
            errors.push(too_many("/answers".into(), MAX_PAGES));
        }
        for (page, answers) in &request.answers {
            let base = format!("/answers/{}", pointer_step(page));
            if !is_catalog_id(page) {
                errors.push(field_error(
                    base.clone(),
                    field_code::BAD_FORMAT,
                    Default::default(),
                ));
            }
            match answers {
                PageAnswers::Once(fields) => check_fields(fields, &base, &mut errors),
                PageAnswers::Repeated(items) => {
                    if items.len() > MAX_ITEMS {
                        errors.push(too_many(base.clone(), MAX_ITEMS));
                    }
                    for (index, fields) in items.iter().enumerate() {
                        check_fields(fields, &format!("{base}/{index}"), &mut errors);
                    }
                }
            }
        }
        if errors.is_empty() {
            return Ok(());
        }
        errors.truncate(MAX_ERRORS);
        Err(with_errors(ApiError::malformed(), errors))
    }

    fn check_fields(fields: &FieldAnswers, base: &str, errors: &mut Vec<FieldError>) {
        if fields.len() > MAX_FIELDS {
            errors.push(too_many(base.to_string(), MAX_FIELDS));
        }
        for (field, value) in fields {
            let pointer = format!("{base}/{}", pointer_step(field));
            if !is_catalog_id(field) {
                errors.push(field_error(
                    pointer.clone(),
                    field_code::BAD_FORMAT,
                    Default::default(),
                ));
            }
            match value {
                AnswerValue::Text(text) if text.chars().count() > MAX_TEXT_CHARS => {
                    let max = params([("max", MAX_TEXT_CHARS.into())]);
                    errors.push(field_error(pointer, field_code::TOO_LONG, max));
                }
                AnswerValue::Text(_) => {}
                // The length first, so that a huge list costs no quadratic search.
                AnswerValue::Choices(ids) if ids.len() > MAX_ITEMS => {
                    errors.push(too_many(pointer, MAX_ITEMS));
                }
                AnswerValue::Choices(ids) => {
                    for (index, id) in ids.iter().enumerate() {
                        if !is_catalog_id(id) || ids[..index].contains(id) {
                            let item = format!("{pointer}/{index}");
                            errors.push(field_error(
                                item,
                                field_code::BAD_FORMAT,
                                Default::default(),
                            ));
                        }
                    }
                }
            }
        }
    }

    fn too_many(pointer: String, max: usize) -> FieldError {
        field_error(
            pointer,
            field_code::TOO_MANY_ITEMS,
            params([("max", max.into())]),
        )
    }
}

// ── The list's query: status filter, page size and cursor ────────────────────────────

mod list_params {
    use super::{params, with_errors};
    use crate::db::ListPosition;
    use crate::problem::{ApiError, ApiResult};
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use otinish_core::api::{ApplicationStatus, FieldError, Params, field_code};

    const DEFAULT_LIMIT: u32 = 20;
    const MAX_LIMIT: u32 = 100;
    const MAX_CURSOR_CHARS: usize = 200;

    pub struct ListParams {
        pub status: Option<ApplicationStatus>,
        pub limit: u32,
        pub after: Option<ListPosition>,
    }

    /// The first value of each parameter; others are ignored, as query parameters may be.
    pub fn parse(pairs: &[(String, String)]) -> ApiResult<ListParams> {
        let value = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
        };
        let mut faults = Vec::new();
        let status = value("status").and_then(|text| {
            // `Unknown` reads a later backend's states; a filter must name one of ours.
            let parsed = serde_json::from_value::<ApplicationStatus>(serde_json::Value::String(
                text.to_string(),
            ))
            .ok()
            .filter(|status| status.is_known());
            if parsed.is_none() {
                faults.push(fault("status", field_code::NOT_AN_OPTION, Params::new()));
            }
            parsed
        });
        let limit = match value("limit").map(str::parse::<i64>) {
            None => DEFAULT_LIMIT,
            Some(Ok(limit)) if (1..=i64::from(MAX_LIMIT)).contains(&limit) => limit as u32,
            Some(Ok(_)) => {
                let range = params([("min", 1.into()), ("max", MAX_LIMIT.into())]);
                faults.push(fault("limit", field_code::OUT_OF_RANGE, range));
                DEFAULT_LIMIT
            }
            Some(Err(_)) => {
                faults.push(fault("limit", field_code::WRONG_TYPE, Params::new()));
                DEFAULT_LIMIT
            }
        };
        let after = value("cursor").and_then(|text| {
            let position = position(text);
            if position.is_none() {
                faults.push(fault("cursor", field_code::BAD_FORMAT, Params::new()));
            }
            position
        });
        if !faults.is_empty() {
            return Err(with_errors(ApiError::malformed(), faults));
        }
        Ok(ListParams {
            status,
            limit,
            after,
        })
    }

    /// A fault of a query parameter, named without a slash as the contract says.
    fn fault(name: &str, code: &str, params: Params) -> FieldError {
        super::field_error(name.to_string(), code, params)
    }

    /// The `next_cursor` that starts the page after `position`: opaque to clients, and in
    /// the contract's alphabet.
    pub fn cursor(position: &ListPosition) -> String {
        URL_SAFE_NO_PAD.encode(format!("{} {}", position.updated_at, position.id))
    }

    /// A cursor this backend gave out; anything else is `None` (400).
    fn position(cursor: &str) -> Option<ListPosition> {
        if cursor.is_empty() || cursor.len() > MAX_CURSOR_CHARS {
            return None;
        }
        let text = String::from_utf8(URL_SAFE_NO_PAD.decode(cursor).ok()?).ok()?;
        let (updated_at, id) = text.split_once(' ')?;
        chrono::DateTime::parse_from_rfc3339(updated_at).ok()?;
        let canonical = uuid::Uuid::parse_str(id).ok()?.to_string() == id;
        canonical.then(|| ListPosition {
            updated_at: updated_at.to_string(),
            id: id.to_string(),
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
            list.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        }

        #[test]
        fn cursors_round_trip_and_strangers_are_refused() {
            let position = ListPosition {
                updated_at: "2026-11-23T04:40:00.123Z".into(),
                id: "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30".into(),
            };
            let cursor = cursor(&position);
            assert!(
                cursor
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            );
            let parsed = parse(&pairs(&[("cursor", &cursor)])).ok().unwrap();
            assert_eq!(parsed.after, Some(position));
            for stranger in ["", "abc", "!!!!", &URL_SAFE_NO_PAD.encode("yesterday 42")] {
                let error = parse(&pairs(&[("cursor", stranger)])).err().unwrap();
                assert_eq!(error.0.errors[0].field, "cursor", "{stranger:?}");
            }
        }

        #[test]
        fn limit_and_status_follow_the_contract() {
            let defaults = parse(&[]).ok().unwrap();
            assert_eq!((defaults.limit, defaults.status), (20, None));
            let chosen = parse(&pairs(&[("limit", "100"), ("status", "awaiting-payment")]))
                .ok()
                .unwrap();
            assert_eq!(
                (chosen.limit, chosen.status),
                (100, Some(ApplicationStatus::AwaitingPayment))
            );
            for (name, value, code) in [
                ("limit", "0", "out-of-range"),
                ("limit", "101", "out-of-range"),
                ("limit", "ten", "wrong-type"),
                ("status", "lost", "not-an-option"),
            ] {
                let error = parse(&pairs(&[(name, value)])).err().unwrap();
                assert_eq!(
                    (
                        error.0.errors[0].field.as_str(),
                        error.0.errors[0].code.as_str()
                    ),
                    (name, code)
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_ids_follow_the_contracts_pattern() {
        for good in ["a", "medical-licence", "0", "vko-health", &"x".repeat(64)] {
            assert!(is_catalog_id(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "Medical",
            "a b",
            "a_b",
            "ә",
            &"x".repeat(65),
        ] {
            assert!(!is_catalog_id(bad), "{bad}");
        }
        assert_eq!(pointer_step("a/b~c"), "a~1b~0c");
    }
}
