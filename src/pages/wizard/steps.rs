//! The view side of the form's steps: the rules (which steps a draft has, their order and
//! stages, where "Continue" goes) are `otinish_core::wizard`'s; here are the draft's part in
//! them, each step's heading and each stage's name.

use crate::draft::Draft;
use otinish_core::catalog::{ApplicantType, DocumentRequirement, Service, SubCase, messages};
use otinish_core::fees::{self, Quote};
use otinish_core::wizard::{self, Progress};
pub use otinish_core::wizard::{Stage, Step};

/// What of the draft decides its steps.
pub fn progress(draft: &Draft) -> Progress<'_> {
    Progress {
        sub_case: draft.sub_case,
        provider: draft.provider.as_deref(),
        fee: draft.fee,
        submitted: draft.submitted.is_some(),
    }
}

/// The steps, in order, for the draft as it stands and the applicant signed in (if known).
pub fn steps(service: &Service, draft: &Draft, applicant: Option<ApplicantType>) -> Vec<Step> {
    wizard::steps(service, progress(draft), applicant, crate::format::today())
}

/// The stages the step indicator counts for these steps.
pub fn stages(service: &Service, steps: &[Step]) -> Vec<Stage> {
    wizard::stages(service, steps, crate::format::today())
}

/// Fills in what has only one possible answer, so the applicant is never asked it.
pub fn settle(service: &Service, draft: &mut Draft) {
    wizard::settle(service, &mut draft.sub_case, &mut draft.provider);
}

/// Today's fee of a sub-case.
pub fn quote(service: &Service, sub_case: SubCase) -> Quote {
    fees::quote(&service.fee, sub_case, crate::format::today())
}

/// Whether the applicant attaches this document, as the draft stands.
pub fn attaches(requirement: &DocumentRequirement, draft: &Draft) -> bool {
    wizard::attaches(requirement, draft.fee)
}

/// Whether the applicant must attach this document, as the draft stands.
pub fn must_attach(requirement: &DocumentRequirement, draft: &Draft) -> bool {
    wizard::must_attach(requirement, draft.fee)
}

/// The name of a stage in the step indicator (a message id).
pub fn stage_message(stage: Stage) -> &'static str {
    match stage {
        Stage::Service => "wizard-stage-service",
        Stage::Applicant => "wizard-stage-applicant",
        Stage::Details => "wizard-stage-details",
        Stage::Documents => "wizard-stage-documents",
        Stage::Check => "wizard-stage-check",
        Stage::Payment => "wizard-stage-payment",
        Stage::Submit => "wizard-stage-submit",
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
