//! Who applies: the signed-in applicant as the state registers know them, shown and never
//! retyped (WCAG 3.3.7). A service or provider that does not accept this kind of applicant
//! says so here, before any question is asked.

use super::steps::Step;
use super::{Wizard, remote};
use crate::api::Failure;
use crate::components::error_message;
use crate::i18n::use_i18n;
use crate::session::{display_name, use_auth};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation as spawn_local;
use leptos_router::components::A;
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
                    <p><A href=format!("/services/{}", wizard.service.id)>{i18n.text("wizard-applicant-back-to-service")}</A></p>
                }
                .into_any();
            }
            let step = StoredValue::new(step.clone());
            let busy = RwSignal::new(false);
            let failure: RwSignal<Option<String>> = RwSignal::new(None);
            // From here on the draft is kept on the backend too: a draft begun signed out
            // is adopted now.
            let go_on = move |_| {
                busy.try_set(true);
                spawn_local(async move {
                    let outcome = remote::ensure(wizard).await;
                    busy.try_set(false);
                    match outcome {
                        // Offline: the draft is safe in this browser; the backend copy is
                        // made again at the documents.
                        Ok(_) | Err(Failure::Unreachable) => wizard.advance(&step.get_value()),
                        Err(Failure::Problem(problem)) => {
                            failure.try_set(Some(problem.code));
                        }
                    }
                });
            };
            let failure_view = move || {
                failure.get().map(|code| {
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
