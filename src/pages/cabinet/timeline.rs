//! The application's way through its provider's regulation: every step of the processing
//! path (`otinish_core::status`), with when it happened, or when it is due by the working-day
//! calendar, and how it ended: issued, or refused with the reason.

use super::status::status_name;
use crate::format;
use crate::i18n::Arg;
use crate::i18n::{I18n, has, use_i18n};
use leptos::prelude::*;
use otinish_core::api::{Application, ApplicationStatus as Status, Reason, StatusEntry, Time};
use otinish_core::calendar::Due;
use otinish_core::catalog::catalog;
use otinish_core::status::{milestones, processing_path};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Done,
    /// The step the provider is working on now.
    Current,
    Upcoming,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub status: Status,
    pub progress: Progress,
    /// When the application reached it.
    pub at: Option<Time>,
    /// When the regulation wants it reached by.
    pub due: Option<Due>,
    pub reason: Option<Reason>,
}

/// The stages of a submitted application, oldest first. A refused application ends with its
/// refusal; one still in progress lists the steps ahead with their due dates.
pub fn stages(application: &Application, history: &[StatusEntry]) -> Vec<Stage> {
    let Some(received) = application.submitted_at else {
        return Vec::new();
    };
    let provision = catalog()
        .service(&application.service)
        .and_then(|service| service.provision(&application.provider));
    let (path, planned) = match provision {
        Some(provision) => (
            processing_path(provision, application.sub_case),
            milestones(provision, application.sub_case, received.naive_local()),
        ),
        // A provider the catalog no longer has: the steps that happened are all we know.
        None => (
            history
                .iter()
                .map(|entry| entry.status)
                .filter(|status| status.is_submitted() && *status != Status::Refused)
                .collect(),
            Vec::new(),
        ),
    };
    let reached = |status: Status| history.iter().rev().find(|entry| entry.status == status);
    let planned_due = |status: Status| {
        let expected = (status == Status::Issued)
            .then_some(application.due_date)
            .flatten()
            .map(Due::EndOfDay);
        expected.or_else(|| {
            planned
                .iter()
                .find(|(s, _)| *s == status)
                .and_then(|(_, due)| *due)
        })
    };
    let refused = application.status == Status::Refused;
    let mut stages = Vec::new();
    let mut in_progress_given = application.status.is_final();
    for status in path {
        match reached(status) {
            Some(entry) => stages.push(Stage {
                status,
                progress: Progress::Done,
                at: Some(entry.at),
                due: entry.due.map(Due::EndOfDay).or_else(|| planned_due(status)),
                reason: None,
            }),
            // After a refusal, the steps that did not happen never will.
            None if refused => {}
            None => {
                let progress = if in_progress_given {
                    Progress::Upcoming
                } else {
                    in_progress_given = true;
                    Progress::Current
                };
                stages.push(Stage {
                    status,
                    progress,
                    at: None,
                    due: planned_due(status),
                    reason: None,
                });
            }
        }
    }
    if refused {
        let entry = reached(Status::Refused);
        stages.push(Stage {
            status: Status::Refused,
            progress: Progress::Done,
            at: entry.map(|e| e.at).or(Some(application.status_at)),
            due: application.due_date.map(Due::EndOfDay),
            reason: entry
                .and_then(|e| e.reason.clone())
                .or_else(|| application.refusal.clone()),
        });
    }
    stages
}

/// The words of a refusal's reason code, or a general sentence for a code the app does not
/// know.
pub fn reason_text(i18n: I18n, reason: &Reason) -> String {
    let id = format!("refusal-reason-{}", reason.code);
    if has(i18n.lang.get(), &id, None) {
        i18n.t(&id)
    } else {
        i18n.t("refusal-reason-other")
    }
}

#[component]
pub fn Timeline(stages: Vec<Stage>) -> impl IntoView {
    let i18n = use_i18n();
    let today = format::today();
    let items = stages
        .into_iter()
        .map(|stage| {
            let class = match (stage.progress, stage.status) {
                (_, Status::Refused) => "timeline__item timeline__item--refused",
                (Progress::Done, _) => "timeline__item timeline__item--done",
                (Progress::Current, _) => "timeline__item timeline__item--current",
                (Progress::Upcoming, _) => "timeline__item",
            };
            let state = match stage.progress {
                Progress::Done => None,
                Progress::Current => Some("cabinet-step-in-progress"),
                Progress::Upcoming => Some("cabinet-step-upcoming"),
            };
            let overdue = stage.progress == Progress::Current
                && stage.due.as_ref().is_some_and(|due| today > due.date());
            let at = stage.at.map(|at| {
                let text = Signal::derive(move || format::date_time(i18n, &at));
                view! { <p class="timeline__when">{text}</p> }
            });
            let due = stage.due.map(|due| {
                let text = Signal::derive(move || {
                    let date = format::date_until(i18n, due.date());
                    i18n.t_with("cabinet-step-due", &[("date", Arg::from(date))])
                });
                // The date for machines too (tests check the steps' dates agree).
                let iso = due.date().to_string(); // YYYY-MM-DD
                view! { <p class="timeline__due" data-due=iso>{text}</p> }
            });
            let reason = stage.reason.map(|reason| {
                let comment = reason.comment.clone();
                let words = Signal::derive(move || reason_text(i18n, &reason));
                view! {
                    <p><strong>{i18n.text("cabinet-refusal-reason")}</strong> " " {words}</p>
                    {comment.map(|comment| view! { <blockquote class="timeline__comment">{comment}</blockquote> })}
                }
            });
            view! {
                <li class=class aria-current=(stage.progress == Progress::Current).then_some("step")>
                    <h3 class="timeline__title">
                        {i18n.text(status_name(stage.status))}
                        {state.map(|id| view! { " " <span class="timeline__state">{i18n.text(id)}</span> })}
                    </h3>
                    {at}
                    {due}
                    {overdue.then(|| view! { <p><strong class="tag tag--overdue">{i18n.text("cabinet-overdue")}</strong></p> })}
                    {reason}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline">{items}</ol> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use otinish_core::api::Application;

    fn time(text: &str) -> Time {
        chrono::DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn entry(status: Status, at: &str) -> StatusEntry {
        StatusEntry {
            status,
            at: time(at),
            due: None,
            reason: None,
        }
    }

    /// A medical licence in East Kazakhstan: the regulation has the provider ask the
    /// sanitary authority, so the path has the agreement steps.
    fn application(status: Status) -> Application {
        serde_json::from_value(serde_json::json!({
            "id": "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30",
            "service": "medical-licence",
            "provider": "vko-health",
            "sub_case": "issue",
            "targets": ["licence"],
            "status": status,
            "status_at": "2026-02-03T11:00:00+05:00",
            "version": 3,
            "answers": {},
            "documents": [],
            "fee": { "kind": "free" },
            "fee_date": "2026-02-02",
            "reference_number": "HD3KM7PR",
            "submitted_at": "2026-02-02T10:00:00+05:00",
            "registered_on": "2026-02-02",
            "due_date": "2026-02-23",
            "created_at": "2026-02-02T09:00:00+05:00",
            "updated_at": "2026-02-03T11:00:00+05:00"
        }))
        .unwrap()
    }

    fn statuses(stages: &[Stage]) -> Vec<(Status, Progress)> {
        stages.iter().map(|s| (s.status, s.progress)).collect()
    }

    #[test]
    fn the_path_follows_the_regulation_with_the_step_under_way_marked() {
        let history = [
            entry(Status::Delivered, "2026-02-02T10:00:00+05:00"),
            entry(Status::Registered, "2026-02-03T11:00:00+05:00"),
        ];
        let stages = stages(&application(Status::Registered), &history);
        use Progress::*;
        assert_eq!(
            statuses(&stages),
            [
                (Status::Delivered, Done),
                (Status::Registered, Done),
                (Status::ExecutorAssigned, Current),
                (Status::UnderReview, Upcoming),
                (Status::AgreementRequested, Upcoming),
                (Status::AgreementReceived, Upcoming),
                (Status::Decision, Upcoming),
                (Status::Issued, Upcoming),
            ]
        );
        assert_eq!(stages[1].at, Some(time("2026-02-03T11:00:00+05:00")));
        // The result is due by the legal deadline, the steps before it by the regulation.
        let issued = stages.last().unwrap();
        assert_eq!(issued.due.unwrap().date().to_string(), "2026-02-23");
        assert!(stages[2].due.is_some());
    }

    #[test]
    fn a_refusal_ends_the_path_with_its_reason() {
        let mut refused = application(Status::Refused);
        let reason = Reason {
            code: "incomplete-package".into(),
            params: Default::default(),
            comment: Some("Нет формы сведений".into()),
        };
        refused.refusal = Some(reason.clone());
        let history = [
            entry(Status::Delivered, "2026-02-02T10:00:00+05:00"),
            entry(Status::Registered, "2026-02-03T11:00:00+05:00"),
            StatusEntry {
                reason: Some(reason.clone()),
                ..entry(Status::Refused, "2026-02-04T12:00:00+05:00")
            },
        ];
        let stages = stages(&refused, &history);
        use Progress::*;
        assert_eq!(
            statuses(&stages),
            [
                (Status::Delivered, Done),
                (Status::Registered, Done),
                (Status::Refused, Done)
            ]
        );
        assert_eq!(stages[2].reason, Some(reason));
        assert_eq!(stages[2].at, Some(time("2026-02-04T12:00:00+05:00")));
    }

    #[test]
    fn an_issued_application_has_every_step_done_and_nothing_under_way() {
        let path = [
            Status::Delivered,
            Status::Registered,
            Status::ExecutorAssigned,
            Status::UnderReview,
            Status::AgreementRequested,
            Status::AgreementReceived,
            Status::Decision,
            Status::Issued,
        ];
        let history: Vec<StatusEntry> = path
            .iter()
            .map(|s| entry(*s, "2026-02-05T10:00:00+05:00"))
            .collect();
        let stages = stages(&application(Status::Issued), &history);
        assert_eq!(stages.len(), path.len());
        assert!(stages.iter().all(|s| s.progress == Progress::Done));
    }

    #[test]
    fn a_draft_has_no_timeline() {
        let mut draft = application(Status::Draft);
        draft.submitted_at = None;
        assert!(stages(&draft, &[]).is_empty());
    }
}
