//! One module per route.

mod account;
mod cabinet;
mod catalog;
mod not_found;
mod service;
mod wizard;

pub use account::{PasswordPage, RegisterPage, SignInPage};
pub use cabinet::{ApplicationPage, CabinetPage};
pub use catalog::CatalogPage;
pub use not_found::NotFoundPage;
pub use service::ServicePage;
pub use wizard::WizardPage;
pub(crate) use wizard::preload_form_steps;
