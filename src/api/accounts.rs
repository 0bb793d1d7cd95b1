//! Signing in (with ЭЦП, the test sign-in, or a password set earlier), signing out, and who
//! is signed in.

use super::{Request, Result, builder, send, send_empty, with_body};
use otinish_core::api::{
    Account, LoginRequest, Session, SetPasswordRequest, SignInChallenge, SignInRequest,
    TestSignInRequest,
};

/// A one-time challenge for the authentication key to sign.
pub async fn challenge() -> Result<SignInChallenge> {
    send(builder(Request::post, "/auth/challenge").await.build()).await
}

/// Signs in with the challenge signed by NCALayer.
pub async fn sign_in(request: &SignInRequest) -> Result<Session> {
    send(with_body(
        builder(Request::post, "/auth/sign-in").await,
        request,
    ))
    .await
}

/// The test sign-in (test mode only).
pub async fn test_sign_in(request: &TestSignInRequest) -> Result<Session> {
    send(with_body(
        builder(Request::post, "/auth/test-sign-in").await,
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

/// Sets a password as a second way in (in a session begun with ЭЦП).
pub async fn set_password(request: &SetPasswordRequest) -> Result<()> {
    send_empty(with_body(
        builder(Request::put, "/auth/password").await,
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
