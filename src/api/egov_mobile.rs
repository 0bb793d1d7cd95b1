//! eGov mobile, the browser's side: start a session (for an application, or to sign in),
//! ask after it with the poll secret, give it up, and sign in with it once signed.

use super::{Request, Result, builder, send, send_empty, with_body};
use otinish_core::api::{
    EgovMobilePoll, EgovMobileSignInRequest, EgovMobileStart, EgovMobileStatus, Secret, Session,
    SessionMode,
};

/// A session for the phone to sign the application's signing data.
pub async fn start_egov_mobile_signing(application: &str) -> Result<EgovMobileStart> {
    send(
        builder(
            Request::post,
            &format!("/applications/{application}/egov-mobile"),
        )
        .await
        .build(),
    )
    .await
}

/// A session for the phone to sign the sign-in challenge.
pub async fn start_egov_mobile_sign_in() -> Result<EgovMobileStart> {
    send(builder(Request::post, "/auth/egov-mobile").await.build()).await
}

/// Where the session stands.
pub async fn egov_mobile_status(poll: &Secret) -> Result<EgovMobileStatus> {
    let body = EgovMobilePoll { poll: poll.clone() };
    send(with_body(
        builder(Request::post, "/egov-mobile/status").await,
        &body,
    ))
    .await
}

/// Gives up a session still waiting.
pub async fn cancel_egov_mobile(poll: &Secret) -> Result<()> {
    let body = EgovMobilePoll { poll: poll.clone() };
    send_empty(with_body(
        builder(Request::post, "/egov-mobile/cancel").await,
        &body,
    ))
    .await
}

/// Signs in with a signed sign-in session.
pub async fn egov_mobile_sign_in(poll: &Secret) -> Result<Session> {
    let body = EgovMobileSignInRequest {
        poll: poll.clone(),
        session: SessionMode::Cookie,
    };
    send(with_body(
        builder(Request::post, "/auth/egov-mobile/sign-in").await,
        &body,
    ))
    .await
}
