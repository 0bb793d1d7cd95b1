//! Documents through the HTTP API: streamed multipart uploads judged by content, the
//! per-document limits and quota, download and removal by the owner only.

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{OTHER_PERSON, PERSON, Reply, TestServer};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const APPLICATIONS: &str = "/api/v1/applications";
const BOUNDARY: &str = "otinish-test-boundary-7MA4YWxkTrZu0gW";
/// The document medical-licence at vko-health asks the applicant for, to issue.
const QUALIFICATION_FORM: &str = "qualification-form";

fn pdf(size: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    bytes.resize(size.max(bytes.len()), b'0');
    bytes
}

fn png() -> Vec<u8> {
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec()
}

/// One multipart part: name, file name, bytes.
type Part<'a> = (&'a str, Option<&'a str>, &'a [u8]);

fn multipart(parts: &[Part<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, file_name, bytes) in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match file_name {
            Some(file_name) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\n\
                     Content-Type: application/pdf\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn post_raw(
    server: &TestServer,
    token: &str,
    application: &str,
    content_type: &str,
    body: Vec<u8>,
) -> Reply {
    let request = Request::post(format!("{APPLICATIONS}/{application}/documents"))
        .header(header::COOKIE, format!("otinish_session={token}"))
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    server.send(request).await
}

async fn upload(server: &TestServer, token: &str, application: &str, parts: &[Part<'_>]) -> Reply {
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    post_raw(server, token, application, &content_type, multipart(parts)).await
}

async fn upload_pdf(server: &TestServer, token: &str, application: &str, bytes: &[u8]) -> Reply {
    let parts: [Part<'_>; 2] = [
        ("document", None, QUALIFICATION_FORM.as_bytes()),
        ("file", Some("сведения.pdf"), bytes),
    ];
    upload(server, token, application, &parts).await
}

/// A draft that asks the applicant for the qualification form.
async fn medical_issue(server: &TestServer, token: &str) -> String {
    let body = json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "issue", "targets": ["licence"] });
    let reply = server
        .call("POST", APPLICATIONS, Some(token), Some(body))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    reply.json()["id"].as_str().unwrap().to_string()
}

async fn set_status(server: &TestServer, id: &str, status: &str) {
    use otinish_server::names::Named;
    let status = otinish_core::api::ApplicationStatus::from_name(status).expect("a status");
    server.move_to(id, status).await;
}

fn problem(reply: &Reply) -> (StatusCode, String) {
    (reply.status, reply.code())
}

// ── Uploading ────────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn a_pdf_is_stored_with_its_hash_and_downloaded_as_it_was() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;
    let bytes = pdf(48_213);
    let reply = upload_pdf(&server, &token, &application, &bytes).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let stored = reply.json();
    let id = stored["id"].as_str().unwrap();
    let location = format!("{APPLICATIONS}/{application}/documents/{id}");
    assert_eq!(reply.headers[header::LOCATION], location.as_str());
    assert_eq!(stored["document"], QUALIFICATION_FORM);
    assert_eq!(stored["file_name"], "сведения.pdf");
    assert_eq!(stored["file_type"], "pdf");
    assert_eq!(stored["size"], 48_213);
    assert_eq!(stored["sha256"], hex::encode(Sha256::digest(&bytes)));
    assert!(stored["uploaded_at"].as_str().unwrap().ends_with("+05:00"));
    assert_eq!(
        server.stored("uploads").await,
        [id.to_string()],
        "no partial file is left"
    );

    let read = server
        .call(
            "GET",
            &format!("{APPLICATIONS}/{application}"),
            Some(&token),
            None,
        )
        .await
        .json();
    assert_eq!(read["documents"], json!([stored]));

    let download = server.call("GET", &location, Some(&token), None).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(
        download.headers[header::CONTENT_DISPOSITION],
        "attachment; filename*=UTF-8''%D1%81%D0%B2%D0%B5%D0%B4%D0%B5%D0%BD%D0%B8%D1%8F.pdf"
    );
    assert_eq!(download.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(download.body, bytes);
}

#[tokio::test]
async fn the_type_is_judged_by_content_not_by_name_or_declared_type() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;

    // A PNG sent as "scan.pdf" with a PDF content type is a PNG.
    let image = png();
    let parts: [Part<'_>; 2] = [
        ("document", None, QUALIFICATION_FORM.as_bytes()),
        ("file", Some("scan.pdf"), &image),
    ];
    let reply = upload(&server, &token, &application, &parts).await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert_eq!(reply.json()["file_type"], "png");
    // …and is kept and served under a name that says so.
    assert_eq!(reply.json()["file_name"], "scan.png");
    let id = reply.json()["id"].as_str().unwrap().to_string();
    let download = server
        .call(
            "GET",
            &format!("{APPLICATIONS}/{application}/documents/{id}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(download.headers[header::CONTENT_TYPE], "image/png");
    assert_eq!(
        download.headers[header::CONTENT_DISPOSITION],
        "attachment; filename*=UTF-8''scan.png"
    );

    // Text called .pdf is refused, short or long (the long one is stopped at its first bytes).
    for text in [
        b"Hello, this is not a PDF at all.".to_vec(),
        vec![b'a'; 300_000],
    ] {
        let reply = upload_pdf(&server, &token, &application, &text).await;
        assert_eq!(
            problem(&reply),
            (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "file-type-not-allowed".into()
            )
        );
        let body = reply.json();
        assert_eq!(body["params"]["accepted"], json!(["pdf", "jpeg", "png"]));
        assert_eq!(body["errors"][0]["field"], "/file");
        assert_eq!(body["errors"][0]["code"], "file-type-not-allowed");
    }
    assert_eq!(
        server.stored("uploads").await,
        [id],
        "the refused files were deleted"
    );

    // An HTML page that starts like a PDF is a PDF, named as one: no browser or desktop
    // opens it as a page.
    let page = b"%PDF-1.7\n<html><script>alert(1)</script></html>".to_vec();
    let parts: [Part<'_>; 2] = [
        ("document", None, QUALIFICATION_FORM.as_bytes()),
        ("file", Some("invoice.html"), &page),
    ];
    let reply = upload(&server, &token, &application, &parts).await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert_eq!(
        (
            reply.json()["file_type"].as_str(),
            reply.json()["file_name"].as_str()
        ),
        (Some("pdf"), Some("invoice.pdf"))
    );
}

#[tokio::test]
async fn documents_larger_than_axums_default_limit_are_taken() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;
    let reply = upload_pdf(&server, &token, &application, &pdf(3 * 1024 * 1024)).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(reply.json()["size"], 3 * 1024 * 1024);
}

/// More than one part of an S3 multipart upload (5 MiB each): stored and read back whole.
#[tokio::test]
async fn a_file_of_several_store_parts_comes_back_byte_for_byte() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;
    let mut file = pdf(7 * 1024 * 1024 + 13);
    for (at, byte) in file.iter_mut().enumerate().skip(64) {
        *byte = (at % 251) as u8;
    }
    let reply = upload_pdf(&server, &token, &application, &file).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json());
    let id = reply.json()["id"].as_str().unwrap().to_string();
    let href = format!("{APPLICATIONS}/{application}/documents/{id}");
    let download = server.call("GET", &href, Some(&token), None).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(
        download.headers[header::CONTENT_LENGTH],
        file.len().to_string().as_str()
    );
    assert!(download.body == file, "the same bytes");
    assert_eq!(server.stored("uploads").await.len(), 1);
}

/// A connection that breaks mid-file (after more than one store part has gone) leaves no
/// object and no upload in progress behind.
#[tokio::test]
async fn an_upload_cut_off_midway_leaves_nothing() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;
    let whole = multipart(&[
        ("document", None, QUALIFICATION_FORM.as_bytes()),
        ("file", Some("cut.pdf"), &pdf(9 * 1024 * 1024)),
    ]);
    let sent: Vec<Result<bytes::Bytes, std::io::Error>> = whole[..7 * 1024 * 1024]
        .chunks(64 * 1024)
        .map(|chunk| Ok(bytes::Bytes::copy_from_slice(chunk)))
        .chain([Err(std::io::Error::other("the connection broke"))])
        .collect();
    let request = Request::post(format!("{APPLICATIONS}/{application}/documents"))
        .header(header::COOKIE, format!("otinish_session={token}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        // A chunk at a time, as from a network (the parser reads whatever is ready at once).
        .body(Body::from_stream(futures_util::StreamExt::then(
            futures_util::stream::iter(sent),
            |chunk| async {
                tokio::task::yield_now().await;
                chunk
            },
        )))
        .unwrap();
    let reply = server.send(request).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(server.stored("uploads").await, Vec::<String>::new());
    let listed = server
        .call(
            "GET",
            &format!("{APPLICATIONS}/{application}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(listed.json()["documents"], json!([]), "{}", listed.json());
}

#[tokio::test]
async fn a_file_over_the_limit_is_stopped_and_nothing_of_it_is_kept() {
    let server = TestServer::with_settings(|settings| settings.max_file_bytes = 64 * 1024).await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;

    let exactly = upload_pdf(&server, &token, &application, &pdf(64 * 1024)).await;
    assert_eq!(
        exactly.status,
        StatusCode::CREATED,
        "the limit is inclusive"
    );
    let kept = server.stored("uploads").await;

    let over = upload_pdf(&server, &token, &application, &pdf(64 * 1024 + 1)).await;
    assert_eq!(
        problem(&over),
        (StatusCode::PAYLOAD_TOO_LARGE, "file-too-large".into())
    );
    let body = over.json();
    assert_eq!(body["params"]["max_bytes"], 64 * 1024);
    assert_eq!(
        body["errors"][0],
        json!({ "field": "/file", "code": "file-too-large", "params": { "max_bytes": 65536 } })
    );
    // Far over the limit, and with the file before the slot: the same, and still nothing kept.
    let big = pdf(5 * 1024 * 1024);
    let parts: [Part<'_>; 2] = [
        ("file", Some("big.pdf"), &big),
        ("document", None, QUALIFICATION_FORM.as_bytes()),
    ];
    let reply = upload(&server, &token, &application, &parts).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(server.stored("uploads").await, kept);
}

#[tokio::test]
async fn a_request_over_the_whole_ceiling_is_refused() {
    let server = TestServer::with_settings(|settings| settings.max_file_bytes = 16 * 1024).await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;
    // Junk before the first boundary is no part at all, yet it is counted.
    let mut body = vec![b'x'; 200 * 1024];
    body.extend_from_slice(b"\r\n");
    body.extend(multipart(&[(
        "document",
        None,
        QUALIFICATION_FORM.as_bytes(),
    )]));
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let reply = post_raw(&server, &token, &application, &content_type, body.clone()).await;
    assert_eq!(
        problem(&reply),
        (StatusCode::PAYLOAD_TOO_LARGE, "request-too-large".into())
    );
    assert_eq!(reply.json()["params"]["max_bytes"], 16 * 1024 + 64 * 1024);

    // Announced as too large, it is refused before it is read.
    let request = Request::post(format!("{APPLICATIONS}/{application}/documents"))
        .header(header::COOKIE, format!("otinish_session={token}"))
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .unwrap();
    let reply = server.send(request).await;
    assert_eq!(
        problem(&reply),
        (StatusCode::PAYLOAD_TOO_LARGE, "request-too-large".into())
    );
    assert!(server.stored("uploads").await.is_empty());
}

#[tokio::test]
async fn empty_missing_and_malformed_parts_are_bad_requests() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;

    let empty = upload_pdf(&server, &token, &application, b"").await;
    assert_eq!(
        problem(&empty),
        (StatusCode::BAD_REQUEST, "file-empty".into())
    );
    assert_eq!(empty.field_error(), ("/file".into(), "file-empty".into()));

    let long_id = "x".repeat(65);
    let cases: [(Vec<Part<'_>>, &str, &str); 6] = [
        (
            vec![("document", None, QUALIFICATION_FORM.as_bytes())],
            "/file",
            "required",
        ),
        (
            vec![("file", Some("a.pdf"), b"%PDF-1.7")],
            "/document",
            "required",
        ),
        (
            vec![
                ("document", None, QUALIFICATION_FORM.as_bytes()),
                ("comment", None, b"hello"),
                ("file", Some("a.pdf"), b"%PDF-1.7"),
            ],
            "/comment",
            "unknown-field",
        ),
        (
            vec![
                ("document", None, b"Qualification Form"),
                ("file", Some("a.pdf"), b"%PDF-1.7"),
            ],
            "/document",
            "bad-format",
        ),
        (
            vec![
                ("document", None, long_id.as_bytes()),
                ("file", Some("a.pdf"), b"%PDF-1.7"),
            ],
            "/document",
            "too-long",
        ),
        (
            vec![
                ("document", None, QUALIFICATION_FORM.as_bytes()),
                ("file", Some("a.pdf"), b"%PDF-1.7"),
                ("file", Some("b.pdf"), b"%PDF-1.7"),
            ],
            "/file",
            "too-many-items",
        ),
    ];
    for (parts, field, code) in cases {
        let reply = upload(&server, &token, &application, &parts).await;
        assert_eq!(
            problem(&reply),
            (StatusCode::BAD_REQUEST, "malformed-request".into()),
            "{field} {code}: {}",
            String::from_utf8_lossy(&reply.body)
        );
        assert_eq!(reply.field_error(), (field.into(), code.into()));
    }

    let not_multipart = server
        .call(
            "POST",
            &format!("{APPLICATIONS}/{application}/documents"),
            Some(&token),
            Some(json!({ "document": QUALIFICATION_FORM })),
        )
        .await;
    assert_eq!(
        problem(&not_multipart),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type".into()
        )
    );
    let no_boundary = post_raw(
        &server,
        &token,
        &application,
        "multipart/form-data",
        b"x".to_vec(),
    )
    .await;
    assert_eq!(
        problem(&no_boundary),
        (StatusCode::BAD_REQUEST, "malformed-request".into())
    );
    let truncated = {
        let mut body = multipart(&[("document", None, QUALIFICATION_FORM.as_bytes())]);
        body.truncate(body.len() - 20);
        let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
        post_raw(&server, &token, &application, &content_type, body).await
    };
    assert_eq!(
        problem(&truncated),
        (StatusCode::BAD_REQUEST, "malformed-request".into())
    );
    assert!(server.stored("uploads").await.is_empty());
}

#[tokio::test]
async fn only_documents_the_applicant_is_asked_for_are_taken() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;
    // The registry's data and the fee come from state databases; the other is not a document.
    for document in ["identity-data", "fee-payment", "no-such-document"] {
        let bytes = pdf(100);
        let parts: [Part<'_>; 2] = [
            ("document", None, document.as_bytes()),
            ("file", Some("a.pdf"), &bytes),
        ];
        let reply = upload(&server, &token, &application, &parts).await;
        assert_eq!(
            problem(&reply),
            (StatusCode::UNPROCESSABLE_ENTITY, "validation-failed".into()),
            "{document}"
        );
        assert_eq!(
            reply.field_error(),
            ("/document".into(), "document-not-expected".into())
        );
    }
    // The qualification form is asked to issue and reissue, not for a duplicate.
    let body = json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "duplicate", "targets": ["licence"] });
    let duplicate = server
        .call("POST", APPLICATIONS, Some(&token), Some(body))
        .await
        .json();
    let reply = upload_pdf(
        &server,
        &token,
        duplicate["id"].as_str().unwrap(),
        &pdf(100),
    )
    .await;
    assert_eq!(
        reply.field_error(),
        ("/document".into(), "document-not-expected".into())
    );
    assert!(server.stored("uploads").await.is_empty());
}

#[tokio::test]
async fn a_document_takes_at_most_its_quota_of_files() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;
    for page in 0..10 {
        let reply = upload_pdf(&server, &token, &application, &pdf(1_000 + page)).await;
        assert_eq!(reply.status, StatusCode::CREATED, "file {page}");
    }
    let reply = upload_pdf(&server, &token, &application, &pdf(100)).await;
    assert_eq!(
        problem(&reply),
        (StatusCode::UNPROCESSABLE_ENTITY, "validation-failed".into())
    );
    assert_eq!(
        reply.json()["errors"][0],
        json!({ "field": "/document", "code": "too-many-files", "params": { "max": 10 } })
    );
    assert_eq!(server.stored("uploads").await.len(), 10);
}

// ── Removing, and what the status allows ─────────────────────────────────────────────

#[tokio::test]
async fn the_owner_removes_a_file_while_the_application_takes_changes() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;
    let first = upload_pdf(&server, &token, &application, &pdf(500))
        .await
        .json();
    let second = upload_pdf(&server, &token, &application, &pdf(600))
        .await
        .json();
    let path = |stored: &Value| {
        format!(
            "{APPLICATIONS}/{application}/documents/{}",
            stored["id"].as_str().unwrap()
        )
    };

    let reply = server
        .call("DELETE", &path(&first), Some(&token), None)
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert_eq!(
        server.stored("uploads").await,
        [second["id"].as_str().unwrap().to_string()]
    );
    for method in ["GET", "DELETE"] {
        let reply = server.call(method, &path(&first), Some(&token), None).await;
        assert_eq!(problem(&reply), (StatusCode::NOT_FOUND, "not-found".into()));
    }
    let read = server
        .call(
            "GET",
            &format!("{APPLICATIONS}/{application}"),
            Some(&token),
            None,
        )
        .await
        .json();
    assert_eq!(read["documents"], json!([second]));

    set_status(&server, &application, "signed").await;
    let reply = server
        .call("DELETE", &path(&second), Some(&token), None)
        .await;
    assert_eq!(
        problem(&reply),
        (StatusCode::CONFLICT, "not-editable".into())
    );
    assert_eq!(reply.json()["params"]["status"], "signed");
    let reply = upload_pdf(&server, &token, &application, &pdf(700)).await;
    assert_eq!(
        problem(&reply),
        (StatusCode::CONFLICT, "not-editable".into())
    );
    let download = server.call("GET", &path(&second), Some(&token), None).await;
    assert_eq!(
        download.status,
        StatusCode::OK,
        "a signed file can still be read"
    );
}

#[tokio::test]
async fn discarding_a_draft_removes_its_files() {
    let server = TestServer::start().await;
    let token = server.sign_up(PERSON).await;
    let application = medical_issue(&server, &token).await;
    upload_pdf(&server, &token, &application, &pdf(500)).await;
    upload_pdf(&server, &token, &application, &pdf(600)).await;
    assert_eq!(server.stored("uploads").await.len(), 2);
    let reply = server
        .call(
            "DELETE",
            &format!("{APPLICATIONS}/{application}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert!(server.stored("uploads").await.is_empty());
}

// ── Another account's documents are not there ───────────────────────────────────────

#[tokio::test]
async fn another_accounts_documents_answer_exactly_like_missing_ones() {
    let server = TestServer::start().await;
    let owner = server.sign_up(PERSON).await;
    let stranger = server.sign_up(OTHER_PERSON).await;
    let application = medical_issue(&server, &owner).await;
    let stored = upload_pdf(&server, &owner, &application, &pdf(500))
        .await
        .json();
    let document = stored["id"].as_str().unwrap();
    let own_application = medical_issue(&server, &stranger).await;

    let reply = upload_pdf(&server, &stranger, &application, &pdf(500)).await;
    assert_eq!(problem(&reply), (StatusCode::NOT_FOUND, "not-found".into()));
    let missing = "9b2e4c7a-1f3d-4e5b-8a6c-0d7e9f1a2b3c";
    for path in [
        format!("{APPLICATIONS}/{application}/documents/{document}"),
        // The stranger's own application does not open the door to the owner's file.
        format!("{APPLICATIONS}/{own_application}/documents/{document}"),
        format!("{APPLICATIONS}/{application}/documents/{missing}"),
        format!("{APPLICATIONS}/{application}/documents/not-a-uuid"),
    ] {
        for method in ["GET", "DELETE"] {
            let reply = server.call(method, &path, Some(&stranger), None).await;
            assert_eq!(
                problem(&reply),
                (StatusCode::NOT_FOUND, "not-found".into()),
                "{method} {path}"
            );
        }
    }
    let download = server
        .call(
            "GET",
            &format!("{APPLICATIONS}/{application}/documents/{document}"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(
        download.status,
        StatusCode::OK,
        "the owner's file is untouched"
    );
    let anonymous = server
        .call(
            "GET",
            &format!("{APPLICATIONS}/{application}/documents/{document}"),
            None,
            None,
        )
        .await;
    assert_eq!(
        problem(&anonymous),
        (StatusCode::UNAUTHORIZED, "unauthenticated".into())
    );
}
