//! `/cabinet/applications/:id`: one application. Its facts and status, the due date in
//! working days, the result to download once issued (or the refusal with its reason), the
//! timeline of the regulation's steps, and what was submitted: answers, documents, receipt.
//! The status refreshes on its own and each change is announced.

use super::answers::{Answers, Documents};
use super::gate::{SignedIn, note_failure};
use super::live::{Announcer, Checked, keep_checking};
use super::receipt::Receipt;
use super::status::{DueDate, StatusTag, status_name};
use super::timeline::{Timeline, reason_text, stages};
use crate::api::{self, Failure};
use crate::components::{failure_message, use_page_title};
use crate::format;
use crate::i18n::Arg;
use crate::i18n::use_i18n;
use crate::router::A;
use crate::router::use_params_map;
use crate::session::use_auth;
use leptos::prelude::*;
use otinish_core::api::{Application, ApplicationStatus as Status, History, Payment};
use otinish_core::catalog::{self, messages};

/// The application's page as read: `None` while nobody is signed in.
type Reading = LocalResource<Option<Result<Loaded, Failure>>>;

/// Everything the page shows, read together.
#[derive(Debug, Clone, PartialEq)]
struct Loaded {
    application: Application,
    history: History,
    payments: Vec<Payment>,
    result_url: Option<String>,
}

async fn fetch(id: &str) -> api::Result<Loaded> {
    let application = api::application(id).await?;
    fetch_rest(application).await
}

async fn fetch_rest(application: Application) -> api::Result<Loaded> {
    let id = application.id.clone();
    let history = api::history(&id).await?;
    let payments = match application.fee {
        otinish_core::fees::Quote::Due { .. } | otinish_core::fees::Quote::DueUnsourced => {
            api::payments(&id).await?.items
        }
        _ => Vec::new(),
    };
    let result_url = match application.result {
        Some(_) if application.status.is_final() => Some(api::result_url(&id).await),
        _ => None,
    };
    Ok(Loaded {
        application,
        history,
        payments,
        result_url,
    })
}

#[component]
pub fn ApplicationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let view_id = id.clone();
    let auth = use_auth();
    // Read once someone is signed in (until then `SignedIn` asks to sign in), and again if
    // that changes; `None` while nobody is. The live checks below write newer reads into it.
    let signed_in = Memo::new(move |_| auth.account.with(Option::is_some));
    let loaded: Reading = LocalResource::new(move || {
        let (id, signed_in) = (id.clone(), signed_in.get());
        async move {
            if !signed_in {
                return None;
            }
            let result = fetch(&id).await;
            if let Err(failure) = &result {
                note_failure(auth, failure);
            }
            Some(result)
        }
    });
    let current = Signal::derive(move || loaded.get().flatten());
    let caption = move || {
        current.with(|l| match l {
            Some(Ok(l)) => Some(messages::service_short(&l.application.service)),
            _ => None,
        })
    };
    let heading = move || {
        current.with(|l| match l {
            Some(Ok(l)) => match &l.application.reference_number {
                Some(number) => i18n.t_with(
                    "cabinet-application-title",
                    &[("reference", Arg::from(number.to_string()))],
                ),
                None => i18n.t("cabinet-draft-title"),
            },
            Some(Err(failure)) if failure.status().is_some_and(|s| s != 401) => {
                i18n.t("cabinet-not-found-title")
            }
            _ => i18n.t("cabinet-application"),
        })
    };
    use_page_title(heading);
    view! {
        <A href="/cabinet" exact=true attr:class="back-link">{i18n.text("cabinet-back")}</A>
        {move || caption().map(|id| view! { <p class="caption">{i18n.text(id)}</p> })}
        <h1>{heading}</h1>
        <SignedIn>
            <ApplicationView id=view_id.clone() loaded current/>
        </SignedIn>
    }
}

#[component]
fn ApplicationView(
    id: String,
    loaded: Reading,
    current: Signal<Option<Result<Loaded, Failure>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let announcement = RwSignal::new(String::new());
    keep_checking(move || {
        let id = id.clone();
        async move {
            let before = loaded.with_untracked(|l| match l {
                Some(Some(Ok(l))) => Some((
                    l.application.status,
                    l.application.status_at,
                    l.application.updated_at,
                )),
                _ => None,
            });
            if before.is_some_and(|(status, ..)| status.is_final()) {
                return Checked::Finished;
            }
            let application = match api::application(&id).await {
                Ok(application) => application,
                Err(failure) => {
                    note_failure(auth, &failure);
                    return Checked::Failed;
                }
            };
            let now = (
                application.status,
                application.status_at,
                application.updated_at,
            );
            if before == Some(now) {
                return Checked::Same;
            }
            let status = application.status;
            match fetch_rest(application).await {
                Ok(fresh) => {
                    let moved = before.is_some_and(|(was, ..)| was != status);
                    loaded.set(Some(Some(Ok(fresh))));
                    if moved {
                        announcement.set(i18n.t_with(
                            "cabinet-status-now",
                            &[("status", Arg::from(i18n.t(&status_name(status))))],
                        ));
                    }
                    if status.is_final() {
                        Checked::Finished
                    } else {
                        Checked::Changed
                    }
                }
                Err(_) => Checked::Failed,
            }
        }
    });

    let content = move || match current.get() {
        None => view! { <p class="secondary">{i18n.text("cabinet-loading")}</p> }.into_any(),
        // Someone else's application answers 404, exactly as one that does not exist.
        Some(Err(failure)) if failure.status().is_some_and(|s| s != 401) => view! {
            <p>{i18n.text("cabinet-not-found-text")}</p>
            <p><A href="/cabinet" exact=true>{i18n.text("cabinet-back")}</A></p>
        }
        .into_any(),
        Some(Err(failure)) => {
            let message = Signal::derive(move || failure_message(i18n, &failure));
            view! { <p class="error-message">{message}</p> }.into_any()
        }
        Some(Ok(loaded)) => view! { <Details loaded/> }.into_any(),
    };
    view! {
        <Announcer message=announcement/>
        {content}
    }
}

#[component]
fn Details(loaded: Loaded) -> impl IntoView {
    let i18n = use_i18n();
    let Loaded {
        application,
        history,
        payments,
        result_url,
    } = loaded;
    let status = application.status;
    let submitted = application.submitted_at;
    let outcome = match status {
        Status::Issued => Some(
            view! { <Issued application=application.clone() href=result_url.clone()/> }.into_any(),
        ),
        Status::Refused => Some(
            view! { <Refused application=application.clone() href=result_url.clone()/> }.into_any(),
        ),
        status if !status.is_submitted() => {
            let resume = format!(
                "/services/{}/apply?application={}",
                application.service, application.id
            );
            Some(
                view! {
                    <div class="inset">
                        <p>{i18n.text("cabinet-draft-not-submitted")}</p>
                        <A href=resume attr:class="button">{i18n.text("cabinet-resume")}</A>
                    </div>
                }
                .into_any(),
            )
        }
        _ => None,
    };
    let timeline = submitted.map(|_| {
        let stages = stages(&application, &history.items);
        view! {
            <h2>{i18n.text("cabinet-timeline-heading")}</h2>
            <p class="secondary">{i18n.text("cabinet-timeline-intro")}</p>
            <Timeline stages/>
        }
    });
    view! {
        <Facts application=application.clone()/>
        {outcome}
        {timeline}
        <Answers application=application.clone()/>
        <Documents application_id=application.id.clone() documents=application.documents.clone()/>
        <Receipt payments/>
    }
}

/// The application's facts as a summary list.
#[component]
fn Facts(application: Application) -> impl IntoView {
    let i18n = use_i18n();
    let status = application.status;
    let row = |label: &'static str, value: AnyView| view! { <div><dt>{i18n.text(label)}</dt><dd>{value}</dd></div> };
    let mut rows = Vec::new();
    if let Some(number) = &application.reference_number {
        rows.push(row(
            "cabinet-reference",
            view! { <span class="reference">{number.to_string()}</span> }.into_any(),
        ));
    }
    rows.push(row(
        "cabinet-service",
        i18n.text(messages::service_name(&application.service))
            .into_any(),
    ));
    rows.push(row(
        "cabinet-sub-case",
        i18n.text(messages::of("sub-case", &application.sub_case))
            .into_any(),
    ));
    rows.push(row(
        "cabinet-provider",
        i18n.text(messages::provider(&application.provider))
            .into_any(),
    ));
    if let Some(at) = application.submitted_at {
        rows.push(row(
            "cabinet-submitted",
            Signal::derive(move || format::date_time(i18n, &at)).into_any(),
        ));
    }
    if let Some(day) = application.registered_on {
        rows.push(row(
            "cabinet-registered-on",
            Signal::derive(move || format::date(i18n, day)).into_any(),
        ));
    }
    rows.push(row(
        "cabinet-status",
        view! { <StatusTag status/> }.into_any(),
    ));
    if let Some(due) = application.due_date {
        let term = catalog::catalog()
            .service(&application.service)
            .and_then(|s| s.provision(&application.provider))
            .and_then(|p| {
                p.deadlines
                    .iter()
                    .find(|d| d.sub_cases.contains(&application.sub_case))
            })
            .and_then(|d| d.term);
        let unit = term.map(|term| term.unit);
        let term = term.map(|term| {
            let text = Signal::derive(move || {
                i18n.t_with(
                    "cabinet-legal-term",
                    &[("term", Arg::from(format::term(i18n, &term)))],
                )
            });
            view! { <br/> <span class="secondary">{text}</span> }
        });
        rows.push(row(
            "cabinet-due",
            view! { <DueDate status due unit/> {term} }.into_any(),
        ));
    }
    view! { <dl class="summary-list">{rows}</dl> }
}

/// The result is ready: the panel with its download.
#[component]
fn Issued(application: Application, href: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let result = application.result.clone();
    let number = result.as_ref().and_then(|r| r.document_number.clone());
    let details = result.map(|result| {
        let text = Signal::derive(move || {
            format!(
                "{}, {}",
                messages::key(&result.file_type).to_uppercase(),
                format::file_size(i18n, result.size)
            )
        });
        view! { " " <span class="secondary">"(" {text} ")"</span> }
    });
    let kind = catalog::catalog()
        .service(&application.service)
        .map(|s| messages::key(&s.kind))
        .unwrap_or_default();
    let download = Signal::derive(move || {
        i18n.t_with("cabinet-download", &[("kind", Arg::from(kind.clone()))])
    });
    view! {
        <div class="outcome outcome--issued">
            <h2 class="outcome__title">{i18n.text("cabinet-issued-title")}</h2>
            {number.map(|number| view! {
                <p>{i18n.text("cabinet-document-number")} " " <strong>{number}</strong></p>
            })}
            {href.map(|href| view! {
                <p>
                    <a class="button button--inverse" href=href download="">
                        {download}
                    </a>
                    {details}
                </p>
            })}
        </div>
    }
}

/// Refused: the reason in words, the officer's own words, and the reasoned refusal letter.
#[component]
fn Refused(application: Application, href: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let reason = application.refusal.clone();
    let comment = reason.as_ref().and_then(|r| r.comment.clone());
    let words = reason.map(|reason| Signal::derive(move || reason_text(i18n, &reason)));
    let apply_again = format!("/services/{}/apply?new=1", application.service);
    // Where to appeal: no regulation or other source we found says (the regulations give the
    // reasoned refusal and the cabinet, not an appeal), so the page names the regulation that
    // is silent and sends the applicant to the provider, never to an authority we would guess.
    let regulation = catalog::catalog()
        .service(&application.service)
        .and_then(|service| service.provision(&application.provider))
        .map(|provision| provision.regulation.clone());
    let provider = application.provider.clone();
    let appeal = regulation.map(|regulation| {
        Signal::derive(move || {
            i18n.t_with(
                "cabinet-appeal-unknown",
                &[
                    (
                        "regulation",
                        i18n.t(&messages::act_title(&regulation)).into(),
                    ),
                    ("provider", i18n.t(&messages::provider(&provider)).into()),
                ],
            )
        })
    });
    view! {
        <div class="outcome outcome--refused">
            <h2 class="outcome__title">{i18n.text("cabinet-refused-title")}</h2>
            {words.map(|words| view! { <p><strong>{i18n.text("cabinet-refusal-reason")}</strong> " " {words}</p> })}
            {comment.map(|comment| view! {
                <p>{i18n.text("cabinet-refusal-comment")}</p>
                <blockquote>{comment}</blockquote>
            })}
            {href.map(|href| view! {
                <p><a class="button button--secondary" href=href download="">{i18n.text("cabinet-download-refusal")}</a></p>
            })}
            <p>{i18n.text("cabinet-refused-next")}</p>
            <p><A href=apply_again>{i18n.text("cabinet-apply-again")}</A></p>
            {appeal.map(|appeal| view! {
                <h3>{i18n.text("cabinet-appeal-heading")}</h3>
                <p>{appeal}</p>
            })}
        </div>
    }
}
