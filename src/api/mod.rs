//! The typed client of the API contract (`api/openapi.yaml`), one module per resource. The
//! base URL comes from `/config.json`, so the app can be pointed at any backend that
//! implements the contract. Failures come back as the contract's problems, whose codes the
//! pages put into words.

mod accounts;
mod applications;
mod documents;
mod egov_mobile;
mod payments;
mod submission;

pub use accounts::{challenge, login, logout, me, set_password, sign_in, test_sign_in};
pub use applications::{
    application, applications, config, create_application, discard, history, result_url,
    save_answers,
};
pub use documents::{Upload, delete_document, document_url, upload_document};
pub use egov_mobile::{
    cancel_egov_mobile, egov_mobile_sign_in, egov_mobile_status, start_egov_mobile_sign_in,
    start_egov_mobile_signing,
};
pub use payments::{create_payment, payments};
pub use submission::{IdempotencyKey, signing_data, submit};

use gloo_net::http::{Request, RequestBuilder, Response};
use otinish_core::api::Problem;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;

/// Why a call did not give what was asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The backend answered with a problem.
    Problem(Problem),
    /// No answer, or one that is not the contract's: the network or the backend is down.
    Unreachable,
}

impl Failure {
    /// The problem's code, or `unreachable`; the message id is `error-<code>`.
    pub fn code(&self) -> &str {
        match self {
            Failure::Problem(problem) => &problem.code,
            Failure::Unreachable => "unreachable",
        }
    }

    /// The HTTP status of a problem; `None` when nothing answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Failure::Problem(problem) => Some(problem.status),
            Failure::Unreachable => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, Failure>;

thread_local! {
    static CONFIG: RefCell<Option<AppConfig>> = const { RefCell::new(None) };
}

/// `/config.json`: where the app finds its backend and the applicant's NCALayer.
#[derive(Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct AppConfig {
    #[serde(default = "default_api_base_url")]
    api_base_url: String,
    #[serde(default = "default_ncalayer_url")]
    ncalayer_url: String,
}

fn default_api_base_url() -> String {
    "/api/v1".to_string()
}

fn default_ncalayer_url() -> String {
    crate::signing::DEFAULT_NCALAYER_URL.to_string()
}

/// `/config.json`, read once; the defaults when it cannot be read.
async fn app_config() -> AppConfig {
    if let Some(config) = CONFIG.with(|c| c.borrow().clone()) {
        return config;
    }
    let configured = match Request::get("/config.json").send().await {
        Ok(response) if response.ok() => response.json::<AppConfig>().await.ok(),
        _ => None,
    };
    let config = configured.unwrap_or_else(|| AppConfig {
        api_base_url: default_api_base_url(),
        ncalayer_url: default_ncalayer_url(),
    });
    CONFIG.with(|c| *c.borrow_mut() = Some(config.clone()));
    config
}

/// `/config.json`'s `apiBaseUrl`.
async fn base_url() -> String {
    app_config().await.api_base_url
}

/// `/config.json`'s `ncalayerUrl`: where NCALayer listens (`wss://127.0.0.1:13579`).
pub async fn ncalayer_url() -> String {
    app_config().await.ncalayer_url
}

/// The absolute address of an API path, for links the browser follows itself (downloads).
pub async fn url(path: &str) -> String {
    format!("{}{path}", base_url().await)
}

async fn send<T: DeserializeOwned>(
    request: std::result::Result<Request, gloo_net::Error>,
) -> Result<T> {
    let response = request
        .map_err(|_| Failure::Unreachable)?
        .send()
        .await
        .map_err(|_| Failure::Unreachable)?;
    read(response).await
}

/// For calls answered by 204 No Content.
async fn send_empty(request: std::result::Result<Request, gloo_net::Error>) -> Result<()> {
    let response = request
        .map_err(|_| Failure::Unreachable)?
        .send()
        .await
        .map_err(|_| Failure::Unreachable)?;
    if response.ok() {
        Ok(())
    } else {
        read::<()>(response).await
    }
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T> {
    if response.ok() {
        return response.json::<T>().await.map_err(|_| Failure::Unreachable);
    }
    problem(response.status(), response.json::<Problem>().await.ok())
}

/// A non-2xx answer: the contract's problem, or `Unreachable` when a proxy or a broken
/// backend answered something else.
fn problem<T>(status: u16, problem: Option<Problem>) -> Result<T> {
    match problem {
        Some(problem) => Err(Failure::Problem(problem)),
        None if status == 0 => Err(Failure::Unreachable),
        None => Err(Failure::Unreachable),
    }
}

/// Every call carries the session cookie, also to a backend on another origin of the same
/// site (`apiBaseUrl` in `config.json`; the contract's "Sessions" and "Cross-origin").
async fn builder(method: fn(&str) -> RequestBuilder, path: &str) -> RequestBuilder {
    method(&url(path).await).credentials(web_sys::RequestCredentials::Include)
}

fn with_body<B: Serialize>(
    builder: RequestBuilder,
    body: &B,
) -> std::result::Result<Request, gloo_net::Error> {
    builder.json(body)
}
