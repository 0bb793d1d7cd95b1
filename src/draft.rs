//! Drafts kept in the browser: everything the applicant has chosen and typed, saved to
//! `localStorage` shortly after each change, so that a reload, a closed tab or a lost network
//! loses nothing. One draft per service.

use leptos::prelude::*;
use crate::api::IdempotencyKey;
use otinish_core::catalog::{SubCase, Target};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::Duration;

/// Answers by page id, then field id; every value as typed.
pub type Answers = BTreeMap<String, BTreeMap<String, String>>;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub service: String,
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
    /// The idempotency key of the submission under way: kept with the draft so that a retry,
    /// even after a reload, repeats the same submission instead of making a second.
    #[serde(default)]
    pub submission_key: Option<IdempotencyKey>,
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
}

impl Draft {
    pub fn answer(&self, page: &str, field: &str) -> String {
        self.answers
            .get(page)
            .and_then(|p| p.get(field))
            .cloned()
            .unwrap_or_default()
    }

    pub fn set_answer(&mut self, page: &str, field: &str, value: String) {
        self.answers
            .entry(page.to_string())
            .or_default()
            .insert(field.to_string(), value);
    }
}

fn key(service: &str) -> String {
    format!("otinish.draft.{service}")
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The saved draft of a service, or a new one.
pub fn load(service: &str) -> Draft {
    storage()
        .and_then(|s| s.get_item(&key(service)).ok().flatten())
        .and_then(|json| serde_json::from_str::<Draft>(&json).ok())
        .filter(|draft| draft.service == service)
        .unwrap_or_else(|| Draft {
            service: service.to_string(),
            ..Draft::default()
        })
}

fn save_now(draft: &Draft) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(draft)) {
        // A full storage must not stop the applicant: the draft stays in memory.
        let _ = storage.set_item(&key(&draft.service), &json);
    }
}

/// A draft signal that saves itself 300 ms after the last change: typing does not write to
/// storage on every keystroke, and nothing typed is more than a blink away from being kept.
pub fn use_draft(service: &str) -> RwSignal<Draft> {
    let draft = RwSignal::new(load(service));
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |first: Option<()>| {
        let current = draft.get();
        if first.is_none() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle =
            set_timeout_with_handle(move || save_now(&current), Duration::from_millis(300)).ok();
        pending.set_value(handle);
    });
    // Leaving the page saves at once, whatever the timer.
    on_cleanup(move || save_now(&draft.get_untracked()));
    draft
}
