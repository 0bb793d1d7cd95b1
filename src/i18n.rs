//! Languages: the Fluent bundles, the current language, and how it is chosen.
//!
//! The messages are compiled in (see `build.rs`). `FluentBundle` is neither `Send` nor
//! `Sync`, while Leptos signals must be, so the bundles live in a thread-local and the
//! signal holds only the [`Lang`].

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::*;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ru,
    Kk,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::Kk];

    /// The BCP 47 tag, used for `<html lang>`, `?lang=` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// Reads a tag such as `kk`, `kk-KZ` or `ru-RU`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    fn index(self) -> usize {
        self as usize
    }
}

thread_local! {
    static BUNDLES: [FluentBundle<FluentResource>; 2] = [
        bundle("ru", include_str!(concat!(env!("OUT_DIR"), "/ru.ftl"))),
        bundle("kk", include_str!(concat!(env!("OUT_DIR"), "/kk.ftl"))),
    ];
}

fn bundle(tag: &str, source: &'static str) -> FluentBundle<FluentResource> {
    // The locale check (`cargo test`) rejects syntax errors, so a broken file never ships;
    // should one slip through, the messages that did parse are still served.
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let mut bundle = FluentBundle::new(vec![tag.parse().expect("a valid language tag")]);
    // Isolation marks (U+2068/U+2069) would end up in titles, aria labels and tests.
    bundle.set_use_isolating(false);
    bundle.add_resource_overriding(resource);
    bundle
}

/// The message `id` in `lang`, formatted with `args`. A missing message shows its id, which
/// the locale tests make sure never reaches an applicant.
pub fn format(lang: Lang, id: &str, attribute: Option<&str>, args: Option<&FluentArgs>) -> String {
    BUNDLES.with(|bundles| {
        let bundle = &bundles[lang.index()];
        let message = bundle.get_message(id);
        let pattern = match attribute {
            None => message.and_then(|m| m.value()),
            Some(name) => message
                .and_then(|m| m.get_attribute(name))
                .map(|a| a.value()),
        };
        match pattern {
            None => id.to_owned(),
            Some(pattern) => {
                let mut errors = Vec::new();
                bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned()
            }
        }
    })
}

/// Whether `lang` has the message (or one of its attributes).
pub fn has(lang: Lang, id: &str, attribute: Option<&str>) -> bool {
    BUNDLES.with(|bundles| {
        let message = bundles[lang.index()].get_message(id);
        match attribute {
            None => message.is_some_and(|m| m.value().is_some()),
            Some(name) => message.is_some_and(|m| m.get_attribute(name).is_some()),
        }
    })
}

/// The language state of the app, provided as context by [`provide_i18n`].
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
    /// Translator mode (`?l10n-ids=1`): every text is followed by its message id.
    pub show_ids: bool,
}

impl I18n {
    /// A message in the current language. Reading it inside a view closure subscribes that
    /// closure to language changes.
    pub fn t(self, id: &str) -> String {
        self.decorate(id, format(self.lang.get(), id, None, None))
    }

    /// A message as a signal, for views. Every text node of the app has this one type, so
    /// Leptos renders them all through one piece of code instead of one per call site: a
    /// `move || i18n.t(id)` closure at each of 82 call sites cost 12 KB of brotli bundle.
    pub fn text(self, id: impl Into<String>) -> Signal<String> {
        let id = id.into();
        Signal::derive(move || self.t(&id))
    }

    /// A message with arguments.
    pub fn t_with(self, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(Cow::Owned(name.to_string()), value.clone());
        }
        self.decorate(id, format(self.lang.get(), id, None, Some(&fluent_args)))
    }

    /// An attribute of a message (`.hint`, `.label`…), if the message has it.
    pub fn attr(self, id: &str, attribute: &str) -> Option<String> {
        let lang = self.lang.get();
        has(lang, id, Some(attribute))
            .then(|| self.decorate(id, format(lang, id, Some(attribute), None)))
    }

    fn decorate(self, id: &str, text: String) -> String {
        if self.show_ids {
            format!("{text} [{id}]")
        } else {
            text
        }
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

const STORAGE_KEY: &str = "otinish.lang";

/// Chooses the starting language, provides the [`I18n`] context, and keeps `<html lang>`
/// and the stored choice in step with it.
pub fn provide_i18n() -> I18n {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&query).ok();
    let from_url = params
        .as_ref()
        .and_then(|p| p.get("lang"))
        .and_then(|tag| Lang::from_tag(&tag));
    let show_ids = params
        .and_then(|p| p.get("l10n-ids"))
        .is_some_and(|v| v == "1");
    let initial = from_url
        .or_else(stored_choice)
        .or_else(browser_language)
        .unwrap_or(Lang::Ru);
    // A link with `?lang=` is a choice too: keep it for the pages that follow without it.
    if let Some(lang) = from_url {
        store_choice(lang);
    }

    let i18n = I18n {
        lang: RwSignal::new(initial),
        show_ids,
    };
    provide_context(i18n);
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    i18n
}

/// Switches the language and remembers the choice. The page is not reloaded, so whatever
/// the applicant has typed stays where it is.
pub fn switch_to(i18n: I18n, lang: Lang) {
    i18n.lang.set(lang);
    store_choice(lang);
    // A `?lang=` in the address would win on the next reload; keep it truthful.
    let location = window().location();
    if let (Ok(href), Ok(history)) = (location.href(), window().history())
        && let Ok(url) = web_sys::Url::new(&href)
        && url.search_params().has("lang")
    {
        url.search_params().set("lang", lang.code());
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

fn store_choice(lang: Lang) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
}

fn stored_choice() -> Option<Lang> {
    let storage = web_sys::window()?.local_storage().ok()??;
    Lang::from_tag(&storage.get_item(STORAGE_KEY).ok()??)
}

fn browser_language() -> Option<Lang> {
    let navigator = web_sys::window()?.navigator();
    let preferred = navigator
        .languages()
        .into_iter()
        .filter_map(|tag| tag.as_string());
    preferred
        .chain(navigator.language())
        .find_map(|tag| Lang::from_tag(&tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_read_by_their_primary_subtag() {
        assert_eq!(Lang::from_tag("kk"), Some(Lang::Kk));
        assert_eq!(Lang::from_tag("kk-KZ"), Some(Lang::Kk));
        assert_eq!(Lang::from_tag("RU_ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("en-GB"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn messages_are_formatted_in_each_language_and_missing_ones_show_their_id() {
        assert_eq!(format(Lang::Ru, "app-name", None, None), "Өтініш");
        assert_ne!(
            format(Lang::Ru, "nav-cabinet", None, None),
            format(Lang::Kk, "nav-cabinet", None, None)
        );
        assert_eq!(
            format(Lang::Kk, "no-such-message", None, None),
            "no-such-message"
        );
    }
}
