use crate::components::use_page_title;
use crate::i18n::use_i18n;
use crate::session::{display_name, use_auth};
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
        {move || match use_auth().account.get() {
            Some(account) => view! {
                <p>{i18n.text("cabinet-signed-in-as")} " " <strong>{display_name(&account)}</strong></p>
                <p>{i18n.text("cabinet-coming")}</p>
            }
            .into_any(),
            None => view! {
                <p><A href="/sign-in?next=/cabinet">{i18n.text("cabinet-sign-in")}</A></p>
            }
            .into_any(),
        }}
        <p><A href="/">{i18n.text("cabinet-to-services")}</A></p>
    }
}
