//! Postcodes: the old six-digit index, or Kazpost's seven-character building code.
//!
//! Source: Kazpost's building-level postcodes as reported by zakon.kz, etoday.kz and
//! pricom.kz. Both are in use (the old index "still works"). The
//! sources disagree on how the new code splits into letters and digits, so only its
//! alphabet is checked: seven Latin capitals and digits, with at least one of each.

use super::Issue;

const OLD_LENGTH: usize = 6;
const NEW_LENGTH: usize = 7;

/// The postcode without spaces, its letters in upper case.
pub fn check_postcode(input: &str) -> Result<String, Issue> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let length = code.chars().count();
    let all_digits = code.chars().all(|c| c.is_ascii_digit());
    if length == OLD_LENGTH && all_digits {
        return Ok(code);
    }
    if length == NEW_LENGTH
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && code.chars().any(|c| c.is_ascii_uppercase())
        && code.chars().any(|c| c.is_ascii_digit())
    {
        return Ok(code);
    }
    // Cyrillic А, В, Е, К, М, Н, О, Р, С, Т, Х look like Latin letters; someone typing
    // on a Russian or Kazakh layout gets them without noticing.
    if length == NEW_LENGTH && code.chars().any(is_cyrillic) {
        return Err(Issue::new("postcode-latin"));
    }
    Err(Issue::new("postcode-format"))
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::test_support::code;

    #[test]
    fn old_six_digit_index() {
        assert_eq!(check_postcode("050000"), Ok("050000".into()));
        assert_eq!(check_postcode(" 040 900 "), Ok("040900".into()));
        assert_eq!(code(check_postcode("05000")), "postcode-format");
        assert_eq!(code(check_postcode("0500000")), "postcode-format");
        assert_eq!(code(check_postcode("05000O")), "postcode-format");
    }

    #[test]
    fn new_seven_character_code() {
        assert_eq!(check_postcode("Z05T2D0"), Ok("Z05T2D0".into()));
        assert_eq!(check_postcode("a15c9t5"), Ok("A15C9T5".into()));
        assert_eq!(check_postcode("A15 C9T5"), Ok("A15C9T5".into()));
        // A letter and a digit are both needed.
        assert_eq!(code(check_postcode("ABCDEFG")), "postcode-format");
        assert_eq!(code(check_postcode("ABC-EF1")), "postcode-format");
        assert_eq!(code(check_postcode("A15C9T")), "postcode-format");
        assert_eq!(code(check_postcode("A15C9T55")), "postcode-format");
    }

    #[test]
    fn cyrillic_look_alikes_are_named() {
        // А, С and Т below are Cyrillic.
        assert_eq!(code(check_postcode("А15С9Т5")), "postcode-latin");
        assert_eq!(code(check_postcode("а15с9т5")), "postcode-latin");
    }

    #[test]
    fn blank_is_not_a_postcode() {
        assert_eq!(code(check_postcode("")), "postcode-format");
        assert_eq!(code(check_postcode("ÿ15C9T5")), "postcode-format");
    }
}
