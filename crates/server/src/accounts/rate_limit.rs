//! Login attempts are limited per account identifier (the `governor` crate's GCRA), so that
//! a password cannot be guessed by trying many: five attempts, then one more every minute.

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use std::sync::Arc;

#[derive(Clone)]
pub struct LoginLimiter {
    limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl LoginLimiter {
    pub fn new() -> LoginLimiter {
        let quota = Quota::per_minute(NonZeroU32::new(1).expect("one"))
            .allow_burst(NonZeroU32::new(5).expect("five"));
        LoginLimiter {
            limiter: Arc::new(RateLimiter::keyed(quota)),
        }
    }

    /// Whether another attempt for `identifier` may go ahead now.
    pub fn allow(&self, identifier: &str) -> bool {
        self.limiter.check_key(&identifier.to_string()).is_ok()
    }
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter::new()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn five_attempts_pass_and_the_sixth_waits_per_identifier() {
        let limiter = super::LoginLimiter::new();
        for _ in 0..5 {
            assert!(limiter.allow("850314300003"));
        }
        assert!(!limiter.allow("850314300003"));
        assert!(
            limiter.allow("900521400007"),
            "other accounts are not affected"
        );
    }
}
