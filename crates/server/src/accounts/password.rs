//! Passwords: how strong one must be, and hashing with Argon2id (the RustCrypto `argon2`
//! crate, its default parameters, which follow the OWASP recommendation) and a random salt
//! per password.
//!
//! Hashing takes about 19 MiB and tens of milliseconds of a core, so requests never hash on
//! the async workers: [`hash_off_thread`] and [`verify_off_thread`] run on hashing threads
//! of their own, one per core, and refuse when too many wait ([`Busy`]).

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, LazyLock, Mutex};

/// NIST SP 800-63B-4 for a password that is the only factor (see `api/openapi.yaml`).
pub const MIN_CHARS: usize = 15;
pub const MAX_CHARS: usize = 128;

/// Why a password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weakness {
    TooShort,
    TooLong,
    /// It holds the applicant's own ИИН/БИН, which is no secret.
    ContainsIdentifier,
    /// A strength estimator (`zxcvbn`) finds it guessable: common, a repeat, a sequence, a
    /// keyboard walk, words and dates it knows.
    Guessable,
}

/// The lowest `zxcvbn` score accepted: 3, "safely unguessable: moderate protection from
/// offline slow-hash scenario" (about 10¹⁰ guesses), enough against Argon2id.
const MIN_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

/// Checks a new password of the account `iin_bin`.
pub fn check_strength(password: &str, iin_bin: &str) -> Result<(), Weakness> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(Weakness::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(Weakness::TooLong);
    }
    if !iin_bin.is_empty() && password.contains(iin_bin) {
        return Err(Weakness::ContainsIdentifier);
    }
    if zxcvbn::zxcvbn(password, &[iin_bin]).score() < MIN_SCORE {
        return Err(Weakness::Guessable);
    }
    Ok(())
}

pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("Argon2 with default parameters hashes any password")
        .to_string()
}

/// Whether `password` matches `stored`. A malformed stored hash never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Too many hashes are waiting already: try again in a second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// [`hash`] on a hashing thread.
pub async fn hash_off_thread(password: String) -> Result<String, Busy> {
    off_thread(move || hash(&password)).await
}

/// [`verify`] on a hashing thread.
pub async fn verify_off_thread(password: String, stored: String) -> Result<bool, Busy> {
    off_thread(move || verify(&password, &stored)).await
}

/// Threads of its own, one per core, that do nothing but hash, fed by a bounded queue: at
/// most that many 19 MiB blocks at once, whatever the load (and `crate::memory` gives each
/// back when it is freed).
struct Hashing {
    queue: SyncSender<Job>,
}

type Job = Box<dyn FnOnce() + Send>;

static HASHING: LazyLock<Hashing> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
    // Beyond this many waiting a request is refused at once, instead of queueing for longer
    // than a client would wait.
    let (queue, jobs) = std::sync::mpsc::sync_channel::<Job>(cores * 16);
    let jobs = Arc::new(Mutex::new(jobs));
    for i in 0..cores {
        let jobs = Arc::clone(&jobs);
        let spawned = std::thread::Builder::new()
            .name(format!("otinish-hash-{i}"))
            .spawn(move || {
                loop {
                    let next = jobs
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .recv();
                    match next {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                }
            });
        if let Err(error) = spawned {
            tracing::error!(%error, "a hashing thread could not be started");
        }
    }
    Hashing { queue }
});

async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Busy> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        // The request may have gone meanwhile; nobody is left to tell.
        let _ = answer.send(work());
    });
    HASHING.queue.try_send(job).map_err(|_| Busy)?;
    answered.await.map_err(|_| Busy)
}

#[cfg(test)]
mod tests {
    use super::{Weakness, check_strength};

    #[test]
    fn a_hash_verifies_its_password_only() {
        let stored = super::hash("Құпия-сөз-2026");
        assert!(stored.starts_with("$argon2id$"));
        assert!(super::verify("Құпия-сөз-2026", &stored));
        assert!(!super::verify("құпия-сөз-2026", &stored));
        assert!(!super::verify("anything", "not a hash"));
        assert_ne!(super::hash("same"), super::hash("same"), "salts differ");
    }

    #[test]
    fn guessable_passwords_and_the_identifier_are_refused() {
        const IIN: &str = "850314300003";
        for (password, weakness) in [
            ("short", Weakness::TooShort),
            (&"x".repeat(129)[..], Weakness::TooLong),
            ("               ", Weakness::Guessable),
            ("bbbbbbbbbbbbbbb", Weakness::Guessable),
            ("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", Weakness::Guessable),
            ("123456789012345", Weakness::Guessable),
            ("passwordpassword", Weakness::Guessable),
            ("qwertyuiopasdfgh", Weakness::Guessable),
            ("850314300003abc", Weakness::ContainsIdentifier),
            ("my 850314300003 secret words", Weakness::ContainsIdentifier),
        ] {
            assert_eq!(check_strength(password, IIN), Err(weakness), "{password:?}");
        }
        // The first two are the contract's example and the server tests' password; the
        // end-to-end tests, the contract test and the load benchmark register with the next.
        for strong in [
            "correct horse battery staple",
            "a long enough passphrase",
            "a long enough pass phrase",
            "contract test passphrase",
            "load benchmark passphrase",
            "Құпия сөз: таудағы қызыл алма",
        ] {
            assert_eq!(check_strength(strong, IIN), Ok(()), "{strong:?}");
        }
    }

    #[tokio::test]
    async fn hashing_runs_off_the_async_workers() {
        let stored = super::hash_off_thread("correct horse battery staple".into())
            .await
            .unwrap();
        assert_eq!(
            super::verify_off_thread("correct horse battery staple".into(), stored).await,
            Ok(true)
        );
    }
}
