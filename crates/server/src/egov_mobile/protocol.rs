//! The eGov mobile protocol as its public implementations describe it, in one place so that
//! a detail that changes is changed here: the QR code's text, the same-device links, and the
//! JSON of API №1 (what the phone reads first) and API №2 (the documents to sign, and the
//! signatures back).

use serde::{Deserialize, Serialize};

/// What the QR code says before the API №1 URL.
const QR_PREFIX: &str = "mobileSign:";
/// eGov mobile's same-device link (Firebase dynamic link), with its App Store id and bundle
/// id and its Android package.
const EGOV_MOBILE_LINK: &str = "https://mgovsign.page.link/?link=";
const EGOV_MOBILE_APPS: &str = "&isi=1476128386&ibi=kz.egov.mobile&apn=kz.mobile.mgov";
/// eGov Business's, for legal entities.
const EGOV_BUSINESS_LINK: &str = "https://egovbusiness.page.link/?link=";
const EGOV_BUSINESS_APPS: &str =
    "&isi=1597880144&ibi=kz.mobile.mgov.business&apn=kz.mobile.mgov.business";
/// We ask only for a CMS over the bytes (no XML signature, no signing of files by the phone).
pub const SIGN_METHOD: &str = "CMS_SIGN_ONLY";
/// API №1's `document.auth_type`: API №2 takes a bearer token.
const AUTH_TYPE: &str = "Token";
/// The version of API №2's answer.
pub const VERSION: u32 = 1;
/// The MIME type of the bytes to sign: the signing data is JSON.
pub const DATA_MIME: &str = "application/json";

/// The text of the QR code for the API №1 URL.
pub fn qr_text(api1_url: &str) -> String {
    format!("{QR_PREFIX}{api1_url}")
}

/// The same-device link of eGov mobile (`business` false) or eGov Business.
pub fn app_link(api1_url: &str, business: bool) -> String {
    let (link, apps) = if business {
        (EGOV_BUSINESS_LINK, EGOV_BUSINESS_APPS)
    } else {
        (EGOV_MOBILE_LINK, EGOV_MOBILE_APPS)
    };
    format!("{link}{}{apps}", percent_encoded(api1_url))
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so the URL survives as
/// one query parameter. Written by hand: a dozen lines, for one call, against a new crate.
fn percent_encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// API №1: what the session is, who asks, and where the documents are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Api1 {
    pub description: String,
    /// RFC 3339.
    pub expiry_date: String,
    pub organisation: Organisation,
    pub document: DocumentLink,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    #[serde(flatten)]
    pub name: Names,
    pub bin: String,
}

/// A name in the phone app's three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    #[serde(rename = "nameRu")]
    pub ru: String,
    #[serde(rename = "nameKz")]
    pub kz: String,
    #[serde(rename = "nameEn")]
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentLink {
    /// The API №2 URL.
    pub uri: String,
    pub auth_type: String,
    pub auth_token: String,
}

impl DocumentLink {
    pub fn new(uri: String, auth_token: String) -> DocumentLink {
        DocumentLink {
            uri,
            auth_type: AUTH_TYPE.to_string(),
            auth_token,
        }
    }
}

/// API №2, both ways: the `GET` answer carries the bytes to sign in `document.file.data`,
/// the `PUT` the same structure with the CMS there instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Api2 {
    #[serde(rename = "signMethod")]
    pub sign_method: String,
    pub version: u32,
    #[serde(rename = "documentsToSign")]
    pub documents_to_sign: Vec<DocumentToSign>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentToSign {
    pub id: u32,
    #[serde(flatten)]
    pub name: Names,
    #[serde(default)]
    pub meta: Vec<Meta>,
    pub document: FileHolder,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileHolder {
    pub file: File,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct File {
    pub mime: String,
    /// Base64: the bytes to sign (`GET`), the CMS (`PUT`).
    pub data: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const API1: &str = "https://otinish.kz/api/v1/egov-mobile/0a1b?x=1&y=2";

    #[test]
    fn the_qr_code_and_links_carry_the_api1_url() {
        assert_eq!(
            qr_text(API1),
            "mobileSign:https://otinish.kz/api/v1/egov-mobile/0a1b?x=1&y=2"
        );
        assert_eq!(
            app_link(API1, false),
            "https://mgovsign.page.link/?link=https%3A%2F%2Fotinish.kz%2Fapi%2Fv1%2Fegov-mobile%2F0a1b%3Fx%3D1%26y%3D2\
             &isi=1476128386&ibi=kz.egov.mobile&apn=kz.mobile.mgov"
        );
        assert!(
            app_link(API1, true)
                .starts_with("https://egovbusiness.page.link/?link=https%3A%2F%2Fotinish.kz%2F")
        );
        assert!(
            app_link(API1, true).ends_with(
                "&isi=1597880144&ibi=kz.mobile.mgov.business&apn=kz.mobile.mgov.business"
            )
        );
    }

    #[test]
    fn api2_reads_and_writes_the_phone_apps_member_names() {
        let body = serde_json::json!({
            "signMethod": "CMS_SIGN_ONLY", "version": 1,
            "documentsToSign": [{
                "id": 1, "nameRu": "Заявление", "nameKz": "Өтініш", "nameEn": "Application",
                "meta": [{"name": "n", "value": "v"}],
                "document": {"file": {"mime": "application/json", "data": "e30="}}
            }]
        });
        let parsed: Api2 = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(parsed.documents_to_sign[0].document.file.data, "e30=");
        assert_eq!(serde_json::to_value(&parsed).unwrap(), body);
    }
}
