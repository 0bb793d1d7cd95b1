//! The legal basis: the provider's regulation, the standard it follows, and the law on state
//! services, each cited in full with its registration and, where it has one, its repeal.

use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use otinish_core::catalog::{self, LegalAct, Provision, messages};

const LAW_ON_STATE_SERVICES: &str = "law-state-services";

#[component]
pub fn LegalBasis(provision: Memo<Provision>) -> impl IntoView {
    let i18n = use_i18n();
    let acts = move || {
        let (regulation, standard) = provision.with(|p| (p.regulation.clone(), p.standard.clone()));
        [regulation, standard, LAW_ON_STATE_SERVICES.to_string()]
            .into_iter()
            .filter_map(|id| catalog::catalog().act(&id))
            .map(|act| view! { <Act act/> })
            .collect_view()
    };
    let repealed = move || {
        provision.with(|p| {
            catalog::catalog()
                .act(&p.regulation)
                .is_some_and(|a| a.repealed_by.is_some())
        })
    };
    view! {
        <h2>{i18n.text("service-legal-heading")}</h2>
        <Show when=repealed>
            <div class="warning"><p>{i18n.text("service-regulation-repealed")}</p></div>
        </Show>
        <ul class="doc-list">{acts}</ul>
    }
}

#[component]
fn Act(act: &'static LegalAct) -> impl IntoView {
    let i18n = use_i18n();
    let citation = messages::act_title(&act.id);
    let registration = act.registration.as_ref().map(|registration| {
        move || {
            let date = format::iso_date(&registration.date)
                .map(|d| format::date(i18n, d))
                .unwrap_or_default();
            i18n.t_with(
                "act-registered",
                &[
                    ("date", date.into()),
                    ("number", registration.number.clone().into()),
                ],
            )
        }
    });
    let repeal = act.repealed_by.as_ref().map(|repeal| {
        let id = messages::of("act-repealed-by", &repeal.kind);
        move || {
            let date = format::iso_date(&repeal.date)
                .map(|d| format::attributive_date(i18n, d))
                .unwrap_or_default();
            i18n.t_with(
                &id,
                &[
                    ("date", date.into()),
                    ("number", repeal.number.clone().into()),
                ],
            )
        }
    });
    view! {
        <li>
            {i18n.text(citation.clone())}
            {registration.map(|text| view! { <br/><span class="secondary">{text}</span> })}
            {repeal.map(|text| view! { <br/><span class="secondary">{text}</span> })}
        </li>
    }
}
