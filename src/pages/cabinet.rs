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
        <h1>{i18n.text("cabinet-title")}</h1>
        <p class="lead">{i18n.text("cabinet-intro")}</p>
        <p>{i18n.text("cabinet-coming")}</p>
        <p><A href="/">{i18n.text("cabinet-to-services")}</A></p>
    }
}
