//! The steps of the form for one service, derived from the catalog and the draft: the
//! sub-case and provider questions only where there is a choice, then the service's pages
//! that apply to the chosen sub-case, then "check your answers".

use crate::draft::Draft;
use otinish_core::catalog::{Service, SubCase, applies, messages};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    SubCase,
    Targets,
    Provider,
    Applicant,
    Page(String),
    Check,
}

/// The stages the step indicator shows; each step belongs to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Service,
    Applicant,
    Details,
    Check,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Service,
        Stage::Applicant,
        Stage::Details,
        Stage::Check,
    ];

    pub fn message(self) -> &'static str {
        match self {
            Stage::Service => "wizard-stage-service",
            Stage::Applicant => "wizard-stage-applicant",
            Stage::Details => "wizard-stage-details",
            Stage::Check => "wizard-stage-check",
        }
    }
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
            Step::Check => "check".to_string(),
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        match slug {
            "case" => Some(Step::SubCase),
            "targets" => Some(Step::Targets),
            "provider" => Some(Step::Provider),
            "applicant" => Some(Step::Applicant),
            "check" => Some(Step::Check),
            other => other
                .strip_prefix("page-")
                .map(|id| Step::Page(id.to_string())),
        }
    }

    pub fn stage(&self) -> Stage {
        match self {
            Step::SubCase | Step::Targets | Step::Provider => Stage::Service,
            Step::Applicant => Stage::Applicant,
            Step::Page(_) => Stage::Details,
            Step::Check => Stage::Check,
        }
    }

    pub fn href(&self, service: &str) -> String {
        format!("/services/{service}/apply/{}", self.slug())
    }
}

/// The steps, in order, for the draft as it stands.
pub fn steps(service: &Service, draft: &Draft) -> Vec<Step> {
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
        if sub_case.is_none_or(|case| applies(&page.sub_cases, &case)) {
            steps.push(Step::Page(page.id.clone()));
        }
    }
    steps.push(Step::Check);
    steps
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
        Step::Check => "wizard-check-heading".to_string(),
    }
}
