//! `/api/v1`: one module per resource of `api/openapi.yaml`. Each module that owns several
//! paths offers `routes()`, merged here.

pub(crate) mod accounts;
mod applications;
mod config;
mod documents;
mod health;
mod officer;
pub(crate) mod payments;
mod status;
pub(crate) mod submission;

use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub fn api() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .route("/config", get(config::config))
        .route("/auth/challenge", post(accounts::challenge))
        .route("/auth/sign-in", post(accounts::sign_in))
        .route("/auth/test-sign-in", post(accounts::test_sign_in))
        .route("/auth/password", axum::routing::put(accounts::set_password))
        .route("/auth/login", post(accounts::login))
        .route("/auth/logout", post(accounts::logout))
        .route("/auth/me", get(accounts::me))
        .merge(applications::routes())
        .merge(documents::routes())
        .merge(payments::routes())
        .merge(submission::routes())
        .merge(status::routes())
        .merge(officer::routes())
        .merge(crate::egov_mobile::routes())
        .fallback(crate::problem::not_found)
}
