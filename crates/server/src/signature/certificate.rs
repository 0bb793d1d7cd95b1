//! A certificate as the checks need it (RustCrypto `x509-cert`), the trust store, and the
//! chain from a signer's certificate to one of its anchors.

use super::algorithms::{self, Hash};
use const_oid::ObjectIdentifier;
use const_oid::db::{rfc4519, rfc5280, rfc5912};
use der::{Decode, Encode, Reader};
use std::path::Path;
use std::time::Duration;
use x509_cert::Certificate;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    AuthorityInfoAccessSyntax, BasicConstraints, ExtendedKeyUsage, KeyUsage,
};

/// A parsed certificate with its DER.
#[derive(Debug, Clone)]
pub struct Cert {
    pub der: Vec<u8>,
    pub parsed: Certificate,
}

/// What a certificate's subject says of who holds it (НУЦ РК: `SERIALNUMBER=IIN<ИИН>`, and
/// `OU=BIN<БИН>` for a key of an organisation's employee).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Holder {
    pub iin: Option<String>,
    pub bin: Option<String>,
}

/// What the key is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Signing an application: `nonRepudiation`, and the e-mail protection purpose when the
    /// certificate names purposes (the НУЦ РК's signing key, `RSA_…`/`GOSTKNCA_…`).
    Signing,
    /// Signing in: `digitalSignature` and the TLS client purpose (the НУЦ РК's `AUTH_…` key).
    Authentication,
}

impl Cert {
    pub fn from_der(der: &[u8]) -> Option<Cert> {
        let parsed = Certificate::from_der(der).ok()?;
        Some(Cert {
            der: der.to_vec(),
            parsed,
        })
    }

    fn tbs(&self) -> &x509_cert::TbsCertificate {
        &self.parsed.tbs_certificate
    }

    pub fn subject_der(&self) -> Vec<u8> {
        self.tbs().subject.to_der().unwrap_or_default()
    }

    pub fn issuer_der(&self) -> Vec<u8> {
        self.tbs().issuer.to_der().unwrap_or_default()
    }

    pub fn serial(&self) -> &x509_cert::serial_number::SerialNumber {
        &self.tbs().serial_number
    }

    pub fn serial_hex(&self) -> String {
        hex::encode(self.serial().as_bytes())
    }

    pub fn public_key(&self) -> &spki::SubjectPublicKeyInfoOwned {
        &self.tbs().subject_public_key_info
    }

    /// Validity as seconds since the epoch: (not before, not after).
    pub fn validity(&self) -> (Duration, Duration) {
        let validity = &self.tbs().validity;
        (
            validity.not_before.to_unix_duration(),
            validity.not_after.to_unix_duration(),
        )
    }

    pub fn valid_at(&self, at: Duration) -> bool {
        let (from, to) = self.validity();
        from <= at && at <= to
    }

    fn extension<T: for<'a> Decode<'a>>(&self, oid: ObjectIdentifier) -> Option<T> {
        let extensions = self.tbs().extensions.as_ref()?;
        let found = extensions.iter().find(|e| e.extn_id == oid)?;
        T::from_der(found.extn_value.as_bytes()).ok()
    }

    pub fn key_usage(&self) -> Option<KeyUsage> {
        self.extension(rfc5280::ID_CE_KEY_USAGE)
    }

    pub fn extended_key_usage(&self) -> Option<ExtendedKeyUsage> {
        self.extension(rfc5280::ID_CE_EXT_KEY_USAGE)
    }

    pub fn is_ca(&self) -> bool {
        let constraints: Option<BasicConstraints> =
            self.extension(rfc5280::ID_CE_BASIC_CONSTRAINTS);
        constraints.is_some_and(|c| c.ca)
            && self.key_usage().is_none_or(|usage| usage.key_cert_sign())
    }

    /// Whether the key may be used for `purpose`.
    pub fn allows(&self, purpose: Purpose) -> bool {
        let Some(usage) = self.key_usage() else {
            return false;
        };
        let purposes = self.extended_key_usage().map(|e| e.0);
        let names = |wanted: ObjectIdentifier| {
            purposes.as_ref().is_some_and(|list| {
                list.contains(&wanted) || list.contains(&ANY_EXTENDED_KEY_USAGE)
            })
        };
        match purpose {
            Purpose::Signing => {
                usage.non_repudiation()
                    && (purposes.is_none() || names(rfc5280::ID_KP_EMAIL_PROTECTION))
            }
            Purpose::Authentication => {
                usage.digital_signature() && names(rfc5280::ID_KP_CLIENT_AUTH)
            }
        }
    }

    /// Whether the key may sign OCSP responses for its issuer (RFC 6960 §4.2.2.2).
    pub fn is_ocsp_signer(&self) -> bool {
        self.extended_key_usage()
            .is_some_and(|e| e.0.contains(&rfc5280::ID_KP_OCSP_SIGNING))
    }

    /// The OCSP responders its Authority Information Access names (http only).
    pub fn ocsp_urls(&self) -> Vec<String> {
        let access: Option<AuthorityInfoAccessSyntax> =
            self.extension(rfc5280::ID_PE_AUTHORITY_INFO_ACCESS);
        access
            .map(|a| a.0)
            .unwrap_or_default()
            .into_iter()
            .filter(|d| d.access_method == rfc5280::ID_AD_OCSP)
            .filter_map(|d| match d.access_location {
                GeneralName::UniformResourceIdentifier(uri) => Some(uri.to_string()),
                _ => None,
            })
            .collect()
    }

    /// Who the subject names.
    pub fn holder(&self) -> Holder {
        let mut holder = Holder::default();
        for rdn in self.tbs().subject.0.iter() {
            for pair in rdn.0.iter() {
                let Some(text) = directory_string(&pair.value) else {
                    continue;
                };
                if pair.oid == rfc4519::SERIAL_NUMBER {
                    if let Some(number) = text.strip_prefix("IIN") {
                        holder.iin = Some(number.to_string());
                    }
                } else if pair.oid == rfc4519::ORGANIZATIONAL_UNIT_NAME
                    && let Some(number) = text.strip_prefix("BIN")
                {
                    holder.bin = Some(number.to_string());
                }
            }
        }
        holder
    }

    /// Whether `issuer`'s key made this certificate's signature.
    pub fn signed_by(&self, issuer: &Cert) -> bool {
        let Some(tbs) = first_inner_tlv(&self.der) else {
            return false;
        };
        let algorithm = &self.parsed.signature_algorithm;
        let hash = hash_of_signature_algorithm(&algorithm.oid);
        let Some(signature) = self.parsed.signature.as_bytes() else {
            return false;
        };
        algorithms::verify(issuer.public_key(), algorithm, hash, tbs, signature).is_ok()
    }
}

/// anyExtendedKeyUsage (RFC 5280 §4.2.1.12).
const ANY_EXTENDED_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37.0");

/// The hash a certificate's signature algorithm implies (SHA-256 when it names none, as
/// RSASSA-PSS carries its own).
pub fn hash_of_signature_algorithm(oid: &ObjectIdentifier) -> Hash {
    match *oid {
        rfc5912::SHA_384_WITH_RSA_ENCRYPTION | rfc5912::ECDSA_WITH_SHA_384 => Hash::Sha384,
        rfc5912::SHA_512_WITH_RSA_ENCRYPTION | rfc5912::ECDSA_WITH_SHA_512 => Hash::Sha512,
        _ => Hash::Sha256,
    }
}

/// The first element inside a DER SEQUENCE, as encoded: the signed part of a certificate or
/// of an OCSP response, exactly as its issuer signed it.
pub fn first_inner_tlv(der: &[u8]) -> Option<&[u8]> {
    let mut reader = der::SliceReader::new(der).ok()?;
    let _outer = der::Header::decode(&mut reader).ok()?;
    reader.tlv_bytes().ok()
}

/// A DirectoryString, PrintableString or IA5String as text.
fn directory_string(value: &der::Any) -> Option<String> {
    use der::{Tag, Tagged};
    match value.tag() {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String | Tag::TeletexString => {
            std::str::from_utf8(value.value()).ok().map(str::to_string)
        }
        _ => None,
    }
}

/// The roots and intermediates a deployment trusts (`--trust-store DIR`).
#[derive(Debug, Clone, Default)]
pub struct TrustStore {
    /// Self-signed certificates: where a chain may end.
    anchors: Vec<Cert>,
    /// Issued by another: links a chain may go through.
    intermediates: Vec<Cert>,
}

/// Why a trust store could not be read.
#[derive(Debug)]
pub struct TrustStoreError(pub String);

impl std::fmt::Display for TrustStoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TrustStore {
    /// Every certificate in `dir`: PEM files (one or more certificates each) and DER files
    /// (`.der`, `.cer`, `.crt` not in PEM), as the НУЦ РК publishes its roots.
    pub fn load(dir: &Path) -> Result<TrustStore, TrustStoreError> {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| TrustStoreError(format!("trust store {}: {e}", dir.display())))?;
        let mut certificates = Vec::new();
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !["pem", "crt", "cer", "der"].contains(&extension.to_ascii_lowercase().as_str()) {
                continue;
            }
            let bytes = std::fs::read(&path)
                .map_err(|e| TrustStoreError(format!("{}: {e}", path.display())))?;
            let found =
                if bytes.starts_with(b"-----") || bytes.iter().take(64).all(|b| b.is_ascii()) {
                    Certificate::load_pem_chain(&bytes)
                        .map_err(|e| TrustStoreError(format!("{}: {e}", path.display())))?
                        .into_iter()
                        .filter_map(|c| c.to_der().ok())
                        .collect::<Vec<_>>()
                } else {
                    vec![bytes]
                };
            for der in found {
                let cert = Cert::from_der(&der).ok_or_else(|| {
                    TrustStoreError(format!("{}: not an X.509 certificate", path.display()))
                })?;
                certificates.push(cert);
            }
        }
        Ok(TrustStore::of(certificates))
    }

    pub fn of(certificates: Vec<Cert>) -> TrustStore {
        let (anchors, intermediates) = certificates
            .into_iter()
            .partition(|c| c.subject_der() == c.issuer_der() && c.signed_by(c));
        TrustStore {
            anchors,
            intermediates,
        }
    }

    pub fn len(&self) -> usize {
        self.anchors.len() + self.intermediates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The chain from `leaf` to an anchor, `leaf` first and the anchor last, through the
    /// store's intermediates and those `offered` (the CMS's own certificates). Every link is
    /// a CA valid `now` whose key made the signature below it. `None`: no such chain.
    pub fn chain(&self, leaf: &Cert, offered: &[Cert], now: Duration) -> Option<Vec<Cert>> {
        const MAX_LENGTH: usize = 8;
        let mut chain = vec![leaf.clone()];
        while chain.len() < MAX_LENGTH {
            let current = chain.last()?;
            let issuer = current.issuer_der();
            let issued_by = |candidate: &&Cert| {
                candidate.subject_der() == issuer
                    && candidate.is_ca()
                    && candidate.valid_at(now)
                    && current.signed_by(candidate)
            };
            if let Some(anchor) = self.anchors.iter().find(issued_by) {
                chain.push(anchor.clone());
                return Some(chain);
            }
            let next = self
                .intermediates
                .iter()
                .chain(offered)
                .filter(|c| !chain.iter().any(|seen| seen.der == c.der))
                .find(issued_by)?
                .clone();
            chain.push(next);
        }
        None
    }
}
