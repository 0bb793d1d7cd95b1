//! The checks that look across a whole locale: against the reference, and its plurals.

use crate::{Finding, Locale, Severity};
use std::collections::HashMap;

/// Every message of the reference must exist in `other`, and nothing else; each with the
/// same attributes and variables.
pub fn against_reference(reference: &Locale, other: &Locale) -> Vec<Finding> {
    let mut findings = Vec::new();
    let theirs: HashMap<&str, _> = other
        .entries()
        .map(|(file, entry)| (entry.id.as_str(), (file, entry)))
        .collect();
    let ours: HashMap<&str, _> = reference
        .entries()
        .map(|(file, entry)| (entry.id.as_str(), (file, entry)))
        .collect();
    let (lang, ref_lang) = (other.code.as_str(), reference.code.as_str());

    for (ref_file, ref_entry) in reference.entries() {
        let Some((file, entry)) = theirs.get(ref_entry.id.as_str()) else {
            findings.push(ref_file.finding(
                ref_entry.line,
                1,
                Severity::Error,
                format!(
                    "`{}` has no translation in `{lang}`: add it to {}",
                    ref_entry.id,
                    ref_file.relative(ref_lang, lang).display()
                ),
            ));
            continue;
        };
        for missing in ref_entry.attributes.difference(&entry.attributes) {
            findings.push(file.finding(
                entry.line,
                1,
                Severity::Error,
                format!(
                    "`{}` lacks the attribute .{missing} that `{ref_lang}` has: add it",
                    entry.id
                ),
            ));
        }
        for extra in entry.attributes.difference(&ref_entry.attributes) {
            findings.push(file.finding(
                entry.line,
                1,
                Severity::Error,
                format!(
                    "`{}` has an attribute .{extra} that `{ref_lang}` does not have: remove it",
                    entry.id
                ),
            ));
        }
        for missing in ref_entry.variables.difference(&entry.variables) {
            findings.push(file.finding(
                entry.line,
                1,
                Severity::Error,
                format!("`{}` does not use {{ ${missing} }}, which `{ref_lang}` uses: put it in the text", entry.id),
            ));
        }
        for extra in entry.variables.difference(&ref_entry.variables) {
            findings.push(file.finding(
                entry.line,
                1,
                Severity::Error,
                format!(
                    "`{}` uses {{ ${extra} }}, which `{ref_lang}` does not have: the app will not fill it in. \
                     Check the spelling of the variable",
                    entry.id
                ),
            ));
        }
        let looks_untranslated = !entry.same_everywhere
            && !entry.text.is_empty()
            && entry.text == ref_entry.text
            && entry
                .text
                .chars()
                .any(|c| matches!(c, 'а'..='я' | 'А'..='Я'));
        if looks_untranslated {
            findings.push(file.finding(
                entry.line,
                1,
                Severity::Warning,
                format!(
                    "`{}` is the same as in `{ref_lang}`: is it translated? If it is meant to be the same, \
                     put the comment `# same in every language` above it",
                    entry.id
                ),
            ));
        }
    }
    for (file, entry) in other.entries() {
        if !ours.contains_key(entry.id.as_str()) {
            findings.push(file.finding(
                entry.line,
                1,
                Severity::Error,
                format!(
                    "`{}` is not in the reference locale `{ref_lang}`: the app never shows it. Remove it, or check \
                     the spelling of the id",
                    entry.id
                ),
            ));
        }
    }
    findings
}

/// The plural categories a count can fall into, by CLDR: Russian needs one (1, 21…), few
/// (2–4, 22…), many (5–20, 25…) and other (fractions); Kazakh needs one and other.
fn plural_categories(lang: &str) -> &'static [&'static str] {
    match lang {
        "ru" => &["one", "few", "many", "other"],
        "kk" => &["one", "other"],
        _ => &["other"],
    }
}

const CLDR_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A choice on a count must list every plural category of the language.
pub fn plurals(locale: &Locale) -> Vec<Finding> {
    let needed = plural_categories(&locale.code);
    let mut findings = Vec::new();
    for (file, entry) in locale.entries() {
        for keys in &entry.selects {
            let is_plural = keys
                .iter()
                .any(|k| CLDR_CATEGORIES.contains(&k.as_str()) && k != "other");
            if !is_plural {
                continue;
            }
            let missing: Vec<&str> = needed
                .iter()
                .copied()
                .filter(|c| !keys.iter().any(|k| k == c))
                .collect();
            if !missing.is_empty() {
                findings.push(file.finding(
                    entry.line,
                    1,
                    Severity::Error,
                    format!(
                        "`{}` chooses by a number but has no variant for [{}]: `{}` needs [{}]",
                        entry.id,
                        missing.join("], ["),
                        locale.code,
                        needed.join("], [")
                    ),
                ));
            }
        }
    }
    findings
}
