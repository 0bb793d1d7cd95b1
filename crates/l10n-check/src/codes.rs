//! Every problem code the server can send, and every code a validation rule returns, must
//! have words (`error-<code>`) in every locale: otherwise the applicant would read the raw
//! code. The lists come from `otinish-core`, where the server and the app take them from.

use crate::{Finding, Locale, Severity};
use otinish_core::{api, validation};
use std::collections::HashSet;
use std::path::PathBuf;

/// The codes that reach the app without a catalog entry of their own: the contract's
/// problem and field codes, the rules' codes, and the app's own "the server is unreachable".
pub fn all() -> Vec<&'static str> {
    let mut codes: Vec<&str> = api::code::ALL
        .iter()
        .chain(api::field_code::ALL)
        .chain(validation::CODES)
        .copied()
        .chain(["unreachable"])
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// An error for each code without an `error-<code>` message in a locale.
pub fn check(locale: &Locale, codes: &[&str]) -> Vec<Finding> {
    let ids: HashSet<&str> = locale.entries().map(|(_, e)| e.id.as_str()).collect();
    let errors_file = locale
        .files
        .iter()
        .find(|f| f.path.file_name().is_some_and(|n| n == "errors.ftl"))
        .map(|f| f.path.clone())
        .unwrap_or_else(|| PathBuf::from(format!("locales/{}/errors.ftl", locale.code)));
    codes
        .iter()
        .filter(|code| !ids.contains(format!("error-{code}").as_str()))
        .map(|code| Finding {
            path: errors_file.clone(),
            line: 1,
            column: 1,
            severity: Severity::Error,
            message: format!(
                "`error-{code}` is missing: the server or a form rule can send the code `{code}`, and without words for it the applicant would see the raw code. Add the message"
            ),
        })
        .collect()
}
