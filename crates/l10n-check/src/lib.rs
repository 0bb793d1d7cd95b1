//! The translators' check for `locales/`.
//!
//! Russian (`ru`) is the reference locale. Every other locale must have the same messages,
//! with the same attributes and the same variables; every file must parse; Russian plurals
//! must name the categories Russian grammar needs; texts should use «» and … rather than
//! straight quotes and three dots; and a Kazakh text identical to the Russian one is
//! probably untranslated. Each finding names the file, line and column, and says in plain
//! words what to do.
//!
//! Written by hand rather than taken from a crate: the Fluent linters we found check
//! syntax only, and none compares locales or knows Russian plural categories.

pub mod codes;
mod compare;
mod parse;
pub mod stale;
mod typography;

pub use parse::{Entry, LocaleFile};
pub use stale::Lock;

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {severity}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// A locale: its code and every `.ftl` file below its folder.
pub struct Locale {
    pub code: String,
    pub files: Vec<LocaleFile>,
}

impl Locale {
    /// Reads `root/<code>/**/*.ftl`, in path order.
    pub fn read(root: &Path, code: &str) -> std::io::Result<Locale> {
        let mut paths = Vec::new();
        collect_ftl(&root.join(code), &mut paths)?;
        paths.sort();
        let files = paths
            .into_iter()
            .map(LocaleFile::read)
            .collect::<std::io::Result<_>>()?;
        Ok(Locale {
            code: code.to_string(),
            files,
        })
    }

    pub fn entries(&self) -> impl Iterator<Item = (&LocaleFile, &Entry)> {
        self.files
            .iter()
            .flat_map(|file| file.entries.iter().map(move |entry| (file, entry)))
    }
}

fn collect_ftl(dir: &Path, into: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_ftl(&path, into)?;
        } else if path.extension().is_some_and(|ext| ext == "ftl") {
            into.push(path);
        }
    }
    Ok(())
}

/// Checks `reference` and every locale in `others` against it.
pub fn check(reference: &Locale, others: &[Locale]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for locale in std::iter::once(reference).chain(others) {
        for file in &locale.files {
            findings.extend(file.syntax_errors.iter().cloned());
            findings.extend(typography::check(file));
            findings.extend(duplicates(file));
        }
        findings.extend(compare::plurals(locale));
    }
    for other in others {
        findings.extend(compare::against_reference(reference, other));
    }
    findings.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    findings
}

/// Reads `root/<reference>` and `root/<other>`… and checks them: [`check`], then the
/// translations made from an older Russian text (`root/<other>.lock`), and the words for
/// every problem code in every locale.
pub fn check_dir(root: &Path, reference: &str, others: &[&str]) -> std::io::Result<Vec<Finding>> {
    let reference = Locale::read(root, reference)?;
    let others = others
        .iter()
        .map(|code| Locale::read(root, code))
        .collect::<std::io::Result<Vec<_>>>()?;
    let mut findings = check(&reference, &others);
    for other in &others {
        let lock = Lock::read(Lock::path(root, &other.code))?;
        findings.extend(stale::check(&reference, other, &lock));
    }
    let codes = codes::all();
    for locale in std::iter::once(&reference).chain(&others) {
        findings.extend(codes::check(locale, &codes));
    }
    findings.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    Ok(findings)
}

/// `reviewed`: records today's Russian text of `ids` (or of every message) in each other
/// locale's lock, so that the stale-translation warnings for them stop.
pub fn mark_reviewed(
    root: &Path,
    reference: &str,
    others: &[&str],
    ids: Option<&[String]>,
) -> Result<(), String> {
    let reference = Locale::read(root, reference).map_err(|e| e.to_string())?;
    for code in others {
        let path = Lock::path(root, code);
        let mut lock = Lock::read(path.clone()).map_err(|e| format!("{}: {e}", path.display()))?;
        match ids {
            Some(ids) => lock.mark(&reference, ids)?,
            None => lock.mark_all(&reference),
        }
        lock.write()
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn duplicates(file: &LocaleFile) -> Vec<Finding> {
    let mut seen = std::collections::HashMap::new();
    let mut findings = Vec::new();
    for entry in &file.entries {
        if let Some(first) = seen.insert(entry.id.as_str(), entry.line) {
            findings.push(file.finding(
                entry.line,
                1,
                Severity::Error,
                format!(
                    "`{}` is defined twice in this file (first on line {first}); keep one",
                    entry.id
                ),
            ));
        }
    }
    findings
}
