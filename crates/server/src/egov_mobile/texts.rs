//! The words the phone app shows (the request, the document, a refusal), in the language
//! the phone asks for (`Accept-Language`: Kazakh when it comes first, Russian otherwise),
//! taken from the app's own Fluent files: `locales/*/egov-mobile.ftl`, and `errors.ftl` for
//! a refused signature, so the phone says what the browser says.

use crate::result_document::names::{Bundle, bundle_of};
use axum::http::{HeaderMap, header};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Kazakh,
    Russian,
}

impl Language {
    /// Kazakh when the phone puts it first, Russian (the reference locale) otherwise.
    pub fn of(headers: &HeaderMap) -> Language {
        let first = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(',').next())
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        if first.starts_with("kk") {
            Language::Kazakh
        } else {
            Language::Russian
        }
    }
}

fn bundle(language: Language) -> &'static Bundle {
    static KAZAKH: OnceLock<Bundle> = OnceLock::new();
    static RUSSIAN: OnceLock<Bundle> = OnceLock::new();
    match language {
        Language::Kazakh => KAZAKH.get_or_init(|| {
            bundle_of(
                "kk",
                &[
                    include_str!("../../../../locales/kk/egov-mobile.ftl"),
                    include_str!("../../../../locales/kk/errors.ftl"),
                ],
            )
        }),
        Language::Russian => RUSSIAN.get_or_init(|| {
            bundle_of(
                "ru",
                &[
                    include_str!("../../../../locales/ru/egov-mobile.ftl"),
                    include_str!("../../../../locales/ru/errors.ftl"),
                ],
            )
        }),
    }
}

/// The message `id` in words; in the other language if this one lacks it, and the id
/// itself only if both do (a test keeps every id used here in both).
pub fn text(language: Language, id: &str) -> String {
    let other = match language {
        Language::Kazakh => Language::Russian,
        Language::Russian => Language::Kazakh,
    };
    [language, other]
        .into_iter()
        .find_map(|language| {
            let bundle = bundle(language);
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            errors.is_empty().then(|| text.trim().to_string())
        })
        .unwrap_or_else(|| id.to_string())
}

/// Why the phone's signature was refused, in words (the browser's words for the same code).
pub fn refusal(language: Language, code: &str) -> String {
    text(language, &format!("error-{code}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phone_text_is_there_in_both_languages() {
        for language in [Language::Kazakh, Language::Russian] {
            for id in super::super::PHONE_TEXTS {
                let words = text(language, id);
                assert_ne!(words, *id, "{id} in {language:?}");
            }
            use crate::signature::Refusal;
            let refusals = [
                Refusal::NotSigned,
                Refusal::DigestMismatch,
                Refusal::Untrusted,
                Refusal::Expired,
                Refusal::Revoked,
                Refusal::OcspUnavailable,
                Refusal::WrongKeyUsage,
                Refusal::SignerMismatch,
                Refusal::AlgorithmUnsupported,
                Refusal::VerifierUnavailable,
            ];
            for code in refusals.map(Refusal::code) {
                assert!(!refusal(language, code).starts_with("error-"), "{code}");
            }
        }
        assert_ne!(
            text(Language::Kazakh, "egov-mobile-phone-sign-in"),
            text(Language::Russian, "egov-mobile-phone-sign-in")
        );
    }

    #[test]
    fn kazakh_only_when_the_phone_puts_it_first() {
        let headers = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_LANGUAGE, value.parse().unwrap());
            headers
        };
        assert_eq!(Language::of(&headers("kk-KZ,ru;q=0.8")), Language::Kazakh);
        assert_eq!(Language::of(&headers("ru-RU,kk;q=0.8")), Language::Russian);
        assert_eq!(Language::of(&HeaderMap::new()), Language::Russian);
    }
}
