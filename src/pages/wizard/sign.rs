//! Signing and submitting. The backend gives the exact bytes to sign; the applicant's chosen
//! signer (`crate::signing`) signs them; the submission is sent with an idempotency key kept
//! in the draft, and sent again with the same key while the network fails, so a flaky
//! connection yields exactly one application. Every moment of it is shown and announced.

use super::steps::Step;
use super::{Wizard, remote};
use crate::api::{self, Failure, IdempotencyKey};
use crate::components::failure_message;
use crate::draft::{PendingSubmission, save_now};
use crate::i18n::use_i18n;
use crate::signing::{KeyStorage, Signer, SigningError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use otinish_core::api::{SignatureMethod, Submission};
use std::time::Duration;

/// Where the page is.
#[derive(Debug, Clone, PartialEq)]
enum Progress {
    /// Waiting for the applicant to choose a signer and press the button.
    Ready,
    Signing,
    /// Sending; the attempt number, from 1.
    Sending(u32),
    /// The signer gave no signature.
    SignerFailed(SigningError),
    /// The backend refused; the message (already worded).
    Refused(String),
    /// Every attempt failed to reach the backend; the submission is kept and can be resent.
    NotSent,
}

/// Attempts before the page stops and offers to try again; waits double from 1 s.
const ATTEMPTS: u32 = 6;

#[component]
pub fn SignStep() -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    let progress = RwSignal::new(Progress::Ready);
    let test_mode = RwSignal::new(None::<bool>);
    let chosen = RwSignal::new(None::<Signer>);
    spawn_local(async move {
        let config = api::config().await.ok();
        let test = config
            .as_ref()
            .is_some_and(|c| c.test_mode && c.signature_methods.contains(&SignatureMethod::Test));
        test_mode.set(Some(test));
        chosen.set(Some(if test {
            Signer::Test
        } else {
            Signer::NcaLayer(KeyStorage::File)
        }));
    });

    // A submission sent before a reload or a lost connection is finished first.
    if wizard
        .draft
        .with_untracked(|d| d.pending_submission.is_some())
    {
        spawn_local(send(wizard, progress));
    }

    let start = move |_| {
        if matches!(
            progress.get_untracked(),
            Progress::Signing | Progress::Sending(_)
        ) {
            return;
        }
        let Some(signer) = chosen.get_untracked() else {
            return;
        };
        progress.set(Progress::Signing);
        spawn_local(async move {
            if let Err(message) = sign(wizard, signer).await {
                progress.set(message);
                return;
            }
            send(wizard, progress).await;
        });
    };
    let resend = move |_| spawn_local(send(wizard, progress));

    let signer_choice = move || {
        let test = test_mode.get()?;
        let options = signer_options(test)
            .into_iter()
            .map(|(signer, label)| {
                let id = format!("signer-{label}");
                view! {
                    <div class="checkbox radio">
                        <input type="radio" id=id.clone() name="signer"
                            prop:checked=move || chosen.get() == Some(signer)
                            on:change=move |_| chosen.set(Some(signer))/>
                        <label for=id>{i18n.text(format!("wizard-sign-{label}"))}</label>
                    </div>
                }
            })
            .collect_view();
        Some(view! {
            <fieldset class="fieldset">
                <legend class="fieldset__legend--m">{i18n.text("wizard-sign-how")}</legend>
                <div class="checkboxes">{options}</div>
            </fieldset>
            <Show when=move || chosen.get() == Some(Signer::Test)>
                <div class="warning"><p>{i18n.text("wizard-sign-test-warning")}</p></div>
            </Show>
        })
    };

    let status = move || {
        match progress.get() {
        Progress::Ready => None,
        Progress::Signing => Some(view! { <p>{i18n.text("wizard-sign-signing")}</p> }.into_any()),
        Progress::Sending(attempt) => Some(
            view! { <p>{i18n.t_with("wizard-sign-sending", &[("attempt", attempt.into())])}</p> }
                .into_any(),
        ),
        Progress::SignerFailed(error) => Some(
            view! {
                <div class="error-summary" tabindex="-1">
                    <h2 class="error-summary__title">{i18n.text(format!("signing-error-{}", error.code()))}</h2>
                    <p>{i18n.text(format!("signing-error-{}-help", error.code()))}</p>
                </div>
            }
            .into_any(),
        ),
        Progress::Refused(message) => Some(
            view! {
                <div class="error-summary" tabindex="-1">
                    <h2 class="error-summary__title">{i18n.text("wizard-sign-refused")}</h2>
                    <p>{message}</p>
                    <p><A href=Step::Check.href(&wizard.service.id)>{i18n.text("wizard-payment-to-check")}</A></p>
                </div>
            }
            .into_any(),
        ),
        Progress::NotSent => Some(
            view! {
                <div class="warning">
                    <p>{i18n.text("wizard-sign-not-sent")}</p>
                </div>
                <button type="button" class="button" on:click=resend>{i18n.text("wizard-sign-resend")}</button>
            }
            .into_any(),
        ),
    }
    };
    let can_start = move || {
        matches!(
            progress.get(),
            Progress::Ready | Progress::SignerFailed(_) | Progress::Refused(_)
        )
    };

    view! {
        <p>{i18n.text("wizard-sign-intro")}</p>
        {signer_choice}
        <div role="status" aria-live="polite">{status}</div>
        <Show when=can_start>
            <button type="button" class="button" on:click=start>{i18n.text("wizard-sign-submit")}</button>
        </Show>
    }
}

/// The signers the applicant may choose, with the stem of their labels' message ids. The test
/// signer is offered only when the backend runs in test mode.
fn signer_options(test_mode: bool) -> Vec<(Signer, &'static str)> {
    let mut options = Vec::new();
    if test_mode {
        options.push((Signer::Test, "test"));
    }
    options.extend([
        (Signer::NcaLayer(KeyStorage::File), "file"),
        (Signer::NcaLayer(KeyStorage::Token), "token"),
        (Signer::NcaLayer(KeyStorage::IdCard), "id-card"),
    ]);
    options
}

/// Saves the answers, signs the bytes the backend gives, and keeps the submission to send in
/// the draft (written at once, so a reload cannot lose it).
async fn sign(wizard: Wizard, signer: Signer) -> Result<(), Progress> {
    let i18n = use_i18n();
    let refused = |failure: Failure| Progress::Refused(failure_message(i18n, &failure));
    let remote = remote::ensure(wizard).await.map_err(refused)?;
    remote::push(wizard).await.map_err(refused)?;
    let data = api::signing_data(&remote.id).await.map_err(refused)?;
    let signature = signer.sign(&data).await.map_err(Progress::SignerFailed)?;
    wizard.draft.update(|d| {
        d.pending_submission = Some(PendingSubmission {
            key: IdempotencyKey::new(),
            version: data.version,
            signature,
        });
    });
    save_now(&wizard.draft.get_untracked());
    Ok(())
}

/// Sends the kept submission until the backend answers, waiting 1, 2, 4… s between attempts
/// that did not reach it. The same key and body every time: one application, never two.
async fn send(wizard: Wizard, progress: RwSignal<Progress>) {
    let i18n = use_i18n();
    let Some((pending, application)) = wizard
        .draft
        .with_untracked(|d| Some((d.pending_submission.clone()?, d.remote.as_ref()?.id.clone())))
    else {
        return;
    };
    for attempt in 1..=ATTEMPTS {
        progress.set(Progress::Sending(attempt));
        let outcome = api::submit(
            &application,
            &pending.key,
            pending.version,
            pending.signature.clone(),
        )
        .await;
        let problem = match outcome {
            Ok(submission) => return finish(wizard, submission),
            Err(failure) if retryable(&failure) => {
                if attempt < ATTEMPTS {
                    sleep(Duration::from_secs(1 << (attempt - 1))).await;
                }
                continue;
            }
            Err(Failure::Problem(problem)) => problem,
            Err(Failure::Unreachable) => continue,
        };
        if problem.code == "already-submitted" {
            // Submitted before, under another key (another tab): show that one.
            if let Ok(found) = api::application(&application).await
                && let Some(submission) = submission_of(found)
            {
                return finish(wizard, submission);
            }
        }
        // Refused for good: this signature will not be accepted; sign again.
        wizard.draft.update(|d| d.pending_submission = None);
        progress.set(Progress::Refused(failure_message(
            i18n,
            &Failure::Problem(problem),
        )));
        return;
    }
    progress.set(Progress::NotSent);
}

/// Whether sending again may succeed: nothing answered, the backend was briefly unable, or
/// the first attempt is still being processed.
fn retryable(failure: &Failure) -> bool {
    match failure {
        Failure::Unreachable => true,
        Failure::Problem(problem) => {
            problem.status >= 500
                || problem.status == 429
                || problem.code == "idempotency-key-in-flight"
        }
    }
}

fn finish(wizard: Wizard, submission: Submission) {
    wizard.draft.update(|d| {
        d.pending_submission = None;
        d.submitted = Some(submission);
    });
    save_now(&wizard.draft.get_untracked());
    wizard.go(&Step::Done);
}

fn submission_of(application: otinish_core::api::Application) -> Option<Submission> {
    Some(Submission {
        application_id: application.id,
        reference_number: application.reference_number?,
        status: application.status,
        submitted_at: application.submitted_at?,
        registered_on: application.registered_on?,
        due_date: application.due_date,
    })
}

async fn sleep(duration: Duration) {
    let (done, wait) = futures_channel::oneshot::channel::<()>();
    set_timeout(
        move || {
            let _ = done.send(());
        },
        duration,
    );
    let _ = wait.await;
}
