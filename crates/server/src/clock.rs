//! Time as the contract writes it: RFC 3339 at the provider's offset.

use chrono::{DateTime, FixedOffset, Utc};

/// +05:00: the whole country has kept one time zone since 1 March 2024 (see the contract).
pub fn offset() -> FixedOffset {
    FixedOffset::east_opt(5 * 3600).expect("+05:00 is a valid offset")
}

/// Now, at the provider's offset.
pub fn now() -> DateTime<FixedOffset> {
    Utc::now().with_timezone(&offset())
}
