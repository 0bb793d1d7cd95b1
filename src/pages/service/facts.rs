//! Who can apply (before the start button), and for each sub-case its deadline and today's
//! fee (among the details after it).

use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use otinish_core::catalog::{Fee, Provision, Service, messages};
use otinish_core::fees;

#[component]
pub fn Applicants(service: &'static Service, provision: Memo<Provision>) -> impl IntoView {
    let i18n = use_i18n();
    let applicants = move || {
        provision
            .with(|p| service.applicants_at(p).to_vec())
            .into_iter()
            .map(|applicant| {
                let id = messages::of("applicant", &applicant);
                view! { <li>{i18n.text(id.clone())}</li> }
            })
            .collect_view()
    };
    let single_applicant_type = move || provision.with(|p| service.applicants_at(p).len() == 1);
    // Where this provider's regulation words the result more narrowly than the name.
    let result_note = move || {
        provision
            .with(|p| {
                p.result_note
                    .then(|| messages::result_note(&service.id, &p.provider))
            })
            .map(|id| view! { <p class="inset">{i18n.text(id)}</p> })
    };
    let targets = (!service.targets.is_empty()).then(|| {
        let items = service
            .targets
            .iter()
            .map(|t| {
                let id = messages::of("target", t);
                view! { <li>{i18n.text(id.clone())}</li> }
            })
            .collect_view();
        view! {
            <p>{i18n.text("service-targets")}</p>
            <ul>{items}</ul>
        }
    });

    view! {
        <h2>{i18n.text("service-who-heading")}</h2>
        <ul>{applicants}</ul>
        <Show when=single_applicant_type>
            <p class="inset">{i18n.text("service-only-these-applicants")}</p>
        </Show>
        {targets}
        {result_note}
    }
}

#[component]
pub fn Terms(service: &'static Service, provision: Memo<Provision>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        let today = format::today();
        service
            .sub_cases
            .iter()
            .map(|sub_case| {
                let label = messages::of("sub-case", sub_case);
                let deadline = provision.with(|p| p.deadlines.iter().find(|d| d.sub_cases.contains(sub_case)).and_then(|d| d.term));
                let quote = fees::quote(&service.fee, *sub_case, today);
                view! {
                    <div>
                        <dt>{i18n.text(label.clone())}</dt>
                        <dd>
                            {i18n.text("service-deadline")} " " {move || format::optional_term(i18n, deadline.as_ref())}
                            <br/>
                            {i18n.text("service-fee")} " " {move || format::quote(i18n, &quote)}
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    // Only a licence fee is an amount worked out from today's МРП.
    let fee_date = matches!(service.fee, Fee::LicenceFee { .. }).then(|| {
        move || {
            i18n.t_with(
                "service-fee-date",
                &[(
                    "date",
                    format::attributive_date(i18n, format::today()).into(),
                )],
            )
        }
    });

    view! {
        <h2>{i18n.text("service-terms-heading")}</h2>
        <dl class="summary-list">{rows}</dl>
        {fee_date.map(|fee_date| view! { <p class="secondary">{fee_date}</p> })}
    }
}
