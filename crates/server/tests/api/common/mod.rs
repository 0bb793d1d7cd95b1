//! A backend in-process for tests: a fresh database and data directory, and helpers to send
//! JSON with or without a session.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use otinish_server::{AppState, Settings, app, db::Db};
use serde_json::Value;
use tower::ServiceExt;

pub mod pki;

/// The PostgreSQL server the suite runs against instead of SQLite, when set (`scripts/test`
/// starts a throwaway cluster and sets it).
pub const POSTGRES_ENV: &str = "OTINISH_TEST_DATABASE_URL";

/// The S3-compatible store (`s3://bucket`, with the `AWS_*` variables) the suite keeps
/// documents and results in instead of the data folder, when set (`scripts/postgres-test`
/// starts `s3s-fs` and sets it). Each test server has a prefix of its own.
pub const OBJECT_STORE_ENV: &str = "OTINISH_TEST_OBJECT_STORE";

/// Whether this run keeps files in an S3-compatible store.
pub fn on_s3() -> bool {
    std::env::var_os(OBJECT_STORE_ENV).is_some()
}

/// Whether this run is on PostgreSQL.
pub fn on_postgres() -> bool {
    std::env::var_os(POSTGRES_ENV).is_some()
}

/// A fresh, migrated database for one test: SQLite in `dir`, or, on PostgreSQL, a schema of
/// its own (so that tests run side by side without seeing each other's rows).
pub async fn database(dir: &std::path::Path) -> Db {
    Db::open(&database_url(dir).await)
        .await
        .expect("the database opens and migrates")
}

/// The URL of a fresh database for one test (see [`database`]).
pub async fn database_url(dir: &std::path::Path) -> String {
    let Ok(server) = std::env::var(POSTGRES_ENV) else {
        return format!("sqlite://{}", dir.join("test.db").display());
    };
    use sqlx::Connection;
    let schema = format!("test_{}", uuid::Uuid::new_v4().simple());
    let mut connection = sqlx::PgConnection::connect(&server)
        .await
        .expect("the test PostgreSQL answers");
    // The name is ours (a UUID's digits), not a client's.
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
        .execute(&mut connection)
        .await
        .unwrap();
    let separator = if server.contains('?') { '&' } else { '?' };
    format!("{server}{separator}options=-c%20search_path%3D{schema}")
}

/// What [`TestServer::deliver`] records: times as stored (RFC 3339 in UTC), dates as
/// `YYYY-MM-DD`.
pub struct Delivery<'a> {
    pub reference: &'a str,
    pub submitted_at: &'a str,
    pub registered_on: &'a str,
    pub expected_result: Option<&'a str>,
}

pub struct TestServer {
    pub router: axum::Router,
    pub state: AppState,
    pub dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&self.body)))
    }

    /// The problem's `code`, asserting the answer is problem+json.
    pub fn code(&self) -> String {
        assert_eq!(
            self.headers[header::CONTENT_TYPE],
            "application/problem+json",
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        self.json()["code"].as_str().unwrap_or_default().to_string()
    }

    /// The first field error's `(field, code)`.
    pub fn field_error(&self) -> (String, String) {
        let json = self.json();
        let error = &json["errors"][0];
        (
            error["field"].as_str().unwrap_or_default().to_string(),
            error["code"].as_str().unwrap_or_default().to_string(),
        )
    }

    /// The session token from `Set-Cookie`.
    pub fn session_cookie(&self) -> Option<String> {
        let cookie = self.headers.get(header::SET_COOKIE)?.to_str().ok()?;
        let value = cookie.split(';').next()?.split_once('=')?.1;
        (!value.is_empty()).then(|| value.to_string())
    }
}

impl TestServer {
    /// Moves an application to `to` through storage, with its history entry, for a state
    /// that only another area's endpoints (or the provider) would reach.
    pub async fn move_to(&self, application_id: &str, to: otinish_core::api::ApplicationStatus) {
        let db = &self.state.db;
        let from = db
            .any_application(application_id)
            .await
            .unwrap()
            .expect("the application")
            .status;
        let moved = db
            .record_transition(&otinish_server::db::Transition {
                application_id,
                from,
                to,
                at: otinish_server::clock::now(),
                due: None,
                reason: None,
                result: otinish_server::db::ResultChange::None,
            })
            .await
            .unwrap();
        assert!(moved, "{application_id} moved from {from:?} meanwhile");
    }

    /// Records a submission of the application as `POST …/submission` would (`delivered`,
    /// with a test signature), at the times given, for states the tests set up directly.
    pub async fn deliver(&self, application_id: &str, delivery: Delivery<'_>) {
        use otinish_server::db::{
            IdempotencyKey, StoredResponse, SubmissionRecord, SubmissionRecorded,
        };
        let db = &self.state.db;
        let record = db
            .any_application(application_id)
            .await
            .unwrap()
            .expect("the application");
        let response = StoredResponse {
            status: 201,
            body: Vec::new(),
            location: None,
        };
        let recorded = db
            .record_submission(&SubmissionRecord {
                application_id,
                read_status: record.status,
                read_version: record.version,
                reference: delivery.reference,
                submitted_at: delivery.submitted_at,
                registered_on: delivery.registered_on,
                expected_result: delivery.expected_result,
                delivered_due: None,
                method: "test",
                signed_data: b"{}",
                signed_sha256: "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
                cms: None,
                signed_with: None,
                egov_mobile_session: None,
                key: IdempotencyKey {
                    account_id: record.account_id,
                    key: application_id,
                    request_hash: "fixture",
                },
                response: &response,
            })
            .await
            .unwrap();
        assert!(matches!(recorded, SubmissionRecorded::Recorded));
    }

    pub async fn start() -> TestServer {
        TestServer::with_settings(|_| {}).await
    }

    /// A server whose settings the test chooses (test mode off, a small file ceiling, no
    /// officer token…).
    pub async fn with_settings(change: impl FnOnce(&mut Settings)) -> TestServer {
        let dir = tempfile::tempdir().unwrap();
        let db = database(dir.path()).await;
        TestServer::instance(db, dir, None, change)
    }

    /// Two instances of the backend, as behind a load balancer: each with its own pool,
    /// limiter and memory, both on one database and one data folder (shared storage).
    pub async fn pair() -> (TestServer, TestServer) {
        let shared = tempfile::tempdir().unwrap();
        let url = database_url(shared.path()).await;
        let first = Db::open(&url).await.unwrap();
        let second = Db::open(&url).await.unwrap();
        let data = shared.path().to_path_buf();
        let b = TestServer::instance(second, tempfile::tempdir().unwrap(), Some(data), |_| {});
        let a = TestServer::instance(first, shared, None, |_| {});
        (a, b)
    }

    /// A backend on `db` whose files live in `data` (by default `dir`, which it keeps).
    fn instance(
        db: Db,
        dir: tempfile::TempDir,
        data: Option<std::path::PathBuf>,
        change: impl FnOnce(&mut Settings),
    ) -> TestServer {
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), "<html></html>").unwrap();
        let data = data.unwrap_or_else(|| dir.path().to_path_buf());
        let mut settings = Settings::for_tests(data.clone());
        if let Ok(store) = std::env::var(OBJECT_STORE_ENV) {
            // The data folder's name is unique, and shared by the instances of a pair.
            let prefix = data.file_name().unwrap().to_string_lossy();
            settings.storage = otinish_server::storage::Storage::s3(&format!("{store}/{prefix}"))
                .expect("the test object store's URL");
        }
        change(&mut settings);
        let state = AppState::new(db, settings);
        TestServer {
            router: app(state.clone(), &dist),
            state,
            dir,
        }
    }

    /// The names of the files stored under `folder` (`uploads`, `results`) once no write
    /// of this server is under way any more (an abandoned one is aborted in the background;
    /// a write still open after five seconds fails the test). On the data folder a partial write would show by its staged
    /// name (`…#1`); on S3 it is invisible, and `scripts/postgres-test` checks after the
    /// suite that the S3 server holds no multipart upload in progress.
    pub async fn stored(&self, folder: &str) -> Vec<String> {
        let storage = &self.state.settings.storage;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while storage.writes_in_progress() > 0 && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert_eq!(
            storage.writes_in_progress(),
            0,
            "a write to the store was neither completed nor aborted"
        );
        if storage.is_local() {
            match std::fs::read_dir(self.state.settings.data_dir.join(folder)) {
                Ok(entries) => entries
                    .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
                    .collect(),
                Err(_) => Vec::new(),
            }
        } else {
            let listed = storage.list(folder).await.expect("the object store lists");
            listed
                .iter()
                .map(|key| key.rsplit('/').next().unwrap().to_string())
                .collect()
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let (parts, body) = response.into_parts();
        Reply {
            status: parts.status,
            headers: parts.headers,
            body: body.collect().await.unwrap().to_bytes().to_vec(),
        }
    }

    /// `method path` with a JSON body (or none) and, if given, the session cookie.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        session: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut request = Request::builder().method(method).uri(path);
        if let Some(token) = session {
            request = request.header(header::COOKIE, format!("otinish_session={token}"));
        }
        let body = match body {
            Some(json) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        self.send(request.body(body).unwrap()).await
    }

    /// Signs a seeded test applicant in (the test sign-in, test mode) and returns the
    /// session token; the first time creates the account.
    pub async fn sign_up(&self, iin_bin: &str) -> String {
        let body = serde_json::json!({ "iin_bin": iin_bin });
        let reply = self
            .call("POST", "/api/v1/auth/test-sign-in", None, Some(body))
            .await;
        if !self.state.settings.test_mode {
            // Outside test mode only ЭЦП signs in: the session is made behind the API.
            let (account, _) = self.state.db.account_for(iin_bin).await.unwrap();
            let token = otinish_server::accounts::session::new_token();
            let hash = otinish_server::accounts::session::token_hash(&token);
            self.state
                .db
                .create_session(
                    account,
                    &hash,
                    otinish_server::db::SignInMethod::Signature,
                    None,
                )
                .await
                .unwrap();
            return token;
        }
        assert!(
            reply.status == StatusCode::CREATED || reply.status == StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&reply.body)
        );
        reply.session_cookie().expect("a session cookie")
    }

    /// Signs in as `sign_up` does and sets `PASSWORD` as the account's second way in.
    pub async fn sign_up_with_password(&self, iin_bin: &str) -> String {
        let token = self.sign_up(iin_bin).await;
        let body = serde_json::json!({ "password": PASSWORD });
        let reply = self
            .call("PUT", "/api/v1/auth/password", Some(&token), Some(body))
            .await;
        assert_eq!(
            reply.status,
            StatusCode::NO_CONTENT,
            "{}",
            String::from_utf8_lossy(&reply.body)
        );
        token
    }
}

/// The password `sign_up_with_password` sets.
pub const PASSWORD: &str = "a long enough passphrase";

/// Test applicants seeded in the registry (migrations/0002_accounts.sql).
pub const PERSON: &str = "850314300003";
pub const OTHER_PERSON: &str = "900521400007";
pub const COMPANY: &str = "050440000002";
