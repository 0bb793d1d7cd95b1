//! Kazakhstan phone numbers, normalised to E.164: `+7` and ten digits.
//!
//! Source: the libphonenumber metadata for KZ (e.g.
//! python-phonenumbers `data/region_KZ.py`): country code 7, national prefix 8, ten-digit
//! national numbers. Kazakhstan shares +7 with Russia; its national numbers start with 7
//! (mobile 70x/747/76x/77x/785, geographic codes 71x/72x), Russia's with 3, 4, 8 or 9.
//!
//! Only the leading 7 is checked, not the operator or city code: those lists change as
//! ranges are handed out, and an outdated list would refuse a real applicant's number.
//! libphonenumber also gives Baikonur's 33622 range to KZ; it is refused here as Russian,
//! since Russian national numbers start with 3.

use super::Issue;

const NATIONAL_LENGTH: usize = 10;

/// A number typed any of the usual ways (`+7 701 123 45 67`, `8 (701) 123-45-67`,
/// `77011234567`, `701 123 4567`), as `+7XXXXXXXXXX`.
pub fn check_phone(input: &str) -> Result<String, Issue> {
    let trimmed = input.trim();
    let (international, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let mut digits = String::new();
    for c in rest.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !is_separator(c) {
            return Err(Issue::new("phone-character").with("character", c));
        }
    }
    let national = if international {
        match digits.strip_prefix('7') {
            Some(national) => national,
            None if digits.is_empty() => return Err(Issue::new("phone-length")),
            None => return Err(Issue::new("phone-country")),
        }
    } else {
        match (digits.len(), digits.as_bytes().first()) {
            // 8 is the trunk prefix, 7 the country code typed without its plus.
            (11, Some(b'7' | b'8')) => &digits[1..],
            // No national number starts with 8: a trunk prefix with a digit missing.
            (10, Some(b'8')) => return Err(Issue::new("phone-length")),
            (10, _) => &digits[..],
            _ => return Err(Issue::new("phone-length")),
        }
    };
    if !national.is_empty() && !national.starts_with('7') {
        return Err(Issue::new("phone-country"));
    }
    if national.len() != NATIONAL_LENGTH {
        return Err(Issue::new("phone-length"));
    }
    Ok(format!("+7{national}"))
}

/// A number as people read it: `+7 701 234 56 78`. Anything that is not a valid number is
/// shown as typed.
pub fn display_phone(input: &str) -> String {
    match check_phone(input) {
        Ok(e164) => {
            let n = &e164[2..];
            format!("+7 {} {} {} {}", &n[..3], &n[3..6], &n[6..8], &n[8..])
        }
        Err(_) => input.to_string(),
    }
}

/// What people put between digit groups.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '(' | ')' | '.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::test_support::code;

    #[test]
    fn usual_ways_of_typing_normalise_alike() {
        for typed in [
            "+77011234567",
            "+7 701 123 45 67",
            "+7 (701) 123-45-67",
            "8 (701) 123-45-67",
            "87011234567",
            "8-701-123-45-67",
            "77011234567",
            "7011234567",
            "701 123 4567",
            " 8 701 123.45.67 ",
            "+7\u{a0}701\u{a0}123\u{a0}45\u{a0}67",
            "8 701 123–45–67",
        ] {
            assert_eq!(check_phone(typed), Ok("+77011234567".into()), "{typed}");
        }
    }

    #[test]
    fn city_numbers_are_kazakh_too() {
        // Almaty 727, Astana 7172.
        assert_eq!(check_phone("8 (727) 250-00-00"), Ok("+77272500000".into()));
        assert_eq!(check_phone("+7 7172 55 55 55"), Ok("+77172555555".into()));
    }

    #[test]
    fn other_countries_are_refused() {
        // Russia shares +7: Moscow, a Russian mobile, dialled both ways.
        assert_eq!(code(check_phone("+7 495 123 45 67")), "phone-country");
        assert_eq!(code(check_phone("8 916 123 45 67")), "phone-country");
        assert_eq!(code(check_phone("9161234567")), "phone-country");
        assert_eq!(code(check_phone("+996 555 123 456")), "phone-country");
        assert_eq!(code(check_phone("+44 20 7946 0000")), "phone-country");
        assert_eq!(code(check_phone("+8 701 123 45 67")), "phone-country");
    }

    #[test]
    fn wrong_lengths_are_refused() {
        assert_eq!(code(check_phone("+7 701 123 45 6")), "phone-length");
        assert_eq!(code(check_phone("+7 701 123 45 678")), "phone-length");
        assert_eq!(code(check_phone("8 701 123 45 6")), "phone-length");
        assert_eq!(code(check_phone("701 123 45")), "phone-length");
        assert_eq!(code(check_phone("877011234567")), "phone-length");
        assert_eq!(code(check_phone("+")), "phone-length");
        assert_eq!(code(check_phone("")), "phone-length");
    }

    #[test]
    fn letters_and_misplaced_plus_are_refused() {
        let letter = check_phone("8 701 ABC 45 67").unwrap_err();
        assert_eq!(letter.code, "phone-character");
        assert_eq!(letter.param("character"), Some("A"));
        assert_eq!(code(check_phone("7+7011234567")), "phone-character");
        assert_eq!(code(check_phone("++77011234567")), "phone-character");
        assert_eq!(
            code(check_phone("+7 701 123 45 67 доб. 5")),
            "phone-character"
        );
    }

    #[test]
    fn a_number_is_shown_in_groups_as_people_read_it() {
        assert_eq!(super::display_phone("+77012345678"), "+7 701 234 56 78");
        assert_eq!(
            super::display_phone("8 (701) 234-56-78"),
            "+7 701 234 56 78"
        );
        assert_eq!(super::display_phone("not a phone"), "not a phone");
    }
}
