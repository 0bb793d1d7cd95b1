//! ЭЦП verification against the test PKI (`scripts/test-pki`): real CMS signatures made by
//! `openssl cms`, a trust store, and a real OCSP responder on a loopback port. Each way a
//! signature can be wrong is refused with its own code; the valid ones are accepted.

use crate::common;

use common::pki::{self, Responder};
use otinish_server::signature::{Holder, Purpose, Refusal, TrustStore, Verifier};

const PERSON: &str = "850314300003";
const OTHER: &str = "900521400007";
const COMPANY: &str = "050440000002";
const DATA: &[u8] = br#"{"format":"otinish-signing-data/1","application":"x"}"#;

fn verifier(responder: &Responder) -> Verifier {
    Verifier::new(pki::trust_store(), Some(responder.url.clone()), None)
}

fn person(iin: &'static str) -> impl Fn(&Holder) -> bool {
    move |holder| holder.iin.as_deref() == Some(iin) && holder.bin.is_none()
}

async fn check(
    verifier: &Verifier,
    cms: &[u8],
    purpose: Purpose,
    iin: &'static str,
) -> Result<Holder, Refusal> {
    verifier
        .verify(cms, DATA, purpose, person(iin), chrono::Utc::now())
        .await
        .map(|verified| verified.holder)
}

#[tokio::test]
async fn valid_signatures_are_accepted_rsa_pss_ecdsa_and_ber() {
    let responder = Responder::start();
    let verifier = verifier(&responder);
    for (label, options) in [
        (format!("{PERSON}-sign"), &[][..]),
        (
            format!("{PERSON}-sign"),
            &["-keyopt", "rsa_padding_mode:pss"][..],
        ),
        (format!("ec-{PERSON}-sign"), &[][..]),
        // NCALayer writes BER with indefinite lengths; so does openssl with -stream.
        (format!("{PERSON}-sign"), &["-stream"][..]),
    ] {
        let cms = pki::sign(&label, DATA, options);
        let holder = check(&verifier, &cms, Purpose::Signing, PERSON).await;
        assert_eq!(
            holder.map(|h| h.iin),
            Ok(Some(PERSON.to_string())),
            "{label} {options:?}"
        );
    }
    let cms = pki::sign(&format!("{PERSON}-auth"), DATA, &[]);
    assert!(
        check(&verifier, &cms, Purpose::Authentication, PERSON)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn an_employees_key_names_the_person_and_the_company() {
    let responder = Responder::start();
    let cms = pki::sign(&format!("{COMPANY}-auth"), DATA, &[]);
    let verified = verifier(&responder)
        .verify(
            &cms,
            DATA,
            Purpose::Authentication,
            |_| true,
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    assert_eq!(verified.holder.iin.as_deref(), Some(PERSON));
    assert_eq!(verified.holder.bin.as_deref(), Some(COMPANY));
}

#[tokio::test]
async fn a_forged_cms_with_an_invented_certificate_is_not_signed() {
    let responder = Responder::start();
    let verifier = verifier(&responder);
    // A real signature by a key nobody issued: the chain fails.
    let (_work, cert, key) = pki::invented(PERSON);
    let cms = pki::sign_with(&cert, &key, DATA, &[]);
    assert_eq!(
        check(&verifier, &cms, Purpose::Signing, PERSON).await,
        Err(Refusal::Untrusted)
    );
    // The same with its signature value spoilt (the last bytes of the CMS): not signed.
    let mut spoilt = cms.clone();
    let last = spoilt.len() - 1;
    spoilt[last] ^= 0xFF;
    assert_eq!(
        check(&verifier, &spoilt, Purpose::Signing, PERSON).await,
        Err(Refusal::NotSigned)
    );
    // A trusted certificate, with a signature value that is not its key's.
    let mut stolen = pki::sign(&format!("{PERSON}-sign"), DATA, &[]);
    let last = stolen.len() - 1;
    stolen[last] ^= 0x01;
    assert_eq!(
        check(&verifier, &stolen, Purpose::Signing, PERSON).await,
        Err(Refusal::NotSigned)
    );
    for garbage in [&b"not a signature"[..], &[0x30, 0x00], &[]] {
        assert_eq!(
            check(&verifier, garbage, Purpose::Signing, PERSON).await,
            Err(Refusal::NotSigned)
        );
    }
}

#[tokio::test]
async fn a_valid_signature_from_another_ca_is_untrusted() {
    let responder = Responder::start();
    let cms = pki::sign(&format!("foreign-{PERSON}"), DATA, &[]);
    assert_eq!(
        check(&verifier(&responder), &cms, Purpose::Signing, PERSON).await,
        Err(Refusal::Untrusted)
    );
    // And nothing is trusted without a trust store.
    let empty = Verifier::new(TrustStore::default(), Some(responder.url.clone()), None);
    let cms = pki::sign(&format!("{PERSON}-sign"), DATA, &[]);
    assert_eq!(
        check(&empty, &cms, Purpose::Signing, PERSON).await,
        Err(Refusal::Untrusted)
    );
}

#[tokio::test]
async fn expired_and_revoked_certificates_are_refused() {
    let responder = Responder::start();
    let verifier = verifier(&responder);
    let expired = pki::sign(&format!("expired-{PERSON}"), DATA, &[]);
    assert_eq!(
        check(&verifier, &expired, Purpose::Signing, PERSON).await,
        Err(Refusal::Expired)
    );
    let revoked = pki::sign(&format!("revoked-{PERSON}-sign"), DATA, &[]);
    assert_eq!(
        check(&verifier, &revoked, Purpose::Signing, PERSON).await,
        Err(Refusal::Revoked)
    );
    let revoked = pki::sign(&format!("revoked-{PERSON}-auth"), DATA, &[]);
    assert_eq!(
        check(&verifier, &revoked, Purpose::Authentication, PERSON).await,
        Err(Refusal::Revoked)
    );
}

#[tokio::test]
async fn a_signature_over_other_bytes_is_a_digest_mismatch() {
    let responder = Responder::start();
    let cms = pki::sign(&format!("{PERSON}-sign"), b"other bytes", &[]);
    assert_eq!(
        check(&verifier(&responder), &cms, Purpose::Signing, PERSON).await,
        Err(Refusal::DigestMismatch)
    );
}

#[tokio::test]
async fn another_persons_key_is_a_signer_mismatch() {
    let responder = Responder::start();
    let verifier = verifier(&responder);
    let cms = pki::sign(&format!("{OTHER}-sign"), DATA, &[]);
    assert_eq!(
        check(&verifier, &cms, Purpose::Signing, PERSON).await,
        Err(Refusal::SignerMismatch)
    );
    // The head's key for the company does not sign for the head as a person.
    let cms = pki::sign(&format!("{COMPANY}-sign"), DATA, &[]);
    assert_eq!(
        check(&verifier, &cms, Purpose::Signing, PERSON).await,
        Err(Refusal::SignerMismatch)
    );
}

#[tokio::test]
async fn a_key_is_used_only_for_what_it_is_for() {
    let responder = Responder::start();
    let verifier = verifier(&responder);
    let auth = pki::sign(&format!("{PERSON}-auth"), DATA, &[]);
    assert_eq!(
        check(&verifier, &auth, Purpose::Signing, PERSON).await,
        Err(Refusal::WrongKeyUsage),
        "an authentication key does not sign applications"
    );
    let signing = pki::sign(&format!("{PERSON}-sign"), DATA, &[]);
    assert_eq!(
        check(&verifier, &signing, Purpose::Authentication, PERSON).await,
        Err(Refusal::WrongKeyUsage),
        "a signing key does not sign in"
    );
    let neither = pki::sign(&format!("wrong-usage-{PERSON}"), DATA, &[]);
    for purpose in [Purpose::Signing, Purpose::Authentication] {
        assert_eq!(
            check(&verifier, &neither, purpose, PERSON).await,
            Err(Refusal::WrongKeyUsage)
        );
    }
}

#[tokio::test]
async fn a_digest_of_zeros_under_another_algorithm_is_not_accepted() {
    use sha2::Digest;
    let responder = Responder::start();
    let verifier = verifier(&responder);
    let mut cms = pki::sign(&format!("{PERSON}-sign"), DATA, &["-md", "sha384"]);
    let digest = sha2::Sha384::digest(DATA);
    let at = cms
        .windows(digest.len())
        .position(|w| w == digest.as_slice())
        .expect("the message digest attribute");
    cms[at..at + digest.len()].fill(0);
    assert_eq!(
        check(&verifier, &cms, Purpose::Signing, PERSON).await,
        Err(Refusal::AlgorithmUnsupported)
    );
    // Unspoilt, SHA-384 is still not what the backend verifies: refused, never waved through.
    let cms = pki::sign(&format!("{PERSON}-sign"), DATA, &["-md", "sha384"]);
    assert_eq!(
        check(&verifier, &cms, Purpose::Signing, PERSON).await,
        Err(Refusal::AlgorithmUnsupported)
    );
}

#[tokio::test]
async fn an_unreachable_responder_is_refused_with_its_own_code() {
    let closed = format!("http://127.0.0.1:{}/", pki::free_port());
    let verifier = Verifier::new(pki::trust_store(), Some(closed), None);
    let cms = pki::sign(&format!("{PERSON}-sign"), DATA, &[]);
    assert_eq!(
        check(&verifier, &cms, Purpose::Signing, PERSON).await,
        Err(Refusal::OcspUnavailable)
    );
    // Without a configured responder, the certificate's own (AIA) is asked: nothing listens
    // there in this test either.
    let aia = Verifier::new(pki::trust_store(), None, None);
    let answer = check(&aia, &cms, Purpose::Signing, PERSON).await;
    assert!(
        matches!(answer, Err(Refusal::OcspUnavailable) | Ok(_)),
        "{answer:?}"
    );
}

#[test]
fn the_trust_store_reads_pem_and_der() {
    let work = tempfile::tempdir().unwrap();
    let root = std::fs::read_to_string(pki::dir().join("trust-store/root.pem")).unwrap();
    std::fs::write(work.path().join("root.pem"), &root).unwrap();
    let der = std::process::Command::new("openssl")
        .args(["x509", "-outform", "DER", "-in"])
        .arg(pki::dir().join("trust-store/intermediate.pem"))
        .output()
        .unwrap()
        .stdout;
    std::fs::write(work.path().join("intermediate.cer"), der).unwrap();
    std::fs::write(work.path().join("README.txt"), "not a certificate").unwrap();
    assert_eq!(TrustStore::load(work.path()).unwrap().len(), 2);
    std::fs::write(
        work.path().join("broken.pem"),
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    assert!(TrustStore::load(work.path()).is_err());
}

/// A real CMS with its digest algorithm renamed GOST R 34.11-2012: only a GOST verifier may
/// judge it.
fn as_gost(cms: &[u8]) -> Vec<u8> {
    use der::{Decode, Encode};
    let mut info = cms::content_info::ContentInfo::from_der(cms).unwrap();
    let mut signed: cms::signed_data::SignedData = info.content.decode_as().unwrap();
    let mut signers: Vec<_> = signed.signer_infos.0.iter().cloned().collect();
    signers[0].digest_alg.oid = const_oid::ObjectIdentifier::new_unwrap("1.2.643.7.1.1.2.2");
    signed.signer_infos =
        cms::signed_data::SignerInfos(der::asn1::SetOfVec::try_from(signers).unwrap());
    info.content = der::Any::encode_from(&signed).unwrap();
    info.to_der().unwrap()
}

/// An external verifier with NCANode's API on a loopback port, answering `report` (with the
/// request's `data` checked against what was signed).
async fn ncanode(report: serde_json::Value) -> String {
    use axum::{Json, Router, routing::post};
    let app = Router::new().route(
        "/cms/verify",
        post(move |Json(request): Json<serde_json::Value>| {
            let report = report.clone();
            async move {
                use base64::Engine;
                let data = base64::engine::general_purpose::STANDARD
                    .decode(request["data"].as_str().unwrap_or(""))
                    .unwrap_or_default();
                assert_eq!(data, DATA, "the signed bytes go to the verifier");
                assert_eq!(request["revocationCheck"], serde_json::json!(["OCSP"]));
                Json(report)
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

fn report(usage: &str, revoked: bool, iin: &str) -> serde_json::Value {
    serde_json::json!({"valid": true, "signers": [{"certificates": [{
        "valid": true, "notBefore": "2020-01-01T00:00:00Z", "notAfter": "2099-01-01T00:00:00Z",
        "keyUsage": usage, "serialNumber": "4d2",
        "revocations": [{"revoked": revoked, "by": "OCSP"}],
        "subject": {"iin": iin}}]}]})
}

#[tokio::test]
async fn gost_goes_to_the_external_verifier_and_is_refused_without_one() {
    let gost = as_gost(&pki::sign(&format!("{PERSON}-sign"), DATA, &[]));
    let without = Verifier::new(pki::trust_store(), None, None);
    assert_eq!(
        check(&without, &gost, Purpose::Signing, PERSON).await,
        Err(Refusal::AlgorithmUnsupported)
    );
    let closed = format!("http://127.0.0.1:{}", pki::free_port());
    let unreachable = Verifier::new(pki::trust_store(), None, Some(closed));
    assert_eq!(
        check(&unreachable, &gost, Purpose::Signing, PERSON).await,
        Err(Refusal::VerifierUnavailable)
    );
    for (answer, expected) in [
        (report("SIGN", false, PERSON), Ok(Some(PERSON.to_string()))),
        (report("SIGN", true, PERSON), Err(Refusal::Revoked)),
        (report("AUTH", false, PERSON), Err(Refusal::WrongKeyUsage)),
        (report("SIGN", false, OTHER), Err(Refusal::SignerMismatch)),
    ] {
        let url = ncanode(answer).await;
        let verifier = Verifier::new(pki::trust_store(), None, Some(url));
        assert_eq!(
            check(&verifier, &gost, Purpose::Signing, PERSON)
                .await
                .map(|h| h.iin),
            expected
        );
    }
}
