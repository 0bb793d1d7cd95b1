//! The server's layering: a route module imports services, `db`, `problem`, `extract` and
//! the request-scoped parts (`auth`, `state`, …), never another route module, and nothing
//! outside `routes/` reaches into one. Read from the sources, so that a new import of a
//! sibling fails here before it is merged.

use std::path::{Path, PathBuf};

fn source(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(relative)
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}

/// The route modules `routes/mod.rs` declares.
fn route_modules() -> Vec<String> {
    let text = std::fs::read_to_string(source("routes/mod.rs")).unwrap();
    let modules: Vec<String> = text
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line
                .strip_prefix("mod ")
                .or_else(|| line.strip_prefix("pub mod "))
                .or_else(|| line.strip_prefix("pub(crate) mod "))?;
            Some(rest.trim_end_matches(';').trim().to_string())
        })
        .collect();
    assert!(modules.len() >= 8, "routes/mod.rs declares {modules:?}");
    modules
}

/// Where `text` names another route module: `super::<sibling>` from a route module,
/// `super::super::` from a route's own submodule, `crate::routes::` from anywhere.
fn sibling_imports(text: &str, own: &str, nested: bool, siblings: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        let mut faults: Vec<&str> = Vec::new();
        if code.contains("crate::routes::") {
            faults.push("crate::routes::");
        }
        if nested && code.contains("super::super::") {
            faults.push("super::super::");
        }
        if !nested {
            for sibling in siblings.iter().filter(|sibling| *sibling != own) {
                if code.contains(&format!("super::{sibling}")) {
                    faults.push(sibling);
                }
            }
        }
        if !faults.is_empty() {
            found.push(format!("{}: {}", number + 1, line.trim()));
        }
    }
    found
}

#[test]
fn no_route_module_imports_another() {
    let siblings = route_modules();
    let routes = source("routes");
    let mut files = Vec::new();
    rust_files(&routes, &mut files);
    let mut faults = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&routes).unwrap();
        let nested = relative.components().count() > 1;
        let own = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        let text = std::fs::read_to_string(file).unwrap();
        for fault in sibling_imports(&text, &own, nested, &siblings) {
            faults.push(format!("{}:{fault}", relative.display()));
        }
    }
    assert!(
        faults.is_empty(),
        "route modules import each other (move the shared part to services/):\n{}",
        faults.join("\n")
    );
}

#[test]
fn nothing_outside_the_routes_reaches_into_one() {
    let mut files = Vec::new();
    rust_files(&source(""), &mut files);
    let routes = source("routes");
    let faults: Vec<String> = files
        .iter()
        .filter(|file| !file.starts_with(&routes))
        .flat_map(|file| {
            let text = std::fs::read_to_string(file).unwrap();
            sibling_imports(&text, "", false, &[])
                .into_iter()
                .map(|fault| format!("{}:{fault}", file.display()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_check_sees_a_sibling_import() {
    let siblings = vec!["applications".to_string(), "documents".to_string()];
    let text = "use super::applications::owned_application;\nuse super::*; // tests\n";
    assert_eq!(
        sibling_imports(text, "documents", false, &siblings).len(),
        1
    );
    assert!(sibling_imports(text, "applications", false, &siblings).is_empty());
    assert_eq!(
        sibling_imports(
            "use super::super::payments::x;",
            "submission",
            true,
            &siblings
        )
        .len(),
        1
    );
    assert_eq!(
        sibling_imports("use crate::routes::payments::record_report;", "", true, &[]).len(),
        1
    );
}
