//! The steps of the form for one service, derived from the catalog and the draft: the
//! sub-case and provider questions only where there is a choice, the applicant, the
//! service's pages that apply to the chosen sub-case, how a licence fee whose rate no source
//! gives is settled, the documents where there are any, "check your answers", payment where
//! a fee is paid here, signing and submission, and the confirmation.

use crate::draft::{Draft, FeeWay};
use otinish_core::catalog::{
    ApplicantType, DocumentRequirement, Service, SubCase, Supplier, applies, messages,
};
use otinish_core::fees::{self, Quote};
use otinish_core::package;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    SubCase,
    Targets,
    Provider,
    Applicant,
    Page(String),
    /// How a licence fee whose rate no source gives is settled: an amount to pay through the
    /// gateway, or a receipt of a payment made elsewhere.
    Fee,
    Documents,
    Check,
    Payment,
    Sign,
    /// The confirmation, once submitted.
    Done,
}

/// The stages the step indicator shows; each step belongs to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Service,
    Applicant,
    Details,
    Documents,
    Check,
    Payment,
    Submit,
}

impl Stage {
    pub fn message(self) -> &'static str {
        match self {
            Stage::Service => "wizard-stage-service",
            Stage::Applicant => "wizard-stage-applicant",
            Stage::Details => "wizard-stage-details",
            Stage::Documents => "wizard-stage-documents",
            Stage::Check => "wizard-stage-check",
            Stage::Payment => "wizard-stage-payment",
            Stage::Submit => "wizard-stage-submit",
        }
    }
}

/// The stages of these steps, in order, each once (at most seven). Payment counts from the
/// start wherever the service may charge, so the count does not change ("1 of 6", then "1 of
/// 7") when the sub-case is chosen.
pub fn stages(service: &Service, steps: &[Step]) -> Vec<Stage> {
    let mut present: Vec<Stage> = steps.iter().filter_map(Step::stage).collect();
    if service.sub_cases.iter().any(|case| may_pay(service, *case)) {
        present.push(Stage::Payment);
    }
    [
        Stage::Service,
        Stage::Applicant,
        Stage::Details,
        Stage::Documents,
        Stage::Check,
        Stage::Payment,
        Stage::Submit,
    ]
    .into_iter()
    .filter(|stage| present.contains(stage))
    .collect()
}

impl Step {
    /// The step's part of the address: `/services/<id>/apply/<slug>`.
    pub fn slug(&self) -> String {
        match self {
            Step::SubCase => "case".to_string(),
            Step::Targets => "targets".to_string(),
            Step::Provider => "provider".to_string(),
            Step::Applicant => "applicant".to_string(),
            Step::Page(id) => format!("page-{id}"),
            Step::Fee => "fee".to_string(),
            Step::Documents => "documents".to_string(),
            Step::Check => "check".to_string(),
            Step::Payment => "payment".to_string(),
            Step::Sign => "sign".to_string(),
            Step::Done => "done".to_string(),
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        match slug {
            "case" => Some(Step::SubCase),
            "targets" => Some(Step::Targets),
            "provider" => Some(Step::Provider),
            "applicant" => Some(Step::Applicant),
            "fee" => Some(Step::Fee),
            "documents" => Some(Step::Documents),
            "check" => Some(Step::Check),
            "payment" => Some(Step::Payment),
            "sign" => Some(Step::Sign),
            "done" => Some(Step::Done),
            other => other
                .strip_prefix("page-")
                .map(|id| Step::Page(id.to_string())),
        }
    }

    /// The stage the step belongs to; the confirmation is past every stage.
    pub fn stage(&self) -> Option<Stage> {
        Some(match self {
            Step::SubCase | Step::Targets | Step::Provider => Stage::Service,
            Step::Applicant => Stage::Applicant,
            Step::Page(_) | Step::Fee => Stage::Details,
            Step::Documents => Stage::Documents,
            Step::Check => Stage::Check,
            Step::Payment => Stage::Payment,
            Step::Sign => Stage::Submit,
            Step::Done => return None,
        })
    }

    pub fn href(&self, service: &str) -> String {
        format!("/services/{service}/apply/{}", self.slug())
    }
}

/// The steps, in order, for the draft as it stands and the applicant signed in (if known).
pub fn steps(service: &Service, draft: &Draft, applicant: Option<ApplicantType>) -> Vec<Step> {
    let mut steps = Vec::new();
    if service.sub_cases.len() > 1 {
        steps.push(Step::SubCase);
    }
    if !service.targets.is_empty() {
        steps.push(Step::Targets);
    }
    if service.provisions.len() > 1 {
        steps.push(Step::Provider);
    }
    // The applicant as the registry knows them: never typed, always shown.
    steps.push(Step::Applicant);
    let sub_case: Option<SubCase> = draft.sub_case.or_else(|| single(&service.sub_cases));
    for page in &service.pages {
        let asked = sub_case.is_none_or(|case| applies(&page.sub_cases, &case))
            && applicant.is_none_or(|kind| applies(&page.applicants, &kind));
        if asked {
            steps.push(Step::Page(page.id.clone()));
        }
    }
    let unsourced = sub_case.is_some_and(|case| quote(service, case) == Quote::DueUnsourced);
    if unsourced {
        steps.push(Step::Fee);
    }
    let provision = draft.provider.as_deref().and_then(|p| service.provision(p));
    let has_documents = match (provision, sub_case, applicant) {
        // Only what the applicant attaches makes a step: what the provider gets itself is
        // listed on the service page.
        (Some(provision), Some(case), Some(kind)) => {
            package::documents(provision, case, kind).any(|d| attaches(d, draft))
        }
        // Not known yet: the step is there until the answers rule it out.
        _ => provision.is_none_or(|p| !p.documents.is_empty()),
    };
    if has_documents {
        steps.push(Step::Documents);
    }
    steps.push(Step::Check);
    let pays_here = match sub_case.map(|case| quote(service, case)) {
        Some(Quote::Due { .. }) => true,
        Some(Quote::DueUnsourced) => matches!(draft.fee, Some(FeeWay::Gateway { .. })),
        _ => false,
    };
    if pays_here {
        steps.push(Step::Payment);
    }
    steps.push(Step::Sign);
    if draft.submitted.is_some() {
        steps.push(Step::Done);
    }
    steps
}

/// Today's fee of a sub-case.
pub fn quote(service: &Service, sub_case: SubCase) -> Quote {
    fees::quote(&service.fee, sub_case, crate::format::today())
}

/// Whether the applicant may pay here: a computed fee always, a licence fee whose rate no
/// source gives if they choose to; a fee nobody knows of is settled with the provider.
pub fn may_pay(service: &Service, sub_case: SubCase) -> bool {
    matches!(
        quote(service, sub_case),
        Quote::Due { .. } | Quote::DueUnsourced
    )
}

/// Whether the applicant attaches this document, as the draft stands: every document the
/// catalog has them attach, but a fee receipt only when they chose to settle the fee by one.
pub fn attaches(requirement: &DocumentRequirement, draft: &Draft) -> bool {
    requirement.supplied_by == Supplier::Applicant
        && (requirement.document != fees::RECEIPT_DOCUMENT || draft.fee == Some(FeeWay::Receipt))
}

/// Whether the applicant must attach this document: the catalog says so, or it is the
/// receipt they chose to settle the fee by.
pub fn must_attach(requirement: &DocumentRequirement, draft: &Draft) -> bool {
    attaches(requirement, draft)
        && (requirement.required || requirement.document == fees::RECEIPT_DOCUMENT)
}

fn single<T: Copy>(list: &[T]) -> Option<T> {
    if list.len() == 1 { Some(list[0]) } else { None }
}

/// Fills in what has only one possible answer, so the applicant is never asked it.
pub fn settle(service: &Service, draft: &mut Draft) {
    if draft.sub_case.is_none() {
        draft.sub_case = single(&service.sub_cases);
    }
    if draft.provider.is_none() && service.provisions.len() == 1 {
        draft.provider = Some(service.provisions[0].provider.clone());
    }
}

/// The page heading's message id for a step.
pub fn heading(step: &Step) -> String {
    match step {
        Step::SubCase => "wizard-sub-case-heading".to_string(),
        Step::Targets => "wizard-targets-heading".to_string(),
        Step::Provider => "wizard-provider-heading".to_string(),
        Step::Applicant => "wizard-applicant-heading".to_string(),
        Step::Page(id) => messages::page(id),
        Step::Fee => "wizard-fee-heading".to_string(),
        Step::Documents => "wizard-documents-heading".to_string(),
        Step::Check => "wizard-check-heading".to_string(),
        Step::Payment => "wizard-payment-heading".to_string(),
        Step::Sign => "wizard-sign-heading".to_string(),
        Step::Done => "wizard-done-heading".to_string(),
    }
}

/// Whether a step comes before "check your answers", so that changing its answer leads back
/// there.
pub fn before_check(step: &Step) -> bool {
    matches!(
        step,
        Step::SubCase
            | Step::Targets
            | Step::Provider
            | Step::Applicant
            | Step::Page(_)
            | Step::Fee
            | Step::Documents
    )
}
