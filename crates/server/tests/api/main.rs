//! The server's test suite, one binary (one link, one process) of modules: each module is
//! one area of the API, driven in-process through the router, with the shared fixtures in
//! `common` (a fresh backend, sessions, the test PKI) and `applying` (an application taken
//! to payment and submission).

mod applying;
mod common;

mod accounts;
mod applications;
mod cross_origin;
mod documents;
mod egov_mobile;
mod hardening;
mod http;
mod instances;
mod layering;
mod officer;
mod operations;
mod payments;
mod signatures;
mod submission;
