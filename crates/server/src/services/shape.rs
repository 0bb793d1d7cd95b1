//! The contract's shapes that serde does not check, shared by every resource that takes them.

/// The contract's `CatalogId`: lower-case letters, digits and inner hyphens, at most 64.
pub fn is_catalog_id(text: &str) -> bool {
    (1..=64).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

/// One step of a JSON Pointer (RFC 6901 §3: `~` and `/` escaped).
pub fn pointer_step(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_ids_follow_the_contracts_pattern() {
        for good in ["a", "medical-licence", "0", "vko-health", &"x".repeat(64)] {
            assert!(is_catalog_id(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "Medical",
            "a b",
            "a_b",
            "ә",
            &"x".repeat(65),
        ] {
            assert!(!is_catalog_id(bad), "{bad}");
        }
        assert_eq!(pointer_step("a/b~c"), "a~1b~0c");
    }
}
