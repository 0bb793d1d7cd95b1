//! The page shell every route shares, and the two apps built on it.
//!
//! A first visit downloads only what the public pages need: [`PublicApp`] has the catalog and
//! the service pages. [`ApplicantApp`] has every page, the form and the cabinet too; the
//! backend serves it for their addresses (`crates/server/src/static_files.rs`). Moving from
//! the public app to an applicant's page is one full page load; after that the applicant's
//! app does everything itself.

use crate::components::{Footer, Header, SessionTimeout};
use crate::i18n::provide_i18n;
use crate::pages::preload_form_steps;
use crate::pages::{
    ApplicationPage, CabinetPage, CatalogPage, NotFoundPage, PasswordPage, RegisterPage,
    ServicePage, SignInPage, WizardPage,
};
use crate::router::{Route, Router, Routes, use_location};
use crate::session::provide_auth;
use crate::split::{SplitLoaderError, lazy_page, lazy_view, prefetch_when_idle};
use leptos::prelude::*;
use otinish_core::routes::is_applicant_route;

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

/// After every move to another page, focus goes where a full page load would leave a
/// screen reader: the new page's error summary if it has one, else its `h1` (which the
/// reader announces with the new title). Without this the focus stays on the link just
/// followed, or falls to the document, and the next Tab lands in the footer. Changes of
/// the query alone (a search typed, a filter) are not moves.
#[component]
fn FocusOnPageChange() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            focus_page_start(FOCUS_TRIES);
        }
        path
    });
}

/// Frames to wait for the new page's heading: some pages draw it once data has arrived.
const FOCUS_TRIES: u32 = 60;

fn focus_page_start(tries: u32) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        let target = document()
            .query_selector("main .error-summary, main h1")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        match target {
            Some(target) => {
                if !target.has_attribute("tabindex") {
                    let _ = target.set_attribute("tabindex", "-1");
                }
                let _ = target.focus();
            }
            None if tries > 0 => focus_page_start(tries - 1),
            // A page whose module is on its way (`split::lazy_page`) is waited for as long.
            None if document()
                .query_selector("main [data-page-loading]")
                .ok()
                .flatten()
                .is_some() =>
            {
                focus_page_start(0)
            }
            None => {
                if let Some(main) = document()
                    .get_element_by_id("main")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = main.focus();
                }
            }
        }
    });
}

/// Which of the two apps the pages are in, as context: the public app's links to the
/// applicant's pages leave it (`rel_for`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct InPublicApp(bool);

/// Languages, session, router, header and footer around the routes of an app.
#[component]
fn Shell(public: bool, children: Children) -> impl IntoView {
    provide_context(InPublicApp(public));
    let i18n = provide_i18n();
    provide_auth();
    view! {
        <Router>
            <FocusOnPageChange/>
            <a href="#main" class="skip-link" on:click=focus_main>{i18n.text("skip-to-content")}</a>
            <Header/>
            <div class="page">
                <main id="main" tabindex="-1">{children()}</main>
            </div>
            <Footer/>
        </Router>
    }
}

/// The `rel` of a link to `href`: `external` where it leads out of the public app, so that
/// the router lets the browser load the page (and with it the applicant's app).
pub fn rel_for(href: &str) -> Option<&'static str> {
    let path = href.split(['?', '#']).next().unwrap_or(href);
    let public = use_context::<InPublicApp>().is_some_and(|InPublicApp(public)| public);
    (public && is_applicant_route(path)).then_some("external")
}

/// The catalog and the service pages: what a first visit downloads.
static PUBLIC_ROUTES: [Route; 2] = [
    Route::new("/", || view! { <CatalogPage/> }.into_any()),
    Route::lazy(
        "/services/:id",
        || lazy_page(public_page(PublicPage::Service)),
        || Box::pin(preload_public_pages()),
    ),
];

/// The pages split off in the module `public_pages` (the catalog in the applicant's app only;
/// the public app keeps it in its first module, which draws it).
#[derive(Clone, Copy)]
enum PublicPage {
    Catalog,
    Service,
}

split_off! {
    module: public_pages;
    preload: preload_public_pages;
    /// A public page, split off (src/split.rs): a first visit to the catalog does not need a
    /// service's page, nor does an applicant on the form or in the cabinet either page.
    fn public_page(page: PublicPage) -> Result<AnyView, SplitLoaderError> {
        Ok(match page {
            PublicPage::Catalog => view! { <CatalogPage/> }.into_any(),
            PublicPage::Service => view! { <ServicePage/> }.into_any(),
        })
    }
}

/// Before the public app replaces a prerendered page: the code of the page on show, where it
/// is split off, so that the app draws it in the same go (no empty page between the two).
pub async fn preload_public_page() {
    crate::router::preload(
        &PUBLIC_ROUTES,
        &window().location().pathname().unwrap_or_default(),
    )
    .await;
}

/// Once the browser is idle after the first page, the code of a service's page, so that a
/// visitor who follows a link from the catalog does not wait for it.
pub fn prefetch_public_pages() {
    prefetch_when_idle(preload_public_pages);
}

/// Every page: the public ones, the application form, signing in and the cabinet. In the
/// applicant's app all but the form's machinery and the steps it can start on are split off
/// (src/split.rs), in one module for each part: the public pages, the form's later steps
/// (`pages::wizard`), the cabinet, signing in, and what only someone signed in uses.
static APPLICANT_ROUTES: [Route; 9] = [
    Route::lazy(
        "/",
        || lazy_page(public_page(PublicPage::Catalog)),
        || Box::pin(preload_public_pages()),
    ),
    Route::lazy(
        "/services/:id",
        || lazy_page(public_page(PublicPage::Service)),
        || Box::pin(preload_public_pages()),
    ),
    Route::new("/services/:id/apply", || view! { <WizardPage/> }.into_any()),
    Route::lazy(
        "/services/:id/apply/:step",
        || view! { <WizardPage/> }.into_any(),
        || Box::pin(preload_form_steps()),
    ),
    Route::lazy(
        "/cabinet",
        || lazy_page(cabinet_page(CabinetPart::Applications)),
        || Box::pin(preload_cabinet()),
    ),
    Route::lazy(
        "/cabinet/applications/:id",
        || lazy_page(cabinet_page(CabinetPart::Application)),
        || Box::pin(preload_cabinet()),
    ),
    Route::lazy(
        "/cabinet/password",
        || lazy_page(account_page(AccountPart::Password)),
        || Box::pin(preload_account()),
    ),
    Route::lazy(
        "/sign-in",
        || lazy_page(account_page(AccountPart::SignIn)),
        || Box::pin(preload_account()),
    ),
    Route::lazy(
        "/register",
        || lazy_page(account_page(AccountPart::Register)),
        || Box::pin(preload_account()),
    ),
];

/// The pages split off in the module `cabinet`.
#[derive(Clone, Copy)]
enum CabinetPart {
    Applications,
    Application,
}

split_off! {
    in applicant, module: cabinet;
    preload: preload_cabinet;
    fn cabinet_page(page: CabinetPart) -> Result<AnyView, SplitLoaderError> {
        Ok(match page {
            CabinetPart::Applications => view! { <CabinetPage/> }.into_any(),
            CabinetPart::Application => view! { <ApplicationPage/> }.into_any(),
        })
    }
}

/// The pages split off in the module `account`: signing in and the ways to.
#[derive(Clone, Copy)]
enum AccountPart {
    SignIn,
    Register,
    Password,
}

split_off! {
    in applicant, module: account;
    preload: preload_account;
    fn account_page(page: AccountPart) -> Result<AnyView, SplitLoaderError> {
        Ok(match page {
            AccountPart::SignIn => view! { <SignInPage/> }.into_any(),
            AccountPart::Register => view! { <RegisterPage/> }.into_any(),
            AccountPart::Password => view! { <PasswordPage/> }.into_any(),
        })
    }
}

/// Before the applicant's app is drawn: the code of the page asked for, where it is split off.
pub async fn preload_applicant_page() {
    crate::router::preload(
        &APPLICANT_ROUTES,
        &window().location().pathname().unwrap_or_default(),
    )
    .await;
}

/// The catalog and the service pages: what a first visit downloads.
#[component]
pub fn PublicApp() -> impl IntoView {
    view! {
        <Shell public=true>
            <Routes routes=&PUBLIC_ROUTES fallback=|| view! { <ElsewhereOrNotFound/> }.into_any()/>
        </Shell>
    }
}

/// Every page: the public ones, the application form, signing in and the cabinet.
#[component]
pub fn ApplicantApp() -> impl IntoView {
    // The public app's hand-over (`ElsewhereOrNotFound`) arrived.
    forget_hand_over();
    view! {
        <Shell public=false>
            <Routes routes=&APPLICANT_ROUTES fallback=|| view! { <NotFoundPage/> }.into_any()/>
            // Nobody's session in the prerendered start of the form (`src/prerender.rs`).
            {crate::IN_BROWSER.then(|| view! { <SessionTimeoutOnceSignedIn/> })}
        </Shell>
    }
}

/// The session-timeout dialog, from the first time someone is signed in on this page on:
/// split off (src/split.rs), since a visitor who is not never needs it. Should its module
/// not arrive, the session ends unannounced, as it would without the dialog.
#[component]
fn SessionTimeoutOnceSignedIn() -> impl IntoView {
    let auth = crate::session::use_auth();
    let ever = Memo::new(move |ever: Option<&bool>| {
        ever.copied().unwrap_or(false) || auth.account.with(Option::is_some)
    });
    move || {
        ever.get()
            .then(|| lazy_view(async { session_timeout().await.unwrap_or_else(|_| ().into_any()) }))
    }
}

split_off! {
    in applicant, module: signed_in;
    fn session_timeout() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <SessionTimeout/> }.into_any())
    }
}

/// Mounts `app` on the page in place of what the page shows before it: the prerendered HTML
/// of a public page (`src/prerender.rs`), drawn by the same components in the same language,
/// so the swap, done in one go before the browser paints again, is not seen. Mounting anew
/// rather than hydrating: hydration would need the wasm built with Leptos's `hydrate`
/// feature and HTML matching node for node whatever the visitor's state (signed in, a
/// draft), while the prerendered page is the same for everyone (BENCHMARKS.md).
pub fn mount_in_place<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    use wasm_bindgen::JsCast;
    // A search typed into the prerendered catalog before the app arrived is kept: the
    // catalog reads it from `?q=`.
    if let Some(search) = document()
        .get_element_by_id("catalog-search")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        && !search.value().is_empty()
    {
        crate::query::set_before_router("q", &search.value());
    }
    let focused = FocusedElement::take();
    let body = document().body().expect("the page has a body");
    body.set_text_content(None);
    if let Some(root) = document().document_element() {
        // boot.js hides a prerendered page served for another address (the one page as the
        // host's fallback): the app is drawn now. Without `data-page` the page is the app's
        // (the end-to-end tests wait for that before they type).
        let _ = root.remove_attribute("data-stale");
        let _ = root.remove_attribute("data-page");
    }
    leptos::mount::mount_to(body, app).forget();
    if let Some(focused) = focused {
        focused.restore(FOCUS_TRIES);
    }
}

/// What had the focus in a prerendered page when the app took it over. A visitor who tabbed
/// into the page before the wasm arrived keeps their place: the app draws the same page, and
/// the same element (by its id, else the first of its kind with the same text, the same
/// address preferred) gets the focus back, instead of the focus falling to the page's start.
struct FocusedElement {
    tag: String,
    id: String,
    href: Option<String>,
    text: String,
}

impl FocusedElement {
    fn take() -> Option<Self> {
        let active = document().active_element()?;
        let tag = active.tag_name();
        (!tag.eq_ignore_ascii_case("body")).then(|| FocusedElement {
            id: active.id(),
            href: active.get_attribute("href"),
            text: text_of(&active),
            tag,
        })
    }

    fn restore(self, tries: u32) {
        request_animation_frame(move || match self.find() {
            Some(element) => {
                let _ = element.focus();
            }
            None if tries > 0 => self.restore(tries - 1),
            None => {}
        });
    }

    fn find(&self) -> Option<web_sys::HtmlElement> {
        use wasm_bindgen::JsCast;
        let document = document();
        if !self.id.is_empty() {
            return document.get_element_by_id(&self.id)?.dyn_into().ok();
        }
        let all = document.query_selector_all(&self.tag).ok()?;
        let same_text: Vec<web_sys::Element> = (0..all.length())
            .filter_map(|i| all.item(i)?.dyn_into::<web_sys::Element>().ok())
            .filter(|element| text_of(element) == self.text)
            .collect();
        let same_address = same_text
            .iter()
            .find(|element| element.get_attribute("href") == self.href);
        same_address
            .or(same_text.first())
            .and_then(|element| element.clone().dyn_into().ok())
    }
}

fn text_of(element: &web_sys::Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Where the public app last sent the browser to load the applicant's app, in this tab.
const HAND_OVER_KEY: &str = "otinish.hand-over";

fn session_storage() -> Option<web_sys::Storage> {
    // The prerendered start of the form (`src/prerender.rs`) has no window.
    if !crate::IN_BROWSER {
        return None;
    }
    window().session_storage().ok().flatten()
}

fn forget_hand_over() {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(HAND_OVER_KEY);
    }
}

/// Whether the public app already sent the browser to `path` and got itself back: the host
/// did not start the applicant's app there (an old `index.html`, a host that rewrites to
/// another page). Loading it again would loop for ever.
fn handed_over_before(path: &str) -> bool {
    let Some(storage) = session_storage() else {
        // Without storage a loop cannot be told apart: do not risk one.
        return true;
    };
    let before = storage.get_item(HAND_OVER_KEY).ok().flatten();
    if before.as_deref() == Some(path) {
        let _ = storage.remove_item(HAND_OVER_KEY);
        return true;
    }
    let _ = storage.set_item(HAND_OVER_KEY, path);
    false
}

/// In the public app, an address it does not have: an applicant's page is loaded again, and
/// the one page (`boot.js`) starts the applicant's app there; anything else is not found.
#[component]
fn ElsewhereOrNotFound() -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    if is_applicant_route(&path) && !handed_over_before(&path) {
        // Links there are `rel="external"` (`rel_for`); any other way here (history, a
        // script) loads the page again, where boot.js starts the applicant's app.
        let search = location.search.get_untracked();
        let search = if search.is_empty() || search.starts_with('?') {
            search
        } else {
            format!("?{search}")
        };
        let _ = window().location().replace(&format!("{path}{search}"));
        return ().into_any();
    }
    view! { <NotFoundPage/> }.into_any()
}
