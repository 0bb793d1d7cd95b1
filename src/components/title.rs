use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Keeps `document.title` as "<page> — Өтініш" in the current language (WCAG 2.4.2).
/// `page` is a closure so that a page can put live state (an error count, a name) in it.
pub fn use_page_title(page: impl Fn() -> String + Send + Sync + 'static) {
    let i18n = use_i18n();
    let title = move || format!("{} — {}", page(), i18n.t("app-name"));
    // Natively no effect runs: a prerendered page takes its `<title>` from here.
    #[cfg(not(target_arch = "wasm32"))]
    PRERENDERED_TITLE.set(Some(title()));
    Effect::new(move |_| document().set_title(&title()));
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static PRERENDERED_TITLE: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// The title the page rendered last asked for (natively, for `src/prerender.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub fn take_prerendered_title() -> Option<String> {
    PRERENDERED_TITLE.take()
}
