//! The typed client of the API contract (`api/openapi.yaml`). The base URL comes from
//! `/config.json`, so the app can be pointed at any backend that implements the contract.
//! Failures come back as the contract's problems, whose codes the pages put into words.

use gloo_net::http::{Request, RequestBuilder, Response};
use otinish_core::api::{Account, LoginRequest, Problem, RegisterRequest, Session};
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
}

pub type Result<T> = std::result::Result<T, Failure>;

thread_local! {
    static BASE_URL: RefCell<Option<String>> = const { RefCell::new(None) };
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct AppConfig {
    api_base_url: String,
}

/// `/config.json`'s `apiBaseUrl`, read once.
async fn base_url() -> String {
    if let Some(url) = BASE_URL.with(|b| b.borrow().clone()) {
        return url;
    }
    let configured = match Request::get("/config.json").send().await {
        Ok(response) if response.ok() => response
            .json::<AppConfig>()
            .await
            .ok()
            .map(|c| c.api_base_url),
        _ => None,
    };
    let url = configured.unwrap_or_else(|| "/api/v1".to_string());
    BASE_URL.with(|b| *b.borrow_mut() = Some(url.clone()));
    url
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

async fn read<T: DeserializeOwned>(response: Response) -> Result<T> {
    if response.ok() {
        return response.json::<T>().await.map_err(|_| Failure::Unreachable);
    }
    match response.json::<Problem>().await {
        Ok(problem) => Err(Failure::Problem(problem)),
        Err(_) => Err(Failure::Unreachable),
    }
}

async fn builder(method: fn(&str) -> RequestBuilder, path: &str) -> RequestBuilder {
    method(&format!("{}{path}", base_url().await))
}

fn with_body<B: Serialize>(
    builder: RequestBuilder,
    body: &B,
) -> std::result::Result<Request, gloo_net::Error> {
    builder.json(body)
}

pub async fn register(request: &RegisterRequest) -> Result<Session> {
    send(with_body(
        builder(Request::post, "/auth/register").await,
        request,
    ))
    .await
}

pub async fn login(request: &LoginRequest) -> Result<Session> {
    send(with_body(
        builder(Request::post, "/auth/login").await,
        request,
    ))
    .await
}

/// Ends the session; the backend answers 204 whatever the state.
pub async fn logout() -> Result<()> {
    let response = builder(Request::post, "/auth/logout")
        .await
        .send()
        .await
        .map_err(|_| Failure::Unreachable)?;
    if response.ok() {
        Ok(())
    } else {
        read::<()>(response).await
    }
}

/// The signed-in applicant, as the registry knows them.
pub async fn me() -> Result<Account> {
    send(builder(Request::get, "/auth/me").await.build()).await
}
