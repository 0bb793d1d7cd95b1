//! Signing and submitting through the API: the signing data, the idempotency key, the test
//! signer and a detached CMS, the checks of the package and the payment, and the reference
//! number and dates a submission sets.

use crate::applying;
use crate::common;

use applying::*;
use axum::http::{StatusCode, header};
use base64::Engine;
use common::{COMPANY, OTHER_PERSON, PERSON, Reply, TestServer};
use otinish_core::api::{ReferenceNumber, SubmitRequest};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const KEY: &str = "5b0c2f3e-7d41-4a8e-9f26-1c3d5e7f9a0b";

fn test_signature(version: u64) -> Value {
    json!({ "version": version, "signature": { "method": "test" } })
}

async fn signing_data(server: &TestServer, owner: &Applicant, application: &str) -> Reply {
    call(
        server,
        "GET",
        &format!("/api/v1/applications/{application}/signing-data"),
        Some(&owner.token),
        &[],
        None,
    )
    .await
}

async fn submit(
    server: &TestServer,
    owner: &Applicant,
    application: &str,
    key: Option<&str>,
    body: Value,
) -> Reply {
    let headers: Vec<(&str, &str)> = key
        .map(|key| ("idempotency-key", key))
        .into_iter()
        .collect();
    call(
        server,
        "POST",
        &format!("/api/v1/applications/{application}/submission"),
        Some(&owner.token),
        &headers,
        Some(body),
    )
    .await
}

/// The signing data's bytes, checked against its own digest.
fn signed_bytes(reply: &Reply) -> Vec<u8> {
    assert_eq!(reply.status, StatusCode::OK, "{}", text(reply));
    let data = reply.json();
    assert_eq!(data["media_type"], "application/json");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data["data"].as_str().unwrap())
        .unwrap();
    assert_eq!(data["sha256"], hex::encode(Sha256::digest(&bytes)).as_str());
    bytes
}

/// Whether a signature is kept for the application, and how often it was delivered.
async fn signed_and_delivered(server: &TestServer, application: &str) -> (bool, usize) {
    let db = &server.state.db;
    let signed = db.stored_signature(application).await.unwrap().is_some();
    let delivered = db
        .status_history(application)
        .await
        .unwrap()
        .iter()
        .filter(|entry| entry.status == otinish_core::api::ApplicationStatus::Delivered)
        .count();
    (signed, delivered)
}

/// What the submission's dates must be for a request received now (local time).
fn expected_schedule(
    service: &str,
    provider: &str,
    sub_case: otinish_core::catalog::SubCase,
) -> (String, Option<String>) {
    let provision = otinish_core::catalog::catalog()
        .service(service)
        .unwrap()
        .provision(provider)
        .unwrap();
    let now = otinish_server::clock::now().naive_local();
    (
        otinish_core::calendar::registration_day(now).to_string(),
        otinish_core::status::expected_result(provision, sub_case, now)
            .map(|due| due.date().to_string()),
    )
}

#[tokio::test]
async fn the_paid_path_ends_delivered_with_a_reference_number_and_dates() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = medical_duplicate(&server, &owner).await;

    let unpaid = signing_data(&server, &owner, &application).await;
    assert_eq!(
        (unpaid.status, unpaid.code()),
        (StatusCode::CONFLICT, "payment-required".into())
    );
    let payment = pay(&server, &owner, &application).await;
    assert_eq!(payment["status"], "paid");

    let reply = signing_data(&server, &owner, &application).await;
    assert_eq!(reply.json()["version"], 1);
    let bytes = signed_bytes(&reply);
    let signed: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(signed["format"], "otinish-signing-data/1");
    assert_eq!(signed["application"], application.as_str());
    assert_eq!(
        signed["applicant"],
        json!({ "kind": "individual", "iin_bin": PERSON })
    );
    assert_eq!(signed["answers"], medical_duplicate_answers());
    assert_eq!(signed["fee"]["kind"], "paid");
    assert_eq!(signed["fee"]["payment"], payment["id"]);
    assert_eq!(
        signed["fee"]["receipt_number"],
        payment["receipt"]["number"]
    );
    // Asking again gives the very same bytes.
    assert_eq!(
        signed_bytes(&signing_data(&server, &owner, &application).await),
        bytes
    );

    let (registered_on, due_date) = expected_schedule(
        "medical-licence",
        "vko-health",
        otinish_core::catalog::SubCase::Duplicate,
    );
    let reply = submit(&server, &owner, &application, Some(KEY), test_signature(1)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", text(&reply));
    assert_eq!(
        reply.headers[header::LOCATION],
        format!("/api/v1/applications/{application}").as_str()
    );
    let submission = reply.json();
    assert_eq!(submission["application_id"], application.as_str());
    assert_eq!(submission["status"], "delivered");
    let reference = submission["reference_number"].as_str().unwrap();
    assert!(ReferenceNumber::parse(reference).is_some(), "{reference}");
    assert!(
        submission["submitted_at"]
            .as_str()
            .unwrap()
            .ends_with("+05:00")
    );
    assert_eq!(submission["registered_on"], registered_on.as_str());
    assert_eq!(submission["due_date"].as_str(), due_date.as_deref());
    assert!(
        due_date.is_some(),
        "East Kazakhstan gives two working days for a duplicate"
    );

    assert_eq!(
        status_and_history(&server, &application).await,
        (
            "delivered".to_string(),
            ["draft", "awaiting-payment", "paid", "signed", "delivered"]
                .map(String::from)
                .to_vec()
        )
    );
    let db = &server.state.db;
    let stored = db.any_application(&application).await.unwrap().unwrap();
    assert_eq!(
        (
            stored.reference_number.map(|number| number.to_string()),
            stored.due_date.map(|date| date.to_string()),
            stored.registered_on.map(|date| date.to_string())
        ),
        (
            Some(reference.to_string()),
            due_date.map(|date| date.to_string()),
            Some(registered_on.to_string())
        )
    );
    let signature = db.stored_signature(&application).await.unwrap().unwrap();
    assert_eq!(
        (signature.method.as_str(), signature.signed_data),
        ("test", bytes)
    );

    let after = signing_data(&server, &owner, &application).await;
    assert_eq!(
        (after.status, after.code()),
        (StatusCode::CONFLICT, "already-submitted".into())
    );
    assert_eq!(after.json()["params"]["reference_number"], reference);
    let another_key = submit(
        &server,
        &owner,
        &application,
        Some("0b0c2f3e-7d41-4a8e-9f26-1c3d5e7f9a0b"),
        test_signature(1),
    )
    .await;
    assert_eq!(
        (another_key.status, another_key.code()),
        (StatusCode::CONFLICT, "already-submitted".into())
    );
    assert_eq!(another_key.json()["params"]["reference_number"], reference);
}

#[tokio::test]
async fn a_service_without_a_payment_step_goes_from_draft_straight_to_signed() {
    let server = TestServer::start().await;
    let owner = applicant(&server, COMPANY).await;
    let application = free_certificate(&server, &owner).await;

    let signed: Value = serde_json::from_slice(&signed_bytes(
        &signing_data(&server, &owner, &application).await,
    ))
    .unwrap();
    // No source gives the certificate's fee: it is settled with the provider, not paid here.
    assert_eq!(signed["fee"], json!({ "kind": "unknown" }));
    assert_eq!(signed["applicant"]["kind"], "legal-entity");

    let reply = submit(&server, &owner, &application, Some(KEY), test_signature(1)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", text(&reply));
    let (registered_on, due_date) = expected_schedule(
        "end-user-certificate",
        "mint-industry-committee",
        otinish_core::catalog::SubCase::Issue,
    );
    assert_eq!(reply.json()["registered_on"], registered_on.as_str());
    assert_eq!(reply.json()["due_date"].as_str(), due_date.as_deref());
    assert_eq!(
        status_and_history(&server, &application).await,
        (
            "delivered".to_string(),
            ["draft", "signed", "delivered"].map(String::from).to_vec()
        )
    );
}

#[tokio::test]
async fn a_fee_without_a_rate_is_settled_by_a_receipt_or_an_entered_payment() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let pharmacy = || pharmacy_duplicate(&server, &owner);

    // A licence fee is due: neither signed nor sent until it is settled.
    let by_receipt = pharmacy().await;
    let unsettled = signing_data(&server, &owner, &by_receipt).await;
    assert_eq!(
        (unsettled.status, unsettled.code()),
        (StatusCode::CONFLICT, "payment-required".into())
    );
    // A receipt of a payment made elsewhere settles it; the receipt is among the signed files.
    attach(&server, &by_receipt, "fee-receipt").await;
    let signed: Value = serde_json::from_slice(&signed_bytes(
        &signing_data(&server, &owner, &by_receipt).await,
    ))
    .unwrap();
    assert_eq!(signed["fee"], json!({ "kind": "unknown" }));
    assert_eq!(signed["documents"][0]["document"], "fee-receipt");
    let reply = submit(&server, &owner, &by_receipt, Some(KEY), test_signature(1)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", text(&reply));
    assert_eq!(
        status_and_history(&server, &by_receipt).await,
        (
            "delivered".to_string(),
            ["draft", "signed", "delivered"].map(String::from).to_vec()
        )
    );

    // So does a gateway payment of the amount the applicant entered, signed without an МРП.
    let by_gateway = pharmacy().await;
    let created = start_entered_payment(&server, &owner, &by_gateway, json!(30_000)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", text(&created));
    let payment_id = created.json()["id"].as_str().unwrap().to_string();
    assert_eq!(
        press(&server, &payment_id, "pay").await.status,
        StatusCode::SEE_OTHER
    );
    let signed: Value = serde_json::from_slice(&signed_bytes(
        &signing_data(&server, &owner, &by_gateway).await,
    ))
    .unwrap();
    assert_eq!(signed["fee"]["kind"], "paid");
    assert_eq!(signed["fee"]["tenge"], 30_000);
    assert_eq!(signed["fee"]["mrp_tenths"], Value::Null);
}

#[tokio::test]
async fn a_retry_with_the_same_key_gets_the_first_answer_and_submits_once() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;

    let first = submit(&server, &owner, &application, Some(KEY), test_signature(1)).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", text(&first));
    // The same body spelt otherwise, and the key quoted as a Structured Field string.
    let quoted = format!("\"{}\"", KEY.to_uppercase());
    let retry = submit(
        &server,
        &owner,
        &application,
        Some(&quoted),
        json!({ "signature": { "simulate": "valid", "method": "test" }, "version": 1 }),
    )
    .await;
    assert_eq!(retry.status, StatusCode::CREATED);
    assert_eq!(retry.body, first.body);
    assert_eq!(
        retry.headers[header::LOCATION],
        first.headers[header::LOCATION]
    );

    let other_body = submit(
        &server,
        &owner,
        &application,
        Some(KEY),
        json!({ "version": 2, "signature": { "method": "test" } }),
    )
    .await;
    assert_eq!(
        (other_body.status, other_body.code()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency-key-reused".into()
        )
    );

    assert_eq!(signed_and_delivered(&server, &application).await, (true, 1));
}

#[tokio::test]
async fn concurrent_requests_with_one_key_submit_once() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    let (a, b, c) = tokio::join!(
        submit(&server, &owner, &application, Some(KEY), test_signature(1)),
        submit(&server, &owner, &application, Some(KEY), test_signature(1)),
        submit(&server, &owner, &application, Some(KEY), test_signature(1)),
    );
    let mut references = std::collections::BTreeSet::new();
    for reply in [&a, &b, &c] {
        match reply.status {
            StatusCode::CREATED => {
                references.insert(
                    reply.json()["reference_number"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                );
            }
            StatusCode::CONFLICT => assert_eq!(reply.code(), "idempotency-key-in-flight"),
            other => panic!("{other}: {}", text(reply)),
        }
    }
    assert_eq!(references.len(), 1);
    assert_eq!(signed_and_delivered(&server, &application).await, (true, 1));
}

#[tokio::test]
async fn concurrent_requests_with_other_keys_submit_once() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    let keys = [
        "0a6f1c2e-3b4d-4e5f-8a7b-9c0d1e2f3a4b",
        "1b7f2d3e-4c5d-4f6a-9b8c-0d1e2f3a4b5c",
        "2c8f3e4f-5d6e-4a7b-8c9d-1e2f3a4b5c6d",
    ];
    let replies = futures_util::future::join_all(
        keys.map(|key| submit(&server, &owner, &application, Some(key), test_signature(1))),
    )
    .await;
    let mut created = 0;
    for reply in &replies {
        match reply.status {
            StatusCode::CREATED => created += 1,
            // Checked after the first submitted, or checked before and written after.
            StatusCode::CONFLICT => assert!(
                ["already-submitted", "version-conflict"].contains(&reply.code().as_str()),
                "{}",
                text(reply)
            ),
            other => panic!("{other}: {}", text(reply)),
        }
    }
    assert_eq!(created, 1);
    assert_eq!(signed_and_delivered(&server, &application).await, (true, 1));
}

/// The transaction's own check, which requests rarely reach (the handler checks first): an
/// application that moved on since it was read gets nothing written, not even a history.
#[tokio::test]
async fn a_submission_of_an_application_that_moved_on_writes_nothing() {
    use otinish_server::db::{
        IdempotencyKey, StoredResponse, SubmissionRecord, SubmissionRecorded,
    };
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    let db = &server.state.db;
    let history = db.status_history(&application).await.unwrap().len();
    let response = StoredResponse {
        status: 201,
        body: b"{}".to_vec(),
        location: None,
    };
    let record = |key, read_version| SubmissionRecord {
        application_id: &application,
        read_status: otinish_core::api::ApplicationStatus::Draft,
        read_version,
        reference: "",
        submitted_at: "2026-12-05T10:00:00.000Z",
        registered_on: "2026-12-05",
        expected_result: None,
        delivered_due: None,
        method: "test",
        signed_data: b"{}",
        signed_sha256: "00",
        cms: None,
        signed_with: None,
        egov_mobile_session: None,
        key: IdempotencyKey {
            account_id: owner.account_id,
            key,
            request_hash: "hash",
        },
        response: &response,
    };
    let reference = |number: u64| ReferenceNumber::from_number(number).to_string();
    let (first, second) = (reference(1), reference(2));
    let stale = db
        .record_submission(&SubmissionRecord {
            reference: &first,
            ..record(KEY, 2)
        })
        .await
        .unwrap();
    assert!(matches!(stale, SubmissionRecorded::Moved));
    assert_eq!(
        db.status_history(&application).await.unwrap().len(),
        history
    );
    assert_eq!(
        signed_and_delivered(&server, &application).await,
        (false, 0)
    );

    let submitted = db
        .record_submission(&SubmissionRecord {
            reference: &first,
            ..record(KEY, 1)
        })
        .await
        .unwrap();
    assert!(matches!(submitted, SubmissionRecorded::Recorded));
    // Submitted already, under another key: moved on, and its signature is not in the way.
    let again = db
        .record_submission(&SubmissionRecord {
            reference: &second,
            ..record("6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", 1)
        })
        .await
        .unwrap();
    assert!(matches!(again, SubmissionRecorded::Moved));
    assert_eq!(signed_and_delivered(&server, &application).await, (true, 1));
    assert_eq!(
        db.status_history(&application).await.unwrap().len(),
        history + 2
    );

    // Another application under the key already used: nothing of it is written either.
    let other = free_certificate(&server, &owner).await;
    let third = reference(3);
    let taken = db
        .record_submission(&SubmissionRecord {
            application_id: &other,
            reference: &third,
            ..record(KEY, 1)
        })
        .await
        .unwrap();
    assert!(matches!(taken, SubmissionRecorded::KeyTaken));
    assert_eq!(signed_and_delivered(&server, &other).await, (false, 0));
    assert_eq!(status_and_history(&server, &other).await.0, "draft");
}

#[tokio::test]
async fn a_key_still_in_flight_answers_409_and_a_missing_or_malformed_one_400() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;

    // A first request holding the key right now, as an older instance stores it.
    let request: SubmitRequest = serde_json::from_value(test_signature(1)).unwrap();
    let mut hasher = Sha256::new();
    hasher.update(application.as_bytes());
    hasher.update(b"\n");
    hasher.update(serde_json::to_vec(&request).unwrap());
    let held = server
        .state
        .db
        .hold_idempotency_key(&otinish_server::db::IdempotencyKey {
            account_id: owner.account_id,
            key: KEY,
            request_hash: &hex::encode(hasher.finalize()),
        })
        .await
        .unwrap();
    assert!(held);
    let in_flight = submit(&server, &owner, &application, Some(KEY), test_signature(1)).await;
    assert_eq!(
        (in_flight.status, in_flight.code()),
        (StatusCode::CONFLICT, "idempotency-key-in-flight".into())
    );

    let missing = submit(&server, &owner, &application, None, test_signature(1)).await;
    assert_eq!(
        (missing.status, missing.code()),
        (StatusCode::BAD_REQUEST, "idempotency-key-missing".into())
    );
    assert_eq!(
        missing.field_error(),
        ("Idempotency-Key".into(), "required".into())
    );
    let malformed = submit(
        &server,
        &owner,
        &application,
        Some("once"),
        test_signature(1),
    )
    .await;
    assert_eq!(
        (malformed.status, malformed.code()),
        (StatusCode::BAD_REQUEST, "malformed-request".into())
    );
    assert_eq!(
        malformed.field_error(),
        ("Idempotency-Key".into(), "bad-format".into())
    );
    assert_eq!(status_and_history(&server, &application).await.0, "draft");
}

#[tokio::test]
async fn missing_answers_and_documents_are_named_and_nothing_is_submitted() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let mut answers = medical_duplicate_answers();
    answers["contacts"]
        .as_object_mut()
        .unwrap()
        .remove("contact-phone");
    answers["activity-address"] =
        json!({ "activity-address": "г. Усть-Каменогорск, ул. Казахстан, 64" });
    let application = draft(
        &server,
        &owner,
        "medical-licence",
        "vko-health",
        "issue",
        answers,
    )
    .await;

    for reply in [
        signing_data(&server, &owner, &application).await,
        submit(&server, &owner, &application, Some(KEY), test_signature(1)).await,
    ] {
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "validation-failed".into())
        );
        assert_eq!(
            field_errors(&reply),
            vec![
                (
                    "/answers/contacts/contact-phone".to_string(),
                    "required".to_string()
                ),
                (
                    "/documents/qualification-form".to_string(),
                    "document-missing".to_string()
                ),
            ]
        );
    }
    assert_eq!(status_and_history(&server, &application).await.0, "draft");

    // Once the file is there, the package is complete but for the phone.
    attach(&server, &application, "qualification-form").await;
    let reply = signing_data(&server, &owner, &application).await;
    assert_eq!(
        field_errors(&reply),
        vec![(
            "/answers/contacts/contact-phone".to_string(),
            "required".to_string()
        )]
    );
}

#[tokio::test]
async fn a_fee_must_be_paid_and_the_same_key_works_once_it_is() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = medical_duplicate(&server, &owner).await;

    let unpaid = submit(&server, &owner, &application, Some(KEY), test_signature(1)).await;
    assert_eq!(
        (unpaid.status, unpaid.code()),
        (StatusCode::CONFLICT, "payment-required".into())
    );
    // A pending payment is no payment yet.
    let pending = start_payment(&server, &owner, &application).await;
    assert_eq!(pending.status, StatusCode::CREATED);
    let still_unpaid = submit(&server, &owner, &application, Some(KEY), test_signature(1)).await;
    assert_eq!(still_unpaid.code(), "payment-required");

    let payment_id = pending.json()["id"].as_str().unwrap().to_string();
    press(&server, &payment_id, "pay").await;
    let paid = submit(&server, &owner, &application, Some(KEY), test_signature(1)).await;
    assert_eq!(paid.status, StatusCode::CREATED, "{}", text(&paid));
}

#[tokio::test]
async fn the_test_signer_is_refused_outside_test_mode() {
    let server = TestServer::with_settings(|settings| settings.test_mode = false).await;
    let config = server
        .call("GET", "/api/v1/config", None, None)
        .await
        .json();
    assert_eq!(config["test_mode"], false);
    assert!(
        !config["signature_methods"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("test")),
        "outside test mode /config offers no test signer: {config}"
    );
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    let reply = submit(&server, &owner, &application, Some(KEY), test_signature(1)).await;
    assert_eq!(
        (reply.status, reply.code()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "test-signer-disabled".into()
        )
    );
    assert_eq!(status_and_history(&server, &application).await.0, "draft");
    // The refusal freed the key: it is not stuck in flight.
    let again = submit(&server, &owner, &application, Some(KEY), test_signature(1)).await;
    assert_eq!(again.code(), "test-signer-disabled");
}

#[tokio::test]
async fn the_test_signer_plays_each_failing_check() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    for outcome in [
        "signature-invalid",
        "certificate-expired",
        "certificate-revoked",
        "signer-mismatch",
    ] {
        let body = json!({ "version": 1, "signature": { "method": "test", "simulate": outcome } });
        let reply = submit(&server, &owner, &application, Some(KEY), body).await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, outcome.to_string())
        );
    }
    let unknown = submit(
        &server,
        &owner,
        &application,
        Some(KEY),
        json!({ "version": 1, "signature": { "method": "test", "simulate": "lucky" } }),
    )
    .await;
    assert_eq!(
        (unknown.status, unknown.code()),
        (StatusCode::BAD_REQUEST, "malformed-request".into())
    );
    assert_eq!(status_and_history(&server, &application).await.0, "draft");
}

#[tokio::test]
async fn a_stale_version_is_a_conflict() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    let reply = submit(&server, &owner, &application, Some(KEY), test_signature(7)).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::CONFLICT, "version-conflict".into())
    );
    assert_eq!(reply.json()["params"]["current_version"], 1);
    let zero = submit(&server, &owner, &application, Some(KEY), test_signature(0)).await;
    assert_eq!(
        zero.field_error(),
        ("/version".into(), "out-of-range".into())
    );
}

#[tokio::test]
async fn another_accounts_application_is_not_there() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let stranger = applicant(&server, OTHER_PERSON).await;
    let application = free_certificate(&server, &owner).await;

    for reply in [
        signing_data(&server, &stranger, &application).await,
        submit(
            &server,
            &stranger,
            &application,
            Some(KEY),
            test_signature(1),
        )
        .await,
        signing_data(&server, &owner, "not-a-uuid").await,
        submit(
            &server,
            &owner,
            "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30",
            Some(KEY),
            test_signature(1),
        )
        .await,
    ] {
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::NOT_FOUND, "not-found".into())
        );
    }
    // The stranger's key was not taken: the owner may use the same one.
    let own = submit(&server, &owner, &application, Some(KEY), test_signature(1)).await;
    assert_eq!(own.status, StatusCode::CREATED);

    let anonymous = call(
        &server,
        "GET",
        &format!("/api/v1/applications/{application}/signing-data"),
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(
        (anonymous.status, anonymous.code()),
        (StatusCode::UNAUTHORIZED, "unauthenticated".into())
    );
}

// ── A detached CMS ──────────────────────────────────────────────────────────────────────

mod der {
    pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let length = content.len().to_be_bytes();
        if content.len() < 0x80 {
            out.push(content.len() as u8);
        } else {
            let skip = length.iter().take_while(|byte| **byte == 0).count();
            out.push(0x80 | (length.len() - skip) as u8);
            out.extend_from_slice(&length[skip..]);
        }
        out.extend_from_slice(content);
        out
    }

    pub fn seq(parts: &[Vec<u8>]) -> Vec<u8> {
        tlv(0x30, &parts.concat())
    }

    pub fn set(parts: &[Vec<u8>]) -> Vec<u8> {
        tlv(0x31, &parts.concat())
    }

    pub fn oid(arcs: &[u8]) -> Vec<u8> {
        tlv(0x06, arcs)
    }
}

const SIGNED_DATA: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];
const DATA: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01];
const MESSAGE_DIGEST: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x04];
const SHA256: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
const SHA256_WITH_RSA: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B];

struct CmsSpec {
    digest: Vec<u8>,
    not_before: &'static str,
    not_after: &'static str,
    serial_number: String,
}

/// A hand-made CMS in NCALayer's shape with an invented certificate, claiming whatever
/// `spec` says: its signature value is filler, so no backend may accept it.
fn cms(spec: &CmsSpec) -> Vec<u8> {
    use der::*;
    let digest_algorithm = seq(&[oid(SHA256)]);
    let issuer = seq(&[set(&[seq(&[
        oid(&[0x55, 0x04, 0x03]),
        tlv(0x13, b"TEST CA"),
    ])])]);
    let serial = tlv(0x02, &[0x07]);
    let subject = seq(&[set(&[seq(&[
        oid(&[0x55, 0x04, 0x05]),
        tlv(0x13, spec.serial_number.as_bytes()),
    ])])]);
    let tbs = seq(&[
        tlv(0xA0, &tlv(0x02, &[2])),
        serial.clone(),
        seq(&[oid(SHA256_WITH_RSA)]),
        issuer.clone(),
        seq(&[
            tlv(0x17, spec.not_before.as_bytes()),
            tlv(0x18, spec.not_after.as_bytes()),
        ]),
        subject,
        seq(&[seq(&[oid(SHA256_WITH_RSA)]), tlv(0x03, &[0])]),
    ]);
    let certificate = seq(&[tbs, seq(&[oid(SHA256_WITH_RSA)]), tlv(0x03, &[0, 1, 2, 3])]);
    let attributes = tlv(
        0xA0,
        &seq(&[oid(MESSAGE_DIGEST), set(&[tlv(0x04, &spec.digest)])]),
    );
    let signer = seq(&[
        tlv(0x02, &[1]),
        seq(&[issuer, serial]),
        digest_algorithm.clone(),
        attributes,
        seq(&[oid(SHA256_WITH_RSA)]),
        tlv(0x04, &[9, 9, 9]),
    ]);
    let signed_data = seq(&[
        tlv(0x02, &[1]),
        set(&[digest_algorithm]),
        seq(&[oid(DATA)]),
        tlv(0xA0, &certificate),
        set(&[signer]),
    ]);
    // The outer layers with indefinite lengths, as NCALayer writes them.
    let mut blob = vec![0x30, 0x80];
    blob.extend(oid(SIGNED_DATA));
    blob.extend([0xA0, 0x80]);
    blob.extend(signed_data);
    blob.extend([0, 0, 0, 0]);
    blob
}

fn cms_body(blob: &[u8]) -> Value {
    json!({
        "version": 1,
        "signature": { "method": "cms", "cms": base64::engine::general_purpose::STANDARD.encode(blob) }
    })
}

/// A server that verifies against the test PKI, asking `responder` about revocation.
async fn verifying_server(responder: &common::pki::Responder) -> TestServer {
    let url = responder.url.clone();
    TestServer::with_settings(move |settings| {
        settings.trust_store = common::pki::trust_store();
        settings.ocsp_responder = Some(url);
    })
    .await
}

#[tokio::test]
async fn a_hand_made_cms_with_an_invented_certificate_gets_no_reference_number() {
    let responder = common::pki::Responder::start();
    let server = verifying_server(&responder).await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    let bytes = signed_bytes(&signing_data(&server, &owner, &application).await);
    let forged = CmsSpec {
        digest: Sha256::digest(&bytes).to_vec(),
        not_before: "250101000000Z",
        not_after: "20991231235959Z",
        serial_number: format!("IIN{PERSON}"),
    };
    // Whatever it claims (the right digest, dates and ИИН), a CMS whose signature value is
    // not its certificate's is not signed.
    for spec in [
        clone(&forged),
        CmsSpec {
            digest: vec![0; 32],
            ..clone(&forged)
        },
        CmsSpec {
            serial_number: format!("IIN{OTHER_PERSON}"),
            ..clone(&forged)
        },
    ] {
        let reply = submit(
            &server,
            &owner,
            &application,
            Some(KEY),
            cms_body(&cms(&spec)),
        )
        .await;
        assert_eq!(
            (reply.status, reply.code()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                "signature-invalid".to_string()
            )
        );
    }
    let garbage = submit(
        &server,
        &owner,
        &application,
        Some(KEY),
        cms_body(b"not a signature"),
    )
    .await;
    assert_eq!(garbage.code(), "signature-invalid");
    let not_base64 = submit(
        &server,
        &owner,
        &application,
        Some(KEY),
        json!({ "version": 1, "signature": { "method": "cms", "cms": "%%%%" } }),
    )
    .await;
    assert_eq!(
        (not_base64.status, not_base64.code()),
        (StatusCode::BAD_REQUEST, "malformed-request".into())
    );
    assert_eq!(
        not_base64.field_error(),
        ("/signature/cms".into(), "bad-format".into())
    );
    assert_eq!(status_and_history(&server, &application).await.0, "draft");

    // Outside test mode the same: no unverifiable CMS gets a reference number.
    let url = responder.url.clone();
    let real = TestServer::with_settings(move |settings| {
        settings.test_mode = false;
        settings.trust_store = common::pki::trust_store();
        settings.ocsp_responder = Some(url);
    })
    .await;
    let owner = applicant(&real, PERSON).await;
    let application = free_certificate(&real, &owner).await;
    let bytes = signed_bytes(&signing_data(&real, &owner, &application).await);
    let forged = CmsSpec {
        digest: Sha256::digest(&bytes).to_vec(),
        ..clone(&forged)
    };
    let reply = submit(
        &real,
        &owner,
        &application,
        Some(KEY),
        cms_body(&cms(&forged)),
    )
    .await;
    assert_eq!(reply.code(), "signature-invalid");
    let zeros = common::pki::sign(&format!("{PERSON}-sign"), &bytes, &["-md", "sha384"]);
    let reply = submit(&real, &owner, &application, Some(KEY), cms_body(&zeros)).await;
    assert_eq!(reply.code(), "algorithm-unsupported");
    assert_eq!(status_and_history(&real, &application).await.0, "draft");
    let blob = common::pki::sign(&format!("{PERSON}-sign"), &bytes, &[]);
    let reply = submit(&real, &owner, &application, Some(KEY), cms_body(&blob)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", text(&reply));
}

#[tokio::test]
async fn a_real_signature_is_verified_and_the_cms_kept_as_it_came() {
    let responder = common::pki::Responder::start();
    let server = verifying_server(&responder).await;
    let owner = applicant(&server, PERSON).await;
    let application = free_certificate(&server, &owner).await;
    let bytes = signed_bytes(&signing_data(&server, &owner, &application).await);

    for (label, code) in [
        (format!("{OTHER_PERSON}-sign"), "signer-mismatch"),
        (format!("expired-{PERSON}"), "certificate-expired"),
        (format!("revoked-{PERSON}-sign"), "certificate-revoked"),
        (format!("{PERSON}-auth"), "wrong-key-usage"),
        (format!("foreign-{PERSON}"), "certificate-untrusted"),
    ] {
        let blob = common::pki::sign(&label, &bytes, &[]);
        let reply = submit(&server, &owner, &application, Some(KEY), cms_body(&blob)).await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, code.to_string()),
            "{label}"
        );
    }
    let other_bytes = common::pki::sign(&format!("{PERSON}-sign"), b"other bytes", &[]);
    let reply = submit(
        &server,
        &owner,
        &application,
        Some(KEY),
        cms_body(&other_bytes),
    )
    .await;
    assert_eq!(reply.code(), "digest-mismatch");
    assert_eq!(status_and_history(&server, &application).await.0, "draft");

    // OCSP out of reach: refused with its own code, and nothing is submitted.
    let closed = format!("http://127.0.0.1:{}/", common::pki::free_port());
    let unreachable = TestServer::with_settings(move |settings| {
        settings.trust_store = common::pki::trust_store();
        settings.ocsp_responder = Some(closed);
    })
    .await;
    let stranded = applicant(&unreachable, PERSON).await;
    let stranded_application = free_certificate(&unreachable, &stranded).await;
    let stranded_bytes =
        signed_bytes(&signing_data(&unreachable, &stranded, &stranded_application).await);
    let blob = common::pki::sign(&format!("{PERSON}-sign"), &stranded_bytes, &[]);
    let reply = submit(
        &unreachable,
        &stranded,
        &stranded_application,
        Some(KEY),
        cms_body(&blob),
    )
    .await;
    assert_eq!(
        (reply.status, reply.code()),
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "ocsp-unavailable".to_string()
        )
    );

    let blob = common::pki::sign(&format!("{PERSON}-sign"), &bytes, &["-stream"]);
    let reply = submit(&server, &owner, &application, Some(KEY), cms_body(&blob)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", text(&reply));
    let stored = server
        .state
        .db
        .stored_signature(&application)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (stored.method, stored.cms),
        ("cms".to_string(), Some(blob)),
        "the CMS is kept as it came"
    );
}

#[tokio::test]
async fn a_company_signs_with_an_employees_key_that_names_its_bin() {
    let responder = common::pki::Responder::start();
    let server = verifying_server(&responder).await;
    let owner = applicant(&server, COMPANY).await;
    let application = free_certificate(&server, &owner).await;
    let bytes = signed_bytes(&signing_data(&server, &owner, &application).await);
    // The head's personal key is not the company's.
    let personal = common::pki::sign(&format!("{PERSON}-sign"), &bytes, &[]);
    let reply = submit(
        &server,
        &owner,
        &application,
        Some(KEY),
        cms_body(&personal),
    )
    .await;
    assert_eq!(reply.code(), "signer-mismatch");
    let employee = common::pki::sign(&format!("{COMPANY}-sign"), &bytes, &[]);
    let reply = submit(
        &server,
        &owner,
        &application,
        Some(KEY),
        cms_body(&employee),
    )
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", text(&reply));
}

fn clone(spec: &CmsSpec) -> CmsSpec {
    CmsSpec {
        digest: spec.digest.clone(),
        not_before: spec.not_before,
        not_after: spec.not_after,
        serial_number: spec.serial_number.clone(),
    }
}
