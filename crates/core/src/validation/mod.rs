//! Validation rules shared by the app and the server: what the browser accepts while the
//! applicant types is exactly what the server accepts on submit, and the other way round.
//!
//! Every rule either returns the answer in its normalised form or an [`Issue`]: a stable
//! kebab-case code with parameters. The app words each code in Russian or Kazakh through
//! Fluent; nothing here is a sentence. [`CODES`] lists every code a rule can return, so the
//! app can test that each one has a message in both languages.

mod choice;
pub mod date;
pub mod email;
pub mod file;
pub mod iin_bin;
pub mod name;
mod number;
pub mod phone;
pub mod postcode;
pub mod text;

#[cfg(test)]
mod properties;

pub use choice::{check_option, check_options, check_yes_no};
pub use date::{check_date, parse_date};
pub use email::check_email;
pub use file::{check_file, check_file_size, check_file_type, detect_file_type};
pub use iin_bin::{applicant_kind, check_bin, check_iin, check_iin_or_bin};
pub use name::{check_organisation_name, check_person_name};
pub use number::check_whole_number;
pub use phone::{check_phone, display_phone};
pub use postcode::check_postcode;
pub use text::{check_max_len, check_required, normalise_block, normalise_line};

use crate::catalog::{Field, FieldKind};
use chrono::NaiveDate;
use serde::Serialize;

/// Why an answer was not accepted: a code the app turns into a sentence, and the values
/// that sentence needs (a limit, the offending character…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
}

impl Issue {
    pub fn new(code: &'static str) -> Self {
        Issue {
            code,
            params: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.params.push((name, value.to_string()));
        self
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Every code a rule can return. A test keeps this list and the rules in step.
pub const CODES: &[&str] = &[
    // text.rs
    "required",
    "too-long",
    "text-character",
    // iin_bin.rs: the shape of the number, worded after what the field asks for
    "iin-not-digits",
    "iin-length",
    "iin-checksum",
    "iin-invalid-number",
    "bin-not-digits",
    "bin-length",
    "bin-checksum",
    "bin-invalid-number",
    "iin-bin-not-digits",
    "iin-bin-length",
    "iin-bin-checksum",
    "iin-bin-invalid-number",
    "iin-bin-kind",
    // iin_bin.rs: the structure of a number that passed the checksum
    "iin-century",
    "iin-birth-date",
    "iin-got-bin",
    "bin-month",
    "bin-type",
    "bin-unit",
    "bin-got-iin",
    // phone.rs
    "phone-character",
    "phone-length",
    "phone-country",
    // email.rs
    "email-length",
    "email-whitespace",
    "email-at",
    "email-local-part",
    "email-domain",
    // postcode.rs
    "postcode-format",
    "postcode-latin",
    // name.rs
    "name-empty",
    "name-too-long",
    "name-character",
    "name-edge",
    // date.rs
    "date-format",
    "date-invalid",
    "date-must-be-past",
    "date-too-early",
    "date-must-be-future",
    // file.rs
    "file-empty",
    "file-too-large",
    "file-type",
    // number.rs
    "number-format",
    // choice.rs
    "option-unknown",
];

/// Checks one answer to a catalog question and returns it normalised, as it should be
/// stored. A blank answer to an optional question is accepted as the empty string.
///
/// Answers travel as text: a date as typed (stored as `YYYY-MM-DD`), a choice as its
/// option id, check boxes as option ids joined by commas, a yes/no question as `yes` or `no`.
pub fn check_field(field: &Field, answer: &str, today: NaiveDate) -> Result<String, Issue> {
    if answer.trim().is_empty() {
        return blank(field);
    }
    let normalised = match field.kind {
        FieldKind::Text => normalise_line(answer)?,
        FieldKind::Textarea => normalise_block(answer)?,
        FieldKind::Number => check_whole_number(answer)?,
        FieldKind::Date => date::to_iso(check_date(answer, field.date_rule, today)?),
        FieldKind::Phone => check_phone(answer)?,
        FieldKind::Email => check_email(answer)?,
        FieldKind::Postcode => check_postcode(answer)?,
        FieldKind::Iin => check_iin(answer)?,
        FieldKind::Bin => check_bin(answer)?,
        FieldKind::IinOrBin => check_iin_or_bin(answer)?,
        FieldKind::PersonName => check_person_name(
            answer,
            field
                .max_len
                .map_or(name::PERSON_NAME_MAX_CHARS, |max| max as usize),
        )?,
        FieldKind::Select | FieldKind::Radio => check_option(answer, &field.options)?,
        FieldKind::Checkboxes => check_options(answer, &field.options)?,
        FieldKind::YesNo => check_yes_no(answer)?,
    };
    // Check boxes written as ", ," are blank only once normalised.
    if normalised.is_empty() {
        return blank(field);
    }
    if let Some(issue) = field
        .max_len
        .and_then(|max| check_max_len(&normalised, max as usize))
    {
        return Err(issue);
    }
    Ok(normalised)
}

fn blank(field: &Field) -> Result<String, Issue> {
    if field.required {
        Err(Issue::new("required"))
    } else {
        Ok(String::new())
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::{CODES, Issue};
    use std::fmt::Debug;

    /// The code of an expected failure, checked to be a listed code.
    pub fn code<T: Debug>(result: Result<T, Issue>) -> &'static str {
        let issue = result.expect_err("the rule should refuse this input");
        assert!(
            CODES.contains(&issue.code),
            "{} is missing from CODES",
            issue.code
        );
        issue.code
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::code;
    use super::*;
    use crate::catalog::{DateRule, catalog};

    fn field(kind: FieldKind) -> Field {
        Field {
            id: "test".into(),
            kind,
            required: true,
            options: vec!["lost".into(), "damaged".into(), "other".into()],
            max_len: None,
            autocomplete: None,
            date_rule: None,
            when: None,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn codes_are_unique_kebab_case() {
        for (i, code) in CODES.iter().enumerate() {
            assert!(!CODES[..i].contains(code), "{code} is listed twice");
            assert!(
                code.split('-')
                    .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase())),
                "{code} is not kebab-case"
            );
        }
    }

    #[test]
    fn issue_serialises_code_and_params() {
        let issue = Issue::new("too-long").with("max", 40);
        assert_eq!(
            serde_json::to_value(&issue).unwrap(),
            serde_json::json!({"code": "too-long", "params": [["max", "40"]]})
        );
        assert_eq!(issue.param("max"), Some("40"));
        assert_eq!(issue.param("min"), None);
    }

    #[test]
    fn required_field_refuses_blank_answers() {
        for kind in [FieldKind::Text, FieldKind::Phone, FieldKind::Date] {
            assert_eq!(
                code(check_field(&field(kind), "  \n ", today())),
                "required"
            );
        }
        assert_eq!(
            code(check_field(&field(FieldKind::Checkboxes), " , ,", today())),
            "required"
        );
    }

    #[test]
    fn optional_field_accepts_blank_as_empty() {
        let mut postcode = field(FieldKind::Postcode);
        postcode.required = false;
        assert_eq!(check_field(&postcode, "   ", today()), Ok(String::new()));
        // An optional answer that is given must still be right.
        assert_eq!(
            code(check_field(&postcode, "12345", today())),
            "postcode-format"
        );
    }

    #[test]
    fn max_len_counts_characters_of_the_normalised_answer() {
        let mut text = field(FieldKind::Text);
        text.max_len = Some(5);
        assert_eq!(check_field(&text, "  Әлия  ", today()), Ok("Әлия".into()));
        assert_eq!(check_field(&text, "Қазақ", today()), Ok("Қазақ".into()));
        let issue = check_field(&text, "Қазақы", today()).unwrap_err();
        assert_eq!(issue.code, "too-long");
        assert_eq!(issue.param("max"), Some("5"));
    }

    #[test]
    fn each_kind_normalises_through_its_rule() {
        let cases = [
            (FieldKind::Phone, "8 (701) 123-45-67", "+77011234567"),
            (FieldKind::Email, " Aigerim@Mail.KZ ", "Aigerim@mail.kz"),
            (FieldKind::Postcode, "a15c9t5", "A15C9T5"),
            (FieldKind::Iin, "061211 600012", "061211600012"),
            (FieldKind::Bin, "940140000385", "940140000385"),
            (FieldKind::IinOrBin, "990140004654", "990140004654"),
            (
                FieldKind::PersonName,
                " Нұрсұлтан  Әбішұлы ",
                "Нұрсұлтан Әбішұлы",
            ),
            (FieldKind::Date, "1.2.2020", "2020-02-01"),
            (FieldKind::Number, "1 024", "1024"),
            (FieldKind::Radio, " damaged ", "damaged"),
            (FieldKind::Select, "lost", "lost"),
            (FieldKind::Checkboxes, "other,lost,other", "lost,other"),
            (FieldKind::YesNo, "no", "no"),
            (
                FieldKind::Textarea,
                "line one\r\nline two\r\n",
                "line one\nline two",
            ),
        ];
        for (kind, answer, expected) in cases {
            assert_eq!(
                check_field(&field(kind), answer, today()).as_deref(),
                Ok(expected),
                "{kind:?} {answer:?}"
            );
        }
    }

    #[test]
    fn each_kind_refuses_through_its_rule() {
        let cases = [
            (FieldKind::Phone, "+44 20 7946 0000", "phone-country"),
            (FieldKind::Email, "aigerim.mail.kz", "email-at"),
            (FieldKind::Iin, "061211600013", "iin-checksum"),
            (FieldKind::Bin, "061211600012", "bin-got-iin"),
            (FieldKind::IinOrBin, "12345", "iin-bin-length"),
            (FieldKind::PersonName, "R2-D2", "name-character"),
            (FieldKind::Date, "31.02.2020", "date-invalid"),
            (FieldKind::Number, "12,5", "number-format"),
            (FieldKind::Radio, "stolen", "option-unknown"),
            (FieldKind::Checkboxes, "lost,stolen", "option-unknown"),
            (FieldKind::YesNo, "да", "option-unknown"),
            (FieldKind::Text, "two\nlines", "text-character"),
        ];
        for (kind, answer, expected) in cases {
            assert_eq!(
                code(check_field(&field(kind), answer, today())),
                expected,
                "{kind:?} {answer:?}"
            );
        }
    }

    #[test]
    fn date_field_applies_its_rule() {
        let mut licence_date = field(FieldKind::Date);
        licence_date.date_rule = Some(DateRule::Past);
        assert_eq!(
            check_field(&licence_date, "23.11.2026", today()),
            Ok("2026-11-23".into())
        );
        let issue = check_field(&licence_date, "2026-11-24", today()).unwrap_err();
        assert_eq!(issue.code, "date-must-be-past");
        assert_eq!(issue.param("limit"), Some("2026-11-23"));
    }

    #[test]
    fn person_name_limit_follows_the_field() {
        let mut person = field(FieldKind::PersonName);
        person.max_len = Some(4);
        let issue = check_field(&person, "Әлихан", today()).unwrap_err();
        assert_eq!(issue.code, "name-too-long");
        assert_eq!(issue.param("max"), Some("4"));
    }

    #[test]
    fn catalog_fields_accept_a_plausible_answer() {
        // Keeps the catalog and the rules in step: a new kind or option shape that no rule
        // understands shows up here.
        for field in &catalog().fields {
            let answer = match field.kind {
                FieldKind::Text | FieldKind::Textarea => "Алматы, ул. Абая 1".to_string(),
                FieldKind::Number => "12".to_string(),
                FieldKind::Date => "01.02.2020".to_string(),
                FieldKind::Phone => "+7 701 123 45 67".to_string(),
                FieldKind::Email => "info@example.kz".to_string(),
                FieldKind::Postcode => "050000".to_string(),
                FieldKind::Iin => "061211600012".to_string(),
                FieldKind::Bin | FieldKind::IinOrBin => "940140000385".to_string(),
                FieldKind::PersonName => "Әлия Серікқызы".to_string(),
                FieldKind::Select | FieldKind::Radio | FieldKind::Checkboxes => {
                    field.options[0].clone()
                }
                FieldKind::YesNo => "yes".to_string(),
            };
            assert!(
                check_field(field, &answer, today()).is_ok(),
                "{}: {answer}",
                field.id
            );
        }
    }
}
