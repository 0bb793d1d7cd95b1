//! NCALayer (`wss://127.0.0.1:13579`, module `kz.gov.pki.knca.basics`). Not written yet:
//! issue #8 fills this in; until then it answers that NCALayer is not running.

use super::SigningError;
use otinish_core::api::SigningData;
use serde::{Deserialize, Serialize};

/// Where NCALayer looks for the applicant's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyStorage {
    /// A PKCS#12 file on disk.
    File,
    /// A hardware token (Kaztoken, eToken…).
    Token,
    /// The chip of the national ID card.
    IdCard,
}

/// A detached CMS over `data`, base64 (DER).
pub async fn sign_cms(_storage: KeyStorage, _data: &SigningData) -> Result<String, SigningError> {
    Err(SigningError::NotRunning)
}
