//! Names of people and organisations, in Cyrillic (Russian and Kazakh) or Latin letters.
//!
//! The alphabet: Kazakh Cyrillic has 42 letters, the 33 Russian
//! letters and Ә Ғ Қ Ң Ө Ұ Ү Һ І; names also carry hyphens and apostrophes (’ and ').
//! Latin is the basic A–Z, as passports transliterate; the Kazakh Latin alphabet is still a
//! draft (§4.6), so its letters are left for when it is adopted.
//!
//! The length limits are ours, not a regulation's: long enough for any real name, short
//! enough to fit a printed form.

use super::Issue;

pub const PERSON_NAME_MAX_CHARS: usize = 100;
pub const ORGANISATION_NAME_MAX_CHARS: usize = 300;

const KAZAKH_LETTERS: &str = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";
/// What joins the parts of a name; none of them may start or end one.
const JOINERS: &str = " -'’";
/// What an organisation's name adds: its legal form in quotes, numbers, abbreviations.
const ORGANISATION_MARKS: &str = "«»\"“”„.,№&()";

/// A person's name, with white space trimmed and runs of it made one space.
pub fn check_person_name(input: &str, max_chars: usize) -> Result<String, Issue> {
    let name = tidy(input);
    check_length(&name, max_chars)?;
    if let Some(c) = name
        .chars()
        .find(|&c| !is_letter(c) && !JOINERS.contains(c))
    {
        return Err(Issue::new("name-character").with("character", c));
    }
    check_edges(&name, |c| !is_letter(c))?;
    Ok(name)
}

/// An organisation's name, like a person's but also with digits, quotation marks and the
/// punctuation of legal forms: «ТОО "Қазақ Дәрі-1"», «АО "Банк ЦентрКредит"».
pub fn check_organisation_name(input: &str, max_chars: usize) -> Result<String, Issue> {
    let name = tidy(input);
    check_length(&name, max_chars)?;
    if let Some(c) = name.chars().find(|&c| {
        !is_letter(c)
            && !c.is_ascii_digit()
            && !JOINERS.contains(c)
            && !ORGANISATION_MARKS.contains(c)
    }) {
        return Err(Issue::new("name-character").with("character", c));
    }
    check_edges(&name, |c| JOINERS.contains(c) || c == ',')?;
    Ok(name)
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('А'..='я').contains(&c)
        || c == 'Ё'
        || c == 'ё'
        || KAZAKH_LETTERS.contains(c)
}

/// Trims, makes every run of white space (tabs, no-break spaces) one space, and composes
/// Й and Ё typed as И or Е plus a combining mark, as some keyboards send them: the
/// allowed alphabet then need not list the marks, and stored names compare equal.
fn tidy(input: &str) -> String {
    let mut name = String::with_capacity(input.len());
    for word in input.split_whitespace() {
        if !name.is_empty() {
            name.push(' ');
        }
        for c in word.chars() {
            let composed = match (name.chars().next_back(), c) {
                (Some('и'), '\u{0306}') => Some('й'),
                (Some('И'), '\u{0306}') => Some('Й'),
                (Some('е'), '\u{0308}') => Some('ё'),
                (Some('Е'), '\u{0308}') => Some('Ё'),
                _ => None,
            };
            match composed {
                Some(letter) => {
                    name.pop();
                    name.push(letter);
                }
                None => name.push(c),
            }
        }
    }
    name
}

fn check_length(name: &str, max_chars: usize) -> Result<(), Issue> {
    if name.is_empty() {
        return Err(Issue::new("name-empty"));
    }
    if name.chars().nth(max_chars).is_some() {
        return Err(Issue::new("name-too-long").with("max", max_chars));
    }
    Ok(())
}

fn check_edges(name: &str, bad_edge: impl Fn(char) -> bool) -> Result<(), Issue> {
    let edges = [name.chars().next(), name.chars().next_back()];
    match edges.into_iter().flatten().find(|&c| bad_edge(c)) {
        Some(c) => Err(Issue::new("name-edge").with("character", c)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::test_support::code;

    fn person(input: &str) -> Result<String, Issue> {
        check_person_name(input, PERSON_NAME_MAX_CHARS)
    }

    #[test]
    fn kazakh_russian_and_latin_names_pass() {
        for name in [
            "Әлия",
            "Нұрсұлтан Әбішұлы",
            "Ғалым Қайратұлы Үсенов",
            "Өмірзақ Ұлықбекұлы",
            "Айгүл Іскендірқызы",
            "Һибатулла",
            "Жаңыл",
            "Ёлкин Щукин-Эрнст",
            "O'Brien",
            "Д’Артаньян",
            "Anne-Marie Smith",
        ] {
            assert_eq!(person(name), Ok(name.into()), "{name}");
        }
        // Every Kazakh letter, both cases.
        assert_eq!(person(KAZAKH_LETTERS), Ok(KAZAKH_LETTERS.into()));
    }

    #[test]
    fn white_space_is_tidied() {
        assert_eq!(
            person("  Ақбота \t\u{a0} Серікқызы "),
            Ok("Ақбота Серікқызы".into())
        );
    }

    #[test]
    fn decomposed_letters_are_composed() {
        assert_eq!(person("Аи\u{0306}гүл"), Ok("Айгүл".into()));
        assert_eq!(person("И\u{0306}ӘН"), Ok("ЙӘН".into()));
        assert_eq!(person("Пе\u{0308}тр"), Ok("Пётр".into()));
        // A combining mark anywhere else is not a letter.
        assert_eq!(code(person("А\u{0306}ня")), "name-character");
    }

    #[test]
    fn empty_and_too_long() {
        assert_eq!(code(person("   ")), "name-empty");
        assert_eq!(check_person_name("Әлия", 4), Ok("Әлия".into()));
        let issue = check_person_name("Әлихан", 4).unwrap_err();
        assert_eq!(issue.code, "name-too-long");
        assert_eq!(issue.param("max"), Some("4"));
    }

    #[test]
    fn other_characters_are_named() {
        for (name, bad) in [
            ("R2-D2", "2"),
            ("Иван.", "."),
            ("Müller", "ü"),
            ("Ivan_Petrov", "_"),
            ("Ӑлия", "Ӑ"),
        ] {
            let issue = person(name).unwrap_err();
            assert_eq!(issue.code, "name-character", "{name}");
            assert_eq!(issue.param("character"), Some(bad), "{name}");
        }
    }

    #[test]
    fn punctuation_may_not_start_or_end_a_name() {
        for (name, edge) in [
            ("-Әлия", "-"),
            ("Әлия-", "-"),
            ("'Әлия", "'"),
            ("Әлия’", "’"),
            ("-", "-"),
        ] {
            let issue = person(name).unwrap_err();
            assert_eq!(issue.code, "name-edge", "{name}");
            assert_eq!(issue.param("character"), Some(edge), "{name}");
        }
    }

    #[test]
    fn organisation_names_allow_their_marks() {
        let organisation = |name| check_organisation_name(name, ORGANISATION_NAME_MAX_CHARS);
        assert_eq!(
            organisation("ТОО «Қазақ Дәрі-1»"),
            Ok("ТОО «Қазақ Дәрі-1»".into())
        );
        assert_eq!(
            organisation("АО \"Банк ЦентрКредит\""),
            Ok("АО \"Банк ЦентрКредит\"".into())
        );
        assert_eq!(
            organisation("Medline Co., Ltd."),
            Ok("Medline Co., Ltd.".into())
        );
        assert_eq!(code(organisation("ТОО «Альфа» @home")), "name-character");
        assert_eq!(code(organisation("-Альфа")), "name-edge");
        assert_eq!(code(organisation("Альфа,")), "name-edge");
        assert_eq!(code(organisation("")), "name-empty");
    }
}
