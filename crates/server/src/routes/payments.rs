//! `…/payments` and the gateway's callback: paying the fee the backend computes.
//!
//! The fee is `otinish_core::fees::quote` of the service's fee rule, the sub-case and the
//! МРП of the day; the app sends an amount only for a licence fee whose rate no source gives
//! (`Quote::DueUnsourced`: due at a rate we could not source), checked by `fees::check_entered_tenge`
//! and refused for any other fee. A payment is created only for a complete
//! package (the regulations take payment after the form), and moves the application along
//! `otinish_core::status::before_submission`: `draft` → `awaiting-payment` on the first
//! attempt, → `paid` when the gateway reports it paid.
//!
//! The reference backend has no real gateway: in test mode the gateway is its own page
//! (`crate::test_gateway`), which records outcomes through [`record_report`](crate::services::payments::record_report) exactly as the
//! callback does. Outside test mode there is nowhere to send the applicant, so creating a
//! payment answers 503 `gateway-unavailable`; a real gateway's page would plug in at
//! [`gateway_page`].

use crate::auth::Gateway;
use crate::db::{NewPayment, PaymentCreated};
use crate::extract::{ApiJson, ApiPath};
use crate::origins::AppOrigins;
use crate::problem::{ApiError, ApiResult};
use crate::services::access::{self, EditableApplication, OwnedApplication, not_editable};
use crate::services::package;
use crate::services::payments::record_report;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use otinish_core::api::{
    ApplicationStatus, CreatePaymentRequest, GatewayCallback, GatewayOutcome, Payment, PaymentList,
    code, field_code,
};
use otinish_core::fees::{self, Quote};
use otinish_core::status;
use uuid::Uuid;

const MAX_RETURN_URL: usize = 2048;
const MAX_GATEWAY_REFERENCE: usize = 128;
const MAX_RECEIPT_NUMBER: usize = 64;
const MAX_CODE: usize = 64;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/applications/{application_id}/payments",
            get(list).post(create),
        )
        .route(
            "/applications/{application_id}/payments/{payment_id}",
            get(one),
        )
        .route("/payments/{payment_id}/callback", post(callback))
}

async fn list(
    State(state): State<AppState>,
    OwnedApplication { record, .. }: OwnedApplication,
) -> ApiResult<Json<PaymentList>> {
    let items = state.db.payments_of(&record.id).await?;
    Ok(Json(PaymentList { items }))
}

async fn one(
    State(state): State<AppState>,
    OwnedApplication { record, .. }: OwnedApplication,
    ApiPath((_, payment_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<Json<Payment>> {
    state
        .db
        .payment_of(&record.id, &payment_id.to_string())
        .await?
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

async fn create(
    State(state): State<AppState>,
    EditableApplication(OwnedApplication { account, record }): EditableApplication,
    ApiJson(request): ApiJson<CreatePaymentRequest>,
) -> ApiResult<Response> {
    let return_url = parsed_return_url(&request.return_url)?;
    let application_id = record.id.as_str();
    let entry = package::catalog_entry(&record.service, &record.provider)?;
    let service = entry.0;
    let today = crate::clock::now().date_naive();
    let (mrp_tenths, mrp, tenge) = amount(
        fees::quote(&service.fee, record.sub_case, today),
        request.tenge,
    )?;
    if state.db.paid_payment(application_id).await?.is_some() {
        return Err(ApiError::conflict(code::ALREADY_PAID));
    }
    // A double click or a second tab gets the attempt under way, never a second one.
    if let Some(pending) = state.db.pending_payment(application_id).await? {
        return Ok((StatusCode::OK, Json(pending)).into_response());
    }
    let applicant = package::applicant_kind(&account.iin_bin)?;
    package::check_attached(&state.db, &record, entry, applicant, today).await?;
    check_return_url_allowed(&return_url, &state.settings.origins)?;
    if !state.settings.test_mode {
        return Err(
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, code::GATEWAY_UNAVAILABLE)
                .detail("no payment gateway is configured outside test mode"),
        );
    }

    let payment_id = Uuid::new_v4().to_string();
    let path = &status::before_submission(true);
    let moves_to = (record.status == ApplicationStatus::Draft)
        .then(|| status::next_on(path, ApplicationStatus::Draft))
        .flatten()
        .map(|next| (ApplicationStatus::Draft, next));
    let created = state
        .db
        .create_payment(NewPayment {
            id: &payment_id,
            application_id,
            mrp_tenths,
            mrp,
            tenge,
            return_url: &request.return_url,
            redirect_url: &gateway_page(&state.settings.origins, &payment_id),
            moves_to,
        })
        .await?;
    Ok(match created {
        PaymentCreated::New(payment) => {
            let location = format!(
                "/api/v1/applications/{application_id}/payments/{}",
                payment.id
            );
            (
                StatusCode::CREATED,
                [(header::LOCATION, location)],
                Json(payment),
            )
                .into_response()
        }
        PaymentCreated::AlreadyPending(payment) => (StatusCode::OK, Json(payment)).into_response(),
        PaymentCreated::Gone => {
            // Discarded meanwhile: 404, as it is now; moved on: 409, as for any late change.
            let now = access::owned(&state, &account, application_id).await?;
            return Err(not_editable(now.status));
        }
    })
}

/// What the payment is for: the computed fee (a sent amount is refused), or the amount the
/// applicant entered for a licence fee whose rate no source gives (required, and bounded).
fn amount(quote: Quote, entered: Option<u64>) -> ApiResult<(Option<u32>, Option<u32>, u64)> {
    match (quote, entered) {
        (
            Quote::Due {
                mrp_tenths,
                mrp,
                tenge,
            },
            None,
        ) => Ok((Some(mrp_tenths), Some(mrp), tenge)),
        (Quote::Due { .. }, Some(_)) => {
            Err(ApiError::validation_failed().field("/tenge", field_code::AMOUNT_NOT_ACCEPTED, &[]))
        }
        (Quote::DueUnsourced, None) => {
            Err(ApiError::validation_failed().field("/tenge", field_code::REQUIRED, &[]))
        }
        (Quote::DueUnsourced, Some(tenge)) => match fees::check_entered_tenge(tenge) {
            Ok(()) => Ok((None, None, tenge)),
            Err(rule) => Err(ApiError::validation_failed().field(
                "/tenge",
                rule,
                &[
                    ("min", "1".to_string()),
                    ("max", fees::MAX_ENTERED_TENGE.to_string()),
                ],
            )),
        },
        (Quote::Free, _) => Err(ApiError::conflict(code::NO_FEE_DUE)),
        // Nobody knows whether a fee is due: the applicant settles it with the provider,
        // and the application is submitted without a payment here.
        (Quote::Unknown, _) => Err(ApiError::conflict(code::FEE_UNKNOWN)),
    }
}

async fn callback(
    State(state): State<AppState>,
    _gateway: Gateway,
    ApiPath(payment_id): ApiPath<Uuid>,
    ApiJson(report): ApiJson<GatewayCallback>,
) -> ApiResult<Json<Payment>> {
    check_callback_shape(&report)?;
    record_report(&state, &payment_id.to_string(), &report)
        .await
        .map(Json)
}

/// The gateway page to open. The test gateway is served by this backend, at its public URL
/// (never at an address taken from the request).
fn gateway_page(origins: &AppOrigins, payment_id: &str) -> String {
    format!("{}/test-gateway/{payment_id}", origins.public())
}

/// An absolute http(s) URL within the contract's length (400 otherwise).
fn parsed_return_url(raw: &str) -> ApiResult<Uri> {
    let field = |code: &str, params: &[(&str, String)]| {
        ApiError::malformed().field("/return_url", code, params)
    };
    if raw.len() > MAX_RETURN_URL {
        return Err(field(
            field_code::TOO_LONG,
            &[("max", MAX_RETURN_URL.to_string())],
        ));
    }
    let uri: Uri = raw
        .parse()
        .map_err(|_| field(field_code::BAD_FORMAT, &[]))?;
    let absolute_http = matches!(uri.scheme_str(), Some("http" | "https"))
        && uri
            .authority()
            .is_some_and(|authority| !authority.host().is_empty());
    if !absolute_http {
        return Err(field(field_code::BAD_FORMAT, &[]));
    }
    Ok(uri)
}

/// The gateway may only send the browser back to the app: any other address would make
/// the gateway page an open redirect. The app's origins are configured (`--public-url`,
/// `--allowed-origin`); the request's own `Host` is whatever its sender wrote.
fn check_return_url_allowed(return_url: &Uri, origins: &AppOrigins) -> ApiResult<()> {
    if origins.allows_url(return_url) {
        Ok(())
    } else {
        Err(ApiError::validation_failed().field(
            "/return_url",
            field_code::RETURN_URL_NOT_ALLOWED,
            &[],
        ))
    }
}

/// A member at fault, its field code and the code's parameters.
type ShapeFault = (&'static str, &'static str, Vec<(&'static str, String)>);

/// The schema's limits that serde does not check (400 `malformed-request`).
fn check_callback_shape(report: &GatewayCallback) -> ApiResult<()> {
    let mut faults: Vec<ShapeFault> = Vec::new();
    if report.tenge == 0 {
        faults.push((
            "/tenge",
            field_code::OUT_OF_RANGE,
            vec![("min", "1".to_string())],
        ));
    }
    for (field, value, max) in [
        (
            "/gateway_reference",
            Some(report.gateway_reference.as_str()),
            MAX_GATEWAY_REFERENCE,
        ),
        (
            "/receipt_number",
            report.receipt_number.as_deref(),
            MAX_RECEIPT_NUMBER,
        ),
    ] {
        match value {
            Some("") => faults.push((field, field_code::TOO_SHORT, vec![("min", "1".to_string())])),
            Some(text) if text.chars().count() > max => {
                faults.push((field, field_code::TOO_LONG, vec![("max", max.to_string())]));
            }
            _ => {}
        }
    }
    if report.outcome == GatewayOutcome::Paid && report.receipt_number.is_none() {
        faults.push(("/receipt_number", field_code::REQUIRED, Vec::new()));
    }
    if report
        .decline_code
        .as_deref()
        .is_some_and(|code| !is_code(code))
    {
        faults.push(("/decline_code", field_code::BAD_FORMAT, Vec::new()));
    }
    if faults.is_empty() {
        return Ok(());
    }
    Err(faults
        .into_iter()
        .fold(ApiError::malformed(), |error, (field, code, params)| {
            error.field(field, code, &params)
        }))
}

/// The contract's `Code`: kebab-case, 1 to 64 characters.
fn is_code(text: &str) -> bool {
    text.len() <= MAX_CODE
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_urls_must_be_absolute_http_addresses() {
        for good in [
            "https://otinish.kz/a",
            "http://127.0.0.1:8080/applications/x/payment?x=1",
        ] {
            assert!(parsed_return_url(good).is_ok(), "{good}");
        }
        for bad in [
            "/applications/x",
            "javascript:alert(1)",
            "ftp://otinish.kz/",
            "https://",
            "not a url",
        ] {
            let error = parsed_return_url(bad).unwrap_err();
            assert_eq!(error.0.code, code::MALFORMED_REQUEST, "{bad}");
        }
        let long = format!("https://otinish.kz/{}", "a".repeat(MAX_RETURN_URL));
        assert_eq!(
            parsed_return_url(&long).unwrap_err().0.errors[0].code,
            "too-long"
        );
    }

    #[test]
    fn only_the_apps_origins_are_return_addresses() {
        let origins =
            AppOrigins::new("https://otinish.kz", &["https://static.example".into()]).unwrap();
        let allowed =
            |url: &str| check_return_url_allowed(&parsed_return_url(url).unwrap(), &origins);
        assert!(allowed("https://otinish.kz/applications/x/payment").is_ok());
        assert!(allowed("https://OTINISH.kz/x").is_ok());
        assert!(allowed("https://static.example/applications/x/payment").is_ok());
        for other in [
            "https://evil.example/x",
            "https://otinish.kz@evil.example/x",
            "https://otinish.kz:8443/x",
            "http://otinish.kz/x",
        ] {
            let error = allowed(other).unwrap_err();
            assert_eq!(
                error.0.errors[0].code,
                field_code::RETURN_URL_NOT_ALLOWED,
                "{other}"
            );
        }
        assert_eq!(
            gateway_page(&origins, "p"),
            "https://otinish.kz/test-gateway/p"
        );
    }

    #[test]
    fn decline_codes_are_kebab_case() {
        assert!(is_code("card-declined") && is_code("e42"));
        assert!(!is_code("Card declined") && !is_code("a--b") && !is_code("") && !is_code("-a"));
    }
}
