//! The search box and the filters of the catalog, and which services they admit.

use crate::i18n::use_i18n;
use crate::query::{PageQuery, use_page_query};
use leptos::prelude::*;
use otinish_core::catalog::{self, ApplicantType, Region, Service, messages};

/// Where a service is rendered: by a national body, or by the body of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    National,
    Region(Region),
}

impl Area {
    const ALL: [Area; 4] = [
        Area::National,
        Area::Region(Region::EastKazakhstan),
        Area::Region(Region::SouthKazakhstan),
        Area::Region(Region::AlmatyCity),
    ];

    fn key(self) -> String {
        match self {
            Area::National => "national".to_string(),
            Area::Region(region) => messages::key(&region),
        }
    }

    fn label_id(self) -> String {
        match self {
            Area::National => "catalog-area-national".to_string(),
            Area::Region(region) => messages::of("region", &region),
        }
    }

    fn from_key(key: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|area| area.key() == key)
    }
}

fn applicant_key(applicant: ApplicantType) -> String {
    messages::key(&applicant)
}

fn applicant_from_key(key: &str) -> Option<ApplicantType> {
    [ApplicantType::Individual, ApplicantType::LegalEntity]
        .into_iter()
        .find(|a| applicant_key(*a) == key)
}

/// The search and the filters, mirrored in the address (`?q=…&applicant=…&area=…&provider=…`).
/// Each is its own signal, so that typing is never held up by the router.
#[derive(Clone, Copy)]
pub struct Filters {
    pub query: RwSignal<String>,
    pub applicant: RwSignal<Option<ApplicantType>>,
    pub region: RwSignal<Option<Area>>,
    pub provider: RwSignal<Option<String>>,
    address: PageQuery,
}

impl Filters {
    pub fn from_address() -> Filters {
        let address = use_page_query();
        Filters {
            query: RwSignal::new(address.get("q").unwrap_or_default()),
            applicant: RwSignal::new(
                address
                    .get("applicant")
                    .as_deref()
                    .and_then(applicant_from_key),
            ),
            region: RwSignal::new(address.get("area").as_deref().and_then(Area::from_key)),
            provider: RwSignal::new(
                address
                    .get("provider")
                    .filter(|p| catalog::catalog().provider(p).is_some()),
            ),
            address,
        }
    }

    pub fn reset(self) {
        self.query.set(String::new());
        self.applicant.set(None);
        self.region.set(None);
        self.provider.set(None);
        for name in ["q", "applicant", "area", "provider"] {
            self.address.set(name, "");
        }
    }
}

/// Whether some provider renders `service` for the chosen applicant, area and provider.
pub fn admits(
    service: &Service,
    applicant: Option<ApplicantType>,
    area: Option<Area>,
    provider: Option<&str>,
) -> bool {
    let catalog = catalog::catalog();
    service.provisions.iter().any(|provision| {
        let applicant_ok = applicant.is_none_or(|a| service.applicants_at(provision).contains(&a));
        let provider_ok = provider.is_none_or(|p| provision.provider == p);
        let region = catalog.provider(&provision.provider).and_then(|p| p.region);
        let area_ok = match area {
            None => true,
            Some(Area::National) => region.is_none(),
            Some(Area::Region(wanted)) => region == Some(wanted),
        };
        applicant_ok && provider_ok && area_ok
    })
}

#[component]
pub fn FiltersPanel(filters: Filters) -> impl IntoView {
    let i18n = use_i18n();
    let on_search = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        filters.address.set("q", &value);
        filters.query.set(value);
    };

    let applicant_options = [
        None,
        Some(ApplicantType::Individual),
        Some(ApplicantType::LegalEntity),
    ]
    .map(|choice| {
        let key = choice
            .map(applicant_key)
            .unwrap_or_else(|| "any".to_string());
        let id = format!("applicant-{key}");
        let label = choice
            .map(|a| messages::of("applicant", &a))
            .unwrap_or_else(|| "catalog-applicant-any".to_string());
        let on_change = move |_| {
            filters
                .address
                .set("applicant", &choice.map(applicant_key).unwrap_or_default());
            filters.applicant.set(choice);
        };
        view! {
            <div class="checkbox radio">
                <input type="radio" name="applicant" id=id.clone() value=key
                    prop:checked=move || filters.applicant.get() == choice on:change=on_change/>
                <label for=id>{i18n.text(label.clone())}</label>
            </div>
        }
    });

    let area_options = Area::ALL.map(|area| {
        let label = area.label_id();
        view! {
            <option value=area.key() prop:selected=move || filters.region.get() == Some(area)>{i18n.text(label.clone())}</option>
        }
    });
    let on_area = move |event: leptos::ev::Event| {
        let key = event_target_value(&event);
        filters.address.set("area", &key);
        filters.region.set(Area::from_key(&key));
    };

    let provider_options = catalog::catalog()
        .providers
        .iter()
        .map(|provider| {
            let id = provider.id.clone();
            let selected_id = id.clone();
            let label = messages::provider(&id);
            view! {
                <option value=id prop:selected=move || filters.provider.get().as_deref() == Some(selected_id.as_str())>
                    {i18n.text(label.clone())}
                </option>
            }
        })
        .collect_view();
    let on_provider = move |event: leptos::ev::Event| {
        let id = event_target_value(&event);
        filters.address.set("provider", &id);
        filters.provider.set(Some(id).filter(|id| !id.is_empty()));
    };

    // On a phone the filters would push the list below the fold: they start folded there,
    // unless one is already in use.
    // A prerendered page (no window) starts folded: it is what a phone shows.
    let wide_screen = crate::IN_BROWSER
        && window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w >= 768.0);
    let open_initially = wide_screen
        || filters.applicant.get_untracked().is_some()
        || filters.region.get_untracked().is_some()
        || filters.provider.get_untracked().is_some();

    view! {
        // A plain GET form: without JavaScript, Enter in the search box still asks for `/?q=…`
        // (the prerendered catalog, src/prerender.rs); with it, the list filters as one types.
        <form class="filters" role="search" aria-labelledby="filters-heading" method="get" action="/"
            on:submit=|event| event.prevent_default()>
            <h2 id="filters-heading">{i18n.text("catalog-filters")}</h2>
            <div class="field">
                <label class="label" for="catalog-search">{i18n.text("catalog-search-label")}</label>
                <p class="hint" id="catalog-search-hint">{i18n.text("catalog-search-hint")}</p>
                <input class="input" type="search" id="catalog-search" name="q" autocomplete="off"
                    aria-describedby="catalog-search-hint"
                    prop:value=move || filters.query.get() on:input=on_search/>
            </div>
            <details class="filters__more" prop:open=open_initially>
            <summary>{i18n.text("catalog-more-filters")}</summary>
            <fieldset class="fieldset">
                <legend>{i18n.text("catalog-applicant-legend")}</legend>
                <div class="checkboxes">{applicant_options}</div>
            </fieldset>
            <div class="field">
                <label class="label" for="catalog-area">{i18n.text("catalog-area-label")}</label>
                <select class="select" id="catalog-area" on:change=on_area>
                    <option value="" prop:selected=move || filters.region.get().is_none()>{i18n.text("catalog-area-any")}</option>
                    {area_options}
                </select>
            </div>
            <div class="field">
                <label class="label" for="catalog-provider">{i18n.text("catalog-provider-label")}</label>
                <select class="select" id="catalog-provider" on:change=on_provider>
                    <option value="" prop:selected=move || filters.provider.get().is_none()>{i18n.text("catalog-provider-any")}</option>
                    {provider_options}
                </select>
            </div>
            </details>
        </form>
    }
}
