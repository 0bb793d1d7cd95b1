//! Limits on log-in and registration attempts, so that guessing passwords is slow and yet a
//! stranger cannot lock the owner out:
//!
//! - **per client** (its address, `crate::client`): every attempt counts; a burst of
//!   `client_burst`, then one more every `client_interval`. This is what slows a guesser.
//! - **per account** (a well-formed ИИН/БИН): only failed attempts count; after
//!   `account_failures` of them the account takes no password until one is forgotten
//!   (one every `account_interval`), however many clients the guesses come from. A
//!   successful sign-in clears it: with the password, or, when a stranger keeps the
//!   password locked, with an ЭЦП, whose sign-in calls [`LoginLimiter::forget_account`].
//!
//! Each limit is a GCRA (one instant per key). It is written here rather than taken from
//! `governor` because the per-account limit must be looked at without being spent, and
//! both tables must be bounded: an entry is dropped once it has fully drained (age), no
//! table holds more than `max_entries` (size), and when one is full of live entries a new
//! key is refused rather than stored. Keys are fixed-size (an address, 12 digits), so
//! nothing a client sends is kept as sent.

use crate::client::ClientAddress;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The knobs (`--client-login-burst` … in `crate::config`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginLimits {
    pub client_burst: u32,
    pub client_interval: Duration,
    pub account_failures: u32,
    pub account_interval: Duration,
    pub max_entries: usize,
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits {
            client_burst: 10,
            client_interval: Duration::from_secs(6),
            account_failures: 5,
            account_interval: Duration::from_secs(300),
            max_entries: 100_000,
        }
    }
}

/// An attempt refused: try again after this long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    pub retry_after: Duration,
}

impl Refused {
    /// Whole seconds, at least one, for `Retry-After`.
    pub fn retry_after_seconds(&self) -> u64 {
        self.retry_after.as_secs() + u64::from(self.retry_after.subsec_nanos() > 0)
    }
}

/// An account's key: the 12 digits of its ИИН/БИН.
type AccountKey = [u8; 12];

#[derive(Clone)]
pub struct LoginLimiter {
    clients: Arc<Mutex<Buckets<ClientAddress>>>,
    accounts: Arc<Mutex<Buckets<AccountKey>>>,
}

impl LoginLimiter {
    pub fn new(limits: LoginLimits) -> LoginLimiter {
        LoginLimiter {
            clients: Arc::new(Mutex::new(Buckets::new(
                limits.client_burst,
                limits.client_interval,
                limits.max_entries,
            ))),
            accounts: Arc::new(Mutex::new(Buckets::new(
                limits.account_failures,
                limits.account_interval,
                limits.max_entries,
            ))),
        }
    }

    /// Counts an attempt of `client` (unknown only in in-process tests, which are not
    /// limited per client).
    pub fn admit(&self, client: Option<ClientAddress>) -> Result<(), Refused> {
        let Some(client) = client else {
            return Ok(());
        };
        lock(&self.clients).add(client, Instant::now())
    }

    /// Whether the account takes a password now. Spends nothing.
    pub fn account_open(&self, iin_bin: &str) -> Result<(), Refused> {
        let Some(key) = account_key(iin_bin) else {
            return Ok(());
        };
        match lock(&self.accounts).wait(&key, Instant::now()) {
            Some(retry_after) => Err(Refused { retry_after }),
            None => Ok(()),
        }
    }

    /// A wrong password for the account.
    pub fn failed(&self, iin_bin: &str) {
        if let Some(key) = account_key(iin_bin) {
            // Refused means the account is locked already; nothing more to count.
            let _ = lock(&self.accounts).add(key, Instant::now());
        }
    }

    /// Clears the account's failures: called on every successful sign-in, and by the ЭЦП
    /// sign-in, which is how the owner gets in while a stranger keeps the password locked.
    pub fn forget_account(&self, iin_bin: &str) {
        if let Some(key) = account_key(iin_bin) {
            lock(&self.accounts).forget(&key);
        }
    }

    /// How many clients and accounts are remembered now.
    pub fn remembered(&self) -> (usize, usize) {
        (lock(&self.clients).len(), lock(&self.accounts).len())
    }
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter::new(LoginLimits::default())
    }
}

fn account_key(iin_bin: &str) -> Option<AccountKey> {
    let bytes: AccountKey = iin_bin.as_bytes().try_into().ok()?;
    bytes.iter().all(u8::is_ascii_digit).then_some(bytes)
}

/// A poisoned table is still a sound table: every change to it is a single insert or remove.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// GCRA per key: each key holds its theoretical arrival time, `interval` later for each
/// event, and may run at most `capacity` intervals ahead of now.
struct Buckets<K> {
    arrivals: HashMap<K, Instant>,
    capacity: u32,
    interval: Duration,
    max_entries: usize,
    last_sweep: Instant,
}

impl<K: Hash + Eq> Buckets<K> {
    fn new(capacity: u32, interval: Duration, max_entries: usize) -> Buckets<K> {
        Buckets {
            arrivals: HashMap::new(),
            capacity: capacity.max(1),
            interval,
            max_entries: max_entries.max(1),
            last_sweep: Instant::now(),
        }
    }

    /// How long until `key` may take one more event; `None` when it may now.
    fn wait(&self, key: &K, now: Instant) -> Option<Duration> {
        let arrival = self.arrivals.get(key).map_or(now, |at| (*at).max(now));
        let next = arrival + self.interval;
        let allowed = now + self.interval * self.capacity;
        (next > allowed).then(|| next - allowed)
    }

    fn add(&mut self, key: K, now: Instant) -> Result<(), Refused> {
        if let Some(retry_after) = self.wait(&key, now) {
            return Err(Refused { retry_after });
        }
        self.sweep(now);
        if !self.arrivals.contains_key(&key) && self.arrivals.len() >= self.max_entries {
            self.sweep_now(now);
            if self.arrivals.len() >= self.max_entries {
                tracing::warn!(
                    entries = self.arrivals.len(),
                    "a rate-limit table is full: new clients wait"
                );
                return Err(Refused {
                    retry_after: self.interval,
                });
            }
        }
        let arrival = self.arrivals.get(&key).map_or(now, |at| (*at).max(now));
        self.arrivals.insert(key, arrival + self.interval);
        Ok(())
    }

    fn forget(&mut self, key: &K) {
        self.arrivals.remove(key);
    }

    fn len(&self) -> usize {
        self.arrivals.len()
    }

    /// Drops drained keys at most once a minute, so the table also shrinks when idle.
    fn sweep(&mut self, now: Instant) {
        if now.duration_since(self.last_sweep) >= Duration::from_secs(60) {
            self.sweep_now(now);
        }
    }

    fn sweep_now(&mut self, now: Instant) {
        self.arrivals.retain(|_, arrival| *arrival > now);
        if self.arrivals.capacity() > 2 * self.arrivals.len() + 64 {
            self.arrivals.shrink_to_fit();
        }
        self.last_sweep = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::IpAddr;

    fn client(text: &str) -> Option<ClientAddress> {
        Some(ClientAddress(text.parse::<IpAddr>().unwrap()))
    }

    fn limits() -> LoginLimits {
        LoginLimits {
            client_burst: 3,
            client_interval: Duration::from_secs(60),
            account_failures: 2,
            account_interval: Duration::from_secs(600),
            max_entries: 4,
        }
    }

    #[test]
    fn a_client_gets_its_burst_then_waits_and_others_do_not() {
        let limiter = LoginLimiter::new(limits());
        for _ in 0..3 {
            assert_eq!(limiter.admit(client("192.0.2.1")), Ok(()));
        }
        let refused = limiter.admit(client("192.0.2.1")).unwrap_err();
        assert!(
            (59..=60).contains(&refused.retry_after_seconds()),
            "{refused:?}"
        );
        assert_eq!(limiter.admit(client("192.0.2.2")), Ok(()));
        assert_eq!(
            limiter.admit(None),
            Ok(()),
            "in-process callers are not limited"
        );
    }

    #[test]
    fn failures_lock_the_account_until_a_sign_in_clears_them() {
        let limiter = LoginLimiter::new(limits());
        assert!(limiter.account_open("850314300003").is_ok());
        limiter.failed("850314300003");
        assert!(
            limiter.account_open("850314300003").is_ok(),
            "looking spends nothing"
        );
        assert!(limiter.account_open("850314300003").is_ok());
        limiter.failed("850314300003");
        let refused = limiter.account_open("850314300003").unwrap_err();
        assert!(refused.retry_after_seconds() > 500, "{refused:?}");
        assert!(limiter.account_open("900521400007").is_ok());
        limiter.forget_account("850314300003");
        assert!(limiter.account_open("850314300003").is_ok());
    }

    #[test]
    fn the_tables_are_bounded_and_keep_nothing_malformed() {
        let limiter = LoginLimiter::new(limits());
        for i in 0..4 {
            assert!(limiter.admit(client(&format!("192.0.2.{i}"))).is_ok());
        }
        // Full of live entries: a new client waits, a known one goes on.
        assert!(limiter.admit(client("198.51.100.1")).is_err());
        assert!(limiter.admit(client("192.0.2.0")).is_ok());
        limiter.failed(&"9".repeat(1_000_000));
        limiter.failed("85031430000x");
        assert_eq!(limiter.remembered(), (4, 0));
    }

    #[test]
    fn drained_entries_are_dropped() {
        let mut buckets = Buckets::new(2, Duration::from_millis(10), 1);
        let start = Instant::now();
        assert!(buckets.add("a", start).is_ok());
        assert!(buckets.add("b", start).is_err(), "full");
        assert!(buckets.add("b", start + Duration::from_millis(20)).is_ok());
        assert_eq!(buckets.len(), 1);
    }
}
