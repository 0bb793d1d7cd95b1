//! The signature algorithms verified natively: RSA with PKCS #1 v1.5 or PSS, and ECDSA over
//! P-256, with SHA-2 (RustCrypto `rsa`, `p256`, `sha2`). GOST 34.10 is not among them: no
//! maintained Rust crate verifies it, so those signatures go to the external verifier
//! (`super::external`) or are refused as `algorithm-unsupported`.

use const_oid::ObjectIdentifier;
use const_oid::db::rfc5912;
use der::{Decode, Encode};
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

/// The hash functions natively known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    pub fn of_oid(oid: ObjectIdentifier) -> Option<Hash> {
        match oid {
            rfc5912::ID_SHA_256 => Some(Hash::Sha256),
            rfc5912::ID_SHA_384 => Some(Hash::Sha384),
            rfc5912::ID_SHA_512 => Some(Hash::Sha512),
            _ => None,
        }
    }

    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => Sha256::digest(data).to_vec(),
            Hash::Sha384 => Sha384::digest(data).to_vec(),
            Hash::Sha512 => Sha512::digest(data).to_vec(),
        }
    }
}

/// Why a signature did not verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// An algorithm (or key type, or curve) this module does not verify.
    Unsupported,
    /// The value does not verify with the key.
    Invalid,
}

/// The OIDs of GOST R 34.10 (Russian 2001/2012 and the Kazakh profiles NCALayer uses): told
/// apart so that they can go to the external verifier.
pub fn is_gost(oid: &ObjectIdentifier) -> bool {
    let text = oid.to_string();
    // 1.2.643.2.2.* (GOST R 34.10-2001), 1.2.643.7.1.* (GOST R 34.10/34.11-2012), and
    // 1.2.398.3.10.* (the Kazakh ГОСТ 34.310/34.311 of KalkanCrypt).
    text.starts_with("1.2.643.2.2.")
        || text.starts_with("1.2.643.7.1.")
        || text.starts_with("1.2.398.3.10.")
}

/// Verifies `signature` over `message` (hashed here with `hash`) with `key`, for the
/// signature algorithm `algorithm` as a certificate or a CMS signer names it. In CMS the
/// algorithm may be the bare key type (`rsaEncryption`); then `hash` says which digest.
pub fn verify(
    key: &SubjectPublicKeyInfoOwned,
    algorithm: &AlgorithmIdentifierOwned,
    hash: Hash,
    message: &[u8],
    signature: &[u8],
) -> Result<(), Failure> {
    let oid = algorithm.oid;
    let rsa_hash = match oid {
        rfc5912::RSA_ENCRYPTION => Some(hash),
        rfc5912::SHA_256_WITH_RSA_ENCRYPTION => Some(Hash::Sha256),
        rfc5912::SHA_384_WITH_RSA_ENCRYPTION => Some(Hash::Sha384),
        rfc5912::SHA_512_WITH_RSA_ENCRYPTION => Some(Hash::Sha512),
        _ => None,
    };
    if let Some(rsa_hash) = rsa_hash {
        if rsa_hash != hash && oid != rfc5912::RSA_ENCRYPTION {
            return Err(Failure::Invalid);
        }
        let key = rsa_key(key)?;
        let hashed = rsa_hash.digest(message);
        let scheme = match rsa_hash {
            Hash::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
            Hash::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
            Hash::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
        };
        return key
            .verify(scheme, &hashed, signature)
            .map_err(|_| Failure::Invalid);
    }
    match oid {
        rfc5912::ID_RSASSA_PSS => {
            let (pss_hash, salt) = pss_parameters(algorithm)?;
            if pss_hash != hash {
                return Err(Failure::Invalid);
            }
            let key = rsa_key(key)?;
            let hashed = pss_hash.digest(message);
            let scheme = match pss_hash {
                Hash::Sha256 => rsa::Pss::new_with_salt::<Sha256>(salt),
                Hash::Sha384 => rsa::Pss::new_with_salt::<Sha384>(salt),
                Hash::Sha512 => rsa::Pss::new_with_salt::<Sha512>(salt),
            };
            key.verify(scheme, &hashed, signature)
                .map_err(|_| Failure::Invalid)
        }
        rfc5912::ECDSA_WITH_SHA_256 | rfc5912::ID_EC_PUBLIC_KEY => {
            if hash != Hash::Sha256 {
                return Err(Failure::Unsupported);
            }
            use p256::ecdsa::signature::Verifier;
            use p256::pkcs8::DecodePublicKey;
            if key.algorithm.oid != rfc5912::ID_EC_PUBLIC_KEY {
                return Err(Failure::Invalid);
            }
            let curve = key
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
            if curve != Some(rfc5912::SECP_256_R_1) {
                return Err(Failure::Unsupported);
            }
            let der = key.to_der().map_err(|_| Failure::Invalid)?;
            let key = p256::ecdsa::VerifyingKey::from_public_key_der(&der)
                .map_err(|_| Failure::Invalid)?;
            let signature =
                p256::ecdsa::Signature::from_der(signature).map_err(|_| Failure::Invalid)?;
            key.verify(message, &signature)
                .map_err(|_| Failure::Invalid)
        }
        _ => Err(Failure::Unsupported),
    }
}

fn rsa_key(key: &SubjectPublicKeyInfoOwned) -> Result<rsa::RsaPublicKey, Failure> {
    use rsa::pkcs8::DecodePublicKey;
    if key.algorithm.oid != rfc5912::RSA_ENCRYPTION && key.algorithm.oid != rfc5912::ID_RSASSA_PSS {
        return Err(Failure::Invalid);
    }
    let der = key.to_der().map_err(|_| Failure::Invalid)?;
    rsa::RsaPublicKey::from_public_key_der(&der).map_err(|_| Failure::Invalid)
}

/// RSASSA-PSS parameters (RFC 4055): the hash (MGF1 with the same hash) and the salt length.
fn pss_parameters(algorithm: &AlgorithmIdentifierOwned) -> Result<(Hash, usize), Failure> {
    let parameters = algorithm.parameters.as_ref().ok_or(Failure::Unsupported)?;
    let der = parameters.to_der().map_err(|_| Failure::Invalid)?;
    let params = rsa::pkcs1::RsaPssParams::from_der(&der).map_err(|_| Failure::Invalid)?;
    let hash = Hash::of_oid(params.hash.oid).ok_or(Failure::Unsupported)?;
    let mgf_hash = params
        .mask_gen
        .parameters
        .as_ref()
        .map(|inner| inner.oid)
        .and_then(Hash::of_oid);
    if params.mask_gen.oid != rfc5912::ID_MGF_1 || mgf_hash != Some(hash) {
        return Err(Failure::Unsupported);
    }
    Ok((hash, usize::from(params.salt_len)))
}
