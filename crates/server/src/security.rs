//! Security headers on every response.
//!
//! The Content-Security-Policy allows what a wasm app needs and no more: scripts from our own
//! origin plus the one inline bootstrap script trunk writes into `index.html` (allowed by its
//! hash, computed at start from the built file), `'wasm-unsafe-eval'` to compile the module,
//! and connections to our own origin only.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;

pub struct ContentSecurityPolicy {
    header: HeaderValue,
}

impl ContentSecurityPolicy {
    /// The policy for the app in `dist`, allowing each inline script of its `index.html`.
    pub fn for_dist(dist: &Path) -> ContentSecurityPolicy {
        let html = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
        ContentSecurityPolicy::for_html(&html)
    }

    pub fn for_html(html: &str) -> ContentSecurityPolicy {
        let hashes: String = inline_scripts(html)
            .map(|script| format!(" 'sha256-{}'", sha256_base64(script)))
            .collect();
        let policy = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
             img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
             base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        );
        ContentSecurityPolicy {
            header: HeaderValue::from_str(&policy).expect("the policy is plain ASCII"),
        }
    }

    pub fn value(&self) -> &HeaderValue {
        &self.header
    }
}

/// The bodies of `<script>` elements that have no `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (open_tag, after) = rest.split_once('>')?;
        if open_tag.contains("src=") {
            return None;
        }
        after.split_once("</script>").map(|(body, _)| body)
    })
}

fn sha256_base64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

pub async fn headers(
    State(csp): State<Arc<ContentSecurityPolicy>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, csp.value().clone());
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_allowed_by_hash_and_external_ones_by_origin() {
        let html = r#"<head><script type="module">import init from '/a.js';</script>
            <script src="/b.js"></script></head>"#;
        let csp = ContentSecurityPolicy::for_html(html);
        let policy = csp.value().to_str().unwrap();
        let expected = sha256_base64("import init from '/a.js';");
        assert!(policy.contains(&format!("'sha256-{expected}'")), "{policy}");
        assert_eq!(policy.matches("'sha256-").count(), 1, "{policy}");
        assert!(policy.contains("'wasm-unsafe-eval'"));
        assert!(!policy.contains("unsafe-inline"));
    }
}
