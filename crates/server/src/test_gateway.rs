//! The simulated e-government payment gateway, test mode only: a page with the amount and
//! two buttons, Pay and Decline. Each button records the outcome exactly as the gateway's
//! callback would (`services::payments::record_report`), then sends the browser back to the
//! payment's `return_url` with `payment=<id>`, as the real gateway does.
//!
//! It stands for an external system, so it is a plain server-rendered page; its text, in
//! Russian and Kazakh, is all in `test_gateway.html`.

use crate::clock;
use crate::extract::ApiPath;
use crate::problem::{ApiError, ApiResult};
use crate::services::payments::{record_report, return_address};
use crate::state::AppState;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use otinish_core::api::{GatewayCallback, GatewayOutcome, PaymentStatus, code};
use otinish_core::fees::format_tenge;
use uuid::Uuid;

const PAGE: &str = include_str!("test_gateway.html");
/// The gateway's reason when the payer gives up.
const CANCELLED_BY_PAYER: &str = "cancelled-by-payer";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/test-gateway/{payment_id}", get(page))
        .route("/test-gateway/{payment_id}/pay", post(pay))
        .route("/test-gateway/{payment_id}/decline", post(decline))
}

async fn page(
    State(state): State<AppState>,
    ApiPath(payment_id): ApiPath<Uuid>,
) -> ApiResult<Response> {
    let known = gateway_payment(&state, payment_id).await?;
    // Coming back to a decided payment changes nothing: straight back to the app.
    if known.payment.status != PaymentStatus::Pending {
        return Ok(
            Redirect::to(&return_address(&known.return_url, &known.payment.id)).into_response(),
        );
    }
    let base = format!("/test-gateway/{}", known.payment.id);
    let html = PAGE
        .replace("{{amount}}", &format_tenge(known.payment.tenge))
        .replace("{{payment_id}}", &known.payment.id)
        .replace("{{pay_action}}", &format!("{base}/pay"))
        .replace("{{decline_action}}", &format!("{base}/decline"));
    let policy = page_policy(&known.return_url);
    Ok((
        [
            (header::CACHE_CONTROL, "no-store".to_string()),
            (header::CONTENT_SECURITY_POLICY, policy),
        ],
        Html(html),
    )
        .into_response())
}

/// The page's own policy: nothing but its two forms, whose answers send the browser back to
/// the app, which may be on another origin than this backend (`--allowed-origin`); browsers
/// hold a form's redirects to `form-action` too.
fn page_policy(return_url: &str) -> String {
    let app = return_url
        .parse::<axum::http::Uri>()
        .ok()
        .and_then(|uri| Some(format!("{}://{}", uri.scheme_str()?, uri.authority()?)))
        .unwrap_or_default();
    format!("default-src 'none'; form-action 'self' {app}; frame-ancestors 'none'; base-uri 'none'")
}

async fn pay(state: State<AppState>, payment_id: ApiPath<Uuid>) -> ApiResult<Redirect> {
    decide(state, payment_id, GatewayOutcome::Paid).await
}

async fn decline(state: State<AppState>, payment_id: ApiPath<Uuid>) -> ApiResult<Redirect> {
    decide(state, payment_id, GatewayOutcome::Declined).await
}

async fn decide(
    State(state): State<AppState>,
    ApiPath(payment_id): ApiPath<Uuid>,
    outcome: GatewayOutcome,
) -> ApiResult<Redirect> {
    let known = gateway_payment(&state, payment_id).await?;
    let paid = outcome == GatewayOutcome::Paid;
    let report = GatewayCallback {
        outcome,
        tenge: known.payment.tenge,
        at: clock::now(),
        gateway_reference: format!("TEST-{:08X}", OsRng.next_u32()),
        receipt_number: paid.then(|| format!("{:010}", OsRng.next_u64() % 10_000_000_000)),
        decline_code: (!paid).then(|| CANCELLED_BY_PAYER.to_string()),
    };
    match record_report(&state, &known.payment.id, &report).await {
        // A second click after the payment ended: the app shows how it ended.
        Ok(_) => {}
        Err(error) if error.0.code == code::PAYMENT_FINAL => {}
        Err(error) => return Err(error),
    }
    // 303: the browser follows a POST's answer with a GET.
    Ok(Redirect::to(&return_address(
        &known.return_url,
        &known.payment.id,
    )))
}

async fn gateway_payment(
    state: &AppState,
    payment_id: Uuid,
) -> ApiResult<crate::db::GatewayPayment> {
    if !state.settings.test_mode {
        return Err(ApiError::not_found());
    }
    state
        .db
        .gateway_payment(&payment_id.to_string())
        .await?
        .ok_or_else(ApiError::not_found)
}
