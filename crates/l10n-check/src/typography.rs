//! Typography in the texts: «» instead of straight double quotes, … instead of three dots.
//! Placeables (`{ … }`) and comments are code, not text, so they are skipped.

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
