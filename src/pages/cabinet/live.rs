//! Live updates: the cabinet asks the backend again and again, soon after a change and less
//! often while nothing changes (the contract has no push), and says what changed in a polite
//! live region, so that a screen reader announces it without taking the applicant away.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// What one check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    Changed,
    Same,
    /// No answer: the network or the backend is down.
    Failed,
    /// Nothing more will change: stop asking.
    Finished,
}

/// The wait before the next check: short after a change, growing by half while nothing
/// changes, doubling while the backend does not answer, and never above a minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub wait_ms: u32,
}

impl Backoff {
    pub const FIRST_MS: u32 = 3_000;
    pub const MAX_MS: u32 = 60_000;

    pub fn new() -> Backoff {
        Backoff {
            wait_ms: Self::FIRST_MS,
        }
    }

    pub fn after(self, checked: Checked) -> Backoff {
        let wait_ms = match checked {
            Checked::Changed => Self::FIRST_MS,
            Checked::Same | Checked::Finished => self.wait_ms.saturating_mul(3) / 2,
            Checked::Failed => self.wait_ms.saturating_mul(2),
        };
        Backoff {
            wait_ms: wait_ms.min(Self::MAX_MS),
        }
    }
}

/// The resolution of the waits.
const TICK: Duration = Duration::from_secs(1);

/// Where the checking stands between ticks.
struct Poll {
    backoff: Backoff,
    waited: Duration,
    busy: bool,
    done: bool,
}

/// Runs `check` while the calling component lives, with [`Backoff`] between runs. A tab the
/// applicant cannot see does not ask; one that comes back into view, or a network that comes
/// back, asks at once.
pub fn keep_checking<F, Fut>(check: F)
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Checked> + 'static,
{
    let nudged = Arc::new(AtomicBool::new(false));
    let nudge = {
        let nudged = nudged.clone();
        move || nudged.store(true, Ordering::Relaxed)
    };
    let focus = window_event_listener(leptos::ev::focus, {
        let nudge = nudge.clone();
        move |_| nudge()
    });
    let online = window_event_listener(leptos::ev::online, move |_| nudge());
    let poll = Rc::new(RefCell::new(Poll {
        backoff: Backoff::new(),
        waited: Duration::ZERO,
        busy: false,
        done: false,
    }));
    let check = Rc::new(check);
    let tick = set_interval_with_handle(
        move || {
            let mut state = poll.borrow_mut();
            if state.done || state.busy {
                return;
            }
            state.waited += TICK;
            if document().hidden() {
                return;
            }
            let due = state.waited.as_millis() >= u128::from(state.backoff.wait_ms);
            if !due && !nudged.swap(false, Ordering::Relaxed) {
                return;
            }
            state.waited = Duration::ZERO;
            state.busy = true;
            let (poll, check) = (poll.clone(), check.clone());
            spawn_local(async move {
                let checked = check().await;
                let mut state = poll.borrow_mut();
                state.busy = false;
                state.done = checked == Checked::Finished;
                state.backoff = state.backoff.after(checked);
            });
        },
        TICK,
    )
    .ok();
    on_cleanup(move || {
        if let Some(tick) = tick {
            tick.clear();
        }
        focus.remove();
        online.remove();
    });
}

/// A polite live region. It is in the page from the start, as screen readers only announce
/// changes to a region they already know.
#[component]
pub fn Announcer(message: RwSignal<String>) -> impl IntoView {
    view! { <p class="visually-hidden" role="status" aria-live="polite">{move || message.get()}</p> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_while_nothing_changes_and_restart_after_a_change() {
        let mut backoff = Backoff::new();
        let mut waits = Vec::new();
        for _ in 0..4 {
            backoff = backoff.after(Checked::Same);
            waits.push(backoff.wait_ms);
        }
        assert_eq!(waits, [4_500, 6_750, 10_125, 15_187]);
        assert_eq!(backoff.after(Checked::Changed), Backoff::new());
        assert_eq!(Backoff::new().after(Checked::Failed).wait_ms, 6_000);
        let mut slow = Backoff::new();
        for _ in 0..20 {
            slow = slow.after(Checked::Failed);
        }
        assert_eq!(slow.wait_ms, Backoff::MAX_MS);
    }
}
