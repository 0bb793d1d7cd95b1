//! Dates as the applicant types them: ISO `YYYY-MM-DD` (what a date input sends) or
//! `DD.MM.YYYY` (how dates are written in Kazakhstan, with the day and month allowed one
//! digit). Stored as `YYYY-MM-DD`.

use super::Issue;
use crate::catalog::DateRule;
use chrono::{Datelike, NaiveDate};

/// The date, or `date-format` when it is written neither way and `date-invalid` when it is
/// written right but does not exist (31.02.2020, month 13).
pub fn parse_date(input: &str) -> Result<NaiveDate, Issue> {
    let text = input.trim();
    let (year, month, day) = iso_parts(text)
        .or_else(|| dotted_parts(text))
        .ok_or_else(|| Issue::new("date-format"))?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| Issue::new("date-invalid"))
}

/// The earliest date in the past a form accepts: the Republic of Kazakhstan's independence
/// (Constitutional Law «О государственной независимости Республики Казахстан», 16 December
/// 1991). No licence, permit or document of the Republic is older; 1850 is a typo.
pub fn earliest_past() -> NaiveDate {
    NaiveDate::from_ymd_opt(1991, 12, 16).expect("a real date")
}

/// The date, also checked against `rule`. Both rules let today pass: a licence issued
/// this morning is already in the past for the applicant, and a date set for today is
/// not yet over. The parameter `limit` is today (or, for a date too early, the earliest
/// date accepted), as `YYYY-MM-DD`.
pub fn check_date(
    input: &str,
    rule: Option<DateRule>,
    today: NaiveDate,
) -> Result<NaiveDate, Issue> {
    let date = parse_date(input)?;
    match rule {
        Some(DateRule::Past) if date > today => {
            Err(Issue::new("date-must-be-past").with("limit", to_iso(today)))
        }
        Some(DateRule::Past) if date < earliest_past() => {
            Err(Issue::new("date-too-early").with("limit", to_iso(earliest_past())))
        }
        Some(DateRule::Future) if date < today => {
            Err(Issue::new("date-must-be-future").with("limit", to_iso(today)))
        }
        _ => Ok(date),
    }
}

/// `YYYY-MM-DD`, the stored form. Written by hand so the browser bundle does not carry
/// chrono's formatting machinery.
pub fn to_iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

fn iso_parts(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.split('-');
    let year = number(parts.next()?, 4..=4)?;
    let month = number(parts.next()?, 2..=2)?;
    let day = number(parts.next()?, 2..=2)?;
    parts.next().is_none().then_some((year as i32, month, day))
}

fn dotted_parts(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.split('.');
    let day = number(parts.next()?, 1..=2)?;
    let month = number(parts.next()?, 1..=2)?;
    let year = number(parts.next()?, 4..=4)?;
    parts.next().is_none().then_some((year as i32, month, day))
}

/// ASCII digits only, of an allowed count; at most four, so it cannot overflow.
fn number(part: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    if !digits.contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::test_support::code;

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn both_ways_of_writing_parse() {
        assert_eq!(parse_date("2020-02-01"), Ok(ymd(2020, 2, 1)));
        assert_eq!(parse_date("01.02.2020"), Ok(ymd(2020, 2, 1)));
        assert_eq!(parse_date(" 1.2.2020 "), Ok(ymd(2020, 2, 1)));
        assert_eq!(parse_date("29.02.2024"), Ok(ymd(2024, 2, 29)));
        assert_eq!(to_iso(ymd(2020, 2, 1)), "2020-02-01");
        assert_eq!(to_iso(ymd(987, 6, 5)), "0987-06-05");
    }

    #[test]
    fn other_writings_are_format_errors() {
        for text in [
            "",
            "2020-2-1",
            "20-02-01",
            "01.02.20",
            "01/02/2020",
            "2020.02.01",
            "001.02.2020",
            "01.02.2020.",
            "2020-02-01T00:00",
            "+020-02-01",
            "1 февраля 2020",
            "٠١.٠٢.٢٠٢٠",
        ] {
            assert_eq!(code(parse_date(text)), "date-format", "{text}");
        }
    }

    #[test]
    fn impossible_dates_are_invalid() {
        for text in [
            "31.02.2020",
            "29.02.2023",
            "29.02.1900",
            "2020-13-01",
            "2020-00-10",
            "00.01.2020",
            "31.04.2020",
        ] {
            assert_eq!(code(parse_date(text)), "date-invalid", "{text}");
        }
    }

    #[test]
    fn past_and_future_rules_let_today_pass() {
        let today = ymd(2026, 11, 23);
        let past = Some(DateRule::Past);
        let future = Some(DateRule::Future);
        assert_eq!(check_date("23.11.2026", past, today), Ok(today));
        assert_eq!(check_date("23.11.2026", future, today), Ok(today));
        assert_eq!(check_date("22.11.2026", past, today), Ok(ymd(2026, 11, 22)));
        assert_eq!(
            check_date("24.11.2026", future, today),
            Ok(ymd(2026, 11, 24))
        );

        let issue = check_date("24.11.2026", past, today).unwrap_err();
        assert_eq!(issue.code, "date-must-be-past");
        assert_eq!(issue.param("limit"), Some("2026-11-23"));
        let issue = check_date("2026-11-22", future, today).unwrap_err();
        assert_eq!(issue.code, "date-must-be-future");
        assert_eq!(issue.param("limit"), Some("2026-11-23"));

        assert_eq!(check_date("01.01.2999", None, today), Ok(ymd(2999, 1, 1)));
        // The format is checked before the rule.
        assert_eq!(code(check_date("31.02.2020", past, today)), "date-invalid");
    }

    #[test]
    fn a_date_in_the_past_is_not_older_than_the_republic() {
        let today = ymd(2026, 12, 4);
        let issue = check_date("14.06.1850", Some(DateRule::Past), today).unwrap_err();
        assert_eq!(issue.code, "date-too-early");
        assert_eq!(issue.param("limit"), Some("1991-12-16"));
        assert_eq!(
            check_date("16.12.1991", Some(DateRule::Past), today),
            Ok(ymd(1991, 12, 16))
        );
    }
}
