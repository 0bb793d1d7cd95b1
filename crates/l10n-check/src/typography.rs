//! Typography in the texts: «» instead of straight double quotes, … instead of three dots,
//! and a no-break space (U+00A0) where a line must not break: «2026 ж.», «2026 г.», «№ 462»,
//! «15 МБ», «40 %». Placeables (`{ … }`) and comments are code, not text, so they are
//! skipped; a placeable before a unit counts as its number.

use crate::{Finding, LocaleFile, Severity};

pub fn check(file: &LocaleFile) -> Vec<Finding> {
    let mut findings = Vec::new();
    for entry in &file.entries {
        let mut depth = 0usize;
        for (index, line) in file
            .source
            .lines()
            .enumerate()
            .take(entry.end_line)
            .skip(entry.line - 1)
        {
            if line.trim_start().starts_with('#') {
                continue;
            }
            // Text starts after the `=` of the id or of an attribute.
            let text_start = if index + 1 == entry.line || line.trim_start().starts_with('.') {
                line.find('=').map_or(0, |i| i + 1)
            } else {
                0
            };
            let chars: Vec<(usize, char)> = line.char_indices().collect();
            let mut column = 0;
            while column < chars.len() {
                let (byte, c) = chars[column];
                column += 1;
                if byte < text_start {
                    continue;
                }
                match c {
                    '{' => depth += 1,
                    '}' => depth = depth.saturating_sub(1),
                    '"' if depth == 0 => findings.push(file.finding(
                        index + 1,
                        column,
                        Severity::Error,
                        format!("`{}`: use «» instead of straight quotes \"", entry.id),
                    )),
                    ' ' if depth == 0 => {
                        let before = chars[..column - 1].last().map(|&(_, c)| c);
                        let after = &line[byte + 1..];
                        if let Some(what) = needs_no_break(before, after) {
                            findings.push(file.finding(
                                index + 1,
                                column,
                                Severity::Warning,
                                format!(
                                    "`{}`: put a no-break space (U+00A0) in «{what}», so that a line cannot break there",
                                    entry.id
                                ),
                            ));
                        }
                    }
                    '.' if depth == 0 && line[byte..].starts_with("...") => {
                        findings.push(file.finding(
                            index + 1,
                            column,
                            Severity::Error,
                            format!("`{}`: use the ellipsis … instead of three dots", entry.id),
                        ));
                        column += 2;
                    }
                    _ => {}
                }
            }
        }
    }
    findings
}

/// Units and abbreviations written after a number, which must stay on its line.
const UNITS: [&str; 9] = ["ж.", "г.", "МБ", "КБ", "ГБ", "%", "₸", "МРП", "АЕК"];

/// What a plain space between `before` and `after` joins that must not be broken: a number
/// (or a placeable, which stands for one) and its unit, or «№» and its number.
fn needs_no_break(before: Option<char>, after: &str) -> Option<String> {
    let before = before?;
    if before == '№' && after.starts_with(|c: char| c.is_ascii_digit() || c == '{') {
        return Some("№ …".to_string());
    }
    if !(before.is_ascii_digit() || before == '}') {
        return None;
    }
    UNITS
        .iter()
        .find(|unit| {
            after.starts_with(**unit)
                && !after[unit.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .map(|unit| format!("… {unit}"))
}
