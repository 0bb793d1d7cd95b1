//! The app's addresses that belong to the applicant's app (the application form, the cabinet,
//! signing in and up). The browser ships two apps so that a first visit downloads only the
//! public pages; the public app sends the browser to these addresses with a page load, and
//! the one page's `boot.js` (written by `scripts/boot-page`, which keeps the same rule)
//! starts the applicant's app there.

/// Whether `path` (an address's path, e.g. `/services/x/apply/check`) is the applicant's.
pub fn is_applicant_route(path: &str) -> bool {
    let mut parts = path.trim_matches('/').split('/');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some("cabinet" | "sign-in" | "register"), _, _)
            | (Some("services"), Some(_), Some("apply"))
    )
}

#[cfg(test)]
mod tests {
    use super::is_applicant_route;

    #[test]
    fn the_form_the_cabinet_and_signing_in_are_the_applicants() {
        for path in [
            "/cabinet",
            "/cabinet/",
            "/cabinet/applications/3f6c1a52",
            "/sign-in",
            "/register",
            "/services/medical-licence/apply",
            "/services/medical-licence/apply/check",
        ] {
            assert!(is_applicant_route(path), "{path}");
        }
        for path in [
            "/",
            "/services/medical-licence",
            "/services",
            "/apply",
            "/nowhere",
            "",
        ] {
            assert!(!is_applicant_route(path), "{path}");
        }
    }
}
