//! Whether a certificate is revoked, asked of an OCSP responder (RFC 6960) with RustCrypto's
//! `x509-ocsp` types: a request for one CertID (SHA-1, as responders expect) with a nonce,
//! and a response that must be signed by the issuer or by a responder the issuer delegated
//! (`id-kp-OCSPSigning`), name that CertID, be current, and echo the nonce if it has one.

use super::Refusal;
use super::certificate::{Cert, first_inner_tlv, hash_of_signature_algorithm};
use super::http::HttpClient;
use const_oid::db::{rfc5912, rfc6960};
use der::asn1::{Null, OctetString};
use der::{Any, Decode, Encode};
use rand_core::{OsRng, RngCore};
use sha1::{Digest, Sha1};
use spki::AlgorithmIdentifierOwned;
use std::time::Duration;
use x509_cert::ext::Extension;
use x509_ocsp::{
    BasicOcspResponse, CertId, CertStatus, OcspRequest, OcspResponse, OcspResponseStatus, Request,
    ResponderId, TbsRequest, Version,
};

/// How far a responder's clock may be ahead of ours.
const CLOCK_SKEW: Duration = Duration::from_secs(5 * 60);
/// A response without `nextUpdate` is current for this long after its `thisUpdate`.
const FRESH_FOR: Duration = Duration::from_secs(24 * 60 * 60);

/// What the responder said of the certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Good,
    Revoked,
    /// The responder does not know it: its CA did not issue it.
    Unknown,
}

/// Asks `url` about `cert`, issued by `issuer`. `Err`: no usable answer (unreachable, not a
/// response, not signed by whom it must be, stale, for another certificate).
pub async fn status(
    http: &HttpClient,
    url: &str,
    cert: &Cert,
    issuer: &Cert,
    now: Duration,
) -> Result<Status, String> {
    let cert_id = cert_id(cert, issuer).map_err(|e| e.to_string())?;
    let mut nonce = [0u8; 16];
    OsRng.fill_bytes(&mut nonce);
    let nonce_value = OctetString::new(nonce.to_vec())
        .and_then(|n| n.to_der())
        .map_err(|e| e.to_string())?;
    let request = OcspRequest {
        tbs_request: TbsRequest {
            version: Version::V1,
            requestor_name: None,
            request_list: vec![Request {
                req_cert: cert_id.clone(),
                single_request_extensions: None,
            }],
            request_extensions: Some(vec![Extension {
                extn_id: rfc6960::ID_PKIX_OCSP_NONCE,
                critical: false,
                extn_value: OctetString::new(nonce_value.clone()).map_err(|e| e.to_string())?,
            }]),
        },
        optional_signature: None,
    };
    let body = request.to_der().map_err(|e| e.to_string())?;
    let answer = http
        .post(url, "application/ocsp-request", body)
        .await
        .map_err(|e| e.0)?;
    read_response(&answer, &cert_id, issuer, &nonce_value, now)
}

fn read_response(
    answer: &[u8],
    cert_id: &CertId,
    issuer: &Cert,
    nonce: &[u8],
    now: Duration,
) -> Result<Status, String> {
    let response =
        OcspResponse::from_der(answer).map_err(|e| format!("not an OCSP response: {e}"))?;
    if response.response_status != OcspResponseStatus::Successful {
        return Err(format!("responder status {:?}", response.response_status));
    }
    let bytes = response.response_bytes.ok_or("no response bytes")?;
    if bytes.response_type != rfc6960::ID_PKIX_OCSP_BASIC {
        return Err("not a basic OCSP response".into());
    }
    let raw = bytes.response.as_bytes();
    let basic = BasicOcspResponse::from_der(raw).map_err(|e| e.to_string())?;
    let signed = first_inner_tlv(raw).ok_or("no signed part")?;
    let signer =
        responder(&basic, issuer, now).ok_or("not signed by the issuer or its responder")?;
    let hash = hash_of_signature_algorithm(&basic.signature_algorithm.oid);
    let signature = basic.signature.as_bytes().ok_or("no signature")?;
    super::algorithms::verify(
        signer.public_key(),
        &basic.signature_algorithm,
        hash,
        signed,
        signature,
    )
    .map_err(|_| "the response's signature does not verify".to_string())?;

    let data = &basic.tbs_response_data;
    if let Some(extensions) = &data.response_extensions
        && let Some(echoed) = extensions
            .iter()
            .find(|e| e.extn_id == rfc6960::ID_PKIX_OCSP_NONCE)
        && echoed.extn_value.as_bytes() != nonce
    {
        return Err("the nonce is not ours".into());
    }
    let single = data
        .responses
        .iter()
        .find(|r| same_cert_id(&r.cert_id, cert_id))
        .ok_or("no answer for this certificate")?;
    let this_update = single.this_update.0.to_unix_duration();
    if this_update > now + CLOCK_SKEW {
        return Err("answered from the future".into());
    }
    let current_until = single
        .next_update
        .map(|t| t.0.to_unix_duration())
        .unwrap_or(this_update + FRESH_FOR);
    if current_until + CLOCK_SKEW < now {
        return Err("a stale answer".into());
    }
    Ok(match single.cert_status {
        CertStatus::Good(_) => Status::Good,
        CertStatus::Revoked(_) => Status::Revoked,
        CertStatus::Unknown(_) => Status::Unknown,
    })
}

/// Who may have signed the response: the issuer itself, or a certificate in the response
/// issued by it for OCSP signing, valid now; either must be the one `responder_id` names.
fn responder(basic: &BasicOcspResponse, issuer: &Cert, now: Duration) -> Option<Cert> {
    let named = |cert: &Cert| match &basic.tbs_response_data.responder_id {
        ResponderId::ByName(name) => name.to_der().ok() == Some(cert.subject_der()),
        ResponderId::ByKey(hash) => hash.as_bytes() == key_hash(cert).as_slice(),
    };
    if named(issuer) {
        return Some(issuer.clone());
    }
    basic
        .certs
        .iter()
        .flatten()
        .filter_map(|c| c.to_der().ok().and_then(|der| Cert::from_der(&der)))
        .find(|delegate| {
            named(delegate)
                && delegate.is_ocsp_signer()
                && delegate.valid_at(now)
                && delegate.issuer_der() == issuer.subject_der()
                && delegate.signed_by(issuer)
        })
}

fn key_hash(cert: &Cert) -> Vec<u8> {
    Sha1::digest(cert.public_key().subject_public_key.raw_bytes()).to_vec()
}

fn cert_id(cert: &Cert, issuer: &Cert) -> der::Result<CertId> {
    Ok(CertId {
        hash_algorithm: AlgorithmIdentifierOwned {
            oid: rfc5912::ID_SHA_1,
            parameters: Some(Any::from(Null)),
        },
        issuer_name_hash: OctetString::new(Sha1::digest(issuer.subject_der()).to_vec())?,
        issuer_key_hash: OctetString::new(key_hash(issuer))?,
        serial_number: cert.serial().clone(),
    })
}

/// Responders may answer with or without the NULL parameters of SHA-1.
fn same_cert_id(a: &CertId, b: &CertId) -> bool {
    a.hash_algorithm.oid == b.hash_algorithm.oid
        && a.issuer_name_hash == b.issuer_name_hash
        && a.issuer_key_hash == b.issuer_key_hash
        && a.serial_number == b.serial_number
}

impl Status {
    /// The refusal a status other than good means.
    pub fn refusal(self) -> Option<Refusal> {
        match self {
            Status::Good => None,
            Status::Revoked => Some(Refusal::Revoked),
            Status::Unknown => Some(Refusal::Untrusted),
        }
    }
}
