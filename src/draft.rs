//! Drafts kept in the browser: everything the applicant has chosen and typed, saved to
//! `localStorage` shortly after each change, so that a reload, a closed tab or a lost network
//! loses nothing. One draft per service.
//!
//! A browser may be shared. A draft belongs to the account that was signed in when it was
//! made (`owner`): another account never sees it, and its backend copy is never sent to. Signing
//! out forgets every draft; on a device the applicant says is shared, drafts are kept in
//! `sessionStorage` only, gone when the browser closes.

use crate::api::IdempotencyKey;
use crate::session::Auth;
use leptos::prelude::*;
use otinish_core::catalog::{SubCase, Target};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Answers by page id, then field id, every value as typed: the contract's own shape, so
/// the draft goes to the backend as it is. A page that repeats ("add another") keeps one set
/// of answers per item.
pub use otinish_core::api::Answers;
use otinish_core::api::{Account, AnswerValue, FieldAnswers, PageAnswers, Signature, Submission};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub service: String,
    /// The ИИН/БИН of the account this draft belongs to; `None` while made signed out (the
    /// first account to open it then takes it). Kept as it is, not as a digest: an ИИН is a
    /// birth date and a few digits, so any digest could be reversed by trying them all, and
    /// the draft beside it is its owner's personal data anyway.
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub sub_case: Option<SubCase>,
    #[serde(default)]
    pub provider: Option<String>,
    /// The licence, its annex, or both, for licences that have annexes.
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub answers: Answers,
    /// The backend's copy, once the applicant is signed in.
    #[serde(default)]
    pub remote: Option<Remote>,
    /// The submission under way, kept with the draft so that a retry, even after a reload,
    /// repeats the same submission instead of making a second.
    #[serde(default)]
    pub pending_submission: Option<PendingSubmission>,
    /// Where the applicant last was (a step's slug): "continue" from the service page or the
    /// cabinet comes back there.
    #[serde(default)]
    pub last_step: Option<String>,
    /// The backend's acknowledgement, once submitted: the confirmation shows it.
    #[serde(default)]
    pub submitted: Option<Submission>,
    /// How a licence fee whose rate no source gives is settled; `None` until chosen.
    #[serde(default)]
    pub fee: Option<FeeWay>,
}

pub use otinish_core::wizard::FeeWay;

/// A submission sent but not yet acknowledged: the exact request and its key, so that every
/// retry (even after a reload) is the same request and the backend makes one application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingSubmission {
    pub key: IdempotencyKey,
    pub version: u32,
    pub signature: Signature,
}

/// The application on the backend that this draft is saved to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Remote {
    pub id: String,
    /// The version last read or written; a save sends it and gets the next one.
    pub version: u32,
    /// What the application was created with: the backend cannot change these, so a draft
    /// whose sub-case, provider or targets change starts a new application.
    pub provider: String,
    pub sub_case: SubCase,
    #[serde(default)]
    pub targets: Vec<Target>,
    /// The answers the backend holds, as last saved or read: unchanged answers are not sent
    /// again (each save moves the version, and a signature is for one version), and a
    /// version conflict is merged against them (`otinish_core::answers::merge`).
    #[serde(default)]
    pub base: Option<Answers>,
}

impl Draft {
    /// The answers of item `index` of a page (0 on a page answered once).
    pub fn item(&self, page: &str, index: usize) -> FieldAnswers {
        match self.answers.get(page) {
            Some(PageAnswers::Once(item)) if index == 0 => item.clone(),
            Some(PageAnswers::Repeated(items)) => items.get(index).cloned().unwrap_or_default(),
            _ => FieldAnswers::new(),
        }
    }

    /// How many items a page has; a page not yet answered has one, empty.
    pub fn item_count(&self, page: &str) -> usize {
        match self.answers.get(page) {
            Some(PageAnswers::Repeated(items)) => items.len().max(1),
            _ => 1,
        }
    }

    pub fn answer(&self, page: &str, index: usize, field: &str) -> String {
        self.item(page, index)
            .get(field)
            .map(text_of)
            .unwrap_or_default()
    }

    pub fn set_answer(&mut self, page: &str, index: usize, field: &str, value: String) {
        self.edit_items(page, |items| {
            while items.len() <= index {
                items.push(FieldAnswers::new());
            }
            items[index].insert(field.to_string(), AnswerValue::Text(value));
        });
    }

    /// Adds an empty item at the end ("add another").
    pub fn add_item(&mut self, page: &str) {
        self.edit_items(page, |items| {
            if items.is_empty() {
                items.push(FieldAnswers::new());
            }
            items.push(FieldAnswers::new());
        });
    }

    pub fn remove_item(&mut self, page: &str, index: usize) {
        self.edit_items(page, |items| {
            if index < items.len() {
                items.remove(index);
            }
        });
    }

    /// Edits a page's items as a list, then stores them in the contract's shape: one item as
    /// a page answered once (which every page accepts), more as a list.
    fn edit_items(&mut self, page: &str, edit: impl FnOnce(&mut Vec<FieldAnswers>)) {
        let mut items = match self.answers.remove(page) {
            Some(PageAnswers::Once(item)) => vec![item],
            Some(PageAnswers::Repeated(items)) => items,
            None => Vec::new(),
        };
        edit(&mut items);
        let settled = if items.len() <= 1 {
            PageAnswers::Once(items.pop().unwrap_or_default())
        } else {
            PageAnswers::Repeated(items)
        };
        self.answers.insert(page.to_string(), settled);
    }
}

/// An answer as the rules read it: check boxes as option ids joined by commas.
pub fn text_of(answer: &AnswerValue) -> String {
    match answer {
        AnswerValue::Text(text) => text.clone(),
        AnswerValue::Choices(choices) => choices.join(","),
    }
}

const DRAFT_PREFIX: &str = "otinish.draft.";

fn key(service: &str) -> String {
    format!("{DRAFT_PREFIX}{service}")
}

/// Set in `sessionStorage` when the applicant signed in on a shared device.
const SHARED_DEVICE_KEY: &str = "otinish.shared-device";

// Natively (the prerendered start of the form, `src/prerender.rs`) there is no storage: no draft.
fn local() -> Option<web_sys::Storage> {
    crate::IN_BROWSER.then(|| window().local_storage().ok().flatten())?
}

fn session() -> Option<web_sys::Storage> {
    crate::IN_BROWSER.then(|| window().session_storage().ok().flatten())?
}

/// Whether the applicant said, when signing in, that this device is shared.
pub fn shared_device() -> bool {
    session()
        .and_then(|s| s.get_item(SHARED_DEVICE_KEY).ok().flatten())
        .is_some()
}

/// Where drafts are kept: for the tab's life only on a shared device.
fn storage() -> Option<web_sys::Storage> {
    if shared_device() { session() } else { local() }
}

/// The ИИН/БИН a draft of `account` is kept under.
pub fn owner_of(account: Option<&Account>) -> Option<String> {
    account.map(|a| a.iin_bin().to_string())
}

/// Whether `owner` (who is signed in, if anyone) may see and send a draft of `draft_owner`.
fn visible_to(draft_owner: Option<&str>, owner: Option<&str>) -> bool {
    draft_owner.is_none() || draft_owner == owner
}

/// What a stored draft says of itself without its answers: whose it is and whether it is
/// under way. Read wherever the whole draft is not needed (the service page, signing in and
/// out), so that the public app does not carry the code that reads a whole one, with its
/// signature and submission (BENCHMARKS.md, section 0b).
#[derive(Deserialize)]
struct DraftHead {
    service: String,
    #[serde(default)]
    owner: Option<String>,
    #[serde(default)]
    last_step: Option<String>,
    #[serde(default)]
    submitted: Option<serde::de::IgnoredAny>,
}

fn stored_head(storage: &web_sys::Storage, key: &str) -> Option<DraftHead> {
    let json = storage.get_item(key).ok().flatten()?;
    serde_json::from_str(&json).ok()
}

/// Whether `owner` (who is signed in, if anyone) has a draft of `service` to come back to:
/// begun and not yet submitted.
pub fn resumable(service: &str, owner: Option<&str>) -> bool {
    storage()
        .and_then(|storage| stored_head(&storage, &key(service)))
        .is_some_and(|head| {
            head.service == service
                && visible_to(head.owner.as_deref(), owner)
                && head.submitted.is_none()
                && head.last_step.is_some()
        })
}

/// The saved draft of a service for `owner` (who is signed in, if anyone), or a new one. A
/// draft made signed out becomes the signed-in applicant's; another account's is not there.
pub fn load(service: &str, owner: Option<&str>) -> Draft {
    let mut draft = storage()
        .and_then(|s| s.get_item(&key(service)).ok().flatten())
        .and_then(|json| serde_json::from_str::<Draft>(&json).ok())
        .filter(|draft| draft.service == service && visible_to(draft.owner.as_deref(), owner))
        .unwrap_or_else(|| Draft {
            service: service.to_string(),
            ..Draft::default()
        });
    if draft.owner.is_none() {
        draft.owner = owner.map(str::to_string);
    }
    draft
}

/// Forgets the saved draft of a service (discarded from the cabinet).
pub fn remove(service: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&key(service));
    }
}

/// Writes the draft to storage at once, for what must survive a reload this instant (a
/// submission under way). Not if its owner is no longer signed in: a page being left after
/// signing out must not write back what signing out forgot.
pub fn save_now(draft: &Draft, owner: Option<&str>) {
    if !visible_to(draft.owner.as_deref(), owner) {
        return;
    }
    let Some(storage) = storage() else { return };
    let key = key(&draft.service);
    // Nor over a draft of an account whose session ended by itself: it waits, unseen, for
    // that applicant to sign back in.
    let stored_owner = stored_head(&storage, &key).and_then(|stored| stored.owner);
    if stored_owner.is_some() && stored_owner != draft.owner {
        return;
    }
    if let Ok(json) = serde_json::to_string(draft) {
        // A full storage must not stop the applicant: the draft stays in memory.
        let _ = storage.set_item(&key, &json);
    }
}

/// The drafts kept in `storage`, by key.
fn stored(storage: &web_sys::Storage) -> Vec<(String, Option<DraftHead>)> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(DRAFT_PREFIX))
        .map(|key| {
            let head = stored_head(storage, &key);
            (key, head)
        })
        .collect()
}

/// Signing out: every draft in this browser is forgotten, the applicant's own included (their
/// backend copies stay), and the device is no longer marked shared.
pub fn forget_all() {
    for storage in [local(), session()].into_iter().flatten() {
        for (key, _) in stored(&storage) {
            let _ = storage.remove_item(&key);
        }
    }
    if let Some(session) = session() {
        let _ = session.remove_item(SHARED_DEVICE_KEY);
    }
}

/// Signing in as `owner`: drafts of any other account are forgotten (left by someone whose
/// session ended without signing out). On a shared device the applicant's drafts move out of
/// `localStorage`, to be gone when the browser closes.
pub fn signed_in(owner: &str, shared: bool) {
    if shared && let Some(session) = session() {
        let _ = session.set_item(SHARED_DEVICE_KEY, "1");
    }
    for (storage, is_local) in [(local(), true), (session(), false)] {
        let Some(storage) = storage else { continue };
        for (key, head) in stored(&storage) {
            let mine = head
                .as_ref()
                .is_some_and(|d| visible_to(d.owner.as_deref(), Some(owner)));
            if !mine {
                let _ = storage.remove_item(&key);
            } else if shared && is_local {
                if let (Some(session), Ok(Some(json))) = (session(), storage.get_item(&key)) {
                    let _ = session.set_item(&key, &json);
                }
                let _ = storage.remove_item(&key);
            }
        }
    }
}

/// A draft signal that saves itself 300 ms after the last change: typing does not write to
/// storage on every keystroke, and nothing typed is more than a blink away from being kept.
/// Loaded for whoever is signed in now; written only while they still are.
pub fn use_draft(service: &str, auth: Auth) -> RwSignal<Draft> {
    let owner = move || auth.owner();
    let draft = RwSignal::new(load(service, owner().as_deref()));
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |first: Option<()>| {
        let current = draft.get();
        if first.is_none() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || save_now(&current, owner().as_deref()),
            Duration::from_millis(300),
        )
        .ok();
        pending.set_value(handle);
    });
    // Leaving the page saves at once, whatever the timer: moving to another page of the app,
    // and closing or reloading the tab alike.
    on_cleanup(move || save_now(&draft.get_untracked(), owner().as_deref()));
    if !crate::IN_BROWSER {
        return draft; // prerendered: no window to listen to
    }
    let unload = window_event_listener(leptos::ev::pagehide, move |_| {
        if let Some(current) = draft.try_get_untracked() {
            save_now(&current, owner().as_deref());
        }
    });
    on_cleanup(move || unload.remove());
    draft
}
