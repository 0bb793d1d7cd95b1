//! Whole numbers that are counts (objects, people, units): no sign, no fraction.

use super::Issue;

/// The number's digits without grouping spaces or leading zeros: "1 024" and "01024"
/// are both "1024". Spaces include the no-break and narrow no-break spaces that ru-KZ
/// and kk-KZ formatting put between thousands (CLDR number formats for ru-KZ and kk-KZ).
pub fn check_whole_number(input: &str) -> Result<String, Issue> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Issue::new("number-format"));
    }
    let significant = digits.trim_start_matches('0');
    Ok(if significant.is_empty() {
        "0".to_string()
    } else {
        significant.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::test_support::code;

    #[test]
    fn grouped_and_padded_numbers_normalise() {
        assert_eq!(check_whole_number("1 024"), Ok("1024".into()));
        assert_eq!(check_whole_number("1\u{a0}024"), Ok("1024".into()));
        assert_eq!(check_whole_number("1\u{202f}024"), Ok("1024".into()));
        assert_eq!(check_whole_number("007"), Ok("7".into()));
        assert_eq!(check_whole_number("000"), Ok("0".into()));
        assert_eq!(
            check_whole_number("123456789012345678901234567890"),
            Ok("123456789012345678901234567890".into())
        );
    }

    #[test]
    fn anything_else_is_refused() {
        for text in ["", "  ", "-5", "+5", "1,5", "1.5", "1e3", "五", "١٢"] {
            assert_eq!(code(check_whole_number(text)), "number-format", "{text}");
        }
    }
}
