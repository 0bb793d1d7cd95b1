//! Signing and submitting. A submission carries an `Idempotency-Key`: the app keeps one key
//! per signed package and repeats it on every retry, so a flaky network yields exactly one
//! application.

use super::{Request, Result, builder, send, with_body};
use otinish_core::api::{Signature, SigningData, Submission, SubmitRequest};
use serde::{Deserialize, Serialize};

/// The exact bytes the backend will check the signature against, at the current version.
pub async fn signing_data(application: &str) -> Result<SigningData> {
    send(
        builder(
            Request::get,
            &format!("/applications/{application}/signing-data"),
        )
        .await
        .build(),
    )
    .await
}

/// A version 4 UUID, as the contract asks of idempotency keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn new() -> Self {
        let mut bytes = [0u8; 16];
        let crypto = web_sys::window().and_then(|w| w.crypto().ok());
        let filled = crypto.is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
        if !filled {
            // Every browser that runs WebAssembly has Web Crypto; should it fail all the
            // same, the clock keeps one applicant's keys apart.
            let now = web_sys::window()
                .and_then(|w| w.performance())
                .map_or(0.0, |p| p.now() + p.time_origin());
            bytes = ((now * 1000.0) as u128).to_le_bytes();
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        IdempotencyKey(format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for IdempotencyKey {
    fn default() -> Self {
        Self::new()
    }
}

pub async fn submit(
    application: &str,
    key: &IdempotencyKey,
    version: u32,
    signature: Signature,
) -> Result<Submission> {
    let request = builder(
        Request::post,
        &format!("/applications/{application}/submission"),
    )
    .await
    .header("Idempotency-Key", key.as_str());
    send(with_body(request, &SubmitRequest { version, signature })).await
}
