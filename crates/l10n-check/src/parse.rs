//! Reading one `.ftl` file into what the checks need: each message's id and position, its
//! attributes, its variables, its plain text and its selectors.

use crate::{Finding, Severity};
use fluent_syntax::ast;
use fluent_syntax::parser;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub struct LocaleFile {
    pub path: PathBuf,
    pub source: String,
    pub entries: Vec<Entry>,
    pub syntax_errors: Vec<Finding>,
}

/// A message or a term (`-name`), as the checks see it.
pub struct Entry {
    pub id: String,
    pub line: usize,
    /// The last line of the entry (its value and attributes).
    pub end_line: usize,
    pub attributes: BTreeSet<String>,
    pub variables: BTreeSet<String>,
    /// The value's text with placeables left out, for the "untranslated" check.
    pub text: String,
    /// Whether the comment above says the text is meant to be the same in every language.
    pub same_everywhere: bool,
    /// Variant keys of each select expression, with the line of the entry.
    pub selects: Vec<Vec<String>>,
}

impl LocaleFile {
    pub fn read(path: PathBuf) -> std::io::Result<LocaleFile> {
        let source = std::fs::read_to_string(&path)?;
        Ok(LocaleFile::parse(path, source))
    }

    pub fn parse(path: PathBuf, source: String) -> LocaleFile {
        let mut file = LocaleFile {
            path,
            source,
            entries: Vec::new(),
            syntax_errors: Vec::new(),
        };
        let resource = match parser::parse(file.source.as_str()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                file.syntax_errors = errors.iter().map(|e| file.syntax_error(e)).collect();
                resource
            }
        };
        let starts = entry_lines(&file.source);
        let mut next_start = starts.iter().peekable();
        let mut entries = Vec::new();
        for entry in &resource.body {
            let (id, value, attributes, comment) = match entry {
                ast::Entry::Message(m) => (
                    m.id.name.to_string(),
                    m.value.as_ref(),
                    &m.attributes,
                    m.comment.as_ref(),
                ),
                ast::Entry::Term(t) => (
                    format!("-{}", t.id.name),
                    Some(&t.value),
                    &t.attributes,
                    t.comment.as_ref(),
                ),
                _ => continue,
            };
            // Entries come in source order, so the next id-looking line with this id is ours.
            let line = loop {
                match next_start.next() {
                    Some((line, start_id)) if *start_id == id => break *line,
                    Some(_) => continue,
                    None => break 1,
                }
            };
            let mut collected = Collected::default();
            if let Some(value) = value {
                collected.pattern(value, true);
            }
            for attribute in attributes.iter() {
                collected.pattern(&attribute.value, false);
            }
            let same_everywhere = comment.is_some_and(|c| {
                c.content
                    .iter()
                    .any(|l| l.to_lowercase().contains("same in every language"))
            });
            entries.push(Entry {
                id,
                line,
                end_line: line,
                attributes: attributes.iter().map(|a| a.id.name.to_string()).collect(),
                variables: collected.variables,
                text: collected.text.trim().to_string(),
                same_everywhere,
                selects: collected.selects,
            });
        }
        let total_lines = file.source.lines().count().max(1);
        let bounds: Vec<usize> = entries
            .iter()
            .skip(1)
            .map(|e| e.line - 1)
            .chain([total_lines])
            .collect();
        for (entry, end) in entries.iter_mut().zip(bounds) {
            entry.end_line = end.max(entry.line);
        }
        file.entries = entries;
        file
    }

    pub fn finding(
        &self,
        line: usize,
        column: usize,
        severity: Severity,
        message: String,
    ) -> Finding {
        Finding {
            path: self.path.clone(),
            line,
            column,
            severity,
            message,
        }
    }

    /// 1-based line and column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let before = &self.source[..offset.min(self.source.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }

    fn syntax_error(&self, error: &parser::ParserError) -> Finding {
        // An error found at the start of a line is about the end of the line before it
        // (an unclosed brace, say): point there, where the translator has to look.
        let mut offset = error.pos.start.min(self.source.len());
        while offset > 0 && self.source.as_bytes()[offset - 1] == b'\n' {
            offset -= 1;
        }
        let (line, column) = self.position(offset);
        let advice = match &error.kind {
            parser::ErrorKind::MissingDefaultVariant => {
                "a choice ({ $x -> … }) needs a default variant, marked with * (for example *[other])".to_string()
            }
            kind => format!("the text cannot be read here: {kind}. Compare with a message that works"),
        };
        self.finding(line, column, Severity::Error, advice)
    }

    pub fn relative(&self, root_code: &str, other_code: &str) -> PathBuf {
        let text = self
            .path
            .to_string_lossy()
            .replace(&format!("/{root_code}/"), &format!("/{other_code}/"));
        Path::new(&text).to_path_buf()
    }
}

/// `(line, id)` of every line that starts an entry: `id =` or `-term =` at column 1.
fn entry_lines(source: &str) -> Vec<(usize, String)> {
    let mut starts = Vec::new();
    for (index, line) in source.lines().enumerate() {
        let name_end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(line.len());
        let name = &line[..name_end];
        let first_ok = name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '-');
        if first_ok && line[name_end..].trim_start().starts_with('=') {
            starts.push((index + 1, name.to_string()));
        }
    }
    starts
}

#[derive(Default)]
struct Collected {
    variables: BTreeSet<String>,
    text: String,
    selects: Vec<Vec<String>>,
}

impl Collected {
    fn pattern(&mut self, pattern: &ast::Pattern<&str>, is_value: bool) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    if is_value {
                        self.text.push_str(value);
                    }
                }
                ast::PatternElement::Placeable { expression } => {
                    self.expression(expression, is_value)
                }
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<&str>, is_value: bool) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline),
            ast::Expression::Select { selector, variants } => {
                self.inline(selector);
                let keys = variants
                    .iter()
                    .map(|v| match &v.key {
                        ast::VariantKey::Identifier { name } => name.to_string(),
                        ast::VariantKey::NumberLiteral { value } => value.to_string(),
                    })
                    .collect();
                self.selects.push(keys);
                for variant in variants {
                    self.pattern(&variant.value, is_value);
                }
            }
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&str>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                self.variables.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => self.arguments(arguments),
            ast::InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => self.arguments(arguments),
            ast::InlineExpression::Placeable { expression } => self.expression(expression, false),
            _ => {}
        }
    }

    fn arguments(&mut self, arguments: &ast::CallArguments<&str>) {
        for argument in &arguments.positional {
            self.inline(argument);
        }
        for named in &arguments.named {
            self.inline(&named.value);
        }
    }
}
