//! The built app, served as any static host would: files as they are (precompressed
//! `.br`/`.gz` siblings when the build made them), and `index.html` for any other path, so
//! that a reload on `/services/x` works. That page's `boot.js` starts the app the address
//! belongs to, the public one or the applicant's (ARCHITECTURE.md, "two apps";
//! `scripts/boot-page`): the backend routes no pages, exactly like `deploy/nginx.conf`.

use axum::http::{HeaderValue, Request, header};
use axum::middleware::Next;
use axum::response::Response;
use std::path::Path;
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
        .layer(axum::middleware::from_fn(cache_control))
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
    fn hashed_assets_are_recognised() {
        assert!(super::is_hashed_asset("/otinish-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(super::is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(!super::is_hashed_asset("/index.html"));
        assert!(!super::is_hashed_asset("/config.json"));
        assert!(!super::is_hashed_asset("/services/medical-licence"));
    }
}
