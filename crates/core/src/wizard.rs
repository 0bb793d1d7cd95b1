//! The applicant's form as steps, derived from the catalog and the draft: which steps a draft
//! has and in which order (the sub-case, licence-or-annex and provider questions only where
//! there is a choice, the applicant, the service's pages of the chosen sub-case and applicant
//! type, how a licence fee whose rate no source gives is settled, the documents the applicant
//! attaches, "check your answers", payment where a fee is paid here, signing, the
//! confirmation), the stages the step indicator counts, what has only one possible answer,
//! and where "Continue" goes. The app draws the steps; the rules are here, tested natively.

use crate::catalog::{
    ApplicantType, DocumentRequirement, Service, SubCase, Supplier, Target, applies,
};
use crate::fees::{self, Quote};
use crate::package;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

/// The two ways to settle a licence fee whose rate no source gives:
/// through the gateway, in the amount the applicant entered, or by attaching a receipt of a
/// payment made elsewhere (the catalog's `fee-receipt` document).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "way", rename_all = "kebab-case")]
pub enum FeeWay {
    Gateway { tenge: u64 },
    Receipt,
}

/// What of a draft decides its steps.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress<'a> {
    pub sub_case: Option<SubCase>,
    pub provider: Option<&'a str>,
    pub fee: Option<FeeWay>,
    pub submitted: bool,
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
                .filter(|id| !id.is_empty())
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

    /// Whether the step comes before "check your answers", so that changing its answer leads
    /// back there.
    pub fn before_check(&self) -> bool {
        matches!(
            self,
            Step::SubCase
                | Step::Targets
                | Step::Provider
                | Step::Applicant
                | Step::Page(_)
                | Step::Fee
                | Step::Documents
        )
    }
}

/// The steps, in order, for the draft as it stands, the applicant signed in (if known) and
/// the fee of `today`.
pub fn steps(
    service: &Service,
    progress: Progress<'_>,
    applicant: Option<ApplicantType>,
    today: NaiveDate,
) -> Vec<Step> {
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
    let sub_case = progress.sub_case.or_else(|| single(&service.sub_cases));
    for page in &service.pages {
        let asked = sub_case.is_none_or(|case| applies(&page.sub_cases, &case))
            && applicant.is_none_or(|kind| applies(&page.applicants, &kind));
        if asked {
            steps.push(Step::Page(page.id.clone()));
        }
    }
    let quote = sub_case.map(|case| fees::quote(&service.fee, case, today));
    if quote == Some(Quote::DueUnsourced) {
        steps.push(Step::Fee);
    }
    let provision = progress.provider.and_then(|p| service.provision(p));
    let has_documents = match (provision, sub_case, applicant) {
        // Only what the applicant attaches makes a step: what the provider gets itself is
        // listed on the service page.
        (Some(provision), Some(case), Some(kind)) => {
            package::documents(provision, case, kind).any(|d| attaches(d, progress.fee))
        }
        // Not known yet: the step is there until the answers rule it out.
        _ => provision.is_none_or(|p| !p.documents.is_empty()),
    };
    if has_documents {
        steps.push(Step::Documents);
    }
    steps.push(Step::Check);
    let pays_here = match quote {
        Some(Quote::Due { .. }) => true,
        Some(Quote::DueUnsourced) => matches!(progress.fee, Some(FeeWay::Gateway { .. })),
        _ => false,
    };
    if pays_here {
        steps.push(Step::Payment);
    }
    steps.push(Step::Sign);
    if progress.submitted {
        steps.push(Step::Done);
    }
    steps
}

/// The stages of these steps, in order, each once (at most seven). Payment counts from the
/// start wherever the service may charge, and documents wherever a fee receipt may be
/// attached, so the count does not change ("1 of 6", then "1 of 7") when the sub-case or the
/// way of paying is chosen.
pub fn stages(service: &Service, steps: &[Step], today: NaiveDate) -> Vec<Stage> {
    let mut present: Vec<Stage> = steps.iter().filter_map(Step::stage).collect();
    let quotes: Vec<Quote> = service
        .sub_cases
        .iter()
        .map(|case| fees::quote(&service.fee, *case, today))
        .collect();
    if quotes
        .iter()
        .any(|q| matches!(q, Quote::Due { .. } | Quote::DueUnsourced))
    {
        present.push(Stage::Payment);
    }
    if quotes.contains(&Quote::DueUnsourced) {
        present.push(Stage::Documents);
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

/// What has only one possible answer, so that the applicant is never asked it: the sub-case
/// and the provider.
pub fn settle(service: &Service, sub_case: &mut Option<SubCase>, provider: &mut Option<String>) {
    if sub_case.is_none() {
        *sub_case = single(&service.sub_cases);
    }
    if provider.is_none() && service.provisions.len() == 1 {
        *provider = Some(service.provisions[0].provider.clone());
    }
}

/// Whether the applicant attaches this document, as the draft stands: every document the
/// catalog has them attach, but a fee receipt only when they chose to settle the fee by one.
pub fn attaches(requirement: &DocumentRequirement, fee: Option<FeeWay>) -> bool {
    requirement.supplied_by == Supplier::Applicant
        && (requirement.document != fees::RECEIPT_DOCUMENT || fee == Some(FeeWay::Receipt))
}

/// Whether the provider gets this document itself, as the draft stands: what the catalog has
/// it take from state databases or other bodies, but not the gateway's record of a payment
/// when the applicant paid elsewhere.
pub fn provider_gets(requirement: &DocumentRequirement, fee: Option<FeeWay>) -> bool {
    requirement.supplied_by != Supplier::Applicant
        && !(requirement.document == crate::catalog::GATEWAY_PAYMENT_DOCUMENT
            && fee == Some(FeeWay::Receipt))
}

/// Whether the applicant must attach this document: the catalog says so, or it is the
/// receipt they chose to settle the fee by.
pub fn must_attach(requirement: &DocumentRequirement, fee: Option<FeeWay>) -> bool {
    attaches(requirement, fee)
        && (requirement.required || requirement.document == fees::RECEIPT_DOCUMENT)
}

/// Whether the questions that open the form are answered: the sub-case, the licence or its
/// annex (where a licence has annexes), and the provider. Before that "check your answers"
/// has nothing to check.
pub fn started(service: &Service, progress: Progress<'_>, targets: &[Target]) -> bool {
    progress.sub_case.is_some()
        && progress.provider.is_some()
        && (service.targets.is_empty() || !targets.is_empty())
}

/// Where "Continue" on `step` goes. Coming from "check your answers" to change an answer
/// (`returning`), the pages the change opened (`open`: pages with a required answer missing
/// or wrong) come first, each still on the way back; then "check your answers" again.
/// Otherwise the next step. `None` past the last step.
pub fn next(steps: &[Step], step: &Step, returning: bool, open: &[String]) -> Option<Next> {
    let after = steps
        .iter()
        .position(|s| s == step)
        .map_or(&[][..], |i| &steps[i + 1..]);
    if returning && step.before_check() {
        let opened = after
            .iter()
            .take_while(|s| s.before_check())
            .find(|s| matches!(s, Step::Page(id) if open.contains(id)));
        Some(match opened {
            Some(opened) => Next::OnTheWayBack(opened.clone()),
            None => Next::Step(Step::Check),
        })
    } else {
        after.first().cloned().map(Next::Step)
    }
}

/// Where "Continue" leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    Step(Step),
    /// A page a change opened, on the way back to "check your answers".
    OnTheWayBack(Step),
}

fn single<T: Copy>(list: &[T]) -> Option<T> {
    if list.len() == 1 { Some(list[0]) } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::catalog;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn service(id: &str) -> &'static Service {
        catalog().service(id).unwrap()
    }

    fn progress(sub_case: SubCase, provider: &str) -> Progress<'_> {
        Progress {
            sub_case: Some(sub_case),
            provider: Some(provider),
            ..Progress::default()
        }
    }

    fn slugs(steps: &[Step]) -> Vec<String> {
        steps.iter().map(Step::slug).collect()
    }

    #[test]
    fn a_paid_licence_asks_the_choices_its_pages_and_pays_after_check() {
        let medical = service("medical-licence");
        let steps = steps(
            medical,
            progress(SubCase::Duplicate, "vko-health"),
            Some(ApplicantType::Individual),
            today(),
        );
        assert_eq!(
            slugs(&steps),
            [
                "case",
                "targets",
                "provider",
                "applicant",
                "page-annex-subtypes",
                "page-duplicate-details",
                "page-contacts",
                "check",
                "payment",
                "sign"
            ]
        );
        // Issuing asks for the address and the qualification form instead of the duplicate's.
        let issue = super::steps(
            medical,
            progress(SubCase::Issue, "vko-health"),
            Some(ApplicantType::Individual),
            today(),
        );
        assert!(issue.contains(&Step::Page("activity-address".into())));
        assert!(!issue.contains(&Step::Page("duplicate-details".into())));
        assert!(issue.contains(&Step::Documents));
    }

    #[test]
    fn a_fee_without_a_rate_asks_how_and_pays_here_only_through_the_gateway() {
        let pharmacy = service("pharmaceutical-licence");
        let at = |fee| {
            let progress = Progress {
                fee,
                ..progress(SubCase::Duplicate, "vko-health")
            };
            super::steps(pharmacy, progress, Some(ApplicantType::Individual), today())
        };
        let undecided = at(None);
        assert!(undecided.contains(&Step::Fee));
        // Nothing to attach for a duplicate but a receipt, and that only when chosen.
        assert!(!undecided.contains(&Step::Documents));
        assert!(!undecided.contains(&Step::Payment));
        let gateway = at(Some(FeeWay::Gateway { tenge: 30_000 }));
        assert!(gateway.contains(&Step::Payment) && !gateway.contains(&Step::Documents));
        let receipt = at(Some(FeeWay::Receipt));
        assert!(receipt.contains(&Step::Documents) && !receipt.contains(&Step::Payment));
        let fee = receipt.iter().position(|s| *s == Step::Fee).unwrap();
        let documents = receipt.iter().position(|s| *s == Step::Documents).unwrap();
        let check = receipt.iter().position(|s| *s == Step::Check).unwrap();
        assert!(fee < documents && documents < check);
    }

    #[test]
    fn a_service_that_charges_nothing_here_has_no_payment_stage() {
        let certificate = service("end-user-certificate");
        let mut sub_case = None;
        let mut provider = None;
        settle(certificate, &mut sub_case, &mut provider);
        assert_eq!(sub_case, Some(SubCase::Issue));
        assert!(provider.is_some());
        let steps = steps(
            certificate,
            Progress {
                sub_case,
                provider: provider.as_deref(),
                ..Progress::default()
            },
            Some(ApplicantType::LegalEntity),
            today(),
        );
        // One sub-case and one provider: never asked.
        assert_eq!(steps[0], Step::Applicant);
        assert!(!steps.contains(&Step::Payment));
        assert!(!stages(certificate, &steps, today()).contains(&Stage::Payment));
    }

    #[test]
    fn the_stage_count_does_not_change_when_the_sub_case_is_chosen() {
        let medical = service("medical-licence");
        let before = steps(medical, Progress::default(), None, today());
        let after = steps(
            medical,
            progress(SubCase::Reissue, "vko-health"),
            Some(ApplicantType::Individual),
            today(),
        );
        assert_eq!(
            stages(medical, &before, today()),
            stages(medical, &after, today())
        );
        assert_eq!(stages(medical, &after, today()).len(), 7);
    }

    #[test]
    fn the_stage_count_does_not_change_when_the_way_of_paying_is_chosen() {
        let pharmacy = service("pharmaceutical-licence");
        let counts: Vec<usize> = [
            None,
            Some(FeeWay::Receipt),
            Some(FeeWay::Gateway { tenge: 1 }),
        ]
        .into_iter()
        .map(|fee| {
            let progress = Progress {
                fee,
                ..progress(SubCase::Duplicate, "vko-health")
            };
            let steps = steps(pharmacy, progress, Some(ApplicantType::Individual), today());
            stages(pharmacy, &steps, today()).len()
        })
        .collect();
        assert_eq!(counts, [7, 7, 7]);
    }

    #[test]
    fn slugs_read_back_to_their_steps() {
        for step in [
            Step::SubCase,
            Step::Targets,
            Step::Provider,
            Step::Applicant,
            Step::Page("contacts".into()),
            Step::Fee,
            Step::Documents,
            Step::Check,
            Step::Payment,
            Step::Sign,
            Step::Done,
        ] {
            assert_eq!(Step::from_slug(&step.slug()), Some(step.clone()));
        }
        assert_eq!(Step::from_slug("page-"), None);
        assert_eq!(Step::from_slug("nowhere"), None);
        assert_eq!(
            Step::Fee.href("pharmaceutical-licence"),
            "/services/pharmaceutical-licence/apply/fee"
        );
    }

    #[test]
    fn continue_goes_on_or_through_the_pages_a_change_opened_and_back_to_check() {
        let steps = vec![
            Step::SubCase,
            Step::Applicant,
            Step::Page("reissue-details".into()),
            Step::Page("contacts".into()),
            Step::Check,
            Step::Sign,
        ];
        assert_eq!(
            next(&steps, &Step::SubCase, false, &[]),
            Some(Next::Step(Step::Applicant))
        );
        assert_eq!(next(&steps, &Step::Sign, false, &[]), None);
        // A change from check that opened a page with unanswered questions goes there first…
        let open = ["reissue-details".to_string()];
        assert_eq!(
            next(&steps, &Step::SubCase, true, &open),
            Some(Next::OnTheWayBack(Step::Page("reissue-details".into())))
        );
        // …and straight back once nothing is open.
        assert_eq!(
            next(&steps, &Step::SubCase, true, &[]),
            Some(Next::Step(Step::Check))
        );
        // Returning from a step after check means nothing: it goes on.
        assert_eq!(
            next(&steps, &Step::Check, true, &open),
            Some(Next::Step(Step::Sign))
        );
    }

    #[test]
    fn the_form_is_started_once_its_opening_questions_are_answered() {
        let medical = service("medical-licence");
        assert!(!started(medical, Progress::default(), &[]));
        let chosen = progress(SubCase::Issue, "vko-health");
        assert!(!started(medical, chosen, &[]));
        assert!(started(medical, chosen, &[Target::Licence]));
    }

    #[test]
    fn a_receipt_is_attached_only_when_chosen_and_then_required() {
        let pharmacy = service("pharmaceutical-licence");
        let receipt = pharmacy
            .provision("vko-health")
            .unwrap()
            .documents
            .iter()
            .find(|r| r.document == fees::RECEIPT_DOCUMENT)
            .unwrap();
        assert!(!attaches(receipt, None));
        assert!(!attaches(receipt, Some(FeeWay::Gateway { tenge: 1 })));
        assert!(attaches(receipt, Some(FeeWay::Receipt)));
        assert!(must_attach(receipt, Some(FeeWay::Receipt)));
        assert!(!must_attach(receipt, None));
        // Paid elsewhere, there is no gateway record for the provider to get.
        let gateway = pharmacy
            .provision("vko-health")
            .unwrap()
            .documents
            .iter()
            .find(|r| r.document == crate::catalog::GATEWAY_PAYMENT_DOCUMENT)
            .unwrap();
        assert!(provider_gets(gateway, None));
        assert!(!provider_gets(gateway, Some(FeeWay::Receipt)));
        assert!(!provider_gets(receipt, Some(FeeWay::Receipt)));
    }
}
