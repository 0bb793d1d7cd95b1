//! The page's own state in the address bar (`?q=…&provider=…`), so that a reload, a shared
//! link or the Back button brings the applicant back to what they were looking at.
//! Written with `replaceState`: typing in a search box must not flood the history.

/// The value of `name` in the current address, if any and not empty.
pub fn get(name: &str) -> Option<String> {
    // A prerendered page (`src/prerender.rs`) is rendered without a query.
    if !crate::IN_BROWSER {
        return None;
    }
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|value| !value.is_empty())
}

/// Sets (or, for an empty value, removes) `name` in the address, keeping every other parameter.
pub fn set(name: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (Ok(href), Ok(history)) = (window.location().href(), window.history()) else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    if value.is_empty() {
        url.search_params().delete(name);
    } else {
        url.search_params().set(name, value);
    }
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
}
