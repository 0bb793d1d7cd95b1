//! The life of an application: its states, the path a given service and provider take
//! through them, and when each state is due.
//!
//! Before submission the applicant moves it (draft → awaiting payment → paid → signed); after,
//! the provider does, along the steps of its regulation: delivered, registered, executor
//! assigned, under review, agreement with other bodies where the regulation has it, decision,
//! and then issued or refused.

use crate::calendar;
use crate::catalog::{Action, Provision, Stage, SubCase, Term, applies};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Draft,
    AwaitingPayment,
    Paid,
    Signed,
    Delivered,
    Registered,
    ExecutorAssigned,
    UnderReview,
    AgreementRequested,
    AgreementReceived,
    Decision,
    Issued,
    Refused,
}

impl Status {
    /// Whether the application has reached the provider.
    pub fn is_submitted(self) -> bool {
        self >= Status::Delivered
    }

    /// Whether nothing more will happen to it.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Issued | Status::Refused)
    }

    /// The provider may refuse at any step between delivery and the result.
    pub fn can_be_refused(self) -> bool {
        self.is_submitted() && !self.is_final()
    }
}

/// The reasons an officer gives for a refusal, each in words in both languages
/// (`refusal-reason-<code>`, checked by the app's and the result document's tests). A reason
/// this list lacks is given as `other` and explained in the officer's comment; no code is
/// ever shown as it is.
pub const REFUSAL_REASONS: [&str; 7] = [
    "incomplete-package",
    "fee-not-paid",
    "qualification-requirements",
    "activity-prohibited",
    "court-ban",
    "agreement-refused",
    "documents-expired",
];

/// Whether an application the provider is still working on has passed its due date on
/// `today`. The due day itself is still within the term (a term in days ends with that day).
pub fn is_overdue(status: Status, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    status.is_submitted() && !status.is_final() && due.is_some_and(|due| today > due)
}

/// The states before submission: payment only where the service has a fee.
pub fn before_submission(has_fee: bool) -> Vec<Status> {
    if has_fee {
        vec![
            Status::Draft,
            Status::AwaitingPayment,
            Status::Paid,
            Status::Signed,
        ]
    } else {
        vec![Status::Draft, Status::Signed]
    }
}

/// The states the provider moves a submitted application through, in order, for one
/// provider and sub-case. The agreement states appear only where the regulation has the
/// provider ask other bodies.
pub fn processing_path(provision: &Provision, sub_case: SubCase) -> Vec<Status> {
    let asks_other_bodies = provision
        .steps
        .iter()
        .any(|step| applies(&step.sub_cases, &sub_case) && step.action.stage() == Stage::Agreement);
    let mut path = vec![
        Status::Delivered,
        Status::Registered,
        Status::ExecutorAssigned,
        Status::UnderReview,
    ];
    if asks_other_bodies {
        path.extend([Status::AgreementRequested, Status::AgreementReceived]);
    }
    path.extend([Status::Decision, Status::Issued]);
    path
}

/// The state that follows `current` on `path`, if any.
pub fn next_on(path: &[Status], current: Status) -> Option<Status> {
    let index = path.iter().position(|s| *s == current)?;
    path.get(index + 1).copied()
}

/// The state a step's action moves the application to.
fn status_of(action: Action) -> Status {
    match action {
        Action::RequestAgreement => Status::AgreementRequested,
        Action::AgreementResponse => Status::AgreementReceived,
        other => match other.stage() {
            Stage::Delivered => Status::Delivered,
            Stage::Registered => Status::Registered,
            Stage::ExecutorAssigned => Status::ExecutorAssigned,
            Stage::UnderReview => Status::UnderReview,
            Stage::Agreement => Status::AgreementReceived,
            Stage::Decision => Status::Decision,
            Stage::Issued => Status::Issued,
        },
    }
}

/// When each processing state is due, counting the regulation's step terms one after the
/// other from the moment the application was received. A state whose steps have no term in
/// the regulation gets no date of its own.
pub fn milestones(
    provision: &Provision,
    sub_case: SubCase,
    received: NaiveDateTime,
) -> Vec<(Status, Option<calendar::Due>)> {
    let mut cursor = received;
    let mut dues: Vec<(Status, calendar::Due)> = Vec::new();
    for step in provision
        .steps
        .iter()
        .filter(|s| applies(&s.sub_cases, &sub_case))
    {
        let Some(term) = step.term else { continue };
        let due = calendar::due_date(cursor, &term);
        cursor = match due {
            calendar::Due::At(at) => at,
            // A whole-day term ends with that working day; the next step starts from it.
            calendar::Due::EndOfDay(date) => date.and_hms_opt(18, 0, 0).unwrap_or(cursor),
        };
        // A state is due when its first step is: the executor's review comes back after the
        // agreement, but the application was "under review" long before.
        let status = status_of(step.action);
        if !dues.iter().any(|(s, _)| *s == status) {
            dues.push((status, due));
        }
    }
    processing_path(provision, sub_case)
        .into_iter()
        .map(|status| {
            (
                status,
                dues.iter()
                    .find(|(s, _)| *s == status)
                    .map(|(_, due)| due.clone()),
            )
        })
        .collect()
}

/// The expected result date: the legal deadline of the sub-case counted from receipt, or
/// `None` where no source gives the deadline.
pub fn expected_result(
    provision: &Provision,
    sub_case: SubCase,
    received: NaiveDateTime,
) -> Option<calendar::Due> {
    let term: &Term = provision
        .deadlines
        .iter()
        .find(|d| d.sub_cases.contains(&sub_case))?
        .term
        .as_ref()?;
    Some(calendar::due_date(received, term))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn provision(service: &str, provider: &str) -> &'static Provision {
        catalog::catalog()
            .service(service)
            .unwrap()
            .provision(provider)
            .unwrap()
    }

    #[test]
    fn states_are_ordered_and_refusal_is_possible_only_while_processing() {
        assert!(Status::Draft < Status::Delivered && Status::Decision < Status::Issued);
        assert!(!Status::Signed.is_submitted() && Status::Delivered.is_submitted());
        assert!(Status::UnderReview.can_be_refused());
        assert!(
            !Status::Draft.can_be_refused()
                && !Status::Issued.can_be_refused()
                && !Status::Refused.can_be_refused()
        );
        assert_eq!(
            before_submission(false),
            vec![Status::Draft, Status::Signed]
        );
        assert_eq!(before_submission(true).len(), 4);
    }

    #[test]
    fn only_an_application_in_progress_is_overdue_and_only_after_its_due_day() {
        let due = NaiveDate::from_ymd_opt(2026, 2, 23);
        let day = |d| NaiveDate::from_ymd_opt(2026, 2, d).unwrap();
        assert!(!is_overdue(Status::UnderReview, due, day(23)));
        assert!(is_overdue(Status::UnderReview, due, day(24)));
        assert!(!is_overdue(Status::Issued, due, day(24)));
        assert!(!is_overdue(Status::Refused, due, day(24)));
        assert!(!is_overdue(Status::Draft, due, day(24)));
        assert!(!is_overdue(Status::UnderReview, None, day(24)));
    }

    #[test]
    fn agreement_states_appear_only_where_the_regulation_asks_other_bodies() {
        // East Kazakhstan asks the sanitary authority before issuing a medical licence, not
        // before a duplicate (seed 001).
        let vko = provision("medical-licence", "vko-health");
        let issue = processing_path(vko, SubCase::Issue);
        assert!(
            issue.contains(&Status::AgreementRequested)
                && issue.contains(&Status::AgreementReceived)
        );
        assert!(!processing_path(vko, SubCase::Duplicate).contains(&Status::AgreementRequested));
        assert_eq!(issue.first(), Some(&Status::Delivered));
        assert_eq!(issue.last(), Some(&Status::Issued));
        assert_eq!(
            next_on(&issue, Status::Registered),
            Some(Status::ExecutorAssigned)
        );
        assert_eq!(next_on(&issue, Status::Issued), None);
    }

    #[test]
    fn the_expected_result_counts_the_legal_deadline_in_working_days() {
        // 15 working days from Monday 2 February 2026 (no holidays in between): Monday 23 February.
        let vko = provision("medical-licence", "vko-health");
        let due = expected_result(vko, SubCase::Issue, at(2026, 2, 2, 10, 0)).unwrap();
        assert_eq!(due.date(), NaiveDate::from_ymd_opt(2026, 2, 23).unwrap());
        // A request after 18:30 on Friday is registered on Monday: one day later.
        let late = expected_result(vko, SubCase::Duplicate, at(2026, 1, 30, 18, 45)).unwrap();
        assert_eq!(late.date(), NaiveDate::from_ymd_opt(2026, 2, 4).unwrap());
    }

    #[test]
    fn an_unsourced_deadline_gives_no_date() {
        let almaty = provision("medical-licence", "almaty-economy");
        assert_eq!(
            expected_result(almaty, SubCase::Issue, at(2026, 2, 2, 10, 0)),
            None
        );
    }

    #[test]
    fn milestones_follow_the_steps_and_end_by_the_deadline() {
        let vko = provision("medical-licence", "vko-health");
        let received = at(2026, 2, 2, 10, 0);
        let milestones = milestones(vko, SubCase::Issue, received);
        assert_eq!(
            milestones.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
            processing_path(vko, SubCase::Issue)
        );
        let dates: Vec<NaiveDate> = milestones
            .iter()
            .filter_map(|(_, due)| due.as_ref().map(|d| d.date()))
            .collect();
        assert!(dates.len() >= 3, "{milestones:?}");
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
        let deadline = expected_result(vko, SubCase::Issue, received)
            .unwrap()
            .date();
        assert!(
            *dates.last().unwrap() <= deadline + chrono::Days::new(7),
            "{dates:?} vs {deadline}"
        );
    }
}
