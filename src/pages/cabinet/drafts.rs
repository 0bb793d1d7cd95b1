//! Drafts: the applications not submitted yet, on the backend and in this browser, each to
//! resume where it was left or to discard after a confirmation.

use super::Lists;
use super::gate::note_failure;
use super::status::StatusTag;
use crate::api::{self, Failure};
use crate::components::failure_message;
use crate::draft;
use crate::format;
use crate::i18n::Arg;
use crate::i18n::use_i18n;
use crate::router::A;
use crate::session::use_auth;
use leptos::prelude::*;
use otinish_core::api::{ApplicationStatus as Status, ApplicationSummary, Time};
use otinish_core::catalog::{self, Service, SubCase, messages};
use wasm_bindgen::JsCast;

/// One draft: the backend's, this browser's, or both when the browser's is saved there.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    service: &'static Service,
    provider: Option<String>,
    sub_case: Option<SubCase>,
    /// The backend's application, not yet submitted.
    server: Option<(String, Status, Time)>,
    /// Whether this browser keeps a copy (`otinish.draft.<service>`).
    local: bool,
}

impl Row {
    /// Unique on the page: the backend id, or the service of a draft only this browser has.
    fn key(&self) -> String {
        match &self.server {
            Some((id, ..)) => id.clone(),
            None => format!("local-{}", self.service.id),
        }
    }

    fn resume_href(&self) -> String {
        match &self.server {
            Some((id, ..)) => format!("/services/{}/apply?application={id}", self.service.id),
            None => format!("/services/{}/apply", self.service.id),
        }
    }

    /// A paid application cannot be discarded: the fee would be lost.
    fn discardable(&self) -> bool {
        self.server
            .as_ref()
            .is_none_or(|(_, status, _)| matches!(status, Status::Draft | Status::AwaitingPayment))
    }
}

/// The backend's drafts, joined with the drafts this browser keeps. A browser draft that
/// belongs to an application this account does not have (another account's, or one since
/// submitted or discarded) is not shown.
fn rows(all: &[ApplicationSummary], owner: Option<&str>) -> Vec<Row> {
    let local: Vec<draft::Draft> = catalog::catalog()
        .services
        .iter()
        .map(|service| draft::load(&service.id, owner))
        .filter(|d| d.sub_case.is_some() || d.provider.is_some() || !d.answers.is_empty())
        .collect();
    let mut rows: Vec<Row> = all
        .iter()
        .filter(|item| !item.status.is_submitted())
        .filter_map(|item| {
            Some(Row {
                service: catalog::catalog().service(&item.service)?,
                provider: Some(item.provider.clone()),
                sub_case: Some(item.sub_case),
                server: Some((item.id.clone(), item.status, item.updated_at)),
                local: local
                    .iter()
                    .any(|d| d.remote.as_ref().is_some_and(|r| r.id == item.id)),
            })
        })
        .collect();
    rows.extend(
        local
            .into_iter()
            .filter(|d| d.remote.is_none())
            .filter_map(|d| {
                Some(Row {
                    service: catalog::catalog().service(&d.service)?,
                    provider: d.provider,
                    sub_case: d.sub_case,
                    server: None,
                    local: true,
                })
            }),
    );
    rows
}

/// Moves focus to the element `id` once it is on the page.
fn focus_soon(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

#[component]
pub fn Drafts(
    lists: Signal<Option<Result<Lists, Failure>>>,
    reload: Callback<()>,
    announcement: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    // The draft whose discarding waits for confirmation, by [`Row::key`].
    let confirming: RwSignal<Option<String>> = RwSignal::new(None);
    let failure: RwSignal<Option<Failure>> = RwSignal::new(None);
    // Bumped when this browser's drafts change, which no signal follows.
    let local_version = RwSignal::new(0u32);

    let discarding = Action::new_local(move |row: &Row| {
        let row = row.clone();
        async move {
            if let Some((id, ..)) = &row.server {
                match api::discard(id).await {
                    // Gone already (another tab): nothing left to discard.
                    Err(Failure::Problem(problem)) if problem.status == 404 => {}
                    Ok(()) => {}
                    Err(error) => {
                        note_failure(auth, &error);
                        failure.set(Some(error));
                        return;
                    }
                }
            }
            if row.local {
                draft::remove(&row.service.id);
            }
            confirming.set(None);
            local_version.update(|v| *v += 1);
            announcement.set(i18n.t("cabinet-draft-discarded"));
            reload.try_run(());
            focus_soon("drafts-heading".to_string());
        }
    });
    let discard = Callback::new(move |row: Row| {
        failure.set(None);
        discarding.dispatch(row);
    });

    let content = move || {
        local_version.track();
        let all = match lists.get() {
            None => {
                return view! { <p class="secondary">{i18n.text("cabinet-loading")}</p> }
                    .into_any();
            }
            Some(Ok(lists)) => lists.all,
            // The list says why; this browser's drafts can still be shown.
            Some(Err(_)) => Vec::new(),
        };
        let owner = auth.account.with(|a| draft::owner_of(a.as_ref()));
        let rows = rows(&all, owner.as_deref());
        if rows.is_empty() {
            return view! { <p>{i18n.text("cabinet-no-drafts")}</p> }.into_any();
        }
        let cards = rows
            .into_iter()
            .map(|row| view! { <DraftCard row confirming failure discard/> })
            .collect_view();
        view! { <ul class="cards">{cards}</ul> }.into_any()
    };
    view! {
        <section aria-labelledby="drafts-heading">
            <h2 id="drafts-heading" tabindex="-1">{i18n.text("cabinet-drafts-heading")}</h2>
            <p class="secondary">{i18n.text("cabinet-drafts-intro")}</p>
            {content}
        </section>
    }
}

#[component]
fn DraftCard(
    row: Row,
    confirming: RwSignal<Option<String>>,
    failure: RwSignal<Option<Failure>>,
    discard: Callback<Row>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = row.key();
    let service_name = messages::service_short(&row.service.id);
    let provider = row.provider.clone().map(|provider| {
        view! { <div><dt>{i18n.text("cabinet-provider")}</dt><dd>{i18n.text(messages::provider(&provider))}</dd></div> }
    });
    let sub_case = row.sub_case.map(|sub_case| {
        view! { <div><dt>{i18n.text("cabinet-sub-case")}</dt><dd>{i18n.text(messages::of("sub-case", &sub_case))}</dd></div> }
    });
    let state = match row.server.clone() {
        Some((_, status, updated_at)) => {
            let changed = Signal::derive(move || format::date_time(i18n, &updated_at));
            view! {
                <div><dt>{i18n.text("cabinet-status")}</dt><dd><StatusTag status/></dd></div>
                <div><dt>{i18n.text("cabinet-changed")}</dt><dd>{changed}</dd></div>
            }
            .into_any()
        }
        None => view! {
            <div><dt>{i18n.text("cabinet-status")}</dt><dd>{i18n.text("cabinet-draft-in-browser")}</dd></div>
        }
        .into_any(),
    };
    let resume = row.resume_href();
    let delete_id = format!("discard-{key}");
    let confirm_id = format!("confirm-{key}");
    let ask = {
        let (key, confirm_id) = (key.clone(), confirm_id.clone());
        move |_| {
            confirming.set(Some(key.clone()));
            failure.set(None);
            focus_soon(confirm_id.clone());
        }
    };
    let cancel = {
        let delete_id = delete_id.clone();
        move |_| {
            confirming.set(None);
            focus_soon(delete_id.clone());
        }
    };
    let open = {
        let key = key.clone();
        Memo::new(move |_| confirming.with(|c| c.as_deref() == Some(key.as_str())))
    };
    let question = {
        let service_name = service_name.clone();
        Signal::derive(move || {
            i18n.t_with(
                "cabinet-discard-question",
                &[("service", Arg::from(i18n.t(&service_name)))],
            )
        })
    };
    let discard_button = row.discardable().then(|| {
        let service_name = service_name.clone();
        view! {
            <button type="button" class="button button--warning" id=delete_id.clone() on:click=ask
                aria-expanded=move || if open.get() { "true" } else { "false" }>
                {i18n.text("cabinet-discard")}
                <span class="visually-hidden">" " {i18n.text(service_name)}</span>
            </button>
        }
    });
    let confirmation = move || {
        open.get().then(|| {
            let row = row.clone();
            let title_id = format!("{confirm_id}-title");
            let labelled_by = title_id.clone();
            let error = move || {
                failure.get().map(|failure| {
                    let message = Signal::derive(move || failure_message(i18n, &failure));
                    view! { <p class="error-message">{message}</p> }
                })
            };
            view! {
                <div class="confirm" id=confirm_id.clone() role="group" aria-labelledby=labelled_by tabindex="-1">
                    <p class="confirm__question" id=title_id>{question}</p>
                    <p>{i18n.text("cabinet-discard-warning")}</p>
                    {error}
                    <div class="button-group">
                        <button type="button" class="button button--warning" on:click=move |_| discard.run(row.clone())>
                            {i18n.text("cabinet-discard-confirm")}
                        </button>
                        <button type="button" class="button button--secondary" on:click=cancel.clone()>
                            {i18n.text("cabinet-discard-cancel")}
                        </button>
                    </div>
                </div>
            }
        })
    };
    view! {
        <li class="card">
            <h3 class="card__title">{i18n.text(service_name.clone())}</h3>
            <dl class="card__facts">{provider}{sub_case}{state}</dl>
            <div class="button-group">
                <A href=resume attr:class="button button--secondary">
                    {i18n.text("cabinet-resume")}
                    <span class="visually-hidden">" " {i18n.text(service_name.clone())}</span>
                </A>
                {discard_button}
            </div>
            {confirmation}
        </li>
    }
}
