//! NCALayer, the local signing agent of the НУЦ РК: a WebSocket server on the applicant's
//! computer (`wss://127.0.0.1:13579`, or `ncalayerUrl` in `/config.json`), spoken to in
//! JSON. This module uses its `kz.gov.pki.knca.basics` module, the one `basicsSignCMS` of
//! ncalayer-js-client calls; on the wire that is one request:
//!
//! ```text
//! → {"module":"kz.gov.pki.knca.basics","method":"sign","args":{
//!      "allowedStorages":["PKCS12"],"format":"cms","data":"<base64>",
//!      "signingParams":{"decode":true,"encapsulate":false,"digested":false,"tsaProfile":{}},
//!      "signerParams":{"extKeyUsageOids":["1.3.6.1.5.5.7.3.4"]},"locale":"kk"}}
//! ```
//!
//! and these answers, after the greeting `{"result":{"version":"…"}}` it sends on connect:
//!
//! - `{"status":true,"body":{"result":"<CMS>"}}`: signed (the CMS base64, sometimes in an
//!   array, sometimes armoured as `-----BEGIN CMS-----`);
//! - `{"status":true,"body":{}}`: the applicant closed NCALayer's window or pressed Cancel;
//! - `{"status":false,"code":"…","message":"…","details":"…"}`: NCALayer could not sign.
//!
//! `decode` makes NCALayer sign the bytes the base64 stands for, not the base64 text;
//! `encapsulate: false` leaves them out of the CMS (detached); `tsaProfile: {}` asks for a
//! time-stamp from the НУЦ РК's TSA. The extended key usage asks for a signing key
//! (1.3.6.1.5.5.7.3.4) when signing an application, so NCALayer does not offer the
//! authentication key beside it, and for the authentication key (1.3.6.1.5.5.7.3.2, TLS
//! client) when signing in: the backend refuses either key used for the other.

use super::SigningError;
use otinish_core::api::SigningData;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

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

impl KeyStorage {
    pub const ALL: [KeyStorage; 3] = [KeyStorage::File, KeyStorage::Token, KeyStorage::IdCard];

    /// NCALayer's names of the key stores of this kind (`allowedStorages`).
    pub fn ncalayer_names(self) -> &'static [&'static str] {
        match self {
            KeyStorage::File => &["PKCS12"],
            KeyStorage::Token => &[
                "AKKaztokenStore",
                "AKEToken72KStore",
                "AKEToken5110Store",
                "AKJaCartaStore",
                "AKAKEYStore",
            ],
            KeyStorage::IdCard => &["AKKZIDCardStore"],
        }
    }

    /// The stem of its message ids and of its form control's id.
    pub fn key(self) -> &'static str {
        match self {
            KeyStorage::File => "file",
            KeyStorage::Token => "token",
            KeyStorage::IdCard => "id-card",
        }
    }
}

/// The address NCALayer listens on unless `/config.json` says otherwise.
pub const DEFAULT_URL: &str = "wss://127.0.0.1:13579";
/// A running NCALayer answers a connection at once; this long without an answer, nothing
/// listens (a firewall that drops instead of refusing).
const CONNECT_TIMEOUT_MS: i32 = 10_000;
/// The applicant chooses a key and types a password or PIN in NCALayer's window meanwhile.
const SIGN_TIMEOUT_MS: i32 = 5 * 60 * 1000;
/// Extended key usage of a signing (not authentication) key.
const EKU_SIGNING: &str = "1.3.6.1.5.5.7.3.4";
/// Extended key usage of an authentication key (TLS client).
const EKU_AUTHENTICATION: &str = "1.3.6.1.5.5.7.3.2";

/// Which of the applicant's two keys NCALayer offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPurpose {
    /// The signing key (`RSA256_…`, `GOSTKNCA_…`): applications.
    Signing,
    /// The authentication key (`AUTH_RSA256_…`): signing in.
    Authentication,
}

impl KeyPurpose {
    fn extended_key_usage(self) -> &'static str {
        match self {
            KeyPurpose::Signing => EKU_SIGNING,
            KeyPurpose::Authentication => EKU_AUTHENTICATION,
        }
    }
}

/// The `sign` request for `data` (base64) with the key for `purpose`.
pub fn request_for(storage: KeyStorage, purpose: KeyPurpose, data: &str, locale: &str) -> String {
    json!({
        "module": "kz.gov.pki.knca.basics",
        "method": "sign",
        "args": {
            "allowedStorages": storage.ncalayer_names(),
            "format": "cms",
            "data": data,
            "signingParams": {
                "decode": true,
                "encapsulate": false,
                "digested": false,
                "tsaProfile": {}
            },
            "signerParams": { "extKeyUsageOids": [purpose.extended_key_usage()] },
            "locale": locale
        }
    })
    .to_string()
}

/// What one message from NCALayer says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// The greeting, a heartbeat, or anything else that is not the answer: keep waiting.
    Pending,
    /// The CMS, base64 without armour or line breaks.
    Signed(String),
    Refused(SigningError),
}

/// Reads one message. NCALayer's failure codes are few and coarse: `SIGNING_FAILURE` is the
/// key that could not sign (a wrong password, a certificate not for signing); the others
/// (`INVALID_SIGNING_PARAMS`, `INVOCATION_ERROR`, `GENERAL_ERROR`…) are faults of this
/// request or of NCALayer itself.
pub fn read_reply(text: &str) -> Reply {
    let Ok(message) = serde_json::from_str::<Value>(text) else {
        // NCALayer's heartbeat (`--heartbeat--`) is not JSON.
        return Reply::Pending;
    };
    let Some(status) = message.get("status").and_then(Value::as_bool) else {
        return Reply::Pending;
    };
    if !status {
        return match message.get("code").and_then(Value::as_str) {
            Some("SIGNING_FAILURE") => Reply::Refused(SigningError::NoCertificate),
            _ => Reply::Refused(SigningError::Failed),
        };
    }
    let result = message.get("body").and_then(|body| body.get("result"));
    let cms = match result {
        None | Some(Value::Null) => return Reply::Refused(SigningError::Cancelled),
        Some(Value::String(cms)) => cms.as_str(),
        Some(Value::Array(list)) => match list.first().and_then(Value::as_str) {
            Some(cms) => cms,
            None => return Reply::Refused(SigningError::Failed),
        },
        Some(_) => return Reply::Refused(SigningError::Failed),
    };
    match bare_base64(cms) {
        Some(cms) => Reply::Signed(cms),
        None => Reply::Refused(SigningError::Failed),
    }
}

/// The base64 of a CMS with any PEM armour and whitespace taken off; `None` when what is
/// left is not base64.
fn bare_base64(cms: &str) -> Option<String> {
    let bare: String = cms
        .lines()
        .filter(|line| !line.trim_start().starts_with("-----"))
        .flat_map(|line| line.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let body = bare.trim_end_matches('=');
    let valid = !body.is_empty()
        && bare.len() - body.len() <= 2
        && body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/');
    valid.then_some(bare)
}

/// A detached CMS over `data`, base64 (DER), made by NCALayer with a key from `storage`.
pub async fn sign_cms(storage: KeyStorage, data: &SigningData) -> Result<String, SigningError> {
    sign_bytes(storage, KeyPurpose::Signing, &data.data).await
}

/// A detached CMS over the bytes `data` (base64) stands for, made by NCALayer with the key
/// for `purpose` from `storage`.
pub async fn sign_bytes(
    storage: KeyStorage,
    purpose: KeyPurpose,
    data: &str,
) -> Result<String, SigningError> {
    let url = crate::api::ncalayer_url().await;
    let locale = leptos::prelude::document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .unwrap_or_else(|| "ru".to_string());
    let (exchange, answer) = Exchange::start(&url, request_for(storage, purpose, data, &locale))?;
    let outcome = answer.await.unwrap_or(Err(SigningError::Failed));
    drop(exchange);
    outcome
}

/// One request to NCALayer over its own WebSocket, with the handlers and the timer that
/// settle it. Dropping it detaches the handlers and closes the socket.
struct Exchange {
    socket: web_sys::WebSocket,
    timer: std::rc::Rc<std::cell::Cell<i32>>,
    _handlers: Handlers,
}

type Handler = wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>;

struct Handlers {
    _open: Handler,
    _message: Handler,
    _error: Handler,
    _close: Handler,
    _timeout: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

type Answer = futures_channel::oneshot::Receiver<Result<String, SigningError>>;

impl Exchange {
    fn start(url: &str, request: String) -> Result<(Exchange, Answer), SigningError> {
        use std::cell::{Cell, RefCell};
        use std::rc::Rc;
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;

        // A malformed address or one the page may not open (mixed content, CSP) throws here.
        let socket = web_sys::WebSocket::new(url).map_err(|_| SigningError::NotRunning)?;
        let (sender, answer) = futures_channel::oneshot::channel();
        let sender = Rc::new(RefCell::new(Some(sender)));
        let finish = move |outcome: Result<String, SigningError>| {
            if let Some(sender) = sender.borrow_mut().take() {
                let _ = sender.send(outcome);
            }
        };
        let opened = Rc::new(Cell::new(false));
        let timer = Rc::new(Cell::new(0));
        let window = web_sys::window().ok_or(SigningError::Failed)?;

        let timeout = Closure::<dyn FnMut()>::new({
            let finish = finish.clone();
            let opened = opened.clone();
            move || {
                finish(Err(if opened.get() {
                    SigningError::TimedOut
                } else {
                    SigningError::NotRunning
                }))
            }
        });
        let arm = {
            let window = window.clone();
            let timer = timer.clone();
            let callback: wasm_bindgen::JsValue = timeout.as_ref().clone();
            move |after: i32| {
                window.clear_timeout_with_handle(timer.get());
                if let Ok(handle) = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.unchecked_ref(),
                    after,
                ) {
                    timer.set(handle);
                }
            }
        };
        arm(CONNECT_TIMEOUT_MS);

        let open = Closure::<dyn FnMut(web_sys::Event)>::new({
            let socket = socket.clone();
            let opened = opened.clone();
            let finish = finish.clone();
            let arm = arm.clone();
            move |_: web_sys::Event| {
                opened.set(true);
                arm(SIGN_TIMEOUT_MS);
                if socket.send_with_str(&request).is_err() {
                    finish(Err(SigningError::NotRunning));
                }
            }
        });
        let message = Closure::<dyn FnMut(web_sys::Event)>::new({
            let finish = finish.clone();
            move |event: web_sys::Event| {
                let text = event
                    .dyn_ref::<web_sys::MessageEvent>()
                    .and_then(|event| event.data().as_string())
                    .unwrap_or_default();
                match read_reply(&text) {
                    Reply::Pending => {}
                    Reply::Signed(cms) => finish(Ok(cms)),
                    Reply::Refused(error) => finish(Err(error)),
                }
            }
        });
        // Refused, reset, a certificate the browser does not trust, or NCALayer quitting
        // before it answered: from the page, all look alike and mean "not running".
        let error = Closure::<dyn FnMut(web_sys::Event)>::new({
            let finish = finish.clone();
            move |_: web_sys::Event| finish(Err(SigningError::NotRunning))
        });
        let close = Closure::<dyn FnMut(web_sys::Event)>::new({
            let finish = finish.clone();
            move |_: web_sys::Event| finish(Err(SigningError::NotRunning))
        });
        socket.set_onopen(Some(open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(message.as_ref().unchecked_ref()));
        socket.set_onerror(Some(error.as_ref().unchecked_ref()));
        socket.set_onclose(Some(close.as_ref().unchecked_ref()));
        Ok((
            Exchange {
                socket,
                timer,
                _handlers: Handlers {
                    _open: open,
                    _message: message,
                    _error: error,
                    _close: close,
                    _timeout: timeout,
                },
            },
            answer,
        ))
    }
}

impl Drop for Exchange {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.timer.get());
        }
        // Handlers first: a close event must not reach a closure that is being freed.
        self.socket.set_onopen(None);
        self.socket.set_onmessage(None);
        self.socket.set_onerror(None);
        self.socket.set_onclose(None);
        let _ = self.socket.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_asks_for_a_detached_cms_over_the_decoded_bytes() {
        let request: Value = serde_json::from_str(&request_for(
            KeyStorage::IdCard,
            KeyPurpose::Signing,
            "eyJhIjoxfQ==",
            "kk",
        ))
        .unwrap();
        assert_eq!(request["module"], "kz.gov.pki.knca.basics");
        assert_eq!(request["method"], "sign");
        let args = &request["args"];
        assert_eq!(args["format"], "cms");
        assert_eq!(args["data"], "eyJhIjoxfQ==");
        assert_eq!(args["allowedStorages"], json!(["AKKZIDCardStore"]));
        assert_eq!(args["signingParams"]["decode"], true);
        assert_eq!(args["signingParams"]["encapsulate"], false);
        assert_eq!(args["signingParams"]["digested"], false);
        assert_eq!(
            args["signerParams"]["extKeyUsageOids"],
            json!([EKU_SIGNING])
        );
        assert_eq!(args["locale"], "kk");
    }

    #[test]
    fn signing_in_asks_for_the_authentication_key() {
        let request: Value = serde_json::from_str(&request_for(
            KeyStorage::File,
            KeyPurpose::Authentication,
            "e30=",
            "ru",
        ))
        .unwrap();
        assert_eq!(
            request["args"]["signerParams"]["extKeyUsageOids"],
            json!([EKU_AUTHENTICATION])
        );
    }

    #[test]
    fn each_storage_names_its_own_key_stores() {
        assert_eq!(KeyStorage::File.ncalayer_names(), ["PKCS12"]);
        assert!(
            KeyStorage::Token
                .ncalayer_names()
                .contains(&"AKKaztokenStore")
        );
        assert!(
            !KeyStorage::Token
                .ncalayer_names()
                .contains(&"AKKZIDCardStore")
        );
    }

    #[test]
    fn a_signature_comes_bare_armoured_or_in_a_list() {
        let plain = r#"{"status":true,"body":{"result":"MIAGCSqGSIb3DQEHAqCAMIACAQE="}}"#;
        assert_eq!(
            read_reply(plain),
            Reply::Signed("MIAGCSqGSIb3DQEHAqCAMIACAQE=".into())
        );
        let armoured = "{\"status\":true,\"body\":{\"result\":\"-----BEGIN CMS-----\\nMIAGCSqG\\r\\nSIb3DQEH\\n-----END CMS-----\\n\"}}";
        assert_eq!(
            read_reply(armoured),
            Reply::Signed("MIAGCSqGSIb3DQEH".into())
        );
        let listed = r#"{"body":{"result":["MIAGCSqG"]},"status":true}"#;
        assert_eq!(read_reply(listed), Reply::Signed("MIAGCSqG".into()));
    }

    #[test]
    fn cancel_failures_and_chatter_are_told_apart() {
        assert_eq!(
            read_reply(r#"{"body":{},"status":true}"#),
            Reply::Refused(SigningError::Cancelled)
        );
        assert_eq!(
            read_reply(r#"{"status":false,"code":"SIGNING_FAILURE","message":"m"}"#),
            Reply::Refused(SigningError::NoCertificate)
        );
        assert_eq!(
            read_reply(
                r#"{"code":"INVOCATION_ERROR","details":"x","message":"An invoked method threw an exception.","status":false}"#
            ),
            Reply::Refused(SigningError::Failed)
        );
        for chatter in [r#"{"result":{"version":"1.4"}}"#, "--heartbeat--", "{}"] {
            assert_eq!(read_reply(chatter), Reply::Pending, "{chatter}");
        }
        for broken in [
            r#"{"status":true,"body":{"result":"not base64!"}}"#,
            r#"{"status":true,"body":{"result":"-----BEGIN CMS-----\n-----END CMS-----\n"}}"#,
            r#"{"status":true,"body":{"result":[]}}"#,
            r#"{"status":true,"body":{"result":42}}"#,
        ] {
            assert_eq!(
                read_reply(broken),
                Reply::Refused(SigningError::Failed),
                "{broken}"
            );
        }
    }
}
