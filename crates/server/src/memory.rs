//! The allocator's part in keeping memory bounded.
//!
//! An Argon2id hash takes one 19 MiB block. glibc's malloc serves a block that large by
//! `mmap` at first, but after the first one is freed it raises its threshold and serves the
//! next ones from the hashing thread's arena, which keeps the memory when they are freed:
//! measured on the release server, 120 logins left it at 187 MB and 400 at 245 MB (it
//! idles at 11 MB). A fixed threshold keeps every block of a megabyte or more on `mmap`,
//! returned to the system when freed, at the price of fresh pages for each hash.

/// Fixes glibc's mmap threshold at 1 MiB (no effect with other allocators).
pub fn return_large_blocks_when_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tunable of the allocator; it is called once at start-up,
    // and glibc takes its own lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}
