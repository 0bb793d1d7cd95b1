//! The documents of the chosen sub-case and applicant type: one slot per document the
//! applicant attaches (a button and drag-and-drop both work, with progress, replace and
//! remove), and the list of those the provider takes from state databases itself.
//! Files are judged here by the same rules as on the server (size, type by content) before
//! they are sent; the server's own answers (400, 413, 415) are worded on the slot too.

use super::steps::{self, Step};
use super::{Wizard, remote};
use crate::api::{self, Failure, Upload};
use crate::components::{failure_message, issue_message};
use crate::i18n::{I18n, use_i18n};
use crate::router::A;
use crate::session::use_auth;
use leptos::prelude::*;
use otinish_core::api::StoredDocument;
use otinish_core::catalog::{
    self, Completeness, Document, DocumentRequirement, FileType, Supplier, messages,
};
use otinish_core::{package, validation, wizard};
use wasm_bindgen::JsCast;

/// What the documents page knows of the backend application.
#[derive(Clone, Copy)]
struct Attachments {
    application: RwSignal<Option<String>>,
    files: RwSignal<Vec<StoredDocument>>,
}

#[component]
pub fn DocumentsStep(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let here = step.href(&expect_context::<Wizard>().service.id);
    let wizard = expect_context::<Wizard>();
    let auth = use_auth();
    let attachments = Attachments {
        application: RwSignal::new(None),
        files: RwSignal::new(Vec::new()),
    };
    let missing: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let attempt = RwSignal::new(0u32);

    // The backend's files, read once someone is signed in. The backend copy is made here if
    // it could not be at the applicant step (offline).
    let signed_in = Memo::new(move |_| auth.account.with(Option::is_some));
    let stored = LocalResource::new(move || {
        let signed_in = signed_in.get();
        async move {
            if !signed_in {
                return None;
            }
            Some(match remote::ensure(wizard).await {
                Ok(remote) => api::application(&remote.id).await,
                Err(failure) => Err(failure),
            })
        }
    });
    // Merged into the page's files, not put in their place: a file uploaded while the read
    // was on its way stays.
    Effect::new(move |_| {
        if let Some(Some(Ok(application))) = stored.get() {
            attachments.files.update(|files| {
                for document in application.documents {
                    if !files.iter().any(|file| file.id == document.id) {
                        files.push(document);
                    }
                }
            });
            attachments.application.set(Some(application.id));
        }
    });
    let load_failure = move || match stored.get() {
        Some(Some(Err(failure))) => Some(failure.code().to_string()),
        _ => None,
    };

    // A memo, so the slots are built again only when the list itself changes: the draft
    // also changes when its backend copy is saved, and a slot built anew mid-upload would
    // lose its progress, and a file chosen on the old input its `change` event.
    let requirements = Memo::new(move |_| {
        let applicant = wizard.applicant();
        wizard.draft.with(|d| {
            let provision = d
                .provider
                .as_deref()
                .and_then(|p| wizard.service.provision(p));
            match (provision, d.sub_case, applicant) {
                // A fee receipt is here only when the applicant chose to settle the fee so,
                // and then it is required.
                (Some(provision), Some(case), Some(kind)) => {
                    package::documents(provision, case, kind)
                        .filter(|r| steps::attaches(r, d) || wizard::provider_gets(r, d.fee))
                        .map(|r| DocumentRequirement {
                            required: steps::must_attach(r, d) || r.required,
                            ..r.clone()
                        })
                        .collect::<Vec<_>>()
                }
                _ => Vec::new(),
            }
        })
    });
    let partial = move || {
        wizard.draft.with(|d| {
            d.provider
                .as_deref()
                .and_then(|p| wizard.service.provision(p))
                .is_some_and(|p| p.document_list == Completeness::Partial)
        })
    };

    // What "Continue" found missing and is still not attached: the summary, the slots and
    // the title follow the page as files arrive and go.
    let still_missing = Memo::new(move |_| {
        let mut documents = missing.get();
        attachments
            .files
            .with(|files| documents.retain(|d| !files.iter().any(|f| &f.document == d)));
        documents
    });
    Effect::new(move |_| {
        if attempt.get() > 0 {
            wizard.has_errors.set(!still_missing.with(Vec::is_empty));
        }
    });
    let summary = Signal::derive(move || {
        still_missing
            .get()
            .into_iter()
            .map(|document| {
                let text = i18n.t_with(
                    "error-summary-item",
                    &[
                        ("field", i18n.t(&messages::document(&document)).into()),
                        ("message", i18n.t("error-document-missing").into()),
                    ],
                );
                (slot_input_id(&document), text)
            })
            .collect::<Vec<_>>()
    });

    let on_continue = move |_| {
        let attached = attachments.files.get_untracked();
        let not_attached: Vec<String> = requirements
            .get_untracked()
            .into_iter()
            .filter(|r| r.required && r.supplied_by == Supplier::Applicant)
            .filter(|r| !attached.iter().any(|f| f.document == r.document))
            .map(|r| r.document)
            .collect();
        let failed = !not_attached.is_empty();
        missing.try_set(not_attached);
        wizard.has_errors.try_set(failed);
        if failed {
            attempt.try_update(|n| *n += 1);
        } else {
            wizard.advance(&step);
        }
    };

    let slots = move || {
        let yours: Vec<DocumentRequirement> = requirements
            .get()
            .into_iter()
            .filter(|r| r.supplied_by == Supplier::Applicant)
            .collect();
        if yours.is_empty() {
            return view! { <p>{i18n.text("wizard-documents-none")}</p> }.into_any();
        }
        yours
            .into_iter()
            .filter_map(|requirement| {
                let document = catalog::catalog().document(&requirement.document)?;
                let missing =
                    Signal::derive(move || still_missing.with(|m| m.contains(&document.id)));
                Some(view! { <DocumentSlot document requirement attachments missing/> })
            })
            .collect_view()
            .into_any()
    };
    let ours = move || {
        let items: Vec<String> = requirements
            .get()
            .into_iter()
            .filter(|r| r.supplied_by != Supplier::Applicant)
            .map(|r| r.document)
            .collect();
        (!items.is_empty()).then(|| {
            let items = items
                .into_iter()
                .map(|d| view! { <li>{i18n.text(messages::document(&d))}</li> })
                .collect_view();
            view! {
                <h2>{i18n.text("service-documents-ours")}</h2>
                <p>{i18n.text("service-documents-ours-intro")}</p>
                <ul class="list list--bullet">{items}</ul>
            }
        })
    };

    let signed_out = move || auth.known.get() && auth.account.with(Option::is_none);
    super::show_error_summary(summary, attempt.into());
    view! {
        <Show when=signed_out>
            <p>{i18n.text("wizard-documents-sign-in")}</p>
            <p><A href=format!("/sign-in?next={here}") attr:class="button">{i18n.text("wizard-applicant-sign-in")}</A></p>
        </Show>
        {move || load_failure().map(|code| view! {
            <div class="warning" role="alert"><p>{error_text(i18n, &code)}</p></div>
        })}
        <p>{i18n.text("wizard-documents-intro")}</p>
        {slots}
        <Show when=partial>
            <div class="warning"><p>{i18n.text("service-documents-partial")}</p></div>
        </Show>
        {ours}
        <button type="button" class="button" on:click=on_continue>{i18n.text("wizard-continue")}</button>
    }
}

fn error_text(i18n: I18n, code: &str) -> String {
    crate::components::error_message(i18n, code, &[])
}

/// An upload that did not arrive: the server's reason, or that the network failed (the
/// applicant can simply choose the file again).
fn upload_failure(i18n: I18n, failure: &Failure) -> String {
    match failure {
        Failure::Unreachable => error_text(i18n, "upload-unreachable"),
        problem => failure_message(i18n, problem),
    }
}

/// The id of a slot's file input, which the error summary links to.
fn slot_input_id(document: &str) -> String {
    format!("document-{document}")
}

/// An upload's state on its slot.
#[derive(Debug, Clone, PartialEq)]
enum Transfer {
    Idle,
    /// The share sent, 0.0–1.0.
    Sending(f64),
    Failed(String),
}

#[component]
fn DocumentSlot(
    document: &'static Document,
    requirement: DocumentRequirement,
    attachments: Attachments,
    /// Marked missing by "Continue".
    missing: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let input_id = slot_input_id(&document.id);
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let transfer = RwSignal::new(Transfer::Idle);
    // What the last removal did, said politely.
    let removed = RwSignal::new(String::new());
    // The file a "Replace" is for: removed once its replacement has arrived.
    let replacing: RwSignal<Option<String>> = RwSignal::new(None);
    let dragging = RwSignal::new(false);
    let document_id = document.id.clone();
    let files = Memo::new(move |_| {
        attachments
            .files
            .get()
            .into_iter()
            .filter(|f| f.document == document_id)
            .collect::<Vec<_>>()
    });

    let wizard = expect_context::<Wizard>();
    // One upload per file chosen; several may be on their way at once. Its progress and
    // outcome are written on this slot, which is never built again while it lives (see
    // `requirements`), and left alone once the applicant has left the page.
    let uploading = Action::new_local(move |file: &web_sys::File| {
        let file = file.clone();
        async move {
            if let Err(issue) = judge(&file, document).await {
                transfer.try_set(Transfer::Failed(issue_message(i18n, &issue)));
                return;
            }
            // A file chosen before the page has heard back from the backend waits for the
            // application it belongs to.
            let application = match attachments.application.try_get_untracked().flatten() {
                Some(id) => id,
                None => match remote::ensure(wizard).await {
                    Ok(remote) => {
                        attachments.application.try_set(Some(remote.id.clone()));
                        remote.id
                    }
                    Err(failure) => {
                        transfer.try_set(Transfer::Failed(upload_failure(i18n, &failure)));
                        return;
                    }
                },
            };
            transfer.try_set(Transfer::Sending(0.0));
            let upload = Upload {
                document: document.id.clone(),
                file,
            };
            let outcome = api::upload_document(&application, upload, move |share| {
                transfer.try_set(Transfer::Sending(share));
            })
            .await;
            match outcome {
                Ok(stored) => {
                    transfer.try_set(Transfer::Idle);
                    match replacing.try_update(Option::take).flatten() {
                        // A replacement takes the old file's place in the list, where the
                        // applicant's eyes and focus are; the old file then goes.
                        Some(old) => {
                            attachments.files.try_update(|files| {
                                match files.iter().position(|file| file.id == old) {
                                    Some(at) => files[at] = stored,
                                    None => files.push(stored),
                                }
                            });
                            let _ = api::delete_document(&application, &old).await;
                        }
                        None => {
                            attachments.files.try_update(|f| f.push(stored));
                        }
                    }
                }
                Err(failure) => {
                    transfer.try_set(Transfer::Failed(upload_failure(i18n, &failure)));
                }
            }
        }
    });
    let send = move |file: web_sys::File| {
        uploading.dispatch_local(file);
    };

    let on_pick = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|list| list.get(0)) {
            send(file);
        }
        // The same file chosen again must fire `change` again.
        input.set_value("");
    };
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        if let Some(file) = event
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|list| list.get(0))
        {
            send(file);
        }
    };
    let on_drag_over = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(true);
    };

    let input_for_replace = StoredValue::new(input_id.clone());
    // A removal; its outcome is said on the slot, and the focus kept there.
    let removing = Action::new_local(move |file_id: &String| {
        let file_id = file_id.clone();
        async move {
            let Some(application) = attachments.application.try_get_untracked().flatten() else {
                return;
            };
            let name = files
                .try_with_untracked(|f| {
                    f.iter()
                        .find(|file| file.id == file_id)
                        .map(|file| file.file_name.clone())
                })
                .flatten()
                .unwrap_or_default();
            match api::delete_document(&application, &file_id).await {
                Ok(()) => {
                    attachments
                        .files
                        .try_update(|f| f.retain(|file| file.id != file_id));
                    // Said, and the focus kept in the slot: the button pressed is gone.
                    removed
                        .try_set(i18n.t_with("wizard-documents-removed", &[("file", name.into())]));
                    // The file input, whose visible button shows its focus.
                    let Some(input) = input_for_replace.try_get_value() else {
                        return;
                    };
                    request_animation_frame(move || {
                        if let Some(element) = leptos::prelude::document()
                            .get_element_by_id(&input)
                            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                        {
                            let _ = element.focus();
                        }
                    });
                }
                Err(failure) => {
                    transfer.try_set(Transfer::Failed(upload_failure(i18n, &failure)));
                }
            }
        }
    });
    let remove = move |file_id: String| {
        removing.dispatch_local(file_id);
    };
    let replace = move |file_id: String| {
        replacing.try_set(Some(file_id));
        if let Some(input) = leptos::prelude::document()
            .get_element_by_id(&input_for_replace.get_value())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            input.click();
        }
    };

    let error = move || match transfer.get() {
        Transfer::Failed(message) => Some(message),
        _ if missing.get() && files.with(Vec::is_empty) => Some(i18n.t("error-document-missing")),
        _ => None,
    };
    let formats = document
        .types
        .iter()
        .map(|t| file_type_name(*t))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = move || {
        i18n.t_with(
            "wizard-documents-formats",
            &[
                ("formats", formats.clone().into()),
                ("megabytes", document.max_mb.into()),
            ],
        )
    };
    let attached_list = move || {
        files
            .get()
            .into_iter()
            .map(|file| {
                let (remove_id, replace_id) = (file.id.clone(), file.id.clone());
                let name = file.file_name.clone();
                let size = crate::format::file_size(i18n, file.size);
                view! {
                    <li class="attachment">
                        <span class="attachment__name">{file.file_name.clone()}</span>
                        " "<span class="secondary">{size}</span>
                        <span class="attachment__actions">
                            <button type="button" class="link-button" on:click=move |_| replace(replace_id.clone())>
                                {i18n.text("wizard-documents-replace")}
                                <span class="visually-hidden">" " {name.clone()}</span>
                            </button>
                            <button type="button" class="link-button" on:click=move |_| remove(remove_id.clone())>
                                {i18n.text("wizard-remove")}
                                <span class="visually-hidden">" " {name.clone()}</span>
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    let progress = move || match transfer.get() {
        Transfer::Sending(share) => {
            let percent = (share * 100.0).round() as u32;
            Some(view! {
                <p class="upload-progress">
                    <progress max="100" value=percent aria-labelledby=format!("{}-progress", slot_input_id(&document.id))></progress>
                    " "<span id=format!("{}-progress", slot_input_id(&document.id))>
                        {i18n.t_with("wizard-documents-sending", &[("percent", percent.into())])}
                    </span>
                </p>
            })
        }
        _ => None,
    };
    let optional = (!requirement.required)
        .then(|| view! { " " <span class="secondary">{i18n.text("wizard-optional")}</span> });
    let accept = document
        .types
        .iter()
        .map(|t| accept_of(*t))
        .collect::<Vec<_>>()
        .join(",");
    let (label_for, hint_for, error_for) = (input_id.clone(), hint_id.clone(), error_id.clone());
    let described_by = move || {
        if error().is_some() {
            format!("{hint_for} {error_for}")
        } else {
            hint_for.clone()
        }
    };
    view! {
        <div class="field document-slot" class:field--error=move || error().is_some()
            class:document-slot--dragging=move || dragging.get()
            on:dragover=on_drag_over on:dragleave=move |_| dragging.set(false) on:drop=on_drop>
            <label class="label label--m" for=label_for>
                {i18n.text(messages::document(&document.id))} {optional}
            </label>
            <p class="hint" id=hint_id>{hint}</p>
            {move || error().map(|message| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{i18n.text("error-title-prefix")}</span>{message}
                </p>
            })}
            <ul class="attachments" aria-live="polite">{attached_list}</ul>
            {progress}
            <input type="file" class="file-upload" id=input_id.clone() accept=accept
                aria-describedby=described_by on:change=on_pick/>
            <label for=input_id class="button button--secondary file-upload__button">
                {i18n.text("wizard-documents-choose")}
            </label>
            <p class="visually-hidden" role="status">{move || removed.get()}</p>
            <p class="secondary document-slot__drop">{i18n.text("wizard-documents-drop")}</p>
        </div>
    }
}

/// The same rules as the server's, before a byte is sent: the size, then the type by the
/// file's first bytes.
async fn judge(file: &web_sys::File, document: &Document) -> Result<FileType, validation::Issue> {
    if let Some(issue) = validation::check_file_size(file.size() as u64, document.max_mb) {
        return Err(issue);
    }
    let head = read_head(file).await.unwrap_or_default();
    validation::check_file_type(&head, &document.types)
}

async fn read_head(file: &web_sys::File) -> Option<Vec<u8>> {
    let end = (validation::file::SNIFF_LEN as f64).min(file.size());
    let blob = file.slice_with_f64_and_f64(0.0, end).ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn file_type_name(file_type: FileType) -> &'static str {
    match file_type {
        FileType::Pdf => "PDF",
        FileType::Jpeg => "JPG",
        FileType::Png => "PNG",
    }
}

fn accept_of(file_type: FileType) -> &'static str {
    match file_type {
        FileType::Pdf => ".pdf,application/pdf",
        FileType::Jpeg => ".jpg,.jpeg,image/jpeg",
        FileType::Png => ".png,image/png",
    }
}
