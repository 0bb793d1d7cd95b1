//! The names printed on a result document, in Kazakh and Russian, taken from the app's own
//! Fluent files so that the document says exactly what the applicant read in the app. The
//! messages used are plain one-line texts (`id = text`), so a line reader is enough; a test
//! checks that every service, provider and kind of the catalog has one in both languages.

use otinish_core::catalog::{ServiceKind, messages};
use std::collections::HashMap;
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

fn messages_of(language: Language) -> &'static HashMap<&'static str, &'static str> {
    static KAZAKH: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    static RUSSIAN: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    match language {
        Language::Kazakh => KAZAKH.get_or_init(|| plain_messages(&locale!("kk"))),
        Language::Russian => RUSSIAN.get_or_init(|| plain_messages(&locale!("ru"))),
    }
}

/// The one-line messages of Fluent resources: `id = text` at the start of a line.
fn plain_messages(resources: &[&'static str]) -> HashMap<&'static str, &'static str> {
    resources
        .iter()
        .flat_map(|resource| resource.lines())
        .filter_map(|line| {
            let (id, text) = line.split_once(" = ")?;
            let is_id = id.starts_with(|c: char| c.is_ascii_lowercase())
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            (is_id && !text.trim().is_empty()).then(|| (id, text.trim()))
        })
        .collect()
}

fn message(language: Language, id: &str) -> Option<&'static str> {
    messages_of(language).get(id).copied()
}

/// What the document is about: the service's short name ("Лицензия на медицинскую
/// деятельность"), or its id when no name is found, so that a document is always made.
pub fn service(language: Language, service: &str) -> String {
    message(language, &messages::service_short(service))
        .map_or_else(|| service.to_string(), str::to_string)
}

pub fn provider(language: Language, provider: &str) -> String {
    message(language, &messages::provider(provider))
        .map_or_else(|| provider.to_string(), str::to_string)
}

pub fn kind(language: Language, kind: ServiceKind) -> String {
    let id = messages::of("kind", &kind);
    message(language, &id).map_or(id, str::to_string)
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
                    let text = message(language, &id).unwrap_or_else(|| panic!("{id}"));
                    assert!(!text.contains('{'), "{id} is not plain text: {text}");
                }
                for provision in &service.provisions {
                    let id = messages::provider(&provision.provider);
                    let text = message(language, &id).unwrap_or_else(|| panic!("{id}"));
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
}
