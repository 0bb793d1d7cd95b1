//! The limits `GET /config` announces and the resources hold requests to.

/// The most files one document slot takes.
pub const MAX_FILES_PER_DOCUMENT: u32 = 10;
/// The largest answers document (`PUT …/answers`).
pub const MAX_ANSWERS_BYTES: u64 = 256 * 1024;
