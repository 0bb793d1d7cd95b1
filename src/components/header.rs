use super::LangSwitch;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// The service name, the main navigation and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="header">
            <div class="header__inner">
                <A href="/" attr:class="header__brand">
                    <span class="header__name">{i18n.text("app-name")}</span>
                    <span class="header__tagline">{i18n.text("app-tagline")}</span>
                </A>
                <nav class="header__nav" aria-label=i18n.text("nav-label")>
                    <A href="/">{i18n.text("nav-services")}</A>
                    <A href="/cabinet">{i18n.text("nav-cabinet")}</A>
                </nav>
                <LangSwitch/>
            </div>
        </header>
    }
}
