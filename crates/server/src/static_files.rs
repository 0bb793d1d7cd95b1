//! The built app, served as any static host would: files as they are (precompressed
//! `.br`/`.gz` siblings when the build made them), a prerendered page's `<path>.html` for
//! `<path>` (`src/prerender.rs`: the catalog and service pages, `/kk/…` in Kazakh), and
//! `index.html` for any other path, so that a reload on `/cabinet` works. That page's `boot.js` starts the app the address
//! belongs to, the public one or the applicant's (ARCHITECTURE.md, "two apps";
//! `scripts/boot-page`): the backend routes no pages, exactly like `deploy/nginx.conf`.

use axum::http::{HeaderValue, Request, header};
use axum::middleware::Next;
use axum::response::Response;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_http::services::{ServeDir, ServeFile};

/// The one page of both apps.
pub const PAGE: &str = "index.html";

pub fn service(dist: &Path) -> axum::Router {
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(ServeFile::new(dist.join(PAGE)));
    axum::Router::new()
        .fallback_service(files)
        .layer(axum::middleware::map_request_with_state(
            Arc::new(dist.to_path_buf()),
            prerendered_page,
        ))
        .layer(axum::middleware::from_fn(cache_control))
}

/// `/services/x` is answered with `services/x.html` when the build prerendered it, as nginx's
/// `try_files $uri $uri.html` and most static hosts do.
async fn prerendered_page(
    axum::extract::State(dist): axum::extract::State<Arc<PathBuf>>,
    mut request: Request<axum::body::Body>,
) -> Request<axum::body::Body> {
    if let Some(file) = html_sibling(request.uri().path())
        && tokio::fs::metadata(dist.join(&file[1..]))
            .await
            .is_ok_and(|m| m.is_file())
    {
        let query = request
            .uri()
            .query()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        if let Ok(uri) = format!("{file}{query}").parse() {
            *request.uri_mut() = uri;
        }
    }
    request
}

/// `<path>.html` for a path that could name a prerendered page: segments of letters, digits,
/// `-` and `_` only (no extension, no `..`, nothing encoded), so no other file is reached.
fn html_sibling(path: &str) -> Option<String> {
    let segments = path.strip_prefix('/')?;
    let plain = |segment: &str| {
        !segment.is_empty()
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    segments
        .split('/')
        .all(plain)
        .then(|| format!("{path}.html"))
}

/// Trunk names every asset with a content hash, so those can be cached for a year; the
/// page itself must be revalidated so that a new release is picked up at once.
async fn cache_control(request: Request<axum::body::Body>, next: Next) -> Response {
    let hashed = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    let value = if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// `otinish-3f2a9c…_bg.wasm`, `style-5e1d….css`: a name part of 16 hex digits.
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    stem.split(['-', '_'])
        .any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_plain_paths_have_a_prerendered_sibling() {
        use super::html_sibling;
        assert_eq!(
            html_sibling("/services/medical-licence").as_deref(),
            Some("/services/medical-licence.html")
        );
        assert_eq!(html_sibling("/kk").as_deref(), Some("/kk.html"));
        for path in [
            "/",
            "/services/",
            "/services/../x",
            "/style.css",
            "/a%2e%2e",
            "",
            "//x",
        ] {
            assert_eq!(html_sibling(path), None, "{path}");
        }
    }

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(super::is_hashed_asset("/otinish-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(super::is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(!super::is_hashed_asset("/index.html"));
        assert!(!super::is_hashed_asset("/config.json"));
        assert!(!super::is_hashed_asset("/services/medical-licence"));
    }
}
