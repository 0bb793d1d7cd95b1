//! Putting domain values into words: terms, fees and dates, in the current language.
//! The words themselves are Fluent messages; this module only picks them and fills them in.

use crate::i18n::Arg;
use crate::i18n::I18n;
use chrono::{Datelike, NaiveDate, Timelike};
use otinish_core::catalog::{Term, TimeUnit};
use otinish_core::fees::{self, Quote};

/// "15 рабочих дней", "2 часа", "30 минут"; 465 minutes read as "7 часов 45 минут".
pub fn term(i18n: I18n, term: &Term) -> String {
    if term.unit == TimeUnit::Minutes && term.amount >= 60 {
        let hours = Term {
            amount: term.amount / 60,
            unit: TimeUnit::Hours,
        };
        let minutes = Term {
            amount: term.amount % 60,
            unit: TimeUnit::Minutes,
        };
        return match minutes.amount {
            0 => self::term(i18n, &hours),
            _ => format!(
                "{} {}",
                self::term(i18n, &hours),
                self::term(i18n, &minutes)
            ),
        };
    }
    let id = match term.unit {
        TimeUnit::Minutes => "term-minutes",
        TimeUnit::Hours => "term-hours",
        TimeUnit::WorkingDays => "term-working-days",
        TimeUnit::CalendarDays => "term-calendar-days",
    };
    i18n.t_with(id, &[("amount", Arg::from(term.amount))])
}

/// A deadline, or "check with the provider" when no source gives it.
pub fn optional_term(i18n: I18n, term: Option<&Term>) -> String {
    match term {
        Some(term) => self::term(i18n, term),
        None => i18n.t("term-unknown"),
    }
}

/// "43 250 ₸ (10 МРП)", "free", "check with the provider", or "due, set by the provider".
pub fn quote(i18n: I18n, quote: &Quote) -> String {
    match quote {
        Quote::Free => i18n.t("fee-free"),
        Quote::Unknown => i18n.t("fee-unknown"),
        Quote::DueUnsourced => i18n.t("fee-due-unsourced"),
        Quote::Due {
            mrp_tenths, tenge, ..
        } => i18n.t_with(
            "fee-amount",
            &[
                ("amount", Arg::from(fees::format_tenge(*tenge))),
                ("mrp", Arg::from(fees::format_mrp_tenths(*mrp_tenths))),
            ],
        ),
    }
}

/// "15 января 2026 г." / "2026 ж. 15 қаңтар".
pub fn date(i18n: I18n, date: NaiveDate) -> String {
    date_with(i18n, date, "date-long", "month")
}

/// A deadline: "до 23 февраля 2026 г." / "2026 ж. 23 ақпанға дейін".
pub fn date_until(i18n: I18n, date: NaiveDate) -> String {
    date_with(i18n, date, "date-until", "month-until")
}

/// The form legal citations use: "15 января 2026 года" / "2026 жылғы 15 қаңтардағы".
pub fn attributive_date(i18n: I18n, date: NaiveDate) -> String {
    date_with(i18n, date, "date-attributive", "month-attributive")
}

fn date_with(i18n: I18n, date: NaiveDate, pattern: &str, month_prefix: &str) -> String {
    let month = i18n.t(&format!("{month_prefix}-{}", date.month()));
    i18n.t_with(
        pattern,
        &[
            ("day", Arg::from(date.day().to_string())),
            ("month", Arg::from(month)),
            ("year", Arg::from(date.year().to_string())),
        ],
    )
}

/// Parses the catalog's `YYYY-MM-DD`. By hand: chrono's format parser would add 8 KB to the
/// bundle for this one fixed pattern.
pub fn iso_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.splitn(3, '-').map(str::parse::<u32>);
    let (year, month, day) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Today in the applicant's time zone (the browser's clock).
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// "15 января 2026 г., 10:15": a moment from the backend, in the provider's time zone as the
/// backend wrote it (Kazakhstan, +05:00), so that it reads the same on every device.
pub fn date_time(i18n: I18n, at: &otinish_core::api::Time) -> String {
    i18n.t_with(
        "date-time",
        &[
            ("date", Arg::from(date(i18n, at.date_naive()))),
            ("time", Arg::from(clock(at))),
        ],
    )
}

/// "10:15". By hand: chrono's `format("%H:%M")` would add its strftime machinery, 9 KB of
/// the applicant's wasm.
pub fn clock(at: &impl Timelike) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// "48 КБ", "2,3 МБ": a file's size as the applicant reads it.
pub fn file_size(i18n: I18n, bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let bytes = bytes as f64;
    if bytes < KB * KB {
        i18n.t_with(
            "size-kilobytes",
            &[("size", Arg::from((bytes / KB).ceil()))],
        )
    } else {
        // Both languages write a decimal comma.
        let tenths = (bytes / (KB * KB) * 10.0).round() as u64;
        let size = match tenths % 10 {
            0 => (tenths / 10).to_string(),
            tenth => format!("{},{tenth}", tenths / 10),
        };
        i18n.t_with("size-megabytes", &[("size", Arg::from(size))])
    }
}
