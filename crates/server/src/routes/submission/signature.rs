//! Checking a signature against the signing data, as far as this backend can.
//!
//! The regulations have the provider check the signing certificate's validity period, that
//! it is not revoked, and that its ИИН/БИН is the applicant's (seed 001 Service 1 п. 11
//! условие 3). For a detached CMS (NCALayer `basicsSignCMS`) this module checks:
//!
//! 1. the blob is a CMS `SignedData` whose content is detached (or is the signing data);
//! 2. the signer's `messageDigest` attribute is the SHA-256 of the signing data, when the
//!    signer used SHA-256 (`signature-invalid` otherwise);
//! 3. the signer's certificate (found by issuer and serial number) is within its validity
//!    period now (`certificate-expired`);
//! 4. the certificate names the applicant: `serialNumber` `IIN<ИИН>` for a person, the
//!    organisational unit `BIN<БИН>` for an organisation (`signer-mismatch`).
//!
//! What it does not do, because the reference backend has no trust store and no network
//! access to the НУЦ РК: verify the signature value with the certificate's key, build the
//! chain to the НУЦ РК roots, and ask OCSP whether the certificate is revoked
//! (`certificate-revoked`). A deployment with legal effect plugs that in at
//! [`verify_with_trust_store`], with a digest for the GOST algorithms (ГОСТ 34.311) that
//! NCALayer uses besides SHA-256. Until then a CMS here proves the shape and the claims of
//! the signature, not who made it; `GET /config` still offers `cms` so that the app's
//! NCALayer path can be exercised end to end.
//!
//! The usual way to plug it in is an NCANode service (malikzh/NCANode, run beside the
//! backend with the НУЦ РК root and intermediate certificates): `POST /cms/verify` with the
//! CMS and the signed bytes (`data`, base64, since the CMS is detached), `checkOcsp: true`
//! and `checkCrl: true`; it answers whether the signature value is valid, the chain it built
//! and each certificate's OCSP/CRL status. Map a bad value to `signature-invalid`, a revoked
//! certificate to `certificate-revoked`, an untrusted chain to `signature-invalid`, and an
//! unreachable NCANode to 503 (never accept unverified). The checks above stay: NCANode says
//! who signed, not whether that is the applicant.
//!
//! Whatever the outcome, the submission stores the CMS exactly as it came (the `signatures`
//! table, with the signed bytes and their SHA-256), so that it can be verified again later.
//!
//! The test signer (test mode only) signs as the applicant and can play each check failing.

use super::der::{self, Element, Malformed, oid};
use otinish_core::api::{TestOutcome, code};
use otinish_core::catalog::ApplicantType;
use sha2::{Digest, Sha256};

/// Whom the signature must name.
pub struct Applicant<'a> {
    pub kind: ApplicantType,
    pub iin_bin: &'a str,
}

/// The test signer: refused outside test mode, otherwise the outcome it was asked to play.
pub fn check_test(simulate: TestOutcome, test_mode: bool) -> Result<(), &'static str> {
    if !test_mode {
        return Err(code::TEST_SIGNER_DISABLED);
    }
    match simulate {
        TestOutcome::Valid => Ok(()),
        TestOutcome::SignatureInvalid => Err(code::SIGNATURE_INVALID),
        TestOutcome::CertificateExpired => Err(code::CERTIFICATE_EXPIRED),
        TestOutcome::CertificateRevoked => Err(code::CERTIFICATE_REVOKED),
        TestOutcome::SignerMismatch => Err(code::SIGNER_MISMATCH),
    }
}

/// A detached CMS over `signed`, checked as the module documentation says. `now` is UTC.
pub fn check_cms(
    cms: &[u8],
    signed: &[u8],
    applicant: &Applicant<'_>,
    now: chrono::NaiveDateTime,
) -> Result<(), &'static str> {
    let parsed = SignedData::parse(cms).map_err(|Malformed| code::SIGNATURE_INVALID)?;
    if let Some(content) = parsed.content
        && content != signed
    {
        return Err(code::SIGNATURE_INVALID);
    }
    if parsed.digest_algorithm == oid::SHA256
        && *parsed.message_digest != Sha256::digest(signed)[..]
    {
        return Err(code::SIGNATURE_INVALID);
    }
    let certificate = parsed.certificate.ok_or(code::SIGNATURE_INVALID)?;
    let (not_before, not_after) = certificate.validity;
    if now < not_before || now > not_after {
        return Err(code::CERTIFICATE_EXPIRED);
    }
    if !certificate.names(applicant) {
        return Err(code::SIGNER_MISMATCH);
    }
    verify_with_trust_store(cms, signed)
}

/// Where the signature value, the chain to the НУЦ РК roots and OCSP would be verified, for
/// example by an NCANode service (`POST /cms/verify`, see the module documentation). The
/// reference backend has no trust store, so it accepts what the checks before let through.
fn verify_with_trust_store(_cms: &[u8], _signed: &[u8]) -> Result<(), &'static str> {
    Ok(())
}

/// What the checks need from a CMS `SignedData` (RFC 5652 §5).
struct SignedData<'a> {
    /// The encapsulated content, when the signature is not detached.
    content: Option<&'a [u8]>,
    digest_algorithm: &'a [u8],
    message_digest: &'a [u8],
    certificate: Option<Certificate>,
}

struct Certificate {
    validity: (chrono::NaiveDateTime, chrono::NaiveDateTime),
    iin: Option<String>,
    bin: Option<String>,
}

impl Certificate {
    /// Whether the certificate is the applicant's: a person's by its ИИН, an organisation's
    /// by its БИН (an employee's key for an organisation carries both; the БИН decides).
    fn names(&self, applicant: &Applicant<'_>) -> bool {
        let named = match applicant.kind {
            ApplicantType::Individual => &self.iin,
            ApplicantType::LegalEntity => &self.bin,
        };
        named.as_deref() == Some(applicant.iin_bin)
    }
}

impl<'a> SignedData<'a> {
    fn parse(blob: &'a [u8]) -> Result<SignedData<'a>, Malformed> {
        let content_info = Element::parse(blob)?.expect(der::SEQUENCE)?;
        let mut parts = content_info.children();
        if parts.next_tagged(der::OID)?.content != oid::SIGNED_DATA {
            return Err(Malformed);
        }
        let signed_data = parts
            .next_tagged(der::CONTEXT_0)?
            .children()
            .next_tagged(der::SEQUENCE)?;
        let mut fields = signed_data.children();
        fields.next_tagged(der::INTEGER)?;
        fields.next_tagged(der::SET)?;
        let content = encapsulated_content(fields.next_tagged(der::SEQUENCE)?)?;
        let certificates = fields.optional(der::CONTEXT_0)?;
        fields.optional(der::CONTEXT_1)?;
        let signer_info = fields
            .next_tagged(der::SET)?
            .children()
            .next_tagged(der::SEQUENCE)?;

        let mut signer = signer_info.children();
        signer.next_tagged(der::INTEGER)?;
        let signer_id = signer.next().ok_or(Malformed)??;
        let digest_algorithm = signer
            .next_tagged(der::SEQUENCE)?
            .children()
            .next_tagged(der::OID)?
            .content;
        // Without signed attributes there is no digest to compare: NCALayer always adds them.
        let attributes = signer.next_tagged(der::CONTEXT_0)?;
        let message_digest = message_digest(attributes)?;
        let certificate = match certificates {
            Some(set) => signer_certificate(set, signer_id)?,
            None => None,
        };
        Ok(SignedData {
            content,
            digest_algorithm,
            message_digest,
            certificate,
        })
    }
}

/// `EncapsulatedContentInfo`: id-data, and the content only when not detached.
fn encapsulated_content(info: Element<'_>) -> Result<Option<&[u8]>, Malformed> {
    let mut parts = info.children();
    if parts.next_tagged(der::OID)?.content != oid::DATA {
        return Err(Malformed);
    }
    match parts.optional(der::CONTEXT_0)? {
        None => Ok(None),
        Some(explicit) => Ok(Some(
            explicit.children().next_tagged(der::OCTET_STRING)?.content,
        )),
    }
}

fn message_digest<'a>(attributes: Element<'a>) -> Result<&'a [u8], Malformed> {
    for attribute in attributes.children() {
        let mut parts = attribute?.expect(der::SEQUENCE)?.children();
        if parts.next_tagged(der::OID)?.content == oid::MESSAGE_DIGEST {
            return Ok(parts
                .next_tagged(der::SET)?
                .children()
                .next_tagged(der::OCTET_STRING)?
                .content);
        }
    }
    Err(Malformed)
}

/// The certificate the signer names by issuer and serial number; the first one when it
/// names itself by key identifier, which only the certificate's extensions could match.
fn signer_certificate(
    certificates: Element<'_>,
    signer_id: Element<'_>,
) -> Result<Option<Certificate>, Malformed> {
    let wanted = if signer_id.tag == der::SEQUENCE {
        let mut parts = signer_id.children();
        let issuer = parts.next_tagged(der::SEQUENCE)?.content;
        let serial = parts.next_tagged(der::INTEGER)?.content;
        Some((issuer, serial))
    } else {
        None
    };
    for element in certificates.children() {
        let element = element?;
        // Attribute certificates and other choices are tagged otherwise: not the signer's.
        if element.tag != der::SEQUENCE {
            continue;
        }
        let tbs = element.children().next_tagged(der::SEQUENCE)?;
        let mut fields = tbs.children();
        fields.optional(der::CONTEXT_0)?;
        let serial = fields.next_tagged(der::INTEGER)?.content;
        fields.next_tagged(der::SEQUENCE)?;
        let issuer = fields.next_tagged(der::SEQUENCE)?.content;
        let validity = fields.next_tagged(der::SEQUENCE)?;
        let subject = fields.next_tagged(der::SEQUENCE)?;
        if wanted.is_some_and(|wanted| wanted != (issuer, serial)) {
            continue;
        }
        let mut times = validity.children();
        let not_before = time(times.next().ok_or(Malformed)??)?;
        let not_after = time(times.next().ok_or(Malformed)??)?;
        let (iin, bin) = identity(subject)?;
        return Ok(Some(Certificate {
            validity: (not_before, not_after),
            iin,
            bin,
        }));
    }
    Ok(None)
}

/// The ИИН and БИН a Kazakh certificate's subject names (`IIN…` in serialNumber, `BIN…` in
/// an organisational unit).
fn identity(subject: Element<'_>) -> Result<(Option<String>, Option<String>), Malformed> {
    let (mut iin, mut bin) = (None, None);
    for name in subject.children() {
        for pair in name?.expect(der::SET)?.children() {
            let mut parts = pair?.expect(der::SEQUENCE)?.children();
            let attribute = parts.next_tagged(der::OID)?.content;
            let value = parts.next().ok_or(Malformed)??;
            let Ok(text) = std::str::from_utf8(value.content) else {
                continue;
            };
            if attribute == oid::SERIAL_NUMBER
                && let Some(number) = text.strip_prefix("IIN")
            {
                iin = Some(number.to_string());
            } else if attribute == oid::ORGANIZATIONAL_UNIT
                && let Some(number) = text.strip_prefix("BIN")
            {
                bin = Some(number.to_string());
            }
        }
    }
    Ok((iin, bin))
}

/// UTCTime (`YYMMDDHHMMSSZ`, years 1950–2049) or GeneralizedTime (`YYYYMMDDHHMMSSZ`), UTC.
fn time(element: Element<'_>) -> Result<chrono::NaiveDateTime, Malformed> {
    let text = std::str::from_utf8(element.content).map_err(|_| Malformed)?;
    let digits = text.strip_suffix('Z').ok_or(Malformed)?;
    let full = match (element.tag, digits.len()) {
        (der::UTC_TIME, 12) => {
            let year: u32 = digits[..2].parse().map_err(|_| Malformed)?;
            let century = if year >= 50 { "19" } else { "20" };
            format!("{century}{digits}")
        }
        (der::GENERALIZED_TIME, 14) => digits.to_string(),
        _ => return Err(Malformed),
    };
    chrono::NaiveDateTime::parse_from_str(&full, "%Y%m%d%H%M%S").map_err(|_| Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_signer_plays_each_outcome_and_only_in_test_mode() {
        assert_eq!(check_test(TestOutcome::Valid, true), Ok(()));
        assert_eq!(
            check_test(TestOutcome::CertificateRevoked, true),
            Err(code::CERTIFICATE_REVOKED)
        );
        assert_eq!(
            check_test(TestOutcome::SignerMismatch, true),
            Err(code::SIGNER_MISMATCH)
        );
        assert_eq!(
            check_test(TestOutcome::Valid, false),
            Err(code::TEST_SIGNER_DISABLED)
        );
    }

    #[test]
    fn certificate_times_in_both_encodings() {
        let utc = [
            der::UTC_TIME,
            13,
            b'2',
            b'6',
            b'0',
            b'1',
            b'0',
            b'2',
            b'0',
            b'3',
            b'0',
            b'4',
            b'0',
            b'5',
            b'Z',
        ];
        let parsed = time(Element::parse(&utc).unwrap()).unwrap();
        assert_eq!(parsed.to_string(), "2026-01-02 03:04:05");
        let mut generalized = vec![der::GENERALIZED_TIME, 15];
        generalized.extend_from_slice(b"20491231235959Z");
        let parsed = time(Element::parse(&generalized).unwrap()).unwrap();
        assert_eq!(parsed.to_string(), "2049-12-31 23:59:59");
        let old = [
            der::UTC_TIME,
            13,
            b'9',
            b'9',
            b'0',
            b'1',
            b'0',
            b'1',
            b'0',
            b'0',
            b'0',
            b'0',
            b'0',
            b'0',
            b'Z',
        ];
        assert_eq!(
            time(Element::parse(&old).unwrap())
                .unwrap()
                .date()
                .to_string(),
            "1999-01-01"
        );
        let local = [
            der::UTC_TIME,
            12,
            b'2',
            b'6',
            b'0',
            b'1',
            b'0',
            b'2',
            b'0',
            b'3',
            b'0',
            b'4',
            b'0',
            b'5',
        ];
        assert_eq!(time(Element::parse(&local).unwrap()), Err(Malformed));
    }

    #[test]
    fn anything_but_a_cms_is_an_invalid_signature() {
        let applicant = Applicant {
            kind: ApplicantType::Individual,
            iin_bin: "850314300003",
        };
        let now = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        // The contract's example: a valid start of a CMS, cut short.
        let example = [
            0x30, 0x80, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02, 0xA0,
            0x80, 0x30, 0x80, 0x02, 0x01, 0x01,
        ];
        for blob in [&b"not a signature"[..], &[0x30, 0x00], &example] {
            assert_eq!(
                check_cms(blob, b"data", &applicant, now),
                Err(code::SIGNATURE_INVALID)
            );
        }
    }

    /// A subject `SEQUENCE OF SET OF (OID, PrintableString)`.
    fn subject(pairs: &[(&[u8], &str)]) -> Vec<u8> {
        fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
            let mut out = vec![tag, u8::try_from(content.len()).unwrap()];
            out.extend_from_slice(content);
            out
        }
        let names: Vec<u8> = pairs
            .iter()
            .flat_map(|(oid, value)| {
                let pair = [tlv(der::OID, oid), tlv(0x13, value.as_bytes())].concat();
                tlv(der::SET, &tlv(der::SEQUENCE, &pair))
            })
            .collect();
        tlv(der::SEQUENCE, &names)
    }

    #[test]
    fn a_person_is_named_by_iin_and_an_organisation_by_bin() {
        const COMMON_NAME: &[u8] = &[0x55, 0x04, 0x03];
        let employee = subject(&[
            (COMMON_NAME, "ABENOV NURLAN"),
            (oid::SERIAL_NUMBER, "IIN850314300003"),
            (oid::ORGANIZATIONAL_UNIT, "BIN050440000002"),
        ]);
        let (iin, bin) = identity(Element::parse(&employee).unwrap()).unwrap();
        assert_eq!(iin.as_deref(), Some("850314300003"));
        assert_eq!(bin.as_deref(), Some("050440000002"));
        let certificate = Certificate {
            validity: (chrono::NaiveDateTime::MIN, chrono::NaiveDateTime::MAX),
            iin,
            bin,
        };
        let person = |iin_bin| Applicant {
            kind: ApplicantType::Individual,
            iin_bin,
        };
        let company = |iin_bin| Applicant {
            kind: ApplicantType::LegalEntity,
            iin_bin,
        };
        assert!(certificate.names(&person("850314300003")));
        assert!(certificate.names(&company("050440000002")));
        // The head's own ИИН does not sign for the company, nor the БИН for the person.
        assert!(!certificate.names(&company("850314300003")));
        assert!(!certificate.names(&person("050440000002")));
        assert!(!certificate.names(&person("900521400007")));

        let personal = subject(&[(oid::SERIAL_NUMBER, "IIN900521400007")]);
        let (iin, bin) = identity(Element::parse(&personal).unwrap()).unwrap();
        assert_eq!((iin.as_deref(), bin), (Some("900521400007"), None));
    }
}
