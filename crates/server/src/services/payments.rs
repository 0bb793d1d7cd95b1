//! What the payment gateway reports, recorded once whichever way it comes: the gateway's
//! callback (`routes::payments`) or the simulated gateway's page (`test_gateway`).

use crate::db::{GatewayReport, ReportRecorded};
use crate::names::Named;
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use otinish_core::api::{ApplicationStatus, GatewayCallback, Payment, code, field_code};
use otinish_core::status;

// КБК and КНП of the licence fee, sourced in core: every fee this backend takes is a
// licence fee.
use otinish_core::fees::{LICENCE_FEE_BUDGET_CODE, LICENCE_FEE_PAYMENT_PURPOSE_CODE};

/// Records what the gateway reported about a payment: once, and the same again changes
/// nothing. 404 for no such payment, 422 `amount-mismatch`, 409 `payment-final` when it
/// already ended the other way.
pub async fn record_report(
    state: &AppState,
    payment_id: &str,
    report: &GatewayCallback,
) -> ApiResult<Payment> {
    let known = state
        .db
        .gateway_payment(payment_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if report.tenge != known.payment.tenge {
        return Err(ApiError::validation_failed().field(
            "/tenge",
            field_code::AMOUNT_MISMATCH,
            &[("tenge", known.payment.tenge.to_string())],
        ));
    }
    let path = &status::before_submission(true);
    let paid_moves = (
        ApplicationStatus::AwaitingPayment,
        status::next_on(path, ApplicationStatus::AwaitingPayment)
            .unwrap_or(ApplicationStatus::Paid),
    );
    let recorded = state
        .db
        .record_gateway_report(
            payment_id,
            GatewayReport {
                outcome: report.outcome,
                at: report.at,
                gateway_reference: &report.gateway_reference,
                receipt_number: report.receipt_number.as_deref(),
                decline_code: report.decline_code.as_deref(),
                budget_code: LICENCE_FEE_BUDGET_CODE,
                payment_purpose_code: LICENCE_FEE_PAYMENT_PURPOSE_CODE,
                paid_moves,
            },
        )
        .await?
        .ok_or_else(ApiError::not_found)?;
    match recorded {
        ReportRecorded::Changed(payment) | ReportRecorded::Unchanged(payment) => Ok(payment),
        ReportRecorded::Final(payment) => {
            Err(ApiError::conflict(code::PAYMENT_FINAL).param("status", payment.status.name()))
        }
    }
}

/// Where the browser goes back to: the `return_url` with `payment=<id>` added to its query.
pub fn return_address(return_url: &str, payment_id: &str) -> String {
    let (address, fragment) = match return_url.split_once('#') {
        Some((address, fragment)) => (address, Some(fragment)),
        None => (return_url, None),
    };
    let separator = if address.contains('?') { '&' } else { '?' };
    let mut back = format!("{address}{separator}payment={payment_id}");
    if let Some(fragment) = fragment {
        back.push('#');
        back.push_str(fragment);
    }
    back
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payment_is_added_to_the_return_address_query() {
        let id = "c41d8e2f-5a6b-4c7d-9e0f-1a2b3c4d5e6f";
        assert_eq!(
            return_address("https://otinish.kz/applications/a/payment", id),
            format!("https://otinish.kz/applications/a/payment?payment={id}")
        );
        assert_eq!(
            return_address("https://otinish.kz/pay?lang=kk#top", id),
            format!("https://otinish.kz/pay?lang=kk&payment={id}#top")
        );
    }
}
