//! The provider's side: the officer API and CLI moving submitted applications through the
//! regulation's steps, the applicant's history and result, and the demo clock.
//!
//! Submitted applications are put straight into the database (`submit`), as submission
//! would leave them, so that these tests do not depend on the applicant's journey.

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{Duration, SecondsFormat, Utc};
use common::{COMPANY, Delivery, OTHER_PERSON, PERSON, Reply, TestServer};
use otinish_core::api::{ApplicationStatus as Status, ReferenceNumber};
use otinish_core::catalog::{SubCase, Target, catalog, messages};
use otinish_core::status;
use otinish_server::db::NewApplication;
use otinish_server::{demo_clock, officer_cli};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const OFFICER_TOKEN: &str = "officer-test-token";

// ── Fixtures ────────────────────────────────────────────────────────────────────────────

struct Submitted {
    id: String,
    reference: String,
    /// When it reached the provider, at +05:00 without the offset, as the deadlines count.
    received: chrono::NaiveDateTime,
}

fn stored_time(time: chrono::DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// An application of `iin_bin`'s account as submission leaves it: `delivered`, with its
/// reference number, expected result and the applicant's part of the history.
async fn submit(
    server: &TestServer,
    iin_bin: &str,
    service: &str,
    provider: &str,
    sub_case: SubCase,
    days_ago: i64,
) -> Submitted {
    let db = &server.state.db;
    let (account_id, created) = db.account_for(iin_bin).await.unwrap();
    assert!(!created, "sign up first");
    let reference = ReferenceNumber::from_number(uuid::Uuid::new_v4().as_u64_pair().0);
    let submitted = Utc::now() - Duration::days(days_ago);
    let created = submitted - Duration::hours(1);
    let received = submitted.with_timezone(&chrono::FixedOffset::east_opt(5 * 3600).unwrap());
    let provision = catalog()
        .service(service)
        .and_then(|s| s.provision(provider))
        .unwrap();
    let expected = status::expected_result(provision, sub_case, received.naive_local())
        .map(|due| due.date().to_string());
    let id = db
        .create_application(NewApplication {
            account_id,
            service,
            provider,
            sub_case,
            targets: &[Target::Licence],
            answers: &Default::default(),
            at: created.fixed_offset(),
        })
        .await
        .unwrap();
    server
        .deliver(
            &id,
            Delivery {
                reference: reference.as_str(),
                submitted_at: &stored_time(submitted),
                registered_on: &received.date_naive().to_string(),
                expected_result: expected.as_deref(),
            },
        )
        .await;
    Submitted {
        id,
        reference: reference.to_string(),
        received: received.naive_local(),
    }
}

/// A paid application not yet submitted, which the officer must not see.
async fn draft(server: &TestServer, iin_bin: &str) -> String {
    let db = &server.state.db;
    let (account_id, _) = db.account_for(iin_bin).await.unwrap();
    let id = db
        .create_application(NewApplication {
            account_id,
            service: "medical-licence",
            provider: "vko-health",
            sub_case: SubCase::Issue,
            targets: &[],
            answers: &Default::default(),
            at: otinish_server::clock::now(),
        })
        .await
        .unwrap();
    server.move_to(&id, Status::Paid).await;
    id
}

async fn officer(
    server: &TestServer,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Reply {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let body = match body {
        Some(json) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    server.send(request.body(body).unwrap()).await
}

async fn move_to(server: &TestServer, id: &str, body: Value) -> Reply {
    officer(
        server,
        "POST",
        &format!("/api/v1/officer/applications/{id}/transitions"),
        Some(OFFICER_TOKEN),
        Some(body),
    )
    .await
}

async fn upload_result(server: &TestServer, id: &str, parts: &[(&str, &[u8])]) -> Reply {
    let boundary = "otinish-test-boundary";
    let mut body = Vec::new();
    for (name, content) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let file_name = if *name == "file" {
            "; filename=\"result.bin\""
        } else {
            ""
        };
        body.extend_from_slice(
            format!("Content-Disposition: form-data; name=\"{name}\"{file_name}\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let request = Request::put(format!("/api/v1/officer/applications/{id}/result"))
        .header(header::AUTHORIZATION, format!("Bearer {OFFICER_TOKEN}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    server.send(request).await
}

fn path_of(service: &str, provider: &str, sub_case: SubCase) -> Vec<Status> {
    let provision = catalog()
        .service(service)
        .and_then(|s| s.provision(provider))
        .unwrap();
    status::processing_path(provision, sub_case)
}

fn key(status: Status) -> String {
    messages::key(&status)
}

/// Moves the application along its path up to and including `last`.
async fn walk_to(server: &TestServer, application: &Submitted, path: &[Status], last: Status) {
    for next in path.iter().skip(1) {
        let reply = move_to(server, &application.id, json!({ "to": key(*next) })).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.json());
        if *next == last {
            return;
        }
    }
}

fn assert_problem(reply: &Reply, status: StatusCode, code: &str) {
    assert_eq!(
        (reply.status, reply.code()),
        (status, code.to_string()),
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
}

// ── The whole life ──────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn a_licence_goes_from_delivery_to_issue_with_the_agreement_its_regulation_has() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Issue,
        10,
    )
    .await;
    let path = path_of("medical-licence", "vko-health", SubCase::Issue);
    // East Kazakhstan asks the sanitary authority before issuing (Постановление акимата
    // ВКО от 26.03.2014 № 70, подп. 1) п. 1 (регламент), п. 5 действия 4–5).
    assert!(path.contains(&Status::AgreementRequested));

    let history_path = format!("/api/v1/applications/{}/history", application.id);
    let result_path = format!("/api/v1/applications/{}/result", application.id);
    let early = server.call("GET", &result_path, Some(&token), None).await;
    assert_problem(&early, StatusCode::CONFLICT, "result-not-ready");
    assert_eq!(early.json()["params"]["status"], "delivered");

    let shown = officer(
        &server,
        "GET",
        &format!("/api/v1/officer/applications/{}", application.id),
        Some(OFFICER_TOKEN),
        None,
    )
    .await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.json());
    let shown = shown.json();
    assert_eq!(shown["status"], "delivered");
    assert_eq!(shown["reference_number"], application.reference.as_str());
    assert_eq!(shown["applicant"]["last_name"], "Абенов");
    assert_eq!(shown["applicant"]["iin_bin"], PERSON);
    assert!(shown.get("result").is_none());

    let milestones = status::milestones(
        catalog()
            .service("medical-licence")
            .unwrap()
            .provision("vko-health")
            .unwrap(),
        SubCase::Issue,
        application.received,
    );
    let due_of = |status: Status| {
        milestones
            .iter()
            .find(|(s, _)| *s == status)
            .and_then(|(_, due)| due.as_ref())
            .map(|due| due.date().to_string())
    };
    for next in path.iter().skip(1) {
        if *next == Status::Decision {
            // A document uploaded before the decision is not the applicant's yet either.
            let reply = server.call("GET", &result_path, Some(&token), None).await;
            assert_problem(&reply, StatusCode::CONFLICT, "result-not-ready");
        }
        let reply = move_to(&server, &application.id, json!({ "to": key(*next) })).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.json());
        let entry = reply.json();
        assert_eq!(entry["status"], key(*next));
        assert!(entry["at"].as_str().unwrap().ends_with("+05:00"));
        if *next != Status::Issued {
            assert_eq!(
                entry["due"].as_str().map(str::to_string),
                due_of(*next),
                "{next:?}"
            );
        }
    }

    let history = server.call("GET", &history_path, Some(&token), None).await;
    assert_eq!(history.status, StatusCode::OK);
    let items = history.json()["items"].as_array().unwrap().clone();
    let statuses: Vec<&str> = items
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    let mut expected = vec!["draft", "signed"];
    let keys: Vec<String> = path.iter().map(|s| key(*s)).collect();
    expected.extend(keys.iter().map(String::as_str));
    assert_eq!(statuses, expected, "oldest first, every step once");
    let times: Vec<chrono::DateTime<chrono::FixedOffset>> = items
        .iter()
        .map(|i| chrono::DateTime::parse_from_rfc3339(i["at"].as_str().unwrap()).unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    let registered = items.iter().find(|i| i["status"] == "registered").unwrap();
    assert_eq!(
        registered["due"].as_str().map(str::to_string),
        due_of(Status::Registered)
    );
    assert!(registered["due"].is_string(), "registration has a term");

    let result = server.call("GET", &result_path, Some(&token), None).await;
    assert_eq!(result.status, StatusCode::OK);
    assert_eq!(result.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(
        result.headers[header::CONTENT_DISPOSITION],
        format!(
            "attachment; filename*=UTF-8''licence-{}.pdf",
            application.reference
        )
        .as_str()
    );
    assert!(result.body.starts_with(b"%PDF-1.4"));
    let shown = officer(
        &server,
        "GET",
        &format!("/api/v1/officer/applications/{}", application.id),
        Some(OFFICER_TOKEN),
        None,
    )
    .await
    .json();
    assert_eq!(shown["status"], "issued");
    assert_eq!(shown["result"]["file_type"], "pdf");
    assert_eq!(shown["result"]["size"], result.body.len());
    assert_eq!(
        shown["result"]["sha256"],
        hex::encode(Sha256::digest(&result.body))
    );
    assert_eq!(
        shown["result"]["document_number"],
        format!("TEST-{}", application.reference)
    );
    assert_eq!(shown["result"]["issued_at"], items.last().unwrap()["at"]);

    let after = move_to(
        &server,
        &application.id,
        json!({ "to": "refused", "reason": { "code": "late" } }),
    )
    .await;
    assert_problem(&after, StatusCode::CONFLICT, "transition-not-allowed");
    assert_eq!(
        after.json()["params"],
        json!({ "from": "issued", "to": "refused" })
    );
}

#[tokio::test]
async fn agreement_states_only_where_the_regulation_asks_other_bodies() {
    let server = TestServer::start().await;
    server.sign_up(PERSON).await;
    let application = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Duplicate,
        3,
    )
    .await;
    let path = path_of("medical-licence", "vko-health", SubCase::Duplicate);
    assert!(!path.contains(&Status::AgreementRequested));
    walk_to(&server, &application, &path, Status::UnderReview).await;
    let reply = move_to(
        &server,
        &application.id,
        json!({ "to": "agreement-requested" }),
    )
    .await;
    assert_problem(&reply, StatusCode::CONFLICT, "transition-not-allowed");
    assert_eq!(
        reply.json()["params"],
        json!({ "from": "under-review", "to": "agreement-requested" })
    );
    let reply = move_to(&server, &application.id, json!({ "to": "decision" })).await;
    assert_eq!(reply.status, StatusCode::OK);
}

// ── Refusal ─────────────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn a_refusal_records_its_reason_and_the_reasoned_refusal_is_the_result() {
    let server = TestServer::start().await;
    let token = server.sign_up(COMPANY).await;
    let application = submit(
        &server,
        COMPANY,
        "pharmaceutical-licence",
        "vko-health",
        SubCase::Issue,
        2,
    )
    .await;
    let path = path_of("pharmaceutical-licence", "vko-health", SubCase::Issue);
    walk_to(&server, &application, &path, Status::Registered).await;

    let reply = move_to(&server, &application.id, json!({ "to": "refused" })).await;
    assert_problem(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation-failed",
    );
    assert_eq!(
        reply.field_error(),
        ("/reason".into(), "reason-required".into())
    );
    let reply = move_to(
        &server,
        &application.id,
        json!({ "to": "refused", "reason": { "code": "Not a code" } }),
    )
    .await;
    assert_problem(&reply, StatusCode::BAD_REQUEST, "malformed-request");
    assert_eq!(
        reply.field_error(),
        ("/reason/code".into(), "bad-format".into())
    );
    let reply = move_to(
        &server,
        &application.id,
        json!({ "to": "refused", "reason": { "code": "x", "comment": "" } }),
    )
    .await;
    assert_eq!(
        reply.field_error(),
        ("/reason/comment".into(), "too-short".into())
    );
    let reply = move_to(
        &server,
        &application.id,
        json!({ "to": "refused", "reason": { "code": "x", "extra": 1 } }),
    )
    .await;
    assert_problem(&reply, StatusCode::BAD_REQUEST, "malformed-request");

    let reason = json!({
        "code": "incomplete-package",
        "comment": "Не приложена форма сведений о соответствии квалификационным требованиям."
    });
    let reply = move_to(
        &server,
        &application.id,
        json!({ "to": "refused", "reason": reason }),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json());
    let entry = reply.json();
    assert_eq!(
        (entry["status"].as_str(), &entry["reason"]),
        (Some("refused"), &reason)
    );

    let history = server
        .call(
            "GET",
            &format!("/api/v1/applications/{}/history", application.id),
            Some(&token),
            None,
        )
        .await
        .json();
    let last = history["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["status"].as_str(), &last["reason"]),
        (Some("refused"), &reason)
    );

    let result = server
        .call(
            "GET",
            &format!("/api/v1/applications/{}/result", application.id),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(result.status, StatusCode::OK);
    assert_eq!(result.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(
        result.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .ends_with(&format!("refusal-{}.pdf", application.reference))
    );
    assert!(result.body.starts_with(b"%PDF-"));

    let shown = officer(
        &server,
        "GET",
        &format!("/api/v1/officer/applications/{}", application.id),
        Some(OFFICER_TOKEN),
        None,
    )
    .await
    .json();
    assert_eq!(shown["refusal"], reason);
    assert_eq!(shown["applicant"]["kind"], "legal-entity");

    for again in [
        json!({ "to": "refused", "reason": { "code": "twice" } }),
        json!({ "to": "executor-assigned" }),
    ] {
        let reply = move_to(&server, &application.id, again).await;
        assert_problem(&reply, StatusCode::CONFLICT, "transition-not-allowed");
        assert_eq!(reply.json()["params"]["from"], "refused");
    }
}

// ── Moves that are not allowed ──────────────────────────────────────────────────────────

#[tokio::test]
async fn moves_off_the_path_are_refused() {
    let server = TestServer::start().await;
    server.sign_up(PERSON).await;
    let application = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Issue,
        1,
    )
    .await;
    for (to, from) in [
        ("decision", "delivered"),
        ("issued", "delivered"),
        ("executor-assigned", "delivered"),
    ] {
        let reply = move_to(&server, &application.id, json!({ "to": to })).await;
        assert_problem(&reply, StatusCode::CONFLICT, "transition-not-allowed");
        assert_eq!(reply.json()["params"], json!({ "from": from, "to": to }));
    }
    for to in ["delivered", "draft", "signed"] {
        let reply = move_to(&server, &application.id, json!({ "to": to })).await;
        assert_problem(&reply, StatusCode::BAD_REQUEST, "malformed-request");
        assert_eq!(reply.field_error(), ("/to".into(), "not-an-option".into()));
    }
    let reply = move_to(&server, &application.id, json!({ "to": "approved" })).await;
    assert_problem(&reply, StatusCode::BAD_REQUEST, "malformed-request");
    let reply = move_to(&server, &application.id, json!({})).await;
    assert_eq!(reply.field_error(), ("/to".into(), "required".into()));
    let reply = officer(
        &server,
        "POST",
        &format!(
            "/api/v1/officer/applications/{}/transitions",
            application.id
        ),
        Some(OFFICER_TOKEN),
        None,
    )
    .await;
    assert_problem(
        &reply,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    );

    // Nothing moved.
    let shown = officer(
        &server,
        "GET",
        &format!("/api/v1/officer/applications/{}", application.id),
        Some(OFFICER_TOKEN),
        None,
    )
    .await;
    assert_eq!(shown.json()["status"], "delivered");

    // Not submitted yet: not the officer's.
    let unsubmitted = draft(&server, PERSON).await;
    let reply = move_to(&server, &unsubmitted, json!({ "to": "registered" })).await;
    assert_problem(&reply, StatusCode::NOT_FOUND, "not-found");
    let reply = officer(
        &server,
        "GET",
        &format!("/api/v1/officer/applications/{unsubmitted}"),
        Some(OFFICER_TOKEN),
        None,
    )
    .await;
    assert_problem(&reply, StatusCode::NOT_FOUND, "not-found");
    for missing in [uuid::Uuid::new_v4().to_string(), "not-a-uuid".to_string()] {
        let reply = move_to(&server, &missing, json!({ "to": "registered" })).await;
        assert_problem(&reply, StatusCode::NOT_FOUND, "not-found");
    }
}

#[tokio::test]
async fn a_move_happens_after_the_last_and_not_in_the_future() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Issue,
        5,
    )
    .await;
    let at = |time: chrono::DateTime<Utc>| {
        time.with_timezone(&chrono::FixedOffset::east_opt(5 * 3600).unwrap())
            .to_rfc3339_opts(SecondsFormat::Secs, true)
    };
    for wrong in [
        Utc::now() - Duration::days(6),
        Utc::now() + Duration::hours(1),
    ] {
        let reply = move_to(
            &server,
            &application.id,
            json!({ "to": "registered", "at": at(wrong) }),
        )
        .await;
        assert_problem(
            &reply,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation-failed",
        );
        assert_eq!(
            reply.field_error(),
            ("/at".into(), "time-out-of-order".into())
        );
    }
    let reply = move_to(
        &server,
        &application.id,
        json!({ "to": "registered", "at": "yesterday" }),
    )
    .await;
    assert_problem(&reply, StatusCode::BAD_REQUEST, "malformed-request");

    let when = at(Utc::now() - Duration::days(4));
    let reply = move_to(
        &server,
        &application.id,
        json!({ "to": "registered", "at": when }),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json()["at"], when);
    let history = server
        .call(
            "GET",
            &format!("/api/v1/applications/{}/history", application.id),
            Some(&token),
            None,
        )
        .await
        .json();
    assert_eq!(
        history["items"].as_array().unwrap().last().unwrap()["at"],
        when
    );
}

// ── Who may ask ─────────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn the_officer_api_needs_the_officer_token() {
    let server = TestServer::start().await;
    let applicant = server.sign_up(PERSON).await;
    let application = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Issue,
        1,
    )
    .await;
    let paths = [
        ("GET", "/api/v1/officer/applications".to_string(), None),
        (
            "GET",
            format!("/api/v1/officer/applications/{}", application.id),
            None,
        ),
        (
            "POST",
            format!(
                "/api/v1/officer/applications/{}/transitions",
                application.id
            ),
            Some(json!({ "to": "registered" })),
        ),
    ];
    for (method, path, body) in &paths {
        for token in [None, Some("wrong-token"), Some(applicant.as_str())] {
            let reply = officer(&server, method, path, token, body.clone()).await;
            assert_problem(&reply, StatusCode::UNAUTHORIZED, "unauthenticated");
        }
        // An applicant's session is not an officer's.
        let reply = server
            .call(method, path, Some(&applicant), body.clone())
            .await;
        assert_problem(&reply, StatusCode::UNAUTHORIZED, "unauthenticated");
    }
    let reply = upload_result(&server, &application.id, &[]).await;
    assert_ne!(
        reply.status,
        StatusCode::UNAUTHORIZED,
        "the right token passes"
    );

    // Without a configured token the officer API is closed to everyone.
    let closed = TestServer::with_settings(|settings| settings.officer_token = None).await;
    let reply = officer(
        &closed,
        "GET",
        "/api/v1/officer/applications",
        Some(OFFICER_TOKEN),
        None,
    )
    .await;
    assert_problem(&reply, StatusCode::UNAUTHORIZED, "unauthenticated");
    let reply = officer(
        &closed,
        "GET",
        "/api/v1/officer/applications",
        Some(""),
        None,
    )
    .await;
    assert_problem(&reply, StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn another_accounts_history_and_result_are_not_found() {
    let server = TestServer::start().await;
    let owner = server.sign_up(PERSON).await;
    let other = server.sign_up(OTHER_PERSON).await;
    let application = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Duplicate,
        1,
    )
    .await;
    officer_cli::issue(
        &server.state.db,
        &server.state.settings,
        &application.reference,
    )
    .await
    .unwrap();
    for what in ["history", "result"] {
        let path = format!("/api/v1/applications/{}/{what}", application.id);
        assert_eq!(
            server.call("GET", &path, Some(&owner), None).await.status,
            StatusCode::OK
        );
        let reply = server.call("GET", &path, Some(&other), None).await;
        assert_problem(&reply, StatusCode::NOT_FOUND, "not-found");
        let missing = format!("/api/v1/applications/{}/{what}", uuid::Uuid::new_v4());
        let reply = server.call("GET", &missing, Some(&owner), None).await;
        assert_problem(&reply, StatusCode::NOT_FOUND, "not-found");
        let reply = server
            .call(
                "GET",
                &format!("/api/v1/applications/not-a-uuid/{what}"),
                Some(&owner),
                None,
            )
            .await;
        assert_problem(&reply, StatusCode::NOT_FOUND, "not-found");
        let reply = server.call("GET", &path, None, None).await;
        assert_problem(&reply, StatusCode::UNAUTHORIZED, "unauthenticated");
    }
}

#[tokio::test]
async fn a_draft_has_a_history_but_no_result() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let id = draft(&server, PERSON).await;
    let history = server
        .call(
            "GET",
            &format!("/api/v1/applications/{id}/history"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(history.status, StatusCode::OK);
    let items = history.json()["items"].as_array().unwrap().clone();
    let statuses: Vec<&str> = items
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["draft", "paid"]);
    let result = server
        .call(
            "GET",
            &format!("/api/v1/applications/{id}/result"),
            Some(&token),
            None,
        )
        .await;
    assert_problem(&result, StatusCode::CONFLICT, "result-not-ready");
    assert_eq!(result.json()["params"]["status"], "paid");
}

// ── The officer's list ──────────────────────────────────────────────────────────────────

#[tokio::test]
async fn the_officer_list_pages_through_submitted_applications_oldest_first() {
    let server = TestServer::start().await;
    server.sign_up(PERSON).await;
    server.sign_up(COMPANY).await;
    let newest = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Issue,
        1,
    )
    .await;
    let oldest = submit(
        &server,
        COMPANY,
        "pharmaceutical-licence",
        "vko-health",
        SubCase::Issue,
        9,
    )
    .await;
    let middle = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Duplicate,
        5,
    )
    .await;
    draft(&server, PERSON).await;
    move_to(&server, &middle.id, json!({ "to": "registered" })).await;

    let list = |query: &str| {
        let path = format!("/api/v1/officer/applications{query}");
        let server = &server;
        async move { officer(server, "GET", &path, Some(OFFICER_TOKEN), None).await }
    };
    let all = list("").await;
    assert_eq!(all.status, StatusCode::OK);
    let all = all.json();
    let ids: Vec<&str> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [oldest.id.as_str(), middle.id.as_str(), newest.id.as_str()]
    );
    assert!(all.get("next_cursor").is_none());
    let first = &all["items"][0];
    assert_eq!(first["applicant_iin_bin"], COMPANY);
    assert_eq!(first["applicant_kind"], "legal-entity");
    assert_eq!(all["items"][1]["applicant_kind"], "individual");
    assert_eq!(first["reference_number"], oldest.reference.as_str());
    assert_eq!(first["status"], "delivered");
    assert!(first["due_date"].is_string());

    let registered = list("?status=registered").await.json();
    assert_eq!(registered["items"].as_array().unwrap().len(), 1);
    assert_eq!(registered["items"][0]["id"], middle.id.as_str());
    let drafts = list("?status=paid").await.json();
    assert_eq!(drafts["items"], json!([]), "drafts are not the officer's");

    let page = list("?limit=2").await.json();
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    let cursor = page["next_cursor"].as_str().unwrap().to_string();
    let rest = list(&format!("?limit=2&cursor={cursor}")).await.json();
    let rest_ids: Vec<&str> = rest["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(rest_ids, [newest.id.as_str()]);
    assert!(rest.get("next_cursor").is_none());

    for (query, field, code) in [
        ("?limit=0", "limit", "out-of-range"),
        ("?limit=101", "limit", "out-of-range"),
        ("?limit=two", "limit", "wrong-type"),
        ("?status=approved", "status", "not-an-option"),
        ("?cursor=bm90LWEtY3Vyc29y", "cursor", "bad-format"),
        ("?cursor=", "cursor", "bad-format"),
        ("?cursor=%3D%3D", "cursor", "bad-format"),
    ] {
        let reply = list(query).await;
        assert_problem(&reply, StatusCode::BAD_REQUEST, "malformed-request");
        assert_eq!(
            reply.field_error(),
            (field.to_string(), code.to_string()),
            "{query}"
        );
    }
}

// ── Results uploaded by an officer ──────────────────────────────────────────────────────

#[tokio::test]
async fn outside_test_mode_an_officer_uploads_the_result_before_issuing() {
    let server = TestServer::with_settings(|settings| {
        settings.test_mode = false;
        settings.max_file_bytes = 4096;
    })
    .await;
    let token = server.sign_up(PERSON).await;
    let application = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Duplicate,
        3,
    )
    .await;
    let path = path_of("medical-licence", "vko-health", SubCase::Duplicate);
    walk_to(&server, &application, &path, Status::UnderReview).await;

    let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".as_slice();
    let reply = upload_result(&server, &application.id, &[("file", pdf)]).await;
    assert_problem(&reply, StatusCode::CONFLICT, "transition-not-allowed");
    assert_eq!(reply.json()["params"]["from"], "under-review");

    walk_to(&server, &application, &path[3..], Status::Decision).await;
    let reply = move_to(&server, &application.id, json!({ "to": "issued" })).await;
    assert_problem(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation-failed",
    );
    assert_eq!(reply.field_error(), ("/to".into(), "result-missing".into()));

    let reply = upload_result(&server, &application.id, &[("file", b"")]).await;
    assert_problem(&reply, StatusCode::BAD_REQUEST, "file-empty");
    let reply = upload_result(
        &server,
        &application.id,
        &[("file", b"just text, named .pdf")],
    )
    .await;
    assert_problem(
        &reply,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "file-type-not-allowed",
    );
    assert_eq!(
        reply.json()["params"]["accepted"],
        json!(["pdf", "jpeg", "png"])
    );
    let big = [b"%PDF-1.4\n".as_slice(), &[b' '; 5000]].concat();
    let reply = upload_result(&server, &application.id, &[("file", &big)]).await;
    assert_problem(&reply, StatusCode::PAYLOAD_TOO_LARGE, "file-too-large");
    assert_eq!(reply.json()["params"]["max_bytes"], 4096);
    let reply = upload_result(&server, &application.id, &[("document_number", b"KZ-1")]).await;
    assert_eq!(reply.field_error(), ("/file".into(), "required".into()));
    let reply = upload_result(
        &server,
        &application.id,
        &[("file", pdf), ("signature", b"x")],
    )
    .await;
    assert_problem(&reply, StatusCode::BAD_REQUEST, "malformed-request");
    assert_eq!(
        reply.field_error(),
        ("/signature".into(), "unknown-field".into())
    );
    let reply = upload_result(
        &server,
        &application.id,
        &[("file", pdf), ("document_number", &[b'7'; 65])],
    )
    .await;
    assert_eq!(
        reply.field_error(),
        ("/document_number".into(), "too-long".into())
    );
    let reply = officer(
        &server,
        "PUT",
        &format!("/api/v1/officer/applications/{}/result", application.id),
        Some(OFFICER_TOKEN),
        Some(json!({ "file": "x" })),
    )
    .await;
    assert_problem(
        &reply,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    );
    assert_eq!(
        server.stored("results").await,
        Vec::<String>::new(),
        "nothing left behind"
    );

    let png = b"\x89PNG\r\n\x1a\nrest of a picture".as_slice();
    let reply = upload_result(&server, &application.id, &[("file", png)]).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json());
    assert_eq!(reply.json()["file_type"], "png");
    let reply = upload_result(
        &server,
        &application.id,
        &[("document_number", "№ 00123".as_bytes()), ("file", pdf)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "replaced");
    let info = reply.json();
    assert_eq!(info["file_type"], "pdf");
    assert_eq!(info["document_number"], "№ 00123");
    assert_eq!(info["sha256"], hex::encode(Sha256::digest(pdf)));

    let early = server
        .call(
            "GET",
            &format!("/api/v1/applications/{}/result", application.id),
            Some(&token),
            None,
        )
        .await;
    assert_problem(&early, StatusCode::CONFLICT, "result-not-ready");
    let reply = move_to(&server, &application.id, json!({ "to": "issued" })).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json());
    let result = server
        .call(
            "GET",
            &format!("/api/v1/applications/{}/result", application.id),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(result.status, StatusCode::OK);
    assert_eq!(result.body, pdf, "the officer's own document, unchanged");
    let shown = officer(
        &server,
        "GET",
        &format!("/api/v1/officer/applications/{}", application.id),
        Some(OFFICER_TOKEN),
        None,
    )
    .await
    .json();
    assert_eq!(
        shown["result"]["issued_at"],
        reply.json()["at"],
        "issued when the application was"
    );
}

// ── The CLI ─────────────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn the_cli_moves_applications_by_reference_as_the_api_does() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let (db, settings) = (&server.state.db, &server.state.settings);
    let first = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Issue,
        4,
    )
    .await;
    let second = submit(
        &server,
        PERSON,
        "scrap-metal-licence",
        "almaty-economy",
        SubCase::Issue,
        2,
    )
    .await;

    let listed = officer_cli::list(db, None).await.unwrap();
    assert_eq!(listed.len(), 2);
    let table = officer_cli::table(&listed);
    assert!(
        table.contains(&first.reference) && table.contains(&second.reference),
        "{table}"
    );
    assert_eq!(table.lines().count(), 3);
    assert!(
        officer_cli::list(db, Some(Status::Registered))
            .await
            .unwrap()
            .is_empty()
    );

    let moved = officer_cli::advance(db, settings, &first.reference.to_lowercase())
        .await
        .unwrap();
    assert_eq!(
        (moved.from, moved.entry.status),
        (Status::Delivered, Status::Registered)
    );
    assert!(moved.to_string().starts_with(&format!(
        "{}  delivered -> registered  at ",
        first.reference
    )));
    assert_eq!(
        officer_cli::list(db, Some(Status::Registered))
            .await
            .unwrap()
            .len(),
        1
    );

    let steps = officer_cli::issue(db, settings, &first.reference)
        .await
        .unwrap();
    let path = path_of("medical-licence", "vko-health", SubCase::Issue);
    assert_eq!(
        steps.iter().map(|s| s.entry.status).collect::<Vec<_>>(),
        path[2..].to_vec()
    );
    assert!(steps.windows(2).all(|w| w[0].entry.status == w[1].from));
    let again = officer_cli::issue(db, settings, &first.reference)
        .await
        .unwrap_err();
    assert_eq!(again.0.code, "transition-not-allowed");
    let result = server
        .call(
            "GET",
            &format!("/api/v1/applications/{}/result", first.id),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(result.status, StatusCode::OK);

    let bad = officer_cli::refuse(db, settings, &second.reference, "Bad Code", None)
        .await
        .unwrap_err();
    assert_eq!(bad.0.code, "malformed-request");
    let refused = officer_cli::refuse(
        db,
        settings,
        &second.reference,
        "incomplete-package",
        Some("Нет справки"),
    )
    .await
    .unwrap();
    assert_eq!(refused.entry.status, Status::Refused);
    assert_eq!(
        refused.entry.reason.as_ref().unwrap().comment.as_deref(),
        Some("Нет справки")
    );
    assert!(refused.to_string().ends_with("reason incomplete-package"));
    let after = officer_cli::advance(db, settings, &second.reference)
        .await
        .unwrap_err();
    assert_eq!(after.0.code, "transition-not-allowed");

    for unknown in ["AAAAAAAA", "not a reference"] {
        let missing = officer_cli::advance(db, settings, unknown)
            .await
            .unwrap_err();
        assert_eq!(missing.0.code, "not-found");
    }
    let message = officer_cli::CliError::Refused(after).to_string();
    assert!(
        message.starts_with("transition-not-allowed from=\"refused\""),
        "{message}"
    );
}

// ── The demo clock ──────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn the_demo_clock_moves_every_application_one_step_until_issued_and_never_refuses() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let (db, settings) = (&server.state.db, &server.state.settings);
    let long = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Issue,
        3,
    )
    .await;
    let short = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Duplicate,
        2,
    )
    .await;
    let unsubmitted = draft(&server, PERSON).await;

    let moved = demo_clock::tick(db, settings).await;
    assert_eq!(moved.len(), 2);
    assert!(
        moved
            .iter()
            .all(|(_, entry)| entry.status == Status::Registered)
    );
    let mut ticks = 1;
    while !demo_clock::tick(db, settings).await.is_empty() {
        ticks += 1;
        assert!(
            ticks < 20,
            "the clock stops moving once everything is issued"
        );
    }
    assert_eq!(
        ticks,
        path_of("medical-licence", "vko-health", SubCase::Issue).len() - 1
    );
    for application in [&long, &short] {
        let history = server
            .call(
                "GET",
                &format!("/api/v1/applications/{}/history", application.id),
                Some(&token),
                None,
            )
            .await
            .json();
        let statuses: Vec<&str> = history["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses.last(), Some(&"issued"));
        assert!(!statuses.contains(&"refused"));
    }
    let draft_history = server
        .call(
            "GET",
            &format!("/api/v1/applications/{unsubmitted}/history"),
            Some(&token),
            None,
        )
        .await
        .json();
    let items = draft_history["items"].as_array().unwrap();
    assert_eq!(
        items.last().unwrap()["status"],
        "paid",
        "drafts are left alone"
    );

    // Running in the background, and stopping when asked.
    let late = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Duplicate,
        1,
    )
    .await;
    let clock = demo_clock::start(
        db.clone(),
        server.state.settings.clone(),
        std::time::Duration::from_millis(20),
    );
    let mut waited = 0;
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        let application = db.submitted_application(&late.id).await.unwrap().unwrap();
        if application.status != Status::Delivered {
            break;
        }
        waited += 1;
        assert!(waited < 250, "the clock moves within a few intervals");
    }
    clock.stop().await;
    let stopped_at = db
        .submitted_application(&late.id)
        .await
        .unwrap()
        .unwrap()
        .status;
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(
        db.submitted_application(&late.id)
            .await
            .unwrap()
            .unwrap()
            .status,
        stopped_at,
        "no move after stop"
    );
}

#[tokio::test]
async fn outside_test_mode_the_demo_clock_waits_for_the_officers_document() {
    let server = TestServer::with_settings(|settings| settings.test_mode = false).await;
    server.sign_up(PERSON).await;
    let application = submit(
        &server,
        PERSON,
        "medical-licence",
        "vko-health",
        SubCase::Duplicate,
        2,
    )
    .await;
    let (db, settings) = (&server.state.db, &server.state.settings);
    while !demo_clock::tick(db, settings).await.is_empty() {}
    let waiting = db
        .submitted_application(&application.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(waiting.status, Status::Decision);
}
