use crate::components::use_page_title;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// Any address the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t("not-found-title"));
    view! {
        <h1>{move || i18n.t("not-found-title")}</h1>
        <p>{move || i18n.t("not-found-check-address")}</p>
        <p><A href="/">{move || i18n.t("not-found-services-link")}</A></p>
    }
}
