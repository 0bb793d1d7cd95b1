//! The router and the page shell every route shares.

use crate::components::{Footer, Header, SessionTimeout};
use crate::i18n::provide_i18n;
use crate::pages::{
    ApplicationPage, CabinetPage, CatalogPage, NotFoundPage, RegisterPage, ServicePage, SignInPage,
    WizardPage,
};
use crate::session::provide_auth;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The router handles in-page links itself and would not move focus, so the skip link does
/// it here: keyboard and screen-reader users land on the page's content.
fn focus_main(event: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    event.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    provide_auth();
    view! {
        <Router>
            <a href="#main" class="skip-link" on:click=focus_main>{i18n.text("skip-to-content")}</a>
            <Header/>
            <div class="page">
                <main id="main" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=CatalogPage/>
                        <Route path=path!("/services/:id") view=ServicePage/>
                        <Route path=path!("/services/:id/apply") view=WizardPage/>
                        <Route path=path!("/services/:id/apply/:step") view=WizardPage/>
                        <Route path=path!("/cabinet") view=CabinetPage/>
                        <Route path=path!("/cabinet/applications/:id") view=ApplicationPage/>
                        <Route path=path!("/sign-in") view=SignInPage/>
                        <Route path=path!("/register") view=RegisterPage/>
                    </Routes>
                </main>
            </div>
            <Footer/>
            <SessionTimeout/>
        </Router>
    }
}
