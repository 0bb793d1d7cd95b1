//! The backend against an attacker (issue 14): bounded memory before anything is stored,
//! per-client and per-account limits that do not lock the owner out, no redirect outside the
//! app's origins, the contract's headers, no caching of personal data, no error detail,
//! password strength, cross-site requests, and the draft-versus-payment race.

use crate::applying;
use crate::common;

use applying::{HOST, applicant, medical_duplicate, return_url, start_payment};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use common::{OTHER_PERSON, PERSON, Reply, TestServer};
use otinish_server::accounts::rate_limit::LoginLimits;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::time::Duration;

const LOGIN: &str = "/api/v1/auth/login";
const PASSPHRASE: &str = "a long enough passphrase";

/// A JSON request from the client at `peer`, with extra headers.
async fn from_client(
    server: &TestServer,
    peer: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Value,
) -> Reply {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut request = request.body(Body::from(body.to_string())).unwrap();
    let peer: SocketAddr = format!("{peer}:40000").parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(peer));
    server.send(request).await
}

async fn login_from(server: &TestServer, peer: &str, iin_bin: &str, password: &str) -> Reply {
    let body = json!({ "iin_bin": iin_bin, "password": password });
    from_client(server, peer, "POST", LOGIN, &[], body).await
}

fn retry_after(reply: &Reply) -> u64 {
    let header: u64 = reply.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(reply.json()["params"]["retry_after"], header);
    header
}

/// Valid ИИН (check digit and all) that no account has: 10 of them.
fn strangers() -> Vec<String> {
    (0..10_000u32)
        .map(|n| format!("8501013{n:04}"))
        .filter_map(|stem| {
            (0..10)
                .map(|digit| format!("{stem}{digit}"))
                .find(|iin| otinish_core::validation::check_iin_or_bin(iin).is_ok())
        })
        .filter(|iin| iin != PERSON && iin != OTHER_PERSON)
        .take(10)
        .collect()
}

// ── 1. Memory: nothing malformed is kept, bodies are capped ─────────────────────────

#[tokio::test]
async fn malformed_identifiers_are_refused_before_anything_is_kept() {
    let server = TestServer::start().await;
    for (i, iin_bin) in [
        "x".repeat(60_000),
        "٨٥٠٣١٤٣٠٠٠٠٣".to_string(),
        "85031430000".to_string(),
        "8503143000031".to_string(),
        format!("850314300003{}", "\u{0}"),
    ]
    .iter()
    .enumerate()
    {
        let peer = format!("192.0.2.{}", i + 1);
        let reply = login_from(&server, &peer, iin_bin, "whatever password").await;
        assert_eq!(
            (reply.status, reply.field_error()),
            (
                StatusCode::BAD_REQUEST,
                ("/iin_bin".into(), "bad-format".into())
            )
        );
    }
    assert_eq!(
        server.state.login_limiter.remembered(),
        (0, 0),
        "no client and no account was remembered for malformed requests"
    );

    let huge = json!({ "iin_bin": "1".repeat(70_000), "password": "p" });
    let reply = from_client(&server, "192.0.2.9", "POST", LOGIN, &[], huge).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::PAYLOAD_TOO_LARGE, "request-too-large".into())
    );
    assert_eq!(reply.json()["params"]["max_bytes"], 64 * 1024);
    let token = server.sign_up_with_password(PERSON).await;
    let huge = json!({ "service": "x".repeat(70_000), "provider": "p", "sub_case": "issue" });
    let reply = server
        .call("POST", "/api/v1/applications", Some(&token), Some(huge))
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

// ── 2. Per-client limit ─────────────────────────────────────────────────────────────

#[tokio::test]
async fn one_client_guessing_gets_429_while_another_client_gets_in() {
    // A minute between attempts, so that none comes back while the debug build hashes.
    let server = TestServer::with_settings(|settings| {
        settings.login_limits.client_interval = Duration::from_secs(60);
    })
    .await;
    server.sign_up_with_password(PERSON).await;
    let strangers = strangers();
    assert_eq!(strangers.len(), 10);
    let mut statuses = Vec::new();
    let mut limited = None;
    for round in 0..5 {
        for iin in &strangers {
            let reply = login_from(&server, "192.0.2.1", iin, &format!("guess {round}")).await;
            statuses.push(reply.status);
            if reply.status == StatusCode::TOO_MANY_REQUESTS {
                limited.get_or_insert(reply);
            }
        }
    }
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    println!("50 wrong logins from one client: {refused} refused with 429");
    let burst = LoginLimits::default().client_burst as usize;
    assert_eq!(refused, 50 - burst, "{statuses:?}");
    let limited = limited.expect("a 429");
    assert_eq!(limited.code(), "too-many-requests");
    let wait = retry_after(&limited);
    assert!((1..=60).contains(&wait), "Retry-After {wait}");

    // The owner, from elsewhere, is not held up by the guesser.
    let owner = login_from(&server, "198.51.100.7", PERSON, PASSPHRASE).await;
    assert_eq!(owner.status, StatusCode::OK);
    // Neither is an IPv6 client, nor one that only claims another address.
    let claimed = json!({ "iin_bin": PERSON, "password": PASSPHRASE });
    let reply = from_client(
        &server,
        "192.0.2.1",
        "POST",
        LOGIN,
        &[("x-forwarded-for", "203.0.113.50")],
        claimed,
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::TOO_MANY_REQUESTS,
        "X-Forwarded-For is ignored from a peer that is not a trusted proxy"
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    let server = TestServer::with_settings(|settings| {
        settings.trusted_proxies = vec!["10.0.0.2".parse().unwrap()];
        settings.login_limits.client_burst = 2;
        // A minute between attempts, so that none comes back while a loaded debug build hashes.
        settings.login_limits.client_interval = Duration::from_secs(60);
    })
    .await;
    let guess = |client: &'static str| {
        let body = json!({ "iin_bin": PERSON, "password": "not the passphrase" });
        let server = &server;
        async move {
            from_client(
                server,
                "10.0.0.2",
                "POST",
                LOGIN,
                &[("x-forwarded-for", client)],
                body,
            )
            .await
            .status
        }
    };
    assert_eq!(guess("203.0.113.1").await, StatusCode::UNAUTHORIZED);
    assert_eq!(guess("203.0.113.1").await, StatusCode::UNAUTHORIZED);
    assert_eq!(guess("203.0.113.1").await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(guess("203.0.113.2").await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn hashing_runs_off_the_async_workers_so_the_server_keeps_answering() {
    let server = TestServer::start().await;
    server.sign_up_with_password(PERSON).await;
    // Six logins at once (each an Argon2id hash, slow in a debug build) on a current-thread
    // test runtime: if hashing ran on the async worker, /health would wait for all of them.
    let logins: Vec<_> = (0..6)
        .map(|_| {
            let router = server.router.clone();
            tokio::spawn(async move {
                let body = json!({ "iin_bin": PERSON, "password": "wrong passphrase" });
                let request = Request::post(LOGIN)
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(body.to_string()))
                    .unwrap();
                tower::ServiceExt::oneshot(router, request)
                    .await
                    .unwrap()
                    .status()
            })
        })
        .collect();
    tokio::task::yield_now().await;
    let started = std::time::Instant::now();
    let health = server.call("GET", "/api/v1/health", None, None).await;
    let health_took = started.elapsed();
    for login in logins {
        let status = login.await.unwrap();
        assert!(
            [StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS].contains(&status),
            "{status}"
        );
    }
    let all_took = started.elapsed();
    println!("/health during 6 logins: {health_took:?}; the logins: {all_took:?}");
    assert_eq!(health.status, StatusCode::OK);
    assert!(
        health_took * 4 < all_took,
        "/health ({health_took:?}) waited for the hashing ({all_took:?})"
    );
}

// ── 3. No lock-out of the owner ─────────────────────────────────────────────────────

#[tokio::test]
async fn failures_lock_the_password_and_a_sign_in_clears_them() {
    let server = TestServer::with_settings(|settings| {
        settings.login_limits.account_failures = 3;
        settings.login_limits.account_interval = Duration::from_secs(600);
    })
    .await;
    server.sign_up_with_password(PERSON).await;
    // A stranger guesses from many addresses: the account takes three wrong passwords.
    for i in 1..=3 {
        let reply = login_from(&server, &format!("203.0.113.{i}"), PERSON, "stranger guess").await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    }
    let locked = login_from(&server, "198.51.100.7", PERSON, PASSPHRASE).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&locked) > 60);
    // Another account is not affected.
    server.sign_up_with_password(OTHER_PERSON).await;
    let other = login_from(&server, "203.0.113.1", OTHER_PERSON, PASSPHRASE).await;
    assert_eq!(other.status, StatusCode::OK);

    // The owner signs in with an ЭЦП, which clears the lock; the password works again.
    server.state.login_limiter.forget_account(PERSON);
    let owner = login_from(&server, "198.51.100.7", PERSON, PASSPHRASE).await;
    assert_eq!(owner.status, StatusCode::OK);
    // And a successful sign-in clears the failures counted before it.
    for i in 1..=2 {
        login_from(&server, &format!("203.0.113.{i}"), PERSON, "stranger guess").await;
    }
    assert_eq!(
        login_from(&server, "198.51.100.7", PERSON, PASSPHRASE)
            .await
            .status,
        StatusCode::OK
    );
    for i in 1..=2 {
        login_from(&server, &format!("203.0.113.{i}"), PERSON, "stranger guess").await;
    }
    assert_eq!(
        login_from(&server, "198.51.100.7", PERSON, PASSPHRASE)
            .await
            .status,
        StatusCode::OK,
        "two failures after a success do not lock"
    );
}

// ── 4. No redirect outside the app's origins ────────────────────────────────────────

#[tokio::test]
async fn a_forged_host_cannot_send_anyone_outside_the_public_origin() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = medical_duplicate(&server, &owner).await;
    let path = format!("/api/v1/applications/{application}/payments");
    let forged = |return_url: String| {
        let mut request = Request::post(&path)
            .header(header::HOST, "evil.example")
            .header(header::COOKIE, format!("otinish_session={}", owner.token))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json!({ "return_url": return_url }).to_string()))
            .unwrap();
        request.extensions_mut().insert(ConnectInfo(
            "192.0.2.1:40000".parse::<SocketAddr>().unwrap(),
        ));
        server.send(request)
    };
    let reply = forged("https://evil.example/applications/x/payment".into()).await;
    assert_eq!(
        reply.field_error(),
        ("/return_url".into(), "return-url-not-allowed".into())
    );
    // The app's own return address with a forged Host: the gateway page is still ours.
    let reply = forged(return_url(&application)).await;
    assert_eq!(reply.status, StatusCode::CREATED);
    let payment = reply.json();
    let gateway = payment["redirect_url"].as_str().unwrap();
    assert!(gateway.starts_with(&format!("http://{HOST}/")), "{gateway}");
    assert!(!reply.body.windows(12).any(|w| w == b"evil.example"));
    let id = payment["id"].as_str().unwrap();
    let back = applying::press(&server, id, "decline").await;
    let location = back.headers[header::LOCATION].to_str().unwrap();
    assert!(
        location.starts_with(&format!("http://{HOST}/")),
        "{location}"
    );
}

// ── 5. Cookies and transport ────────────────────────────────────────────────────────

#[tokio::test]
async fn the_cookie_is_secure_and_https_is_remembered() {
    let server = TestServer::with_settings(|settings| {
        settings.origins =
            otinish_server::origins::AppOrigins::new("https://otinish.test", &[]).unwrap();
    })
    .await;
    let body = json!({ "iin_bin": PERSON });
    let reply = server
        .call("POST", "/api/v1/auth/test-sign-in", None, Some(body))
        .await;
    let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    for attribute in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] {
        assert!(
            cookie.split("; ").any(|a| a == attribute),
            "{attribute}: {cookie}"
        );
    }
    assert_eq!(
        reply.headers[header::STRICT_TRANSPORT_SECURITY],
        "max-age=31536000"
    );
    let anonymous = server.call("GET", "/api/v1/auth/me", None, None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.headers[header::WWW_AUTHENTICATE], "Bearer");

    // Plain http on loopback, for development: no Secure (the browser would drop the
    // cookie), and no HSTS.
    let development = TestServer::with_settings(|settings| {
        settings.origins =
            otinish_server::origins::AppOrigins::new("http://127.0.0.1:8080", &[]).unwrap();
        settings.secure_cookies = false;
    })
    .await;
    let body = json!({ "iin_bin": PERSON });
    let reply = development
        .call("POST", "/api/v1/auth/test-sign-in", None, Some(body))
        .await;
    let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(!cookie.contains("Secure"), "{cookie}");
    assert!(
        !reply
            .headers
            .contains_key(header::STRICT_TRANSPORT_SECURITY)
    );
}

// ── 6. Personal data is not cached ──────────────────────────────────────────────────

#[tokio::test]
async fn answers_with_personal_data_are_not_stored_by_any_cache() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = medical_duplicate(&server, &owner).await;
    start_payment(&server, &owner, &application).await;
    for path in [
        "/api/v1/auth/me".to_string(),
        "/api/v1/applications".to_string(),
        format!("/api/v1/applications/{application}"),
        format!("/api/v1/applications/{application}/payments"),
        format!("/api/v1/applications/{application}/history"),
        format!("/api/v1/applications/{application}/signing-data"),
    ] {
        let reply = server.call("GET", &path, Some(&owner.token), None).await;
        assert!(reply.status.is_success() || reply.status.is_client_error());
        assert_eq!(
            reply
                .headers
                .get(header::CACHE_CONTROL)
                .map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{path} ({})",
            reply.status
        );
    }
}

// ── 7. No error detail ──────────────────────────────────────────────────────────────

#[tokio::test]
async fn a_storage_failure_answers_its_code_and_nothing_of_the_cause() {
    let server = TestServer::start().await;
    let token = server.sign_up_with_password(PERSON).await;
    // The database goes away: every query fails from now on.
    server.state.db.close().await;
    let reply = server
        .call("GET", "/api/v1/applications", Some(&token), None)
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "storage-unavailable".into()
        )
    );
    let body = reply.json();
    assert_eq!(body.get("detail"), None, "{body}");
    let text = String::from_utf8_lossy(&reply.body).to_lowercase();
    assert!(
        !text.contains("pool") && !text.contains("sqlite") && !text.contains("postgres"),
        "{text}"
    );
}

// ── 8. Weak passwords ───────────────────────────────────────────────────────────────

#[tokio::test]
async fn guessable_passwords_and_the_own_identifier_are_refused() {
    let server = TestServer::start().await;
    // A password is set by a person already signed in (with ЭЦП, here the test sign-in).
    let token = server.sign_up(PERSON).await;
    for (password, code) in [
        (" ".repeat(15), "password-too-common"),
        ("b".repeat(15), "password-too-common"),
        ("\u{0}".repeat(15), "password-too-common"),
        (format!("{PERSON}abc"), "password-contains-iin-bin"),
        (format!("мой {PERSON} пароль"), "password-contains-iin-bin"),
    ] {
        let body = json!({ "password": password });
        let reply = server
            .call("PUT", "/api/v1/auth/password", Some(&token), Some(body))
            .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{password:?}"
        );
        assert_eq!(
            reply.field_error(),
            ("/password".into(), code.into()),
            "{password:?}"
        );
    }
    let body = json!({ "password": PASSPHRASE });
    let reply = server
        .call("PUT", "/api/v1/auth/password", Some(&token), Some(body))
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
}

// ── 9. Cross-site requests ──────────────────────────────────────────────────────────

#[tokio::test]
async fn a_cookie_request_from_another_site_is_refused() {
    let server = TestServer::start().await;
    let token = server.sign_up_with_password(PERSON).await;
    let start = |headers: Vec<(&'static str, String)>| {
        let mut request =
            Request::post("/api/v1/applications").header(header::CONTENT_TYPE, "application/json");
        for (name, value) in headers {
            request = request.header(name, value);
        }
        let body = json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "issue", "targets": ["licence"] });
        server.send(request.body(Body::from(body.to_string())).unwrap())
    };
    let cookie = (header::COOKIE.as_str(), format!("otinish_session={token}"));
    for forged in [
        vec![cookie.clone(), ("origin", "https://evil.example".into())],
        vec![cookie.clone(), ("origin", "null".into())],
        vec![cookie.clone(), ("sec-fetch-site", "cross-site".into())],
    ] {
        let reply = start(forged.clone()).await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::FORBIDDEN, "cross-site-request".into()),
            "{forged:?}"
        );
    }
    let applications = server
        .call("GET", "/api/v1/applications", Some(&token), None)
        .await
        .json();
    assert_eq!(applications["items"], json!([]), "nothing was created");

    for allowed in [
        vec![cookie.clone(), ("origin", format!("http://{HOST}"))],
        vec![cookie.clone(), ("sec-fetch-site", "same-origin".into())],
        vec![cookie.clone()],
        // A bearer token cannot be lent to another site's page.
        vec![
            ("authorization", format!("Bearer {token}")),
            ("origin", "https://evil.example".into()),
        ],
    ] {
        let reply = start(allowed.clone()).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{allowed:?}");
    }
}

// ── 10. The draft-versus-payment race ───────────────────────────────────────────────

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discarding_a_draft_while_paying_for_it_never_fails_the_server() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let db = &server.state.db;
    for round in 0..10 {
        let application = medical_duplicate(&server, &owner).await;
        let path = format!("/api/v1/applications/{application}");
        let (paying, discarding) = tokio::join!(
            start_payment(&server, &owner, &application),
            server.call("DELETE", &path, Some(&owner.token), None),
        );
        for reply in [&paying, &discarding] {
            assert!(
                !reply.status.is_server_error(),
                "round {round}: {} {}",
                reply.status,
                String::from_utf8_lossy(&reply.body)
            );
        }
        let exists = db.any_application(&application).await.unwrap().is_some();
        let payments = db.payments_of(&application).await.unwrap().len();
        match discarding.status {
            StatusCode::NO_CONTENT => {
                assert!(!exists && payments == 0, "round {round}");
                assert!(
                    [
                        StatusCode::NOT_FOUND,
                        StatusCode::CONFLICT,
                        StatusCode::UNPROCESSABLE_ENTITY
                    ]
                    .contains(&paying.status),
                    "round {round}: {}",
                    paying.status
                );
            }
            StatusCode::CONFLICT => {
                assert!(exists && payments == 1, "round {round}");
                assert_eq!(paying.status, StatusCode::CREATED, "round {round}");
            }
            other => panic!("round {round}: discarding answered {other}"),
        }
    }
}
