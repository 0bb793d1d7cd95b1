//! Applications through the HTTP API: starting a draft against the catalog, the list with
//! its filter and cursor, answers under optimistic concurrency, discarding, and never
//! acknowledging another account's application.

use crate::common;

use axum::http::{StatusCode, header};
use common::{COMPANY, Delivery, OTHER_PERSON, PERSON, TestServer};
use otinish_core::api::{ApplicationStatus, GatewayOutcome, ResultInfo};
use otinish_core::catalog::{SubCase, catalog};
use otinish_server::db::{GatewayReport, NewPayment, PaymentCreated, ResultChange, Transition};
use otinish_server::names::Named;
use serde_json::{Value, json};

const APPLICATIONS: &str = "/api/v1/applications";

fn medical_duplicate() -> Value {
    json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "duplicate", "targets": ["licence"] })
}

async fn create(server: &TestServer, token: &str, body: Value) -> Value {
    let reply = server
        .call("POST", APPLICATIONS, Some(token), Some(body))
        .await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    reply.json()
}

async fn set_status(server: &TestServer, id: &str, status: &str) {
    server
        .move_to(id, ApplicationStatus::from_name(status).expect("a status"))
        .await;
}

/// A payment attempt as the payments area records it: under way, or declined by the gateway.
async fn add_payment(server: &TestServer, id: &str, application: &str, status: &str) {
    let db = &server.state.db;
    let created = db
        .create_payment(NewPayment {
            id,
            application_id: application,
            mrp_tenths: Some(100),
            mrp: Some(4325),
            tenge: 43250,
            return_url: "https://otinish.kz/back",
            redirect_url: "https://otinish.kz/gateway",
            moves_to: None,
        })
        .await
        .unwrap();
    assert!(matches!(created, PaymentCreated::New(_)));
    if status == "declined" {
        let report = GatewayReport {
            outcome: GatewayOutcome::Declined,
            at: otinish_server::clock::now(),
            gateway_reference: "gw-1",
            receipt_number: None,
            decline_code: Some("card-declined"),
            budget_code: "105402",
            payment_purpose_code: "911",
            paid_moves: (ApplicationStatus::AwaitingPayment, ApplicationStatus::Paid),
        };
        db.record_gateway_report(id, report).await.unwrap().unwrap();
    } else {
        assert_eq!(status, "pending");
    }
}

async fn status_events(server: &TestServer, id: &str) -> Vec<String> {
    server
        .state
        .db
        .status_history(id)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.status.name().to_string())
        .collect()
}

fn today() -> chrono::NaiveDate {
    otinish_server::clock::now().date_naive()
}

// ── Starting a draft ─────────────────────────────────────────────────────────────────

#[tokio::test]
async fn a_draft_starts_with_its_history_and_the_backends_fee() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let reply = server
        .call(
            "POST",
            APPLICATIONS,
            Some(&token),
            Some(medical_duplicate()),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    let draft = reply.json();
    let id = draft["id"].as_str().unwrap().to_string();
    assert_eq!(
        reply.headers[header::LOCATION],
        format!("{APPLICATIONS}/{id}").as_str()
    );
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["version"], 1);
    assert_eq!(draft["sub_case"], "duplicate");
    assert_eq!(draft["targets"], json!(["licence"]));
    assert_eq!(draft["answers"], json!({}));
    assert_eq!(draft["documents"], json!([]));
    assert_eq!(draft["status_at"], draft["created_at"]);
    assert!(
        draft["created_at"].as_str().unwrap().ends_with("+05:00"),
        "{draft}"
    );

    // The fee is the catalog's licence fee at today's МРП: the full rate for a duplicate.
    let service = catalog().service("medical-licence").unwrap();
    let expected = otinish_core::fees::quote(&service.fee, SubCase::Duplicate, today());
    assert_eq!(draft["fee"], serde_json::to_value(&expected).unwrap());
    assert_eq!(draft["fee"]["kind"], "due");
    assert_eq!(draft["fee"]["mrp_tenths"], 100);
    assert_eq!(draft["fee_date"], today().to_string());

    assert_eq!(status_events(&server, &id).await, ["draft"]);
    let read = server
        .call("GET", &format!("{APPLICATIONS}/{id}"), Some(&token), None)
        .await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json(), draft);
}

#[tokio::test]
async fn services_without_a_sourced_rate_or_without_a_fee_say_so() {
    let server = TestServer::start().await;
    let token = server.sign_up(COMPANY).await;
    // A licence fee is due, but no source gives its rate.
    let unknown = create(
        &server,
        &token,
        json!({ "service": "scrap-metal-licence", "provider": "almaty-economy", "sub_case": "issue" }),
    )
    .await;
    assert_eq!(unknown["fee"], json!({ "kind": "due-unsourced" }));
    // A regulation without a payment step does not make a service free: no source gives
    // its fee either.
    let unsourced = create(
        &server,
        &token,
        json!({ "service": "narcotics-import-export-transit-permit", "provider": "mvd", "sub_case": "issue" }),
    )
    .await;
    assert_eq!(unsourced["fee"], json!({ "kind": "unknown" }));
    assert_eq!(unsourced["targets"], json!([]));
}

#[tokio::test]
async fn a_draft_is_refused_what_the_catalog_does_not_offer() {
    let server = TestServer::start().await;
    let person = server.sign_up(PERSON).await;
    let refused = |body: Value| {
        let (server, person) = (&server, person.clone());
        async move {
            let reply = server
                .call("POST", APPLICATIONS, Some(&person), Some(body))
                .await;
            assert_eq!(
                (reply.status, reply.code()),
                (StatusCode::UNPROCESSABLE_ENTITY, "validation-failed".into()),
                "{}",
                String::from_utf8_lossy(&reply.body)
            );
            reply.json()["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap().to_string(),
                        e["code"].as_str().unwrap().to_string(),
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let pair = |field: &str, code: &str| (field.to_string(), code.to_string());

    assert_eq!(
        refused(
            json!({ "service": "space-licence", "provider": "moon-office", "sub_case": "issue" })
        )
        .await,
        [
            pair("/service", "unknown-service"),
            pair("/provider", "unknown-provider")
        ]
    );
    assert_eq!(
        refused(json!({ "service": "medical-licence", "provider": "moon-office", "sub_case": "issue", "targets": ["licence"] })).await,
        [pair("/provider", "unknown-provider")]
    );
    assert_eq!(
        refused(json!({ "service": "medical-licence", "provider": "mvd", "sub_case": "issue", "targets": ["licence"] })).await,
        [pair("/provider", "not-offered-by-provider")]
    );
    assert_eq!(
        refused(json!({ "service": "narcotics-activity-licence", "provider": "mvd", "sub_case": "duplicate", "targets": ["annex"] })).await,
        [pair("/sub_case", "sub-case-not-offered")]
    );
    assert_eq!(
        refused(
            json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "issue" })
        )
        .await,
        [pair("/targets", "targets-required")]
    );
    assert_eq!(
        refused(json!({ "service": "pesticides-licence", "provider": "almaty-economy", "sub_case": "issue", "targets": ["licence"] })).await,
        [pair("/targets/0", "target-not-offered")]
    );
    // Only organisations may ask for this service at all…
    assert_eq!(
        refused(json!({ "service": "export-import-licence", "provider": "mint-industry-committee", "sub_case": "issue" })).await,
        [pair("/service", "applicant-not-eligible")]
    );
    // …and only organisations at this provider, whose regulation is narrower.
    assert_eq!(
        refused(json!({ "service": "health-narcotics-licence", "provider": "almaty-economy", "sub_case": "issue", "targets": ["licence"] })).await,
        [pair("/provider", "applicant-not-eligible")]
    );
    // The same request from an organisation is a draft.
    let company = server.sign_up(COMPANY).await;
    create(
        &server,
        &company,
        json!({ "service": "health-narcotics-licence", "provider": "almaty-economy", "sub_case": "issue", "targets": ["licence"] }),
    )
    .await;
}

#[tokio::test]
async fn a_draft_request_must_have_the_contracts_shape() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let malformed = [
        (
            json!({ "service": "Medical Licence", "provider": "vko-health", "sub_case": "issue" }),
            "/service",
            "bad-format",
        ),
        (
            json!({ "service": "medical-licence", "provider": "x".repeat(65), "sub_case": "issue" }),
            "/provider",
            "too-long",
        ),
        (
            json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "issue", "targets": ["licence", "licence"] }),
            "/targets",
            "bad-format",
        ),
        (
            json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "issue", "targets": ["licence", "annex", "licence"] }),
            "/targets",
            "too-many-items",
        ),
        (
            json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "issue", "fee": 0 }),
            "/fee",
            "unknown-field",
        ),
        (
            json!({ "service": "medical-licence", "sub_case": "issue" }),
            "/provider",
            "required",
        ),
    ];
    for (body, field, code) in malformed {
        let reply = server
            .call("POST", APPLICATIONS, Some(&token), Some(body.clone()))
            .await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::BAD_REQUEST, "malformed-request".into()),
            "{body}"
        );
        assert_eq!(reply.field_error(), (field.into(), code.into()), "{body}");
    }
    let reply = server
        .call("POST", APPLICATIONS, None, Some(medical_duplicate()))
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::UNAUTHORIZED, "unauthenticated".into())
    );
}

// ── The list ─────────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn the_list_shows_mine_most_recent_first_a_page_at_a_time() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(create(&server, &token, medical_duplicate()).await["id"].clone());
    }
    // Saving answers makes the first one the most recently changed.
    let saved = server
        .call(
            "PUT",
            &format!("{APPLICATIONS}/{}/answers", ids[0].as_str().unwrap()),
            Some(&token),
            Some(json!({ "version": 1, "answers": {} })),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    let other = server.sign_up(OTHER_PERSON).await;
    create(&server, &other, medical_duplicate()).await;

    let first = server
        .call(
            "GET",
            &format!("{APPLICATIONS}?limit=2"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(first.status, StatusCode::OK);
    let first = first.json();
    let page_ids = |page: &Value| -> Vec<Value> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["id"].clone())
            .collect()
    };
    assert_eq!(page_ids(&first), [ids[0].clone(), ids[2].clone()]);
    assert_eq!(first["items"][0]["status"], "draft");
    assert_eq!(first["items"][0]["service"], "medical-licence");
    assert!(first["items"][0].get("submitted_at").is_none());
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = server
        .call(
            "GET",
            &format!("{APPLICATIONS}?limit=2&cursor={cursor}"),
            Some(&token),
            None,
        )
        .await
        .json();
    assert_eq!(page_ids(&second), [ids[1].clone()]);
    assert!(second.get("next_cursor").is_none(), "{second}");

    let all = server
        .call("GET", APPLICATIONS, Some(&token), None)
        .await
        .json();
    assert_eq!(
        page_ids(&all).len(),
        3,
        "another account's draft is not listed"
    );
}

#[tokio::test]
async fn the_list_filters_by_status_and_refuses_bad_parameters() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let draft = create(&server, &token, medical_duplicate()).await;
    let paid = create(&server, &token, medical_duplicate()).await;
    set_status(&server, paid["id"].as_str().unwrap(), "paid").await;

    let only = |status: &str| {
        let (server, token) = (&server, token.clone());
        let path = format!("{APPLICATIONS}?status={status}");
        async move { server.call("GET", &path, Some(&token), None).await.json() }
    };
    let drafts = only("draft").await;
    assert_eq!(drafts["items"].as_array().unwrap().len(), 1);
    assert_eq!(drafts["items"][0]["id"], draft["id"]);
    let paid_list = only("paid").await;
    assert_eq!(paid_list["items"][0]["id"], paid["id"]);
    assert_eq!(only("issued").await["items"].as_array().unwrap().len(), 0);

    for (query, field, code) in [
        ("status=lost", "status", "not-an-option"),
        ("limit=0", "limit", "out-of-range"),
        ("limit=101", "limit", "out-of-range"),
        ("limit=many", "limit", "wrong-type"),
        ("cursor=not-one-of-ours", "cursor", "bad-format"),
        ("cursor=", "cursor", "bad-format"),
    ] {
        let reply = server
            .call(
                "GET",
                &format!("{APPLICATIONS}?{query}"),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::BAD_REQUEST, "malformed-request".into()),
            "{query}"
        );
        assert_eq!(reply.field_error(), (field.into(), code.into()), "{query}");
    }
}

// ── Answers ──────────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn answers_are_saved_as_typed_with_the_version_last_read() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let id = create(&server, &token, medical_duplicate()).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let answers_path = format!("{APPLICATIONS}/{id}/answers");
    // Unfinished and not yet valid: kept as typed; the form judges it at payment.
    let typed = json!({
        "duplicate-details": { "licence-number": "00123", "licence-date": "31.02.2015" },
        "contacts": { "contact-phone": "8 701 12" },
        "annex-subtypes": { "activity-subtypes": "Стоматология" },
        "old-page-no-longer-in-the-catalog": { "kinds": ["a", "b"] },
        "persons": [{ "last-name": "Ким" }, { "last-name": "О'Нил" }]
    });
    let reply = server
        .call(
            "PUT",
            &answers_path,
            Some(&token),
            Some(json!({ "version": 1, "answers": typed })),
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let saved = reply.json();
    assert_eq!(saved["version"], 2);
    assert!(saved["updated_at"].as_str().unwrap().ends_with("+05:00"));

    let read = server
        .call("GET", &format!("{APPLICATIONS}/{id}"), Some(&token), None)
        .await
        .json();
    assert_eq!(read["answers"], typed);
    assert_eq!(read["version"], 2);
    assert_eq!(read["updated_at"], saved["updated_at"]);

    // A second tab still at version 1 must not overwrite them.
    let stale = server
        .call(
            "PUT",
            &answers_path,
            Some(&token),
            Some(json!({ "version": 1, "answers": {} })),
        )
        .await;
    assert_eq!(
        (stale.status, stale.code()),
        (StatusCode::CONFLICT, "version-conflict".into())
    );
    assert_eq!(stale.json()["params"]["current_version"], 2);
    let ahead = server
        .call(
            "PUT",
            &answers_path,
            Some(&token),
            Some(json!({ "version": 7, "answers": {} })),
        )
        .await;
    assert_eq!(ahead.code(), "version-conflict");
    let read = server
        .call("GET", &format!("{APPLICATIONS}/{id}"), Some(&token), None)
        .await
        .json();
    assert_eq!(read["answers"], typed, "the refused saves changed nothing");

    let next = server
        .call(
            "PUT",
            &answers_path,
            Some(&token),
            Some(json!({ "version": 2, "answers": {} })),
        )
        .await;
    assert_eq!(next.json()["version"], 3);
}

#[tokio::test]
async fn answers_keep_the_contracts_shape_and_size() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let id = create(&server, &token, medical_duplicate()).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let answers_path = format!("{APPLICATIONS}/{id}/answers");
    let cases = [
        (
            json!({ "version": 0, "answers": {} }),
            "/version",
            "out-of-range",
        ),
        (
            json!({ "version": 1, "answers": { "Contacts": { "phone": "1" } } }),
            "/answers/Contacts",
            "bad-format",
        ),
        (
            json!({ "version": 1, "answers": { "contacts": { "a/b": "1" } } }),
            "/answers/contacts/a~1b",
            "bad-format",
        ),
        (
            json!({ "version": 1, "answers": { "contacts": { "note": "я".repeat(10_001) } } }),
            "/answers/contacts/note",
            "too-long",
        ),
        (
            json!({ "version": 1, "answers": { "kinds": { "k": ["retail", "retail"] } } }),
            "/answers/kinds/k/1",
            "bad-format",
        ),
        (
            json!({ "version": 1, "answers": { "p": { "f": 5 } } }),
            "/answers/p",
            "bad-format",
        ),
        (
            json!({ "version": 1, "answers": {}, "status": "paid" }),
            "/status",
            "unknown-field",
        ),
    ];
    for (body, field, code) in cases {
        let reply = server
            .call("PUT", &answers_path, Some(&token), Some(body.clone()))
            .await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::BAD_REQUEST, "malformed-request".into()),
            "{}",
            String::from_utf8_lossy(&reply.body)
        );
        assert_eq!(reply.field_error().1, code, "{body}");
        assert!(
            reply.field_error().0.starts_with(field),
            "{:?}",
            reply.field_error()
        );
    }

    let huge = json!({ "version": 1, "answers": { "notes": { "text": "x".repeat(9_000) } } });
    let mut pages = serde_json::Map::new();
    for page in 0..30 {
        pages.insert(format!("page-{page}"), huge["answers"]["notes"].clone());
    }
    let reply = server
        .call(
            "PUT",
            &answers_path,
            Some(&token),
            Some(json!({ "version": 1, "answers": pages })),
        )
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::PAYLOAD_TOO_LARGE, "request-too-large".into())
    );
    assert_eq!(reply.json()["params"]["max_bytes"], 256 * 1024);
    let read = server
        .call("GET", &format!("{APPLICATIONS}/{id}"), Some(&token), None)
        .await
        .json();
    assert_eq!(read["version"], 1, "nothing was saved");
}

#[tokio::test]
async fn signed_and_submitted_applications_take_no_more_answers() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let id = create(&server, &token, medical_duplicate()).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (status, editable) in [
        ("awaiting-payment", true),
        ("paid", true),
        ("signed", false),
        ("delivered", false),
    ] {
        set_status(&server, &id, status).await;
        let version = server
            .call("GET", &format!("{APPLICATIONS}/{id}"), Some(&token), None)
            .await
            .json()["version"]
            .clone();
        let reply = server
            .call(
                "PUT",
                &format!("{APPLICATIONS}/{id}/answers"),
                Some(&token),
                Some(json!({ "version": version, "answers": {} })),
            )
            .await;
        if editable {
            assert_eq!(reply.status, StatusCode::OK, "{status}");
        } else {
            assert_eq!(
                (reply.status, reply.code()),
                (StatusCode::CONFLICT, "not-editable".into()),
                "{status}"
            );
            assert_eq!(reply.json()["params"]["status"], status);
        }
    }
}

#[tokio::test]
async fn a_submitted_application_shows_its_history_dates_and_result() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let id = create(&server, &token, medical_duplicate()).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("{APPLICATIONS}/{id}");
    let draft = server.call("GET", &path, Some(&token), None).await.json();
    assert!(draft.get("result").is_none() && draft.get("reference_number").is_none());

    // As submission and the officer's upload record them.
    server
        .deliver(
            &id,
            Delivery {
                reference: "HD3KM7PR",
                submitted_at: "2026-11-23T05:15:00.000Z",
                registered_on: "2026-11-23",
                expected_result: Some("2026-11-25"),
            },
        )
        .await;
    let sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    let issued_at = chrono::DateTime::parse_from_rfc3339("2026-11-24T06:00:00.000Z").unwrap();
    let moved = server
        .state
        .db
        .record_transition(&Transition {
            application_id: &id,
            from: ApplicationStatus::Delivered,
            to: ApplicationStatus::Issued,
            at: issued_at,
            due: None,
            reason: None,
            result: ResultChange::Generated(ResultInfo {
                file_type: otinish_core::catalog::FileType::Pdf,
                size: 1234,
                sha256: sha256.to_string(),
                issued_at,
                document_number: None,
            }),
        })
        .await
        .unwrap();
    assert!(moved);
    let issued = server.call("GET", &path, Some(&token), None).await.json();
    assert_eq!(issued["status"], "issued");
    assert_eq!(issued["status_at"], "2026-11-24T11:00:00+05:00");
    assert_eq!(issued["reference_number"], "HD3KM7PR");
    assert_eq!(issued["submitted_at"], "2026-11-23T10:15:00+05:00");
    assert_eq!(issued["registered_on"], "2026-11-23");
    assert_eq!(issued["due_date"], "2026-11-25");
    assert_eq!(issued["result"]["sha256"], sha256);
    assert_eq!(issued["result"]["file_type"], "pdf");
    let listed = server
        .call("GET", APPLICATIONS, Some(&token), None)
        .await
        .json();
    assert_eq!(listed["items"][0]["reference_number"], "HD3KM7PR");
    assert_eq!(listed["items"][0]["due_date"], "2026-11-25");
    assert_eq!(listed["items"][0]["status_at"], issued["status_at"]);
    assert_eq!(listed["items"][0]["submitted_at"], issued["submitted_at"]);
}

// ── Discarding ───────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn a_draft_is_discarded_and_then_is_not_there() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let id = create(&server, &token, medical_duplicate()).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("{APPLICATIONS}/{id}");
    let reply = server.call("DELETE", &path, Some(&token), None).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    for method in ["GET", "DELETE"] {
        let reply = server.call(method, &path, Some(&token), None).await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::NOT_FOUND, "not-found".into())
        );
    }
    assert!(
        status_events(&server, &id).await.is_empty(),
        "its history went with it"
    );

    // Awaiting a payment that is not under way (here a declined one) is discardable, and
    // the ended attempt goes with it.
    let id = create(&server, &token, medical_duplicate()).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    set_status(&server, &id, "awaiting-payment").await;
    add_payment(
        &server,
        "0b9f4a1e-2c3d-4e5f-8a7b-6c5d4e3f2a1b",
        &id,
        "declined",
    )
    .await;
    let reply = server
        .call(
            "DELETE",
            &format!("{APPLICATIONS}/{id}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn paid_submitted_or_paying_applications_are_not_discarded() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    for status in ["paid", "signed", "delivered", "issued"] {
        let id = create(&server, &token, medical_duplicate()).await["id"]
            .as_str()
            .unwrap()
            .to_string();
        set_status(&server, &id, status).await;
        let reply = server
            .call(
                "DELETE",
                &format!("{APPLICATIONS}/{id}"),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::CONFLICT, "not-discardable".into()),
            "{status}"
        );
        assert_eq!(reply.json()["params"]["status"], status);
    }

    let id = create(&server, &token, medical_duplicate()).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    set_status(&server, &id, "awaiting-payment").await;
    let payment = "c41d8e2f-5a6b-4c7d-9e0f-1a2b3c4d5e6f";
    add_payment(&server, payment, &id, "pending").await;
    let reply = server
        .call(
            "DELETE",
            &format!("{APPLICATIONS}/{id}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::CONFLICT, "payment-pending".into())
    );
    assert_eq!(reply.json()["params"]["payment_id"], payment);
    let still = server
        .call("GET", &format!("{APPLICATIONS}/{id}"), Some(&token), None)
        .await;
    assert_eq!(still.status, StatusCode::OK);
}

// ── Another account's application is not there ──────────────────────────────────────

#[tokio::test]
async fn another_accounts_application_answers_exactly_like_a_missing_one() {
    let server = TestServer::start().await;
    let owner = server.sign_up(PERSON).await;
    let stranger = server.sign_up(OTHER_PERSON).await;
    let id = create(&server, &owner, medical_duplicate()).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let missing = "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30";
    let save =
        json!({ "version": 1, "answers": { "contacts": { "contact-phone": "+77011234567" } } });
    for target in [id.as_str(), missing, "not-a-uuid"] {
        for (method, path, body) in [
            ("GET", format!("{APPLICATIONS}/{target}"), None),
            (
                "PUT",
                format!("{APPLICATIONS}/{target}/answers"),
                Some(save.clone()),
            ),
            ("DELETE", format!("{APPLICATIONS}/{target}"), None),
        ] {
            let reply = server.call(method, &path, Some(&stranger), body).await;
            assert_eq!(
                (reply.status, reply.code()),
                (StatusCode::NOT_FOUND, "not-found".into()),
                "{method} {path}"
            );
            assert_eq!(
                reply.json()["errors"],
                Value::Null,
                "no hint of what is there"
            );
        }
    }
    let read = server
        .call("GET", &format!("{APPLICATIONS}/{id}"), Some(&owner), None)
        .await
        .json();
    assert_eq!(
        (read["version"].clone(), read["answers"].clone()),
        (json!(1), json!({})),
        "the stranger changed nothing"
    );
}
