//! What every handler can reach: storage, the login limiter and the settings.

use crate::accounts::rate_limit::LoginLimiter;
use crate::db::Db;
use crate::signature::{TrustStore, Verifier};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub login_limiter: LoginLimiter,
    pub settings: Arc<Settings>,
    /// Verifies ЭЦП signatures with the settings' trust store, OCSP and external verifier.
    pub verifier: Arc<Verifier>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub test_mode: bool,
    pub data_dir: PathBuf,
    pub officer_token: Option<String>,
    pub gateway_token: String,
    pub max_file_bytes: u64,
    pub trust_store: TrustStore,
    /// The OCSP responder to ask instead of the one each certificate names.
    pub ocsp_responder: Option<String>,
    /// An external verifier with NCANode's API, for GOST signatures.
    pub signature_verifier: Option<String>,
}

impl Settings {
    /// Settings for tests and tools: test mode, files under `data_dir`.
    pub fn for_tests(data_dir: PathBuf) -> Settings {
        Settings {
            test_mode: true,
            data_dir,
            officer_token: Some("officer-test-token".to_string()),
            gateway_token: "gateway-test-token".to_string(),
            max_file_bytes: 10 * 1024 * 1024,
            trust_store: TrustStore::default(),
            ocsp_responder: None,
            signature_verifier: None,
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
            login_limiter: LoginLimiter::new(),
            settings: Arc::new(settings),
            verifier: Arc::new(verifier),
        }
    }
}
