//! Several instances of the backend on one database (as behind a load balancer): a whole
//! journey whose requests alternate between two instances works as on one, because nothing
//! it needs lives in one process's memory (sessions, drafts and their versions, payments,
//! idempotency keys, files in the shared folder); and the demo clock's lease lets one
//! instance at a time move applications. `scripts/postgres-test` runs this on PostgreSQL.

use crate::applying::{self, HOST, applicant, call, medical_duplicate_answers, start_payment};
use crate::common::{PERSON, Reply, TestServer};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;
use std::time::Duration;

const KEY: &str = "8e1f0c2a-3b4d-4c5e-9f60-7a8b9c0d1e2f";
const BOUNDARY: &str = "instances-boundary";

fn text(reply: &Reply) -> String {
    String::from_utf8_lossy(&reply.body).into_owned()
}

/// A multipart upload of one PDF for the qualification form.
async fn upload(server: &TestServer, token: &str, application: &str, pdf: &[u8]) -> Reply {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"document\"\r\n\r\nqualification-form\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"form.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(pdf);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let request = Request::post(format!("/api/v1/applications/{application}/documents"))
        .header(header::HOST, HOST)
        .header(header::COOKIE, format!("otinish_session={token}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(body))
        .unwrap();
    server.send(request).await
}

#[tokio::test]
async fn a_journey_alternating_between_two_instances_goes_as_on_one() {
    let (a, b) = TestServer::pair().await;
    // Signed in on one instance, known to the other.
    let owner = applicant(&a, PERSON).await;
    let token = owner.token.as_str();
    let me = call(&b, "GET", "/api/v1/auth/me", Some(token), &[], None).await;
    assert_eq!(me.status, StatusCode::OK, "{}", text(&me));

    // A draft started on one, its answers saved on the other, the stale version refused.
    let created = call(
        &a,
        "POST",
        "/api/v1/applications",
        Some(token),
        &[],
        Some(json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "duplicate", "targets": ["licence"] })),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", text(&created));
    let id = created.json()["id"].as_str().unwrap().to_string();
    let answers = format!("/api/v1/applications/{id}/answers");
    let body = |version: u64| json!({ "version": version, "answers": medical_duplicate_answers() });
    let saved = call(&b, "PUT", &answers, Some(token), &[], Some(body(1))).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", text(&saved));
    assert_eq!(saved.json()["version"], 2);
    let stale = call(&a, "PUT", &answers, Some(token), &[], Some(body(1))).await;
    assert_eq!(
        (stale.status, stale.code()),
        (StatusCode::CONFLICT, "version-conflict".into())
    );

    // One payment, whichever instance is asked, paid on the gateway page of the other.
    let started = start_payment(&b, &owner, &id).await;
    assert_eq!(started.status, StatusCode::CREATED, "{}", text(&started));
    let payment = started.json()["id"].as_str().unwrap().to_string();
    let again = start_payment(&a, &owner, &id).await;
    assert_eq!(
        (again.status, again.json()["id"].as_str()),
        (StatusCode::OK, Some(payment.as_str()))
    );
    let back = applying::press(&b, &payment, "pay").await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    let paid = call(
        &a,
        "GET",
        &format!("/api/v1/applications/{id}/payments/{payment}"),
        Some(token),
        &[],
        None,
    )
    .await;
    assert_eq!(paid.json()["status"], "paid", "{}", text(&paid));

    // Signed data read on one, submitted on the other, the retry answered by the first.
    let signing = call(
        &b,
        "GET",
        &format!("/api/v1/applications/{id}/signing-data"),
        Some(token),
        &[],
        None,
    )
    .await;
    assert_eq!(signing.status, StatusCode::OK, "{}", text(&signing));
    let version = signing.json()["version"].as_u64().unwrap();
    let submission = format!("/api/v1/applications/{id}/submission");
    let signed = json!({ "version": version, "signature": { "method": "test" } });
    let key = [("idempotency-key", KEY)];
    let first = call(
        &a,
        "POST",
        &submission,
        Some(token),
        &key,
        Some(signed.clone()),
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", text(&first));
    let retry = call(&b, "POST", &submission, Some(token), &key, Some(signed)).await;
    assert_eq!((retry.status, &retry.body), (first.status, &first.body));
    let read = call(
        &b,
        "GET",
        &format!("/api/v1/applications/{id}"),
        Some(token),
        &[],
        None,
    )
    .await;
    assert_eq!(read.json()["status"], "delivered");
    assert_eq!(
        read.json()["reference_number"],
        first.json()["reference_number"]
    );
    let officer = a
        .send(
            Request::get(format!("/api/v1/officer/applications/{id}"))
                .header(header::AUTHORIZATION, "Bearer officer-test-token")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(officer.status, StatusCode::OK, "{}", text(&officer));

    // A file uploaded through one instance is downloaded and removed through the other.
    let issue = call(
        &b,
        "POST",
        "/api/v1/applications",
        Some(token),
        &[],
        Some(json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "issue", "targets": ["licence"] })),
    )
    .await;
    let issue = issue.json()["id"].as_str().unwrap().to_string();
    let mut pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    pdf.resize(4096, b'0');
    let uploaded = upload(&a, token, &issue, &pdf).await;
    assert_eq!(uploaded.status, StatusCode::CREATED, "{}", text(&uploaded));
    let file = format!(
        "/api/v1/applications/{issue}/documents/{}",
        uploaded.json()["id"].as_str().unwrap()
    );
    let downloaded = call(&b, "GET", &file, Some(token), &[], None).await;
    assert_eq!((downloaded.status, downloaded.body), (StatusCode::OK, pdf));
    let removed = call(&b, "DELETE", &file, Some(token), &[], None).await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    let gone = call(&a, "GET", &file, Some(token), &[], None).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);

    // Signed out on one instance, signed out on both.
    let out = call(&b, "POST", "/api/v1/auth/logout", Some(token), &[], None).await;
    assert!(out.status.is_success(), "{}", text(&out));
    let me = call(&a, "GET", "/api/v1/auth/me", Some(token), &[], None).await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn one_instance_at_a_time_holds_the_demo_clock() {
    let (a, b) = TestServer::pair().await;
    let (first, second) = (&a.state.db, &b.state.db);
    let lease = otinish_server::demo_clock::LEASE;
    let long = Duration::from_secs(60);
    assert!(first.take_lease(lease, "a", long).await.unwrap());
    assert!(!second.take_lease(lease, "b", long).await.unwrap());
    // The holder renews it; the other still waits.
    assert!(first.take_lease(lease, "a", long).await.unwrap());
    assert!(!second.take_lease(lease, "b", long).await.unwrap());
    // Given up, it is the other's at once.
    first.release_lease(lease, "a").await.unwrap();
    assert!(second.take_lease(lease, "b", Duration::ZERO).await.unwrap());
    // A lapsed lease (the holder stopped without giving it up) is taken over.
    tokio::time::sleep(Duration::from_millis(5)).await;
    assert!(first.take_lease(lease, "a", long).await.unwrap());
    assert!(!second.take_lease(lease, "b", long).await.unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_claims_of_a_free_lease_give_it_to_one() {
    let (a, b) = TestServer::pair().await;
    let lease = "race";
    let long = Duration::from_secs(60);
    for round in 0..10 {
        let name = format!("{lease}-{round}");
        let (x, y) = tokio::join!(
            a.state.db.take_lease(&name, "a", long),
            b.state.db.take_lease(&name, "b", long),
        );
        assert!(x.unwrap() ^ y.unwrap(), "round {round}: exactly one holder");
    }
}
