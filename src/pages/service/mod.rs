//! `/services/:id`: "before you start". Everything an applicant should know before applying:
//! what they get, who can apply, the deadline and fee, the documents, how the application
//! is processed, where to apply, and the legal basis. Facts that differ between providers
//! follow the provider chosen at the top.

mod documents;
mod facts;
mod legal;
mod steps;

use crate::app::rel_for;
use crate::components::use_page_title;
use crate::i18n::{Lang, use_i18n};
use crate::pages::NotFoundPage;
use crate::query;
use crate::router::A;
use crate::router::use_params_map;
use leptos::either::Either;
use leptos::prelude::*;
use otinish_core::catalog::{self, Provision, Service, messages};

#[component]
pub fn ServicePage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        match catalog::catalog().service(&id) {
            Some(service) => Either::Left(view! { <ServiceDetails service/> }),
            None => Either::Right(view! { <NotFoundPage/> }),
        }
    }
}

#[component]
fn ServiceDetails(service: &'static Service) -> impl IntoView {
    let i18n = use_i18n();
    let id = &service.id;
    let (short, name, summary) = (
        messages::service_short(id),
        messages::service_name(id),
        messages::service_summary(id),
    );
    let title = short.clone();
    use_page_title(move || i18n.t(&title));

    let address = query::use_page_query();
    let initial = address
        .get("provider")
        .filter(|p| service.provision(p).is_some());
    // Whether the applicant chose a provider here: only then does the form start with it
    // chosen (the first one is shown until then, but never chosen for them).
    let chosen = RwSignal::new(initial.is_some());
    let provider = RwSignal::new(initial.unwrap_or_else(|| service.provisions[0].provider.clone()));
    let provision = Memo::new(move |_| {
        provider
            .with(|p| service.provision(p).cloned())
            .expect("a provider of this service")
    });
    let kind = messages::of("kind", &service.kind);
    // A Kazakh name that is our translation must not be labelled official.
    let name_label = messages::name_label(service.kk_name);
    // In Kazakh, straight to the Kazakh file of the form's start (`/kk/…`, prerendered):
    // the Russian one would only send the visitor there (boot.js), a round trip later.
    let apply_href = move || {
        let kk = if i18n.lang.get() == Lang::Kk {
            "/kk"
        } else {
            ""
        };
        if chosen.get() {
            format!(
                "{kk}/services/{}/apply?provider={}",
                service.id,
                provider.get()
            )
        } else {
            format!("{kk}/services/{}/apply", service.id)
        }
    };
    // An application begun earlier in this browser is offered first.
    let auth = crate::session::use_auth();
    let resumable = move || {
        let owner = auth.account.with(|a| crate::draft::owner_of(a.as_ref()));
        // A prerendered page knows no draft: the app offers it once it has taken over.
        crate::IN_BROWSER && crate::draft::resumable(&service.id, owner.as_deref())
    };

    view! {
        <A href="/" attr:class="back-link">{i18n.text("service-back-to-list")}</A>
        <p class="caption"><span class="tag">{i18n.text(kind.clone())}</span></p>
        <h1>{i18n.text(short.clone())}</h1>
        <p class="lead">{i18n.text(summary.clone())}</p>
        <p class="secondary">
            <strong>{i18n.text(name_label)}</strong> " " {i18n.text(name.clone())}
        </p>
        <facts::Applicants service provision/>
        <h2>{i18n.text("service-apply-heading")}</h2>
        {move || if resumable() {
            view! {
                <div class="inset">
                    <p>{i18n.text("service-draft-found")}</p>
                    <p>
                        <a class="button" href=format!("/services/{}/apply", service.id) rel=rel_for("/services/x/apply") role="button" draggable="false">
                            {i18n.text("service-draft-continue")}
                        </a>
                    </p>
                </div>
                <a class="button button--secondary" href=move || {
                    let href = apply_href();
                    let separator = if href.contains('?') { '&' } else { '?' };
                    format!("{href}{separator}new=1")
                } rel=rel_for("/services/x/apply") role="button" draggable="false">
                    {i18n.text("service-draft-start-again")}
                </a>
            }
            .into_any()
        } else {
            view! {
                <p>{i18n.text("service-apply-intro")}</p>
                <a class="button button--start" href=apply_href rel=rel_for("/services/x/apply") role="button" draggable="false">
                    {i18n.text("service-start")}
                </a>
            }
            .into_any()
        }}
        // The details, once the applicant knows whether to start (GOV.UK start page).
        <ProviderPicker service provider chosen/>
        <facts::Terms service provision/>
        <documents::Documents service provision/>
        <steps::Steps service provision/>
        <Channels provision/>
        <legal::LegalBasis provision/>
    }
}

/// Several providers render some services; the applicant picks theirs. A single provider
/// is simply named.
#[component]
fn ProviderPicker(
    service: &'static Service,
    provider: RwSignal<String>,
    chosen: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let address = query::use_page_query();
    if service.provisions.len() == 1 {
        let name = messages::provider(&service.provisions[0].provider);
        return Either::Left(view! {
            <p><strong>{i18n.text("service-provider")}</strong> " " {i18n.text(name.clone())}</p>
        });
    }
    let options = service
        .provisions
        .iter()
        .map(|provision| {
            let id = provision.provider.clone();
            let input_id = format!("provider-{id}");
            let label = messages::provider(&id);
            let region = catalog::catalog().provider(&id).and_then(|p| p.region).map(|r| messages::of("region", &r));
            let (checked_id, chosen_id) = (id.clone(), id.clone());
            let on_change = move |_| {
                address.set("provider", &chosen_id);
                provider.set(chosen_id.clone());
                chosen.set(true);
            };
            view! {
                <div class="checkbox radio">
                    <input type="radio" name="provider" id=input_id.clone() value=id
                        prop:checked=move || provider.with(|p| *p == checked_id) on:change=on_change/>
                    <label for=input_id>
                        {i18n.text(label.clone())}
                        {region.clone().map(|region| view! { <br/><span class="secondary">{i18n.text(region.clone())}</span> })}
                    </label>
                </div>
            }
        })
        .collect_view();
    Either::Right(view! {
        <fieldset class="fieldset provider-picker" aria-describedby="service-provider-hint">
            <legend>{i18n.text("service-choose-provider")}</legend>
            <p class="hint" id="service-provider-hint">{i18n.text("service-choose-provider-hint")}</p>
            <div class="checkboxes">{options}</div>
        </fieldset>
    })
}

#[component]
fn Channels(provision: Memo<Provision>) -> impl IntoView {
    let i18n = use_i18n();
    let channels = move || {
        provision
            .with(|p| p.channels.clone())
            .into_iter()
            .map(|channel| {
                let id = messages::of("channel", &channel);
                view! { <li>{i18n.text(id.clone())}</li> }
            })
            .collect_view()
    };
    view! {
        <h2>{i18n.text("service-channels-heading")}</h2>
        <ul>{channels}</ul>
    }
}
