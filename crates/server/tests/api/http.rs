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
