use crate::components::use_page_title;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// `/`: the catalog of services.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t("catalog-title"));
    view! {
        <h1>{move || i18n.t("catalog-title")}</h1>
        <p class="lead">{move || i18n.t("catalog-intro")}</p>
    }
}
