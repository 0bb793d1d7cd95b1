//! A request answered before its body was read ends its connection, and says so.
//!
//! Many answers come before the body is looked at: a missing session (401), a cross-site
//! request (403), a body over its limit (413). hyper then cannot tell where the next request
//! on the connection would start, so it closes the connection once the answer is written,
//! unless the rest of the body happens to be in its buffer already. Without a word in the
//! answer, a client that keeps connections open sends its next request into the closing
//! connection and sees it reset with no answer (found by the conformance kit: a `requests`
//! client that writes headers and body apart, a 401, then a reset of the next call). So the
//! answer carries `Connection: close` (RFC 9112, section 9.6), and the client opens a fresh
//! connection for what comes next. Draining the body instead would keep the connection, at
//! the cost of reading what a stranger sends; closing costs them a new connection only.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use http_body::{Body as HttpBody, Frame, SizeHint};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

pub async fn close_if_unread(request: Request, next: Next) -> Response {
    if request.body().is_end_stream() {
        return next.run(request).await;
    }
    let read_to_end = Arc::new(AtomicBool::new(false));
    let request = request.map(|body| {
        Body::new(Watched {
            body,
            read_to_end: read_to_end.clone(),
        })
    });
    let mut response = next.run(request).await;
    if !read_to_end.load(Ordering::Acquire) {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// The request body, noting when it has been read to its end.
struct Watched {
    body: Body,
    read_to_end: Arc<AtomicBool>,
}

impl HttpBody for Watched {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = Pin::new(&mut self.body).poll_frame(cx);
        if matches!(polled, Poll::Ready(None)) || self.body.is_end_stream() {
            self.read_to_end.store(true, Ordering::Release);
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}
