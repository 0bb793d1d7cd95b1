use crate::services::limits::{MAX_ANSWERS_BYTES, MAX_FILES_PER_DOCUMENT};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use otinish_core::api::{Config, Limits, SignatureMethod};
use otinish_core::catalog::FileType;

/// `GET /config`: test mode, limits, accepted file types and signature methods.
pub async fn config(State(state): State<AppState>) -> Json<Config> {
    let mut signature_methods = vec![SignatureMethod::Cms];
    if state.settings.test_mode {
        signature_methods.insert(0, SignatureMethod::Test);
    }
    Json(Config {
        test_mode: state.settings.test_mode,
        file_types: vec![FileType::Pdf, FileType::Jpeg, FileType::Png],
        signature_methods,
        limits: Limits {
            max_file_bytes: state.settings.max_file_bytes,
            max_files_per_document: MAX_FILES_PER_DOCUMENT,
            max_answers_bytes: MAX_ANSWERS_BYTES,
            session_idle_seconds: (crate::accounts::session::LIFETIME_MINUTES * 60) as u32,
        },
    })
}
