//! The service catalog: the data (compiled in from `catalog/*.toml`), its model, the
//! checks that keep it consistent, and the Fluent message ids its texts live under.

pub mod integrity;
pub mod messages;
mod model;
pub mod query;

pub use model::*;

use std::sync::OnceLock;

/// The catalog compiled into this build. `build.rs` has already checked it, so the parse
/// cannot fail unless the model changed without a rebuild.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        postcard::from_bytes(include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin")))
            .expect("build.rs wrote a catalog of this model")
    })
}
