//! Who applies: the signed-in applicant as the state registers know them, shown and never
//! retyped (WCAG 3.3.7). A service or provider that does not accept this kind of applicant
//! says so here, before any question is asked.

use super::steps::Step;
use super::{Wizard, remote};
use crate::api::Failure;
use crate::components::error_message;
use crate::i18n::use_i18n;
use crate::router::A;
use crate::session::{display_name, use_auth};
use leptos::prelude::*;
use otinish_core::api::Account;
use otinish_core::catalog::messages;

/// The applicant's facts as `(label message id, value)` rows.
pub fn applicant_rows(account: &Account) -> Vec<(&'static str, String)> {
    let mut rows = vec![
        ("wizard-applicant-name", display_name(account)),
        ("wizard-applicant-iin-bin", account.iin_bin().to_string()),
    ];
    let address = match account {
        Account::Individual(person) => person.address.as_ref(),
        Account::LegalEntity(entity) => entity.address.as_ref(),
    };
    if let Some(address) = address {
        rows.push(("wizard-applicant-address", address.text.clone()));
    }
    rows
}

#[component]
pub fn ApplicantStep(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    let auth = use_auth();
    let here = step.href(&wizard.service.id);

    // Who may apply where the applicant is applying: the provider's list if it is narrower.
    let accepted = move || {
        let provider = wizard.draft.with(|d| d.provider.clone());
        let provision = provider
            .as_deref()
            .and_then(|p| wizard.service.provision(p));
        provision.map_or_else(
            || wizard.service.applicants.clone(),
            |p| wizard.service.applicants_at(p).to_vec(),
        )
    };

    // From here on the draft is kept on the backend too: a draft begun signed out is adopted
    // now. Owned by the step, not by the view below, which a write to the draft redraws.
    // Its value: the problem's code when the backend refused.
    let going_on = Action::new_local(move |_: &()| {
        let step = step.clone();
        async move {
            match remote::ensure(wizard).await {
                // Offline: the draft is safe in this browser; the backend copy is made again
                // at the documents.
                Ok(_) | Err(Failure::Unreachable) => {
                    wizard.advance(&step);
                    None
                }
                Err(Failure::Problem(problem)) => Some(problem.code),
            }
        }
    });
    let busy = going_on.pending();

    move || match auth.account.get() {
        None if !auth.known.get() => {
            view! { <p>{i18n.text("wizard-applicant-checking")}</p> }.into_any()
        }
        None => {
            let sign_in = format!("/sign-in?next={here}");
            view! {
                <p>{i18n.text("wizard-applicant-sign-in-intro")}</p>
                <p><A href=sign_in attr:class="button">{i18n.text("wizard-applicant-sign-in")}</A></p>
            }
            .into_any()
        }
        Some(account) => {
            let rows = applicant_rows(&account)
                .into_iter()
                .map(|(label, value)| view! { <div><dt>{i18n.text(label)}</dt><dd>{value}</dd></div> })
                .collect_view();
            let kind = messages::of("applicant", &account.kind());
            if !accepted().contains(&account.kind()) {
                let allowed = accepted()
                    .into_iter()
                    .map(|a| i18n.t(&messages::of("applicant", &a)))
                    .collect::<Vec<_>>();
                return view! {
                    <dl class="summary-list">{rows}</dl>
                    <div class="warning">
                        <p>{i18n.t_with("wizard-applicant-not-eligible", &[("who", allowed.join(", ").into())])}</p>
                    </div>
                    <p><A href=format!("/services/{}", wizard.service.id) exact=true>{i18n.text("wizard-applicant-back-to-service")}</A></p>
                }
                .into_any();
            }
            let go_on = move |_| {
                going_on.dispatch(());
            };
            let failure_view = move || {
                going_on.value().get().flatten().map(|code| {
                    view! { <div class="error-summary" role="alert"><p>{error_message(i18n, &code, &[])}</p></div> }
                })
            };
            view! {
                {failure_view}
                <p>{i18n.text(kind)}</p>
                <dl class="summary-list">{rows}</dl>
                <p class="secondary">{i18n.text("wizard-applicant-from-registry")}</p>
                <button type="button" class="button" on:click=go_on disabled=move || busy.get()>
                    {i18n.text("wizard-continue")}
                </button>
            }
            .into_any()
        }
    }
}
