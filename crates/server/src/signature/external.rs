//! GOST signatures through an external verifier with NCANode's HTTP API (NCANode 3,
//! `POST /cms/verify`), because no maintained Rust crate verifies GOST R 34.10 / ГОСТ 34.310.
//!
//! ```text
//! → POST <url>/cms/verify  {"cms":"<base64>","data":"<base64 of the signed bytes>",
//!                           "revocationCheck":["OCSP"]}
//! ← {"valid":true|false,"signers":[{"certificates":[{"valid":…,"notBefore":"…","notAfter":"…",
//!      "keyUsage":"SIGN"|"AUTH","revocations":[{"revoked":…,"by":"OCSP"}],
//!      "subject":{"iin":"…","bin":"…"}}, …issuers]}]}
//! ```
//!
//! NCANode is run beside the backend with the НУЦ РК's trust store; it checks the signature
//! value, the chain and OCSP. The backend still decides whose signature it is and whether the
//! key is for this purpose, from NCANode's report.

use super::certificate::{Holder, Purpose};
use super::http::HttpClient;
use super::{Refusal, Verified};
use base64::Engine;
use serde_json::{Value, json};

pub async fn verify(
    http: &HttpClient,
    base_url: &str,
    cms: &[u8],
    data: &[u8],
    purpose: Purpose,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Verified, Refusal> {
    let engine = base64::engine::general_purpose::STANDARD;
    let body = json!({
        "cms": engine.encode(cms),
        "data": engine.encode(data),
        "revocationCheck": ["OCSP"],
    });
    let url = format!("{}/cms/verify", base_url.trim_end_matches('/'));
    let answer = http
        .post(&url, "application/json", body.to_string().into_bytes())
        .await
        .map_err(|e| {
            tracing::warn!(error = %e.0, "the signature verifier did not answer");
            Refusal::VerifierUnavailable
        })?;
    let report: Value =
        serde_json::from_slice(&answer).map_err(|_| Refusal::VerifierUnavailable)?;
    read_report(&report, purpose, now)
}

fn read_report(
    report: &Value,
    purpose: Purpose,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Verified, Refusal> {
    let signers = report["signers"].as_array().ok_or(Refusal::NotSigned)?;
    let [signer] = signers.as_slice() else {
        return Err(Refusal::NotSigned);
    };
    let certificate = &signer["certificates"][0];
    if !certificate.is_object() {
        return Err(Refusal::NotSigned);
    }
    let time = |name: &str| {
        certificate[name]
            .as_str()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
    };
    if let (Some(from), Some(to)) = (time("notBefore"), time("notAfter"))
        && (now < from || now > to)
    {
        return Err(Refusal::Expired);
    }
    let revoked = certificate["revocations"]
        .as_array()
        .is_some_and(|list| list.iter().any(|r| r["revoked"] == Value::Bool(true)));
    if revoked {
        return Err(Refusal::Revoked);
    }
    let revocation_checked = certificate["revocations"]
        .as_array()
        .is_some_and(|list| list.iter().any(|r| r["revoked"] == Value::Bool(false)));
    if !revocation_checked {
        return Err(Refusal::OcspUnavailable);
    }
    if certificate["valid"] != Value::Bool(true) {
        return Err(Refusal::Untrusted);
    }
    if report["valid"] != Value::Bool(true) {
        return Err(Refusal::NotSigned);
    }
    let usage = certificate["keyUsage"].as_str().unwrap_or("");
    let wanted = match purpose {
        Purpose::Signing => "SIGN",
        Purpose::Authentication => "AUTH",
    };
    if usage != wanted {
        return Err(Refusal::WrongKeyUsage);
    }
    let text = |name: &str| {
        certificate["subject"][name]
            .as_str()
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    Ok(Verified {
        holder: Holder {
            iin: text("iin"),
            bin: text("bin"),
        },
        serial: certificate["serialNumber"]
            .as_str()
            .unwrap_or("")
            .to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339("2026-06-01T00:00:00Z")
            .unwrap()
            .to_utc()
    }

    fn report(usage: &str, revoked: bool, valid: bool) -> Value {
        json!({"valid": valid, "signers": [{"certificates": [{
            "valid": valid, "notBefore": "2026-01-01T00:00:00Z", "notAfter": "2027-01-01T00:00:00Z",
            "keyUsage": usage, "serialNumber": "1a2b",
            "revocations": [{"revoked": revoked, "by": "OCSP"}],
            "subject": {"iin": "850314300003", "bin": "050440000002"}}]}]})
    }

    #[test]
    fn ncanode_reports_are_read_into_the_same_refusals() {
        let verified = read_report(&report("SIGN", false, true), Purpose::Signing, now()).unwrap();
        assert_eq!(verified.holder.iin.as_deref(), Some("850314300003"));
        assert_eq!(verified.holder.bin.as_deref(), Some("050440000002"));
        assert_eq!(
            read_report(&report("SIGN", false, true), Purpose::Authentication, now()),
            Err(Refusal::WrongKeyUsage)
        );
        assert_eq!(
            read_report(&report("AUTH", true, true), Purpose::Authentication, now()),
            Err(Refusal::Revoked)
        );
        assert_eq!(
            read_report(&report("SIGN", false, false), Purpose::Signing, now()),
            Err(Refusal::Untrusted)
        );
        let mut unchecked = report("SIGN", false, true);
        unchecked["signers"][0]["certificates"][0]["revocations"] = json!([]);
        assert_eq!(
            read_report(&unchecked, Purpose::Signing, now()),
            Err(Refusal::OcspUnavailable)
        );
        let later = chrono::DateTime::parse_from_rfc3339("2028-01-01T00:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(
            read_report(&report("SIGN", false, true), Purpose::Signing, later),
            Err(Refusal::Expired)
        );
        assert_eq!(
            read_report(
                &json!({"valid": false, "signers": []}),
                Purpose::Signing,
                now()
            ),
            Err(Refusal::NotSigned)
        );
    }
}
