//! Signing in with ЭЦП (against the test PKI and a real OCSP responder), the test sign-in,
//! a password as a second way in, sessions and the registry, through the HTTP API.

use crate::common;

use axum::http::{StatusCode, header};
use base64::Engine;
use common::pki::{self, Responder};
use common::{COMPANY, PASSWORD, PERSON, TestServer};
use serde_json::json;

#[tokio::test]
async fn signing_in_prefills_the_applicant_from_the_registry() {
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
async fn the_test_sign_in_refuses_what_it_cannot_accept_and_is_test_mode_only() {
    let server = TestServer::start().await;
    let sign_in = |iin: &str| json!({ "iin_bin": iin });
    let reply = server
        .call(
            "POST",
            "/api/v1/auth/test-sign-in",
            None,
            Some(sign_in("12345")),
        )
        .await;
    assert_eq!(
        (reply.status, reply.field_error()),
        (
            StatusCode::BAD_REQUEST,
            ("/iin_bin".into(), "bad-format".into())
        )
    );
    let reply = server
        .call(
            "POST",
            "/api/v1/auth/test-sign-in",
            None,
            Some(sign_in("850314300004")),
        )
        .await;
    assert_eq!(
        (reply.status, reply.code(), reply.field_error().0),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation-failed".into(),
            "/iin_bin".into()
        )
    );
    // A valid ИИН the registry does not know.
    let reply = server
        .call(
            "POST",
            "/api/v1/auth/test-sign-in",
            None,
            Some(sign_in("940140000385")),
        )
        .await;
    assert_eq!(
        reply.field_error(),
        ("/iin_bin".into(), "not-in-registry".into())
    );
    let reply = server
        .call(
            "POST",
            "/api/v1/auth/test-sign-in",
            None,
            Some(json!({ "iin_bin": PERSON, "password": "x" })),
        )
        .await;
    assert_eq!(
        (reply.status, reply.field_error().1),
        (StatusCode::BAD_REQUEST, "unknown-field".into())
    );

    let real = TestServer::with_settings(|settings| settings.test_mode = false).await;
    let reply = real
        .call(
            "POST",
            "/api/v1/auth/test-sign-in",
            None,
            Some(sign_in(PERSON)),
        )
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "test-signer-disabled".into()
        )
    );
    let config = real.call("GET", "/api/v1/config", None, None).await.json();
    assert_eq!(
        config["signature_methods"],
        json!(["cms"]),
        "no test signer outside test mode"
    );
}

#[tokio::test]
async fn knowing_an_iin_is_not_enough_to_make_or_take_an_account() {
    let server = TestServer::start().await;
    // There is no registration by password any more.
    let reply = server
        .call(
            "POST",
            "/api/v1/auth/register",
            None,
            Some(json!({ "iin_bin": PERSON, "password": PASSWORD })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    // An account made by signing in has no password until its holder sets one.
    server.sign_up(PERSON).await;
    let reply = server
        .call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({ "iin_bin": PERSON, "password": "" })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    // A session begun with a password cannot set another.
    let with_password = server.sign_up_with_password(PERSON).await;
    let _ = with_password;
    let login = server
        .call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({ "iin_bin": PERSON, "password": PASSWORD })),
        )
        .await;
    let by_password = login.session_cookie().unwrap();
    let reply = server
        .call(
            "PUT",
            "/api/v1/auth/password",
            Some(&by_password),
            Some(json!({ "password": "a new long enough passphrase" })),
        )
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::FORBIDDEN, "signature-session-required".into())
    );
    let token = server.sign_up(PERSON).await;
    let short = server
        .call(
            "PUT",
            "/api/v1/auth/password",
            Some(&token),
            Some(json!({ "password": "short" })),
        )
        .await;
    assert_eq!(
        short.field_error(),
        ("/password".into(), "too-short".into())
    );
    let anonymous = server
        .call(
            "PUT",
            "/api/v1/auth/password",
            None,
            Some(json!({ "password": PASSWORD })),
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

/// A server that verifies against the test PKI.
async fn verifying_server(responder: &Responder) -> TestServer {
    let url = responder.url.clone();
    TestServer::with_settings(move |settings| {
        settings.trust_store = pki::trust_store();
        settings.ocsp_responder = Some(url);
    })
    .await
}

/// A challenge: its nonce and the bytes to sign.
async fn challenge(server: &TestServer) -> (String, Vec<u8>) {
    let reply = server
        .call("POST", "/api/v1/auth/challenge", None, None)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    let body = reply.json();
    let data = base64::engine::general_purpose::STANDARD
        .decode(body["data"].as_str().unwrap())
        .unwrap();
    let signed: serde_json::Value = serde_json::from_slice(&data).unwrap();
    assert_eq!(signed["format"], "otinish-sign-in/1");
    assert_eq!(signed["nonce"], body["nonce"]);
    (body["nonce"].as_str().unwrap().to_string(), data)
}

async fn sign_in_with(server: &TestServer, nonce: &str, cms: &[u8]) -> common::Reply {
    let body = json!({
        "nonce": nonce,
        "cms": base64::engine::general_purpose::STANDARD.encode(cms),
    });
    server
        .call("POST", "/api/v1/auth/sign-in", None, Some(body))
        .await
}

#[tokio::test]
async fn signing_in_with_an_authentication_key_creates_then_opens_the_account() {
    let responder = Responder::start();
    let server = verifying_server(&responder).await;
    let (nonce, data) = challenge(&server).await;
    let cms = pki::sign(&format!("{PERSON}-auth"), &data, &[]);
    let first = sign_in_with(&server, &nonce, &cms).await;
    assert_eq!(
        first.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&first.body)
    );
    assert_eq!(first.json()["account"]["iin_bin"], PERSON);
    assert_eq!(first.json()["account"]["last_name"], "Абенов");
    let token = first.session_cookie().unwrap();
    // The challenge is used once.
    let again = sign_in_with(&server, &nonce, &cms).await;
    assert_eq!(
        (again.status, again.code()),
        (StatusCode::UNPROCESSABLE_ENTITY, "challenge-invalid".into())
    );
    let (nonce, data) = challenge(&server).await;
    let cms = pki::sign(&format!("{PERSON}-auth"), &data, &["-stream"]);
    let second = sign_in_with(&server, &nonce, &cms).await;
    assert_eq!(second.status, StatusCode::OK);
    // Signed in with ЭЦП, the holder may set a password as a second way in.
    let reply = server
        .call(
            "PUT",
            "/api/v1/auth/password",
            Some(&token),
            Some(json!({ "password": PASSWORD })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    let login = server
        .call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({ "iin_bin": PERSON, "password": PASSWORD })),
        )
        .await;
    assert_eq!(login.status, StatusCode::OK);
}

#[tokio::test]
async fn an_employee_signs_in_to_the_companys_account_and_is_recorded() {
    let responder = Responder::start();
    let server = verifying_server(&responder).await;
    let (nonce, data) = challenge(&server).await;
    let cms = pki::sign(&format!("{COMPANY}-auth"), &data, &[]);
    let reply = sign_in_with(&server, &nonce, &cms).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(reply.json()["account"]["kind"], "legal-entity");
    assert_eq!(reply.json()["account"]["iin_bin"], COMPANY);
    let db = &server.state.db;
    let (company, _) = db.account_credentials(COMPANY).await.unwrap().unwrap();
    let sign_ins = db.sign_ins(company).await.unwrap();
    assert_eq!(
        sign_ins
            .iter()
            .map(|entry| (entry.method.as_str(), entry.signer_iin.as_deref()))
            .collect::<Vec<_>>(),
        [("signature", Some(PERSON))]
    );
    let token = reply.session_cookie().expect("a session cookie");
    let signer = db
        .session_signer(&otinish_server::accounts::session::token_hash(&token))
        .await
        .unwrap();
    assert_eq!(signer.as_deref(), Some(PERSON));
}

#[tokio::test]
async fn signing_in_refuses_each_wrong_signature_with_its_code() {
    let responder = Responder::start();
    let server = verifying_server(&responder).await;
    let (_work, cert, key) = pki::invented(PERSON);
    for (label, code) in [
        (format!("{PERSON}-sign"), "wrong-key-usage"),
        (format!("revoked-{PERSON}-auth"), "certificate-revoked"),
        (format!("foreign-{PERSON}"), "certificate-untrusted"),
        (format!("wrong-usage-{PERSON}"), "wrong-key-usage"),
        ("invented".to_string(), "certificate-untrusted"),
    ] {
        let (nonce, data) = challenge(&server).await;
        let cms = if label == "invented" {
            pki::sign_with(&cert, &key, &data, &[])
        } else {
            pki::sign(&label, &data, &[])
        };
        let reply = sign_in_with(&server, &nonce, &cms).await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, code.to_string()),
            "{label}"
        );
    }
    // Signed over another challenge's bytes.
    let (_, other) = challenge(&server).await;
    let (nonce, _) = challenge(&server).await;
    let cms = pki::sign(&format!("{PERSON}-auth"), &other, &[]);
    assert_eq!(
        sign_in_with(&server, &nonce, &cms).await.code(),
        "digest-mismatch"
    );
    let (nonce, _) = challenge(&server).await;
    let reply = sign_in_with(&server, &nonce, b"not a signature").await;
    assert_eq!(reply.code(), "signature-invalid");
    let reply = server
        .call(
            "POST",
            "/api/v1/auth/sign-in",
            None,
            Some(json!({ "nonce": "made-up", "cms": "%%%%" })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    // No account was made by any of these.
    let account = server.state.db.account_credentials(PERSON).await.unwrap();
    assert_eq!(account, None);
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
    server.sign_up_with_password(PERSON).await;
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
    server.sign_up_with_password(PERSON).await;
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
