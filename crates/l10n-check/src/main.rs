//! `cargo run -p l10n-check [-- <locales dir>]`: checks the translations and prints each
//! problem as `file:line:column: error|warning: what to do`. Exits 1 when there is an error.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("locales"));
    let findings = match l10n_check::check_dir(&root, "ru", &["kk"]) {
        Ok(findings) => findings,
        Err(error) => {
            eprintln!(
                "cannot read the locale files under {}: {error}",
                root.display()
            );
            return ExitCode::from(2);
        }
    };
    for finding in &findings {
        println!("{finding}");
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == l10n_check::Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    if errors == 0 {
        println!("The translations are in order ({warnings} warnings).");
        ExitCode::SUCCESS
    } else {
        println!(
            "{errors} errors and {warnings} warnings: fix the errors above, then run the check again."
        );
        ExitCode::FAILURE
    }
}
