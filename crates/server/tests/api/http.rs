//! The server's HTTP surface, driven in-process: health, the static app with its route
//! fallback, API errors as problem+json, and the security headers.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use otinish_server::{AppState, Settings, app};
use tower::ServiceExt;

struct Fixture {
    router: axum::Router,
    _dir: tempfile::TempDir,
}

async fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<html><head><script type=\"module\">boot()</script></head></html>",
    )
    .unwrap();
    std::fs::write(dist.join("otinish-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    let db = crate::common::database(dir.path()).await;
    let settings = Settings::for_tests(dir.path().to_path_buf());
    Fixture {
        router: app(AppState::new(db, settings), &dist),
        _dir: dir,
    }
}

async fn get(fixture: &Fixture, path: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = fixture
        .router
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    (
        parts.status,
        parts.headers,
        body.collect().await.unwrap().to_bytes().to_vec(),
    )
}

#[tokio::test]
async fn health_reports_the_database() {
    let fixture = fixture().await;
    let (status, headers, body) = get(&fixture, "/api/v1/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["database"], "ok");
}

#[tokio::test]
async fn unknown_api_paths_are_problem_json_404s() {
    let fixture = fixture().await;
    for path in ["/api/v1/nothing", "/api/v2/health", "/api/"] {
        let (status, headers, body) = get(&fixture, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(
            headers[header::CONTENT_TYPE],
            "application/problem+json",
            "{path}"
        );
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            (json["status"].as_u64(), json["code"].as_str()),
            (Some(404), Some("not-found")),
            "{path}"
        );
    }
}

#[tokio::test]
async fn app_routes_fall_back_to_the_page_and_assets_are_cached_for_long() {
    let fixture = fixture().await;
    let (status, headers, body) = get(&fixture, "/services/medical-licence").await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8(body).unwrap().contains("boot()"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");

    let (status, headers, _) = get(&fixture, "/otinish-0123456789abcdef_bg.wasm").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
}

#[tokio::test]
async fn a_prerendered_page_is_served_for_its_address_and_others_fall_back() {
    let fixture = fixture().await;
    let dist = fixture._dir.path().join("dist");
    std::fs::create_dir_all(dist.join("kk/services")).unwrap();
    std::fs::write(
        dist.join("kk/services/medical-licence.html"),
        "prerendered kk",
    )
    .unwrap();
    let (status, headers, body) = get(&fixture, "/kk/services/medical-licence?q=x").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, b"prerendered kk");
    assert_eq!(headers[header::CONTENT_TYPE], "text/html");
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    // Not prerendered, or not a page's address: the one page.
    for path in ["/kk/services/other", "/kk/services/medical-licence/apply"] {
        let (status, _, body) = get(&fixture, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            String::from_utf8(body).unwrap().contains("boot()"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let fixture = fixture().await;
    for path in ["/", "/api/v1/health", "/api/v1/nothing"] {
        let (_, headers, _) = get(&fixture, path).await;
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            csp.contains("'wasm-unsafe-eval'")
                && csp.contains("'sha256-")
                && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY", "{path}");
    }
}

/// One HTTP/1.1 exchange on an open connection, the body written apart from the headers
/// (as Python's `requests` does) after `pause`: the status line and the headers, lowercased.
async fn exchange(
    stream: &mut tokio::net::TcpStream,
    head: &str,
    body: &[u8],
    pause: std::time::Duration,
) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    stream.write_all(head.as_bytes()).await.unwrap();
    tokio::time::sleep(pause).await;
    stream.write_all(body).await.unwrap();
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    while !answer.windows(4).any(|w| w == b"\r\n\r\n") {
        let read = stream.read(&mut buffer).await.unwrap();
        assert_ne!(read, 0, "the connection closed before an answer");
        answer.extend_from_slice(&buffer[..read]);
    }
    let text = String::from_utf8_lossy(&answer).to_lowercase();
    let (headers, rest) = text.split_once("\r\n\r\n").unwrap();
    let length: usize = headers
        .lines()
        .find_map(|line| line.strip_prefix("content-length: "))
        .map_or(0, |n| n.trim().parse().unwrap());
    let mut left = length.saturating_sub(rest.len());
    while left > 0 {
        let read = stream.read(&mut buffer).await.unwrap();
        assert_ne!(read, 0, "the connection closed inside an answer");
        left = left.saturating_sub(read);
    }
    headers.to_string()
}

#[tokio::test]
async fn an_answer_before_the_body_is_read_closes_the_connection_and_says_so() {
    let fixture = fixture().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(axum::serve(listener, fixture.router.clone()).into_future());
    let pause = std::time::Duration::from_millis(100);
    let post = |path: &str, body: &str| {
        format!(
            "POST /api/v1{path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n",
            body.len()
        )
    };

    // Refused for want of a session before the body is looked at: the client must not send
    // its next request on this connection, and is told so.
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let body = r#"{"service":"medical-licence"}"#;
    let headers = exchange(
        &mut stream,
        &post("/applications", body),
        body.as_bytes(),
        pause,
    )
    .await;
    assert!(headers.starts_with("http/1.1 401"), "{headers}");
    assert!(headers.contains("\r\nconnection: close"), "{headers}");

    // A body read to its end keeps the connection for the next request, late body or not.
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let body = r#"{"iin_bin":"061211600012","password":"not the password at all"}"#;
    let headers = exchange(
        &mut stream,
        &post("/auth/login", body),
        body.as_bytes(),
        pause,
    )
    .await;
    assert!(headers.starts_with("http/1.1 401"), "{headers}");
    assert!(!headers.contains("connection: close"), "{headers}");
    let health = format!("GET /api/v1/health HTTP/1.1\r\nHost: {address}\r\n\r\n");
    let headers = exchange(&mut stream, &health, b"", std::time::Duration::ZERO).await;
    assert!(headers.starts_with("http/1.1 200"), "{headers}");
}
