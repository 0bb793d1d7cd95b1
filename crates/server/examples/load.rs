//! The backend load benchmark, run by `scripts/bench` against a release server on loopback:
//!
//! 1. submissions: prepares drafts of a free service, then submits them from 50 concurrent
//!    clients, and prints submissions/s with p50 and p99 latency;
//! 2. uploads: streams 20 files of 10 MB at once, and prints the server's peak memory (VmHWM)
//!    before and after, to show that uploads are streamed, not buffered.
//!
//! `cargo run --release -p otinish-server --example load -- <base-url>[,<base-url>…] <server-pid> [submissions] [--no-uploads]`
//!
//! With several base URLs (instances on one database), the requests go to each in turn, as
//! a round-robin balancer would send them; the memory is the first server's.

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{Method, Request, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

type HttpClient = Client<HttpConnector, Full<Bytes>>;

const CONCURRENCY: usize = 50;
const UPLOADS: usize = 20;
const UPLOAD_BYTES: usize = 10_000_000;

struct Api {
    client: HttpClient,
    /// The instances, taken in turn.
    bases: Vec<String>,
    next_base: AtomicUsize,
    token: String,
}

impl Api {
    fn base(&self) -> &str {
        let turn = self.next_base.fetch_add(1, Ordering::Relaxed);
        &self.bases[turn % self.bases.len()]
    }
}

impl Api {
    async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        extra: &[(&str, String)],
    ) -> (StatusCode, Value) {
        let mut request = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base()))
            .header("authorization", format!("Bearer {}", self.token));
        for (name, value) in extra {
            request = request.header(*name, value);
        }
        let body = match body {
            Some(json) => {
                request = request.header("content-type", "application/json");
                Full::new(Bytes::from(json.to_string()))
            }
            None => Full::new(Bytes::new()),
        };
        let response = self
            .client
            .request(request.body(body).expect("a valid request"))
            .await
            .expect("the server answers");
        let status = response.status();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("a body")
            .to_bytes();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }
}

async fn sign_in(client: &HttpClient, base: &str, iin: &str) -> String {
    // The test sign-in (the backend runs in test mode for the benchmark).
    let login = json!({ "iin_bin": iin, "session": "bearer" });
    for path in ["/auth/test-sign-in"] {
        let request = Request::post(format!("{base}{path}"))
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(login.to_string())))
            .expect("a valid request");
        let response = client.request(request).await.expect("the server answers");
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("a body")
            .to_bytes();
        if let Some(token) = serde_json::from_slice::<Value>(&bytes)
            .ok()
            .and_then(|v| v["token"].as_str().map(String::from))
        {
            return token;
        }
    }
    panic!("could not sign in as {iin}");
}

/// A draft of the end-user certificate (free, no documents from the applicant) with its
/// answers saved: ready to submit.
async fn prepare(api: &Api) -> (String, i64) {
    let draft = json!({ "service": "end-user-certificate", "provider": "mint-industry-committee", "sub_case": "issue" });
    let (status, created) = api
        .call(Method::POST, "/applications", Some(draft), &[])
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().expect("an id").to_string();
    let answers = json!({
        "version": created["version"],
        "answers": { "contacts": { "contact-phone": "+7 701 234 56 78", "contact-email": "load@example.kz" } }
    });
    let (status, saved) = api
        .call(
            Method::PUT,
            &format!("/applications/{id}/answers"),
            Some(answers),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    (id, saved["version"].as_i64().expect("a version"))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn peak_rss_kb(pid: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

#[tokio::main(flavor = "current_thread")] // one thread: the server keeps the other core
async fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: load <base-url>[,<base-url>…] <server-pid> [submissions] [--no-uploads]";
    let bases: Vec<String> = args
        .next()
        .expect(usage)
        .split(',')
        .map(str::to_string)
        .collect();
    let base = bases[0].clone();
    let pid = args.next().expect(usage);
    let rest: Vec<String> = args.collect();
    let total: usize = rest
        .iter()
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(10_000);
    let uploads_too = !rest.iter().any(|arg| arg == "--no-uploads");
    let client: HttpClient = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(CONCURRENCY)
        .build_http();
    let api = Arc::new(Api {
        token: sign_in(&client, &base, "780101300006").await,
        client: client.clone(),
        next_base: AtomicUsize::new(0),
        bases: bases.clone(),
    });

    // Preparing is not measured: it is there so that each submission has its own draft.
    let started = Instant::now();
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (api, next) = (api.clone(), next.clone());
        workers.push(tokio::spawn(async move {
            let mut drafts = Vec::new();
            while next.fetch_add(1, Ordering::Relaxed) < total {
                drafts.push(prepare(&api).await);
            }
            drafts
        }));
    }
    let mut drafts = Vec::new();
    for worker in workers {
        drafts.extend(worker.await.expect("a preparing worker"));
    }
    println!(
        "prepared {} drafts in {:.1} s",
        drafts.len(),
        started.elapsed().as_secs_f64()
    );

    let queue = Arc::new(std::sync::Mutex::new(drafts));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (api, queue) = (api.clone(), queue.clone());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let Some((id, version)) = queue.lock().expect("the queue").pop() else {
                    break;
                };
                let body = json!({ "version": version, "signature": { "method": "test" } });
                let key = id.clone(); // a UUID, as the contract asks of keys; one per application
                let sent = Instant::now();
                let (status, answer) = api
                    .call(
                        Method::POST,
                        &format!("/applications/{id}/submission"),
                        Some(body),
                        &[("idempotency-key", key)],
                    )
                    .await;
                latencies.push(sent.elapsed());
                assert!(
                    status.is_success(),
                    "submission answered {status}: {answer}"
                );
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await.expect("a submitting worker"));
    }
    let elapsed = started.elapsed();
    latencies.sort();
    println!(
        "submissions: {} in {:.2} s = {:.0}/s at {CONCURRENCY} concurrent clients over {} instance(s); latency p50 {:.1} ms, p99 {:.1} ms",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        bases.len(),
        percentile(&latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
    );

    if !uploads_too {
        return;
    }
    // Uploads: 20 × 10 MB at once into drafts that take a document.
    let before = peak_rss_kb(&pid);
    let file = {
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.resize(UPLOAD_BYTES, b' ');
        Bytes::from(bytes)
    };
    let mut uploads = Vec::new();
    for _ in 0..UPLOADS {
        let (api, file) = (api.clone(), file.clone());
        uploads.push(tokio::spawn(async move {
            let draft = json!({ "service": "medical-licence", "provider": "vko-health", "sub_case": "issue", "targets": ["licence"] });
            let (status, created) = api.call(Method::POST, "/applications", Some(draft), &[]).await;
            assert_eq!(status, StatusCode::CREATED, "{created}");
            let id = created["id"].as_str().expect("an id").to_string();
            let boundary = "otinish-load-boundary";
            let mut body = format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"document\"\r\n\r\nqualification-form\r\n\
                 --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
            )
            .into_bytes();
            body.extend_from_slice(&file);
            body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
            let request = Request::post(format!("{}/applications/{id}/documents", api.base()))
                .header("authorization", format!("Bearer {}", api.token))
                .header("content-type", format!("multipart/form-data; boundary={boundary}"))
                .body(Full::new(Bytes::from(body)))
                .expect("a valid request");
            let response = api.client.request(request).await.expect("the server answers");
            response.status()
        }));
    }
    let started = Instant::now();
    let mut stored = 0;
    for upload in uploads {
        if upload.await.expect("an upload") == StatusCode::CREATED {
            stored += 1;
        }
    }
    let after = peak_rss_kb(&pid);
    println!(
        "uploads: {stored}/{UPLOADS} files of {} MB stored in {:.1} s; server peak RSS {} MB before, {} MB after",
        UPLOAD_BYTES / 1_000_000,
        started.elapsed().as_secs_f64(),
        before.map_or("?".into(), |kb| (kb / 1024).to_string()),
        after.map_or("?".into(), |kb| (kb / 1024).to_string()),
    );
}
