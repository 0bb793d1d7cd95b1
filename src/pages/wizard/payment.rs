//! Paying the fee: today's amount, then the e-government payment gateway, and on return the
//! outcome (paid with its receipt, declined with a retry, or still pending). The backend
//! answers an unfinished payment again instead of making a new one, and a paid application
//! is never offered payment again, so Back after paying never pays twice.

use super::steps::Step;
use super::{Wizard, remote};
use crate::api::{self, Failure};
use crate::components::error_message;
use crate::draft::FeeWay;
use crate::format;
use crate::i18n::{I18n, use_i18n};
use crate::router::A;
use leptos::prelude::*;
use otinish_core::api::{Payment, PaymentStatus};
use otinish_core::fees;
use std::time::Duration;

/// What the page shows.
#[derive(Debug, Clone, PartialEq)]
enum View {
    /// Nothing paid yet: the fee and the button.
    Due,
    Pending(Payment),
    Declined(Payment),
    Paid(Payment),
    /// The package is not complete, or the backend failed; the message code.
    Failed(String),
}

/// How long a pending payment is asked after, doubling from 1 s.
const POLL_LIMIT: u32 = 6;

#[component]
pub fn PaymentStep(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    let returned = wizard.query.with_untracked(|q| q.payment.clone());

    // The payment as the backend has it, asked again on each `poll`.
    let poll = RwSignal::new(0u32);
    let loaded = LocalResource::new(move || {
        poll.track();
        load(wizard, returned.clone())
    });
    // A payment under way is asked after again in 1, 2, 4… s. The timer is an effect's, so it
    // ends with the page.
    Effect::new(move |_| {
        if matches!(loaded.get(), Some(View::Pending(_))) {
            let round = poll.get_untracked();
            if round < POLL_LIMIT {
                set_timeout(
                    move || {
                        poll.try_update(|n| *n += 1);
                    },
                    Duration::from_secs(1 << round),
                );
            }
        }
    });

    // The amount the applicant entered for a fee whose rate no source gives; else none.
    let entered = move || {
        wizard.draft.with_untracked(|d| match d.fee {
            Some(FeeWay::Gateway { tenge }) => Some(tenge),
            _ => None,
        })
    };
    // Paying: the backend copy saved, a payment created, the browser sent to the gateway. A
    // second press while one is on its way does nothing (`pending`).
    let paying = Action::new_local(move |_: &()| async move {
        let created = async {
            let remote = remote::ensure(wizard).await?;
            remote::push(wizard).await?;
            let back = format!(
                "{}{}",
                window().location().origin().unwrap_or_default(),
                Step::Payment.href(&wizard.service.id)
            );
            api::create_payment(&remote.id, &back, entered()).await
        }
        .await;
        match created {
            Ok(Payment {
                redirect_url: Some(url),
                ..
            }) => {
                let _ = window().location().assign(&url);
                Paying::Left
            }
            // Answered without a gateway page, or paid meanwhile: ask again.
            Ok(_) => Paying::Reload,
            Err(Failure::Problem(problem)) if problem.code == "already-paid" => Paying::Reload,
            Err(failure) => Paying::Failed(failure.code().to_string()),
        }
    });
    Effect::new(move |_| {
        if paying.value().with(|v| matches!(v, Some(Paying::Reload))) {
            poll.update(|n| *n += 1);
        }
    });
    let busy = paying.pending();
    let pay = move |_| {
        if !busy.get_untracked() {
            paying.dispatch_local(());
        }
    };
    let step = StoredValue::new(step);
    let next = move |_| wizard.advance(&step.get_value());

    let quote = move || {
        wizard.draft.with(|d| {
            d.sub_case
                .map(|case| fees::quote(&wizard.service.fee, case, format::today()))
        })
    };
    let unsourced = move || quote() == Some(fees::Quote::DueUnsourced);
    let fee = move || {
        if unsourced() {
            entered().map(fees::format_tenge)
        } else {
            quote().map(|q| format::quote(i18n, &q))
        }
    };
    let budget = move || {
        [
            ("wizard-receipt-budget-code", fees::LICENCE_FEE_BUDGET_CODE),
            (
                "wizard-receipt-purpose-code",
                fees::LICENCE_FEE_PAYMENT_PURPOSE_CODE,
            ),
        ]
        .into_iter()
        .map(|(label, code)| view! { <div><dt>{i18n.text(label)}</dt><dd>{code}</dd></div> })
        .collect_view()
    };

    let show = move |view: View| {
        match view {
        View::Due => view! {
            <p>{move || if unsourced() { i18n.t("wizard-payment-intro-entered") } else { i18n.t("wizard-payment-intro") }}</p>
            <dl class="summary-list">
                <div>
                    <dt>{i18n.text("wizard-payment-amount")}</dt><dd>{fee}</dd>
                    <Show when=unsourced>
                        <dd class="summary-list__action">
                            <A href=Step::Fee.href(&wizard.service.id)>{i18n.text("wizard-change")}<span class="visually-hidden">" " {i18n.text("wizard-payment-amount")}</span></A>
                        </dd>
                    </Show>
                </div>
                {budget}
            </dl>
            <p class="secondary">{i18n.text("wizard-payment-gateway-note")}</p>
            <button type="button" class="button" on:click=pay disabled=move || busy.get()>
                {i18n.text("wizard-payment-pay")}
            </button>
        }
        .into_any(),
        View::Pending(payment) => view! {
            <div class="inset" role="status">
                <p>{i18n.text("wizard-payment-pending")}</p>
            </div>
            {payment.redirect_url.map(|url| view! {
                <p><a href=url class="button">{i18n.text("wizard-payment-back-to-gateway")}</a></p>
            })}
        }
        .into_any(),
        View::Declined(payment) => view! {
            <div class="error-summary" role="alert">
                <h2 class="error-summary__title">{i18n.text("wizard-payment-declined")}</h2>
                <p>{decline_text(i18n, payment.decline_code.as_deref())}</p>
            </div>
            <button type="button" class="button" on:click=pay disabled=move || busy.get()>
                {i18n.text("wizard-payment-retry")}
            </button>
        }
        .into_any(),
        View::Paid(payment) => view! {
            <div class="panel panel--success" role="status">
                <p class="panel__title">{i18n.text("wizard-payment-paid")}</p>
            </div>
            <Receipt payment/>
            <button type="button" class="button" on:click=next>{i18n.text("wizard-continue")}</button>
        }
        .into_any(),
        View::Failed(code) => view! {
            <div class="warning" role="alert"><p>{error_message(i18n, &code, &[])}</p></div>
            <p><A href=Step::Check.href(&wizard.service.id)>{i18n.text("wizard-payment-to-check")}</A></p>
        }
        .into_any(),
    }
    };

    view! {
        <Transition fallback=move || view! { <p role="status">{i18n.text("wizard-payment-checking")}</p> }>
            {move || {
                // A failed attempt to pay is shown until the next one; else the backend's state.
                let failed = paying.value().with(|v| match v {
                    Some(Paying::Failed(code)) => Some(code.clone()),
                    _ => None,
                });
                Suspend::new(async move {
                    let current = loaded.await;
                    show(failed.map_or(current, View::Failed))
                })
            }}
        </Transition>
    }
}

/// How an attempt to pay ended, for the page.
#[derive(Debug, Clone, PartialEq)]
enum Paying {
    /// The browser is on its way to the gateway.
    Left,
    /// The backend's state changed: ask it again.
    Reload,
    /// The message code of the failure.
    Failed(String),
}

/// The state of payment: the payment the gateway sent the applicant back with, or else the
/// newest attempt.
async fn load(wizard: Wizard, returned: Option<String>) -> View {
    let remote = match remote::ensure(wizard).await {
        Ok(remote) => remote,
        Err(failure) => return View::Failed(failure.code().to_string()),
    };
    let payments = match api::payments(&remote.id).await {
        Ok(list) => list.items,
        Err(failure) => return View::Failed(failure.code().to_string()),
    };
    // A paid attempt wins whatever the address says: never offer to pay twice.
    if let Some(paid) = payments.iter().find(|p| p.status == PaymentStatus::Paid) {
        return View::Paid(paid.clone());
    }
    let chosen = match returned {
        Some(id) => payments.into_iter().find(|p| p.id == id),
        None => payments.into_iter().next(),
    };
    chosen.map_or(View::Due, view_of)
}

fn view_of(payment: Payment) -> View {
    match payment.status {
        PaymentStatus::Paid => View::Paid(payment),
        PaymentStatus::Declined => View::Declined(payment),
        _ => View::Pending(payment),
    }
}

/// Why the gateway declined, in words: the payer's own cancellation, or any other reason.
fn decline_text(i18n: I18n, code: Option<&str>) -> String {
    match code {
        Some("cancelled-by-payer") => i18n.t("wizard-payment-declined-cancelled"),
        _ => i18n.t("wizard-payment-declined-other"),
    }
}

/// The receipt the gateway issued.
#[component]
pub fn Receipt(payment: Payment) -> impl IntoView {
    let i18n = use_i18n();
    let receipt = payment.receipt?;
    let mut rows = vec![
        ("wizard-receipt-number", receipt.number.clone()),
        (
            "wizard-receipt-paid-at",
            format::date_time(i18n, &receipt.paid_at),
        ),
        ("wizard-receipt-amount", fees::format_tenge(receipt.tenge)),
        ("wizard-receipt-payer", receipt.payer_iin_bin.clone()),
    ];
    if let Some(code) = receipt.budget_code.clone() {
        rows.push(("wizard-receipt-budget-code", code));
    }
    if let Some(code) = receipt.payment_purpose_code.clone() {
        rows.push(("wizard-receipt-purpose-code", code));
    }
    if let Some(reference) = receipt.gateway_reference.clone() {
        rows.push(("wizard-receipt-gateway-reference", reference));
    }
    let rows = rows
        .into_iter()
        .map(|(label, value)| view! { <div><dt>{i18n.text(label)}</dt><dd>{value}</dd></div> })
        .collect_view();
    Some(view! {
        <h2>{i18n.text("wizard-receipt-heading")}</h2>
        <dl class="summary-list">{rows}</dl>
    })
}
