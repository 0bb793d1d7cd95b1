//! The session's end, announced in time (WCAG 2.2.1 Timing Adjustable). The backend ends a
//! session after `limits.session_idle_seconds` without a request; the app counts the same
//! idle time from the applicant's last key press or click (in any tab), warns before it runs
//! out with a button that keeps the session, and when it has run out signs out and offers to
//! sign in again, back to the same page. Drafts are in the browser, so nothing typed is lost.

use crate::api;
use crate::i18n::Arg;
use crate::i18n::use_i18n;
use crate::session::{sign_in_href, use_auth, use_current_path};
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// When the applicant last did something, shared by every tab (milliseconds since 1970).
const ACTIVE_KEY: &str = "otinish.session.active-at";
/// A key press or click renews the session at most this often.
const RENEW_EVERY_MS: f64 = 60_000.0;
/// The backend moves a session's expiry at most once a minute: count a minute less.
const BACKEND_SLACK_MS: f64 = 60_000.0;
/// The warning comes this long before the end, or a quarter of the idle time if shorter.
const WARN_MS: f64 = 120_000.0;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    Quiet,
    /// The session ends soon unless the applicant stays.
    Warning,
    Ended,
}

fn now_ms() -> f64 {
    web_sys::js_sys::Date::now()
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn last_active() -> f64 {
    storage()
        .and_then(|s| s.get_item(ACTIVE_KEY).ok().flatten())
        .and_then(|text| text.parse::<f64>().ok())
        .unwrap_or(0.0)
}

fn mark_active() {
    if let Some(storage) = storage() {
        let _ = storage.set_item(ACTIVE_KEY, &now_ms().to_string());
    }
}

/// The phase `idle_ms` of idleness gives `since_ms` after the last activity, and the
/// seconds left before the end.
fn phase_after(since_ms: f64, idle_ms: f64) -> (Phase, u32) {
    let lifetime = idle_ms - BACKEND_SLACK_MS.min(idle_ms / 10.0);
    let left = lifetime - since_ms;
    let seconds = (left.max(0.0) / 1000.0).ceil() as u32;
    let phase = if left <= 0.0 {
        Phase::Ended
    } else if left <= WARN_MS.min(idle_ms / 4.0) {
        Phase::Warning
    } else {
        Phase::Quiet
    };
    (phase, seconds)
}

#[component]
pub fn SessionTimeout() -> impl IntoView {
    let i18n = use_i18n();
    let current_path = use_current_path();
    let auth = use_auth();
    let idle_ms: RwSignal<Option<f64>> = RwSignal::new(None);
    let phase = RwSignal::new(Phase::Quiet);
    // Apart from the phase, so that the countdown changes one text, not the dialog.
    let seconds_left = RwSignal::new(0u32);
    let renewing = RwSignal::new(false);
    let dialog = NodeRef::<Dialog>::new();
    let signed_in = Memo::new(move |_| auth.account.with(Option::is_some));

    // Signing in starts the count; the backend says how long a session lasts.
    Effect::new(move |_| {
        if !signed_in.get() {
            if phase.get_untracked() != Phase::Ended {
                phase.set(Phase::Quiet);
            }
            return;
        }
        mark_active();
        phase.set(Phase::Quiet);
        if idle_ms.get_untracked().is_none() {
            spawn_local(async move {
                if let Ok(config) = api::config().await {
                    idle_ms.set(Some(f64::from(config.limits.session_idle_seconds) * 1000.0));
                }
            });
        }
    });

    // Asking the backend who is signed in is an authenticated call: it renews the session.
    let renew = move || {
        if renewing.get_untracked() {
            return;
        }
        renewing.set(true);
        spawn_local(async move {
            match api::me().await {
                Ok(_) => {
                    mark_active();
                    phase.set(Phase::Quiet);
                }
                Err(failure) if failure.status() == Some(401) => {
                    phase.set(Phase::Ended);
                    auth.session_ended();
                }
                Err(_) => {}
            }
            renewing.set(false);
        });
    };

    let on_activity = move || {
        if signed_in.get_untracked()
            && phase.get_untracked() == Phase::Quiet
            && now_ms() - last_active() > RENEW_EVERY_MS
        {
            renew();
        }
    };
    let keys = window_event_listener(leptos::ev::keydown, move |_| on_activity());
    let clicks = window_event_listener(leptos::ev::pointerdown, move |_| on_activity());

    let tick = set_interval_with_handle(
        move || {
            let (Some(idle), true) = (idle_ms.get_untracked(), signed_in.get_untracked()) else {
                return;
            };
            if phase.get_untracked() == Phase::Ended {
                return;
            }
            let (next, seconds) = phase_after(now_ms() - last_active(), idle);
            seconds_left.set(seconds);
            if next == Phase::Ended {
                auth.session_ended();
            }
            if phase.get_untracked() != next {
                phase.set(next);
            }
        },
        Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        keys.remove();
        clicks.remove();
        if let Some(tick) = tick {
            tick.clear();
        }
    });

    // The dialog is modal while it has something to say.
    Effect::new(move |_| {
        let open = phase.get() != Phase::Quiet;
        let Some(dialog) = dialog.get() else { return };
        if !open {
            if dialog.open() {
                dialog.close();
            }
            return;
        }
        if !dialog.open() {
            let _ = dialog.show_modal();
        }
        // The new content is rendered by now or in the same turn: focus its first action,
        // which a screen reader announces with the dialog.
        spawn_local(async move {
            if let Some(action) = dialog
                .query_selector("[autofocus]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = action.focus();
            }
        });
    });

    let stay = move |_| renew();
    let sign_out = move |_| {
        phase.set(Phase::Quiet);
        auth.sign_out();
    };
    let close = move |_| phase.set(Phase::Quiet);
    // Escape closes a modal dialog: while warning, that means "stay".
    let on_cancel = move |event: leptos::ev::Event| {
        event.prevent_default();
        match phase.get_untracked() {
            Phase::Warning => renew(),
            _ => phase.set(Phase::Quiet),
        }
    };

    let content = move || {
        match phase.get() {
        Phase::Quiet => ().into_any(),
        Phase::Warning => {
            let countdown = move || {
                let seconds = seconds_left.get();
                i18n.t_with(
                    "session-warning-countdown",
                    &[
                        ("minutes", Arg::from(seconds / 60)),
                        ("seconds", Arg::from(seconds % 60)),
                    ],
                )
            };
            view! {
                <h2 class="dialog__title" id="session-dialog-title">{i18n.text("session-warning-title")}</h2>
                <p id="session-dialog-text">{i18n.text("session-warning-text")}</p>
                <p class="dialog__countdown" role="timer">{countdown}</p>
                <div class="button-group">
                    <button type="button" class="button" on:click=stay autofocus>{i18n.text("session-stay")}</button>
                    <button type="button" class="button button--secondary" on:click=sign_out>{i18n.text("session-sign-out")}</button>
                </div>
            }
            .into_any()
        }
        Phase::Ended => view! {
            <h2 class="dialog__title" id="session-dialog-title">{i18n.text("session-ended-title")}</h2>
            <p id="session-dialog-text">{i18n.text("session-ended-text")}</p>
            <div class="button-group">
                <a class="button" href=sign_in_href(&current_path()) on:click=close autofocus>{i18n.text("session-sign-in-again")}</a>
                <button type="button" class="button button--secondary" on:click=close>{i18n.text("session-close")}</button>
            </div>
        }
        .into_any(),
    }
    };
    // `data-idle-seconds`: the backend's limit, once known (tests wait for it).
    view! {
        <dialog class="dialog" node_ref=dialog aria-labelledby="session-dialog-title"
            data-idle-seconds=move || idle_ms.get().map(|ms| (ms / 1000.0).to_string())
            aria-describedby="session-dialog-text" on:cancel=on_cancel>
            {content}
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HALF_HOUR: f64 = 30.0 * 60_000.0;

    #[test]
    fn the_warning_comes_two_minutes_before_a_minute_early_end() {
        let minute = 60_000.0;
        assert_eq!(phase_after(26.0 * minute, HALF_HOUR).0, Phase::Quiet);
        assert_eq!(phase_after(27.5 * minute, HALF_HOUR), (Phase::Warning, 90));
        assert_eq!(phase_after(29.0 * minute, HALF_HOUR), (Phase::Ended, 0));
    }

    #[test]
    fn a_short_session_still_warns_before_it_ends() {
        // 80 s of idleness: the end comes at 72 s, the warning 20 s before.
        assert_eq!(phase_after(51_000.0, 80_000.0).0, Phase::Quiet);
        assert_eq!(phase_after(53_000.0, 80_000.0), (Phase::Warning, 19));
        assert_eq!(phase_after(72_000.0, 80_000.0).0, Phase::Ended);
    }
}
