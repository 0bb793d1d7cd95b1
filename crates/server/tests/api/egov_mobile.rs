//! eGov mobile through the API, as the browser and the phone app use it, against the test
//! PKI and its OCSP responder: a signed application submitted, a sign-in, and every state
//! and attack (wrong token, reuse, expiry, another account's application, tampered data,
//! another person's key, the bounds).

use crate::applying;
use crate::common;

use applying::*;
use axum::http::StatusCode;
use base64::Engine;
use common::pki::{self, Responder};
use common::{COMPANY, OTHER_PERSON, PERSON, Reply, TestServer};
use serde_json::{Value, json};

const KEY: &str = "0c5e2a71-3b8d-4f60-9a12-7e4d1c9b5f38";

async fn verifying_server(responder: &Responder) -> TestServer {
    verifying_server_with(responder, |_| {}).await
}

/// A server that verifies with the test PKI and asks `responder`, with more settings.
async fn verifying_server_with(
    responder: &Responder,
    more: impl FnOnce(&mut otinish_server::state::Settings),
) -> TestServer {
    let url = responder.url.clone();
    TestServer::with_settings(move |settings| {
        settings.trust_store = pki::trust_store();
        settings.ocsp_responder = Some(url);
        more(settings);
    })
    .await
}

/// A phone's view of a started session: the API №1 path (from the QR code's URL).
struct Started {
    poll: String,
    api1: String,
    start: Value,
}

fn started(reply: &Reply) -> Started {
    assert_eq!(reply.status, StatusCode::CREATED, "{}", text(reply));
    let start = reply.json();
    let qr_text = start["qr_text"].as_str().unwrap();
    let url = qr_text
        .strip_prefix("mobileSign:")
        .expect("the QR code's prefix");
    // The URL is under the configured public URL, never the request's host.
    let api1 = url
        .strip_prefix("http://otinish.test")
        .expect("under --public-url")
        .to_string();
    Started {
        poll: start["poll"].as_str().unwrap().to_string(),
        api1,
        start,
    }
}

async fn start_signing(server: &TestServer, owner: &Applicant, application: &str) -> Reply {
    call(
        server,
        "POST",
        &format!("/api/v1/applications/{application}/egov-mobile"),
        Some(&owner.token),
        &[],
        None,
    )
    .await
}

/// `POST path` with `{"poll": …}`, as the browser asks after its session.
async fn with_poll(server: &TestServer, path: &str, poll: &str) -> Reply {
    call(
        server,
        "POST",
        path,
        None,
        &[],
        Some(json!({ "poll": poll })),
    )
    .await
}

async fn status(server: &TestServer, poll: &str) -> Value {
    let reply = with_poll(server, "/api/v1/egov-mobile/status", poll).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", text(&reply));
    reply.json()
}

/// API №1 then API №2 as the phone does: the bearer token and the bytes to sign.
async fn phone_reads(server: &TestServer, api1: &str) -> (String, String, Vec<u8>) {
    let reply = call(server, "GET", api1, None, &[], None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", text(&reply));
    let first = reply.json();
    assert_eq!(first["document"]["auth_type"], "Token");
    let uri = first["document"]["uri"].as_str().unwrap();
    let api2 = uri.strip_prefix("http://otinish.test").unwrap().to_string();
    let token = first["document"]["auth_token"]
        .as_str()
        .unwrap()
        .to_string();
    let bearer = format!("Bearer {token}");
    let reply = call(
        server,
        "GET",
        &api2,
        None,
        &[("authorization", &bearer)],
        None,
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", text(&reply));
    let second = reply.json();
    assert_eq!(second["signMethod"], "CMS_SIGN_ONLY");
    let data = second["documentsToSign"][0]["document"]["file"]["data"]
        .as_str()
        .unwrap();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    (api2, token, bytes)
}

async fn phone_puts(server: &TestServer, api2: &str, token: &str, cms: &[u8]) -> Reply {
    let body = json!({
        "signMethod": "CMS_SIGN_ONLY", "version": 1,
        "documentsToSign": [{
            "id": 1, "nameRu": "Заявление", "nameKz": "Өтініш", "nameEn": "Application", "meta": [],
            "document": { "file": { "mime": "application/json",
                "data": base64::engine::general_purpose::STANDARD.encode(cms) } }
        }]
    });
    let bearer = format!("Bearer {token}");
    call(
        server,
        "PUT",
        api2,
        None,
        &[("authorization", &bearer), ("accept-language", "kk-KZ")],
        Some(body),
    )
    .await
}

async fn submit_with(
    server: &TestServer,
    owner: &Applicant,
    application: &str,
    poll: &str,
) -> Reply {
    call(
        server,
        "POST",
        &format!("/api/v1/applications/{application}/submission"),
        Some(&owner.token),
        &[("idempotency-key", KEY)],
        Some(json!({ "version": 1, "signature": { "method": "egov-mobile", "poll": poll } })),
    )
    .await
}

#[tokio::test]
async fn an_application_signed_on_the_phone_is_verified_and_submitted_once() {
    let responder = Responder::start();
    let server = verifying_server(&responder).await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    let session = started(&start_signing(&server, &owner, &application).await);
    let links = &session.start["links"];
    assert!(links["egov_mobile"].as_str().unwrap().starts_with(
        "https://mgovsign.page.link/?link=http%3A%2F%2Fotinish.test%2Fapi%2Fv1%2Fegov-mobile%2F"
    ));
    assert!(session.start["qr_svg"].as_str().unwrap().contains("<svg"));
    assert_eq!(status(&server, &session.poll).await["state"], "waiting");
    // Not signed yet: nothing to submit.
    let early = submit_with(&server, &owner, &application, &session.poll).await;
    assert_eq!(
        (early.status, early.code()),
        (StatusCode::CONFLICT, "egov-mobile-not-signed".into())
    );

    let (api2, token, bytes) = phone_reads(&server, &session.api1).await;
    // API №2 without the token, or with another, says nothing.
    for bearer in [
        None,
        Some("Bearer nope".to_string()),
        Some(format!("Bearer {token}x")),
    ] {
        let headers: Vec<(&str, &str)> = bearer
            .as_deref()
            .map(|b| ("authorization", b))
            .into_iter()
            .collect();
        let reply = call(&server, "GET", &api2, None, &headers, None).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{bearer:?}");
        let cms = pki::sign(&format!("{PERSON}-sign"), &bytes, &[]);
        let body = json!({ "signMethod": "CMS_SIGN_ONLY", "version": 1, "documentsToSign": [{
            "id": 1, "nameRu": "", "nameKz": "", "nameEn": "",
            "document": { "file": { "mime": "", "data": base64::engine::general_purpose::STANDARD.encode(cms) } } }] });
        let reply = call(&server, "PUT", &api2, None, &headers, Some(body)).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{bearer:?}");
    }
    // The bytes are the application's signing data.
    let signing_data = call(
        &server,
        "GET",
        &format!("/api/v1/applications/{application}/signing-data"),
        Some(&owner.token),
        &[],
        None,
    )
    .await;
    let expected = base64::engine::general_purpose::STANDARD
        .decode(signing_data.json()["data"].as_str().unwrap())
        .unwrap();
    assert_eq!(bytes, expected);

    let cms = pki::sign(&format!("{PERSON}-sign"), &bytes, &[]);
    let reply = phone_puts(&server, &api2, &token, &cms).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", text(&reply));
    assert_eq!(status(&server, &session.poll).await["state"], "signed");
    // One signature a session: a second is refused, and API №1 is closed.
    let again = phone_puts(&server, &api2, &token, &cms).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.json()["message"].as_str().unwrap().contains("QR"));
    let reread = call(&server, "GET", &session.api1, None, &[], None).await;
    assert_eq!(reread.status, StatusCode::CONFLICT);

    // Another account cannot submit with the secret, nor start a session for the application.
    let stranger = applicant(&server, OTHER_PERSON).await;
    let theirs = start_signing(&server, &stranger, &application).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    let stolen = submit_with(&server, &stranger, &application, &session.poll).await;
    assert_eq!(stolen.status, StatusCode::NOT_FOUND);

    let submitted = submit_with(&server, &owner, &application, &session.poll).await;
    assert_eq!(
        submitted.status,
        StatusCode::CREATED,
        "{}",
        text(&submitted)
    );
    let kept = server
        .state
        .db
        .stored_signature(&application)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (kept.method.as_str(), kept.signed_with.as_deref()),
        ("cms", Some("egov-mobile"))
    );
    assert_eq!(kept.cms, Some(cms), "the phone's CMS kept as it came");
    assert_eq!(status(&server, &session.poll).await["state"], "used");
    // The same request again is the first answer (idempotent), not a second submission.
    let retry = submit_with(&server, &owner, &application, &session.poll).await;
    assert_eq!(retry.body, submitted.body);
}

#[tokio::test]
async fn another_persons_or_tampered_signatures_are_refused_in_words() {
    let responder = Responder::start();
    let server = verifying_server(&responder).await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    for (label, signed, code) in [
        (format!("{OTHER_PERSON}-sign"), None, "signer-mismatch"),
        (
            format!("{PERSON}-sign"),
            Some(&b"other bytes"[..]),
            "digest-mismatch",
        ),
        (format!("{PERSON}-auth"), None, "wrong-key-usage"),
        (
            format!("revoked-{PERSON}-sign"),
            None,
            "certificate-revoked",
        ),
        // A company's employee signing a person's application.
        (format!("{COMPANY}-sign"), None, "signer-mismatch"),
    ] {
        let session = started(&start_signing(&server, &owner, &application).await);
        let (api2, token, bytes) = phone_reads(&server, &session.api1).await;
        let cms = pki::sign(&label, signed.unwrap_or(&bytes), &[]);
        let reply = phone_puts(&server, &api2, &token, &cms).await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::FORBIDDEN, code.to_string()),
            "{label}"
        );
        // The phone shows words (Kazakh, as it asked), never the code.
        let message = reply.json()["message"].as_str().unwrap().to_string();
        assert!(!message.is_empty() && !message.contains(code), "{message}");
        let now = status(&server, &session.poll).await;
        assert_eq!(
            (now["state"].as_str(), now["refusal"].as_str()),
            (Some("refused"), Some(code))
        );
        let submitted = submit_with(&server, &owner, &application, &session.poll).await;
        assert_eq!(submitted.code(), "egov-mobile-not-signed", "{label}");
        // A refused session takes no second try: a new code is needed.
        let good = pki::sign(&format!("{PERSON}-sign"), &bytes, &[]);
        assert_eq!(
            phone_puts(&server, &api2, &token, &good).await.status,
            StatusCode::CONFLICT
        );
    }
}

#[tokio::test]
async fn an_expired_or_cancelled_session_takes_no_signature() {
    let responder = Responder::start();
    // Sessions of two seconds here, so that one expires while the test waits.
    let lifetime = std::time::Duration::from_secs(2);
    let expiring = verifying_server_with(&responder, |settings| {
        settings.egov_mobile_lifetime = lifetime;
    })
    .await;
    let owner = applicant(&expiring, PERSON).await;
    let application = free_certificate(&expiring, &owner).await;
    let begun = std::time::Instant::now();
    let session = started(&start_signing(&expiring, &owner, &application).await);
    let (api2, token, bytes) = phone_reads(&expiring, &session.api1).await;
    tokio::time::sleep(
        (lifetime + std::time::Duration::from_millis(200)).saturating_sub(begun.elapsed()),
    )
    .await;
    assert_eq!(status(&expiring, &session.poll).await["state"], "expired");
    let reread = call(&expiring, "GET", &session.api1, None, &[], None).await;
    assert_eq!(
        (reread.status, reread.code()),
        (StatusCode::GONE, "egov-mobile-expired".into())
    );
    let cms = pki::sign(&format!("{PERSON}-sign"), &bytes, &[]);
    assert_eq!(
        phone_puts(&expiring, &api2, &token, &cms).await.status,
        StatusCode::GONE
    );

    let server = verifying_server(&responder).await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    // A new code works; cancelled, it is closed to the phone.
    let renewed = started(&start_signing(&server, &owner, &application).await);
    let cancel = with_poll(&server, "/api/v1/egov-mobile/cancel", &renewed.poll).await;
    assert_eq!(cancel.status, StatusCode::NO_CONTENT);
    assert_eq!(status(&server, &renewed.poll).await["state"], "cancelled");
    assert_eq!(
        call(&server, "GET", &renewed.api1, None, &[], None)
            .await
            .status,
        StatusCode::CONFLICT
    );
    let twice = with_poll(&server, "/api/v1/egov-mobile/cancel", &renewed.poll).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    // An unknown secret or id is simply not there.
    let unknown = with_poll(&server, "/api/v1/egov-mobile/status", "nope").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(
        call(&server, "GET", "/api/v1/egov-mobile/nope", None, &[], None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_phone_is_told_the_operators_bin_when_one_is_configured() {
    let responder = Responder::start();
    for operator_bin in [None, Some("081140000005")] {
        let server = verifying_server_with(&responder, |settings| {
            settings.operator_bin = operator_bin.map(str::to_string);
        })
        .await;
        let owner = applicant(&server, PERSON).await;
        let application = free_certificate(&server, &owner).await;
        let session = started(&start_signing(&server, &owner, &application).await);
        let api1 = call(&server, "GET", &session.api1, None, &[], None).await;
        assert_eq!(
            api1.json()["organisation"]["bin"],
            operator_bin.unwrap_or_default()
        );
    }
}

#[tokio::test]
async fn test_mode_ends_a_session_on_request_and_only_in_test_mode() {
    let responder = Responder::start();
    let server = verifying_server(&responder).await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    let session = started(&start_signing(&server, &owner, &application).await);
    assert_eq!(status(&server, &session.poll).await["state"], "waiting");
    let expired = with_poll(&server, "/api/v1/egov-mobile/expire", &session.poll).await;
    assert_eq!(expired.status, StatusCode::NO_CONTENT);
    assert_eq!(status(&server, &session.poll).await["state"], "expired");
    let reread = call(&server, "GET", &session.api1, None, &[], None).await;
    assert_eq!(reread.status, StatusCode::GONE);
    // Again changes nothing; an unknown secret is not there.
    let again = with_poll(&server, "/api/v1/egov-mobile/expire", &session.poll).await;
    assert_eq!(again.status, StatusCode::NO_CONTENT);
    let unknown = with_poll(&server, "/api/v1/egov-mobile/expire", "nope").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);

    let live = verifying_server_with(&responder, |settings| settings.test_mode = false).await;
    let owner = applicant(&live, PERSON).await;
    let application = free_certificate(&live, &owner).await;
    let session = started(&start_signing(&live, &owner, &application).await);
    let refused = with_poll(&live, "/api/v1/egov-mobile/expire", &session.poll).await;
    assert_eq!(
        (refused.status, refused.code()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "test-signer-disabled".into()
        )
    );
    assert_eq!(status(&live, &session.poll).await["state"], "waiting");
}

#[tokio::test]
async fn only_the_signed_in_owner_of_a_ready_application_starts_and_only_a_few_at_a_time() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    let anonymous = call(
        &server,
        "POST",
        &format!("/api/v1/applications/{application}/egov-mobile"),
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    // Not ready: an answer is missing (the same check as submission's).
    let incomplete = draft(
        &server,
        &owner,
        "end-user-certificate",
        "mint-industry-committee",
        "issue",
        json!({}),
    )
    .await;
    let reply = start_signing(&server, &owner, &incomplete).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        text(&reply)
    );
    for _ in 0..5 {
        started(&start_signing(&server, &owner, &application).await);
    }
    let more = start_signing(&server, &owner, &application).await;
    assert_eq!(
        (more.status, more.code()),
        (StatusCode::TOO_MANY_REQUESTS, "too-many-requests".into())
    );
}

#[tokio::test]
async fn signing_in_on_the_phone_opens_a_session_for_the_polling_browser_once() {
    let responder = Responder::start();
    let server = verifying_server(&responder).await;
    let start = call(&server, "POST", "/api/v1/auth/egov-mobile", None, &[], None).await;
    let session = started(&start);
    let (api2, token, bytes) = phone_reads(&server, &session.api1).await;
    assert!(String::from_utf8_lossy(&bytes).contains("otinish-sign-in/1"));
    // A signing key does not sign in.
    let wrong = call(&server, "POST", "/api/v1/auth/egov-mobile", None, &[], None).await;
    let wrong = started(&wrong);
    let (wrong_api2, wrong_token, wrong_bytes) = phone_reads(&server, &wrong.api1).await;
    let refused = phone_puts(
        &server,
        &wrong_api2,
        &wrong_token,
        &pki::sign(&format!("{PERSON}-sign"), &wrong_bytes, &[]),
    )
    .await;
    assert_eq!(refused.code(), "wrong-key-usage");
    let not_signed = with_poll(&server, "/api/v1/auth/egov-mobile/sign-in", &wrong.poll).await;
    assert_eq!(not_signed.code(), "egov-mobile-not-signed");

    let cms = pki::sign(&format!("{PERSON}-auth"), &bytes, &[]);
    assert_eq!(
        phone_puts(&server, &api2, &token, &cms).await.status,
        StatusCode::OK
    );
    assert_eq!(status(&server, &session.poll).await["state"], "signed");
    let signed_in = with_poll(&server, "/api/v1/auth/egov-mobile/sign-in", &session.poll).await;
    assert!(signed_in.status.is_success(), "{}", text(&signed_in));
    assert_eq!(signed_in.json()["account"]["iin_bin"], PERSON);
    let cookie = signed_in.session_cookie().expect("a session cookie");
    let me = call(&server, "GET", "/api/v1/auth/me", Some(&cookie), &[], None).await;
    assert_eq!(me.status, StatusCode::OK);
    // Once only.
    let again = with_poll(&server, "/api/v1/auth/egov-mobile/sign-in", &session.poll).await;
    assert_eq!(
        (again.status, again.code()),
        (StatusCode::CONFLICT, "egov-mobile-used".into())
    );
}
