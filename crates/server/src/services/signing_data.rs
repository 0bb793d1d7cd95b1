//! The bytes the applicant signs (`GET …/signing-data`), and that submission checks the
//! signature against.
//!
//! Format `otinish-signing-data/1`, media type `application/json`: one UTF-8 JSON object
//! with no insignificant whitespace, its members in this order, every member always present:
//!
//! ```text
//! {"format":"otinish-signing-data/1",
//!  "application":"<uuid>","version":<n>,
//!  "service":"<id>","provider":"<id>","sub_case":"issue|reissue|duplicate",
//!  "targets":["licence","annex"],                      (sorted; [] when not asked)
//!  "applicant":{"kind":"individual|legal-entity","iin_bin":"<12 digits>"},
//!  "answers":{…},                                       (as stored; keys in byte order)
//!  "documents":[{"document":"<id>","file_name":"…","file_type":"pdf","size":<n>,
//!                "sha256":"<hex>"}, …],                 (in upload order)
//!  "fee":{"kind":"free"} | {"kind":"unknown"} |
//!        {"kind":"paid","mrp_tenths":<n>|null,"mrp":<n>|null,"tenge":<n>,
//!         "payment":"<uuid>","receipt_number":"…"}}
//! ```
//!
//! The signature covers the files through their SHA-256, never their bytes, so that the
//! signing data stays small and the client signs it as it is, without parsing it.

use otinish_core::api::{Answers, Payment, SigningData, StoredDocument};
use otinish_core::catalog::{ApplicantType, FileType, SubCase, Target};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub const FORMAT: &str = "otinish-signing-data/1";
pub const MEDIA_TYPE: &str = "application/json";

/// The application as it stands at `version`, as signing covers it.
pub struct Signed<'a> {
    pub application: &'a str,
    pub version: u32,
    pub service: &'a str,
    pub provider: &'a str,
    pub sub_case: SubCase,
    pub targets: &'a [Target],
    pub applicant: ApplicantType,
    pub iin_bin: &'a str,
    pub answers: &'a Answers,
    pub documents: &'a [StoredDocument],
    /// The payment that settled the fee; `None` when no fee is paid here.
    pub paid: Option<&'a Payment>,
    /// Whether the fee is unknown (settled with the provider) rather than free.
    pub fee_unknown: bool,
}

/// The bytes to sign and their SHA-256 (lower-case hex).
pub struct SigningBytes {
    pub bytes: Vec<u8>,
    pub sha256: String,
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    application: &'a str,
    version: u32,
    service: &'a str,
    provider: &'a str,
    sub_case: SubCase,
    targets: Vec<Target>,
    applicant: Applicant<'a>,
    answers: &'a Answers,
    documents: Vec<SignedFile<'a>>,
    fee: SignedFee<'a>,
}

#[derive(Serialize)]
struct Applicant<'a> {
    kind: ApplicantType,
    iin_bin: &'a str,
}

#[derive(Serialize)]
struct SignedFile<'a> {
    document: &'a str,
    file_name: &'a str,
    file_type: FileType,
    size: u64,
    sha256: &'a str,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
enum SignedFee<'a> {
    Free,
    Unknown,
    Paid {
        /// Absent (null) for an amount the applicant entered.
        mrp_tenths: Option<u32>,
        mrp: Option<u32>,
        tenge: u64,
        payment: &'a str,
        receipt_number: &'a str,
    },
}

impl Signed<'_> {
    pub fn bytes(&self) -> SigningBytes {
        let mut targets = self.targets.to_vec();
        targets.sort();
        targets.dedup();
        let fee = match self.paid {
            Some(payment) => SignedFee::Paid {
                mrp_tenths: payment.mrp_tenths,
                mrp: payment.mrp,
                tenge: payment.tenge,
                payment: &payment.id,
                receipt_number: payment
                    .receipt
                    .as_ref()
                    .map_or("", |receipt| receipt.number.as_str()),
            },
            None if self.fee_unknown => SignedFee::Unknown,
            None => SignedFee::Free,
        };
        let envelope = Envelope {
            format: FORMAT,
            application: self.application,
            version: self.version,
            service: self.service,
            provider: self.provider,
            sub_case: self.sub_case,
            targets,
            applicant: Applicant {
                kind: self.applicant,
                iin_bin: self.iin_bin,
            },
            answers: self.answers,
            documents: self
                .documents
                .iter()
                .map(|file| SignedFile {
                    document: &file.document,
                    file_name: &file.file_name,
                    file_type: file.file_type,
                    size: file.size,
                    sha256: &file.sha256,
                })
                .collect(),
            fee,
        };
        // Plain data with string keys: serialising it cannot fail.
        let bytes = serde_json::to_vec(&envelope).unwrap_or_default();
        let sha256 = hex::encode(Sha256::digest(&bytes));
        SigningBytes { bytes, sha256 }
    }
}

impl SigningBytes {
    pub fn to_api(&self, version: u32) -> SigningData {
        use base64::Engine;
        SigningData {
            version,
            media_type: MEDIA_TYPE.to_string(),
            data: base64::engine::general_purpose::STANDARD.encode(&self.bytes),
            sha256: self.sha256.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn answers() -> Answers {
        serde_json::from_value(json!({
            "contacts": { "contact-phone": "+77011234567", "contact-email": "a@example.kz" },
            "annex-subtypes": { "activity-subtypes": "Стоматология" }
        }))
        .unwrap()
    }

    fn signed<'a>(answers: &'a Answers, targets: &'a [Target]) -> Signed<'a> {
        Signed {
            application: "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30",
            version: 4,
            service: "medical-licence",
            provider: "vko-health",
            sub_case: SubCase::Duplicate,
            targets,
            applicant: ApplicantType::Individual,
            iin_bin: "850314300003",
            answers,
            documents: &[],
            paid: None,
            fee_unknown: false,
        }
    }

    #[test]
    fn the_bytes_are_compact_json_in_the_documented_order() {
        let answers = answers();
        let bytes = signed(&answers, &[Target::Annex, Target::Licence]).bytes();
        let text = String::from_utf8(bytes.bytes.clone()).unwrap();
        assert!(
            text.starts_with(
                "{\"format\":\"otinish-signing-data/1\",\"application\":\"3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30\",\"version\":4,"
            ),
            "{text}"
        );
        assert!(
            text.contains("\"targets\":[\"licence\",\"annex\"]"),
            "{text}"
        );
        // Answers are in key order whatever order they were typed in.
        assert!(text.find("annex-subtypes") < text.find("contacts"));
        assert!(
            text.ends_with("\"documents\":[],\"fee\":{\"kind\":\"free\"}}"),
            "{text}"
        );
        assert!(!text.contains('\n') && !text.contains("\": "), "{text}");
        assert_eq!(bytes.sha256, hex::encode(Sha256::digest(&bytes.bytes)));
    }

    #[test]
    fn the_same_application_gives_the_same_bytes_and_any_change_other_bytes() {
        let answers = answers();
        let first = signed(&answers, &[Target::Licence]).bytes();
        let again = signed(&answers, &[Target::Licence]).bytes();
        assert_eq!(first.bytes, again.bytes);
        let later = Signed {
            version: 5,
            ..signed(&answers, &[Target::Licence])
        }
        .bytes();
        assert_ne!(first.sha256, later.sha256);
    }
}
