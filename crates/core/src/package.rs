//! Whether an application's package is complete: every answer the form asks of this
//! sub-case and applicant type given and accepted by the rules of `validation`, and every
//! document the applicant must attach attached. The regulations take payment and the
//! signature only after that (Постановление акимата ВКО от 26.03.2014 № 70,
//! подп. 1) п. 1 (регламент), п. 11 процесс 4–5): the backend asks here
//! before it takes payment or a signature, and the app asks here before it offers them.
//!
//! Each fault names its place with a JSON Pointer into the application
//! (`/answers/<page>/<field>`, `/answers/<page>/<item>/<field>` on a repeated page,
//! `/documents/<document>`) and the code of the rule.

use crate::api::{AnswerValue, Answers, FieldAnswers, PageAnswers, field_code};
use crate::catalog::{
    self, ApplicantType, DocumentRequirement, Field, Page, Provision, Service, SubCase, Supplier,
    applies,
};
use crate::validation::{self, Issue};

/// What the package is checked on.
pub struct Package<'a> {
    pub service: &'a Service,
    pub provision: &'a Provision,
    pub sub_case: SubCase,
    pub applicant: ApplicantType,
    pub answers: &'a Answers,
    /// The catalog ids of the documents that have at least one file attached.
    pub attached: &'a [&'a str],
}

/// One thing at fault: where, the rule's code, and its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub pointer: String,
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
}

/// The pages the form asks of this sub-case and applicant type, in order.
pub fn pages(
    service: &Service,
    sub_case: SubCase,
    applicant: Option<ApplicantType>,
) -> impl Iterator<Item = &Page> {
    service.pages.iter().filter(move |page| {
        applies(&page.sub_cases, &sub_case)
            && applicant.is_none_or(|applicant| applies(&page.applicants, &applicant))
    })
}

/// The documents of this sub-case and applicant type, those the applicant attaches and those
/// the provider takes from state databases alike.
pub fn documents(
    provision: &Provision,
    sub_case: SubCase,
    applicant: ApplicantType,
) -> impl Iterator<Item = &DocumentRequirement> {
    provision.documents.iter().filter(move |requirement| {
        applies(&requirement.sub_cases, &sub_case) && applies(&requirement.applicants, &applicant)
    })
}

/// Whether a field is asked, given the other answers of its page (or of its item).
pub fn shown(field: &Field, item: &FieldAnswers) -> bool {
    field.when.as_ref().is_none_or(|condition| {
        item.get(&condition.field)
            .is_some_and(|answer| chosen(answer, &condition.equals))
    })
}

/// Every fault at once, so that the applicant sees them all on one error summary; empty
/// when the package is complete.
pub fn check(package: &Package<'_>, today: chrono::NaiveDate) -> Vec<Fault> {
    let mut faults = Faults::default();
    for page in pages(package.service, package.sub_case, Some(package.applicant)) {
        check_page(page, package.answers.get(&page.id), today, &mut faults);
    }
    for requirement in documents(package.provision, package.sub_case, package.applicant)
        .filter(|r| r.required && r.supplied_by == Supplier::Applicant)
    {
        if !package.attached.contains(&requirement.document.as_str()) {
            faults.add(
                format!("/documents/{}", requirement.document),
                field_code::DOCUMENT_MISSING,
                Vec::new(),
            );
        }
    }
    faults.0
}

fn check_page(
    page: &Page,
    answers: Option<&PageAnswers>,
    today: chrono::NaiveDate,
    faults: &mut Faults,
) {
    let base = format!("/answers/{}", page.id);
    let empty = FieldAnswers::new();
    let items: &[FieldAnswers] = match (answers, &page.repeat) {
        (Some(PageAnswers::Repeated(items)), Some(_)) => items,
        (Some(PageAnswers::Repeated(_)), None) => {
            return faults.add(base, field_code::WRONG_TYPE, Vec::new());
        }
        // One item (the form keeps a single item as a page answered once), or none yet:
        // its questions are named one by one, where the applicant answers them.
        (Some(PageAnswers::Once(item)), _) => return check_item(page, item, &base, today, faults),
        (None, repeat) if repeat.as_ref().is_none_or(|r| r.min > 0) => {
            return check_item(page, &empty, &base, today, faults);
        }
        (None, _) => &[],
    };
    if let Some(repeat) = &page.repeat {
        let count = u32::try_from(items.len()).unwrap_or(u32::MAX);
        if count < repeat.min {
            faults.add(
                base.clone(),
                field_code::TOO_SHORT,
                vec![("min", repeat.min.to_string())],
            );
        } else if count > repeat.max {
            faults.add(
                base.clone(),
                field_code::TOO_MANY_ITEMS,
                vec![("max", repeat.max.to_string())],
            );
        }
    }
    for (index, item) in items.iter().enumerate() {
        check_item(page, item, &format!("{base}/{index}"), today, faults);
    }
}

/// One set of the page's answers: each field the page shows, judged by its rule.
fn check_item(
    page: &Page,
    item: &FieldAnswers,
    base: &str,
    today: chrono::NaiveDate,
    faults: &mut Faults,
) {
    let catalog = catalog::catalog();
    for field in page.fields.iter().filter_map(|id| catalog.field(id)) {
        if !shown(field, item) {
            continue;
        }
        let answer = item.get(&field.id).map(as_text).unwrap_or_default();
        if let Err(issue) = validation::check_field(field, &answer, today) {
            faults.add_issue(format!("{base}/{}", field.id), issue);
        }
    }
}

/// Answers travel to the rules as text: check boxes as option ids joined by commas.
fn as_text(answer: &AnswerValue) -> String {
    match answer {
        AnswerValue::Text(text) => text.clone(),
        AnswerValue::Choices(choices) => choices.join(","),
    }
}

fn chosen(answer: &AnswerValue, option: &str) -> bool {
    match answer {
        AnswerValue::Text(text) => text.trim() == option,
        AnswerValue::Choices(choices) => choices.iter().any(|choice| choice == option),
    }
}

#[derive(Default)]
struct Faults(Vec<Fault>);

impl Faults {
    fn add(&mut self, pointer: String, code: &'static str, params: Vec<(&'static str, String)>) {
        self.0.push(Fault {
            pointer,
            code,
            params,
        });
    }

    fn add_issue(&mut self, pointer: String, issue: Issue) {
        self.add(pointer, issue.code, issue.params);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn faults(
        service: &str,
        provider: &str,
        sub_case: SubCase,
        answers: serde_json::Value,
        attached: &[&str],
    ) -> Vec<(String, String)> {
        let service = catalog::catalog().service(service).unwrap();
        let provision = service.provision(provider).unwrap();
        let answers: Answers = serde_json::from_value(answers).unwrap();
        let package = Package {
            service,
            provision,
            sub_case,
            applicant: ApplicantType::Individual,
            answers: &answers,
            attached,
        };
        check(&package, today())
            .into_iter()
            .map(|fault| (fault.pointer, fault.code.to_string()))
            .collect()
    }

    fn medical_duplicate() -> serde_json::Value {
        json!({
            "annex-subtypes": { "activity-subtypes": "Стоматология" },
            "duplicate-details": {
                "licence-number": "00123",
                "licence-date": "2015-03-12",
                "duplicate-reason": "lost"
            },
            "contacts": { "contact-phone": "+77011234567", "contact-email": "a@example.kz" }
        })
    }

    #[test]
    fn a_complete_package_passes() {
        let found = faults(
            "medical-licence",
            "vko-health",
            SubCase::Duplicate,
            medical_duplicate(),
            &[],
        );
        assert_eq!(found, Vec::<(String, String)>::new());
    }

    #[test]
    fn every_missing_or_rejected_answer_is_named() {
        let mut answers = medical_duplicate();
        answers["duplicate-details"]
            .as_object_mut()
            .unwrap()
            .remove("duplicate-reason");
        answers["contacts"]["contact-phone"] = json!("+44 20 7946 0000");
        answers.as_object_mut().unwrap().remove("annex-subtypes");
        let found = faults(
            "medical-licence",
            "vko-health",
            SubCase::Duplicate,
            answers,
            &[],
        );
        assert!(found.contains(&(
            "/answers/duplicate-details/duplicate-reason".into(),
            "required".into()
        )));
        assert!(found.contains(&(
            "/answers/contacts/contact-phone".into(),
            "phone-country".into()
        )));
        assert!(found.contains(&(
            "/answers/annex-subtypes/activity-subtypes".into(),
            "required".into()
        )));
        // Optional fields and pages of other sub-cases are not asked for.
        assert!(!found.iter().any(|(field, _)| field.contains("reissue")));
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn applicant_documents_are_required_for_their_sub_cases_only() {
        let mut answers = medical_duplicate();
        answers["activity-address"] = json!({ "activity-address": "г. Алматы, ул. Абая, 1" });
        let missing = faults(
            "medical-licence",
            "vko-health",
            SubCase::Issue,
            answers.clone(),
            &[],
        );
        assert_eq!(
            missing,
            vec![(
                "/documents/qualification-form".to_string(),
                "document-missing".to_string()
            )]
        );
        let attached = faults(
            "medical-licence",
            "vko-health",
            SubCase::Issue,
            answers,
            &["qualification-form"],
        );
        assert!(attached.is_empty(), "{attached:?}");
    }

    #[test]
    fn a_conditional_field_is_asked_only_when_its_condition_holds() {
        let mut answers = medical_duplicate();
        answers["activity-address"] = json!({ "activity-address": "г. Алматы, ул. Абая, 1" });
        answers["reissue-details"] = json!({
            "licence-number": "00123",
            "licence-date": "2015-03-12",
            "reissue-reason": "name-change"
        });
        let found = faults(
            "medical-licence",
            "vko-health",
            SubCase::Reissue,
            answers.clone(),
            &["qualification-form"],
        );
        assert!(found.is_empty(), "{found:?}");
        answers["reissue-details"]["reissue-reason"] = json!("other");
        let found = faults(
            "medical-licence",
            "vko-health",
            SubCase::Reissue,
            answers,
            &["qualification-form"],
        );
        assert_eq!(
            found,
            vec![(
                "/answers/reissue-details/reissue-reason-details".to_string(),
                "required".to_string()
            )]
        );
    }

    #[test]
    fn a_repeated_page_names_each_items_questions() {
        let mut answers = medical_duplicate();
        answers["activity-address"] = json!([
            { "activity-address": "г. Алматы, ул. Абая, 1" },
            { "activity-postcode": "050000" }
        ]);
        let found = faults(
            "medical-licence",
            "vko-health",
            SubCase::Issue,
            answers,
            &["qualification-form"],
        );
        assert_eq!(
            found,
            vec![(
                "/answers/activity-address/1/activity-address".to_string(),
                "required".to_string()
            )]
        );
    }
}
