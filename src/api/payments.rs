//! Paying the fee through the gateway.

use super::{Request, Result, builder, send, with_body};
use otinish_core::api::{CreatePaymentRequest, Payment, PaymentList};

/// Starts paying, or answers the payment already under way (so a second click never pays
/// twice). `return_url` is where the gateway sends the applicant back.
/// `tenge` only for a fee whose rate no source gives: the amount the applicant entered.
pub async fn create_payment(
    application: &str,
    return_url: &str,
    tenge: Option<u64>,
) -> Result<Payment> {
    send(with_body(
        builder(
            Request::post,
            &format!("/applications/{application}/payments"),
        )
        .await,
        &CreatePaymentRequest {
            return_url: return_url.to_string(),
            tenge,
        },
    ))
    .await
}

/// Every attempt, newest first.
pub async fn payments(application: &str) -> Result<PaymentList> {
    send(
        builder(
            Request::get,
            &format!("/applications/{application}/payments"),
        )
        .await
        .build(),
    )
    .await
}
