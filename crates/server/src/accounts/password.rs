//! Passwords, hashed with Argon2id (the RustCrypto `argon2` crate, its default parameters,
//! which follow the OWASP recommendation) and a random salt per password.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

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

#[cfg(test)]
mod tests {
    #[test]
    fn a_hash_verifies_its_password_only() {
        let stored = super::hash("Құпия-сөз-2026");
        assert!(stored.starts_with("$argon2id$"));
        assert!(super::verify("Құпия-сөз-2026", &stored));
        assert!(!super::verify("құпия-сөз-2026", &stored));
        assert!(!super::verify("anything", "not a hash"));
        assert_ne!(super::hash("same"), super::hash("same"), "salts differ");
    }
}
