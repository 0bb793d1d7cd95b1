//! Bundles the Fluent files of each language into one resource, so that translators can
//! split `locales/<lang>/` into as many files and folders as they like without touching code.
//! Every `.ftl` below `locales/<lang>/` is included, in path order; cargo re-runs this when
//! any of them changes, which is what makes `scripts/dev` show an edited text on reload.

use std::{env, fs, path::Path, path::PathBuf};

const LANGUAGES: [&str; 2] = ["ru", "kk"];

fn main() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for lang in LANGUAGES {
        let dir = locales.join(lang);
        let mut files = Vec::new();
        collect_ftl(&dir, &mut files);
        files.sort();
        let mut bundle = String::new();
        for file in &files {
            println!("cargo::rerun-if-changed={}", file.display());
            let source =
                fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            // Comments are for translators; the bundle does not need them.
            for line in source.lines().filter(|line| !line.starts_with('#')) {
                bundle.push_str(line);
                bundle.push('\n');
            }
        }
        fs::write(out_dir.join(format!("{lang}.ftl")), bundle).expect("OUT_DIR is writable");
    }
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
