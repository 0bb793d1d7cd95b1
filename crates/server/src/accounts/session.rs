//! Session tokens: 32 random bytes, given to the browser as an HttpOnly cookie (or to an API
//! client as a bearer token) and stored only as their SHA-256, so a copy of the database
//! cannot be used to sign in.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::Engine;
use sha2::{Digest, Sha256};

pub const COOKIE: &str = "otinish_session";
/// How long a session lives without activity, in minutes.
pub const LIFETIME_MINUTES: i64 = 30;

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The `Set-Cookie` value for a new session. `secure` is `Settings::secure_cookies`: off
/// only for plain-http development on a loopback address, where the browser would drop it.
pub fn cookie(token: &str, secure: bool) -> String {
    format!(
        "{COOKIE}={token}; Path=/; HttpOnly;{} SameSite=Lax; Max-Age={}",
        if secure { " Secure;" } else { "" },
        LIFETIME_MINUTES * 60
    )
}

pub fn expired_cookie(secure: bool) -> String {
    format!(
        "{COOKIE}=; Path=/; HttpOnly;{} SameSite=Lax; Max-Age=0",
        if secure { " Secure;" } else { "" }
    )
}

/// The session token of a request: the bearer token if there is one, else the cookie.
pub fn token_from_headers(headers: &axum::http::HeaderMap) -> Option<String> {
    let bearer = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    if let Some(token) = bearer.filter(|t| !t.is_empty()) {
        return Some(token.to_string());
    }
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == COOKIE && !value.is_empty())
        .map(|(_, value)| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderMap, HeaderValue, header};

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn cookies_are_secure_unless_told_otherwise() {
        assert_eq!(
            cookie("t", true),
            "otinish_session=t; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=1800"
        );
        assert!(!cookie("t", false).contains("Secure"));
        assert!(expired_cookie(true).contains("; Secure;"));
    }

    #[test]
    fn the_bearer_token_wins_over_the_cookie() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("other=1; otinish_session=from-cookie"),
        );
        assert_eq!(token_from_headers(&headers).as_deref(), Some("from-cookie"));
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer from-header"),
        );
        assert_eq!(token_from_headers(&headers).as_deref(), Some("from-header"));
        assert_eq!(token_from_headers(&HeaderMap::new()), None);
    }
}
