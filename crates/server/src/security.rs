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

/// The policy of the app in `dist`, recomputed when `index.html` changes: a rebuild while the
/// server runs (`scripts/dev`, a deploy that swaps `dist/`) writes a new bootstrap script.
pub struct DistPolicy {
    index: std::path::PathBuf,
    current: std::sync::RwLock<(Option<std::time::SystemTime>, Arc<ContentSecurityPolicy>)>,
}

impl DistPolicy {
    pub fn new(dist: &Path) -> DistPolicy {
        let index = dist.join("index.html");
        let policy = DistPolicy {
            index,
            current: std::sync::RwLock::new((None, Arc::new(ContentSecurityPolicy::for_html("")))),
        };
        policy.refresh();
        policy
    }

    fn modified(&self) -> Option<std::time::SystemTime> {
        std::fs::metadata(&self.index)
            .and_then(|m| m.modified())
            .ok()
    }

    fn refresh(&self) -> Arc<ContentSecurityPolicy> {
        let modified = self.modified();
        if let Ok(current) = self.current.read()
            && current.0 == modified
            && modified.is_some()
        {
            return current.1.clone();
        }
        let html = std::fs::read_to_string(&self.index).unwrap_or_default();
        let policy = Arc::new(ContentSecurityPolicy::for_html(&html));
        if let Ok(mut current) = self.current.write() {
            *current = (modified, policy.clone());
        }
        policy
    }
}

impl ContentSecurityPolicy {
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
    State(dist): State<Arc<DistPolicy>>,
    request: Request,
    next: Next,
) -> Response {
    let csp = dist.refresh();
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
    fn a_rebuilt_index_gets_a_new_policy() {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("index.html");
        std::fs::write(&index, "<script>one()</script>").unwrap();
        let policy = DistPolicy::new(dir.path());
        let first = policy.refresh().value().clone();
        assert!(first.to_str().unwrap().contains(&sha256_base64("one()")));
        std::fs::write(&index, "<script>two()</script>").unwrap();
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&index)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let second = policy.refresh().value().clone();
        assert!(
            second.to_str().unwrap().contains(&sha256_base64("two()")),
            "{second:?}"
        );
    }

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
