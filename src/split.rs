//! Code an app loads only when it is needed, from wasm modules of their own.
//!
//! A function declared with [`split_off!`] is called as an `async fn` returning a `Result`.
//! In a release build (`scripts/build-app`, with the `split` feature; the applicant's app
//! with `split-applicant` too) it is a split point (`wasm_split`, which Leptos's `#[lazy]`
//! also uses): `wasm-split-cli` moves the function, and whatever only it uses, out of the
//! first module into the module it names, which the browser downloads on the first call.
//! Every other build (`scripts/dev`'s trunk, the native prerender and tests) has no splitter,
//! and there it is a plain `async fn` that never fails. What each app splits off, and what
//! that saves, is in BENCHMARKS.md (sections 0e and 0f).
//!
//! What is split off is what a first visit to a page does not need. In the public app, a
//! service's page (the catalog is the first page) and what only someone signed in uses; in
//! the applicant's app also the catalog, the form's later steps, the cabinet and signing in,
//! so that the form's first step comes with the form's machinery alone. The parts are coarse,
//! one module for what is used together: the splitter makes a shared chunk for every set of
//! modules that share code, and split at every page the applicant's app came to 161 modules
//! and 15 to 63 requests a page (0d); in five parts, 11 to 15 (0f).
//!
//! Not `#[lazy]` itself: a module that does not arrive (the connection dropped, or a new
//! release renamed it) would end the whole app there (a panic aborts the wasm). `fallible`
//! makes it an `Err` the page shows ([`PageUnavailable`]).

use crate::i18n::use_i18n;
use leptos::prelude::*;
use std::future::Future;
use std::task::{Context, Poll, Waker};

pub use leptos::wasm_split::SplitLoaderError;

/// Declares a function whose code a release build splits off (see above). Written as a plain
/// function returning `Result<_, SplitLoaderError>`; called as an `async fn`. Before it:
/// - `module: name;`: in the module `name`, with every function that names it; without it, in
///   a module of its own. Fewer modules make fewer shared chunks, so fewer requests a page.
/// - `in applicant, module: name;`: the same, in the applicant's app only (its build has the
///   `split-applicant` feature; in the public app's, where nothing calls it, it would otherwise
///   stay, being exported). Without it, the function is split off in both apps.
/// - `preload: name;`: `name()` downloads the module without calling the function; it is as
///   visible as the function.
macro_rules! split_off {
    (@preload [$feature:literal] [$($module:ident)?] preload: $preload:ident; $($function:tt)*) => {
        split_off!(@split [$feature] [$($module)?] [, preload($preload)] $($function)*);
        #[cfg(not(feature = $feature))]
        #[allow(dead_code, unreachable_pub)]
        pub(crate) async fn $preload() -> Result<(), $crate::split::SplitLoaderError> {
            Ok(())
        }
    };
    (@preload [$feature:literal] [$($module:ident)?] $($function:tt)*) => {
        split_off!(@split [$feature] [$($module)?] [] $($function)*);
    };
    // In a module of its own, named after it.
    (@split [$feature:literal] [] [$($preload:tt)*]
        $(#[$attr:meta])* $vis:vis fn $name:ident $($function:tt)*) => {
        split_off!(@split [$feature] [$name] [$($preload)*] $(#[$attr])* $vis fn $name $($function)*);
    };
    (@split [$feature:literal] [$module:ident] [$($preload:tt)*]
        $(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $type:ty),* $(,)?) -> $output:ty $body:block) => {
        #[cfg(feature = $feature)]
        #[::leptos::wasm_split::wasm_split(
            $module, wasm_split_path = ::leptos::wasm_split, fallible $($preload)*
        )]
        $(#[$attr])*
        $vis fn $name($($arg: $type),*) -> $output $body

        #[cfg(not(feature = $feature))]
        $(#[$attr])*
        $vis async fn $name($($arg: $type),*) -> $output $body
    };
    (in applicant, module: $module:ident; $($rest:tt)*) => {
        split_off!(@preload ["split-applicant"] [$module] $($rest)*);
    };
    (module: $module:ident; $($rest:tt)*) => {
        split_off!(@preload ["split"] [$module] $($rest)*);
    };
    ($($rest:tt)*) => {
        split_off!(@preload ["split"] [] $($rest)*);
    };
}

/// Draws a view that comes from a split-off function: at once where its module is there (it was
/// preloaded, or nothing is split), else when it has arrived, and nothing before.
pub fn lazy_view(view: impl Future<Output = AnyView> + 'static) -> AnyView {
    drawn_or_awaited(view, IntoAny::into_any)
}

/// A page from a split-off function: drawn as [`lazy_view`] draws; while its module is on its
/// way, [`PageLoading`]; should it not arrive, [`PageUnavailable`] in its place.
pub fn lazy_page(
    page: impl Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
) -> AnyView {
    let arrived = RwSignal::new(false);
    let page = async move {
        let page = page
            .await
            .unwrap_or_else(|_| view! { <PageUnavailable/> }.into_any());
        arrived.set(true);
        page
    };
    // Not `<Suspense>`, which would cost the first load 4 KB (brotli) for this one line.
    drawn_or_awaited(page, move |page| {
        view! { {move || (!arrived.get()).then(|| view! { <PageLoading/> })} {page} }.into_any()
    })
}

/// `view` drawn at once if it is ready, else `awaiting` it.
fn drawn_or_awaited(
    view: impl Future<Output = AnyView> + 'static,
    awaiting: impl FnOnce(Suspend<AnyView>) -> AnyView,
) -> AnyView {
    // Asked once before anything waits: a page whose module is there is drawn in the same
    // go as the rest, so the prerendered page it replaces is never seen half empty, and
    // the native prerender, which does not wait, draws it whole.
    let mut view = Box::pin(view);
    match view.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(view) => view,
        // A split function's future is not `Send`; the app has one thread.
        Poll::Pending => awaiting(Suspend::new(send_wrapper::SendWrapper::new(view))),
    }
}

/// Downloads a split-off module (a `preload` of `split_off!`) once the browser is idle, so
/// that the page likely next does not wait for it. Not there then, it is asked for again when
/// that page is drawn.
pub fn prefetch_when_idle<F>(preload: fn() -> F)
where
    F: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    request_idle_callback(move || {
        leptos::task::spawn_local(async move {
            let _ = preload().await;
        })
    });
}

/// Downloads a split-off page's module without drawing it (`split_off!`'s `preload`).
pub type Preload = fn() -> std::pin::Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;

/// In place of a page whose module is on its way, once the wait is long enough to notice (on
/// a slow connection): before that, nothing, so that a fast one shows no flash. A status, so
/// that a screen reader says it; the new page's heading takes the focus when it comes
/// (`app::FocusOnPageChange`).
#[component]
fn PageLoading() -> impl IntoView {
    let i18n = use_i18n();
    let noticed = RwSignal::new(false);
    // `try_set`: the page may have come, and this gone, before the time is up.
    set_timeout(
        move || {
            let _ = noticed.try_set(true);
        },
        LOADING_NOTICED_AFTER,
    );
    view! {
        <p class="secondary" role="status" data-page-loading="">
            {move || noticed.get().then(|| i18n.text("page-loading"))}
        </p>
    }
}

/// How long a wait goes unannounced: about when a delay starts to be felt.
const LOADING_NOTICED_AFTER: std::time::Duration = std::time::Duration::from_millis(400);

/// In place of a page whose module did not arrive: what happened, and a button to load the page
/// again (which fetches the new release's files, if that was the cause).
#[component]
pub fn PageUnavailable() -> impl IntoView {
    let i18n = use_i18n();
    crate::components::use_page_title(move || i18n.t("page-unavailable-title"));
    view! {
        <h1>{i18n.text("page-unavailable-title")}</h1>
        <p>{i18n.text("page-unavailable-text")}</p>
        <button type="button" class="button" on:click=|_| {
            let _ = window().location().reload();
        }>{i18n.text("page-unavailable-reload")}</button>
    }
}
