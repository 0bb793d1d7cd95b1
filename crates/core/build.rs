//! Compiles the catalog (TOML under `catalog/`) into postcard embedded in the crate.
//!
//! Why at build time: the browser bundle then carries no TOML parser, and a catalog that
//! does not parse or does not hold together (an unknown provider, a deadline without a
//! source, a document nobody defined…) stops the build with a message naming the file.
//!
//! Why postcard and not JSON: decoding the catalog from JSON took serde_json's code for every
//! catalog type, 21 KB of the brotli bundle with the data; postcard's binary form needs far
//! less code per type (BENCHMARKS.md).

use std::{env, fs, path::Path, path::PathBuf};

#[path = "src/catalog/integrity.rs"]
#[allow(dead_code)]
mod integrity;
#[path = "src/catalog/model.rs"]
#[allow(dead_code)]
mod model;

fn main() {
    // Read when the script runs, not when it was compiled: a build script reused from
    // another checkout's target/ must read this checkout's catalog.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("catalog");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut paths = Vec::new();
    collect_toml(&root, &mut paths);
    paths.sort();

    let mut files = Vec::new();
    for path in &paths {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file: model::CatalogFile = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("catalog file {}:\n{e}", path.display()));
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        files.push((name, file));
    }

    let catalog = integrity::merge(files).unwrap_or_else(|problems| fail(&problems));
    let problems = integrity::check(&catalog);
    if !problems.is_empty() {
        fail(&problems);
    }

    let catalog = if env::var_os("CARGO_FEATURE_SOURCES").is_none() {
        let mut json = serde_json::to_value(&catalog).expect("the catalog serialises");
        drop_sources(&mut json);
        serde_json::from_value(json).expect("every source field has a default")
    } else {
        catalog
    };
    let bytes = postcard::to_allocvec(&catalog).expect("the catalog serialises");
    let out =
        PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.bin");
    fs::write(&out, bytes).expect("OUT_DIR is writable");
}

/// Removes every `source` and `…_source` field (read back as empty): they have been
/// checked, and the app and the server never show them.
fn drop_sources(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|key, _| !key.ends_with("source"));
            map.values_mut().for_each(drop_sources);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_sources),
        _ => {}
    }
}

fn collect_toml(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("readable directory entry").path();
        if path.is_dir() {
            println!("cargo::rerun-if-changed={}", path.display());
            collect_toml(&path, into);
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            into.push(path);
        }
    }
}

fn fail(problems: &[String]) -> ! {
    panic!(
        "the catalog is inconsistent:\n  - {}",
        problems.join("\n  - ")
    );
}
