//! The origins the applicant's app is served from besides this backend's own (`--allowed-origin`,
//! repeatable, or `OTINISH_ALLOWED_ORIGINS`, comma-separated): a static host or a CDN in front
//! of the app, with this backend on another origin. They may call the API from the browser
//! (CORS, `crate::cors`) and be the payment gateway's return address.

use axum::http::HeaderValue;

/// Origins as browsers send them in `Origin`: `scheme://host[:port]`, no path, no slash.
#[derive(Debug, Clone, Default)]
pub struct AppOrigins(Vec<HeaderValue>);

#[derive(Debug, PartialEq)]
pub struct NotAnOrigin(pub String);

impl std::fmt::Display for NotAnOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} is not an origin (scheme://host[:port], http or https, no path)",
            self.0
        )
    }
}

impl std::error::Error for NotAnOrigin {}

impl AppOrigins {
    pub fn parse<S: AsRef<str>>(
        origins: impl IntoIterator<Item = S>,
    ) -> Result<AppOrigins, NotAnOrigin> {
        origins
            .into_iter()
            .map(|origin| parse_origin(origin.as_ref()))
            .collect::<Result<Vec<_>, _>>()
            .map(AppOrigins)
    }

    /// Whether `origin` (`scheme://host[:port]`) is one of them; origins compare
    /// case-insensitively (RFC 6454 §6.1 serialises scheme and host in lower case).
    pub fn contains(&self, origin: &str) -> bool {
        self.0
            .iter()
            .any(|allowed| allowed.as_bytes().eq_ignore_ascii_case(origin.as_bytes()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn header_values(&self) -> impl Iterator<Item = &HeaderValue> {
        self.0.iter()
    }
}

fn parse_origin(raw: &str) -> Result<HeaderValue, NotAnOrigin> {
    let bad = || NotAnOrigin(raw.to_string());
    let trimmed = raw.trim().trim_end_matches('/').to_ascii_lowercase();
    let uri: axum::http::Uri = trimmed.parse().map_err(|_| bad())?;
    let only_origin = matches!(uri.scheme_str(), Some("http" | "https"))
        && uri.authority().is_some_and(|a| !a.host().is_empty())
        && uri.path_and_query().is_none_or(|p| p.as_str() == "/");
    if !only_origin || trimmed.contains('@') {
        return Err(bad());
    }
    HeaderValue::from_str(&trimmed).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        let origins =
            AppOrigins::parse(["https://App.Example.kz/", "http://127.0.0.1:8081"]).unwrap();
        assert!(origins.contains("https://app.example.kz"));
        assert!(origins.contains("http://127.0.0.1:8081"));
        assert!(!origins.contains("http://127.0.0.1:8082"));
        assert!(!origins.contains("https://app.example.kz.evil.test"));
        for bad in [
            "app.example.kz",
            "ftp://example.kz",
            "https://example.kz/app",
            "https://user@example.kz",
            "https://",
        ] {
            assert!(AppOrigins::parse([bad]).is_err(), "{bad}");
        }
    }
}
