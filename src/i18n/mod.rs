//! Languages: the messages of each language, the current language, and how it is chosen.
//!
//! The messages are not compiled in: `build.rs` compiles each language into one file
//! ([`messages`]), served under a name that carries a hash of it (`/locales/kk-<hash>.bin`,
//! cached for a year). The app downloads the language it starts in before it shows anything
//! ([`load_initial`]), and the other one only when the applicant switches to it, hovers over
//! the switch, or searches the catalog (which searches both). Until the other language has
//! arrived the page stays in the current one, so nothing ever shows a message id.
//!
//! The messages live in a thread-local and the signal holds only the [`Lang`]: a language's
//! messages are installed once and never change, so nothing needs to track them.

mod messages;

use leptos::prelude::*;
pub use messages::Arg;
use messages::Messages;
use std::cell::{Cell, RefCell};

// `BUNDLE_URLS` and `LANG_NAMES`, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/locales.rs"));

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

    /// The language's name in itself (its `lang-name` message: «Русский», «Қазақша»), known
    /// before its messages are loaded.
    pub fn name(self) -> &'static str {
        LANG_NAMES[self.index()]
    }

    /// Reads a tag such as `kk`, `kk-KZ` or `ru-RU`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    fn index(self) -> usize {
        self as usize
    }

    fn other(self) -> Lang {
        match self {
            Lang::Ru => Lang::Kk,
            Lang::Kk => Lang::Ru,
        }
    }
}

thread_local! {
    static BUNDLES: RefCell<[Option<Messages>; 2]> =
        const { RefCell::new([None, None]) };
    /// Languages being downloaded, so that a hover and a click fetch once.
    static FETCHING: Cell<[bool; 2]> = const { Cell::new([false; 2]) };
    /// Whether this is the public app, which shows only the catalog and service pages and so
    /// downloads only their messages.
    static PUBLIC_ONLY: Cell<bool> = const { Cell::new(false) };
    /// The language a prerendered page is rendered in (natively only, `prerender_in`).
    static PRERENDERING: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Called by the public app before anything is loaded: download only the messages its
/// pages use (`build.rs` makes that bundle).
pub fn public_messages_only() {
    PUBLIC_ONLY.set(true);
}

/// Where the messages of `lang` this app needs are served.
fn bundle_url(lang: Lang) -> &'static str {
    if PUBLIC_ONLY.get() {
        PUBLIC_BUNDLE_URLS[lang.index()]
    } else {
        BUNDLE_URLS[lang.index()]
    }
}

/// Adds the messages of `lang` from its compiled bundle (as `build.rs` writes it); false if
/// it is not one. The app calls this with what it downloaded; tests and the prerender with
/// the bundle compiled in: `include_bytes!(concat!(env!("OUT_DIR"), "/ru.bin"))`.
pub fn install(lang: Lang, bundle: &[u8]) -> bool {
    let Ok(messages) = postcard::from_bytes::<Messages>(bundle) else {
        return false;
    };
    BUNDLES.with(|bundles| bundles.borrow_mut()[lang.index()] = Some(messages));
    true
}

/// Whether the messages of `lang` are there.
pub fn is_loaded(lang: Lang) -> bool {
    BUNDLES.with(|bundles| bundles.borrow()[lang.index()].is_some())
}

enum Fetched {
    Loaded,
    /// Another call is downloading it.
    OnItsWay,
    Failed,
}

/// Downloads and installs the messages of `lang`, unless they are there or on their way.
async fn fetch(lang: Lang) -> Fetched {
    if is_loaded(lang) {
        return Fetched::Loaded;
    }
    let set_fetching = |on: bool| {
        let mut fetching = FETCHING.get();
        fetching[lang.index()] = on;
        FETCHING.set(fetching);
    };
    if FETCHING.get()[lang.index()] {
        return Fetched::OnItsWay;
    }
    set_fetching(true);
    let bundle = async {
        let response = gloo_net::http::Request::get(bundle_url(lang))
            .send()
            .await
            .ok()?;
        if !response.ok() {
            return None;
        }
        response.binary().await.ok()
    }
    .await;
    set_fetching(false);
    match bundle {
        Some(bundle) if install(lang, &bundle) => Fetched::Loaded,
        _ => Fetched::Failed,
    }
}

/// Before the app is mounted: downloads the language it will start in (see
/// [`initial_language`]), or failing that the other one, so that the first page is shown
/// in full at once.
pub async fn load_initial() {
    let lang = initial_language();
    if !matches!(fetch(lang).await, Fetched::Loaded) {
        fetch(lang.other()).await;
    }
}

/// The message `id` in `lang`, formatted with `args`. A missing message shows its id, which
/// the locale tests make sure never reaches an applicant; so does a language not loaded yet,
/// which the app never shows.
pub fn format(lang: Lang, id: &str, attribute: Option<&str>, args: &[(&str, Arg)]) -> String {
    BUNDLES.with(|bundles| {
        let bundles = bundles.borrow();
        let Some(messages) = &bundles[lang.index()] else {
            return id.to_owned();
        };
        match messages.pattern(id, attribute) {
            Some(pattern) => messages.format(pattern, args),
            None => id.to_owned(),
        }
    })
}

/// Whether `lang` has the message (or one of its attributes).
pub fn has(lang: Lang, id: &str, attribute: Option<&str>) -> bool {
    BUNDLES.with(|bundles| {
        bundles.borrow()[lang.index()]
            .as_ref()
            .is_some_and(|messages| messages.pattern(id, attribute).is_some())
    })
}

/// The language state of the app, provided as context by [`provide_i18n`].
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
    /// Translator mode (`?l10n-ids=1`): every text is followed by its message id.
    pub show_ids: bool,
    /// The language the applicant asked for while its messages are still downloading.
    switching: RwSignal<Option<Lang>>,
    /// Notified whenever a language's messages arrive.
    arrived: Trigger,
}

impl I18n {
    /// A message in the current language. Reading it inside a view closure subscribes that
    /// closure to language changes.
    pub fn t(self, id: &str) -> String {
        self.decorate(id, format(self.lang.get(), id, None, &[]))
    }

    /// A message as a signal, for views. Every text node of the app has this one type, so
    /// Leptos renders them all through one piece of code instead of one per call site: a
    /// `move || i18n.t(id)` closure at each of 82 call sites cost 12 KB of brotli bundle.
    pub fn text(self, id: impl Into<String>) -> Signal<String> {
        let id = id.into();
        Signal::derive(move || self.t(&id))
    }

    /// A message with arguments.
    pub fn t_with(self, id: &str, args: &[(&str, Arg)]) -> String {
        self.decorate(id, format(self.lang.get(), id, None, args))
    }

    /// An attribute of a message (`.hint`, `.label`…), if the message has it.
    pub fn attr(self, id: &str, attribute: &str) -> Option<String> {
        let lang = self.lang.get();
        has(lang, id, Some(attribute))
            .then(|| self.decorate(id, format(lang, id, Some(attribute), &[])))
    }

    fn decorate(self, id: &str, text: String) -> String {
        if self.show_ids {
            format!("{text} [{id}]")
        } else {
            text
        }
    }

    /// Whether the messages of `lang` are there; reactive: a closure that reads it runs again
    /// when a language arrives.
    pub fn is_loaded(self, lang: Lang) -> bool {
        self.arrived.track();
        is_loaded(lang)
    }

    /// The language being switched to while its messages download, if any.
    pub fn switching(self) -> Option<Lang> {
        self.switching.get()
    }

    /// Starts downloading the messages of `lang` if they are not there, without switching:
    /// for a switch that is likely to come (a pointer over it) or for a search over both.
    pub fn preload(self, lang: Lang) {
        if !is_loaded(lang) {
            leptos::task::spawn_local(async move {
                match fetch(lang).await {
                    Fetched::Loaded => {
                        self.arrived.notify();
                        if self.switching.get_untracked() == Some(lang) {
                            self.show(lang);
                        }
                    }
                    // The download under way will switch, if asked to by then.
                    Fetched::OnItsWay => {}
                    // Offline, say: stay in the current language; another click retries.
                    Fetched::Failed => {
                        if self.switching.get_untracked() == Some(lang) {
                            self.switching.set(None);
                        }
                    }
                }
            });
        }
    }

    fn show(self, lang: Lang) {
        self.switching.set(None);
        self.lang.set(lang);
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

const STORAGE_KEY: &str = "otinish.lang";

/// Natively, for the prerendered pages: the language they are rendered in
/// (`src/prerender.rs`), with both languages' messages compiled in.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender_in(lang: Lang) {
    for lang in Lang::ALL {
        if !is_loaded(lang) {
            let bundle: &[u8] = match lang {
                Lang::Ru => include_bytes!(concat!(env!("OUT_DIR"), "/ru.bin")),
                Lang::Kk => include_bytes!(concat!(env!("OUT_DIR"), "/kk.bin")),
            };
            assert!(install(lang, bundle), "build.rs compiles the messages");
        }
    }
    PRERENDERING.set(Some(lang));
}

/// The language to start in: `?lang=` in the address, else the stored choice, else the
/// browser's, else Russian.
pub fn initial_language() -> Lang {
    PRERENDERING
        .get()
        .or_else(from_address)
        .or_else(stored_choice)
        .or_else(browser_language)
        .unwrap_or(Lang::Ru)
}

fn search_params() -> Option<web_sys::UrlSearchParams> {
    if !crate::IN_BROWSER {
        return None;
    }
    let query = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&query).ok()
}

fn from_address() -> Option<Lang> {
    Lang::from_tag(&search_params()?.get("lang")?)
}

/// Chooses the starting language, provides the [`I18n`] context, and keeps `<html lang>`
/// and the stored choice in step with it.
pub fn provide_i18n() -> I18n {
    let show_ids = search_params()
        .and_then(|p| p.get("l10n-ids"))
        .is_some_and(|v| v == "1");
    let wanted = initial_language();
    // A link with `?lang=` is a choice too: keep it for the pages that follow without it.
    if let Some(lang) = from_address() {
        store_choice(lang);
    }
    // `load_initial` has normally brought `wanted`; if only the other language could be
    // downloaded, start in that one and switch when `wanted` arrives.
    let initial = if is_loaded(wanted) || !is_loaded(wanted.other()) {
        wanted
    } else {
        wanted.other()
    };

    let i18n = I18n {
        lang: RwSignal::new(initial),
        show_ids,
        switching: RwSignal::new(None),
        arrived: Trigger::new(),
    };
    provide_context(i18n);
    if !is_loaded(initial) || initial != wanted {
        i18n.switching.set(Some(wanted));
        i18n.preload(wanted);
    }
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    i18n
}

/// Switches the language and remembers the choice. The page is not reloaded, so whatever
/// the applicant has typed stays where it is. If the language's messages are not there yet,
/// the page stays in the current language until they arrive.
pub fn switch_to(i18n: I18n, lang: Lang) {
    store_choice(lang);
    if is_loaded(lang) {
        i18n.show(lang);
    } else {
        i18n.switching.set(Some(lang));
        i18n.preload(lang);
    }
}

fn store_choice(lang: Lang) {
    if !crate::IN_BROWSER {
        return;
    }
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
}

fn stored_choice() -> Option<Lang> {
    if !crate::IN_BROWSER {
        return None;
    }
    let storage = web_sys::window()?.local_storage().ok()??;
    Lang::from_tag(&storage.get_item(STORAGE_KEY).ok()??)
}

fn browser_language() -> Option<Lang> {
    if !crate::IN_BROWSER {
        return None;
    }
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

    fn install_both() {
        assert!(install(
            Lang::Ru,
            include_bytes!(concat!(env!("OUT_DIR"), "/ru.bin"))
        ));
        assert!(install(
            Lang::Kk,
            include_bytes!(concat!(env!("OUT_DIR"), "/kk.bin"))
        ));
    }

    #[test]
    fn every_language_has_a_bundle_address_and_its_own_name() {
        assert_eq!(Lang::Ru.name(), "Русский");
        assert_eq!(Lang::Kk.name(), "Қазақша");
        let bundles = Lang::ALL.into_iter().flat_map(|lang| {
            [
                (
                    BUNDLE_URLS[lang.index()],
                    format!("/locales/{}-", lang.code()),
                ),
                (
                    PUBLIC_BUNDLE_URLS[lang.index()],
                    format!("/locales/{}-public-", lang.code()),
                ),
            ]
        });
        for (url, prefix) in bundles {
            let hash = url
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(".bin"))
                .unwrap_or_else(|| panic!("{url}"));
            // 16 hex digits: the server caches the file for a year (static_files.rs).
            assert!(
                hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
                "{url}"
            );
        }
    }

    #[test]
    fn a_language_not_loaded_shows_ids_until_installed() {
        assert!(!is_loaded(Lang::Kk));
        assert_eq!(format(Lang::Kk, "app-name", None, &[]), "app-name");
        assert!(!has(Lang::Kk, "app-name", None));
        install_both();
        assert!(is_loaded(Lang::Kk));
        assert!(has(Lang::Kk, "app-name", None));
    }

    #[test]
    fn messages_are_formatted_in_each_language_and_missing_ones_show_their_id() {
        install_both();
        assert_eq!(format(Lang::Ru, "app-name", None, &[]), "Өтініш");
        assert_ne!(
            format(Lang::Ru, "nav-cabinet", None, &[]),
            format(Lang::Kk, "nav-cabinet", None, &[])
        );
        assert_eq!(
            format(Lang::Kk, "no-such-message", None, &[]),
            "no-such-message"
        );
    }
}
