//! Bundles the Fluent files of each language into one resource, so that translators can
//! split `locales/<lang>/` into as many files and folders as they like without touching code.
//! Every `.ftl` below `locales/<lang>/` is included, in path order; cargo re-runs this when
//! any of them changes, which is what makes `scripts/dev` show an edited text on reload.
//!
//! The bundles are compiled (`src/i18n/messages.rs`: the Fluent parsed here, written as
//! postcard), but not into the app: a visitor downloads only the language shown (see
//! `src/i18n/mod.rs`). This writes, in `OUT_DIR`:
//! - `locales/<lang>-<hash>.bin`, named by a hash of their content so that they can be
//!   cached for a year; trunk's post-build hook (`scripts/trunk-locales`) copies them to
//!   `dist/locales/`; `<lang>-public-<hash>.bin` has only the public app's messages;
//! - `<lang>.bin` and `<lang>.ftl`, the whole language under a fixed name, compiled and as
//!   Fluent text, for the tests and the prerender to compile in;
//! - `locales.rs`, included by `src/i18n/mod.rs`: each bundle's address, and each language's name
//!   in itself (its `lang-name` message), which the language switch shows before that
//!   language is loaded.

use std::collections::BTreeMap;
use std::{env, fs, path::Path, path::PathBuf};

#[path = "src/i18n/messages.rs"]
#[allow(dead_code)] // the formatting half is the app's
mod messages;
use messages::{Element, Entry, Messages, Variant, VariantKey};

const LANGUAGES: [&str; 2] = ["ru", "kk"];

fn main() {
    // Read at run time: a build script compiled for another checkout must not read its files.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let locales = Path::new(&manifest_dir).join("locales");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let served = out_dir.join("locales");
    // Only this build's bundles: the hook copies the whole folder.
    let _ = fs::remove_dir_all(&served);
    fs::create_dir_all(&served).expect("OUT_DIR is writable");

    let mut urls = Vec::new();
    let mut public_urls = Vec::new();
    let mut names = Vec::new();
    for lang in LANGUAGES {
        let dir = locales.join(lang);
        let mut files = Vec::new();
        collect_ftl(&dir, &mut files);
        files.sort();
        let mut bundle = String::new();
        let mut public = String::new();
        for file in &files {
            println!("cargo::rerun-if-changed={}", file.display());
            let source =
                fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let shown_publicly = is_public(file.strip_prefix(&dir).unwrap_or(file));
            // Comments are for translators; the bundle does not need them.
            for line in source.lines().filter(|line| !line.starts_with('#')) {
                bundle.push_str(line);
                bundle.push('\n');
                if shown_publicly {
                    public.push_str(line);
                    public.push('\n');
                }
            }
        }
        let compiled = compile(lang, &bundle);
        urls.push(serve(&served, lang, "", &compiled));
        public_urls.push(serve(&served, lang, "public-", &compile(lang, &public)));
        fs::write(out_dir.join(format!("{lang}.bin")), &compiled).expect("OUT_DIR is writable");
        fs::write(out_dir.join(format!("{lang}.ftl")), &bundle).expect("OUT_DIR is writable");
        names.push(lang_name(lang, &bundle));
    }
    let generated = format!(
        "/// Where each language's messages are served, in `Lang::ALL` order.\n\
         const BUNDLE_URLS: [&str; {n}] = {urls:?};\n\
         /// The same, with only what the public app shows (catalog and service pages).\n\
         const PUBLIC_BUNDLE_URLS: [&str; {n}] = {public_urls:?};\n\
         /// Each language's name in itself (its `lang-name` message), in `Lang::ALL` order.\n\
         const LANG_NAMES: [&str; {n}] = {names:?};\n",
        n = LANGUAGES.len(),
    );
    fs::write(out_dir.join("locales.rs"), generated).expect("OUT_DIR is writable");
}

/// The files the public app's pages use: the shell, the catalog, the services, formats. The
/// form's, the cabinet's, signing's and the errors' messages come with the applicant's app.
fn is_public(relative: &Path) -> bool {
    let first = relative
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    matches!(
        first.as_str(),
        "app.ftl" | "catalog.ftl" | "catalog-terms.ftl" | "format.ftl" | "services"
    )
}

/// Writes a compiled bundle under a name that carries a hash of it; its address.
fn serve(served: &Path, lang: &str, prefix: &str, bundle: &[u8]) -> String {
    let file_name = format!("{lang}-{prefix}{:016x}.bin", fnv1a(bundle));
    fs::write(served.join(&file_name), bundle).expect("OUT_DIR is writable");
    format!("/locales/{file_name}")
}

/// The messages of a bundle as the app reads them (`src/i18n/messages.rs`), postcard-encoded.
/// A later message of the same id replaces an earlier one, as `fluent-bundle`'s
/// `add_resource_overriding` did. Panics, naming the message, on what the app's formatter
/// does not do: terms, message references, functions, number literals, nested placeables.
fn compile(lang: &str, bundle: &str) -> Vec<u8> {
    use fluent_syntax::ast;
    let resource = fluent_syntax::parser::parse_runtime(bundle).unwrap_or_else(|(_, errors)| {
        panic!("locales/{lang}: Fluent syntax errors (`cargo run -p l10n-check` shows where): {errors:?}")
    });
    let mut entries = BTreeMap::new();
    for entry in resource.body {
        let message = match entry {
            ast::Entry::Message(message) => message,
            ast::Entry::Term(term) => panic!(
                "locales/{lang}: term -{}: the app's messages do not use terms",
                term.id.name
            ),
            _ => continue,
        };
        let id = message.id.name;
        let compile = |pattern: &ast::Pattern<&str>| compile_pattern(lang, id, pattern);
        if let Some(value) = &message.value {
            entries.insert(id.to_owned(), compile(value));
        }
        for attribute in &message.attributes {
            entries.insert(
                format!("{id}.{}", attribute.id.name),
                compile(&attribute.value),
            );
        }
    }
    let messages = Messages {
        language: lang.to_owned(),
        entries: entries
            .into_iter()
            .map(|(key, pattern)| Entry { key, pattern })
            .collect(),
    };
    postcard::to_allocvec(&messages).expect("messages encode")
}

fn compile_pattern(
    lang: &str,
    id: &str,
    pattern: &fluent_syntax::ast::Pattern<&str>,
) -> Vec<Element> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    let unsupported = |what: &str| -> ! {
        panic!(
            "locales/{lang}: message {id} uses {what}, which src/i18n/messages.rs does not format"
        )
    };
    let mut elements = Vec::new();
    let push_text = |elements: &mut Vec<Element>, text: &str| match elements.last_mut() {
        Some(Element::Text(last)) => last.push_str(text),
        _ => elements.push(Element::Text(text.to_owned())),
    };
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => push_text(&mut elements, value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::VariableReference { id: variable }) => {
                    elements.push(Element::Variable(variable.name.to_owned()))
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => push_text(
                    &mut elements,
                    &fluent_syntax::unicode::unescape_unicode_to_string(value),
                ),
                Expression::Inline(_) => unsupported("a placeable other than a variable or a text"),
                Expression::Select { selector, variants } => {
                    let InlineExpression::VariableReference { id: variable } = selector else {
                        unsupported("a selector on something other than a variable")
                    };
                    let default = variants
                        .iter()
                        .position(|v| v.default)
                        .unwrap_or_else(|| unsupported("a selector without a default variant"));
                    let variants = variants
                        .iter()
                        .map(|variant| Variant {
                            key: match variant.key {
                                fluent_syntax::ast::VariantKey::Identifier { name } => {
                                    VariantKey::Name(name.to_owned())
                                }
                                fluent_syntax::ast::VariantKey::NumberLiteral { value } => {
                                    VariantKey::Number(value.parse().unwrap_or_else(|_| {
                                        unsupported("a variant key that is not a plain number")
                                    }))
                                }
                            },
                            pattern: compile_pattern(lang, id, &variant.value),
                        })
                        .collect();
                    elements.push(Element::Select {
                        variable: variable.name.to_owned(),
                        variants,
                        default,
                    });
                }
            },
        }
    }
    elements
}

/// The plain-text value of `lang-name = …`, the name of the language in itself.
fn lang_name(lang: &str, bundle: &str) -> String {
    bundle
        .lines()
        .find_map(|line| {
            let (id, value) = line.split_once('=')?;
            (id.trim() == "lang-name").then(|| value.trim().to_owned())
        })
        .filter(|name| !name.is_empty() && !name.contains(['{', '}']))
        .unwrap_or_else(|| panic!("locales/{lang}: `lang-name = …` must be a plain one-line text"))
}

/// 64-bit FNV-1a: a content hash for cache busting, not for security.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn collect_ftl(dir: &Path, into: &mut Vec<PathBuf>) {
    println!("cargo::rerun-if-changed={}", dir.display());
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("readable directory entry").path();
        if path.is_dir() {
            collect_ftl(&path, into);
        } else if path.extension().is_some_and(|ext| ext == "ftl") {
            into.push(path);
        }
    }
}
