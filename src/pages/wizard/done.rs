//! The confirmation: the reference number, when the application counts as registered, the
//! expected result date (or that no source gives one), what happens next in words that fit
//! the kind of result, how the applicant hears of it, a way to print or save the page, and
//! the way to the cabinet.

use super::Wizard;
use crate::format;
use crate::i18n::use_i18n;
use crate::router::A;
use leptos::prelude::*;

#[component]
pub fn Confirmation() -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    let submission = wizard.draft.with_untracked(|d| d.submitted.clone())?;
    let provider = wizard
        .draft
        .with_untracked(|d| d.provider.clone())
        .map(|p| otinish_core::catalog::messages::provider(&p));
    let due = match submission.due_date {
        Some(date) => i18n.t_with(
            "wizard-done-due",
            &[("date", format::date(i18n, date).into())],
        ),
        None => i18n.t("wizard-done-due-unknown"),
    };
    let registered = i18n.t_with(
        "wizard-done-registered",
        &[("date", format::date(i18n, submission.registered_on).into())],
    );
    let cabinet = format!("/cabinet/applications/{}", submission.application_id);
    // What the result is, so the words fit it: a permit is not a licence.
    let kind = otinish_core::catalog::messages::key(&wizard.service.kind);
    let result = move || i18n.t_with("wizard-done-result", &[("kind", kind.clone().into())]);
    let print = move |_| {
        let _ = window().print();
    };
    Some(view! {
        <div class="panel panel--confirmation">
            <h1 class="panel__title">{i18n.text("wizard-done-heading")}</h1>
            <div class="panel__body">
                {i18n.text("wizard-done-reference")}<br/>
                <strong class="reference-number">{submission.reference_number.to_string()}</strong>
            </div>
        </div>
        <p>{i18n.t_with("wizard-done-sent", &[("at", format::date_time(i18n, &submission.submitted_at).into())])}</p>
        <p>{registered}</p>
        <p>{due}</p>
        <h2>{i18n.text("wizard-done-next-heading")}</h2>
        <p>{provider.map(|p| i18n.t_with("wizard-done-next", &[("provider", i18n.t(&p).into())]))}</p>
        <p>{result}</p>
        <p>{i18n.text("wizard-done-notify")}</p>
        <p>
            <button type="button" class="button button--secondary" on:click=print>
                {i18n.text("wizard-done-print")}
            </button>
        </p>
        <p><A href=cabinet attr:class="button">{i18n.text("wizard-done-cabinet")}</A></p>
        <p><A href="/">{i18n.text("wizard-done-another")}</A></p>
    })
}
