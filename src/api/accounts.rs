//! Registering, signing in and out, and who is signed in.

use super::{Request, Result, builder, send, send_empty, with_body};
use otinish_core::api::{Account, LoginRequest, RegisterRequest, Session};

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
    send_empty(builder(Request::post, "/auth/logout").await.build()).await
}

/// The signed-in applicant, as the registry knows them.
pub async fn me() -> Result<Account> {
    send(builder(Request::get, "/auth/me").await.build()).await
}
