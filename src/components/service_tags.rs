use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use otinish_core::catalog::{self, Service, SubCase, messages};
use otinish_core::fees;

/// The kind of a service, today's fee to get it, and where it is rendered: the facts an
/// applicant scans a list for.
#[component]
pub fn ServiceTags(service: &'static Service) -> impl IntoView {
    let i18n = use_i18n();
    let kind = messages::of("kind", &service.kind);
    let fee = move || {
        let quote = fees::quote(&service.fee, SubCase::Issue, format::today());
        match quote {
            fees::Quote::Unknown => i18n.t("tag-fee-unknown"),
            fees::Quote::DueUnsourced => i18n.t("tag-fee-due-unsourced"),
            quote => format::quote(i18n, &quote),
        }
    };
    let mut areas: Vec<String> = service
        .provisions
        .iter()
        .map(|p| {
            match catalog::catalog()
                .provider(&p.provider)
                .and_then(|p| p.region)
            {
                Some(region) => messages::of("region", &region),
                None => "catalog-area-national".to_string(),
            }
        })
        .collect();
    areas.dedup();
    let areas = areas
        .into_iter()
        .map(|id| view! { <span class="tag">{i18n.text(id.clone())}</span> })
        .collect_view();
    view! {
        <p class="tags">
            <span class="tag">{i18n.text(kind.clone())}</span>
            <span class="tag tag--fee">{fee}</span>
            {areas}
        </p>
    }
}
