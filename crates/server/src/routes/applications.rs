//! `/applications`: start a draft, list mine, read one, save its answers, discard it.
//!
//! What a service offers, who may apply and what the fee is come from the catalog of
//! `otinish-core`, the same data the app shows. Answers are stored as typed, unfinished ones
//! too: the contract keeps everything the applicant typed, and judges it against the form
//! when the application is paid for or signed (`submission::package`), not on each save.

use crate::auth::CurrentAccount;
use crate::db::{ListQuery, NewApplication};
use crate::extract::ApiJson;
use crate::names::Named;
use crate::problem::{ApiError, ApiResult};
use crate::services::access::{self, OwnedApplication, WRITE_ATTEMPTS, not_editable};
use crate::services::applications::application_body;
use crate::services::file_store;
use crate::services::limits::MAX_ANSWERS_BYTES;
use crate::services::package::applicant_kind;
use crate::services::pagination::{self, PageQuery};
use crate::state::AppState;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use otinish_core::api::{
    AnswersSaved, Application, ApplicationList, ApplicationStatus, CreateApplicationRequest,
    FieldError, Params, SaveAnswersRequest, accepts_changes, code,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/applications", get(list).post(create))
        .route("/applications/{application_id}", get(read).delete(discard))
        .route(
            "/applications/{application_id}/answers",
            put(save_answers).layer(DefaultBodyLimit::max(MAX_ANSWERS_BYTES as usize)),
        )
}

/// `GET /applications`: mine, most recently changed first, a page at a time.
async fn list(
    State(state): State<AppState>,
    account: CurrentAccount,
    params: PageQuery,
) -> ApiResult<Json<ApplicationList>> {
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
        next_cursor: page.next.as_ref().map(pagination::cursor),
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
    let applicant = applicant_kind(&account.iin_bin)?;
    offer::check(&request, applicant)?;
    let id = state
        .db
        .create_application(NewApplication {
            account_id: account.id,
            service: &request.service,
            provider: &request.provider,
            sub_case: request.sub_case,
            targets: &request.targets,
            answers: &Default::default(),
            at: crate::clock::now(),
        })
        .await?;
    let record = access::owned(&state, &account, &id).await?;
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
    OwnedApplication { record, .. }: OwnedApplication,
) -> ApiResult<Json<Application>> {
    Ok(Json(application_body(&state, record).await?))
}

/// `DELETE /applications/{id}`: while it is a draft, or awaits a payment that is not under
/// way; its documents go with it.
async fn discard(
    State(state): State<AppState>,
    OwnedApplication {
        account,
        mut record,
    }: OwnedApplication,
) -> ApiResult<StatusCode> {
    let id = record.id.clone();
    let mut status = ApplicationStatus::Draft;
    for attempt in 0..WRITE_ATTEMPTS {
        if attempt > 0 {
            record = access::owned(&state, &account, &id).await?;
        }
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
            file_store::remove(&state.settings, storage_keys).await;
            return Ok(StatusCode::NO_CONTENT);
        }
    }
    Err(ApiError::conflict(code::NOT_DISCARDABLE).param("status", status.name()))
}

/// `PUT /applications/{id}/answers`: replaces the answers, if `version` is still the
/// current one and the application still takes changes.
async fn save_answers(
    State(state): State<AppState>,
    OwnedApplication {
        account,
        mut record,
    }: OwnedApplication,
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
    let id = record.id.clone();
    let mut current_version = request.version;
    for attempt in 0..WRITE_ATTEMPTS {
        if attempt > 0 {
            record = access::owned(&state, &account, &id).await?;
        }
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
    use crate::names::Named;
    use crate::problem::{ApiError, ApiResult};
    use crate::services::shape::is_catalog_id;
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
            let kind = [("applicant", applicant.name().to_string())];
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
    use super::{field_error, params, with_errors};
    use crate::problem::{ApiError, ApiResult};
    use crate::services::shape::{is_catalog_id, pointer_step};
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
