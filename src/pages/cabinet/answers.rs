//! What the applicant submitted, read only: the answers page by page as the form asked them,
//! and the files attached, each one downloadable by its owner.

use crate::api;
use crate::format;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use otinish_core::api::{AnswerValue, Application, FieldAnswers, PageAnswers, StoredDocument};
use otinish_core::catalog::{self, Field, FieldKind, messages};

/// An answer as the applicant reads it: option labels rather than their ids, dates in words.
fn answer_text(i18n: I18n, field: &Field, value: &AnswerValue) -> String {
    let chosen: Vec<&str> = match value {
        AnswerValue::Text(text) => match field.kind {
            FieldKind::Checkboxes => text.split(',').filter(|v| !v.is_empty()).collect(),
            _ => vec![text.as_str()],
        },
        AnswerValue::Choices(choices) => choices.iter().map(String::as_str).collect(),
    };
    let words = |option: &str| match field.kind {
        FieldKind::Radio | FieldKind::Select | FieldKind::Checkboxes => {
            i18n.t(&messages::field_option(&field.id, option))
        }
        FieldKind::YesNo => i18n.t(&format!("answer-{option}")),
        FieldKind::Date => format::iso_date(option)
            .map(|date| format::date(i18n, date))
            .unwrap_or_else(|| option.to_string()),
        _ => option.to_string(),
    };
    chosen
        .into_iter()
        .filter(|option| !option.is_empty())
        .map(words)
        .collect::<Vec<_>>()
        .join(", ")
}

/// One summary list per page the application answered, in the form's order.
#[component]
pub fn Answers(application: Application) -> impl IntoView {
    let i18n = use_i18n();
    let Some(service) = catalog::catalog().service(&application.service) else {
        return ().into_any();
    };
    let pages = service
        .pages
        .iter()
        .filter_map(|page| Some((page, application.answers.get(&page.id)?)))
        .map(|(page, answers)| {
            let items: Vec<FieldAnswers> = match answers {
                PageAnswers::Once(item) => vec![item.clone()],
                PageAnswers::Repeated(items) => items.clone(),
            };
            let numbered = items.len() > 1;
            let items = items
                .into_iter()
                .enumerate()
                .map(|(index, item)| {
                    let heading = numbered.then(|| {
                        let id = messages::page_item(&page.id);
                        let text =
                            Signal::derive(move || i18n.t_with(&id, &[("n", (index + 1).into())]));
                        view! { <h4>{text}</h4> }
                    });
                    let rows = page
                        .fields
                        .iter()
                        .filter_map(|id| catalog::catalog().field(id))
                        .filter_map(|field| Some((field, item.get(&field.id)?.clone())))
                        .map(|(field, value)| {
                            let answer = Signal::derive(move || answer_text(i18n, field, &value));
                            view! {
                                <div>
                                    <dt>{i18n.text(messages::field(&field.id))}</dt>
                                    <dd>{answer}</dd>
                                </div>
                            }
                        })
                        .collect_view();
                    view! { {heading} <dl class="summary-list">{rows}</dl> }
                })
                .collect_view();
            view! {
                <h3>{i18n.text(messages::page(&page.id))}</h3>
                {items}
            }
        })
        .collect_view();
    view! {
        <h2>{i18n.text("cabinet-answers-heading")}</h2>
        {pages}
    }
    .into_any()
}

/// The files attached, each under the document it was attached for.
#[component]
pub fn Documents(application_id: String, documents: Vec<StoredDocument>) -> impl IntoView {
    let i18n = use_i18n();
    if documents.is_empty() {
        return ().into_any();
    }
    let rows = documents
        .into_iter()
        .map(|document| {
            // The backend's address is read from the deployment's configuration first.
            let (application, file) = (application_id.clone(), document.id.clone());
            let href = LocalResource::new(move || {
                let (application, file) = (application.clone(), file.clone());
                async move { api::document_url(&application, &file).await }
            });
            let size = document.size;
            let kind = document.file_type;
            let facts = Signal::derive(move || {
                format!(
                    "{}, {}",
                    messages::key(&kind).to_uppercase(),
                    format::file_size(i18n, size)
                )
            });
            view! {
                <div>
                    <dt>{i18n.text(messages::document(&document.document))}</dt>
                    <dd>
                        <a href=move || href.get() download=document.file_name.clone()>{document.file_name.clone()}</a>
                        " " <span class="secondary">"(" {facts} ")"</span>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2>{i18n.text("cabinet-documents-heading")}</h2>
        <dl class="summary-list">{rows}</dl>
    }
    .into_any()
}
