//! How a status and a due date read: a tag with the status's name, and the due date with
//! what is left of it, overdue ones marked in words as well as colour.

use crate::format;
use crate::i18n::Arg;
use crate::i18n::{I18n, use_i18n};
use chrono::NaiveDate;
use leptos::prelude::*;
use otinish_core::api::ApplicationStatus as Status;
use otinish_core::calendar;
use otinish_core::catalog::{TimeUnit, messages};
use otinish_core::status::is_overdue;

/// The message id of a status's name: `status-under-review`.
pub fn status_name(status: Status) -> String {
    messages::of("status", &status)
}

/// A status as a GOV.UK tag: green once issued, red when refused, grey before submission.
#[component]
pub fn StatusTag(status: Status) -> impl IntoView {
    let i18n = use_i18n();
    let class = match status {
        Status::Issued => "tag tag--issued",
        Status::Refused => "tag tag--refused",
        status if !status.is_submitted() => "tag tag--draft",
        _ => "tag",
    };
    view! { <strong class=class>{i18n.text(status_name(status))}</strong> }
}

/// "до 23 февраля 2026 г." with, while the provider works on it, the days left (in the unit
/// of the legal term: calendar days for a term of calendar days) or a red "overdue" tag.
#[component]
pub fn DueDate(
    status: Status,
    due: NaiveDate,
    #[prop(optional_no_strip)] unit: Option<TimeUnit>,
) -> impl IntoView {
    let i18n = use_i18n();
    let today = format::today();
    let overdue = is_overdue(status, Some(due), today);
    let unit = unit.unwrap_or(TimeUnit::WorkingDays);
    let left = (status.is_submitted() && !status.is_final() && !overdue)
        .then(|| days_left(i18n, today, due, unit));
    view! {
        {move || format::date_until(i18n, due)}
        {left.map(|text| view! { <span class="secondary">" (" {text} ")"</span> })}
        {overdue.then(|| view! { " " <strong class="tag tag--overdue">{i18n.text("cabinet-overdue")}</strong> })}
    }
}

/// "осталось 3 рабочих дня", "осталось 20 календарных дней" or "the term ends today".
fn days_left(i18n: I18n, today: NaiveDate, due: NaiveDate, unit: TimeUnit) -> Signal<String> {
    let left = calendar::days_left(today, due, unit);
    let id = match unit {
        TimeUnit::CalendarDays => "calendar-days-left",
        _ => "cabinet-working-days-left",
    };
    Signal::derive(move || i18n.t_with(id, &[("days", Arg::from(left))]))
}
