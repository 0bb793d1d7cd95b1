//! What every handler can reach: storage, the login limiter and the settings.

use crate::accounts::rate_limit::{LoginLimiter, LoginLimits};
use crate::db::Db;
use crate::origins::AppOrigins;
use crate::signature::{TrustStore, Verifier};
use crate::storage::Storage;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    /// This instance's counters (`/metrics`).
    pub metrics: Arc<crate::metrics::Metrics>,
    /// Set on SIGTERM: readiness fails, so that the balancer sends no more requests here.
    pub draining: Arc<std::sync::atomic::AtomicBool>,
    /// The last look of `/readyz` at the database and the store.
    pub readiness: Arc<crate::probes::Readiness>,
    pub login_limiter: LoginLimiter,
    pub settings: Arc<Settings>,
    /// Verifies ЭЦП signatures with the settings' trust store, OCSP and external verifier.
    pub verifier: Arc<Verifier>,
    pub keys_in_flight: Arc<KeysInFlight>,
}

/// The idempotency keys of the submissions under way on this instance, with their request's
/// hash. The database gets the key only in the submission's transaction, after the checks
/// (a round trip and a commit fewer than a claim of its own before them); this is what
/// still answers a retry that comes while the first request runs, as the IETF draft asks
/// (409, or 422 for another body), without a round trip. A request under way on another
/// instance is not seen here: the key's row answers for it once that request has submitted.
#[derive(Default)]
pub struct KeysInFlight(std::sync::Mutex<std::collections::HashMap<(i64, String), String>>);

/// What [`KeysInFlight::hold`] finds.
pub enum Held {
    /// This request holds the key until the guard is dropped.
    Now(KeyGuard),
    /// Another request with this key and body is under way.
    InFlight,
    /// Another request with this key and another body is under way.
    Reused,
}

pub struct KeyGuard {
    keys: Arc<KeysInFlight>,
    entry: (i64, String),
}

impl KeysInFlight {
    pub fn hold(self: &Arc<Self>, account_id: i64, key: &str, request_hash: &str) -> Held {
        let entry = (account_id, key.to_string());
        let mut keys = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match keys.get(&entry) {
            Some(hash) if hash == request_hash => Held::InFlight,
            Some(_) => Held::Reused,
            None => {
                keys.insert(entry.clone(), request_hash.to_string());
                Held::Now(KeyGuard {
                    keys: self.clone(),
                    entry,
                })
            }
        }
    }
}

impl Drop for KeyGuard {
    fn drop(&mut self) {
        let mut keys = self
            .keys
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        keys.remove(&self.entry);
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub test_mode: bool,
    pub data_dir: PathBuf,
    /// Where documents and results are kept: the data directory or an S3-compatible store.
    pub storage: Storage,
    pub officer_token: Option<String>,
    pub gateway_token: String,
    pub max_file_bytes: u64,
    /// Where the app is served (`--public-url`, `--allowed-origin`).
    pub origins: AppOrigins,
    /// `Secure` on the session cookie: off only for plain-http development on loopback.
    pub secure_cookies: bool,
    /// Peers whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    pub trusted_proxies: Vec<IpAddr>,
    pub login_limits: LoginLimits,
    pub trust_store: TrustStore,
    /// The OCSP responder to ask instead of the one each certificate names.
    pub ocsp_responder: Option<String>,
    /// An external verifier with NCANode's API, for GOST signatures.
    pub signature_verifier: Option<String>,
    /// The bearer token of `/metrics`; without one it is not served.
    pub metrics_token: Option<String>,
    /// How long an eGov mobile session waits for the phone (`--egov-mobile-minutes`).
    pub egov_mobile_lifetime: std::time::Duration,
    /// The operator's БИН the eGov mobile app shows (`--operator-bin`), if given.
    pub operator_bin: Option<String>,
}

impl Settings {
    /// Settings for tests and tools: test mode, files under `data_dir`, the app at
    /// `http://otinish.test`.
    pub fn for_tests(data_dir: PathBuf) -> Settings {
        Settings {
            officer_token: Some("officer-test-token".to_string()),
            gateway_token: "gateway-test-token".to_string(),
            max_file_bytes: 10 * 1024 * 1024,
            metrics_token: Some("metrics-test-token".to_string()),
            ..Settings::offline(
                true,
                data_dir.clone(),
                Storage::local(&data_dir).expect("a test's data folder can be made"),
            )
        }
    }

    /// Settings for work on the data directory without serving (`otinish-server officer`):
    /// no tokens, no web origins of its own.
    pub fn offline(test_mode: bool, data_dir: PathBuf, storage: Storage) -> Settings {
        Settings {
            test_mode,
            data_dir,
            storage,
            officer_token: None,
            gateway_token: String::new(),
            max_file_bytes: 0,
            origins: AppOrigins::new("http://otinish.test", &[]).expect("a plain http origin"),
            secure_cookies: true,
            trusted_proxies: Vec::new(),
            login_limits: LoginLimits::default(),
            trust_store: TrustStore::default(),
            ocsp_responder: None,
            signature_verifier: None,
            metrics_token: None,
            egov_mobile_lifetime: std::time::Duration::from_secs(5 * 60),
            operator_bin: None,
        }
    }

    /// Where uploaded documents are stored.
    pub fn uploads_dir(&self) -> PathBuf {
        self.data_dir.join("uploads")
    }
}

impl AppState {
    pub fn new(db: Db, settings: Settings) -> AppState {
        let verifier = Verifier::new(
            settings.trust_store.clone(),
            settings.ocsp_responder.clone(),
            settings.signature_verifier.clone(),
        );
        AppState {
            db,
            metrics: Arc::default(),
            draining: Arc::default(),
            readiness: Arc::default(),
            login_limiter: LoginLimiter::new(settings.login_limits),
            settings: Arc::new(settings),
            verifier: Arc::new(verifier),
            keys_in_flight: Arc::default(),
        }
    }
}
