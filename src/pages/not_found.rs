use crate::components::use_page_title;
use crate::i18n::use_i18n;
use crate::router::A;
use leptos::prelude::*;

/// Any address the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t("not-found-title"));
    view! {
        <h1>{i18n.text("not-found-title")}</h1>
        <p>{i18n.text("not-found-check-address")}</p>
        <p><A href="/">{i18n.text("not-found-services-link")}</A></p>
    }
}
