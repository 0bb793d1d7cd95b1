//! The documents: what the applicant attaches, what the provider obtains itself, and an
//! honest note when the list is not the whole one.

use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use otinish_core::catalog::{
    self, Completeness, DocumentRequirement, FileType, Provision, Service, Supplier, messages,
};

#[component]
pub fn Documents(service: &'static Service, provision: Memo<Provision>) -> impl IntoView {
    let i18n = use_i18n();
    let list = move |ours: bool| {
        let items: Vec<DocumentRequirement> = provision.with(|p| {
            p.documents
                .iter()
                .filter(|d| (d.supplied_by == Supplier::Applicant) != ours)
                .cloned()
                .collect()
        });
        let empty = items.is_empty();
        let items = items
            .into_iter()
            .map(|requirement| view! { <DocumentItem service requirement/> })
            .collect_view();
        (!empty).then(|| view! { <ul class="doc-list">{items}</ul> })
    };
    let applicant_list_empty = move || {
        provision.with(|p| {
            p.documents
                .iter()
                .all(|d| d.supplied_by != Supplier::Applicant)
        })
    };
    let partial = move || provision.with(|p| p.document_list == Completeness::Partial);

    view! {
        <h2>{i18n.text("service-documents-heading")}</h2>
        <h3>{i18n.text("service-documents-yours")}</h3>
        <Show when=applicant_list_empty fallback=move || list(false)>
            <p>{i18n.text("service-documents-none-named")}</p>
        </Show>
        <h3>{i18n.text("service-documents-ours")}</h3>
        <p>{i18n.text("service-documents-ours-intro")}</p>
        {move || list(true)}
        <Show when=partial>
            <div class="warning">
                <p>{i18n.text("service-documents-partial")}</p>
            </div>
        </Show>
    }
}

#[component]
fn DocumentItem(service: &'static Service, requirement: DocumentRequirement) -> impl IntoView {
    let i18n = use_i18n();
    let id = messages::document(&requirement.document);
    let hint_id = id.clone();
    let uploaded = requirement.supplied_by == Supplier::Applicant;
    let formats = catalog::catalog()
        .document(&requirement.document)
        .filter(|_| uploaded)
        .map(|document| {
            let types: Vec<&str> = document
                .types
                .iter()
                .map(|t| match t {
                    FileType::Pdf => "PDF",
                    FileType::Jpeg => "JPEG",
                    FileType::Png => "PNG",
                })
                .collect();
            let types = types.join(", ");
            let max_mb = document.max_mb;
            move || {
                i18n.t_with(
                    "service-document-formats",
                    &[("types", types.clone().into()), ("size", max_mb.into())],
                )
            }
        });
    let qualifier = move || qualifier(i18n, service, &requirement);
    view! {
        <li>
            <strong>{i18n.text(id.clone())}</strong>
            {qualifier}
            {move || i18n.attr(&hint_id, "hint").map(|hint| view! { <br/><span class="secondary">{hint}</span> })}
            {formats.map(|formats| view! { <br/><span class="secondary">{formats}</span> })}
        </li>
    }
}

/// " (при переоформлении; для юридических лиц)" when a document is not for everyone.
fn qualifier(i18n: I18n, service: &Service, requirement: &DocumentRequirement) -> String {
    let mut parts = Vec::new();
    if !requirement.sub_cases.is_empty() && requirement.sub_cases.len() < service.sub_cases.len() {
        let cases: Vec<String> = requirement
            .sub_cases
            .iter()
            .map(|s| i18n.t(&messages::of("for-sub-case", s)))
            .collect();
        parts.push(cases.join(", "));
    }
    if !requirement.applicants.is_empty() && requirement.applicants.len() < service.applicants.len()
    {
        let who: Vec<String> = requirement
            .applicants
            .iter()
            .map(|a| i18n.t(&messages::of("for-applicant", a)))
            .collect();
        parts.push(who.join(", "));
    }
    if !requirement.channels.is_empty() {
        let channels: Vec<String> = requirement
            .channels
            .iter()
            .map(|c| i18n.t(&messages::of("for-channel", c)))
            .collect();
        parts.push(channels.join(", "));
    }
    if !requirement.required {
        parts.push(i18n.t("service-document-optional"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}
