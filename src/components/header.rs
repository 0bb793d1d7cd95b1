use super::LangSwitch;
use crate::app::rel_for;
use crate::i18n::use_i18n;
use crate::router::A;
use crate::session::{display_name, use_auth};
use crate::split::{SplitLoaderError, lazy_view};
use leptos::prelude::*;
use otinish_core::api::Account;

/// The service name, the main navigation and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let account = move || {
        match auth.account.get() {
        // Its module did not arrive: the header goes without (the page says nothing is wrong
        // with the visitor's session, and the cabinet link is there).
        Some(account) => lazy_view(async { account_view(account).await.unwrap_or_else(|_| ().into_any()) }),
        None => {
            view! { <A href="/sign-in" attr:rel=rel_for("/sign-in")>{i18n.text("nav-sign-in")}</A> }
                .into_any()
        }
    }
    };
    view! {
        <header class="header">
            <div class="header__inner">
                <A href="/" attr:class="header__brand">
                    <span class="header__name">{i18n.text("app-name")}</span>
                    <span class="header__tagline">{i18n.text("app-tagline")}</span>
                </A>
                <nav class="header__nav" aria-label=i18n.text("nav-label")>
                    <A href="/">{i18n.text("nav-services")}</A>
                    <A href="/cabinet" attr:rel=rel_for("/cabinet")>{i18n.text("nav-cabinet")}</A>
                    {account}
                </nav>
                <LangSwitch/>
            </div>
        </header>
    }
}

split_off! {
    module: signed_in;
    /// The signed-in applicant's name and the button to sign out. Split off (src/split.rs),
    /// with what else only someone signed in uses.
    fn account_view(account: Account) -> Result<AnyView, SplitLoaderError> {
        let i18n = use_i18n();
        let auth = use_auth();
        Ok(view! {
            <span class="header__who">
                <span class="header__account" translate="no" title=display_name(&account)>{display_name(&account)}</span>
                <button type="button" class="header__sign-out" on:click=move |_| auth.sign_out()>
                    {i18n.text("nav-sign-out")}
                </button>
            </span>
        }
        .into_any())
    }
}
