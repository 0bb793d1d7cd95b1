//! Өтініш, the browser app: a client-side Leptos application that guides an applicant
//! through a Kazakhstan licensing service in Russian or Kazakh.
//!
//! `app` holds the router and the page shell, `i18n` the languages, `pages` one module per
//! route and `components` the reusable pieces. The domain (catalog, rules, fees) lives in
//! `otinish-core`, shared with the reference backend.

// Natively (the prerender, `src/prerender.rs`) Leptos's `ssr` views are not type-erased
// (`erase_components` is set for wasm builds only), and the largest pages' view types nest
// deeper than the compiler's default limit.
#![recursion_limit = "256"]

// First: the modules after it use its `split_off!`.
#[macro_use]
mod split;
mod api;
mod app;
pub mod components;
mod draft;
mod format;
pub mod i18n;
mod pages;
mod query;
mod router;
mod session;
mod signing;

#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;

pub use app::{
    ApplicantApp, PublicApp, mount_in_place, prefetch_public_pages, preload_applicant_page,
    preload_public_page,
};

/// Whether the app runs in a browser. Natively the same components render the prerendered
/// public pages to HTML (`prerender`), where there is no window, storage or address to read:
/// the calls into the browser (which would panic off wasm) are skipped there.
pub(crate) const IN_BROWSER: bool = cfg!(target_arch = "wasm32");
