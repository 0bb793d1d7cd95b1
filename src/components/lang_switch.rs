use crate::i18n::{Lang, switch_to, use_i18n};
use crate::query::use_page_query;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// Русский / Қазақша. Each language is named in itself and marked with its own `lang`, so
/// a screen reader pronounces it right. The links work without scripts too (`?lang=`);
/// with the app running, a click switches in place and keeps everything typed. The other
/// language's messages are downloaded when a pointer or the focus reaches its link, so the
/// switch is usually instant; until they arrive the link is marked busy.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let address = use_page_query();
    let options = Lang::ALL.map(|lang| {
        let current = move || i18n.lang.get() == lang;
        let on_click = move |event: MouseEvent| {
            event.prevent_default();
            // A `?lang=` in the address would win on the next reload; keep it truthful.
            if address.get("lang").is_some() {
                address.set("lang", lang.code());
            }
            switch_to(i18n, lang);
        };
        let preload = move || i18n.preload(lang);
        view! {
            <li>
                <a
                    href=format!("?lang={}", lang.code())
                    lang=lang.code()
                    hreflang=lang.code()
                    class="lang-switch__link"
                    aria-current=move || current().then_some("true")
                    aria-busy=move || (i18n.switching() == Some(lang)).then_some("true")
                    on:click=on_click
                    on:pointerenter=move |_| preload()
                    on:focus=move |_| preload()
                >
                    {lang.name()}
                </a>
            </li>
        }
    });
    view! {
        <nav class="lang-switch" aria-label=i18n.text("lang-switch-label")>
            <ul class="lang-switch__list">{options}</ul>
        </nav>
    }
}
