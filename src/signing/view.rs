//! The signing parts of the sign page, which keeps the flow (signing data, signer, submission)
//! and embeds these:
//!
//! - [`SignerChoice`]: where the applicant's key is (a file, a token, the ID card) or, in test
//!   mode only, the test signer, labelled plainly as no legal signature;
//! - [`SignerFailure`]: why the signer gave no signature (NCALayer not running, cancelled, a
//!   key that could not sign, no answer) and what to do about it;
//! - [`SignatureRefusal`]: the backend's refusal of a signature ([`SIGNATURE_REFUSALS`]:
//!   another ИИН/БИН, an expired, revoked or untrusted certificate, a signature that does not
//!   match, a key not for signing, an algorithm not verified, OCSP out of reach).
//!
//! The outcome screens take the focus when they appear, so that a screen reader reads them.

use super::{KeyStorage, Signer, SigningError};
use crate::i18n::use_i18n;
use leptos::html::H2;
use leptos::prelude::*;
use otinish_core::api::code;

/// Where NCALayer is downloaded from: the НУЦ РК's page for it.
const NCALAYER_DOWNLOAD: &str = "https://ncl.pki.gov.kz/";

/// The backend's refusals that are about the signature itself, which [`SignatureRefusal`]
/// shows (`signing-refused-<code>`); the page words any other problem itself.
pub const SIGNATURE_REFUSALS: [&str; 10] = [
    code::SIGNER_MISMATCH,
    code::CERTIFICATE_EXPIRED,
    code::CERTIFICATE_REVOKED,
    code::SIGNATURE_INVALID,
    code::DIGEST_MISMATCH,
    code::CERTIFICATE_UNTRUSTED,
    code::WRONG_KEY_USAGE,
    code::ALGORITHM_UNSUPPORTED,
    code::OCSP_UNAVAILABLE,
    code::VERIFIER_UNAVAILABLE,
];

/// The signers on offer, with the stem of their message ids and form controls' ids.
fn options(test_mode: bool) -> Vec<(Signer, &'static str)> {
    let mut options: Vec<_> = KeyStorage::ALL
        .into_iter()
        .map(|storage| (Signer::NcaLayer(storage), storage.key()))
        .collect();
    if test_mode {
        options.push((Signer::Test, "test"));
    }
    options
}

/// Where the key is, or (in test mode) the test signer.
#[component]
pub fn SignerChoice(
    /// The backend runs in test mode (`GET /config`): only then is the test signer offered.
    #[prop(into)]
    test_mode: Signal<bool>,
    chosen: RwSignal<Option<Signer>>,
    /// The applicant pressed the button without choosing: say so at the question.
    #[prop(into, default = Signal::from(false))]
    missing: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = move || {
        options(test_mode.get())
            .into_iter()
            .map(|(signer, key)| {
                let id = format!("signer-{key}");
                view! {
                    <div class="checkbox radio">
                        <input type="radio" name="signer" id=id.clone() value=key
                            aria-describedby=format!("{id}-hint")
                            prop:checked=move || chosen.get() == Some(signer)
                            on:change=move |_| chosen.set(Some(signer))/>
                        <label for=id.clone()>{i18n.text(format!("signing-storage-{key}"))}</label>
                        <p class="hint checkbox__hint" id=format!("{id}-hint")>
                            {i18n.text(format!("signing-storage-{key}-hint"))}
                        </p>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="fieldset" aria-describedby=move || missing.get().then_some("signer-missing")>
            <legend class="fieldset__legend--m">{i18n.text("signing-storage-legend")}</legend>
            <Show when=move || missing.get()>
                <p class="error-message" id="signer-missing">{i18n.text("signing-storage-missing")}</p>
            </Show>
            <div class="checkboxes">{items}</div>
        </fieldset>
        <Show when=move || chosen.get() == Some(Signer::Test)>
            <div class="warning"><p>{i18n.text("signing-test-warning")}</p></div>
        </Show>
    }
}

/// Moves the focus to `heading` once it is on the page.
fn focus_when_shown(heading: NodeRef<H2>) {
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
}

/// Why the signer gave no signature, and what to do before signing again.
#[component]
pub fn SignerFailure(error: SigningError) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<H2>::new();
    focus_when_shown(heading);
    let code = error.code();
    let help = view! { <p>{i18n.text(format!("signing-error-{code}-help"))}</p> };
    let more = match error {
        SigningError::NotRunning => Some(
            view! {
                <ol class="signer__steps">
                    <li>
                        {i18n.text("signing-not-running-install")}" "
                        <a href=NCALAYER_DOWNLOAD rel="noopener">{i18n.text("signing-ncalayer-site")}</a>
                    </li>
                    <li>{i18n.text("signing-not-running-start")}</li>
                    <li>{i18n.text("signing-not-running-retry")}</li>
                </ol>
                <p>{i18n.text("signing-not-running-browser")}</p>
            }
            .into_any(),
        ),
        SigningError::NoCertificate => Some(
            view! {
                <ul>
                    <li>{i18n.text("signing-no-certificate-password")}</li>
                    <li>{i18n.text("signing-no-certificate-key")}</li>
                    <li>{i18n.text("signing-no-certificate-valid")}</li>
                </ul>
            }
            .into_any(),
        ),
        SigningError::Cancelled | SigningError::TimedOut | SigningError::Failed => None,
    };
    view! {
        <div class=format!("signer-outcome signer-outcome--{code}")>
            <h2 class="signer-outcome__title" tabindex="-1" node_ref=heading>
                {i18n.text(format!("signing-error-{code}"))}
            </h2>
            {help}
            {more}
        </div>
    }
}

/// The backend refused the signature (one of [`SIGNATURE_REFUSALS`]), and what to do.
/// `prefix` is the stem of the messages: `signing-refused` for an application,
/// `sign-in-refused` for signing in.
#[component]
pub fn SignatureRefusal(
    #[prop(into)] code: String,
    #[prop(default = "signing-refused")] prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<H2>::new();
    focus_when_shown(heading);
    view! {
        <div class=format!("signer-outcome signer-outcome--{code}")>
            <h2 class="signer-outcome__title" tabindex="-1" node_ref=heading>
                {i18n.text(format!("{prefix}-{code}"))}
            </h2>
            <p>{i18n.text(format!("{prefix}-{code}-help"))}</p>
        </div>
    }
}
