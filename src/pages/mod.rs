//! One module per route.

mod apply;
mod cabinet;
mod catalog;
mod not_found;
mod service;

pub use apply::ApplyPage;
pub use cabinet::CabinetPage;
pub use catalog::CatalogPage;
pub use not_found::NotFoundPage;
pub use service::ServicePage;
