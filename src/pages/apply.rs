use crate::components::use_page_title;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// `/services/:id/apply`: the start of the wizard. Until the wizard exists, it says so and
/// leads back to the service, instead of pretending to take an application.
#[component]
pub fn ApplyPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t("apply-title"));
    let params = use_params_map();
    let back = move || {
        format!(
            "/services/{}",
            params.with(|p| p.get("id").unwrap_or_default())
        )
    };
    view! {
        <A href=back attr:class="back-link">{i18n.text("apply-back")}</A>
        <h1>{i18n.text("apply-title")}</h1>
        <p class="lead">{i18n.text("apply-coming")}</p>
        <p>{i18n.text("apply-meanwhile")}</p>
    }
}
