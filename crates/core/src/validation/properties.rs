//! Properties every rule must keep, whatever arrives: no input makes a rule panic (the
//! server answers bad input with a 4xx, never a crash), every refusal is a listed code,
//! and an accepted answer, checked again, comes back unchanged (the browser normalises,
//! the server checks the normalised answer).

use super::iin_bin::check_digit;
use super::*;
use crate::catalog::{ApplicantType, DateRule, Document, FileType, catalog};
use proptest::prelude::*;

type Rule = fn(&str) -> Result<String, Issue>;

fn string_rules() -> Vec<(&'static str, Rule)> {
    vec![
        ("iin", check_iin),
        ("bin", check_bin),
        ("iin-or-bin", check_iin_or_bin),
        ("phone", check_phone),
        ("email", check_email),
        ("postcode", check_postcode),
        ("person", |s| {
            check_person_name(s, name::PERSON_NAME_MAX_CHARS)
        }),
        ("organisation", |s| {
            check_organisation_name(s, name::ORGANISATION_NAME_MAX_CHARS)
        }),
        ("line", normalise_line),
        ("block", normalise_block),
        ("number", check_whole_number),
        ("yes-no", check_yes_no),
        ("date", |s| parse_date(s).map(date::to_iso)),
    ]
}

/// Arbitrary text, and text made of what the rules look at, so that the accepting paths
/// are reached too and not only the first refusal.
fn answers() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 +()\\-]{0,16}",
        "[+]?[78]?[ (]{0,2}7[0-9]{2}[) -]{0,2}[0-9]{3}[ -]?[0-9]{2}[ -]?[0-9]{2}",
        "[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[a-zA-Z0-9.+]{0,12}@[a-zA-Z0-9İ.]{0,12}",
        "[ \\t\\u{a0}]{0,2}[А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіa-zA-Z '’\\-\\u{306}\\u{308}«»\"0-9.,]{0,30}",
        "[A-Za-zА-я0-9 ]{6,8}",
        "[a-z, ]{0,20}",
    ]
}

fn dates() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2100, 1u32..=366).prop_map(|(year, day)| {
        NaiveDate::from_yo_opt(year, day)
            .unwrap_or_else(|| NaiveDate::from_yo_opt(year, 365).unwrap())
    })
}

/// A field of every kind, required or not, with and without a length limit, besides the
/// catalog's own.
fn fields() -> Vec<Field> {
    let kinds = [
        FieldKind::Text,
        FieldKind::Textarea,
        FieldKind::Number,
        FieldKind::Date,
        FieldKind::Phone,
        FieldKind::Email,
        FieldKind::Postcode,
        FieldKind::Iin,
        FieldKind::Bin,
        FieldKind::IinOrBin,
        FieldKind::PersonName,
        FieldKind::Select,
        FieldKind::Radio,
        FieldKind::Checkboxes,
        FieldKind::YesNo,
    ];
    let mut fields = catalog().fields.clone();
    for kind in kinds {
        for (required, max_len, date_rule) in [
            (true, None, Some(DateRule::Past)),
            (false, Some(8), Some(DateRule::Future)),
        ] {
            fields.push(Field {
                id: "synthetic".into(),
                kind,
                required,
                options: vec!["a".into(), "b".into(), "c".into()],
                max_len,
                autocomplete: None,
                date_rule,
                when: None,
            });
        }
    }
    fields
}

fn assert_listed(issue: &Issue) -> Result<(), TestCaseError> {
    prop_assert!(
        CODES.contains(&issue.code),
        "{} is not in CODES",
        issue.code
    );
    Ok(())
}

proptest! {
    #[test]
    fn string_rules_never_panic_and_are_idempotent(answer in answers()) {
        for (name, rule) in string_rules() {
            match rule(&answer) {
                Ok(normalised) => prop_assert_eq!(
                    rule(&normalised), Ok(normalised.clone()), "{} on {:?}", name, answer
                ),
                Err(issue) => assert_listed(&issue)?,
            }
        }
    }

    #[test]
    fn choices_never_panic_and_are_idempotent(answer in answers()) {
        let options: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        for rule in [check_option, check_options] {
            match rule(&answer, &options) {
                Ok(normalised) => prop_assert_eq!(
                    rule(&normalised, &options), Ok(normalised.clone())
                ),
                Err(issue) => assert_listed(&issue)?,
            }
        }
    }

    #[test]
    fn check_field_never_panics_and_is_idempotent(answer in answers(), today in dates()) {
        for field in fields() {
            match check_field(&field, &answer, today) {
                Ok(normalised) => prop_assert_eq!(
                    check_field(&field, &normalised, today),
                    Ok(normalised.clone()),
                    "{} ({:?}) on {:?}", field.id, field.kind, answer
                ),
                Err(issue) => assert_listed(&issue)?,
            }
        }
    }

    #[test]
    fn date_rules_never_panic(answer in answers(), today in dates()) {
        for rule in [None, Some(DateRule::Past), Some(DateRule::Future)] {
            if let Err(issue) = check_date(&answer, rule, today) {
                assert_listed(&issue)?;
            }
        }
    }

    #[test]
    fn file_rules_never_panic(
        content in proptest::collection::vec(any::<u8>(), 0..2048),
        size in any::<u64>(),
        max_mb in any::<u32>(),
    ) {
        let _ = detect_file_type(&content);
        if let Some(issue) = check_file_size(size, max_mb) {
            assert_listed(&issue)?;
        }
        let document = Document {
            id: "test".into(),
            types: vec![FileType::Pdf, FileType::Jpeg, FileType::Png],
            max_mb: 1,
        };
        if let Err(issue) = check_file(&content, &document) {
            assert_listed(&issue)?;
        }
    }

    #[test]
    fn signature_decides_the_type_whatever_follows(
        rest in proptest::collection::vec(any::<u8>(), 0..64)
    ) {
        let with = |signature: &[u8]| [signature, &rest[..]].concat();
        prop_assert_eq!(detect_file_type(&with(b"\xFF\xD8\xFF")), Some(FileType::Jpeg));
        prop_assert_eq!(
            detect_file_type(&with(b"\x89PNG\r\n\x1a\n")), Some(FileType::Png)
        );
        prop_assert_eq!(detect_file_type(&with(b"%PDF-")), Some(FileType::Pdf));
    }

    #[test]
    fn built_iins_pass_unless_no_check_digit_exists(
        birth in (1800i32..2100, 1u32..=366),
        female in any::<bool>(),
        serial in 0u32..10_000,
    ) {
        let (year, day) = birth;
        let Some(date) = NaiveDate::from_yo_opt(year, day) else { return Ok(()) };
        let century_digit = match year / 100 { 18 => 1, 19 => 3, _ => 5 } + u32::from(female);
        let first_eleven = format!(
            "{}{century_digit}{serial:04}",
            date.format("%y%m%d")
        );
        let digits: [u8; 11] = first_eleven
            .bytes()
            .map(|b| b - b'0')
            .collect::<Vec<_>>()
            .try_into()
            .unwrap();
        match check_digit(&digits) {
            Some(check) => {
                let number = format!("{first_eleven}{check}");
                prop_assert_eq!(check_iin(&number), Ok(number.clone()));
                prop_assert_eq!(applicant_kind(&number), Some(ApplicantType::Individual));
                prop_assert_eq!(check_bin(&number).unwrap_err().code, "bin-got-iin");
                for wrong in (0..10).filter(|&d| d != check) {
                    let number = format!("{first_eleven}{wrong}");
                    prop_assert_eq!(check_iin(&number).unwrap_err().code, "iin-checksum");
                }
            }
            None => {
                for last in 0..10 {
                    let number = format!("{first_eleven}{last}");
                    prop_assert_eq!(
                        check_iin(&number).unwrap_err().code, "iin-invalid-number"
                    );
                }
            }
        }
    }

    #[test]
    fn built_bins_pass(
        year in 0u32..100,
        month in 1u32..=12,
        entity_type in 4u32..=6,
        unit in 0u32..=3,
        serial in 0u32..100_000,
    ) {
        let first_eleven = format!("{year:02}{month:02}{entity_type}{unit}{serial:05}");
        let digits: [u8; 11] = first_eleven
            .bytes()
            .map(|b| b - b'0')
            .collect::<Vec<_>>()
            .try_into()
            .unwrap();
        if let Some(check) = check_digit(&digits) {
            let number = format!("{first_eleven}{check}");
            prop_assert_eq!(check_bin(&number), Ok(number.clone()));
            prop_assert_eq!(check_iin_or_bin(&number), Ok(number.clone()));
            prop_assert_eq!(applicant_kind(&number), Some(ApplicantType::LegalEntity));
            prop_assert_eq!(check_iin(&number).unwrap_err().code, "iin-got-bin");
        }
    }

    #[test]
    fn every_way_of_typing_a_number_gives_one_form(national in "7[0-9]{9}") {
        let (code, rest) = national.split_at(3);
        let (first, last) = rest.split_at(3);
        let (pair_one, pair_two) = last.split_at(2);
        let expected = format!("+7{national}");
        for typed in [
            format!("+7{national}"),
            format!("8{national}"),
            format!("7{national}"),
            national.clone(),
            format!("+7 ({code}) {first}-{pair_one}-{pair_two}"),
            format!("8 {code} {first} {pair_one} {pair_two}"),
        ] {
            prop_assert_eq!(check_phone(&typed), Ok(expected.clone()), "{}", typed);
        }
    }
}
