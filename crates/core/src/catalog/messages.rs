//! The Fluent message ids of the catalog's texts.
//!
//! Ids are derived from data ids by one rule each, so the TOML never repeats them and a
//! translator can find any text by the id of the thing it names.

use super::model::*;

pub fn service_name(service: &str) -> String {
    format!("service-{service}")
}
pub fn service_short(service: &str) -> String {
    format!("service-{service}-short")
}
pub fn service_summary(service: &str) -> String {
    format!("service-{service}-summary")
}
pub fn service_keywords(service: &str) -> String {
    format!("service-{service}-keywords")
}
/// What one provider's regulation says about the result where it is narrower than the name.
pub fn result_note(service: &str, provider: &str) -> String {
    format!("service-{service}-note-{provider}")
}
pub fn provider(provider: &str) -> String {
    format!("provider-{provider}")
}
pub fn act_title(act: &str) -> String {
    format!("act-{act}")
}
pub fn document(document: &str) -> String {
    format!("document-{document}")
}
pub fn field(field: &str) -> String {
    format!("field-{field}")
}
pub fn field_option(field: &str, option: &str) -> String {
    format!("field-{field}-{option}")
}
pub fn page(page: &str) -> String {
    format!("page-{page}")
}
/// The heading of one item of a repeated page, with `$n`.
pub fn page_item(page: &str) -> String {
    format!("page-{page}-item")
}
/// The "add another" button of a repeated page.
pub fn page_add(page: &str) -> String {
    format!("page-{page}-add")
}

/// Said of a step whose term runs within a later step's, with `$step`, that step's text.
pub const STEP_INCLUDED: &str = "service-step-included";
/// Said instead of a step's own text when the step only leads to a refusal.
pub const STEP_REFUSAL: &str = "service-step-refusal";
/// The label of the official name, and the one of a name that is our translation.
pub fn name_label(status: NameStatus) -> &'static str {
    match status {
        NameStatus::Official => "service-official-name",
        NameStatus::OurTranslation => "service-name-our-translation",
    }
}

/// The id of a message named after an enum value, e.g. `kind-licence` or `region-almaty-city`.
pub fn of<T: serde::Serialize>(prefix: &str, value: &T) -> String {
    format!("{prefix}-{}", key(value))
}

/// An enum value's name in the catalog files, e.g. `legal-entity`; also used in addresses.
pub fn key<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Every message id the catalog needs, for the integrity test against the locales.
pub fn all(catalog: &Catalog) -> Vec<String> {
    let mut ids = Vec::new();
    for provider in &catalog.providers {
        ids.push(self::provider(&provider.id));
        if let Some(region) = provider.region {
            ids.push(of("region", &region));
        }
    }
    for act in &catalog.acts {
        ids.push(act_title(&act.id));
        if let Some(repeal) = &act.repealed_by {
            ids.push(of("act-repealed-by", &repeal.kind));
        }
    }
    ids.extend(catalog.documents.iter().map(|d| document(&d.id)));
    for field in &catalog.fields {
        ids.push(self::field(&field.id));
        ids.extend(field.options.iter().map(|o| field_option(&field.id, o)));
    }
    for service in &catalog.services {
        let id = &service.id;
        ids.extend([
            service_name(id),
            service_short(id),
            service_summary(id),
            service_keywords(id),
        ]);
        ids.push(of("kind", &service.kind));
        ids.push(name_label(service.kk_name).to_string());
        ids.push(of("category", &service.category));
        ids.extend(service.applicants.iter().map(|a| of("applicant", a)));
        ids.extend(service.sub_cases.iter().map(|s| of("sub-case", s)));
        ids.extend(service.targets.iter().map(|t| of("target", t)));
        ids.extend(service.pages.iter().map(|p| page(&p.id)));
        for repeated in service.pages.iter().filter(|p| p.repeat.is_some()) {
            ids.extend([page_item(&repeated.id), page_add(&repeated.id)]);
        }
        for provision in &service.provisions {
            ids.extend(provision.channels.iter().map(|c| of("channel", c)));
            for step in &provision.steps {
                ids.push(of("step", &step.action));
                ids.push(of("actor", &step.actor));
                if step.included_in.is_some() {
                    ids.push(STEP_INCLUDED.to_string());
                }
                if step.branch == Branch::Refusal {
                    ids.push(STEP_REFUSAL.to_string());
                }
            }
            for requirement in &provision.documents {
                ids.extend(requirement.channels.iter().map(|c| of("for-channel", c)));
            }
            if provision.result_note {
                ids.push(result_note(id, &provision.provider));
            }
        }
    }
    ids.sort();
    ids.dedup();
    ids
}
