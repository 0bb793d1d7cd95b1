//! Signing and submitting. The backend gives the exact bytes to sign; the applicant's chosen
//! signer (`crate::signing`) signs them; the submission is sent with an idempotency key kept
//! in the draft, and sent again with the same key while the network fails, so a flaky
//! connection yields exactly one application. Every moment of it is shown and announced.
//!
//! Two ways to sign: NCALayer with a key on this computer, or the eGov mobile app on a
//! phone (`crate::signing::EgovMobileSigner`), whose signature the backend keeps and the
//! submission names. On a phone, where NCALayer cannot run, eGov mobile comes first.

use super::steps::Step;
use super::{Wizard, remote};
use crate::api::{self, Failure, IdempotencyKey};
use crate::components::failure_message;
use crate::draft::{PendingSubmission, save_now};
use crate::i18n::use_i18n;
use crate::router::A;
use crate::signing::{
    EgovMobileSigner, EgovPurpose, OnSigned, SIGNATURE_REFUSALS, SignatureRefusal, Signer,
    SignerChoice, SignerFailure, SigningError, StartSession, is_phone, sleep,
};
use leptos::prelude::*;
use otinish_core::api::{Account, Signature, SignatureMethod, Submission};
use std::rc::Rc;
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
    /// The backend refused the signature itself (another ИИН/БИН, an expired certificate…):
    /// the code, one of `SIGNATURE_REFUSALS`.
    SignatureRefused(String),
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
    // Nothing is chosen for the applicant: where their key is, only they know.
    let chosen = RwSignal::new(None::<Signer>);
    let unchosen = RwSignal::new(false);
    // The test signer is offered only by a backend in test mode that accepts it.
    let config = LocalResource::new(api::config);
    let test_mode = move || {
        config.get().map(|config| {
            config
                .is_ok_and(|c| c.test_mode && c.signature_methods.contains(&SignatureMethod::Test))
        })
    };

    // Signing with the chosen signer (`Some`), then sending the submission kept in the draft;
    // sending alone (`None`): one signed on the phone, one kept over a reload or a lost
    // connection, and "send again".
    let submitting = Action::new_local(move |signer: &Option<Signer>| {
        let signer = *signer;
        async move {
            if let Some(signer) = signer
                && let Err(stopped) = sign(wizard, signer).await
            {
                progress.set(stopped);
                return;
            }
            send(wizard, progress).await;
        }
    });

    // A submission sent before a reload or a lost connection is finished first.
    if wizard
        .draft
        .with_untracked(|d| d.pending_submission.is_some())
    {
        submitting.dispatch(None);
    }

    let start = move |_| {
        if submitting.pending().get_untracked() {
            return;
        }
        let Some(signer) = chosen.get_untracked() else {
            unchosen.set(true);
            return;
        };
        unchosen.set(false);
        progress.set(Progress::Signing);
        submitting.dispatch(Some(signer));
    };
    let resend = move |_| {
        submitting.dispatch(None);
    };

    let signer_choice = move || {
        let test = test_mode()?;
        Some(view! { <SignerChoice test_mode=test chosen missing=unchosen/> })
    };

    let status = move || {
        match progress.get() {
        Progress::Ready => None,
        Progress::Signing => {
            // NCALayer opens its own window, which may come up behind the browser's.
            let signing = match chosen.get_untracked() {
                Some(Signer::NcaLayer(_)) => "signing-ncalayer-open",
                _ => "wizard-sign-signing",
            };
            Some(view! { <p>{i18n.text(signing)}</p> }.into_any())
        }
        Progress::Sending(attempt) => Some(
            view! { <p>{i18n.t_with("wizard-sign-sending", &[("attempt", attempt.into())])}</p> }
                .into_any(),
        ),
        Progress::SignerFailed(error) => Some(view! { <SignerFailure error/> }.into_any()),
        Progress::SignatureRefused(code) => Some(view! { <SignatureRefusal code/> }.into_any()),
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
            Progress::Ready
                | Progress::SignerFailed(_)
                | Progress::SignatureRefused(_)
                | Progress::Refused(_)
        )
    };

    // The version the phone signs, kept for the submission.
    let egov_version = RwSignal::new(None::<u32>);
    let business = wizard
        .auth
        .account
        .with_untracked(|account| matches!(account, Some(Account::LegalEntity(_))));
    let egov_mobile = view! {
        <EgovMobileSigner purpose=EgovPurpose::Signing business
            start=egov_mobile_start(wizard, egov_version)
            on_signed=egov_mobile_signed(wizard, egov_version, submitting)/>
    };
    let ncalayer = view! {
        <section class="sign-method" aria-labelledby="sign-ncalayer-title">
            <h2 id="sign-ncalayer-title">{i18n.text("signing-ncalayer-title")}</h2>
            {signer_choice}
            <Show when=can_start>
                <button type="button" class="button" on:click=start>{i18n.text("wizard-sign-submit")}</button>
            </Show>
        </section>
    };
    // On a phone NCALayer cannot run: eGov mobile first, in the reading order too.
    let methods = if is_phone() {
        view! { <div class="sign-methods sign-methods--phone">{egov_mobile}{ncalayer}</div> }
            .into_any()
    } else {
        view! { <div class="sign-methods">{ncalayer}{egov_mobile}</div> }.into_any()
    };

    view! {
        <p>{i18n.text("wizard-sign-intro")}</p>
        {methods}
        <div role="status" aria-live="polite">{status}</div>
    }
}

/// Starts an eGov mobile session for the application: the answers saved first, as for
/// NCALayer, and the version the phone signs kept for the submission.
fn egov_mobile_start(wizard: Wizard, version: RwSignal<Option<u32>>) -> StartSession {
    Rc::new(move || {
        Box::pin(async move {
            let i18n = wizard.i18n;
            let worded = |failure: Failure| failure_message(i18n, &failure);
            let remote = remote::ensure(wizard).await.map_err(worded)?;
            remote::push(wizard).await.map_err(worded)?;
            let data = api::signing_data(&remote.id).await.map_err(worded)?;
            let session = api::start_egov_mobile_signing(&remote.id)
                .await
                .map_err(worded)?;
            version.set(Some(data.version));
            Ok(session)
        })
    })
}

/// The phone has signed: the submission is kept in the draft and sent, as NCALayer's is.
fn egov_mobile_signed(
    wizard: Wizard,
    version: RwSignal<Option<u32>>,
    submitting: Action<Option<Signer>, ()>,
) -> OnSigned {
    Rc::new(move |poll| {
        let Some(version) = version.get_untracked() else {
            return;
        };
        wizard.draft.update(|d| {
            d.pending_submission = Some(PendingSubmission {
                key: IdempotencyKey::new(),
                version,
                signature: Signature::EgovMobile { poll },
            });
        });
        save_now(
            &wizard.draft.get_untracked(),
            wizard.auth.owner().as_deref(),
        );
        submitting.dispatch(None);
    })
}

/// Saves the answers, signs the bytes the backend gives, and keeps the submission to send in
/// the draft (written at once, so a reload cannot lose it).
async fn sign(wizard: Wizard, signer: Signer) -> Result<(), Progress> {
    let i18n = wizard.i18n;
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
    save_now(
        &wizard.draft.get_untracked(),
        wizard.auth.owner().as_deref(),
    );
    Ok(())
}

/// Sends the kept submission until the backend answers, waiting 1, 2, 4… s between attempts
/// that did not reach it. The same key and body every time: one application, never two.
async fn send(wizard: Wizard, progress: RwSignal<Progress>) {
    let i18n = wizard.i18n;
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
                } else if let Failure::Problem(problem) = &failure
                    && SIGNATURE_REFUSALS.contains(&problem.code.as_str())
                {
                    // The signature could not be verified now (OCSP or the verifier out of
                    // reach): say so; signing again later sends it again.
                    wizard.draft.update(|d| d.pending_submission = None);
                    progress.set(Progress::SignatureRefused(problem.code.clone()));
                    return;
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
        if SIGNATURE_REFUSALS.contains(&problem.code.as_str()) {
            progress.set(Progress::SignatureRefused(problem.code));
            return;
        }
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
    save_now(
        &wizard.draft.get_untracked(),
        wizard.auth.owner().as_deref(),
    );
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
