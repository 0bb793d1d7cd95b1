//! `/`: the catalog of services, by category, with search and filters.

mod filters;
mod search_index;

use crate::components::{ServiceTags, use_page_title};
use crate::i18n::Arg;
use crate::i18n::{Lang, use_i18n};
use crate::router::A;
use filters::{Filters, FiltersPanel};
use leptos::prelude::*;
use otinish_core::catalog::{self, Category, Service, messages};
use search_index::SearchIndex;

#[component]
pub fn CatalogPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t("catalog-title"));
    let filters = Filters::from_address();
    // Rebuilt when a language arrives; a search asks for every language (see search_index).
    let index = Memo::new_with_compare(
        move |_| {
            for lang in Lang::ALL {
                i18n.is_loaded(lang);
            }
            SearchIndex::build()
        },
        |_, _| true,
    );
    Effect::new(move |_| {
        if !filters.query.with(String::is_empty) {
            for lang in Lang::ALL {
                i18n.preload(lang);
            }
        }
    });

    let visible = Memo::new(move |_| {
        let query = filters.query.get();
        let index = index.read();
        let (applicant, region, provider) = (
            filters.applicant.get(),
            filters.region.get(),
            filters.provider.get(),
        );
        catalog::catalog()
            .services
            .iter()
            .filter(|service| index.matches(&service.id, &query))
            .filter(|service| filters::admits(service, applicant, region, provider.as_deref()))
            .map(|service| service.id.clone())
            .collect::<Vec<_>>()
    });

    let count = move || {
        let count = visible.with(Vec::len);
        i18n.t_with("catalog-found", &[("count", Arg::from(count))])
    };
    let categories = move || {
        let visible = visible.get();
        Category::ALL
            .into_iter()
            .filter_map(|category| {
                let services: Vec<&'static Service> = catalog::catalog()
                    .services
                    .iter()
                    .filter(|s| s.category == category && visible.contains(&s.id))
                    .collect();
                (!services.is_empty()).then(|| view! { <CategorySection category services/> })
            })
            .collect_view()
    };

    // Searching on a phone, the results come first after the search box: the introduction and
    // the box's examples step aside (public/style.css), so the first result is on the first
    // screen rather than a screen below.
    let searching = move || filters.query.with(|q| !q.trim().is_empty());
    view! {
        <h1>{i18n.text("catalog-title")}</h1>
        <p class="lead" class:lead--searching=searching>{i18n.text("catalog-intro")}</p>
        <div class="catalog" class:catalog--searching=searching>
            <FiltersPanel filters/>
            <div class="results">
                <p class="results__count" role="status" aria-live="polite" aria-atomic="true">{count}</p>
                <Show when=move || visible.with(Vec::is_empty)>
                    <div class="inset">
                        <p>{i18n.text("catalog-nothing-found")}</p>
                        <button type="button" class="button button--secondary" on:click=move |_| filters.reset()>
                            {i18n.text("catalog-reset")}
                        </button>
                    </div>
                </Show>
                {categories}
            </div>
        </div>
    }
}

#[component]
fn CategorySection(category: Category, services: Vec<&'static Service>) -> impl IntoView {
    let i18n = use_i18n();
    let heading = messages::of("category", &category);
    let items = services
        .into_iter()
        .map(|service| {
            let id = service.id.clone();
            let href = format!("/services/{id}");
            let short = messages::service_short(&id);
            let summary = messages::service_summary(&id);
            view! {
                <li>
                    <A href=href>{i18n.text(short.clone())}</A>
                    <p class="secondary">{i18n.text(summary.clone())}</p>
                    <ServiceTags service/>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="category">
            <h2>{i18n.text(heading.clone())}</h2>
            <ul class="service-list">{items}</ul>
        </section>
    }
}
