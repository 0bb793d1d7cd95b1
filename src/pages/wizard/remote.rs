//! The draft's copy on the backend, for a signed-in applicant. The browser's copy
//! (`crate::draft`) is always written first, so a lost network or a backend outage loses
//! nothing; the backend's copy follows a second after the last change, lets the applicant
//! resume on another device, and is what documents, payment and submission attach to.

use super::Wizard;
use crate::api::{self, Failure};
use crate::draft::{Draft, Remote};
use futures_channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;
use otinish_core::answers;
use otinish_core::api::{Answers, Application, CreateApplicationRequest};
use std::time::Duration;

/// Whether the backend has the latest answers; shown beside the form and announced politely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing to say: signed out, or nothing changed yet.
    Idle,
    Saving,
    Saved,
    /// Another tab or device had saved meantime; both sets of changes were kept, and where
    /// they differed on the same answer, this browser's.
    Merged {
        conflicts: bool,
    },
    /// Kept in this browser only: the backend is out of reach. Sent again when the network
    /// comes back, and meanwhile with growing pauses.
    LocalOnly,
    /// The backend answered, but would not take the answers (a session that ended, an
    /// application no longer editable); kept in this browser.
    Refused,
}

impl SaveState {
    pub fn message(self) -> Option<&'static str> {
        match self {
            SaveState::Idle => None,
            SaveState::Saving => Some("wizard-save-saving"),
            SaveState::Saved => Some("wizard-save-saved"),
            SaveState::Merged { conflicts: false } => Some("wizard-save-merged"),
            SaveState::Merged { conflicts: true } => Some("wizard-save-merged-conflicts"),
            SaveState::LocalOnly => Some("wizard-save-local"),
            SaveState::Refused => Some("wizard-save-refused"),
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

/// Callers waiting for the backend copy being created: the documents step, "check your
/// answers" and signing may each ask at once, and must get one application, not one each.
#[derive(Clone, Copy)]
pub struct Creation(StoredValue<Option<Vec<Waiter>>>);

/// Where a caller waiting for the creation under way is told its result.
type Waiter = oneshot::Sender<Result<Remote, Failure>>;

impl Creation {
    pub fn idle() -> Creation {
        Creation(StoredValue::new(None))
    }
}

/// The backend application of this draft, created (and given the answers so far) when there
/// is none or the sub-case, provider or targets changed since. One creation at a time: a
/// caller arriving while one is under way waits for its result.
pub async fn ensure(wizard: Wizard) -> Result<Remote, Failure> {
    let Some(draft) = wizard.draft.try_get_untracked() else {
        return Err(Failure::Unreachable);
    };
    if let Some(remote) = draft.remote.as_ref().filter(|r| matches(r, &draft)) {
        return Ok(remote.clone());
    }
    let waiting = wizard
        .creation
        .0
        .try_update_value(|flight| match flight {
            Some(waiters) => {
                let (sender, receiver) = oneshot::channel();
                waiters.push(sender);
                Some(receiver)
            }
            None => {
                *flight = Some(Vec::new());
                None
            }
        })
        .flatten();
    if let Some(receiver) = waiting {
        return receiver.await.unwrap_or(Err(Failure::Unreachable));
    }
    let created = create(wizard, draft).await;
    let waiters = wizard
        .creation
        .0
        .try_update_value(Option::take)
        .flatten()
        .unwrap_or_default();
    for waiter in waiters {
        let _ = waiter.send(created.clone());
    }
    created
}

async fn create(wizard: Wizard, draft: Draft) -> Result<Remote, Failure> {
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
        base: Some(Answers::new()),
    };
    if !draft.answers.is_empty() {
        let saved = api::save_answers(&remote.id, remote.version, &draft.answers).await?;
        remote.version = saved.version;
        remote.base = Some(draft.answers.clone());
    }
    let kept = remote.clone();
    // The applicant may have left the form meanwhile; the draft then saves it next time.
    wizard.draft.try_update(|d| d.remote = Some(kept));
    Ok(remote)
}

/// What a push did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pushed {
    /// The backend already had these answers, or there is no backend copy yet.
    Unchanged,
    Saved,
    /// Another tab or device had saved since: merged, see [`SaveState::Merged`].
    Merged {
        conflicts: bool,
    },
}

/// Sends the answers as they stand. A version conflict (another tab or device saved since)
/// is merged answer by answer against what both started from, never overwritten. An
/// application the backend does not have (discarded elsewhere) is made again, so the
/// applicant always has a way on.
pub async fn push(wizard: Wizard) -> Result<Pushed, Failure> {
    // Run from a timer, possibly after the applicant has left the form.
    let Some(draft) = wizard.draft.try_get_untracked() else {
        return Ok(Pushed::Unchanged);
    };
    let Some(remote) = draft.remote.clone().filter(|r| matches(r, &draft)) else {
        return Ok(Pushed::Unchanged);
    };
    if remote.base.as_ref() == Some(&draft.answers) {
        return Ok(Pushed::Unchanged);
    }
    let sent = draft.answers;
    let (saved, kept, pushed) = match api::save_answers(&remote.id, remote.version, &sent).await {
        Ok(saved) => (saved, sent.clone(), Pushed::Saved),
        Err(Failure::Problem(problem)) if problem.code == "version-conflict" => {
            let current = api::application(&remote.id).await?;
            let base = remote.base.clone().unwrap_or_default();
            let merged = answers::merge(&base, &sent, &current.answers);
            let saved = api::save_answers(&remote.id, current.version, &merged.answers).await?;
            let conflicts = !merged.conflicts.is_empty();
            (saved, merged.answers, Pushed::Merged { conflicts })
        }
        Err(Failure::Problem(problem)) if problem.status == 404 => {
            wizard.draft.try_update(|d| d.remote = None);
            ensure(wizard).await?;
            return Ok(Pushed::Saved);
        }
        Err(failure) => return Err(failure),
    };
    wizard.draft.try_update(|d| {
        if matches!(pushed, Pushed::Merged { .. }) {
            // What was typed while the merge was under way stays on top of it.
            d.answers = answers::merge(&sent, &d.answers, &kept).answers;
        }
        if let Some(r) = d.remote.as_mut().filter(|r| r.id == remote.id) {
            r.version = saved.version;
            r.base = Some(kept.clone());
        }
    });
    Ok(pushed)
}

/// Saves the answers to the backend a second after the applicant stops typing, while signed
/// in and once the draft has a backend copy. When the backend is out of reach it tries
/// again after 2, 4, 8… up to 30 s, and at once when the browser says it is back online.
pub fn autosave(wizard: Wizard, state: RwSignal<SaveState>) {
    let saver = Saver {
        wizard,
        state,
        timer: StoredValue::new(None),
        retry: StoredValue::new(RETRY_FIRST),
    };
    let signed_in = wizard.auth.account;
    Effect::new(move |previous: Option<Option<Answers>>| {
        let answers = wizard
            .draft
            .with(|d| d.remote.is_some().then(|| d.answers.clone()));
        let changed = previous.as_ref().is_some_and(|p| *p != answers);
        if changed && answers.is_some() && signed_in.with_untracked(Option::is_some) {
            saver.after(Duration::from_millis(1000));
        }
        answers
    });
    let online = window_event_listener(leptos::ev::online, move |_| {
        if matches!(
            state.get_untracked(),
            SaveState::LocalOnly | SaveState::Saving
        ) {
            saver.after(Duration::ZERO);
        }
    });
    on_cleanup(move || online.remove());
}

const RETRY_FIRST: Duration = Duration::from_secs(2);
const RETRY_MAX: Duration = Duration::from_secs(30);

#[derive(Clone, Copy)]
struct Saver {
    wizard: Wizard,
    state: RwSignal<SaveState>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// The pause before the next try while the backend is out of reach.
    retry: StoredValue<Duration>,
}

impl Saver {
    /// Saves after `delay`, instead of any save already waiting.
    fn after(self, delay: Duration) {
        if let Some(handle) = self.timer.try_get_value().flatten() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.now(), delay).ok();
        self.timer.try_set_value(handle);
    }

    fn now(self) {
        // The timer may fire after the applicant has left the form.
        if self.state.try_set(SaveState::Saving).is_some() {
            return;
        }
        spawn_local(async move {
            let outcome = push(self.wizard).await;
            let state = match outcome {
                Ok(Pushed::Merged { conflicts }) => SaveState::Merged { conflicts },
                Ok(_) => SaveState::Saved,
                Err(Failure::Unreachable) => SaveState::LocalOnly,
                Err(Failure::Problem(_)) => SaveState::Refused,
            };
            if self.state.try_set(state).is_some() {
                return;
            }
            if state == SaveState::LocalOnly {
                let Some(pause) = self.retry.try_get_value() else {
                    return;
                };
                self.retry.try_set_value((pause * 2).min(RETRY_MAX));
                self.after(pause);
            } else {
                self.retry.try_set_value(RETRY_FIRST);
            }
        });
    }
}

/// Opens a backend draft (`?application=<id>`, from the cabinet or another device) in this
/// browser, unless this browser already holds the same draft at the same or a later version.
/// Ready once the draft is adopted, or found not to be this account's: until then the form
/// is not shown, so that nothing typed or pressed meanwhile goes to a new application.
pub fn resume(wizard: Wizard, application: String) -> LocalResource<()> {
    LocalResource::new(move || {
        let id = application.clone();
        let signed_in = wizard.auth.account.with_untracked(Option::is_some);
        async move {
            if signed_in
                && let Ok(found) = api::application(&id).await
                && found.service == wizard.service.id
            {
                wizard.draft.try_update(|draft| adopt(draft, found));
            }
        }
    })
}

fn adopt(draft: &mut Draft, found: Application) {
    let newer_here = draft
        .remote
        .as_ref()
        .is_some_and(|r| r.id == found.id && r.version >= found.version);
    if newer_here {
        return;
    }
    let base = Some(found.answers.clone());
    *draft = Draft {
        service: found.service,
        owner: draft.owner.take(),
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
            base,
        }),
        pending_submission: None,
        last_step: draft.last_step.take(),
        submitted: None,
        // The way of paying lives in this browser only; the backend has what it led to.
        fee: draft.fee.take(),
    };
}
