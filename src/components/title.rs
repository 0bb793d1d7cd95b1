use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Keeps `document.title` as "<page> — Өтініш" in the current language (WCAG 2.4.2).
/// `page` is a closure so that a page can put live state (an error count, a name) in it.
pub fn use_page_title(page: impl Fn() -> String + Send + Sync + 'static) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let title = format!("{} — {}", page(), i18n.t("app-name"));
        document().set_title(&title);
    });
}
