//! One way to page through a list, for the applicant's applications and the officer's:
//! `?status=&limit=&cursor=` read by one extractor ([`PageQuery`]), and one opaque cursor
//! (the last item's sort time and id) that only this backend reads back.

use crate::db::{ListPosition, parse_time};
use crate::names::known_status;
use crate::problem::{ApiError, ApiResult};
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use otinish_core::api::{ApplicationStatus, FieldError, Params, field_code};

const DEFAULT_LIMIT: u32 = 20;
const MAX_LIMIT: u32 = 100;
const MAX_CURSOR_CHARS: usize = 200;

/// A list's query: an optional status filter, the page size, and where the page starts.
#[derive(Debug)]
pub struct PageQuery {
    pub status: Option<ApplicationStatus>,
    pub limit: u32,
    pub after: Option<ListPosition>,
}

impl<S: Send + Sync> FromRequestParts<S> for PageQuery {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> ApiResult<Self> {
        let Query(pairs) = Query::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map_err(|rejection| ApiError::malformed().detail(rejection.body_text()))?;
        parse(&pairs)
    }
}

/// The first value of each parameter; others are ignored, as query parameters may be.
/// Every fault is named at once (400).
fn parse(pairs: &[(String, String)]) -> ApiResult<PageQuery> {
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    };
    let mut faults = Vec::new();
    let status = value("status").and_then(|text| {
        // `Unknown` reads a later backend's states; a filter must name one of ours.
        let parsed = known_status(text);
        if parsed.is_none() {
            faults.push(fault("status", field_code::NOT_AN_OPTION, Params::new()));
        }
        parsed
    });
    let limit = match value("limit").map(str::parse::<i64>) {
        None => DEFAULT_LIMIT,
        Some(Ok(limit)) if (1..=i64::from(MAX_LIMIT)).contains(&limit) => limit as u32,
        Some(Ok(_)) => {
            let range = Params::from_iter([
                ("min".to_string(), 1.into()),
                ("max".to_string(), MAX_LIMIT.into()),
            ]);
            faults.push(fault("limit", field_code::OUT_OF_RANGE, range));
            DEFAULT_LIMIT
        }
        Some(Err(_)) => {
            faults.push(fault("limit", field_code::WRONG_TYPE, Params::new()));
            DEFAULT_LIMIT
        }
    };
    let after = value("cursor").and_then(|text| {
        let position = position(text);
        if position.is_none() {
            faults.push(fault("cursor", field_code::BAD_FORMAT, Params::new()));
        }
        position
    });
    if !faults.is_empty() {
        let mut error = ApiError::malformed();
        error.0.errors = faults;
        return Err(error);
    }
    Ok(PageQuery {
        status,
        limit,
        after,
    })
}

/// A fault of a query parameter, named without a slash as the contract says.
fn fault(name: &str, code: &str, params: Params) -> FieldError {
    FieldError {
        field: name.to_string(),
        code: code.to_string(),
        params,
    }
}

/// The `next_cursor` that starts the page after `position`: opaque to clients, and in the
/// contract's alphabet.
pub fn cursor(position: &ListPosition) -> String {
    URL_SAFE_NO_PAD.encode(format!("{} {}", position.at, position.id))
}

/// A cursor this backend gave out; anything else is `None` (400).
fn position(cursor: &str) -> Option<ListPosition> {
    if cursor.is_empty() || cursor.len() > MAX_CURSOR_CHARS {
        return None;
    }
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(cursor).ok()?).ok()?;
    let (at, id) = text.split_once(' ')?;
    parse_time(at)?;
    let canonical = uuid::Uuid::parse_str(id).ok()?.to_string() == id;
    canonical.then(|| ListPosition {
        at: at.to_string(),
        id: id.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn cursors_round_trip_and_strangers_are_refused() {
        let position = ListPosition {
            at: "2026-11-23T04:40:00.123Z".into(),
            id: "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30".into(),
        };
        let cursor = cursor(&position);
        assert!(
            cursor
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        let parsed = parse(&pairs(&[("cursor", &cursor)])).ok().unwrap();
        assert_eq!(parsed.after, Some(position));
        for stranger in ["", "abc", "!!!!", &URL_SAFE_NO_PAD.encode("yesterday 42")] {
            let error = parse(&pairs(&[("cursor", stranger)])).err().unwrap();
            assert_eq!(error.0.errors[0].field, "cursor", "{stranger:?}");
        }
    }

    #[test]
    fn limit_and_status_follow_the_contract() {
        let defaults = parse(&[]).ok().unwrap();
        assert_eq!((defaults.limit, defaults.status), (20, None));
        let chosen = parse(&pairs(&[("limit", "100"), ("status", "awaiting-payment")]))
            .ok()
            .unwrap();
        assert_eq!(
            (chosen.limit, chosen.status),
            (100, Some(ApplicationStatus::AwaitingPayment))
        );
        for (name, value, code) in [
            ("limit", "0", "out-of-range"),
            ("limit", "101", "out-of-range"),
            ("limit", "ten", "wrong-type"),
            ("status", "lost", "not-an-option"),
            ("status", "unknown", "not-an-option"),
        ] {
            let error = parse(&pairs(&[(name, value)])).err().unwrap();
            assert_eq!(
                (
                    error.0.errors[0].field.as_str(),
                    error.0.errors[0].code.as_str()
                ),
                (name, code)
            );
        }
    }
}
