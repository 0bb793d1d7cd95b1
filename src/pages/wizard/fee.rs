//! A licence fee whose rate no source gives (`Quote::DueUnsourced`): the page says that the
//! fee is due at the established rate (which the provider can tell), with the budget codes it is paid to
//! (КБК 105402, КНП 911, egov.kz «Ставки лицензионного сбора»), and asks how it is settled:
//! through the gateway in the amount the applicant enters, or by a receipt of a payment
//! made elsewhere, attached on the documents step. Validated on "Continue".

use super::Wizard;
use super::steps::Step;
use crate::draft::FeeWay;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use otinish_core::fees;

/// The ways, as the radios name them.
const GATEWAY: &str = "gateway";
const RECEIPT: &str = "receipt";
const AMOUNT_ID: &str = "fee-tenge";

/// What is wrong with the page, after "Continue".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    NoWay,
    NoAmount,
    NotWhole,
    OutOfRange,
}

impl Fault {
    fn message(self) -> &'static str {
        match self {
            Fault::NoWay => "wizard-fee-error-way",
            Fault::NoAmount => "wizard-fee-error-amount",
            Fault::NotWhole => "wizard-fee-error-whole",
            Fault::OutOfRange => "wizard-fee-error-range",
        }
    }

    fn target(self) -> &'static str {
        match self {
            Fault::NoWay => "fee-way-gateway",
            _ => AMOUNT_ID,
        }
    }
}

/// The amount as typed: whole tenge, spaces between groups allowed ("30 000").
fn parse_amount(text: &str) -> Result<u64, Fault> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    if digits.is_empty() {
        return Err(Fault::NoAmount);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Fault::NotWhole);
    }
    // Too many digits for a u64 is out of range as surely as 10 000 001 is.
    let tenge = digits.parse::<u64>().map_err(|_| Fault::OutOfRange)?;
    fees::check_entered_tenge(tenge).map_err(|_| Fault::OutOfRange)?;
    Ok(tenge)
}

#[component]
pub fn FeeStep(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    let chosen = wizard.draft.with_untracked(|d| d.fee);
    let way: RwSignal<Option<&'static str>> = RwSignal::new(chosen.map(|way| match way {
        FeeWay::Gateway { .. } => GATEWAY,
        FeeWay::Receipt => RECEIPT,
    }));
    let amount = RwSignal::new(match chosen {
        Some(FeeWay::Gateway { tenge }) => tenge.to_string(),
        _ => String::new(),
    });
    let fault: RwSignal<Option<Fault>> = RwSignal::new(None);
    let attempt = RwSignal::new(0u32);

    let errors = Signal::derive(move || {
        fault
            .get()
            .map(|f| (f.target().to_string(), i18n.t(f.message())))
            .into_iter()
            .collect::<Vec<_>>()
    });
    super::show_error_summary(errors, attempt.into());

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let settled = match way.get_untracked() {
            None => Err(Fault::NoWay),
            Some(RECEIPT) => Ok(FeeWay::Receipt),
            Some(_) => amount
                .with_untracked(|text| parse_amount(text))
                .map(|tenge| FeeWay::Gateway { tenge }),
        };
        match settled {
            Ok(settled) => {
                fault.set(None);
                wizard.has_errors.set(false);
                wizard.draft.update(|d| d.fee = Some(settled));
                wizard.advance(&step);
            }
            Err(found) => {
                fault.set(Some(found));
                wizard.has_errors.set(true);
                attempt.update(|n| *n += 1);
            }
        }
    };

    let way_fault = move || fault.get() == Some(Fault::NoWay);
    let amount_fault = move || fault.get().filter(|f| *f != Fault::NoWay);
    let choose = move |value: &'static str| {
        way.set(Some(value));
        if fault.get_untracked() == Some(Fault::NoWay) {
            fault.set(None);
        }
    };
    let budget = [
        ("wizard-receipt-budget-code", fees::LICENCE_FEE_BUDGET_CODE),
        (
            "wizard-receipt-purpose-code",
            fees::LICENCE_FEE_PAYMENT_PURPOSE_CODE,
        ),
    ]
    .into_iter()
    .map(|(label, code)| view! { <div><dt>{i18n.text(label)}</dt><dd>{code}</dd></div> })
    .collect_view();

    view! {
        <p>{i18n.text("wizard-fee-due")}</p>
        <p>{i18n.text("wizard-fee-before")}</p>
        <dl class="summary-list">{budget}</dl>
        <p class="secondary">{i18n.text("wizard-fee-source")}</p>
        <form novalidate on:submit=on_submit>
            <div class="field" class:field--error=way_fault>
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{i18n.text("wizard-fee-legend")}</legend>
                    <Show when=way_fault>
                        <p class="error-message" id="fee-way-error">{i18n.text("wizard-fee-error-way")}</p>
                    </Show>
                    <div class="checkboxes">
                        <div class="checkbox radio">
                            <input type="radio" name="fee-way" id="fee-way-gateway" value=GATEWAY
                                prop:checked=move || way.get() == Some(GATEWAY)
                                on:change=move |_| choose(GATEWAY)/>
                            <label for="fee-way-gateway">{i18n.text("wizard-fee-gateway")}</label>
                        </div>
                        <Show when=move || way.get() == Some(GATEWAY)>
                            <div class="conditional field" class:field--error=move || amount_fault().is_some()>
                                <label class="label" for=AMOUNT_ID>{i18n.text("wizard-fee-amount")}</label>
                                <p class="hint" id="fee-tenge-hint">{i18n.text("wizard-fee-amount-hint")}</p>
                                {move || amount_fault().map(|f| view! {
                                    <p class="error-message" id="fee-tenge-error">{i18n.text(f.message())}</p>
                                })}
                                <input class="input input--width-10" id=AMOUNT_ID name=AMOUNT_ID type="text"
                                    inputmode="numeric" spellcheck="false" autocomplete="off"
                                    aria-describedby=move || if amount_fault().is_some() { "fee-tenge-hint fee-tenge-error" } else { "fee-tenge-hint" }
                                    prop:value=move || amount.get()
                                    on:input=move |ev| amount.set(event_target_value(&ev))/>
                            </div>
                        </Show>
                        <div class="checkbox radio">
                            <input type="radio" name="fee-way" id="fee-way-receipt" value=RECEIPT
                                aria-describedby="fee-way-receipt-hint"
                                prop:checked=move || way.get() == Some(RECEIPT)
                                on:change=move |_| choose(RECEIPT)/>
                            <label for="fee-way-receipt">
                                {i18n.text("wizard-fee-receipt")}<br/>
                                <span class="secondary" id="fee-way-receipt-hint">{i18n.text("wizard-fee-receipt-hint")}</span>
                            </label>
                        </div>
                    </div>
                </fieldset>
            </div>
            <button type="submit" class="button">{i18n.text("wizard-continue")}</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_is_whole_tenge_within_bounds() {
        assert_eq!(parse_amount("30000"), Ok(30_000));
        assert_eq!(parse_amount(" 30 000 "), Ok(30_000));
        assert_eq!(parse_amount("30\u{a0}000"), Ok(30_000));
        assert_eq!(parse_amount(""), Err(Fault::NoAmount));
        assert_eq!(parse_amount("   "), Err(Fault::NoAmount));
        assert_eq!(parse_amount("300,50"), Err(Fault::NotWhole));
        assert_eq!(parse_amount("-5"), Err(Fault::NotWhole));
        assert_eq!(parse_amount("0"), Err(Fault::OutOfRange));
        assert_eq!(parse_amount("10000001"), Err(Fault::OutOfRange));
        assert_eq!(
            parse_amount("99999999999999999999999"),
            Err(Fault::OutOfRange)
        );
    }
}
