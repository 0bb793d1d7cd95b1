//! Bundles the Fluent files of each language into one resource, so that translators can
//! split `locales/<lang>/` into as many files and folders as they like without touching code.
//! Every `.ftl` below `locales/<lang>/` is included, in path order; cargo re-runs this when
//! any of them changes, which is what makes `scripts/dev` show an edited text on reload.
//!
//! The bundles are not compiled into the app: a visitor downloads only the language shown
//! (see `src/i18n.rs`). This writes, in `OUT_DIR`:
//! - `locales/<lang>-<hash>.ftl`, named by a hash of their text so that they can be cached
//!   for a year; trunk's post-build hook (`scripts/trunk-locales`) copies them to
//!   `dist/locales/`;
//! - `<lang>.ftl`, the same text under a fixed name, for the tests to compile in;
//! - `locales.rs`, included by `src/i18n.rs`: each bundle's address, and each language's name
//!   in itself (its `lang-name` message), which the language switch shows before that
//!   language is loaded.

use std::{env, fs, path::Path, path::PathBuf};

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
        urls.push(serve(&served, lang, "", &bundle));
        public_urls.push(serve(&served, lang, "public-", &public));
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

/// Writes a bundle under a name that carries a hash of its text; its address.
fn serve(served: &Path, lang: &str, prefix: &str, bundle: &str) -> String {
    let file_name = format!("{lang}-{prefix}{:016x}.ftl", fnv1a(bundle.as_bytes()));
    fs::write(served.join(&file_name), bundle).expect("OUT_DIR is writable");
    format!("/locales/{file_name}")
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
