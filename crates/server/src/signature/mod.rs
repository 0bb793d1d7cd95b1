//! Verifying an ЭЦП signature: a detached CMS `SignedData` (RFC 5652) as NCALayer makes it,
//! over the exact bytes that were to be signed. The same checks serve submission (a signing
//! key) and signing in (an authentication key); each failing check has its own code:
//!
//! | check | refusal |
//! |---|---|
//! | a CMS SignedData with one signer, its certificate, signed attributes (content type id-data) and a signature value that verifies with the certificate's key over those attributes | `signature-invalid` (not signed) |
//! | the `messageDigest` attribute is the SHA-256 of the bytes to be signed (and any encapsulated content is those bytes) | `digest-mismatch` |
//! | the algorithms are RSA (PKCS #1 v1.5, PSS) or ECDSA P-256 with SHA-256, or GOST with an external verifier configured | `algorithm-unsupported` |
//! | the certificate chains to an anchor of the trust store, every link a CA valid now whose key made the signature below | `certificate-untrusted` |
//! | the certificate is valid now, and the signing time (when present) lies within its validity | `certificate-expired` |
//! | key usage: a signing key (nonRepudiation, e-mail protection) for applications, an authentication key (digitalSignature, TLS client) for signing in | `wrong-key-usage` |
//! | the ИИН/БИН the certificate names is the one expected | `signer-mismatch` |
//! | OCSP (the responder configured, else the certificate's AIA) says good, in a response signed by the issuer or its delegated responder | `certificate-revoked`; no usable answer: `ocsp-unavailable` (503) |
//!
//! GOST R 34.10 signatures (most citizens' keys) go to an external verifier with NCANode's
//! API (`external`), when one is configured (`--signature-verifier`); it does the signature,
//! chain and OCSP, and the backend still checks whose key it is and what it is for. Without
//! one they are refused as `algorithm-unsupported`. An unreachable verifier is
//! `verifier-unavailable` (503). Nothing unverified is ever accepted.

pub mod algorithms;
mod ber;
pub mod certificate;
mod external;
mod http;
mod ocsp;

pub use certificate::{Cert, Holder, Purpose, TrustStore, TrustStoreError};

use algorithms::{Failure, Hash};
use axum::http::StatusCode;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier};
use const_oid::db::rfc5911;
use der::asn1::OctetString;
use der::{Decode, Encode};
use sha2::{Digest, Sha256};
use std::time::Duration;
use x509_cert::ext::pkix::SubjectKeyIdentifier;

/// Why a signature is refused. Each is a problem code of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NotSigned,
    DigestMismatch,
    Untrusted,
    Expired,
    Revoked,
    OcspUnavailable,
    WrongKeyUsage,
    SignerMismatch,
    AlgorithmUnsupported,
    VerifierUnavailable,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        use otinish_core::api::code;
        match self {
            Refusal::NotSigned => code::SIGNATURE_INVALID,
            Refusal::DigestMismatch => code::DIGEST_MISMATCH,
            Refusal::Untrusted => code::CERTIFICATE_UNTRUSTED,
            Refusal::Expired => code::CERTIFICATE_EXPIRED,
            Refusal::Revoked => code::CERTIFICATE_REVOKED,
            Refusal::OcspUnavailable => code::OCSP_UNAVAILABLE,
            Refusal::WrongKeyUsage => code::WRONG_KEY_USAGE,
            Refusal::SignerMismatch => code::SIGNER_MISMATCH,
            Refusal::AlgorithmUnsupported => code::ALGORITHM_UNSUPPORTED,
            Refusal::VerifierUnavailable => code::VERIFIER_UNAVAILABLE,
        }
    }

    /// 503 when the answer may differ later (a responder or verifier that did not answer),
    /// 422 otherwise.
    pub fn status(self) -> StatusCode {
        match self {
            Refusal::OcspUnavailable | Refusal::VerifierUnavailable => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

/// A signature that passed every check: who made it, and with which certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub holder: Holder,
    /// The certificate's serial number, hex.
    pub serial: String,
}

/// The trust store, the OCSP responder and the external verifier a deployment configured.
#[derive(Debug, Clone)]
pub struct Verifier {
    trust: TrustStore,
    ocsp_responder: Option<String>,
    external: Option<String>,
    http: http::HttpClient,
}

/// How long a responder or the external verifier has to answer.
const NETWORK_TIMEOUT: Duration = Duration::from_secs(10);

impl Verifier {
    pub fn new(
        trust: TrustStore,
        ocsp_responder: Option<String>,
        external: Option<String>,
    ) -> Verifier {
        Verifier {
            trust,
            ocsp_responder,
            external,
            http: http::HttpClient::new(NETWORK_TIMEOUT),
        }
    }

    /// Verifies `cms` over `data` for `purpose`, with `expected` judging whether the
    /// certificate's holder is the one who must have signed (checked before OCSP is asked).
    pub async fn verify(
        &self,
        cms: &[u8],
        data: &[u8],
        purpose: Purpose,
        expected: impl Fn(&Holder) -> bool,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Verified, Refusal> {
        let parsed = Parsed::of(cms, data)?;
        if parsed.is_gost() {
            let Some(url) = &self.external else {
                return Err(Refusal::AlgorithmUnsupported);
            };
            let verified = external::verify(&self.http, url, cms, data, purpose, now).await?;
            return if expected(&verified.holder) {
                Ok(verified)
            } else {
                Err(Refusal::SignerMismatch)
            };
        }
        let at = Duration::from_secs(u64::try_from(now.timestamp()).unwrap_or(0));
        parsed.check_signature(data)?;
        let chain = self
            .trust
            .chain(&parsed.certificate, &parsed.offered, at)
            .ok_or(Refusal::Untrusted)?;
        if !parsed.certificate.valid_at(at)
            || parsed
                .signing_time
                .is_some_and(|t| !parsed.certificate.valid_at(t))
        {
            return Err(Refusal::Expired);
        }
        if !parsed.certificate.allows(purpose) {
            return Err(Refusal::WrongKeyUsage);
        }
        let holder = parsed.certificate.holder();
        if !expected(&holder) {
            return Err(Refusal::SignerMismatch);
        }
        let url = self
            .ocsp_responder
            .clone()
            .or_else(|| parsed.certificate.ocsp_urls().into_iter().next())
            .ok_or(Refusal::OcspUnavailable)?;
        let issuer = chain.get(1).ok_or(Refusal::Untrusted)?;
        let status = ocsp::status(&self.http, &url, &parsed.certificate, issuer, at)
            .await
            .map_err(|reason| {
                tracing::warn!(%url, %reason, "no usable OCSP answer");
                Refusal::OcspUnavailable
            })?;
        if let Some(refusal) = status.refusal() {
            return Err(refusal);
        }
        Ok(Verified {
            holder,
            serial: parsed.certificate.serial_hex(),
        })
    }
}

/// What the checks need of a CMS.
struct Parsed {
    /// The signed attributes as they came (after BER framing is made DER), tagged as a SET.
    raw_attributes: Option<Vec<u8>>,
    signer: cms::signed_data::SignerInfo,
    certificate: Cert,
    /// Every certificate the CMS carries, for building the chain.
    offered: Vec<Cert>,
    signing_time: Option<Duration>,
}

/// 1.2.840.113549.1.9.5, id-signingTime.
const SIGNING_TIME: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");

impl Parsed {
    /// Reads the CMS, with the checks that need no key: its shape, one signer, detached (or
    /// encapsulating `data` itself), and signed attributes whose content type is id-data and
    /// whose message digest is `data`'s.
    fn of(cms: &[u8], data: &[u8]) -> Result<Parsed, Refusal> {
        let der = ber::to_der(cms).map_err(|_| Refusal::NotSigned)?;
        let info = ContentInfo::from_der(&der).map_err(|_| Refusal::NotSigned)?;
        if info.content_type != rfc5911::ID_SIGNED_DATA {
            return Err(Refusal::NotSigned);
        }
        let signed: SignedData = info.content.decode_as().map_err(|_| Refusal::NotSigned)?;
        let [signer] = signed.signer_infos.0.as_slice() else {
            return Err(Refusal::NotSigned);
        };
        let encapsulated = &signed.encap_content_info;
        if encapsulated.econtent_type != rfc5911::ID_DATA {
            return Err(Refusal::NotSigned);
        }
        if let Some(content) = &encapsulated.econtent {
            let content: OctetString = content.decode_as().map_err(|_| Refusal::NotSigned)?;
            if content.as_bytes() != data {
                return Err(Refusal::DigestMismatch);
            }
        }
        let offered: Vec<Cert> = signed
            .certificates
            .iter()
            .flat_map(|set| set.0.iter())
            .filter_map(|choice| match choice {
                cms::cert::CertificateChoices::Certificate(c) => {
                    c.to_der().ok().and_then(|der| Cert::from_der(&der))
                }
                _ => None,
            })
            .collect();
        let certificate = offered
            .iter()
            .find(|c| identifies(&signer.sid, c))
            .cloned()
            .ok_or(Refusal::NotSigned)?;
        let attributes = signer.signed_attrs.as_ref().ok_or(Refusal::NotSigned)?;
        let value = |oid| {
            attributes
                .iter()
                .find(|a| a.oid == oid)
                .and_then(|a| a.values.get(0).cloned())
        };
        let content_type = value(rfc5911::ID_CONTENT_TYPE)
            .and_then(|v| v.decode_as::<const_oid::ObjectIdentifier>().ok());
        if content_type != Some(rfc5911::ID_DATA) {
            return Err(Refusal::NotSigned);
        }
        let digest = value(rfc5911::ID_MESSAGE_DIGEST)
            .and_then(|v| v.decode_as::<OctetString>().ok())
            .ok_or(Refusal::NotSigned)?;
        let signing_time = match value(SIGNING_TIME) {
            None => None,
            Some(time) => Some(
                time.to_der()
                    .and_then(|der| x509_cert::time::Time::from_der(&der))
                    .map_err(|_| Refusal::NotSigned)?
                    .to_unix_duration(),
            ),
        };
        let parsed = Parsed {
            raw_attributes: raw_signed_attributes(&der),
            signer: signer.clone(),
            certificate,
            offered,
            signing_time,
        };
        if parsed.is_gost() {
            // GOST 34.11 digests are the external verifier's to compare.
            return Ok(parsed);
        }
        if Hash::of_oid(signer.digest_alg.oid) != Some(Hash::Sha256) {
            return Err(Refusal::AlgorithmUnsupported);
        }
        if digest.as_bytes() != Sha256::digest(data).as_slice() {
            return Err(Refusal::DigestMismatch);
        }
        Ok(parsed)
    }

    fn is_gost(&self) -> bool {
        algorithms::is_gost(&self.signer.digest_alg.oid)
            || algorithms::is_gost(&self.signer.signature_algorithm.oid)
            || algorithms::is_gost(&self.certificate.public_key().algorithm.oid)
    }

    /// The signature value over the signed attributes: their DER as a SET (RFC 5652 §5.4),
    /// or, when a signer wrote them in another order than DER's (node-forge does), the same
    /// attributes as they came; `der` parsed these very bytes, so the digest checked is the
    /// one signed either way.
    fn check_signature(&self, _data: &[u8]) -> Result<(), Refusal> {
        let attributes = self
            .signer
            .signed_attrs
            .as_ref()
            .ok_or(Refusal::NotSigned)?;
        let canonical = attributes.to_der().map_err(|_| Refusal::NotSigned)?;
        let verify = |signed: &[u8]| {
            algorithms::verify(
                self.certificate.public_key(),
                &self.signer.signature_algorithm,
                Hash::Sha256,
                signed,
                self.signer.signature.as_bytes(),
            )
        };
        let outcome = match verify(&canonical) {
            Err(Failure::Invalid) => match &self.raw_attributes {
                Some(raw) if *raw != canonical => verify(raw),
                _ => Err(Failure::Invalid),
            },
            other => other,
        };
        outcome.map_err(|failure| match failure {
            Failure::Unsupported => Refusal::AlgorithmUnsupported,
            Failure::Invalid => Refusal::NotSigned,
        })
    }
}

/// The signed attributes of the (one) signer as encoded in `der` (a DER ContentInfo), with
/// their `[0]` tag made the SET tag they are signed under.
fn raw_signed_attributes(der: &[u8]) -> Option<Vec<u8>> {
    use der::{Header, Reader, SliceReader};
    let mut reader = SliceReader::new(der).ok()?;
    Header::decode(&mut reader).ok()?; // ContentInfo
    reader.tlv_bytes().ok()?; // contentType
    Header::decode(&mut reader).ok()?; // [0] EXPLICIT
    Header::decode(&mut reader).ok()?; // SignedData
    reader.tlv_bytes().ok()?; // version
    reader.tlv_bytes().ok()?; // digestAlgorithms
    reader.tlv_bytes().ok()?; // encapContentInfo
    while reader.peek_tag().ok()?.is_context_specific() {
        reader.tlv_bytes().ok()?; // certificates [0], crls [1]
    }
    Header::decode(&mut reader).ok()?; // signerInfos
    Header::decode(&mut reader).ok()?; // SignerInfo
    reader.tlv_bytes().ok()?; // version
    reader.tlv_bytes().ok()?; // sid
    reader.tlv_bytes().ok()?; // digestAlgorithm
    let attributes = reader.tlv_bytes().ok()?;
    if attributes.first() != Some(&0xA0) {
        return None;
    }
    let mut set = attributes.to_vec();
    set[0] = 0x31;
    Some(set)
}

/// Whether `cert` is the one a signer identifier names.
fn identifies(sid: &SignerIdentifier, cert: &Cert) -> bool {
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(id) => {
            id.issuer.to_der().ok() == Some(cert.issuer_der()) && &id.serial_number == cert.serial()
        }
        SignerIdentifier::SubjectKeyIdentifier(id) => {
            let own = cert
                .parsed
                .tbs_certificate
                .extensions
                .iter()
                .flatten()
                .find(|e| e.extn_id == const_oid::db::rfc5280::ID_CE_SUBJECT_KEY_IDENTIFIER)
                .and_then(|e| SubjectKeyIdentifier::from_der(e.extn_value.as_bytes()).ok());
            own.as_ref() == Some(id)
        }
    }
}
