//! The router and the page shell every route shares.

use crate::components::{Footer, Header};
use crate::i18n::provide_i18n;
use crate::pages::{CabinetPage, CatalogPage, NotFoundPage, ServicePage};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    view! {
        <Router>
            <a href="#main" class="skip-link">{move || i18n.t("skip-to-content")}</a>
            <Header/>
            <div class="page">
                <main id="main" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=CatalogPage/>
                        <Route path=path!("/services/:id") view=ServicePage/>
                        <Route path=path!("/cabinet") view=CabinetPage/>
                    </Routes>
                </main>
            </div>
            <Footer/>
        </Router>
    }
}
