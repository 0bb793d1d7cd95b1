//! The origins the app is served from: the public URL (`--public-url`) and any further
//! origins (`--allowed-origin`). They, never a request's own `Host`, decide where the
//! payment gateway may send the browser back to and which sites may send state-changing
//! requests with the session cookie.

use axum::http::Uri;

/// The public origin and the further allowed ones, each as `scheme://host[:port]` in
/// lower case, with the scheme's default port left out (the form of an `Origin` header).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppOrigins {
    public: String,
    others: Vec<String>,
}

impl AppOrigins {
    /// `public_url` may carry a path (it is ignored); every origin must be an absolute
    /// http(s) address.
    pub fn new(public_url: &str, allowed: &[String]) -> Result<AppOrigins, String> {
        let public =
            origin_of(public_url).ok_or_else(|| format!("not an http(s) URL: {public_url}"))?;
        let others = allowed
            .iter()
            .map(|origin| {
                origin_of(origin).ok_or_else(|| format!("not an http(s) origin: {origin}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(AppOrigins { public, others })
    }

    /// The public origin, e.g. `https://otinish.kz`, without a trailing slash.
    pub fn public(&self) -> &str {
        &self.public
    }

    /// Whether `origin` (an `Origin` header's value) is one where the app is served.
    pub fn allows(&self, origin: &str) -> bool {
        origin_of(origin).is_some_and(|origin| self.contains(&origin))
    }

    /// Whether the absolute URL lies under one of the app's origins.
    pub fn allows_url(&self, url: &Uri) -> bool {
        normalized(url).is_some_and(|origin| self.contains(&origin))
    }

    /// The public URL is https: cookies are `Secure` and HSTS is sent.
    pub fn is_https(&self) -> bool {
        self.public.starts_with("https://")
    }

    /// Plain http on a loopback address: the one case where a `Secure` cookie could not be
    /// used (development on this machine).
    pub fn is_loopback_http(&self) -> bool {
        let Some(authority) = self.public.strip_prefix("http://") else {
            return false;
        };
        let host = authority
            .parse::<axum::http::uri::Authority>()
            .map(|authority| authority.host().trim_matches(['[', ']']).to_string())
            .unwrap_or_default();
        host == "localhost"
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// Every origin of the app, the public one first (CORS answers exactly these).
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.public.as_str()).chain(self.others.iter().map(String::as_str))
    }

    fn contains(&self, origin: &str) -> bool {
        self.public == origin || self.others.iter().any(|other| other == origin)
    }
}

fn origin_of(text: &str) -> Option<String> {
    normalized(&text.trim().parse::<Uri>().ok()?)
}

/// `scheme://host[:port]` of an absolute http(s) URL, lower case, default port left out.
fn normalized(url: &Uri) -> Option<String> {
    let scheme = url.scheme_str()?.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let authority = url.authority()?;
    // user:password@ in an origin is a trick, never an app's address.
    if authority.as_str().contains('@') || authority.host().is_empty() {
        return None;
    }
    let host = authority.host().to_ascii_lowercase();
    Some(match authority.port_u16() {
        Some(port) if port != default_port => format!("{scheme}://{host}:{port}"),
        _ => format!("{scheme}://{host}"),
    })
}

#[cfg(test)]
mod tests {
    use super::AppOrigins;

    #[test]
    fn only_the_configured_origins_are_the_apps() {
        let origins = AppOrigins::new(
            "https://Otinish.kz:443/app/",
            &["https://static.example".to_string()],
        )
        .unwrap();
        assert_eq!(origins.public(), "https://otinish.kz");
        assert!(origins.allows("https://otinish.kz"));
        assert!(origins.allows("https://static.example"));
        for foreign in [
            "http://otinish.kz",
            "https://otinish.kz:8443",
            "https://otinish.kz.evil.example",
            "https://evil.example",
            "null",
            "",
        ] {
            assert!(!origins.allows(foreign), "{foreign}");
        }
        let url = |text: &str| text.parse().unwrap();
        assert!(origins.allows_url(&url("https://otinish.kz/applications/1/payment?x=1")));
        assert!(!origins.allows_url(&url("https://otinish.kz@evil.example/x")));
        assert!(!origins.allows_url(&url("https://evil.example/otinish.kz")));
        assert!(origins.is_https() && !origins.is_loopback_http());
    }

    #[test]
    fn plain_http_is_development_on_loopback_only() {
        let loopback = |url: &str| AppOrigins::new(url, &[]).unwrap().is_loopback_http();
        assert!(loopback("http://127.0.0.1:8080"));
        assert!(loopback("http://localhost:8080"));
        assert!(loopback("http://[::1]:8080"));
        assert!(!loopback("http://0.0.0.0:8080"));
        assert!(!loopback("http://otinish.test"));
        assert!(!loopback("https://127.0.0.1"));
        assert!(AppOrigins::new("ftp://x", &[]).is_err());
        assert!(AppOrigins::new("https://x", &["nonsense".to_string()]).is_err());
    }
}
