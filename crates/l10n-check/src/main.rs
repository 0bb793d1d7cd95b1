//! `cargo run -p l10n-check [-- <locales dir>]`: checks the translations and prints each
//! problem as `file:line:column: error|warning: what to do`. Exits 1 when there is an error.
//!
//! `cargo run -p l10n-check -- reviewed [--locales <dir>] (<message-id>… | --all)`: after
//! updating translations, records the Russian text they now follow, so that the warning
//! "the Russian text changed after this translation was made" stops for them.

use std::path::PathBuf;
use std::process::ExitCode;

const REFERENCE: &str = "ru";
const OTHERS: &[&str] = &["kk"];

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "reviewed") {
        args.remove(0);
        return reviewed(args);
    }
    let root = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("locales"));
    let findings = match l10n_check::check_dir(&root, REFERENCE, OTHERS) {
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

fn reviewed(mut args: Vec<String>) -> ExitCode {
    let mut root = PathBuf::from("locales");
    if let Some(at) = args.iter().position(|a| a == "--locales") {
        if at + 1 >= args.len() {
            eprintln!("--locales needs the folder of the locales");
            return ExitCode::from(2);
        }
        root = PathBuf::from(args.remove(at + 1));
        args.remove(at);
    }
    let all = args.iter().any(|a| a == "--all");
    if args.is_empty() || (all && args.len() > 1) {
        eprintln!("usage: l10n-check reviewed [--locales <dir>] (<message-id>… | --all)");
        return ExitCode::from(2);
    }
    let ids = (!all).then_some(args.as_slice());
    match l10n_check::mark_reviewed(&root, REFERENCE, OTHERS, ids) {
        Ok(()) => {
            let what = if all {
                "every message".to_string()
            } else {
                args.join(", ")
            };
            println!("Recorded today's Russian text as reviewed for {what}.");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
