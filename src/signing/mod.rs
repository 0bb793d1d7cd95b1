//! Signing the application. The wizard asks one question of a signer: here are the bytes the
//! backend will check (`SigningData`), give me the signature the submission carries. Each
//! kind of signer lives in its own module behind that one call.
//!
//! - `test`: the backend's test signer, offered only when the backend says it runs in test
//!   mode; the page says plainly that it is not a legal signature.
//! - `ncalayer`: the applicant's ЭЦП through NCALayer, the national CA's local agent.
//! - `egov_mobile`: the eGov mobile app on a phone (a QR code, or a same-device link); the
//!   backend keeps its signature, and the submission names the session.
//!
//! `view` holds what the sign page shows of signing: the choice of signer, and a screen for
//! each way signing can fail.

mod egov_mobile;
mod ncalayer;
mod view;

use leptos::prelude::set_timeout;
use otinish_core::api::{Signature, SigningData, TestOutcome};
use serde::{Deserialize, Serialize};
use std::time::Duration;

pub use egov_mobile::{EgovMobileSigner, EgovPurpose, OnSigned, StartSession, is_phone};
pub use ncalayer::{DEFAULT_URL as DEFAULT_NCALAYER_URL, KeyPurpose, KeyStorage, sign_bytes};
pub use view::{SIGNATURE_REFUSALS, SignatureRefusal, SignerChoice, SignerFailure};

/// Which signer the applicant chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Signer {
    /// The backend signs as the applicant (test mode only).
    Test,
    /// NCALayer signs with a key from the chosen storage.
    NcaLayer(KeyStorage),
}

/// Why no signature came back. Each has its own screen (`signing-error-<code>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigningError {
    /// NCALayer does not answer on this computer: it is not installed or not started.
    NotRunning,
    /// The applicant closed NCALayer's window or pressed Cancel.
    Cancelled,
    /// The key store held no usable signing certificate, or the password was wrong.
    NoCertificate,
    /// NCALayer took the request and gave no answer in time (its window may be hidden
    /// behind the browser, or it hangs).
    TimedOut,
    /// The signer answered something we do not understand.
    Failed,
}

impl SigningError {
    /// The message id stem of the error's screen.
    pub fn code(&self) -> &'static str {
        match self {
            SigningError::NotRunning => "ncalayer-not-running",
            SigningError::Cancelled => "signing-cancelled",
            SigningError::NoCertificate => "no-certificate",
            SigningError::TimedOut => "ncalayer-timed-out",
            SigningError::Failed => "signing-failed",
        }
    }
}

impl Signer {
    /// The signature over `data` that the submission will carry.
    pub async fn sign(self, data: &SigningData) -> Result<Signature, SigningError> {
        match self {
            Signer::Test => Ok(Signature::Test {
                simulate: TestOutcome::Valid,
            }),
            Signer::NcaLayer(storage) => ncalayer::sign_cms(storage, data)
                .await
                .map(|cms| Signature::Cms { cms }),
        }
    }
}

/// Waits `duration` without blocking the page.
pub async fn sleep(duration: Duration) {
    let (done, wait) = futures_channel::oneshot::channel::<()>();
    set_timeout(
        move || {
            let _ = done.send(());
        },
        duration,
    );
    let _ = wait.await;
}
