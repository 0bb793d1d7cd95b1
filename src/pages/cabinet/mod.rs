//! `/cabinet` and `/cabinet/applications/:id`: the personal cabinet. The applicant's
//! applications with their status and due date, the drafts to resume or discard, and each
//! application's own page: its timeline, answers, documents, receipt and result. Statuses
//! refresh without a reload and changes are announced.

mod answers;
mod application;
mod drafts;
mod gate;
pub use gate::SignedIn;
mod list;
mod live;
mod receipt;
mod status;
mod timeline;

pub use application::ApplicationPage;

use crate::api;
use crate::components::use_page_title;
use crate::i18n::Arg;
use crate::i18n::{I18n, use_i18n};
use crate::router::A;
use crate::router::use_query_map;
use crate::session::{display_name, use_auth};
use gate::note_failure;
use leptos::prelude::*;
use live::{Announcer, Checked, keep_checking};
use otinish_core::api::{ApplicationStatus as Status, ApplicationSummary};
use otinish_core::catalog::messages;

/// What the cabinet shows, as last read.
#[derive(Debug, Clone, PartialEq)]
pub struct Lists {
    /// Every application of the applicant (the first page), most recently changed first.
    pub all: Vec<ApplicationSummary>,
    /// The submitted ones the status filter lets through.
    pub shown: Vec<ApplicationSummary>,
}

async fn fetch(filter: Option<Status>) -> api::Result<Lists> {
    let all = api::applications(None).await?.items;
    let shown = match filter {
        None => all.clone(),
        Some(status) => api::applications(Some(status)).await?.items,
    };
    let shown = shown
        .into_iter()
        .filter(|item| item.status.is_submitted())
        .collect();
    Ok(Lists { all, shown })
}

/// A status from the address (`?status=under-review`).
fn parse_status(key: &str) -> Option<Status> {
    serde_json::from_value(serde_json::Value::String(key.to_string())).ok()
}

/// "Заявление HD3KM7PR: зарегистрировано" for each application whose status moved.
fn changes(i18n: I18n, before: &[ApplicationSummary], after: &[ApplicationSummary]) -> String {
    after
        .iter()
        .filter(|now| {
            before
                .iter()
                .any(|then| then.id == now.id && then.status != now.status)
        })
        .map(|now| {
            let name = now.reference_number.as_ref().map_or_else(
                || i18n.t(&messages::service_short(&now.service)),
                |number| number.to_string(),
            );
            i18n.t_with(
                "cabinet-status-changed",
                &[
                    ("application", Arg::from(name)),
                    (
                        "status",
                        Arg::from(i18n.t(&status::status_name(now.status))),
                    ),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn CabinetPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t("cabinet-title"));
    view! {
        <h1>{i18n.text("cabinet-title")}</h1>
        <SignedIn><Cabinet/></SignedIn>
    }
}

#[component]
fn Cabinet() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query
            .with(|q| q.get("status"))
            .and_then(|key| parse_status(&key))
    });
    // Read again when the status filter changes; the live checks below write newer reads
    // into it. Only mounted for a signed-in applicant (`SignedIn`).
    let lists = LocalResource::new(move || {
        let filter = filter.get();
        async move {
            let loaded = fetch(filter).await;
            if let Err(failure) = &loaded {
                note_failure(auth, failure);
            }
            loaded
        }
    });
    let shown = Signal::derive(move || lists.get());
    let announcement = RwSignal::new(String::new());

    keep_checking(move || async move {
        let loaded = match fetch(filter.get_untracked()).await {
            Ok(loaded) => loaded,
            Err(failure) => {
                note_failure(auth, &failure);
                return Checked::Failed;
            }
        };
        // The page may have been left while the answer was on its way.
        let Some(before) =
            lists.try_with_untracked(|l| l.as_ref().and_then(|l| l.as_ref().ok()).cloned())
        else {
            return Checked::Finished;
        };
        match before {
            Some(before) if before == loaded => Checked::Same,
            before => {
                if let Some(before) = before {
                    let said = changes(i18n, &before.all, &loaded.all);
                    if !said.is_empty() {
                        announcement.set(said);
                    }
                }
                lists.set(Some(Ok(loaded)));
                Checked::Changed
            }
        }
    });

    let name = move || auth.account.with(|a| a.as_ref().map(display_name));
    view! {
        <p class="lead">{i18n.text("cabinet-signed-in-as")} " " <strong>{name}</strong></p>
        <Announcer message=announcement/>
        <list::Applications lists=shown filter=filter.into()/>
        <drafts::Drafts lists=shown reload=Callback::new(move |()| lists.refetch()) announcement/>
        <p class="cabinet__new"><A href="/">{i18n.text("cabinet-new-application")}</A></p>
        <p class="cabinet__password"><A href="/cabinet/password">{i18n.text("password-link")}</A></p>
    }
}
