//! The payment receipt of the licence fee, as the e-government gateway issued it.

use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use otinish_core::api::{Payment, PaymentStatus};
use otinish_core::fees::format_tenge;

/// The receipt of the paid payment, if the application has one.
#[component]
pub fn Receipt(payments: Vec<Payment>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(receipt) = payments
        .into_iter()
        .filter(|payment| payment.status == PaymentStatus::Paid)
        .find_map(|payment| payment.receipt)
    else {
        return ().into_any();
    };
    let paid_at = receipt.paid_at;
    let mut rows: Vec<(&'static str, Signal<String>)> = vec![
        ("cabinet-receipt-number", Signal::stored(receipt.number)),
        (
            "cabinet-receipt-paid-at",
            Signal::derive(move || format::date_time(i18n, &paid_at)),
        ),
        (
            "cabinet-receipt-amount",
            Signal::stored(format_tenge(receipt.tenge)),
        ),
        (
            "cabinet-receipt-payer",
            Signal::stored(receipt.payer_iin_bin),
        ),
    ];
    for (label, value) in [
        ("cabinet-receipt-budget-code", receipt.budget_code),
        ("cabinet-receipt-purpose-code", receipt.payment_purpose_code),
        (
            "cabinet-receipt-gateway-reference",
            receipt.gateway_reference,
        ),
    ] {
        if let Some(value) = value {
            rows.push((label, Signal::stored(value)));
        }
    }
    let rows = rows
        .into_iter()
        .map(|(label, value)| view! { <div><dt>{i18n.text(label)}</dt><dd>{value}</dd></div> })
        .collect_view();
    view! {
        <h2>{i18n.text("cabinet-receipt-heading")}</h2>
        <dl class="summary-list">{rows}</dl>
    }
    .into_any()
}
