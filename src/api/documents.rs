//! Attaching files. Uploads go through `XMLHttpRequest`, not `fetch`: only it reports how
//! much of the body has been sent, and the applicant on a slow network should see progress.

use super::{Failure, Request, Result, builder, send_empty, url};
use futures_channel::oneshot;
use otinish_core::api::{Problem, StoredDocument};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// An upload under way: the fraction sent is reported through `on_progress`.
pub struct Upload {
    pub document: String,
    pub file: web_sys::File,
}

/// Sends one file for one of the application's documents. `on_progress` gets the share of
/// bytes sent, from 0.0 to 1.0.
pub async fn upload_document(
    application: &str,
    upload: Upload,
    on_progress: impl Fn(f64) + 'static,
) -> Result<StoredDocument> {
    let address = url(&format!("/applications/{application}/documents")).await;
    let form = web_sys::FormData::new().map_err(|_| Failure::Unreachable)?;
    form.append_with_str("document", &upload.document)
        .map_err(|_| Failure::Unreachable)?;
    form.append_with_blob_and_filename("file", &upload.file, &upload.file.name())
        .map_err(|_| Failure::Unreachable)?;

    let request = web_sys::XmlHttpRequest::new().map_err(|_| Failure::Unreachable)?;
    request
        .open("POST", &address)
        .map_err(|_| Failure::Unreachable)?;
    request.set_with_credentials(true);

    let progress =
        Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            if event.length_computable() && event.total() > 0.0 {
                on_progress(event.loaded() / event.total());
            }
        });
    if let Ok(target) = request.upload() {
        target.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }

    let (done_tx, done_rx) = oneshot::channel::<()>();
    let done_tx = Rc::new(RefCell::new(Some(done_tx)));
    let finish = {
        let done_tx = done_tx.clone();
        Closure::<dyn Fn()>::new(move || {
            if let Some(tx) = done_tx.borrow_mut().take() {
                let _ = tx.send(());
            }
        })
    };
    // `loadend` follows success, error, abort and timeout alike.
    request.set_onloadend(Some(finish.as_ref().unchecked_ref()));
    request
        .send_with_opt_form_data(Some(&form))
        .map_err(|_| Failure::Unreachable)?;
    let _ = done_rx.await;
    // The closures must live until the request has ended.
    drop((progress, finish));

    let status = request.status().unwrap_or(0);
    let body = request.response_text().ok().flatten().unwrap_or_default();
    if status == 0 {
        return Err(Failure::Unreachable);
    }
    if (200..300).contains(&status) {
        return serde_json::from_str(&body).map_err(|_| Failure::Unreachable);
    }
    match serde_json::from_str::<Problem>(&body) {
        Ok(problem) => Err(Failure::Problem(problem)),
        Err(_) => Err(Failure::Unreachable),
    }
}

pub async fn delete_document(application: &str, document: &str) -> Result<()> {
    send_empty(
        builder(
            Request::delete,
            &format!("/applications/{application}/documents/{document}"),
        )
        .await
        .build(),
    )
    .await
}

/// Where the browser downloads an attached file.
pub async fn document_url(application: &str, document: &str) -> String {
    url(&format!("/applications/{application}/documents/{document}")).await
}
