//! One HTTP POST with a time limit, for the OCSP responder and the external verifier. Plain
//! `http://` only: OCSP answers are signed and need no TLS (the НУЦ РК's responder is
//! `http://ocsp.pki.gov.kz`), and the external verifier runs beside the backend.

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use std::time::Duration;

/// The largest answer read: an OCSP response or a verifier's report is a few kilobytes.
const MAX_ANSWER_BYTES: usize = 1024 * 1024;

#[derive(Clone)]
pub struct HttpClient {
    client: Client<HttpConnector, Full<Bytes>>,
    timeout: Duration,
}

impl std::fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpClient")
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// The request did not get a 200 answer: unreachable, too slow, another status, too large.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreachable(pub String);

impl HttpClient {
    pub fn new(timeout: Duration) -> HttpClient {
        let mut connector = HttpConnector::new();
        connector.set_connect_timeout(Some(timeout));
        HttpClient {
            client: Client::builder(TokioExecutor::new()).build(connector),
            timeout,
        }
    }

    pub async fn post(
        &self,
        url: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> Result<Vec<u8>, Unreachable> {
        let uri: hyper::Uri = url
            .parse()
            .map_err(|e| Unreachable(format!("{url}: {e}")))?;
        if uri.scheme_str() != Some("http") {
            return Err(Unreachable(format!("{url}: only http:// is supported")));
        }
        let request = hyper::Request::post(uri)
            .header(hyper::header::CONTENT_TYPE, content_type)
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| Unreachable(e.to_string()))?;
        let exchange = async {
            let response = self
                .client
                .request(request)
                .await
                .map_err(|e| Unreachable(format!("{url}: {e}")))?;
            if response.status() != hyper::StatusCode::OK {
                return Err(Unreachable(format!("{url}: {}", response.status())));
            }
            let body = Limited::new(response.into_body(), MAX_ANSWER_BYTES)
                .collect()
                .await
                .map_err(|e| Unreachable(format!("{url}: {e}")))?;
            Ok(body.to_bytes().to_vec())
        };
        tokio::time::timeout(self.timeout, exchange)
            .await
            .map_err(|_| Unreachable(format!("{url}: no answer in {:?}", self.timeout)))?
    }
}
