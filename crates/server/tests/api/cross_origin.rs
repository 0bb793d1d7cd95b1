//! An app served from another origin (`--allowed-origin`): CORS for exactly those origins,
//! with credentials, and bearer sessions that need no cookie.

use crate::common;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use common::{PERSON, TestServer};
use otinish_server::origins::AppOrigins;
use serde_json::json;

const APP: &str = "http://127.0.0.1:8081";

async fn server() -> TestServer {
    TestServer::with_settings(|settings| {
        settings.origins = AppOrigins::new("http://otinish.test", &[APP.to_string()]).unwrap();
    })
    .await
}

async fn from_origin(server: &TestServer, method: &str, path: &str, origin: &str) -> HeaderMap {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::ORIGIN, origin)
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "PUT")
        .header(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            "content-type,idempotency-key",
        )
        .body(Body::empty())
        .unwrap();
    server.send(request).await.headers
}

#[tokio::test]
async fn a_listed_origin_may_call_with_credentials_and_its_preflight_is_answered() {
    let server = server().await;
    let preflight = from_origin(&server, "OPTIONS", "/api/v1/applications/x/answers", APP).await;
    assert_eq!(preflight[header::ACCESS_CONTROL_ALLOW_ORIGIN], APP);
    assert_eq!(preflight[header::ACCESS_CONTROL_ALLOW_CREDENTIALS], "true");
    let methods = preflight[header::ACCESS_CONTROL_ALLOW_METHODS]
        .to_str()
        .unwrap();
    assert!(
        methods.contains("PUT") && methods.contains("DELETE"),
        "{methods}"
    );
    let headers = preflight[header::ACCESS_CONTROL_ALLOW_HEADERS]
        .to_str()
        .unwrap();
    assert!(
        headers.contains("idempotency-key") && headers.contains("authorization"),
        "{headers}"
    );

    let answer = from_origin(&server, "GET", "/api/v1/health", APP).await;
    assert_eq!(answer[header::ACCESS_CONTROL_ALLOW_ORIGIN], APP);
    let exposed = answer[header::ACCESS_CONTROL_EXPOSE_HEADERS]
        .to_str()
        .unwrap();
    assert!(
        exposed.contains("retry-after") && exposed.contains("location"),
        "{exposed}"
    );
    assert!(answer[header::VARY].to_str().unwrap().contains("origin"));
}

#[tokio::test]
async fn any_other_origin_gets_no_cors_headers() {
    let server = server().await;
    for origin in ["http://127.0.0.1:8082", "https://evil.example", "null"] {
        let answer = from_origin(&server, "GET", "/api/v1/health", origin).await;
        assert!(
            !answer.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN),
            "{origin}"
        );
        let preflight = from_origin(&server, "OPTIONS", "/api/v1/auth/me", origin).await;
        assert!(
            !preflight.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN),
            "{origin}"
        );
    }
    // Without a list, nobody else may call at all.
    let closed = TestServer::start().await;
    let answer = from_origin(&closed, "GET", "/api/v1/health", APP).await;
    assert!(!answer.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
}

#[tokio::test]
async fn a_bearer_session_needs_no_cookie() {
    let server = server().await;
    let body = json!({ "iin_bin": PERSON, "session": "bearer" });
    let registered = server
        .call("POST", "/api/v1/auth/test-sign-in", None, Some(body))
        .await;
    assert_eq!(registered.status, StatusCode::CREATED);
    assert!(registered.session_cookie().is_none());
    let token = registered.json()["token"].as_str().unwrap().to_string();
    let me = Request::get("/api/v1/auth/me")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::ORIGIN, APP)
        .body(Body::empty())
        .unwrap();
    let me = server.send(me).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["iin_bin"], PERSON);
    assert_eq!(me.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], APP);
}
