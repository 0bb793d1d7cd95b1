//! One language's messages, compiled from its Fluent files at build time, and how they are
//! formatted.
//!
//! The app used to parse the Fluent text in the browser with `fluent-bundle`: its parser,
//! resolver, plural rules and language tags were 33 KB of each app's wasm (BENCHMARKS.md,
//! section 0b). The messages use a small part of Fluent: text, variables, string literals,
//! selectors on a variable (by number, plural category or name) and attributes. So `build.rs`
//! parses the files with `fluent-syntax`, refuses anything outside that part with the message's
//! name, and writes the messages as postcard; formatting them is what follows.
//! `tests::every_message_formats_as_fluent_bundle_does` holds this to `fluent-bundle`, natively,
//! for every message of both languages.
//!
//! `build.rs` includes this file too (`#[path]`): it writes what the app reads.

use serde::{Deserialize, Serialize};

/// The messages of one language, sorted by [`Entry::key`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Messages {
    /// The language's code (`ru`, `kk`): it decides the plural categories.
    pub language: String,
    pub entries: Vec<Entry>,
}

/// A message's value (`key` = its id) or one of its attributes (`key` = `id.attribute`; a
/// Fluent id has no `.`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub key: String,
    pub pattern: Pattern,
}

pub type Pattern = Vec<Element>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Element {
    Text(String),
    /// `{ $name }`.
    Variable(String),
    /// `{ $name -> [key] … *[default] … }`.
    Select {
        variable: String,
        variants: Vec<Variant>,
        /// The index of the `*` variant.
        default: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub key: VariantKey,
    pub pattern: Pattern,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum VariantKey {
    /// `[0]`: equal to a number.
    Number(f64),
    /// `[one]`, `[licence]`: a plural category of a number, or equal to a text.
    Name(String),
}

/// A value given to a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Number(f64),
    Text(String),
}

macro_rules! number_args {
    ($($number:ty),*) => {$(
        impl From<$number> for Arg {
            fn from(number: $number) -> Arg {
                Arg::Number(number as f64)
            }
        }
    )*};
}
number_args!(f64, i32, i64, u32, u64, usize);

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl Messages {
    /// The pattern of message `id`, or of its `attribute`.
    pub fn pattern(&self, id: &str, attribute: Option<&str>) -> Option<&Pattern> {
        // Compared as the key `id.attribute` would be, without making it.
        let wanted = |key: &str| match attribute {
            None => key.cmp(id),
            Some(attribute) => key.bytes().cmp(
                id.bytes()
                    .chain(std::iter::once(b'.'))
                    .chain(attribute.bytes()),
            ),
        };
        let index = self
            .entries
            .binary_search_by(|entry| wanted(&entry.key))
            .ok()?;
        Some(&self.entries[index].pattern)
    }

    /// `pattern` with `args`, as `fluent-bundle` formats it without isolation marks: a
    /// variable not given shows as `{$name}`.
    pub fn format(&self, pattern: &Pattern, args: &[(&str, Arg)]) -> String {
        let mut text = String::new();
        self.write(pattern, args, &mut text);
        text
    }

    fn write(&self, pattern: &Pattern, args: &[(&str, Arg)], text: &mut String) {
        let arg = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, a)| a);
        for element in pattern {
            match element {
                Element::Text(part) => text.push_str(part),
                Element::Variable(name) => match arg(name) {
                    Some(Arg::Text(value)) => text.push_str(value),
                    Some(Arg::Number(number)) => text.push_str(&number.to_string()),
                    None => {
                        text.push_str("{$");
                        text.push_str(name);
                        text.push('}');
                    }
                },
                Element::Select {
                    variable,
                    variants,
                    default,
                } => {
                    let value = arg(variable);
                    let chosen = variants
                        .iter()
                        .find(|variant| {
                            value.is_some_and(|value| self.matches(&variant.key, value))
                        })
                        .or_else(|| variants.get(*default));
                    if let Some(variant) = chosen {
                        self.write(&variant.pattern, args, text);
                    }
                }
            }
        }
    }

    fn matches(&self, key: &VariantKey, value: &Arg) -> bool {
        match (key, value) {
            (VariantKey::Number(key), Arg::Number(number)) => key == number,
            (VariantKey::Name(key), Arg::Text(text)) => key == text,
            (VariantKey::Name(key), Arg::Number(number)) => key == self.plural_category(*number),
            (VariantKey::Number(_), Arg::Text(_)) => false,
        }
    }

    /// The CLDR cardinal plural category of `number` in this language (Russian: one, few,
    /// many, other; Kazakh: one, other).
    fn plural_category(&self, number: f64) -> &'static str {
        let number = number.abs();
        let whole = number.fract() == 0.0;
        match self.language.as_str() {
            "ru" if whole => {
                let i = number as u64;
                match (i % 10, i % 100) {
                    (1, rest) if rest != 11 => "one",
                    (2..=4, rest) if !(12..=14).contains(&rest) => "few",
                    _ => "many",
                }
            }
            "kk" if number == 1.0 => "one",
            _ => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
    use fluent_syntax::ast;

    /// Each language: its Fluent text and what build.rs compiled from it.
    const LANGUAGES: [(&str, &str, &[u8]); 2] = [
        (
            "ru",
            include_str!(concat!(env!("OUT_DIR"), "/ru.ftl")),
            include_bytes!(concat!(env!("OUT_DIR"), "/ru.bin")),
        ),
        (
            "kk",
            include_str!(concat!(env!("OUT_DIR"), "/kk.ftl")),
            include_bytes!(concat!(env!("OUT_DIR"), "/kk.bin")),
        ),
    ];

    /// Numbers that fall in every plural category of both languages, and on the borders of
    /// the Russian rules (11–14, 111), a fraction and a negative.
    const NUMBERS: [f64; 17] = [
        0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 11.0, 12.0, 14.0, 21.0, 22.0, 25.0, 101.0, 111.0, 1.5, -1.0,
        1000.0,
    ];

    /// Every value worth trying for each variable of `pattern`: for a selector, each of its
    /// keys and all of `NUMBERS`; for any other, a number and a text.
    fn candidates(pattern: &Pattern, into: &mut Vec<(String, Vec<Arg>)>) {
        for element in pattern {
            let (name, values) = match element {
                Element::Text(_) => continue,
                Element::Variable(name) => {
                    (name, vec![Arg::Number(7.0), Arg::Text("Ақтөбе".into())])
                }
                Element::Select {
                    variable, variants, ..
                } => {
                    let mut values: Vec<Arg> = NUMBERS.iter().map(|n| Arg::Number(*n)).collect();
                    values.push(Arg::Text("no-such-key".into()));
                    for variant in variants {
                        values.push(match &variant.key {
                            VariantKey::Number(number) => Arg::Number(*number),
                            VariantKey::Name(name) => Arg::Text(name.clone()),
                        });
                        candidates(&variant.pattern, into);
                    }
                    (variable, values)
                }
            };
            match into.iter_mut().find(|(known, _)| known == name) {
                Some((_, known)) => known.extend(values),
                None => into.push((name.clone(), values)),
            }
        }
    }

    /// All combinations of the candidates, and the message with no arguments at all.
    fn argument_sets(pattern: &Pattern) -> Vec<Vec<(String, Arg)>> {
        let mut variables = Vec::new();
        candidates(pattern, &mut variables);
        let mut sets: Vec<Vec<(String, Arg)>> = vec![Vec::new()];
        for (name, values) in &variables {
            sets = sets
                .iter()
                .flat_map(|set| {
                    values.iter().map(move |value| {
                        let mut set = set.clone();
                        set.push((name.clone(), value.clone()));
                        set
                    })
                })
                .collect();
        }
        if !variables.is_empty() {
            sets.push(Vec::new());
        }
        sets
    }

    #[test]
    fn every_message_formats_as_fluent_bundle_does() {
        for (language, source, compiled) in LANGUAGES {
            let messages: Messages = postcard::from_bytes(compiled).expect("build.rs's bundle");
            assert_eq!(messages.language, language);
            let resource = FluentResource::try_new(source.to_owned()).expect("valid Fluent");
            let mut bundle = FluentBundle::new(vec![language.parse().expect("a language tag")]);
            bundle.set_use_isolating(false);
            // A later message of the same id replaces an earlier one, in build.rs too.
            bundle.add_resource_overriding(resource);

            // Every value and attribute of the Fluent text is there, and nothing else.
            let mut keys: Vec<String> = FluentResource::try_new(source.to_owned())
                .expect("valid Fluent")
                .entries()
                .filter_map(|entry| match entry {
                    ast::Entry::Message(message) => Some(message),
                    _ => None,
                })
                .flat_map(|message| {
                    let id = message.id.name;
                    message
                        .value
                        .as_ref()
                        .map(|_| id.to_owned())
                        .into_iter()
                        .chain(
                            message
                                .attributes
                                .iter()
                                .map(move |a| format!("{id}.{}", a.id.name)),
                        )
                })
                .collect();
            keys.sort();
            keys.dedup();
            let compiled_keys: Vec<&str> =
                messages.entries.iter().map(|e| e.key.as_str()).collect();
            assert_eq!(
                compiled_keys, keys,
                "{language}: the compiled messages' keys"
            );
            assert!(keys.len() > 500, "{language}: only {} messages", keys.len());

            let mut checked = 0;
            for entry in &messages.entries {
                let (id, attribute) = match entry.key.split_once('.') {
                    Some((id, attribute)) => (id, Some(attribute)),
                    None => (entry.key.as_str(), None),
                };
                assert_eq!(
                    messages.pattern(id, attribute),
                    Some(&entry.pattern),
                    "{}",
                    entry.key
                );
                let message = bundle.get_message(id).expect("in the bundle");
                let theirs_pattern = match attribute {
                    None => message.value(),
                    Some(name) => message.get_attribute(name).map(|a| a.value()),
                }
                .expect("in the bundle");
                for set in argument_sets(&entry.pattern) {
                    let args: Vec<(&str, Arg)> = set
                        .iter()
                        .map(|(name, arg)| (name.as_str(), arg.clone()))
                        .collect();
                    let mut fluent_args = FluentArgs::new();
                    for (name, arg) in &set {
                        let value = match arg {
                            Arg::Number(number) => FluentValue::from(*number),
                            Arg::Text(text) => FluentValue::from(text.clone()),
                        };
                        fluent_args.set(name.clone(), value);
                    }
                    let theirs =
                        bundle.format_pattern(theirs_pattern, Some(&fluent_args), &mut vec![]);
                    assert_eq!(
                        messages.format(&entry.pattern, &args),
                        theirs,
                        "{language} {} with {set:?}",
                        entry.key
                    );
                    checked += 1;
                }
            }
            assert!(
                checked > keys.len(),
                "{language}: {checked} formats checked"
            );
        }
    }

    #[test]
    fn an_unknown_message_or_attribute_is_not_found() {
        let (_, _, compiled) = LANGUAGES[0];
        let messages: Messages = postcard::from_bytes(compiled).expect("build.rs's bundle");
        assert!(messages.pattern("app-name", None).is_some());
        assert!(messages.pattern("no-such-message", None).is_none());
        assert!(
            messages
                .pattern("app-name", Some("no-such-attribute"))
                .is_none()
        );
        assert!(messages.pattern("app", None).is_none());
    }
}
