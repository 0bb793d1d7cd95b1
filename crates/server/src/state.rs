//! What every handler can reach: storage, the login limiter and the settings.

use crate::accounts::rate_limit::LoginLimiter;
use crate::db::Db;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub login_limiter: LoginLimiter,
    pub settings: Arc<Settings>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub test_mode: bool,
    pub data_dir: PathBuf,
    pub officer_token: Option<String>,
    pub gateway_token: String,
    pub max_file_bytes: u64,
    /// Origins the app is served from besides this backend's own (CORS, payment return).
    pub allowed_origins: crate::origins::AppOrigins,
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
            allowed_origins: Default::default(),
        }
    }

    /// Where uploaded documents are stored.
    pub fn uploads_dir(&self) -> PathBuf {
        self.data_dir.join("uploads")
    }
}

impl AppState {
    pub fn new(db: Db, settings: Settings) -> AppState {
        AppState {
            db,
            login_limiter: LoginLimiter::new(),
            settings: Arc::new(settings),
        }
    }
}
