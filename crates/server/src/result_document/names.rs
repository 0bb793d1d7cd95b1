//! The words printed on a result document, in Kazakh and Russian, taken from the app's own
//! Fluent files so that the document says exactly what the applicant read in the app: the
//! service, the provider and the kind of document, the field labels
//! (`locales/*/result-document.ftl`), the refusal reasons, and the date as people read it.
//! A test checks that everything the catalog and the known refusal reasons need is there in
//! both languages.

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use otinish_core::catalog::{ServiceKind, messages};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Kazakh,
    Russian,
}

/// The languages a document is printed in: the state language first.
pub const LANGUAGES: [Language; 2] = [Language::Kazakh, Language::Russian];

macro_rules! locale {
    ($lang:literal) => {
        [
            include_str!(concat!("../../../../locales/", $lang, "/catalog-terms.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/format.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/cabinet.ftl")),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/result-document.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/arms-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/controlled-transit-permit.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/cotton-warehouse-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/end-user-certificate.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/explosives-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/export-control-conclusion.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/export-import-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/health-narcotics-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/medical-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/mining-chemical-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/munitions-disposal-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/narcotics-activity-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/narcotics-export-import-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/narcotics-import-export-transit-permit.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/pesticides-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/pharmaceutical-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/poisons-licence.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/processing-abroad-permit.ftl"
            )),
            include_str!(concat!(
                "../../../../locales/",
                $lang,
                "/services/scrap-metal-licence.ftl"
            )),
        ]
    };
}

pub(crate) type Bundle = FluentBundle<FluentResource>;

fn bundle(language: Language) -> &'static Bundle {
    static KAZAKH: OnceLock<Bundle> = OnceLock::new();
    static RUSSIAN: OnceLock<Bundle> = OnceLock::new();
    match language {
        Language::Kazakh => KAZAKH.get_or_init(|| bundle_of("kk", &locale!("kk"))),
        Language::Russian => RUSSIAN.get_or_init(|| bundle_of("ru", &locale!("ru"))),
    }
}

/// A bundle of `resources` (the app's Fluent files) for `tag`, without isolation marks: also
/// the phone's texts of `crate::egov_mobile`, plain text too.
pub(crate) fn bundle_of(tag: &str, resources: &[&'static str]) -> Bundle {
    let lang: unic_langid::LanguageIdentifier = tag.parse().expect("a language tag");
    let mut bundle = Bundle::new_concurrent(vec![lang]);
    // A PDF has no bidirectional text to keep apart: no isolation marks around values.
    bundle.set_use_isolating(false);
    for source in resources {
        // The app's files are checked by l10n-check; a message the parser cannot read is
        // simply not there, and the document falls back as `message` says.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// A message with its arguments, or `None` when the language does not have it (or it
/// cannot be put together without an error, which would print a raw `{ $placeholder }`).
fn message(language: Language, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundle(language);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.trim().to_string())
}

/// What the document is about: the service's short name ("Лицензия на медицинскую
/// деятельность"), or its id when no name is found, so that a document is always made.
pub fn service(language: Language, service: &str) -> String {
    message(language, &messages::service_short(service), None)
        .unwrap_or_else(|| service.to_string())
}

pub fn provider(language: Language, provider: &str) -> String {
    message(language, &messages::provider(provider), None).unwrap_or_else(|| provider.to_string())
}

pub fn kind(language: Language, kind: ServiceKind) -> String {
    let id = messages::of("kind", &kind);
    message(language, &id, None).unwrap_or(id)
}

/// A text of the document itself (`result-document-…`).
pub fn text(language: Language, id: &str) -> String {
    message(language, id, None).unwrap_or_else(|| id.to_string())
}

/// The reason for a refusal in words. A code the texts do not know is never printed as it
/// is: the document then says that the reason is in the provider's explanation.
pub fn reason(language: Language, code: &str) -> String {
    message(language, &format!("refusal-reason-{code}"), None)
        .filter(|_| code != "other")
        .unwrap_or_else(|| text(language, "result-document-reason-unlisted"))
}

/// «14 июня 2019 г.», «2019 ж. 14 маусым»: the app's own `date-long`.
pub fn date(language: Language, date: NaiveDate) -> String {
    let month = message(language, &format!("month-{}", date.month()), None).unwrap_or_default();
    let mut args = FluentArgs::new();
    args.set("day", FluentValue::from(date.day().to_string()));
    args.set("month", FluentValue::from(month));
    args.set("year", FluentValue::from(date.year().to_string()));
    message(language, "date-long", Some(&args)).unwrap_or_else(|| date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use otinish_core::catalog::catalog;

    #[test]
    fn every_service_provider_and_kind_has_a_plain_name_in_both_languages() {
        for language in LANGUAGES {
            for service in &catalog().services {
                for id in [
                    messages::service_short(&service.id),
                    messages::of("kind", &service.kind),
                ] {
                    let text = message(language, &id, None).unwrap_or_else(|| panic!("{id}"));
                    assert!(!text.contains('{'), "{id} is not plain text: {text}");
                }
                for provision in &service.provisions {
                    let id = messages::provider(&provision.provider);
                    let text = message(language, &id, None).unwrap_or_else(|| panic!("{id}"));
                    assert!(!text.contains('{'), "{id}: {text}");
                }
            }
        }
    }

    #[test]
    fn names_come_from_the_apps_texts() {
        assert_eq!(
            service(Language::Russian, "medical-licence"),
            "Лицензия на медицинскую деятельность"
        );
        assert_eq!(
            service(Language::Kazakh, "medical-licence"),
            "Медициналық қызметке лицензия"
        );
        assert_eq!(kind(Language::Kazakh, ServiceKind::Permit), "Рұқсат");
        assert_eq!(
            service(Language::Russian, "no-such-service"),
            "no-such-service"
        );
    }

    #[test]
    fn dates_are_written_as_people_read_them() {
        let day = NaiveDate::from_ymd_opt(2019, 6, 14).unwrap();
        // A no-break space keeps the year and its «г.» / «ж.» together.
        assert_eq!(date(Language::Russian, day), "14 июня 2019\u{a0}г.");
        assert_eq!(date(Language::Kazakh, day), "2019\u{a0}ж. 14 маусым");
    }

    #[test]
    fn every_known_refusal_reason_has_words_and_no_code_is_printed_raw() {
        for language in LANGUAGES {
            for code in otinish_core::status::REFUSAL_REASONS {
                let id = format!("refusal-reason-{code}");
                let words = message(language, &id, None).unwrap_or_else(|| panic!("{id}"));
                assert_eq!(reason(language, code), words);
            }
            for code in ["documents-expired-x", "other"] {
                let words = reason(language, code);
                assert!(!words.contains(code) && !words.is_empty(), "{words}");
            }
        }
        assert_eq!(
            reason(Language::Russian, "agreement-refused"),
            "согласующий государственный орган дал отрицательное заключение"
        );
    }

    #[test]
    fn every_label_of_the_document_is_there_in_both_languages() {
        for language in LANGUAGES {
            for id in super::super::LABELS {
                assert!(message(language, id, None).is_some(), "{id}");
            }
        }
    }
}
