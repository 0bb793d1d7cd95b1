use crate::components::use_page_title;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// `/cabinet`: the personal cabinet. Until sign-in exists it says what will be here.
#[component]
pub fn CabinetPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t("cabinet-title"));
    view! {
        <h1>{move || i18n.t("cabinet-title")}</h1>
        <p class="lead">{move || i18n.t("cabinet-intro")}</p>
        <p>{move || i18n.t("cabinet-coming")}</p>
        <p><A href="/">{move || i18n.t("cabinet-to-services")}</A></p>
    }
}
