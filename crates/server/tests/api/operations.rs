//! What an operator watches: `/metrics` (scraped after a journey, its counters moved),
//! who may read it, and liveness against readiness (a database that does not answer, a
//! draining instance).

use crate::applying::{self, applicant, medical_duplicate, pay};
use crate::common::{PERSON, Reply, TestServer};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use serde_json::json;
use std::net::SocketAddr;
use std::sync::atomic::Ordering;

const TOKEN: &str = "metrics-test-token";

async fn get(server: &TestServer, path: &str, token: Option<&str>) -> Reply {
    let mut request = Request::get(path);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    server.send(request.body(Body::empty()).unwrap()).await
}

async fn scrape(server: &TestServer) -> String {
    let reply = get(server, "/metrics", Some(TOKEN)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/openmetrics-text")
    );
    String::from_utf8(reply.body).unwrap()
}

/// The value of the sample `name` (with its labels as written), 0 when absent.
fn sample(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
        .map_or(0.0, |value| value.trim().parse().unwrap())
}

#[tokio::test]
async fn a_journey_moves_the_counters() {
    let server = TestServer::with_settings(|settings| {
        settings.login_limits.client_burst = 2;
    })
    .await;
    let before = scrape(&server).await;
    assert_eq!(sample(&before, "otinish_submissions_total"), 0.0);

    // A journey: signed in, a draft with its answers, paid, submitted.
    let owner = applicant(&server, PERSON).await;
    let application = medical_duplicate(&server, &owner).await;
    pay(&server, &owner, &application).await;
    let signed = json!({ "version": 1, "signature": { "method": "test" } });
    let submitted = applying::call(
        &server,
        "POST",
        &format!("/api/v1/applications/{application}/submission"),
        Some(&owner.token),
        &[("idempotency-key", "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b")],
        Some(signed),
    )
    .await;
    assert_eq!(submitted.status, StatusCode::CREATED);
    // A file for another draft.
    let issue = server
        .call(
            "POST",
            "/api/v1/applications",
            Some(&owner.token),
            Some(json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "issue", "targets": ["licence"] })),
        )
        .await;
    let issue = issue.json()["id"].as_str().unwrap().to_string();
    let mut pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    pdf.resize(4096, b'0');
    let mut body =
        b"--b\r\nContent-Disposition: form-data; name=\"document\"\r\n\r\nqualification-form\r\n\
        --b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.pdf\"\r\n\r\n"
            .to_vec();
    body.extend_from_slice(&pdf);
    body.extend_from_slice(b"\r\n--b--\r\n");
    let uploaded = server
        .send(
            Request::post(format!("/api/v1/applications/{issue}/documents"))
                .header(header::COOKIE, format!("otinish_session={}", owner.token))
                .header(header::CONTENT_TYPE, "multipart/form-data; boundary=b")
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    assert_eq!(uploaded.status, StatusCode::CREATED);
    // One client asking for sign-in challenges past its burst of two.
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let mut request = Request::post("/api/v1/auth/challenge")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{}"))
            .unwrap();
        let peer: SocketAddr = "192.0.2.7:40000".parse().unwrap();
        request.extensions_mut().insert(ConnectInfo(peer));
        statuses.push(server.send(request).await.status);
    }
    assert_eq!(
        statuses.last(),
        Some(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );

    let after = scrape(&server).await;
    assert!(
        after.contains("# TYPE otinish_http_requests counter"),
        "{after}"
    );
    assert_eq!(sample(&after, "otinish_submissions_total"), 1.0, "{after}");
    assert_eq!(sample(&after, "otinish_uploads_total"), 1.0);
    assert_eq!(sample(&after, "otinish_upload_bytes_total"), 4096.0);
    assert_eq!(sample(&after, "otinish_rate_limited_total"), 1.0);
    let created =
        r#"otinish_http_requests_total{method="POST",route="/api/v1/applications",status="201"}"#;
    assert_eq!(sample(&after, created), 1.0, "{after}");
    let submissions = r#"otinish_http_requests_total{method="POST",route="/api/v1/applications/{application_id}/submission",status="201"}"#;
    assert_eq!(sample(&after, submissions), 1.0, "{after}");
    let timed = r#"otinish_http_request_duration_seconds_count{method="POST",route="/api/v1/applications/{application_id}/submission"}"#;
    assert_eq!(sample(&after, timed), 1.0, "{after}");
    assert!(
        sample(&after, "otinish_db_pool_connections") >= 1.0,
        "{after}"
    );
    // The route is the pattern, never the path a client sent.
    assert!(!after.contains(&application), "{after}");
}

#[tokio::test]
async fn metrics_are_for_the_bearer_of_the_token_only() {
    let server = TestServer::start().await;
    for token in [None, Some("guess")] {
        let reply = get(&server, "/metrics", token).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{token:?}");
        assert!(reply.body.is_empty());
    }
    let closed = TestServer::with_settings(|settings| settings.metrics_token = None).await;
    assert_eq!(
        get(&closed, "/metrics", Some(TOKEN)).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn readiness_fails_while_draining_or_without_the_database_and_liveness_does_not() {
    let server = TestServer::start().await;
    assert_eq!(get(&server, "/livez", None).await.status, StatusCode::OK);
    let ready = get(&server, "/readyz", None).await;
    assert_eq!(ready.status, StatusCode::OK);
    assert_eq!(
        ready.json(),
        json!({ "status": "ok", "database": "ok", "storage": "ok" })
    );

    server.state.draining.store(true, Ordering::Relaxed);
    let draining = get(&server, "/readyz", None).await;
    assert_eq!(draining.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(draining.json()["status"], "draining");
    // Still answering the requests it gets meanwhile.
    assert_eq!(
        get(&server, "/api/v1/health", None).await.status,
        StatusCode::OK
    );
    server.state.draining.store(false, Ordering::Relaxed);

    server.state.db.close().await;
    // Readiness looks at the database at most every two seconds, whoever asks.
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let unready = get(&server, "/readyz", None).await;
    assert_eq!(unready.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(unready.json()["database"], "unavailable");
    assert_eq!(get(&server, "/livez", None).await.status, StatusCode::OK);
}
