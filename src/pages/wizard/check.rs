//! "Check your answers": the path the applicant took, page by page, each answer with a link
//! that changes it and comes back here, and the files attached. "Continue" saves the answers
//! to the backend and checks the whole package by the rules the backend applies before it
//! takes payment or a signature, so nothing is refused later for a gap found now.

use super::steps::Step;
use super::{Wizard, remote};
use crate::api;
use crate::components::{error_message, summary_issue_message};
use crate::draft::{Draft, FeeWay, text_of};
use crate::i18n::use_i18n;
use crate::router::A;
use leptos::prelude::*;
use otinish_core::api::StoredDocument;
use otinish_core::catalog::{self, Field, FieldKind, Service, ServiceKind, SubCase, messages};
use otinish_core::fees::{self, Quote};
use otinish_core::package;
use otinish_core::validation::Issue;

#[component]
pub fn CheckAnswers(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    let auth = crate::session::use_auth();
    let service = wizard.service;
    let change = move |step: &Step| format!("{}?return=check", step.href(&service.id));
    // The files as the last "Continue" found them; before that, what `stored` read.
    let files: RwSignal<Option<Vec<StoredDocument>>> = RwSignal::new(None);
    // `(link, message)` of each gap in the package, after "Continue".
    let faults: RwSignal<Vec<(String, String)>> = RwSignal::new(Vec::new());
    let attempt = RwSignal::new(0u32);
    let failure: RwSignal<Option<String>> = RwSignal::new(None);

    // The files the backend holds, read once the applicant is known to be signed in.
    let stored = LocalResource::new(move || {
        let signed_in = auth.account.with(Option::is_some);
        let remote = wizard
            .draft
            .with_untracked(|d| d.remote.as_ref().map(|r| r.id.clone()));
        async move {
            match (signed_in, remote) {
                (true, Some(id)) => api::application(&id).await.ok().map(|a| a.documents),
                _ => None,
            }
        }
    });

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
        if !service.targets.is_empty() {
            let answer = super::choice::target_options(service)
                .into_iter()
                .find(|(_, _, targets)| *targets == draft.targets)
                .map(|(_, label, _)| i18n.t(label))
                .unwrap_or_default();
            rows.push((
                "wizard-targets-legend".to_string(),
                answer,
                change(&Step::Targets),
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
        wizard
            .steps()
            .into_iter()
            .filter_map(|step| match &step {
                Step::Page(id) => service.pages.iter().find(|p| &p.id == id).map(|page| (step.clone(), page)),
                _ => None,
            })
            .map(|(step, page)| {
                let items = (0..draft.item_count(&page.id))
                    .map(|item| {
                        let answers = draft.item(&page.id, item);
                        let rows = page
                            .fields
                            .iter()
                            .filter_map(|id| catalog::catalog().field(id))
                            .filter(|field| package::shown(field, &answers))
                            .map(|field| {
                                let value = answers.get(&field.id).map(text_of).unwrap_or_default();
                                let answer = display(i18n, field, &value);
                                view! { <Row label=i18n.t(&messages::field(&field.id)) answer href=Some(change(&step))/> }
                            })
                            .collect_view();
                        let heading = page.repeat.is_some().then(|| {
                            i18n.t_with(&messages::page_item(&page.id), &[("n", (item + 1).into())])
                        });
                        view! {
                            {heading.map(|h| view! { <h3>{h}</h3> })}
                            <dl class="summary-list">{rows}</dl>
                        }
                    })
                    .collect_view();
                view! {
                    <h2>{i18n.text(messages::page(&page.id))}</h2>
                    {items}
                }
            })
            .collect_view()
    };

    let has_documents = wizard.steps().contains(&Step::Documents);
    // What comes after this page, now that the way is known: paying on the gateway, or
    // signing straight away (no fee here, or one settled by a receipt).
    let next_message = move || {
        let steps = wizard.steps();
        let after = steps.iter().skip_while(|step| **step != Step::Check).nth(1);
        let id = if after == Some(&Step::Payment) {
            "wizard-check-next-payment"
        } else {
            "wizard-check-next-sign"
        };
        // "…and the documents" only where the page shows some.
        let documents = if has_documents { "yes" } else { "no" };
        i18n.t_with(id, &[("documents", documents.into())])
    };
    let documents = move || {
        let attached = files
            .get()
            .or_else(|| stored.get().flatten())
            .filter(|files| !files.is_empty())?;
        let href = Some(change(&Step::Documents));
        let mut by_document: Vec<(String, Vec<String>)> = Vec::new();
        for file in attached {
            match by_document.iter_mut().find(|(d, _)| *d == file.document) {
                Some((_, names)) => names.push(file.file_name),
                None => by_document.push((file.document, vec![file.file_name])),
            }
        }
        let rows = by_document
            .into_iter()
            .map(|(document, names)| {
                view! { <Row label=i18n.t(&messages::document(&document)) answer=names.join(", ") href=href.clone()/> }
            })
            .collect_view();
        Some(view! {
            <h2>{i18n.text("wizard-documents-heading")}</h2>
            <dl class="summary-list">{rows}</dl>
        })
    };

    // The fee, and for one whose rate no source gives, how the applicant settles it.
    let fee = move || {
        let sub_case = wizard.draft.with(|d| d.sub_case)?;
        let quote = super::steps::quote(service, sub_case);
        let label = if service.kind == ServiceKind::Licence {
            "wizard-check-fee-licence"
        } else {
            "wizard-check-fee-other"
        };
        let (answer, href) = match quote {
            Quote::DueUnsourced => {
                let answer = match wizard.draft.with(|d| d.fee) {
                    Some(FeeWay::Gateway { tenge }) => i18n.t_with(
                        "wizard-check-fee-gateway",
                        &[("amount", fees::format_tenge(tenge).into())],
                    ),
                    Some(FeeWay::Receipt) => i18n.t("wizard-check-fee-receipt"),
                    None => String::new(),
                };
                (answer, Some(change(&Step::Fee)))
            }
            quote => (crate::format::quote(i18n, &quote), None),
        };
        Some(view! {
            <h2>{i18n.text("wizard-check-fee-heading")}</h2>
            <dl class="summary-list"><Row label=i18n.t(label) answer href/></dl>
        })
    };

    // "Continue": the answers saved, the application read back, the package checked by the
    // backend's rules. One at a time (`pending`).
    let checking = Action::new_local(move |_: &()| async move {
        let remote = remote::ensure(wizard).await?;
        remote::push(wizard).await?;
        api::application(&remote.id).await
    });
    let busy = checking.pending();
    let step = StoredValue::new(step);
    // What it found: the gaps on the error summary, or else the next step. Only a new outcome
    // runs this (the rest is read untracked: a language switch must not move on again).
    Effect::new(move |_| {
        let Some(outcome) = checking.value().get() else {
            return;
        };
        untrack(|| match outcome {
            Ok(application) => {
                files.set(Some(application.documents.clone()));
                let found = gaps(wizard, &application.documents);
                let failed = !found.is_empty();
                faults.set(
                    found
                        .into_iter()
                        .map(|(link, label, field, issue)| {
                            let name = i18n.t(&label);
                            let text = summary_issue_message(i18n, field.as_deref(), name, &issue);
                            (link, text)
                        })
                        .collect(),
                );
                wizard.has_errors.set(failed);
                if failed {
                    attempt.update(|n| *n += 1);
                } else {
                    wizard.advance(&step.get_value());
                }
            }
            Err(problem) => failure.set(Some(problem.code().to_string())),
        });
    });
    let on_continue = move |_| {
        if !busy.get_untracked() {
            failure.set(None);
            checking.dispatch_local(());
        }
    };
    let links = Signal::derive(move || faults.get());
    super::show_error_summary(links, attempt.into());

    // Reached by a link or a bookmark before the first questions were answered: nothing to
    // check yet, and every question of every sub-case would be listed. The way on is the
    // first question.
    if let Some(first) = unstarted(wizard) {
        return view! {
            <p>{i18n.text("wizard-check-not-started")}</p>
            <p><A href=first.href(&service.id) attr:class="button">{i18n.text("wizard-check-start")}</A></p>
        }
        .into_any();
    }

    view! {
        {move || failure.get().map(|code| view! {
            <div class="warning" role="alert"><p>{error_message(i18n, &code, &[])}</p></div>
        })}
        <dl class="summary-list">{choices}</dl>
        {pages}
        {has_documents.then_some(documents)}
        {fee}
        <div class="inset">
            <p>{next_message}</p>
        </div>
        // GOV.UK's declaration before the button that sends the application on.
        <h2>{i18n.text("wizard-check-declaration-heading")}</h2>
        <p>{i18n.text("wizard-check-declaration")}</p>
        <button type="button" class="button" on:click=on_continue disabled=move || busy.get()>
            {i18n.text("wizard-check-continue")}
        </button>
    }
    .into_any()
}

/// The first question of an application not begun (its sub-case, licence-or-annex or
/// provider still to choose); `None` once they are chosen.
fn unstarted(wizard: Wizard) -> Option<Step> {
    let started = wizard.draft.with_untracked(|d| {
        otinish_core::wizard::started(wizard.service, super::steps::progress(d), &d.targets)
    });
    (!started)
        .then(|| wizard.steps().into_iter().next())
        .flatten()
}

/// The gaps the backend would find, each with the address of the step that fills it and the
/// message id of what is missing.
fn gaps(
    wizard: Wizard,
    attached: &[StoredDocument],
) -> Vec<(String, String, Option<String>, Issue)> {
    let applicant = wizard.applicant();
    let draft = wizard.draft.get_untracked();
    let service = wizard.service;
    let (Some(provision), Some(sub_case), Some(applicant)) = (
        draft.provider.as_deref().and_then(|p| service.provision(p)),
        draft.sub_case,
        applicant,
    ) else {
        return Vec::new();
    };
    let attached: Vec<&str> = attached.iter().map(|f| f.document.as_str()).collect();
    let package = package::Package {
        service,
        provision,
        sub_case,
        applicant,
        answers: &draft.answers,
        attached: &attached,
    };
    package::check(&package, crate::format::today())
        .into_iter()
        .chain(fee_fault(service, sub_case, &draft, &attached))
        .map(|fault| {
            let parts: Vec<&str> = fault.pointer.trim_start_matches('/').split('/').collect();
            let last = parts.last().copied().unwrap_or_default();
            let (step, label, field) = match parts.as_slice() {
                // An answer of a page answered once: its question's own words.
                ["answers", page, field] => (
                    Step::Page(page.to_string()),
                    messages::field(field),
                    Some(field.to_string()),
                ),
                ["answers", page, ..] if parts.len() > 2 => {
                    (Step::Page(page.to_string()), messages::field(last), None)
                }
                ["answers", page] => (Step::Page(page.to_string()), messages::page(page), None),
                ["fee"] => (Step::Fee, "wizard-check-fee-licence".to_string(), None),
                _ => (Step::Documents, messages::document(last), None),
            };
            let link = format!("{}?return=check", step.href(&service.id));
            let mut issue = Issue::new(fault.code);
            issue.params = fault.params;
            (link, label, field, issue)
        })
        .collect()
}

/// A licence fee whose rate no source gives and which is not yet settled as the applicant
/// chose: no way chosen, or the receipt chosen and not attached. The gateway way is settled
/// on the payment step that follows.
fn fee_fault(
    service: &Service,
    sub_case: SubCase,
    draft: &Draft,
    attached: &[&str],
) -> Option<package::Fault> {
    if super::steps::quote(service, sub_case) != Quote::DueUnsourced {
        return None;
    }
    match draft.fee {
        None => Some(package::Fault {
            pointer: "/fee".to_string(),
            code: "fee-way-not-chosen",
            params: Vec::new(),
        }),
        Some(FeeWay::Receipt) if !attached.contains(&fees::RECEIPT_DOCUMENT) => {
            Some(package::Fault {
                pointer: format!("/documents/{}", fees::RECEIPT_DOCUMENT),
                code: otinish_core::api::field_code::DOCUMENT_MISSING,
                params: Vec::new(),
            })
        }
        Some(_) => None,
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

/// An answer as the applicant should read it: the labels of chosen options, not their ids;
/// phone numbers in groups; dates in words.
fn display(i18n: crate::i18n::I18n, field: &Field, value: &str) -> String {
    match field.kind {
        FieldKind::Radio | FieldKind::Select | FieldKind::Checkboxes => value
            .split(',')
            .filter(|v| !v.is_empty())
            .map(|option| i18n.t(&messages::field_option(&field.id, option)))
            .collect::<Vec<_>>()
            .join(", "),
        FieldKind::YesNo if !value.is_empty() => i18n.t(&format!("answer-{value}")),
        FieldKind::Phone => otinish_core::validation::display_phone(value),
        // «14 июня 2019 г.», «2019 ж. 14 маусым», not 2019-06-14.
        FieldKind::Date => crate::format::iso_date(value)
            .map(|date| crate::format::date(i18n, date))
            .unwrap_or_else(|| value.to_string()),
        _ => value.to_string(),
    }
}
