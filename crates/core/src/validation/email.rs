//! E-mail addresses, checked pragmatically: enough to catch typing slips, not RFC 5322.
//! Quoted local parts and addresses without a dotted domain are refused; nobody applying
//! for a licence uses them, and a missed confirmation e-mail costs more than the rare
//! address this turns away.

use super::Issue;

/// The longest address that fits the SMTP path (RFC 5321 §4.5.3.1.3, 256 octets with the
/// angle brackets), counted here in characters like every limit the applicant sees.
pub const EMAIL_MAX_CHARS: usize = 254;

/// The address, trimmed, with its domain in lower case. The local part keeps its case:
/// the receiving server may distinguish it.
pub fn check_email(input: &str) -> Result<String, Issue> {
    let address = input.trim();
    if address.chars().nth(EMAIL_MAX_CHARS).is_some() {
        return Err(Issue::new("email-length").with("max", EMAIL_MAX_CHARS));
    }
    if address.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Issue::new("email-whitespace"));
    }
    let mut parts = address.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(Issue::new("email-at"));
    };
    if local.is_empty() {
        return Err(Issue::new("email-local-part"));
    }
    if !domain.contains('.') || domain.split('.').any(str::is_empty) {
        return Err(Issue::new("email-domain"));
    }
    // ASCII lower-casing keeps the length, so a normalised address never grows past the
    // limit (`str::to_lowercase` can: İ becomes two characters).
    Ok(format!("{local}@{}", domain.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::test_support::code;

    #[test]
    fn ordinary_addresses_pass_with_the_domain_lowered() {
        assert_eq!(check_email("info@example.kz"), Ok("info@example.kz".into()));
        assert_eq!(
            check_email("  Aigerim.Nurlanqyzy+licence@Mail.KZ\t"),
            Ok("Aigerim.Nurlanqyzy+licence@mail.kz".into())
        );
        assert_eq!(check_email("a@b.c"), Ok("a@b.c".into()));
        // An internationalised domain (.қаз) keeps its Cyrillic letters.
        assert_eq!(check_email("info@мысал.қаз"), Ok("info@мысал.қаз".into()));
    }

    #[test]
    fn exactly_one_at() {
        assert_eq!(code(check_email("info.example.kz")), "email-at");
        assert_eq!(code(check_email("info@@example.kz")), "email-at");
        assert_eq!(code(check_email("a@b@example.kz")), "email-at");
    }

    #[test]
    fn local_part_and_domain_are_needed() {
        assert_eq!(code(check_email("@example.kz")), "email-local-part");
        assert_eq!(code(check_email("info@")), "email-domain");
        assert_eq!(code(check_email("info@localhost")), "email-domain");
        assert_eq!(code(check_email("info@.kz")), "email-domain");
        assert_eq!(code(check_email("info@example.")), "email-domain");
        assert_eq!(code(check_email("info@example..kz")), "email-domain");
    }

    #[test]
    fn no_spaces_inside() {
        assert_eq!(code(check_email("ai gerim@mail.kz")), "email-whitespace");
        assert_eq!(
            code(check_email("aigerim@mail.kz\u{0}")),
            "email-whitespace"
        );
        assert_eq!(
            code(check_email("aigerim@mail\u{a0}.kz")),
            "email-whitespace"
        );
    }

    #[test]
    fn length_limit_is_254_characters() {
        let domain = "@example.kz"; // 11 characters
        let longest = format!("{}{domain}", "a".repeat(EMAIL_MAX_CHARS - domain.len()));
        assert_eq!(check_email(&longest), Ok(longest.clone()));
        let issue = check_email(&format!("a{longest}")).unwrap_err();
        assert_eq!(issue.code, "email-length");
        assert_eq!(issue.param("max"), Some("254"));
        // Characters, not bytes: 243 Cyrillic letters are 486 bytes and still fit.
        let cyrillic = format!("{}{domain}", "ә".repeat(EMAIL_MAX_CHARS - domain.len()));
        assert!(check_email(&cyrillic).is_ok());
    }
}
