//! Registration, log-in, sessions and the registry, through the HTTP API.

mod common;

use axum::http::{StatusCode, header};
use common::{COMPANY, PERSON, TestServer};
use serde_json::json;

#[tokio::test]
async fn registering_prefills_the_applicant_from_the_registry_and_signs_in() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let me = server
        .call("GET", "/api/v1/auth/me", Some(&token), None)
        .await;
    assert_eq!(me.status, StatusCode::OK);
    let me = me.json();
    assert_eq!(
        (me["kind"].as_str(), me["iin_bin"].as_str()),
        (Some("individual"), Some(PERSON))
    );
    assert_eq!(me["last_name"], "Абенов");

    let token = server.sign_up(COMPANY).await;
    let me = server
        .call("GET", "/api/v1/auth/me", Some(&token), None)
        .await
        .json();
    assert_eq!(
        (me["kind"].as_str(), me["name"].as_str()),
        (
            Some("legal-entity"),
            Some("ТОО «Медицинский центр Шипагер»")
        )
    );
}

#[tokio::test]
async fn registration_refuses_what_it_cannot_accept() {
    let server = TestServer::start().await;
    let register = |iin: &str, password: &str| json!({ "iin_bin": iin, "password": password });

    let reply = server
        .call(
            "POST",
            "/api/v1/auth/register",
            None,
            Some(register("12345", "a long enough passphrase")),
        )
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::BAD_REQUEST, "malformed-request".into())
    );
    assert_eq!(
        reply.field_error(),
        ("/iin_bin".into(), "bad-format".into())
    );

    let reply = server
        .call(
            "POST",
            "/api/v1/auth/register",
            None,
            Some(register("850314300004", "a long enough passphrase")),
        )
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::UNPROCESSABLE_ENTITY, "validation-failed".into())
    );
    assert_eq!(reply.field_error().0, "/iin_bin");

    // A valid ИИН the registry does not know (standards.md §7's example number is seeded; this one is not).
    let reply = server
        .call(
            "POST",
            "/api/v1/auth/register",
            None,
            Some(register("940140000385", "a long enough passphrase")),
        )
        .await;
    assert_eq!(
        reply.field_error(),
        ("/iin_bin".into(), "not-in-registry".into())
    );

    let reply = server
        .call(
            "POST",
            "/api/v1/auth/register",
            None,
            Some(register(PERSON, "short")),
        )
        .await;
    assert_eq!(
        reply.field_error(),
        ("/password".into(), "too-short".into())
    );

    let reply = server
        .call(
            "POST",
            "/api/v1/auth/register",
            None,
            Some(json!({ "iin_bin": PERSON })),
        )
        .await;
    assert_eq!(
        (reply.status, reply.field_error()),
        (
            StatusCode::BAD_REQUEST,
            ("/password".into(), "required".into())
        )
    );

    let reply = server
        .call(
            "POST",
            "/api/v1/auth/register",
            None,
            Some(
                json!({ "iin_bin": PERSON, "password": "a long enough passphrase", "admin": true }),
            ),
        )
        .await;
    assert_eq!(
        (reply.status, reply.field_error().1),
        (StatusCode::BAD_REQUEST, "unknown-field".into())
    );

    server.sign_up(PERSON).await;
    let reply = server
        .call(
            "POST",
            "/api/v1/auth/register",
            None,
            Some(register(PERSON, "another long passphrase")),
        )
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::CONFLICT, "account-exists".into())
    );
}

#[tokio::test]
async fn bodies_that_are_not_json_are_400_or_415() {
    let server = TestServer::start().await;
    let request = axum::http::Request::post("/api/v1/auth/login")
        .header("content-type", "application/json")
        .body(axum::body::Body::from("{not json"))
        .unwrap();
    let reply = server.send(request).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::BAD_REQUEST, "malformed-request".into())
    );

    let request = axum::http::Request::post("/api/v1/auth/login")
        .body(axum::body::Body::from("iin=1"))
        .unwrap();
    let reply = server.send(request).await;
    assert_eq!(
        (reply.status, reply.code()),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type".into()
        )
    );
}

#[tokio::test]
async fn login_logout_and_bearer_tokens() {
    let server = TestServer::start().await;
    server.sign_up(PERSON).await;
    let login = |password: &str, session: &str| json!({ "iin_bin": PERSON, "password": password, "session": session });

    let wrong = server
        .call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(login("not the passphrase!", "cookie")),
        )
        .await;
    assert_eq!(
        (wrong.status, wrong.code()),
        (StatusCode::UNAUTHORIZED, "invalid-credentials".into())
    );
    let unknown = server
        .call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({ "iin_bin": "900521400007", "password": "whatever it is here" })),
        )
        .await;
    assert_eq!(
        unknown.code(),
        "invalid-credentials",
        "an unknown account answers like a wrong password"
    );

    let reply = server
        .call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(login("a long enough passphrase", "bearer")),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.session_cookie().is_none(),
        "bearer mode sets no cookie"
    );
    let token = reply.json()["token"].as_str().unwrap().to_string();
    let request = axum::http::Request::get("/api/v1/auth/me")
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(server.send(request).await.status, StatusCode::OK);

    let reply = server
        .call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(login("a long enough passphrase", "cookie")),
        )
        .await;
    let cookie = reply.session_cookie().unwrap();
    assert!(
        reply.headers["set-cookie"]
            .to_str()
            .unwrap()
            .contains("HttpOnly")
    );
    // Asking who is signed in renews the session, and the cookie's lifetime with it.
    let renewed = server
        .call("GET", "/api/v1/auth/me", Some(&cookie), None)
        .await;
    assert_eq!(renewed.status, StatusCode::OK);
    assert_eq!(renewed.session_cookie().as_deref(), Some(cookie.as_str()));
    assert!(
        renewed.headers["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=1800")
    );
    assert_eq!(
        server
            .call("POST", "/api/v1/auth/logout", Some(&cookie), None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let after = server
        .call("GET", "/api/v1/auth/me", Some(&cookie), None)
        .await;
    assert_eq!(
        (after.status, after.code()),
        (StatusCode::UNAUTHORIZED, "unauthenticated".into())
    );
    assert_eq!(
        server
            .call("GET", "/api/v1/auth/me", None, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn login_is_rate_limited_per_account() {
    let server = TestServer::start().await;
    server.sign_up(PERSON).await;
    let mut statuses = Vec::new();
    for _ in 0..8 {
        let body = json!({ "iin_bin": PERSON, "password": "guessing a password" });
        statuses.push(
            server
                .call("POST", "/api/v1/auth/login", None, Some(body))
                .await
                .status,
        );
    }
    assert!(statuses.contains(&StatusCode::UNAUTHORIZED));
    let limited = server
        .call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({ "iin_bin": PERSON, "password": "a long enough passphrase" })),
        )
        .await;
    assert_eq!(
        (limited.status, limited.code()),
        (StatusCode::TOO_MANY_REQUESTS, "too-many-requests".into())
    );
    // The header says the same as the problem's parameter.
    assert_eq!(
        limited.headers[header::RETRY_AFTER].to_str().unwrap(),
        limited.json()["params"]["retry_after"].to_string()
    );
}

#[tokio::test]
async fn config_tells_test_mode_and_limits() {
    let server = TestServer::start().await;
    let config = server
        .call("GET", "/api/v1/config", None, None)
        .await
        .json();
    assert_eq!(config["test_mode"], true);
    assert_eq!(config["file_types"], json!(["pdf", "jpeg", "png"]));
    assert_eq!(config["limits"]["session_idle_seconds"], 1800);
}
