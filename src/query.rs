//! The page's own state in the address (`?q=…&provider=…`), so that a reload, a shared link
//! or the Back button brings the visitor back to what they were looking at. Read and written
//! through the router, never behind its back; written with `replace`, so that typing in a
//! search box does not flood the history.

use crate::router::{NavigateOptions, ParamsMap, use_location, use_navigate};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct PageQuery {
    pathname: Memo<String>,
    query: Memo<ParamsMap>,
    navigate: Callback<String>,
}

/// The page's query, inside the router.
pub fn use_page_query() -> PageQuery {
    let location = use_location();
    let navigate = use_navigate();
    let options = || NavigateOptions {
        replace: true,
        scroll: false,
    };
    PageQuery {
        pathname: location.pathname,
        query: location.query,
        navigate: Callback::new(move |href: String| navigate(&href, options())),
    }
}

impl PageQuery {
    /// The value of `name` now, if any and not empty; not followed.
    pub fn get(self, name: &str) -> Option<String> {
        self.query
            .with_untracked(|query| query.get(name))
            .filter(|value| !value.is_empty())
    }

    /// Sets (or, for an empty value, removes) `name`, keeping every other parameter.
    pub fn set(self, name: &'static str, value: &str) {
        let mut query = self.query.get_untracked();
        query.remove(name);
        if !value.is_empty() {
            query.insert(name, value);
        }
        let path = self.pathname.get_untracked();
        self.navigate
            .run(format!("{path}{}", query.to_query_string()));
    }
}

/// Sets `name` in the address before the router has started, which then reads it: a search
/// typed into a prerendered catalog before the app arrived (`app::mount_in_place`).
pub fn set_before_router(name: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (Ok(href), Ok(history)) = (window.location().href(), window.history()) else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    url.search_params().set(name, value);
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
}
