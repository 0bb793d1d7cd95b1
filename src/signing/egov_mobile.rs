//! Signing (an application, or the sign-in challenge) in the eGov mobile app: a QR code on a
//! computer, a same-device link on a phone (eGov Business for a legal entity), the QR code
//! below it as a fallback for a second phone.
//!
//! The backend draws the QR code (SVG) and keeps the session; the page shows it as an image
//! with a text alternative and the link under it, then asks the backend with its poll secret
//! every 2 s, slowing to every 5 s, until the phone has signed, the signature is refused,
//! the code expires or is cancelled. Asking stops when the page is left. Each state has its
//! own screen, whose heading takes the focus.

use super::{SignatureRefusal, sleep};
use crate::api::Failure;
use crate::i18n::use_i18n;
use leptos::html::H2;
use leptos::prelude::*;
use otinish_core::api::{EgovMobileStart, EgovMobileState, Secret, code};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::time::Duration;

/// Starts a session: the page's own preparation (saving the answers, say) and the backend's
/// start; a failure comes back already worded.
pub type StartSession =
    Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<EgovMobileStart, String>>>>>;
/// Called once the phone's signature has verified, with the session's poll secret.
pub type OnSigned = Rc<dyn Fn(Secret)>;

/// The first wait between two questions to the backend, and the longest.
const FIRST_WAIT_MS: u64 = 2_000;
const LONGEST_WAIT_MS: u64 = 5_000;

/// What the session is for: the stem of its texts (`egov-mobile-<stem>-…`) and of the
/// refusal screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EgovPurpose {
    Signing,
    SignIn,
}

impl EgovPurpose {
    fn stem(self) -> &'static str {
        match self {
            EgovPurpose::Signing => "sign",
            EgovPurpose::SignIn => "sign-in",
        }
    }

    fn refusal_prefix(self) -> &'static str {
        match self {
            EgovPurpose::Signing => "signing-refused",
            EgovPurpose::SignIn => "sign-in-refused",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Idle,
    Starting,
    Waiting(EgovMobileStart),
    /// Verified: the page goes on (submits, or signs in).
    Signed,
    /// The backend refused the phone's signature: the code.
    Refused(String),
    Expired,
    Cancelled,
    /// The session could not be started: the words.
    Failed(String),
}

/// Whether this is a phone or tablet, where the eGov mobile app may be installed and
/// NCALayer cannot run: its main pointer is a finger (`pointer: coarse`, which a laptop
/// with a touch screen does not report) and the screen is no wider than a tablet's. The
/// user agent is not asked: it lies, and the layout question is what matters here.
pub fn is_phone() -> bool {
    window()
        .match_media("(pointer: coarse) and (max-width: 64em)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// The QR code's SVG as an image address (`img-src data:` is allowed by the CSP).
fn image_url(svg: &str) -> String {
    format!(
        "data:image/svg+xml,{}",
        String::from(js_sys::encode_uri_component(svg))
    )
}

#[component]
pub fn EgovMobileSigner(
    purpose: EgovPurpose,
    /// A legal entity: eGov Business's link rather than eGov mobile's. Signing in does not
    /// know yet, and offers both.
    #[prop(optional)]
    business: Option<bool>,
    start: StartSession,
    on_signed: OnSigned,
) -> impl IntoView {
    let i18n = use_i18n();
    let stage = RwSignal::new(Stage::Idle);
    let phone = is_phone();
    // Local: the callbacks are the page's own closures. When the page is left these are
    // disposed with `stage`, which is what stops the polling loop (`watch`).
    let start = StoredValue::new_local(start);
    let on_signed = StoredValue::new_local(on_signed);
    let heading = NodeRef::<H2>::new();
    let stem = purpose.stem();

    // A session: started, then followed until it ends.
    let session = Action::new_local(move |_: &()| {
        let start = start.get_value();
        async move {
            match start().await {
                Ok(session) => {
                    let poll = session.poll.clone();
                    if stage.try_set(Stage::Waiting(session)).is_none() {
                        watch(poll, stage, on_signed).await;
                    }
                }
                Err(words) => {
                    let _ = stage.try_set(Stage::Failed(words));
                }
            }
        }
    });
    let begin = move || {
        if matches!(stage.get_untracked(), Stage::Starting) {
            return;
        }
        stage.set(Stage::Starting);
        session.dispatch(());
    };
    let cancel = move |_| {
        let Stage::Waiting(session) = stage.get_untracked() else {
            return;
        };
        stage.set(Stage::Cancelled);
        // Fire and forget: nothing waits on the answer, and a session the backend no longer
        // has is as good as cancelled.
        leptos::task::spawn_local(async move {
            let _ = crate::api::cancel_egov_mobile(&session.poll).await;
        });
    };

    // A new screen's heading takes the focus, so that a screen reader reads it.
    Effect::new(move |previous: Option<std::mem::Discriminant<Stage>>| {
        let now = stage.with(std::mem::discriminant);
        if previous.is_some_and(|previous| previous != now)
            && let Some(heading) = heading.get_untracked()
        {
            let _ = heading.focus();
        }
        now
    });

    let start_button = move |label: &'static str| {
        view! {
            <button type="button" class="button" on:click=move |_| begin()>
                {i18n.text(label)}
            </button>
        }
    };
    let body = move || {
        match stage.get() {
        Stage::Idle => view! {
            <p>{i18n.text(format!("egov-mobile-{stem}-intro"))}</p>
            {start_button(match (phone, purpose) {
                (false, _) => "egov-mobile-start",
                (true, EgovPurpose::Signing) => "egov-mobile-sign-start-phone",
                (true, EgovPurpose::SignIn) => "egov-mobile-sign-in-start-phone",
            })}
        }
        .into_any(),
        Stage::Starting => view! { <p>{i18n.text("egov-mobile-starting")}</p> }.into_any(),
        Stage::Waiting(session) => {
            let until = crate::format::clock(&session.expires_at.with_timezone(&chrono::Local));
            let waiting = i18n.t_with("egov-mobile-waiting", &[("time", until.into())]);
            let qr = view! {
                <figure class="egov-mobile__qr">
                    <img src=image_url(&session.qr_svg) width="232" height="232"
                        alt=i18n.text(format!("egov-mobile-{stem}-qr-alt"))/>
                    <figcaption>
                        {i18n.text("egov-mobile-link-label")}" "
                        <a href=session.links.egov_mobile.clone() class="egov-mobile__link">
                            {i18n.text("egov-mobile-link")}
                        </a>
                    </figcaption>
                </figure>
            };
            let steps = view! {
                <ol class="egov-mobile__steps">
                    <li>{i18n.text("egov-mobile-step-open")}</li>
                    <li>{i18n.text("egov-mobile-step-scan")}</li>
                    <li>{i18n.text(format!("egov-mobile-{stem}-step-confirm"))}</li>
                </ol>
            };
            let apps = match (phone, business) {
                (false, _) => None,
                (true, Some(true)) => Some(
                    view! { <p><a class="button egov-mobile__open" href=session.links.egov_business.clone()>{i18n.text("egov-mobile-open-business")}</a></p> }.into_any(),
                ),
                (true, Some(false)) => Some(
                    view! { <p><a class="button egov-mobile__open" href=session.links.egov_mobile.clone()>{i18n.text("egov-mobile-open")}</a></p> }.into_any(),
                ),
                (true, None) => Some(
                    view! {
                        <p><a class="button egov-mobile__open" href=session.links.egov_mobile.clone()>{i18n.text("egov-mobile-open")}</a></p>
                        <p><a class="egov-mobile__open-business" href=session.links.egov_business.clone()>{i18n.text("egov-mobile-open-business")}</a></p>
                    }
                    .into_any(),
                ),
            };
            let fallback = phone.then(|| view! { <p>{i18n.text("egov-mobile-phone-fallback")}</p> });
            view! {
                <p class="egov-mobile__waiting">{waiting}</p>
                {apps}
                {fallback}
                {(!phone).then_some(steps)}
                {qr}
                <p><button type="button" class="button button--secondary" on:click=cancel>{i18n.text("egov-mobile-cancel")}</button></p>
            }
            .into_any()
        }
        Stage::Signed => view! {
            <div class="signer-outcome signer-outcome--signed">
                <p>{i18n.text(format!("egov-mobile-{stem}-signed"))}</p>
            </div>
        }
        .into_any(),
        Stage::Refused(code) => view! {
            <SignatureRefusal code prefix=purpose.refusal_prefix()/>
            <p>{i18n.text("egov-mobile-refused-help")}</p>
            {start_button("egov-mobile-new-code")}
        }
        .into_any(),
        Stage::Expired => outcome(i18n, heading, stem, "expired", start_button("egov-mobile-new-code")),
        Stage::Cancelled => outcome(i18n, heading, stem, "cancelled", start_button("egov-mobile-new-code")),
        Stage::Failed(words) => view! {
            <div class="error-summary" role="alert">
                <h2 class="error-summary__title" tabindex="-1" node_ref=heading>{i18n.text("egov-mobile-failed")}</h2>
                <p>{words}</p>
            </div>
            {start_button("egov-mobile-new-code")}
        }
        .into_any(),
    }
    };
    view! {
        <section class="egov-mobile" aria-labelledby=format!("egov-mobile-{stem}-title")>
            <h2 id=format!("egov-mobile-{stem}-title")>{i18n.text(format!("egov-mobile-{stem}-title"))}</h2>
            <div class="egov-mobile__body" aria-live="polite">{body}</div>
        </section>
    }
}

/// An ending screen (expired, cancelled): its heading (`egov-mobile-<stem>-<which>`: signing
/// and signing in say it in their own words), what to do, and a new code.
fn outcome(
    i18n: crate::i18n::I18n,
    heading: NodeRef<H2>,
    stem: &'static str,
    which: &'static str,
    new_code: impl IntoView + 'static,
) -> AnyView {
    view! {
        <div class=format!("signer-outcome signer-outcome--{which}")>
            <h2 class="signer-outcome__title" tabindex="-1" node_ref=heading>
                {i18n.text(format!("egov-mobile-{stem}-{which}"))}
            </h2>
            <p>{i18n.text(format!("egov-mobile-{which}-help"))}</p>
        </div>
        {new_code}
    }
    .into_any()
}

/// Asks the backend after the session until it is no longer waiting, this session is no
/// longer the one shown, or the page is left.
async fn watch(
    poll: Secret,
    stage: RwSignal<Stage>,
    on_signed: StoredValue<OnSigned, LocalStorage>,
) {
    let mut wait = FIRST_WAIT_MS;
    loop {
        sleep(Duration::from_millis(wait)).await;
        wait = (wait * 3 / 2).min(LONGEST_WAIT_MS);
        // `None`: the page was left, and `stage` disposed with it.
        let current = stage
            .try_with_untracked(|now| matches!(now, Stage::Waiting(shown) if shown.poll == poll));
        if current != Some(true) {
            return;
        }
        let next = match crate::api::egov_mobile_status(&poll).await {
            Ok(status) => match status.state {
                EgovMobileState::Waiting => continue,
                EgovMobileState::Signed => Stage::Signed,
                EgovMobileState::Refused => Stage::Refused(
                    status
                        .refusal
                        .unwrap_or_else(|| code::SIGNATURE_INVALID.to_string()),
                ),
                EgovMobileState::Cancelled => Stage::Cancelled,
                // Used elsewhere (another tab submitted with it): a new code is needed here.
                EgovMobileState::Expired | EgovMobileState::Used => Stage::Expired,
            },
            // Deleted long after expiry.
            Err(Failure::Problem(problem)) if problem.status == 404 => Stage::Expired,
            // The network or the backend will be back: ask again.
            Err(_) => continue,
        };
        let signed = next == Stage::Signed;
        if stage.try_set(next).is_some() {
            // Left meanwhile.
            return;
        }
        if signed && let Some(on_signed) = on_signed.try_get_value() {
            on_signed(poll);
        }
        return;
    }
}
