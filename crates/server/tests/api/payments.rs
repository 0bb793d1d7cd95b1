//! Paying the fee through the API, the simulated gateway page and the gateway's callback.

use crate::applying;
use crate::common;

use applying::*;
use axum::http::{StatusCode, header};
use common::{OTHER_PERSON, PERSON, TestServer};
use otinish_core::fees::{Quote, quote};
use serde_json::{Value, json};

/// What the backend should charge for a medical licence duplicate today.
fn duplicate_fee_today() -> (u32, u32, u64) {
    let service = otinish_core::catalog::catalog()
        .service("medical-licence")
        .unwrap();
    let today = otinish_server::clock::now().date_naive();
    match quote(
        &service.fee,
        otinish_core::catalog::SubCase::Duplicate,
        today,
    ) {
        Quote::Due {
            mrp_tenths,
            mrp,
            tenge,
        } => (mrp_tenths, mrp, tenge),
        other => panic!("a duplicate of a medical licence has a fee, not {other:?}"),
    }
}

fn callback(outcome: &str, tenge: u64, receipt: Option<&str>) -> Value {
    let mut body = json!({
        "outcome": outcome,
        "tenge": tenge,
        "at": "2026-11-23T10:04:00+05:00",
        "gateway_reference": "PSHEP-2342"
    });
    if let Some(number) = receipt {
        body["receipt_number"] = json!(number);
    }
    body
}

async fn gateway_callback(
    server: &TestServer,
    payment_id: &str,
    token: &str,
    body: Value,
) -> common::Reply {
    let authorization = format!("Bearer {token}");
    call(
        server,
        "POST",
        &format!("/api/v1/payments/{payment_id}/callback"),
        None,
        &[("authorization", authorization.as_str())],
        Some(body),
    )
    .await
}

async fn get_payment(
    server: &TestServer,
    owner: &Applicant,
    application_id: &str,
    payment_id: &str,
) -> common::Reply {
    call(
        server,
        "GET",
        &format!("/api/v1/applications/{application_id}/payments/{payment_id}"),
        Some(&owner.token),
        &[],
        None,
    )
    .await
}

#[tokio::test]
async fn a_declined_payment_is_retried_and_the_paid_one_carries_its_receipt() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = medical_duplicate(&server, &owner).await;
    let (mrp_tenths, mrp, tenge) = duplicate_fee_today();

    let first = start_payment(&server, &owner, &application).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", text(&first));
    let first_payment = first.json();
    let first_id = first_payment["id"].as_str().unwrap().to_string();
    assert_eq!(
        first.headers[header::LOCATION],
        format!("/api/v1/applications/{application}/payments/{first_id}").as_str()
    );
    assert_eq!(first_payment["status"], "pending");
    assert_eq!(
        (
            first_payment["mrp_tenths"].as_u64(),
            first_payment["mrp"].as_u64(),
            first_payment["tenge"].as_u64()
        ),
        (
            Some(u64::from(mrp_tenths)),
            Some(u64::from(mrp)),
            Some(tenge)
        )
    );
    assert_eq!(
        first_payment["redirect_url"],
        format!("http://{HOST}/test-gateway/{first_id}").as_str()
    );
    assert_eq!(
        status_and_history(&server, &application).await,
        (
            "awaiting-payment".to_string(),
            vec!["draft".to_string(), "awaiting-payment".to_string()]
        )
    );

    // A double click answers the attempt under way.
    let again = start_payment(&server, &owner, &application).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["id"], first_id.as_str());

    // The gateway page shows the amount in both languages.
    let page = call(
        &server,
        "GET",
        &format!("/test-gateway/{first_id}"),
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = text(&page);
    assert!(
        html.contains(&otinish_core::fees::format_tenge(tenge)),
        "{html}"
    );
    assert!(html.contains("lang=\"kk\"") && html.contains("Төлеу") && html.contains("Оплатить"));
    assert!(html.contains(&format!("action=\"/test-gateway/{first_id}/pay\"")));
    assert!(html.contains(&format!("action=\"/test-gateway/{first_id}/decline\"")));
    // Its answers may send the browser back to an app on another origin.
    let policy = page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(
        policy.contains(&format!("form-action 'self' http://{HOST};")),
        "{policy}"
    );

    let declined = press(&server, &first_id, "decline").await;
    assert_eq!(declined.status, StatusCode::SEE_OTHER);
    assert_eq!(
        declined.headers[header::LOCATION],
        format!("{}?payment={first_id}", return_url(&application)).as_str()
    );
    let declined = get_payment(&server, &owner, &application, &first_id)
        .await
        .json();
    assert_eq!(declined["status"], "declined");
    assert!(declined["decided_at"].is_string() && declined["decline_code"].is_string());
    assert!(declined.get("receipt").is_none() && declined.get("redirect_url").is_none());
    // Back on the page of a decided payment: straight back to the app, nothing changes.
    let revisit = call(
        &server,
        "GET",
        &format!("/test-gateway/{first_id}"),
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(revisit.status, StatusCode::SEE_OTHER);

    let retry = start_payment(&server, &owner, &application).await;
    assert_eq!(retry.status, StatusCode::CREATED);
    let second_id = retry.json()["id"].as_str().unwrap().to_string();
    assert_ne!(second_id, first_id);

    let paid = press(&server, &second_id, "pay").await;
    assert_eq!(paid.status, StatusCode::SEE_OTHER);
    let paid = get_payment(&server, &owner, &application, &second_id)
        .await
        .json();
    assert_eq!(paid["status"], "paid");
    let receipt = &paid["receipt"];
    assert!(!receipt["number"].as_str().unwrap().is_empty());
    assert!(receipt["paid_at"].as_str().unwrap().ends_with("+05:00"));
    assert_eq!(receipt["tenge"].as_u64(), Some(tenge));
    assert_eq!(receipt["payer_iin_bin"], PERSON);
    assert_eq!(receipt["budget_code"], "105402");
    assert_eq!(receipt["payment_purpose_code"], "911");
    assert_eq!(
        status_and_history(&server, &application).await,
        (
            "paid".to_string(),
            vec![
                "draft".to_string(),
                "awaiting-payment".to_string(),
                "paid".to_string()
            ]
        )
    );

    // The gateway's callback after the page recorded it: the same outcome changes nothing.
    for _ in 0..2 {
        let repeated = gateway_callback(
            &server,
            &second_id,
            "gateway-test-token",
            callback("paid", tenge, Some("0000481516")),
        )
        .await;
        assert_eq!(repeated.status, StatusCode::OK, "{}", text(&repeated));
        assert_eq!(repeated.json(), paid);
    }
    let (_, history) = status_and_history(&server, &application).await;
    assert_eq!(history.len(), 3);
    // The other outcome cannot overwrite it.
    let other = gateway_callback(
        &server,
        &second_id,
        "gateway-test-token",
        callback("declined", tenge, None),
    )
    .await;
    assert_eq!(
        (other.status, other.code()),
        (StatusCode::CONFLICT, "payment-final".into())
    );
    assert_eq!(other.json()["params"]["status"], "paid");

    let list = call(
        &server,
        "GET",
        &format!("/api/v1/applications/{application}/payments"),
        Some(&owner.token),
        &[],
        None,
    )
    .await;
    assert_eq!(list.status, StatusCode::OK);
    let ids: Vec<Value> = list.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].clone())
        .collect();
    assert_eq!(ids, vec![json!(second_id), json!(first_id)]);

    let paid_again = start_payment(&server, &owner, &application).await;
    assert_eq!(
        (paid_again.status, paid_again.code()),
        (StatusCode::CONFLICT, "already-paid".into())
    );
}

#[tokio::test]
async fn the_gateway_callback_is_idempotent_and_checks_what_it_is_told() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = medical_duplicate(&server, &owner).await;
    let (_, _, tenge) = duplicate_fee_today();
    let payment = start_payment(&server, &owner, &application).await.json();
    let payment_id = payment["id"].as_str().unwrap();

    let no_token = call(
        &server,
        "POST",
        &format!("/api/v1/payments/{payment_id}/callback"),
        None,
        &[],
        Some(callback("paid", tenge, Some("1"))),
    )
    .await;
    assert_eq!(
        (no_token.status, no_token.code()),
        (StatusCode::UNAUTHORIZED, "unauthenticated".into())
    );
    let wrong_token = gateway_callback(
        &server,
        payment_id,
        "guess",
        callback("paid", tenge, Some("1")),
    )
    .await;
    assert_eq!(wrong_token.status, StatusCode::UNAUTHORIZED);
    // An applicant's session is not the gateway.
    let applicant_session = call(
        &server,
        "POST",
        &format!("/api/v1/payments/{payment_id}/callback"),
        Some(&owner.token),
        &[],
        Some(callback("paid", tenge, Some("1"))),
    )
    .await;
    assert_eq!(applicant_session.status, StatusCode::UNAUTHORIZED);

    let unknown = gateway_callback(
        &server,
        "c41d8e2f-5a6b-4c7d-9e0f-1a2b3c4d5e6f",
        "gateway-test-token",
        callback("paid", tenge, Some("1")),
    )
    .await;
    assert_eq!(
        (unknown.status, unknown.code()),
        (StatusCode::NOT_FOUND, "not-found".into())
    );

    let wrong_amount = gateway_callback(
        &server,
        payment_id,
        "gateway-test-token",
        callback("paid", tenge + 1, Some("1")),
    )
    .await;
    assert_eq!(
        (wrong_amount.status, wrong_amount.code()),
        (StatusCode::UNPROCESSABLE_ENTITY, "validation-failed".into())
    );
    assert_eq!(
        wrong_amount.field_error(),
        ("/tenge".into(), "amount-mismatch".into())
    );

    let no_receipt = gateway_callback(
        &server,
        payment_id,
        "gateway-test-token",
        callback("paid", tenge, None),
    )
    .await;
    assert_eq!(
        (no_receipt.status, no_receipt.code()),
        (StatusCode::BAD_REQUEST, "malformed-request".into())
    );
    assert_eq!(
        no_receipt.field_error(),
        ("/receipt_number".into(), "required".into())
    );

    let mut unknown_member = callback("paid", tenge, Some("1"));
    unknown_member["amount"] = json!(1);
    let unknown_member =
        gateway_callback(&server, payment_id, "gateway-test-token", unknown_member).await;
    assert_eq!(
        unknown_member.field_error(),
        ("/amount".into(), "unknown-field".into())
    );

    let mut bad_code = callback("declined", tenge, None);
    bad_code["decline_code"] = json!("Card Declined");
    let bad_code = gateway_callback(&server, payment_id, "gateway-test-token", bad_code).await;
    assert_eq!(
        bad_code.field_error(),
        ("/decline_code".into(), "bad-format".into())
    );

    // Nothing above changed the payment.
    assert_eq!(
        get_payment(&server, &owner, &application, payment_id)
            .await
            .json()["status"],
        "pending"
    );

    let first = gateway_callback(
        &server,
        payment_id,
        "gateway-test-token",
        callback("paid", tenge, Some("0000481516")),
    )
    .await;
    assert_eq!(first.status, StatusCode::OK, "{}", text(&first));
    let second = gateway_callback(
        &server,
        payment_id,
        "gateway-test-token",
        callback("paid", tenge, Some("0000481516")),
    )
    .await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(first.json(), second.json());
    assert_eq!(first.json()["receipt"]["number"], "0000481516");
    assert_eq!(first.json()["receipt"]["gateway_reference"], "PSHEP-2342");
    assert_eq!(first.json()["decided_at"], "2026-11-23T10:04:00+05:00");
    let (status, history) = status_and_history(&server, &application).await;
    assert_eq!((status.as_str(), history.len()), ("paid", 3));
}

#[tokio::test]
async fn services_without_a_sourced_fee_take_no_payment_here() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;

    // The certificate's regulation has no payment step, and no source gives its fee.
    let certificate = free_certificate(&server, &owner).await;
    let reply = start_payment(&server, &owner, &certificate).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::CONFLICT, "fee-unknown".into())
    );

    // …nor does an amount make it one.
    let reply = start_entered_payment(&server, &owner, &certificate, json!(30_000)).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::CONFLICT, "fee-unknown".into())
    );
    assert_eq!(status_and_history(&server, &certificate).await.0, "draft");
}

#[tokio::test]
async fn a_fee_without_a_rate_is_paid_in_the_amount_entered_and_only_then() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    // Pharmaceutical licences: a licence fee is charged, but nobody could source its rate.
    let pharmacy = pharmacy_duplicate(&server, &owner).await;

    let missing = start_payment(&server, &owner, &pharmacy).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_errors(&missing),
        [("/tenge".into(), "required".into())]
    );
    for wrong in [json!(0), json!(10_000_001)] {
        let reply = start_entered_payment(&server, &owner, &pharmacy, wrong.clone()).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{wrong}");
        assert_eq!(
            field_errors(&reply),
            [("/tenge".into(), "out-of-range".into())],
            "{wrong}"
        );
        assert_eq!(reply.json()["errors"][0]["params"]["max"], "10000000");
    }
    // Whole tenge, a number: anything else is not an amount at all.
    for wrong in [json!(100.5), json!(-5), json!("30000")] {
        let reply = start_entered_payment(&server, &owner, &pharmacy, wrong.clone()).await;
        assert!(reply.status.is_client_error(), "{wrong}: {}", reply.status);
        assert_eq!(
            reply.headers[header::CONTENT_TYPE],
            "application/problem+json",
            "{wrong}"
        );
    }
    assert_eq!(status_and_history(&server, &pharmacy).await.0, "draft");

    let created = start_entered_payment(&server, &owner, &pharmacy, json!(30_000)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", text(&created));
    let payment = created.json();
    assert_eq!(payment["tenge"], 30_000);
    assert!(payment.get("mrp_tenths").is_none() && payment.get("mrp").is_none());
    let payment_id = payment["id"].as_str().unwrap().to_string();
    assert_eq!(
        press(&server, &payment_id, "pay").await.status,
        StatusCode::SEE_OTHER
    );
    let paid = get_payment(&server, &owner, &pharmacy, &payment_id)
        .await
        .json();
    assert_eq!(paid["status"], "paid");
    assert_eq!(paid["receipt"]["tenge"], 30_000);
    assert_eq!(paid["receipt"]["budget_code"], "105402");
    assert_eq!(paid["receipt"]["payment_purpose_code"], "911");
    assert_eq!(status_and_history(&server, &pharmacy).await.0, "paid");

    // A fee the backend computes takes no amount from the applicant.
    let medical = medical_duplicate(&server, &owner).await;
    let reply = start_entered_payment(&server, &owner, &medical, json!(1)).await;
    assert_eq!(
        field_errors(&reply),
        [("/tenge".into(), "amount-not-accepted".into())]
    );
    assert_eq!(status_and_history(&server, &medical).await.0, "draft");
}

#[tokio::test]
async fn an_incomplete_package_is_not_paid_for() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    // Issuing asks for the activity address and the qualification form as well.
    let mut answers = medical_duplicate_answers();
    answers["contacts"]["contact-phone"] = json!("12");
    let application = draft(
        &server,
        &owner,
        "medical-licence",
        "vko-health",
        "issue",
        answers,
    )
    .await;

    let reply = start_payment(&server, &owner, &application).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::UNPROCESSABLE_ENTITY, "validation-failed".into())
    );
    let errors = field_errors(&reply);
    assert!(
        errors.contains(&(
            "/answers/activity-address/activity-address".into(),
            "required".into()
        )),
        "{errors:?}"
    );
    assert!(
        errors.contains(&(
            "/answers/contacts/contact-phone".into(),
            "phone-length".into()
        )),
        "{errors:?}"
    );
    assert!(
        errors.contains(&(
            "/documents/qualification-form".into(),
            "document-missing".into()
        )),
        "{errors:?}"
    );
    assert_eq!(status_and_history(&server, &application).await.0, "draft");
    let list = call(
        &server,
        "GET",
        &format!("/api/v1/applications/{application}/payments"),
        Some(&owner.token),
        &[],
        None,
    )
    .await;
    assert_eq!(list.json()["items"], json!([]));
}

#[tokio::test]
async fn the_return_address_must_be_this_backends_own() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = medical_duplicate(&server, &owner).await;
    let path = format!("/api/v1/applications/{application}/payments");

    let elsewhere = call(
        &server,
        "POST",
        &path,
        Some(&owner.token),
        &[],
        Some(json!({ "return_url": "https://evil.example/steal" })),
    )
    .await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        elsewhere.field_error(),
        ("/return_url".into(), "return-url-not-allowed".into())
    );

    for (body, field_code) in [
        (json!({ "return_url": "/relative" }), "bad-format"),
        (json!({}), "required"),
        (
            json!({ "return_url": return_url(&application), "amount": 1 }),
            "unknown-field",
        ),
    ] {
        let reply = call(&server, "POST", &path, Some(&owner.token), &[], Some(body)).await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::BAD_REQUEST, "malformed-request".into())
        );
        assert_eq!(reply.field_error().1, field_code);
    }
    assert_eq!(status_and_history(&server, &application).await.0, "draft");
}

#[tokio::test]
async fn another_accounts_application_and_payments_are_not_there() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let stranger = applicant(&server, OTHER_PERSON).await;
    let application = medical_duplicate(&server, &owner).await;
    let payment = start_payment(&server, &owner, &application).await.json();
    let payment_id = payment["id"].as_str().unwrap();
    let own_application = medical_duplicate(&server, &stranger).await;

    let attempts = [
        start_payment(&server, &stranger, &application).await,
        call(
            &server,
            "GET",
            &format!("/api/v1/applications/{application}/payments"),
            Some(&stranger.token),
            &[],
            None,
        )
        .await,
        get_payment(&server, &stranger, &application, payment_id).await,
        // Someone else's payment under one's own application.
        get_payment(&server, &stranger, &own_application, payment_id).await,
        // Ids that cannot exist.
        get_payment(&server, &owner, &application, "not-a-uuid").await,
        call(
            &server,
            "GET",
            "/api/v1/applications/42/payments",
            Some(&owner.token),
            &[],
            None,
        )
        .await,
    ];
    for reply in attempts {
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::NOT_FOUND, "not-found".into())
        );
    }
    let anonymous = call(
        &server,
        "GET",
        &format!("/api/v1/applications/{application}/payments"),
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_submitted_application_takes_no_payment() {
    let server = TestServer::start().await;
    let owner = applicant(&server, PERSON).await;
    let application = medical_duplicate(&server, &owner).await;
    server
        .move_to(
            &application,
            otinish_core::api::ApplicationStatus::Delivered,
        )
        .await;
    let reply = start_payment(&server, &owner, &application).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::CONFLICT, "not-editable".into())
    );
    assert_eq!(reply.json()["params"]["status"], "delivered");
}

#[tokio::test]
async fn outside_test_mode_there_is_no_gateway_page() {
    let server = TestServer::with_settings(|settings| settings.test_mode = false).await;
    let owner = applicant(&server, PERSON).await;
    let application = medical_duplicate(&server, &owner).await;
    let reply = start_payment(&server, &owner, &application).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(status_and_history(&server, &application).await.0, "draft");

    // Even for a payment that exists, the simulated page is not there.
    let payment_id = "c41d8e2f-5a6b-4c7d-9e0f-1a2b3c4d5e6f";
    let created = server
        .state
        .db
        .create_payment(otinish_server::db::NewPayment {
            id: payment_id,
            application_id: &application,
            mrp_tenths: Some(100),
            mrp: Some(4325),
            tenge: 43250,
            return_url: &return_url(&application),
            redirect_url: &format!("http://{HOST}/test-gateway/{payment_id}"),
            moves_to: None,
        })
        .await
        .unwrap();
    assert!(matches!(
        created,
        otinish_server::db::PaymentCreated::New(_)
    ));
    let page = call(
        &server,
        "GET",
        &format!("/test-gateway/{payment_id}"),
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let pay = press(&server, payment_id, "pay").await;
    assert_eq!(pay.status, StatusCode::NOT_FOUND);
    let stored = server.state.db.gateway_payment(payment_id).await.unwrap();
    assert_eq!(
        stored.expect("the payment").payment.status,
        otinish_core::api::PaymentStatus::Pending
    );
}
