//! The app's router: which page an address shows, the address as signals, and moving
//! between pages without loading the document again.
//!
//! Our own rather than `leptos_router`: the app has a flat list of nine addresses, each
//! with at most two parameters, and needs no nested routes, no route-level data loading, no
//! transitions and no relative links. `leptos_router`'s generic matching and views for all of
//! those were a tenth of the public app's wasm (BENCHMARKS.md, 0c). The behaviour the pages
//! rely on is kept: a page stays mounted while only its parameters or the query change
//! (the form's steps, a search typed), links are followed in place unless they leave the app
//! (`rel="external"`, `target`, `download`, another origin, a modifier key), Back and Forward
//! move between pages, and a move to another page scrolls to its top.

use crate::split::Preload;
use leptos::prelude::*;
use std::borrow::Cow;

/// The address of the page a native render is for (the prerendered pages,
/// `src/prerender.rs`), where there is no browser to ask.
#[derive(Debug, Clone)]
pub struct RequestUrl(pub String);

/// An address of the app: its path and query (with its `?`, or empty).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Url {
    path: String,
    search: String,
}

impl Url {
    fn parse(href: &str) -> Self {
        let href = href.split('#').next().unwrap_or_default();
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        Url {
            path: if path.is_empty() {
                "/".into()
            } else {
                path.into()
            },
            search: if query.is_empty() {
                String::new()
            } else {
                format!("?{query}")
            },
        }
    }

    fn of_document() -> Self {
        let location = window().location();
        Url {
            path: location.pathname().unwrap_or_else(|_| "/".into()),
            search: location.search().unwrap_or_default(),
        }
    }
}

/// Names and values: a route's parameters (`:id`), or a query's, decoded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParamsMap(Vec<(String, String)>);

impl ParamsMap {
    /// The value of `name`, the first if it is given twice.
    pub fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    }

    /// Sets `name` to `value` (not escaped), in place of any value it had.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<String>) {
        let name = name.into();
        self.remove(&name);
        self.0.push((name, value.into()));
    }

    pub fn remove(&mut self, name: &str) {
        self.0.retain(|(key, _)| key != name);
    }

    /// `?name=value&…`, escaped, or empty when there is nothing.
    pub fn to_query_string(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        form_urlencoded::Serializer::for_suffix(String::from("?"), 1)
            .extend_pairs(&self.0)
            .finish()
    }

    fn from_search(search: &str) -> Self {
        let query = search.strip_prefix('?').unwrap_or(search);
        ParamsMap(
            form_urlencoded::parse(query.as_bytes())
                .map(|(key, value)| (key.into_owned(), value.into_owned()))
                .collect(),
        )
    }
}

/// The address as the router has it. While a page renders, the browser's address may
/// already be the next page's: pages read this, never `window.location`.
#[derive(Debug, Clone, Copy)]
pub struct Location {
    pub pathname: Memo<String>,
    /// With its `?`, or empty.
    pub search: Memo<String>,
    pub query: Memo<ParamsMap>,
}

#[derive(Clone, Copy)]
struct RouterContext {
    url: RwSignal<Url>,
    location: Location,
}

fn router() -> RouterContext {
    expect_context::<RouterContext>()
}

/// How to move: [`NavigateOptions::default`] adds a history entry and scrolls to the top.
#[derive(Debug, Clone, Copy)]
pub struct NavigateOptions {
    /// In place of the current history entry (a redirect, a query kept up to date).
    pub replace: bool,
    /// To the top of the new page (or its `#fragment`).
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        NavigateOptions {
            replace: false,
            scroll: true,
        }
    }
}

/// Provides the address to everything inside, and in the browser follows the app's links and
/// Back and Forward.
#[component]
pub fn Router(children: Children) -> impl IntoView {
    let initial = match use_context::<RequestUrl>() {
        Some(RequestUrl(href)) => Url::parse(&href),
        None if crate::IN_BROWSER => Url::of_document(),
        None => Url::default(),
    };
    let url = RwSignal::new(initial);
    let location = Location {
        pathname: Memo::new(move |_| url.with(|u| u.path.clone())),
        search: Memo::new(move |_| url.with(|u| u.search.clone())),
        query: Memo::new(move |_| url.with(|u| ParamsMap::from_search(&u.search))),
    };
    provide_context(RouterContext { url, location });
    if crate::IN_BROWSER {
        let back_or_forward = window_event_listener(leptos::ev::popstate, move |_| {
            url.set(Url::of_document());
        });
        let click = window_event_listener(leptos::ev::click, move |event| {
            if let Some(href) = followed_in_place(&event) {
                event.prevent_default();
                go(url, &href, NavigateOptions::default());
            }
        });
        on_cleanup(move || {
            back_or_forward.remove();
            click.remove();
        });
    }
    children()
}

/// The path, query and fragment a click on a link goes to, if the app shows it itself:
/// what the browser would do otherwise is left to it.
fn followed_in_place(event: &leptos::ev::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return None;
    }
    let link = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let leaves = !link.target().is_empty()
        || link.has_attribute("download")
        || link
            .get_attribute("rel")
            .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    let location = window().location();
    if leaves || link.origin() != location.origin().ok()? {
        return None;
    }
    let (path, search, hash) = (link.pathname(), link.search(), link.hash());
    // A fragment of this very page: the browser scrolls to it.
    let here = location.pathname().ok()? == path && location.search().ok()? == search;
    if here && !hash.is_empty() {
        return None;
    }
    Some(format!("{path}{search}{hash}"))
}

fn go(url: RwSignal<Url>, href: &str, options: NavigateOptions) {
    let (location, Ok(history)) = (window().location(), window().history()) else {
        return;
    };
    let here = [location.pathname(), location.search(), location.hash()]
        .into_iter()
        .collect::<Result<String, _>>()
        .unwrap_or_default();
    // A link to the page on show adds no history entry.
    let moved = if options.replace || here == href {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    };
    if moved.is_err() {
        // Not an address of this document (another origin): the browser goes there.
        let _ = location.set_href(href);
        return;
    }
    url.set(Url::parse(href));
    let fragment = href.split_once('#').map(|(_, id)| id);
    match fragment.and_then(|id| document().get_element_by_id(id)) {
        Some(element) => element.scroll_into_view(),
        None if options.scroll => window().scroll_to_with_x_and_y(0.0, 0.0),
        None => {}
    }
}

/// Moves to `href` (a path of the app, with its query).
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let url = router().url;
    move |href, options| {
        if crate::IN_BROWSER {
            go(url, href, options);
        }
    }
}

pub fn use_location() -> Location {
    router().location
}

pub fn use_query_map() -> Memo<ParamsMap> {
    router().location.query
}

/// The parameters of the route on show (`:id`, `:step`).
pub fn use_params_map() -> Memo<ParamsMap> {
    expect_context::<RouteParams>().0
}

#[derive(Clone, Copy)]
struct RouteParams(Memo<ParamsMap>);

/// One address pattern (`/services/:id`: literal segments and `:name` parameters) and its page.
pub struct Route {
    pattern: &'static str,
    view: fn() -> AnyView,
    preload: Option<Preload>,
}

impl Route {
    pub const fn new(pattern: &'static str, view: fn() -> AnyView) -> Self {
        Route {
            pattern,
            view,
            preload: None,
        }
    }

    /// A page whose code is split off (src/split.rs): `preload` downloads it without drawing.
    pub const fn lazy(pattern: &'static str, view: fn() -> AnyView, preload: Preload) -> Self {
        Route {
            pattern,
            view,
            preload: Some(preload),
        }
    }

    fn matches(&self, path: &str) -> Option<ParamsMap> {
        let mut pattern = self.pattern.split('/').filter(|s| !s.is_empty());
        let mut path = path.split('/').filter(|s| !s.is_empty());
        let mut params = ParamsMap::default();
        loop {
            match (pattern.next(), path.next()) {
                (None, None) => return Some(params),
                (Some(expected), Some(given)) => match expected.strip_prefix(':') {
                    Some(name) => params.insert(name, given),
                    None if expected == given => {}
                    None => return None,
                },
                _ => return None,
            }
        }
    }
}

/// Downloads the code of the page `path` leads to, where it is split off; at once otherwise.
pub async fn preload(routes: &'static [Route], path: &str) {
    let preload = routes
        .iter()
        .find(|route| route.matches(path).is_some())
        .and_then(|route| route.preload);
    if let Some(preload) = preload {
        // Not there now, the page says so when it is drawn.
        let _ = preload().await;
    }
}

/// The page of the first route the path matches, else `fallback`. A page stays mounted while
/// only its parameters change (the form's steps): it reads them from [`use_params_map`].
#[component]
pub fn Routes(routes: &'static [Route], fallback: fn() -> AnyView) -> impl IntoView {
    let path = use_location().pathname;
    let matched = Memo::new(move |_| {
        path.with(|path| {
            routes
                .iter()
                .enumerate()
                .find_map(|(index, route)| Some((Some(index), route.matches(path)?)))
                .unwrap_or_default()
        })
    });
    let page = Memo::new(move |_| matched.with(|(index, _)| *index));
    move || {
        let index = page.get();
        // This page's parameters, which stay as they were once the address is another
        // page's: a page on its way out must not read that page's (the form, finding no step,
        // would send the applicant back to its first one).
        let params = Memo::new(move |previous: Option<&ParamsMap>| {
            matched.with(|(now, params)| match previous {
                Some(previous) if *now != index => previous.clone(),
                _ => params.clone(),
            })
        });
        provide_context(RouteParams(params));
        let view = match index {
            Some(index) => routes[index].view,
            None => fallback,
        };
        untrack(view)
    }
}

/// Moves to `path` as soon as it is drawn (a new history entry unless told otherwise).
#[component]
pub fn Redirect(
    #[prop(into)] path: String,
    #[prop(optional)] options: Option<NavigateOptions>,
) -> impl IntoView {
    use_navigate()(&path, options.unwrap_or_default());
}

/// A link within the app, marked as the current page (`aria-current`) where it leads to the
/// page on show, or with `exact = false` (the default) to a page within it.
#[component]
pub fn A(
    #[prop(into)] href: Cow<'static, str>,
    #[prop(optional)] exact: bool,
    children: Children,
) -> impl IntoView {
    let pathname = use_location().pathname;
    let target = href.split(['?', '#']).next().unwrap_or_default().to_owned();
    let current = move || {
        pathname.with(|here| {
            let within = !exact
                && target != "/"
                && here
                    .strip_prefix(target.as_str())
                    .is_some_and(|rest| rest.starts_with('/'));
            (*here == target || within).then_some("page")
        })
    };
    view! { <a href=href aria-current=current>{children()}</a> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_literal_segments_and_takes_parameters() {
        let route = Route::new("/services/:id/apply/:step", || ().into_any());
        let params = route
            .matches("/services/medical-licence/apply/case")
            .unwrap();
        assert_eq!(params.get("id").as_deref(), Some("medical-licence"));
        assert_eq!(params.get("step").as_deref(), Some("case"));
        assert!(route.matches("/services/medical-licence/apply").is_none());
        assert!(
            route
                .matches("/services/medical-licence/apply/case/more")
                .is_none()
        );
        assert!(
            route
                .matches("/cabinet/medical-licence/apply/case")
                .is_none()
        );
        let root = Route::new("/", || ().into_any());
        assert!(root.matches("/").is_some_and(|p| p == ParamsMap::default()));
        assert!(root.matches("/cabinet").is_none());
    }

    #[test]
    fn a_query_is_read_decoded_and_written_escaped() {
        let mut query = ParamsMap::from_search("?q=%D1%84%D0%B0+%D1%80&provider=a&q=second");
        assert_eq!(query.get("q").as_deref(), Some("фа р"));
        query.insert("q", "a&b=c");
        query.remove("provider");
        assert_eq!(query.to_query_string(), "?q=a%26b%3Dc");
        assert_eq!(
            ParamsMap::from_search("?q=a%26b%3Dc").get("q").as_deref(),
            Some("a&b=c")
        );
        assert_eq!(ParamsMap::default().to_query_string(), "");
    }

    #[test]
    fn an_address_is_split_into_path_and_query() {
        assert_eq!(
            Url::parse("/services/x?lang=kk#documents"),
            Url {
                path: "/services/x".into(),
                search: "?lang=kk".into()
            }
        );
        assert_eq!(
            Url::parse(""),
            Url {
                path: "/".into(),
                search: String::new()
            }
        );
    }
}
