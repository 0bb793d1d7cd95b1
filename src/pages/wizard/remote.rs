//! The draft's copy on the backend, for a signed-in applicant. The browser's copy
//! (`crate::draft`) is always written first, so a lost network or a backend outage loses
//! nothing; the backend's copy follows a second after the last change, lets the applicant
//! resume on another device, and is what documents, payment and submission attach to.

use super::Wizard;
use crate::api::{self, Failure};
use crate::draft::{Draft, Remote};
use leptos::prelude::*;
use leptos::task::spawn_local;
use otinish_core::api::{Answers, Application, CreateApplicationRequest};
use std::time::Duration;

/// Whether the backend has the latest answers; shown beside the form and announced politely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing to say: signed out, or nothing changed yet.
    Idle,
    Saving,
    Saved,
    /// Kept in this browser only; sent again with the next change or on "Continue".
    LocalOnly,
}

impl SaveState {
    pub fn message(self) -> Option<&'static str> {
        match self {
            SaveState::Idle => None,
            SaveState::Saving => Some("wizard-save-saving"),
            SaveState::Saved => Some("wizard-save-saved"),
            SaveState::LocalOnly => Some("wizard-save-local"),
        }
    }
}

/// Whether the backend application still matches what the draft asks for. Sub-case,
/// provider and targets are fixed when an application is created.
fn matches(remote: &Remote, draft: &Draft) -> bool {
    Some(&remote.provider) == draft.provider.as_ref()
        && Some(remote.sub_case) == draft.sub_case
        && remote.targets == draft.targets
}

/// The backend application of this draft, created (and given the answers so far) when there
/// is none or the sub-case, provider or targets changed since.
pub async fn ensure(wizard: Wizard) -> Result<Remote, Failure> {
    let draft = wizard.draft.get_untracked();
    if let Some(remote) = draft.remote.as_ref().filter(|r| matches(r, &draft)) {
        return Ok(remote.clone());
    }
    let (Some(provider), Some(sub_case)) = (draft.provider.clone(), draft.sub_case) else {
        return Err(Failure::Unreachable);
    };
    if let Some(stale) = &draft.remote {
        // The old one can no longer become what the applicant wants; a failure here only
        // leaves a draft behind in the cabinet, where it can be discarded.
        let _ = api::discard(&stale.id).await;
    }
    let created = api::create_application(&CreateApplicationRequest {
        service: wizard.service.id.clone(),
        provider: provider.clone(),
        sub_case,
        targets: draft.targets.clone(),
    })
    .await?;
    let mut remote = Remote {
        id: created.id,
        version: created.version,
        provider,
        sub_case,
        targets: draft.targets.clone(),
        saved: Some(digest(&Answers::new())),
    };
    if !draft.answers.is_empty() {
        let saved = api::save_answers(&remote.id, remote.version, &draft.answers).await?;
        remote.version = saved.version;
        remote.saved = Some(digest(&draft.answers));
    }
    let kept = remote.clone();
    // The applicant may have left the form meanwhile; the draft then saves it next time.
    wizard.draft.try_update(|d| d.remote = Some(kept));
    Ok(remote)
}

/// Sends the answers as they stand. A version conflict (another tab or device saved since)
/// is settled in favour of this browser's answers, which are what the applicant sees.
pub async fn push(wizard: Wizard) -> Result<(), Failure> {
    // Run from a timer, possibly after the applicant has left the form.
    let Some(draft) = wizard.draft.try_get_untracked() else {
        return Ok(());
    };
    let Some(remote) = draft.remote.clone().filter(|r| matches(r, &draft)) else {
        return Ok(());
    };
    let sent = digest(&draft.answers);
    if remote.saved == Some(sent) {
        return Ok(());
    }
    let saved = match api::save_answers(&remote.id, remote.version, &draft.answers).await {
        Err(Failure::Problem(problem)) if problem.code == "version-conflict" => {
            let current = api::application(&remote.id).await?;
            api::save_answers(&remote.id, current.version, &draft.answers).await?
        }
        other => other?,
    };
    wizard.draft.try_update(|d| {
        if let Some(r) = d.remote.as_mut().filter(|r| r.id == remote.id) {
            r.version = saved.version;
            r.saved = Some(sent);
        }
    });
    Ok(())
}

/// Saves the answers to the backend a second after the applicant stops typing, while signed
/// in and once the draft has a backend copy.
pub fn autosave(wizard: Wizard, state: RwSignal<SaveState>) {
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let signed_in = wizard.auth.account;
    Effect::new(
        move |previous: Option<Option<otinish_core::api::Answers>>| {
            let answers = wizard
                .draft
                .with(|d| d.remote.is_some().then(|| d.answers.clone()));
            let changed = previous.as_ref().is_some_and(|p| *p != answers);
            if changed && answers.is_some() && signed_in.with_untracked(Option::is_some) {
                if let Some(handle) = pending.get_value() {
                    handle.clear();
                }
                let handle = set_timeout_with_handle(
                    move || {
                        // The timer may fire after the applicant has left the form.
                        state.try_set(SaveState::Saving);
                        spawn_local(async move {
                            let outcome = push(wizard).await;
                            state.try_set(match outcome {
                                Ok(()) => SaveState::Saved,
                                Err(_) => SaveState::LocalOnly,
                            });
                        });
                    },
                    Duration::from_millis(1000),
                )
                .ok();
                pending.set_value(handle);
            }
            answers
        },
    );
}

/// Opens a backend draft (`?application=<id>`, from the cabinet or another device) in this
/// browser, unless this browser already holds the same draft at the same or a later version.
pub fn resume(wizard: Wizard, application: String) {
    let auth = wizard.auth;
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || auth.account.with(Option::is_none) {
            return done.unwrap_or(false);
        }
        let id = application.clone();
        spawn_local(async move {
            if let Ok(found) = api::application(&id).await
                && found.service == wizard.service.id
            {
                wizard.draft.try_update(|draft| adopt(draft, found));
            }
        });
        true
    });
}

fn adopt(draft: &mut Draft, found: Application) {
    let newer_here = draft
        .remote
        .as_ref()
        .is_some_and(|r| r.id == found.id && r.version >= found.version);
    if newer_here {
        return;
    }
    let saved = Some(digest(&found.answers));
    *draft = Draft {
        service: found.service,
        sub_case: Some(found.sub_case),
        provider: Some(found.provider.clone()),
        targets: found.targets.clone(),
        answers: found.answers,
        remote: Some(Remote {
            id: found.id,
            version: found.version,
            provider: found.provider,
            sub_case: found.sub_case,
            targets: found.targets,
            saved,
        }),
        pending_submission: None,
        last_step: draft.last_step.take(),
        submitted: None,
    };
}

/// A digest of answers, to tell whether the backend already holds them. Only compared within
/// one browser, so the hasher need not be stable across builds: a mismatch costs one save.
fn digest(answers: &Answers) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_string(answers)
        .unwrap_or_default()
        .hash(&mut hasher);
    hasher.finish()
}
