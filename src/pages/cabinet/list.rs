//! "My applications": one card per submitted application, with its reference number,
//! service, provider, date submitted, status and due date; overdue ones stand out. A filter
//! narrows the list by status.

use super::Lists;
use super::status::{DueDate, StatusTag, status_name};
use crate::api::Failure;
use crate::components::failure_message;
use crate::format;
use crate::i18n::use_i18n;
use crate::router::A;
use crate::router::use_navigate;
use leptos::html::Select;
use leptos::prelude::*;
use otinish_core::api::{ApplicationStatus as Status, ApplicationSummary};
use otinish_core::catalog::messages;
use otinish_core::status::is_overdue;

/// The statuses the filter offers: those of a submitted application.
const FILTERABLE: [Status; 9] = [
    Status::Delivered,
    Status::Registered,
    Status::ExecutorAssigned,
    Status::UnderReview,
    Status::AgreementRequested,
    Status::AgreementReceived,
    Status::Decision,
    Status::Issued,
    Status::Refused,
];

#[component]
pub fn Applications(
    lists: Signal<Option<Result<Lists, Failure>>>,
    filter: Signal<Option<Status>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let content = move || match lists.get() {
        None => view! { <p class="secondary">{i18n.text("cabinet-loading")}</p> }.into_any(),
        Some(Err(failure)) => {
            let message = Signal::derive(move || failure_message(i18n, &failure));
            view! { <p class="error-message">{message}</p> }.into_any()
        }
        Some(Ok(lists)) => {
            let count = lists.shown.len();
            let summary = Signal::derive(move || {
                i18n.t_with("cabinet-applications-count", &[("count", count.into())])
            });
            let empty = (count == 0).then(|| {
                let id = if filter.get_untracked().is_some() {
                    "cabinet-no-applications-with-status"
                } else {
                    "cabinet-no-applications"
                };
                view! { <p>{i18n.text(id)}</p> }
            });
            let cards = lists
                .shown
                .into_iter()
                .map(|item| view! { <Card item/> })
                .collect_view();
            view! {
                <p class="results__count" role="status">{summary}</p>
                {empty}
                <ul class="cards">{cards}</ul>
            }
            .into_any()
        }
    };
    view! {
        <section aria-labelledby="applications-heading">
            <h2 id="applications-heading">{i18n.text("cabinet-applications-heading")}</h2>
            <Filter filter/>
            {content}
        </section>
    }
}

/// The status filter: a select and a button, so that nothing moves while the applicant
/// chooses (WCAG 3.2.2). The choice goes into the address.
#[component]
fn Filter(filter: Signal<Option<Status>>) -> impl IntoView {
    let i18n = use_i18n();
    let select = NodeRef::<Select>::new();
    let navigate = use_navigate();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let chosen = select.get().map(|s| s.value()).unwrap_or_default();
        let href = if chosen.is_empty() {
            "/cabinet".to_string()
        } else {
            format!("/cabinet?status={chosen}")
        };
        navigate(&href, Default::default());
    };
    let options = FILTERABLE
        .into_iter()
        .map(|status| {
            let key = messages::key(&status);
            view! {
                <option value=key selected=move || filter.get() == Some(status)>
                    {i18n.text(status_name(status))}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="filter" on:submit=on_submit>
            <div class="filter__field">
                <label class="label" for="status-filter">{i18n.text("cabinet-filter-status")}</label>
                <select class="select" id="status-filter" name="status" node_ref=select>
                    <option value="" selected=move || filter.get().is_none()>{i18n.text("cabinet-filter-all")}</option>
                    {options}
                </select>
            </div>
            <button type="submit" class="button button--secondary">{i18n.text("cabinet-filter-apply")}</button>
        </form>
    }
}

#[component]
fn Card(item: ApplicationSummary) -> impl IntoView {
    let i18n = use_i18n();
    let overdue = is_overdue(item.status, item.due_date, format::today());
    let href = format!("/cabinet/applications/{}", item.id);
    let reference = item.reference_number.as_ref().map(ToString::to_string);
    let submitted = item.submitted_at.map(|at| {
        let date = Signal::derive(move || format::date(i18n, at.date_naive()));
        view! { <div><dt>{i18n.text("cabinet-submitted")}</dt><dd>{date}</dd></div> }
    });
    let status = item.status;
    let unit = otinish_core::catalog::catalog()
        .service(&item.service)
        .and_then(|service| service.provision(&item.provider))
        .and_then(|provision| otinish_core::status::deadline_unit(provision, item.sub_case));
    let due = item.due_date.map(|due| {
        view! { <div><dt>{i18n.text("cabinet-due")}</dt><dd><DueDate status due unit/></dd></div> }
    });
    view! {
        <li class="card" class:card--overdue=overdue>
            <h3 class="card__title">
                <A href=href>{i18n.text(messages::service_short(&item.service))}</A>
            </h3>
            <dl class="card__facts">
                {reference.map(|number| view! {
                    <div><dt>{i18n.text("cabinet-reference")}</dt><dd class="reference">{number}</dd></div>
                })}
                <div><dt>{i18n.text("cabinet-provider")}</dt><dd>{i18n.text(messages::provider(&item.provider))}</dd></div>
                {submitted}
                <div><dt>{i18n.text("cabinet-status")}</dt><dd><StatusTag status/></dd></div>
                {due}
            </dl>
        </li>
    }
}
