//! Moving a submitted application through the provider's steps. The officer API, the
//! officer CLI and the demo clock all move applications through here, so that every move
//! follows `otinish_core::status` and leaves the same trace: a `status_events` row with its
//! time and the regulation's due date, and the result document where the move needs one.
//!
//! Allowed: the next state on the provider's processing path for the sub-case, or `refused`
//! from any state that `Status::can_be_refused`. Issuing needs the result document: an
//! officer uploads it, or, in test mode, the backend makes one (`result_document`). A
//! refusal without an uploaded letter gets the backend's reasoned refusal, which only
//! restates the reason the officer recorded.

use crate::clock;
use crate::db::{Db, RegistryRecord, ResultChange, SubmittedApplication, Transition};
use crate::names::Named;
use crate::problem::{ApiError, ApiResult};
use crate::result_document::{self, Holder, Outcome, ResultDocument};
use crate::result_store;
use crate::state::Settings;
use axum::http::StatusCode;
use chrono::{NaiveDate, SubsecRound};
use otinish_core::api::{
    self, ApplicationStatus as Status, Reason, ResultInfo, StatusEntry, Time, TransitionRequest,
    code, field_code,
};
use otinish_core::catalog::{FileType, Provision, ServiceKind, catalog};
use otinish_core::status;

/// The longest reason comment and the most parameters the contract allows.
const MAX_COMMENT_CHARS: usize = 2000;
const MAX_PARAMS: usize = 20;
const MAX_PARAM_CHARS: usize = 2000;
const MAX_PARAM_ITEMS: usize = 50;
const MAX_PARAM_ITEM_CHARS: usize = 200;
const MAX_CODE_CHARS: usize = 64;

/// An officer's move, as the API asks for it.
pub async fn transition(
    db: &Db,
    settings: &Settings,
    application_id: &str,
    request: &TransitionRequest,
) -> ApiResult<StatusEntry> {
    if !api::set_by_officer(request.to) {
        return Err(ApiError::malformed().field("/to", field_code::NOT_AN_OPTION, &[]));
    }
    if let Some(reason) = &request.reason {
        check_reason(reason, "/reason")?;
    }
    let application = db
        .submitted_application(application_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    move_to(
        db,
        settings,
        &application,
        request.to,
        request.at,
        request.reason.as_ref(),
    )
    .await
}

/// The next step on the application's path, now.
pub async fn advance(
    db: &Db,
    settings: &Settings,
    application: &SubmittedApplication,
) -> ApiResult<StatusEntry> {
    let next = provision_of(application).and_then(|provision| {
        status::next_on(
            &status::processing_path(provision, application.sub_case),
            application.status,
        )
    });
    let Some(next) = next else {
        return Err(ApiError::conflict(code::TRANSITION_NOT_ALLOWED)
            .param("from", application.status.name()));
    };
    move_to(db, settings, application, next, None, None).await
}

/// Every remaining step up to `issued`, now.
pub async fn issue(
    db: &Db,
    settings: &Settings,
    application_id: &str,
) -> ApiResult<Vec<StatusEntry>> {
    let mut entries = Vec::new();
    // A path has fewer steps than states; the bound only guards against a loop.
    for _ in 0..16 {
        let application = db
            .submitted_application(application_id)
            .await?
            .ok_or_else(ApiError::not_found)?;
        let entry = advance(db, settings, &application).await?;
        let issued = entry.status == Status::Issued;
        entries.push(entry);
        if issued {
            break;
        }
    }
    Ok(entries)
}

/// Refuses, now.
pub async fn refuse(
    db: &Db,
    settings: &Settings,
    application: &SubmittedApplication,
    reason: &Reason,
) -> ApiResult<StatusEntry> {
    check_reason(reason, "/reason")?;
    move_to(
        db,
        settings,
        application,
        Status::Refused,
        None,
        Some(reason),
    )
    .await
}

async fn move_to(
    db: &Db,
    settings: &Settings,
    application: &SubmittedApplication,
    to: Status,
    at: Option<Time>,
    reason: Option<&Reason>,
) -> ApiResult<StatusEntry> {
    let from = application.status;
    let provision = provision_of(application);
    let allowed = if to == Status::Refused {
        from.can_be_refused()
    } else {
        provision.is_some_and(|provision| {
            status::next_on(
                &status::processing_path(provision, application.sub_case),
                from,
            ) == Some(to)
        })
    };
    if !allowed {
        return Err(not_allowed(from, to));
    }
    let reason = match to {
        Status::Refused => Some(reason.ok_or_else(|| {
            ApiError::validation_failed().field("/reason", field_code::REASON_REQUIRED, &[])
        })?),
        _ => None,
    };
    let at = checked_time(db, &application.id, at).await?;
    let result = match to {
        Status::Issued => result_on_issue(db, settings, application, at).await?,
        Status::Refused => {
            let reason = reason.ok_or_else(ApiError::validation_failed)?;
            result_on_refusal(db, settings, application, at, reason).await?
        }
        _ => ResultChange::None,
    };
    let due = due_date(provision, application, to);
    let recorded = db
        .record_transition(&Transition {
            application_id: &application.id,
            from,
            to,
            at,
            due,
            reason,
            result,
        })
        .await?;
    if !recorded {
        // Someone else moved it first.
        return Err(not_allowed(from, to));
    }
    Ok(StatusEntry {
        status: to,
        at,
        due,
        reason: reason.cloned(),
    })
}

/// The move's time: as given, if it is neither before the last move nor in the future;
/// otherwise now. Kept to the millisecond, as stored.
async fn checked_time(db: &Db, application_id: &str, at: Option<Time>) -> ApiResult<Time> {
    let now = clock::now().trunc_subsecs(3);
    let last = db.last_transition_at(application_id).await?;
    match at {
        Some(at) => {
            let at = at.with_timezone(&clock::offset()).trunc_subsecs(3);
            if at > now || last.is_some_and(|last| at < last) {
                return Err(ApiError::validation_failed().field(
                    "/at",
                    field_code::TIME_OUT_OF_ORDER,
                    &[],
                ));
            }
            Ok(at)
        }
        None => Ok(last.map_or(now, |last| last.max(now))),
    }
}

async fn result_on_issue(
    db: &Db,
    settings: &Settings,
    application: &SubmittedApplication,
    at: Time,
) -> ApiResult<ResultChange> {
    if db.stored_result(&application.id).await?.is_some() {
        return Ok(ResultChange::Stamp);
    }
    if !settings.test_mode {
        // Outside test mode a licence is the provider's own document, never one we make up.
        return Err(ApiError::validation_failed().field("/to", field_code::RESULT_MISSING, &[]));
    }
    let number = result_document::test_document_number(reference_of(application));
    let outcome = Outcome::Issued { number: &number };
    let info = generate(db, settings, application, at, outcome).await?;
    Ok(ResultChange::Generated(ResultInfo {
        document_number: Some(number),
        ..info
    }))
}

async fn result_on_refusal(
    db: &Db,
    settings: &Settings,
    application: &SubmittedApplication,
    at: Time,
    reason: &Reason,
) -> ApiResult<ResultChange> {
    if db.stored_result(&application.id).await?.is_some() {
        return Ok(ResultChange::Stamp);
    }
    let info = generate(db, settings, application, at, Outcome::Refused { reason }).await?;
    Ok(ResultChange::Generated(info))
}

async fn generate(
    db: &Db,
    settings: &Settings,
    application: &SubmittedApplication,
    at: Time,
    outcome: Outcome<'_>,
) -> ApiResult<ResultInfo> {
    let holder = holder_of(db, &application.iin_bin).await?;
    let kind = catalog()
        .service(&application.service)
        .map_or(ServiceKind::Licence, |service| service.kind);
    let document = ResultDocument {
        outcome,
        kind,
        service: &application.service,
        provider: &application.provider,
        reference: reference_of(application),
        holder: &holder,
        at,
        test_mode: settings.test_mode,
    };
    let bytes = result_document::render(&document).ok_or_else(|| {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "result-unavailable")
            .detail("the built-in font could not be read")
    })?;
    let (size, sha256) = result_store::save(settings, &application.id, &bytes)
        .await
        .map_err(result_store::unavailable)?;
    Ok(ResultInfo {
        file_type: FileType::Pdf,
        size,
        sha256,
        issued_at: at,
        document_number: None,
    })
}

/// The holder as the registry names them; the ИИН/БИН alone if the registry has no record.
async fn holder_of(db: &Db, iin_bin: &str) -> ApiResult<Holder> {
    let name = match db.registry_record(iin_bin).await? {
        Some(RegistryRecord::Person {
            surname,
            given_name,
            patronymic,
            ..
        }) => [Some(surname), Some(given_name), patronymic]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
        Some(RegistryRecord::Company { name, .. }) => name,
        None => iin_bin.to_string(),
    };
    Ok(Holder {
        name,
        iin_bin: iin_bin.to_string(),
    })
}

fn reference_of(application: &SubmittedApplication) -> &str {
    application
        .reference
        .as_ref()
        .map_or(application.id.as_str(), |reference| reference.as_str())
}

pub fn provision_of(application: &SubmittedApplication) -> Option<&'static Provision> {
    catalog()
        .service(&application.service)?
        .provision(&application.provider)
}

/// When the state should end by the regulation: the due date of its first step
/// (`status::milestones`), and for the result, the legal deadline where no step gives one.
fn due_date(
    provision: Option<&Provision>,
    application: &SubmittedApplication,
    to: Status,
) -> Option<NaiveDate> {
    if to == Status::Refused {
        return application.expected_result;
    }
    let milestone = provision.and_then(|provision| {
        status::milestones(
            provision,
            application.sub_case,
            application.received.naive_local(),
        )
        .into_iter()
        .find(|(status, _)| *status == to)
        .and_then(|(_, due)| due)
        .map(|due| due.date())
    });
    milestone.or(if to == Status::Issued {
        application.expected_result
    } else {
        None
    })
}

fn not_allowed(from: Status, to: Status) -> ApiError {
    ApiError::conflict(code::TRANSITION_NOT_ALLOWED)
        .param("from", from.name())
        .param("to", to.name())
}

/// The contract's shape of a `Reason` (400 otherwise): a kebab-case code, a comment of
/// 1–2000 characters, and at most 20 parameters of the kinds Fluent takes.
pub fn check_reason(reason: &Reason, pointer: &str) -> ApiResult<()> {
    let code = &reason.code;
    let kebab = !code.is_empty()
        && code.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if code.chars().count() > MAX_CODE_CHARS {
        return Err(shape(&format!("{pointer}/code"), field_code::TOO_LONG));
    }
    if !kebab {
        return Err(shape(&format!("{pointer}/code"), field_code::BAD_FORMAT));
    }
    if let Some(comment) = &reason.comment {
        let chars = comment.chars().count();
        if chars == 0 {
            return Err(shape(&format!("{pointer}/comment"), field_code::TOO_SHORT));
        }
        if chars > MAX_COMMENT_CHARS {
            return Err(shape(&format!("{pointer}/comment"), field_code::TOO_LONG));
        }
    }
    if reason.params.len() > MAX_PARAMS {
        return Err(shape(
            &format!("{pointer}/params"),
            field_code::TOO_MANY_ITEMS,
        ));
    }
    for (name, value) in &reason.params {
        let well_named = name.len() <= MAX_CODE_CHARS
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !well_named {
            return Err(shape(&format!("{pointer}/params"), field_code::BAD_FORMAT));
        }
        let at = format!("{pointer}/params/{name}");
        match value {
            serde_json::Value::String(text) if text.chars().count() > MAX_PARAM_CHARS => {
                return Err(shape(&at, field_code::TOO_LONG));
            }
            serde_json::Value::Array(items) if items.len() > MAX_PARAM_ITEMS => {
                return Err(shape(&at, field_code::TOO_MANY_ITEMS));
            }
            serde_json::Value::Array(items) => {
                let fits = |item: &serde_json::Value| {
                    item.as_str()
                        .is_some_and(|text| text.chars().count() <= MAX_PARAM_ITEM_CHARS)
                };
                if !items.iter().all(fits) {
                    return Err(shape(&at, field_code::WRONG_TYPE));
                }
            }
            serde_json::Value::String(_)
            | serde_json::Value::Number(_)
            | serde_json::Value::Bool(_) => {}
            serde_json::Value::Null | serde_json::Value::Object(_) => {
                return Err(shape(&at, field_code::WRONG_TYPE));
            }
        }
    }
    Ok(())
}

fn shape(pointer: &str, field_code: &str) -> ApiError {
    ApiError::malformed().field(pointer, field_code, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reason(value: serde_json::Value) -> Reason {
        serde_json::from_value(value).unwrap()
    }

    fn fault(value: serde_json::Value) -> Option<(String, String)> {
        check_reason(&reason(value), "/reason").err().map(|error| {
            assert_eq!(error.0.code, code::MALFORMED_REQUEST);
            (
                error.0.errors[0].field.clone(),
                error.0.errors[0].code.clone(),
            )
        })
    }

    #[test]
    fn a_reason_has_the_contracts_shape() {
        assert_eq!(fault(json!({ "code": "incomplete-package" })), None);
        assert_eq!(
            fault(
                json!({ "code": "missing-document", "params": { "document": "licence-copy", "count": 2, "ids": ["a", "b"] }, "comment": "Ә" })
            ),
            None
        );
        let bad = |field: &str, code: &str| Some((field.to_string(), code.to_string()));
        assert_eq!(
            fault(json!({ "code": "" })),
            bad("/reason/code", "bad-format")
        );
        assert_eq!(
            fault(json!({ "code": "Not-Kebab" })),
            bad("/reason/code", "bad-format")
        );
        assert_eq!(
            fault(json!({ "code": "a--b" })),
            bad("/reason/code", "bad-format")
        );
        assert_eq!(
            fault(json!({ "code": "a".repeat(65) })),
            bad("/reason/code", "too-long")
        );
        assert_eq!(
            fault(json!({ "code": "x", "comment": "" })),
            bad("/reason/comment", "too-short")
        );
        assert_eq!(
            fault(json!({ "code": "x", "comment": "ә".repeat(2001) })),
            bad("/reason/comment", "too-long")
        );
        assert_eq!(
            fault(json!({ "code": "x", "params": { "Bad": 1 } })),
            bad("/reason/params", "bad-format")
        );
        assert_eq!(
            fault(json!({ "code": "x", "params": { "n": null } })),
            bad("/reason/params/n", "wrong-type")
        );
        assert_eq!(
            fault(json!({ "code": "x", "params": { "n": [1] } })),
            bad("/reason/params/n", "wrong-type")
        );
        let many: serde_json::Map<String, serde_json::Value> =
            (0..21).map(|i| (format!("p{i}"), json!(i))).collect();
        assert_eq!(
            fault(json!({ "code": "x", "params": many })),
            bad("/reason/params", "too-many-items")
        );
    }
}
