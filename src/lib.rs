//! Өтініш, the browser app: a client-side Leptos application that guides an applicant
//! through a Kazakhstan licensing service in Russian or Kazakh.
//!
//! `app` holds the router and the page shell, `i18n` the languages, `pages` one module per
//! route and `components` the reusable pieces. The domain (catalog, rules, fees) lives in
//! `otinish-core`, shared with the reference backend.

mod api;
mod app;
pub mod components;
mod draft;
mod format;
pub mod i18n;
mod pages;
mod query;
mod session;
mod signing;

pub use app::{ApplicantApp, PublicApp};
