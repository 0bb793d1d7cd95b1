//! Helpers for the payment and submission tests: applications and files put into storage
//! through `Db` (so that these tests do not depend on the applications API, and run on
//! either engine), requests that
//! come to a named host (the test gateway sends the browser back to the backend's own
//! origin), and the gateway page's buttons.
#![allow(dead_code)]

use crate::common::{Reply, TestServer};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use otinish_core::api::ApplicationStatus;
use otinish_core::catalog::{FileType, SubCase, Target};
use otinish_server::db::{NewApplication, NewDocument};
use otinish_server::names::Named;
use serde_json::{Value, json};

/// The host every request here is sent to, as a browser on the backend's site would.
pub const HOST: &str = "otinish.test";

pub struct Applicant {
    pub token: String,
    pub account_id: i64,
    pub iin_bin: String,
}

pub async fn applicant(server: &TestServer, iin_bin: &str) -> Applicant {
    let token = server.sign_up(iin_bin).await;
    let (account_id, _) = server.state.db.account_for(iin_bin).await.unwrap();
    Applicant {
        token,
        account_id,
        iin_bin: iin_bin.to_string(),
    }
}

/// A draft with these answers, as the applications API would have stored it.
pub async fn draft(
    server: &TestServer,
    owner: &Applicant,
    service: &str,
    provider: &str,
    sub_case: &str,
    answers: Value,
) -> String {
    server
        .state
        .db
        .create_application(NewApplication {
            account_id: owner.account_id,
            service,
            provider,
            sub_case: SubCase::from_name(sub_case).expect("a sub-case"),
            targets: &[Target::Licence],
            answers: &serde_json::from_value(answers).expect("answers of the contract's shape"),
            at: otinish_server::clock::now(),
        })
        .await
        .unwrap()
}

/// A complete duplicate of a medical licence in East Kazakhstan: a 10 МРП fee, no file to
/// attach.
pub async fn medical_duplicate(server: &TestServer, owner: &Applicant) -> String {
    draft(
        server,
        owner,
        "medical-licence",
        "vko-health",
        "duplicate",
        medical_duplicate_answers(),
    )
    .await
}

pub fn medical_duplicate_answers() -> Value {
    json!({
        "annex-subtypes": { "activity-subtypes": "Стоматология" },
        "duplicate-details": {
            "licence-number": "00123",
            "licence-date": "2015-03-12",
            "duplicate-reason": "lost"
        },
        "contacts": { "contact-phone": "+77011234567", "contact-email": "aigerim@example.kz" }
    })
}

/// A complete end-user certificate: the regulation has no payment step, so nothing is paid
/// here (no source gives its fee; it is settled with the provider).
pub async fn free_certificate(server: &TestServer, owner: &Applicant) -> String {
    draft(
        server,
        owner,
        "end-user-certificate",
        "mint-industry-committee",
        "issue",
        json!({ "contacts": { "contact-phone": "+77011234567", "contact-email": "a@example.kz" } }),
    )
    .await
}

/// A file's record, as an upload would have left it.
pub async fn attach(server: &TestServer, application_id: &str, document: &str) {
    let id = uuid::Uuid::new_v4().to_string();
    let status = server
        .state
        .db
        .any_application(application_id)
        .await
        .unwrap()
        .expect("the application")
        .status;
    server
        .state
        .db
        .add_document(
            NewDocument {
                id: &id,
                application_id,
                document,
                file_name: "сведения.pdf",
                file_type: FileType::Pdf,
                size: 48213,
                sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                storage_key: &id,
            },
            status,
            10,
        )
        .await
        .unwrap()
        .expect("room in the slot");
}

/// `method path` to [`HOST`], with the session and extra headers, and a JSON body or none.
pub async fn call(
    server: &TestServer,
    method: &str,
    path: &str,
    token: Option<&str>,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> Reply {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, HOST);
    if let Some(token) = token {
        request = request.header(header::COOKIE, format!("otinish_session={token}"));
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
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

pub fn return_url(application_id: &str) -> String {
    format!("http://{HOST}/applications/{application_id}/payment")
}

/// `POST …/payments` with the app's return address.
pub async fn start_payment(server: &TestServer, owner: &Applicant, application_id: &str) -> Reply {
    post_payment(
        server,
        owner,
        application_id,
        json!({ "return_url": return_url(application_id) }),
    )
    .await
}

/// `POST …/payments` with the app's return address and an amount the applicant entered.
pub async fn start_entered_payment(
    server: &TestServer,
    owner: &Applicant,
    application_id: &str,
    tenge: Value,
) -> Reply {
    let body = json!({ "return_url": return_url(application_id), "tenge": tenge });
    post_payment(server, owner, application_id, body).await
}

async fn post_payment(
    server: &TestServer,
    owner: &Applicant,
    application_id: &str,
    body: Value,
) -> Reply {
    call(
        server,
        "POST",
        &format!("/api/v1/applications/{application_id}/payments"),
        Some(&owner.token),
        &[],
        Some(body),
    )
    .await
}

/// A complete duplicate of a pharmaceutical licence in East Kazakhstan: a licence fee is
/// due, but no source gives its rate (paid in the amount entered, or by a receipt).
pub async fn pharmacy_duplicate(server: &TestServer, owner: &Applicant) -> String {
    draft(
        server,
        owner,
        "pharmaceutical-licence",
        "vko-health",
        "duplicate",
        medical_duplicate_answers(),
    )
    .await
}

/// Presses a button of the gateway page (`pay` or `decline`), as the browser would.
pub async fn press(server: &TestServer, payment_id: &str, button: &str) -> Reply {
    let request = Request::builder()
        .method("POST")
        .uri(format!("/test-gateway/{payment_id}/{button}"))
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    server.send(request).await
}

/// Creates a payment and pays it on the gateway page; returns the payment.
pub async fn pay(server: &TestServer, owner: &Applicant, application_id: &str) -> Value {
    let created = start_payment(server, owner, application_id).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", text(&created));
    let payment_id = created.json()["id"].as_str().unwrap().to_string();
    let back = press(server, &payment_id, "pay").await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    call(
        server,
        "GET",
        &format!("/api/v1/applications/{application_id}/payments/{payment_id}"),
        Some(&owner.token),
        &[],
        None,
    )
    .await
    .json()
}

/// The application's status and its history, from storage.
pub async fn status_and_history(
    server: &TestServer,
    application_id: &str,
) -> (String, Vec<String>) {
    let db = &server.state.db;
    let status: ApplicationStatus = db
        .any_application(application_id)
        .await
        .unwrap()
        .expect("the application")
        .status;
    let history = db
        .status_history(application_id)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.status.name().to_string())
        .collect();
    (status.name().to_string(), history)
}

pub fn text(reply: &Reply) -> String {
    String::from_utf8_lossy(&reply.body).into_owned()
}

/// Every field error's `(field, code)`.
pub fn field_errors(reply: &Reply) -> Vec<(String, String)> {
    reply.json()["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|error| {
                    (
                        error["field"].as_str().unwrap_or_default().to_string(),
                        error["code"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}
