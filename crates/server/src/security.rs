//! Security headers on every response.
//!
//! The Content-Security-Policy allows what a wasm app needs and no more: scripts from our own
//! origin plus the one inline bootstrap script trunk writes into `index.html` (allowed by its
//! hash, computed at start from the built file), `'wasm-unsafe-eval'` to compile the module,
//! and connections to our own origin and to the applicant's NCALayer only: the address
//! `ncalayerUrl` of the app's `config.json`, `wss://127.0.0.1:13579` when it names none.

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

/// Where NCALayer listens unless the app's `config.json` says otherwise.
const NCALAYER_DEFAULT: &str = "wss://127.0.0.1:13579";

/// When each page and `config.json` last changed.
type Modified = (
    Vec<Option<std::time::SystemTime>>,
    Option<std::time::SystemTime>,
);

/// The policy of the app in `dist`, recomputed when `index.html` or `config.json` changes: a
/// rebuild while the server runs (`scripts/dev`, a deploy that swaps `dist/`) writes a new
/// bootstrap script, and an operator may move NCALayer's address.
pub struct DistPolicy {
    /// The app's page (`crate::static_files::PAGE`); a build of `scripts/build` has no
    /// inline script in it (`boot.js`), one of trunk's alone (`trunk serve`) has one.
    pages: Vec<std::path::PathBuf>,
    config: std::path::PathBuf,
    current: std::sync::RwLock<(Modified, Arc<ContentSecurityPolicy>)>,
}

impl DistPolicy {
    pub fn new(dist: &Path) -> DistPolicy {
        let policy = DistPolicy {
            pages: vec![dist.join(crate::static_files::PAGE)],
            config: dist.join("config.json"),
            current: std::sync::RwLock::new((
                (Vec::new(), None),
                Arc::new(ContentSecurityPolicy::for_app("", "")),
            )),
        };
        policy.refresh();
        policy
    }

    fn modified(&self) -> Modified {
        let of = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
        (
            self.pages.iter().map(|page| of(page)).collect(),
            of(&self.config),
        )
    }

    fn refresh(&self) -> Arc<ContentSecurityPolicy> {
        let modified = self.modified();
        if let Ok(current) = self.current.read()
            && current.0 == modified
            && modified.0.first().is_some_and(Option::is_some)
        {
            return current.1.clone();
        }
        // An inline bootstrap script (trunk's, in a build without boot.js) is allowed by its hash.
        let html: String = self
            .pages
            .iter()
            .map(|page| std::fs::read_to_string(page).unwrap_or_default())
            .collect();
        let config = std::fs::read_to_string(&self.config).unwrap_or_default();
        let policy = Arc::new(ContentSecurityPolicy::for_app(&html, &config));
        if let Ok(mut current) = self.current.write() {
            *current = (modified, policy.clone());
        }
        policy
    }
}

impl ContentSecurityPolicy {
    /// The policy for the app's `index.html` and its `config.json` (either may be empty).
    pub fn for_app(html: &str, config: &str) -> ContentSecurityPolicy {
        let hashes: String = inline_scripts(html)
            .map(|script| format!(" 'sha256-{}'", sha256_base64(script)))
            .collect();
        let ncalayer = ncalayer_source(config);
        let policy = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
             img-src 'self' data:; font-src 'self'; connect-src 'self' {ncalayer}; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        );
        ContentSecurityPolicy {
            header: HeaderValue::from_str(&policy).expect("the policy is plain ASCII"),
        }
    }

    pub fn value(&self) -> &HeaderValue {
        &self.header
    }
}

/// NCALayer's origin as a CSP source (`wss://127.0.0.1:13579`): the scheme and authority of
/// the app's `ncalayerUrl`. An address that is not a plain `ws:`/`wss:` one is ignored for
/// the default, so that a typo in `config.json` cannot widen or break the policy.
fn ncalayer_source(config: &str) -> String {
    let configured = serde_json::from_str::<serde_json::Value>(config)
        .ok()
        .and_then(|config| config.get("ncalayerUrl")?.as_str().map(str::to_owned));
    let Some(url) = configured else {
        return NCALAYER_DEFAULT.to_string();
    };
    let Some((scheme, rest)) = url.split_once("://") else {
        return NCALAYER_DEFAULT.to_string();
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    if matches!(scheme, "ws" | "wss") && !authority.is_empty() && authority.chars().all(plain) {
        format!("{scheme}://{authority}")
    } else {
        NCALAYER_DEFAULT.to_string()
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

/// `Strict-Transport-Security`, sent when the public URL is https: a year, the value the
/// HSTS preload list asks for, without `includeSubDomains`, which would bind other sites of
/// the same domain.
pub fn strict_transport_security() -> HeaderValue {
    HeaderValue::from_static("max-age=31536000")
}

pub async fn headers(
    State(dist): State<Arc<DistPolicy>>,
    request: Request,
    next: Next,
) -> Response {
    let csp = dist.refresh();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // A page with a policy of its own (the test gateway's) keeps it.
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp.value().clone());
    }
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
        let csp = ContentSecurityPolicy::for_app(html, "");
        let policy = csp.value().to_str().unwrap();
        let expected = sha256_base64("import init from '/a.js';");
        assert!(policy.contains(&format!("'sha256-{expected}'")), "{policy}");
        assert_eq!(policy.matches("'sha256-").count(), 1, "{policy}");
        assert!(policy.contains("'wasm-unsafe-eval'"));
        assert!(!policy.contains("unsafe-inline"));
    }

    #[test]
    fn the_app_may_connect_to_its_ncalayer_and_nowhere_else() {
        let connect = |config: &str| {
            let csp = ContentSecurityPolicy::for_app("", config);
            let policy = csp.value().to_str().unwrap().to_string();
            policy
                .split("; ")
                .find_map(|d| d.strip_prefix("connect-src ").map(str::to_owned))
                .unwrap()
        };
        assert_eq!(connect(""), "'self' wss://127.0.0.1:13579");
        assert_eq!(
            connect(r#"{"apiBaseUrl":"/api/v1"}"#),
            "'self' wss://127.0.0.1:13579"
        );
        assert_eq!(
            connect(r#"{"ncalayerUrl":"ws://127.0.0.1:14579/"}"#),
            "'self' ws://127.0.0.1:14579"
        );
        for unsafe_url in [
            "https://evil.example",
            "wss://x; script-src *",
            "wss://",
            "javascript:alert(1)",
        ] {
            let config = serde_json::json!({ "ncalayerUrl": unsafe_url }).to_string();
            assert_eq!(
                connect(&config),
                "'self' wss://127.0.0.1:13579",
                "{unsafe_url}"
            );
        }
    }

    #[test]
    fn a_moved_ncalayer_gets_a_new_policy() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<p></p>").unwrap();
        let policy = DistPolicy::new(dir.path());
        assert!(
            policy
                .refresh()
                .value()
                .to_str()
                .unwrap()
                .contains("wss://127.0.0.1:13579")
        );
        std::fs::write(
            dir.path().join("config.json"),
            r#"{"ncalayerUrl":"ws://127.0.0.1:14579"}"#,
        )
        .unwrap();
        let after = policy.refresh().value().to_str().unwrap().to_string();
        assert!(
            after.contains("connect-src 'self' ws://127.0.0.1:14579;"),
            "{after}"
        );
    }
}
