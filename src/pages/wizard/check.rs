//! "Check your answers": the path the applicant took, page by page, each answer with a link
//! that changes it and comes back here.

use super::Wizard;
use super::form_page::visible;
use super::steps::{self, Step};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;
use otinish_core::catalog::{self, Field, FieldKind, messages};

#[component]
pub fn CheckAnswers() -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    let auth = crate::session::use_auth();
    let service = wizard.service;
    let change = move |step: &Step| format!("{}?return=check", step.href(&service.id));

    let choices = move || {
        let draft = wizard.draft.get();
        let mut rows = Vec::new();
        if service.sub_cases.len() > 1 {
            let answer = draft
                .sub_case
                .map(|c| i18n.t(&messages::of("sub-case", &c)))
                .unwrap_or_default();
            rows.push((
                "wizard-sub-case-legend".to_string(),
                answer,
                change(&Step::SubCase),
            ));
        }
        if service.provisions.len() > 1 {
            let answer = draft
                .provider
                .as_deref()
                .map(|p| i18n.t(&messages::provider(p)))
                .unwrap_or_default();
            rows.push((
                "wizard-provider-legend".to_string(),
                answer,
                change(&Step::Provider),
            ));
        }
        let mut rows: Vec<(String, String, Option<String>)> = rows
            .into_iter()
            .map(|(label, answer, href)| (i18n.t(&label), answer, Some(href)))
            .collect();
        // The applicant comes from the registry: shown, not changeable here.
        if let Some(account) = auth.account.get() {
            let applicant = super::applicant::applicant_rows(&account);
            rows.extend(
                applicant
                    .into_iter()
                    .map(|(label, value)| (i18n.t(label), value, None)),
            );
        }
        rows.into_iter()
            .map(|(label, answer, href)| view! { <Row label answer href/> })
            .collect_view()
    };

    let pages = move || {
        let draft = wizard.draft.get();
        steps::steps(service, &draft)
            .into_iter()
            .filter_map(|step| match &step {
                Step::Page(id) => service.pages.iter().find(|p| &p.id == id).map(|page| (step.clone(), page)),
                _ => None,
            })
            .map(|(step, page)| {
                let answers = draft.answers.get(&page.id).cloned().unwrap_or_default();
                let rows = page
                    .fields
                    .iter()
                    .filter_map(|id| catalog::catalog().field(id))
                    .filter(|field| visible(field, &answers))
                    .map(|field| {
                        let answer = display(i18n, field, answers.get(&field.id).map(String::as_str).unwrap_or(""));
                        view! { <Row label=i18n.t(&messages::field(&field.id)) answer href=Some(change(&step))/> }
                    })
                    .collect_view();
                view! {
                    <h2>{i18n.text(messages::page(&page.id))}</h2>
                    <dl class="summary-list">{rows}</dl>
                }
            })
            .collect_view()
    };

    view! {
        <dl class="summary-list">{choices}</dl>
        {pages}
        <div class="inset">
            <p>{i18n.text("wizard-check-saved")}</p>
            <p>{i18n.text("wizard-check-next")}</p>
        </div>
    }
}

#[component]
fn Row(label: String, answer: String, href: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let shown = if answer.is_empty() {
        i18n.t("wizard-not-answered")
    } else {
        answer
    };
    view! {
        <div>
            <dt>{label.clone()}</dt>
            <dd>{shown}</dd>
            {href.map(|href| view! {
                <dd class="summary-list__action">
                    <A href=href>{i18n.text("wizard-change")}<span class="visually-hidden">" " {label.clone()}</span></A>
                </dd>
            })}
        </div>
    }
}

/// An answer as the applicant should read it: the labels of chosen options, not their ids.
fn display(i18n: crate::i18n::I18n, field: &Field, value: &str) -> String {
    match field.kind {
        FieldKind::Radio | FieldKind::Select | FieldKind::Checkboxes => value
            .split(',')
            .filter(|v| !v.is_empty())
            .map(|option| i18n.t(&messages::field_option(&field.id, option)))
            .collect::<Vec<_>>()
            .join(", "),
        FieldKind::YesNo if !value.is_empty() => i18n.t(&format!("answer-{value}")),
        _ => value.to_string(),
    }
}
