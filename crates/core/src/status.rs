//! The life of an application: its states, the path a given service and provider take
//! through them, and when each state is due.
//!
//! Before submission the applicant moves it (draft → awaiting payment → paid → signed); after,
//! the provider does, along the steps of its regulation: delivered, registered, executor
//! assigned, under review, agreement with other bodies where the regulation has it, decision,
//! and then issued or refused.

use crate::calendar;
use crate::catalog::{Action, Branch, Provision, Stage, SubCase, Term, TimeUnit, applies};
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
    /// A state a later version of the contract added (its extension policy): shown as "in
    /// progress", after every known state. Never stored or sent by a backend of this version.
    #[serde(other)]
    Unknown,
}

impl Status {
    /// Whether the application has reached the provider.
    pub fn is_submitted(self) -> bool {
        self >= Status::Delivered
    }

    /// Whether it is a state of this version of the contract.
    pub fn is_known(self) -> bool {
        self != Status::Unknown
    }

    /// Whether nothing more will happen to it.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Issued | Status::Refused)
    }

    /// The provider may refuse at any step between delivery and the result.
    pub fn can_be_refused(self) -> bool {
        self.is_submitted() && !self.is_final() && self.is_known()
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

/// When each processing state is due: the moment its first step should be done by the
/// regulation, such that the dates agree with each other and with the overall term.
///
/// - The steps run one after the other from the moment the application is registered: a
///   request received on a day off or after hours starts on its registration day, so no step
///   is due before the application is registered.
/// - A step whose term the regulation says «входит в срок» of a later step runs within it:
///   it is due its own term after it starts, but the steps after it do not wait for it.
/// - A step taken only to refuse (a reasoned refusal of an incomplete package) is not on
///   the way to the result and has no date here.
/// - Each state is due no later than the states after it, and none later than the
///   overall deadline where a source gives one: the regulation's minute-long steps after a
///   review that takes the whole term are part of that term, not added to it.
///
/// A state whose steps have no term in the regulation gets no date of its own.
pub fn milestones(
    provision: &Provision,
    sub_case: SubCase,
    received: NaiveDateTime,
) -> Vec<(Status, Option<calendar::Due>)> {
    let mut cursor = start_of_processing(received);
    let mut dues: Vec<(Status, calendar::Due)> = Vec::new();
    for step in provision
        .steps
        .iter()
        .filter(|s| applies(&s.sub_cases, &sub_case) && s.branch == Branch::Main)
    {
        let Some(term) = step.term else { continue };
        let due = calendar::due_date(cursor, &term);
        if step.included_in.is_none() {
            cursor = match due {
                calendar::Due::At(at) => at,
                // A whole-day term ends with that working day; the next step starts from it.
                calendar::Due::EndOfDay(date) => date.and_hms_opt(18, 0, 0).unwrap_or(cursor),
            };
        }
        // A state is due when its first step is: the executor's review comes back after the
        // agreement, but the application was "under review" long before.
        let status = status_of(step.action);
        if !dues.iter().any(|(s, _)| *s == status) {
            dues.push((status, due));
        }
    }
    let deadline = expected_result(provision, sub_case, received);
    let path = processing_path(provision, sub_case);
    let mut planned: Vec<(Status, Option<calendar::Due>)> = path
        .iter()
        .map(|status| {
            let due = dues.iter().find(|(s, _)| s == status).map(|(_, due)| *due);
            (*status, due)
        })
        .collect();
    // From the last state back: no state is due after a later one, nor after the deadline.
    let mut latest = deadline;
    for (_, due) in planned.iter_mut().rev() {
        if let (Some(own), Some(bound)) = (*due, latest)
            && bound.date() < own.date()
        {
            *due = Some(bound);
        }
        if due.is_some() {
            latest = *due;
        }
    }
    planned
}

/// When the provider starts on a request received at `received`: at once on a working day
/// before the cut-off, otherwise at the start of its registration day.
fn start_of_processing(received: NaiveDateTime) -> NaiveDateTime {
    let day = calendar::registration_day(received);
    if day == received.date() {
        received
    } else {
        day.and_hms_opt(9, 0, 0).unwrap_or(received)
    }
}

/// The unit the legal deadline of a sub-case is counted in, where a source gives it.
pub fn deadline_unit(provision: &Provision, sub_case: SubCase) -> Option<TimeUnit> {
    provision
        .deadlines
        .iter()
        .find(|d| d.sub_cases.contains(&sub_case))?
        .term
        .map(|term| term.unit)
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
        // before a duplicate (постановление акимата ВКО от 26.03.2014 № 70, подп. 1) п. 1, п. 5).
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
            *dates.last().unwrap() <= deadline,
            "{dates:?} vs {deadline}"
        );
    }

    /// Every provider and sub-case, received at awkward moments: the planned dates never go
    /// back along the path, none is before the registration day, none after the deadline.
    #[test]
    fn planned_dates_agree_with_each_other_with_registration_and_with_the_deadline() {
        let moments = [
            at(2026, 12, 4, 19, 0),  // Friday evening, after the cut-off
            at(2026, 12, 5, 11, 0),  // Saturday
            at(2026, 12, 15, 10, 0), // a weekday before the Independence Day holidays
            at(2026, 2, 2, 10, 0),
        ];
        for service in &catalog::catalog().services {
            for provision in &service.provisions {
                for sub_case in &service.sub_cases {
                    for received in moments {
                        let planned = milestones(provision, *sub_case, received);
                        let dates: Vec<NaiveDate> = planned
                            .iter()
                            .filter_map(|(_, due)| due.map(|d| d.date()))
                            .collect();
                        let what = format!(
                            "{} at {} {sub_case:?} from {received}: {planned:?}",
                            service.id, provision.provider
                        );
                        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{what}");
                        let registered = calendar::registration_day(received);
                        assert!(dates.iter().all(|d| *d >= registered), "{what}");
                        if let Some(deadline) = expected_result(provision, *sub_case, received) {
                            assert!(dates.iter().all(|d| *d <= deadline.date()), "{what}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn an_included_term_runs_within_the_review_and_adds_nothing_to_the_total() {
        // The transit permit: agreement 5 calendar days within the review's 30; the whole
        // is 30 calendar days. Received Monday 7 December 2026 at 10:00.
        let transit = provision("controlled-transit-permit", "mint-industry-committee");
        let received = at(2026, 12, 7, 10, 0);
        let planned = milestones(transit, SubCase::Issue, received);
        let due = |status| {
            planned
                .iter()
                .find(|(s, _)| *s == status)
                .and_then(|(_, due)| due.map(|d| d.date()))
        };
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        assert_eq!(due(Status::AgreementRequested), day(12, 12));
        assert_eq!(due(Status::UnderReview), day(12, 12));
        let deadline = expected_result(transit, SubCase::Issue, received)
            .unwrap()
            .date();
        assert_eq!(Some(deadline), NaiveDate::from_ymd_opt(2027, 1, 6));
        assert_eq!(due(Status::Decision), Some(deadline));
    }

    #[test]
    fn a_refusal_only_step_has_no_place_in_the_plan() {
        // Poisons: the 2 working days of a refusal of an incomplete package are not on the
        // way to the licence, so the agreement is asked 2 working days after the assignment
        // on Monday 2 February, not 4.
        let poisons = provision("poisons-licence", "mint-industry-committee");
        let received = at(2026, 2, 2, 10, 0);
        let planned = milestones(poisons, SubCase::Issue, received);
        let due = |status| {
            planned
                .iter()
                .find(|(s, _)| *s == status)
                .and_then(|(_, due)| due.map(|d| d.date()))
        };
        assert_eq!(
            due(Status::AgreementRequested),
            NaiveDate::from_ymd_opt(2026, 2, 4)
        );
        assert_eq!(due(Status::Decision), NaiveDate::from_ymd_opt(2026, 2, 23));
    }
}
