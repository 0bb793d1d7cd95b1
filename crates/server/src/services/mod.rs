//! What the route modules build on, so that no route module reaches into another: access to
//! an application, its body in the contract's shape, the package check, the documents'
//! files, payments' gateway reports, accounts' registry data, and pagination.
//!
//! Route modules import from here, `db`, `problem` and `extract` (and the request-scoped
//! `auth`, `state`, `clock`), never from each other; `tests/api/layering.rs` holds them to it.

pub mod access;
pub mod accounts;
pub mod applications;
pub mod file_store;
pub mod limits;
pub mod package;
pub mod pagination;
pub mod payments;
pub mod shape;
pub mod sign_in;
pub mod signer;
pub mod signing;
pub mod signing_data;
