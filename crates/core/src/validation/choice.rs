//! Answers chosen from a list: a select or radio group (one option id), check boxes
//! (option ids joined by commas) and yes/no questions. The browser only offers the
//! catalog's options; the server must still refuse anything else a script sends.

use super::Issue;

/// One of `options`, as its id.
pub fn check_option(answer: &str, options: &[String]) -> Result<String, Issue> {
    let id = answer.trim();
    if options.iter().any(|option| option == id) {
        Ok(id.to_string())
    } else {
        Err(Issue::new("option-unknown"))
    }
}

/// Any of `options`, as ids joined by commas in the catalog's order, each once. Empty
/// items are skipped, so a blank answer gives the empty string.
pub fn check_options(answer: &str, options: &[String]) -> Result<String, Issue> {
    let chosen: Vec<&str> = answer
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .collect();
    if chosen
        .iter()
        .any(|id| !options.iter().any(|option| option == id))
    {
        return Err(Issue::new("option-unknown"));
    }
    // The catalog's order, so the same choice is always stored the same way.
    let in_order: Vec<&str> = options
        .iter()
        .map(String::as_str)
        .filter(|option| chosen.contains(option))
        .collect();
    Ok(in_order.join(","))
}

/// `yes` or `no`.
pub fn check_yes_no(answer: &str) -> Result<String, Issue> {
    match answer.trim() {
        answer @ ("yes" | "no") => Ok(answer.to_string()),
        _ => Err(Issue::new("option-unknown")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::test_support::code;

    fn options() -> Vec<String> {
        ["import", "export", "transit"].map(String::from).to_vec()
    }

    #[test]
    fn one_option() {
        assert_eq!(check_option(" export ", &options()), Ok("export".into()));
        assert_eq!(code(check_option("Export", &options())), "option-unknown");
        assert_eq!(
            code(check_option("import,export", &options())),
            "option-unknown"
        );
        assert_eq!(code(check_option("", &options())), "option-unknown");
        assert_eq!(code(check_option("x", &[])), "option-unknown");
    }

    #[test]
    fn several_options_in_catalog_order_once_each() {
        assert_eq!(
            check_options("transit, import,transit", &options()),
            Ok("import,transit".into())
        );
        assert_eq!(check_options(" , ", &options()), Ok(String::new()));
        assert_eq!(
            code(check_options("import,smuggling", &options())),
            "option-unknown"
        );
    }

    #[test]
    fn yes_or_no_only() {
        assert_eq!(check_yes_no(" yes"), Ok("yes".into()));
        assert_eq!(check_yes_no("no"), Ok("no".into()));
        for answer in ["YES", "да", "иә", "true", ""] {
            assert_eq!(code(check_yes_no(answer)), "option-unknown", "{answer}");
        }
    }
}
