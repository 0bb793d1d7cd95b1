//! How the application is processed: the regulation's steps for one sub-case, with who
//! takes each step and how long it may take.

use crate::format;
use crate::i18n::use_i18n;
use leptos::either::Either;
use leptos::prelude::*;
use otinish_core::catalog::{Branch, Provision, Service, SubCase, applies, messages};

#[component]
pub fn Steps(service: &'static Service, provision: Memo<Provision>) -> impl IntoView {
    let i18n = use_i18n();
    let sub_case = RwSignal::new(service.sub_cases[0]);

    let picker = (service.sub_cases.len() > 1).then(|| {
        let options = service
            .sub_cases
            .iter()
            .map(|case| {
                let case = *case;
                let label = messages::of("sub-case", &case);
                let value = messages::key(&case);
                view! { <option value=value prop:selected=move || sub_case.get() == case>{i18n.text(label.clone())}</option> }
            })
            .collect_view();
        let on_change = move |event: leptos::ev::Event| {
            let value = event_target_value(&event);
            if let Some(case) = service.sub_cases.iter().find(|c| messages::key(*c) == value) {
                sub_case.set(*case);
            }
        };
        view! {
            <div class="field">
                <label class="label" for="service-steps-for">{i18n.text("service-steps-for")}</label>
                <select class="select" id="service-steps-for" on:change=on_change>{options}</select>
            </div>
        }
    });

    let total = move || {
        let case = sub_case.get();
        let term = provision.with(|p| {
            p.deadlines
                .iter()
                .find(|d| d.sub_cases.contains(&case))
                .and_then(|d| d.term)
        });
        i18n.t_with(
            "service-steps-total",
            &[("term", format::optional_term(i18n, term.as_ref()).into())],
        )
    };
    let items = move || {
        let case: SubCase = sub_case.get();
        let steps: Vec<_> = provision.with(|p| {
            p.steps
                .iter()
                .filter(|s| applies(&s.sub_cases, &case))
                .cloned()
                .collect()
        });
        steps
            .into_iter()
            .map(|step| {
                // A refusal-only step says what it leads to instead of what it does.
                let text = match step.branch {
                    Branch::Main => messages::of("step", &step.action),
                    Branch::Refusal => messages::STEP_REFUSAL.to_owned(),
                };
                let actor = messages::of("actor", &step.actor);
                let term = step.term;
                let included_in = step.included_in.map(|outer| messages::of("step", &outer));
                view! {
                    <li>
                        <strong>{i18n.text(text.clone())}</strong><br/>
                        <span class="secondary">
                            {i18n.text(actor.clone())}
                            {move || match term {
                                Some(term) => Either::Left(format!(" · {}", format::term(i18n, &term))),
                                None => Either::Right(()),
                            }}
                            {included_in.clone().map(|outer| move || {
                                let step = i18n.t(&outer);
                                format!(" ({})", i18n.t_with(messages::STEP_INCLUDED, &[("step", step.into())]))
                            })}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <h2>{i18n.text("service-steps-heading")}</h2>
        {picker}
        <p>{total}</p>
        <ol class="steps">{items}</ol>
    }
}
