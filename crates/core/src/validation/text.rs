//! Free text: whether an answer is given, its length, and the characters a stored answer
//! may hold.
//!
//! Lengths count Unicode characters (scalar values), never bytes: "Қазақстан" is nine
//! characters but eighteen UTF-8 bytes, and the applicant sees nine.

use super::Issue;

/// `required` when the answer is empty or only white space.
pub fn check_required(answer: &str) -> Option<Issue> {
    answer.trim().is_empty().then(|| Issue::new("required"))
}

/// `too-long` (params `max`, `length`) when the answer has more than `max` characters.
pub fn check_max_len(answer: &str, max: usize) -> Option<Issue> {
    // `nth` stops after max + 1 characters, so a huge answer is not counted twice.
    answer.chars().nth(max)?;
    Some(
        Issue::new("too-long")
            .with("max", max)
            .with("length", answer.chars().count()),
    )
}

/// A one-line answer, trimmed. Refuses control characters, line breaks included: a text
/// input cannot produce them, so they come from a script, and stored answers are shown and
/// printed as they are.
pub fn normalise_line(answer: &str) -> Result<String, Issue> {
    let trimmed = answer.trim();
    match trimmed.chars().find(|c| c.is_control()) {
        Some(c) => Err(control_character(c)),
        None => Ok(trimmed.to_string()),
    }
}

/// A multi-line answer: line breaks become `\n` and the ends are trimmed. Browsers submit
/// a textarea with `\r\n`; counting those as two characters on the server and one in the
/// browser would make `max_len` disagree between them.
pub fn normalise_block(answer: &str) -> Result<String, Issue> {
    let unified = answer.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = unified.trim();
    match trimmed
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        Some(c) => Err(control_character(c)),
        None => Ok(trimmed.to_string()),
    }
}

/// The character is invisible, so the parameter names its code point.
fn control_character(c: char) -> Issue {
    Issue::new("text-character").with("character", format!("U+{:04X}", c as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_needs_more_than_white_space() {
        assert_eq!(check_required("").unwrap().code, "required");
        assert_eq!(check_required(" \t\n\u{a0}").unwrap().code, "required");
        assert_eq!(check_required(" a "), None);
    }

    #[test]
    fn max_len_counts_characters_not_bytes() {
        // 9 characters, 18 bytes.
        assert_eq!(check_max_len("Қазақстан", 9), None);
        let issue = check_max_len("Қазақстан", 8).unwrap();
        assert_eq!(issue.code, "too-long");
        assert_eq!(issue.param("max"), Some("8"));
        assert_eq!(issue.param("length"), Some("9"));
        assert_eq!(check_max_len("", 0), None);
        assert!(check_max_len("a", 0).is_some());
    }

    #[test]
    fn line_is_trimmed_and_refuses_control_characters() {
        assert_eq!(normalise_line("  № 12-34/5 \t"), Ok("№ 12-34/5".into()));
        let issue = normalise_line("a\u{0}b").unwrap_err();
        assert_eq!(issue.code, "text-character");
        assert_eq!(issue.param("character"), Some("U+0000"));
        assert_eq!(
            normalise_line("one\ntwo").unwrap_err().param("character"),
            Some("U+000A")
        );
        // A trailing line break is trimmed, not refused.
        assert_eq!(normalise_line("one\n"), Ok("one".into()));
    }

    #[test]
    fn block_unifies_line_breaks_and_keeps_tabs() {
        assert_eq!(
            normalise_block("\r\n a\r\nb\rc\td \n\n"),
            Ok("a\nb\nc\td".into())
        );
        assert_eq!(
            normalise_block("a\u{1b}[31m")
                .unwrap_err()
                .param("character"),
            Some("U+001B")
        );
    }
}
