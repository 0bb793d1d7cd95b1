//! Stale translations: the Russian text of a message changed after it was translated.
//!
//! `locales/<code>.lock` records, for every translated message, the Russian text the
//! translation was made from, one `id = text` line each. The check compares it with the
//! Russian of today and warns, with both texts, where they differ. Once the translator has
//! brought the translation up to date, `cargo run -p l10n-check -- reviewed <id>…` records
//! the Russian of today for those messages.
//!
//! Texts rather than hashes: the warning must show what the Russian said before, and the
//! lock then also reads well in a diff.

use crate::parse::{Entry, LocaleFile};
use crate::{Finding, Locale, Severity};
use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::{Path, PathBuf};

const HEADER: &str = "\
# The Russian text each translated message was made from. `cargo run -p l10n-check` warns
# when the Russian has changed since. After updating the translation, record the new Russian
# text with: cargo run -p l10n-check -- reviewed <message-id>…
";

pub struct Lock {
    pub path: PathBuf,
    entries: BTreeMap<String, String>,
}

impl Lock {
    /// Where the lock of a locale lives: `<root>/<code>.lock`, beside the locale's folder.
    pub fn path(root: &Path, code: &str) -> PathBuf {
        root.join(format!("{code}.lock"))
    }

    /// Reads a lock; a missing file is an empty lock.
    pub fn read(path: PathBuf) -> io::Result<Lock> {
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Lock::parse(path, &text)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Lock::parse(path, "")),
            Err(error) => Err(error),
        }
    }

    pub fn parse(path: PathBuf, text: &str) -> Lock {
        let entries = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once(" = "))
            .map(|(id, text)| (id.to_string(), unescape(text)))
            .collect();
        Lock { path, entries }
    }

    pub fn to_text(&self) -> String {
        let mut text = HEADER.to_string();
        for (id, russian) in &self.entries {
            text.push_str(&format!("{id} = {}\n", escape(russian)));
        }
        text
    }

    pub fn write(&self) -> io::Result<()> {
        std::fs::write(&self.path, self.to_text())
    }

    /// Records today's Russian text of `ids` as reviewed. Fails on an id the Russian lacks.
    pub fn mark(&mut self, reference: &Locale, ids: &[String]) -> Result<(), String> {
        let russian = texts(reference);
        for id in ids {
            let text = russian
                .get(id.as_str())
                .ok_or_else(|| format!("the Russian has no message `{id}`"))?;
            self.entries.insert(id.clone(), text.clone());
        }
        Ok(())
    }

    /// Records today's Russian text of every message, and forgets removed ones.
    pub fn mark_all(&mut self, reference: &Locale) {
        self.entries = texts(reference)
            .into_iter()
            .map(|(id, text)| (id.to_string(), text))
            .collect();
    }
}

/// A warning for each translated message whose Russian text differs from the one recorded
/// in the lock, or that the lock does not know.
pub fn check(reference: &Locale, other: &Locale, lock: &Lock) -> Vec<Finding> {
    let russian = texts(reference);
    let mut findings = Vec::new();
    for (file, entry) in other.entries() {
        let Some(now) = russian.get(entry.id.as_str()) else {
            continue;
        };
        let reviewed = format!("cargo run -p l10n-check -- reviewed {}", entry.id);
        let message = match lock.entries.get(&entry.id) {
            Some(then) if then == now => continue,
            Some(then) => format!(
                "`{}`: the Russian text changed after this translation was made: it was «{}», it is now «{}». Update the translation, then run `{reviewed}`",
                entry.id,
                shown(then),
                shown(now)
            ),
            None => format!(
                "`{}`: {} does not record which Russian text this translation was made from. Check it against the Russian, then run `{reviewed}`",
                entry.id,
                lock.path.display()
            ),
        };
        findings.push(file.finding(entry.line, 1, Severity::Warning, message));
    }
    findings
}

/// Every Russian message's text, by id.
fn texts(reference: &Locale) -> HashMap<&str, String> {
    reference
        .entries()
        .map(|(file, entry)| (entry.id.as_str(), text_of(file, entry)))
        .collect()
}

/// An entry's source without its comments or its id: what a translator translates.
fn text_of(file: &LocaleFile, entry: &Entry) -> String {
    let lines: Vec<&str> = file
        .source
        .lines()
        .take(entry.end_line)
        .skip(entry.line - 1)
        .filter(|line| !line.trim_start().starts_with('#'))
        .map(str::trim_end)
        .collect();
    let text = lines.join("\n");
    let text = text
        .strip_prefix(entry.id.as_str())
        .map_or(text.as_str(), |rest| {
            rest.trim_start().trim_start_matches('=')
        });
    text.trim().to_string()
}

fn shown(text: &str) -> String {
    text.split('\n')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ⏎ ")
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\n', "\\n")
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips_new_lines_and_backslashes() {
        let text = "{ $n ->\n    [one] a \\ b\n   *[other] c\n}";
        assert_eq!(unescape(&escape(text)), text);
        assert!(!escape(text).contains('\n'));
    }
}
