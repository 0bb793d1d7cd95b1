//! `/sign-in` (and `/register`, the same page: the first sign-in creates the account) and
//! `/cabinet/password`.
//!
//! Signing in is proven by ЭЦП, as on egov.kz: the backend gives a one-time challenge,
//! NCALayer signs it with the applicant's authentication key, the backend verifies it. A
//! password is only a second way in, set in the cabinet by someone signed in with ЭЦП. In
//! test mode the page also offers the test sign-in (a seeded test person, no ЭЦП), labelled
//! as having no legal effect.

use crate::api::{self, Failure};
use crate::components::{ErrorSummary, error_message, problem_params, use_page_title};
use crate::i18n::use_i18n;
use crate::pages::cabinet::SignedIn;
use crate::router::A;
use crate::router::{use_navigate, use_query_map};
use crate::session::use_auth;
use crate::signing::{
    EgovMobileSigner, EgovPurpose, KeyPurpose, KeyStorage, OnSigned, SignatureRefusal,
    SignerFailure, SigningError, StartSession, is_phone,
};
use leptos::prelude::*;
use otinish_core::api::{
    Account, LoginRequest, Secret, SessionMode, SetPasswordRequest, SignInRequest,
    TestSignInRequest, code, field_code,
};
use otinish_core::validation;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The backend's refusals of a signed sign-in, each with its screen (`sign-in-refused-…`).
const SIGN_IN_REFUSALS: [&str; 12] = [
    code::SIGNATURE_INVALID,
    code::DIGEST_MISMATCH,
    code::CERTIFICATE_UNTRUSTED,
    code::CERTIFICATE_EXPIRED,
    code::CERTIFICATE_REVOKED,
    code::WRONG_KEY_USAGE,
    code::ALGORITHM_UNSUPPORTED,
    code::SIGNER_MISMATCH,
    code::OCSP_UNAVAILABLE,
    code::VERIFIER_UNAVAILABLE,
    code::CHALLENGE_INVALID,
    field_code::NOT_IN_REGISTRY,
];

/// An error to show: a code of the rules or of the server, with its parameters.
#[derive(Debug, Clone, PartialEq)]
struct Reported {
    code: String,
    params: Vec<(String, String)>,
}

impl Reported {
    fn of(issue: validation::Issue) -> Reported {
        Reported {
            code: issue.code.to_string(),
            params: issue
                .params
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        }
    }

    fn code(code: &str) -> Reported {
        Reported {
            code: code.to_string(),
            params: Vec::new(),
        }
    }
}

/// Where to go once signed in: `?next=` if it is a path of this app, else the cabinet. Read
/// through the router, when asked (a sign-in ends after an await).
fn use_next_page() -> impl Fn() -> String + Copy + 'static {
    let query = use_query_map();
    move || {
        query
            .try_with_untracked(|q| q.get("next"))
            .flatten()
            .filter(|next| next.starts_with('/') && !next.starts_with("//"))
            .unwrap_or_else(|| "/cabinet".into())
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    view! { <SignInUnlessSignedIn/> }
}

/// The form, or, for an applicant already signed in, who they are signed in as and the ways
/// on: where they were going, or signing out to sign in as someone else.
#[component]
fn SignInUnlessSignedIn() -> impl IntoView {
    let auth = use_auth();
    let signed_in = Memo::new(move |_| auth.account.with(Option::is_some));
    move || {
        if signed_in.get() {
            view! { <AlreadySignedIn/> }.into_any()
        } else {
            view! { <SignInMethods/> }.into_any()
        }
    }
}

#[component]
fn AlreadySignedIn() -> impl IntoView {
    let i18n = use_i18n();
    let next_page = use_next_page();
    let auth = use_auth();
    use_page_title(move || i18n.t("sign-in-already-title"));
    let name = move || {
        auth.account
            .with(|a| a.as_ref().map(crate::session::display_name))
            .unwrap_or_default()
    };
    view! {
        <h1>{i18n.text("sign-in-already-title")}</h1>
        <p class="lead">{move || i18n.t_with("sign-in-already-as", &[("name", name().into())])}</p>
        <p><A href=next_page() attr:class="button">{i18n.text("sign-in-already-continue")}</A></p>
        <p>
            <button type="button" class="button button--secondary" on:click=move |_| auth.sign_out()>
                {i18n.text("sign-in-already-sign-out")}
            </button>
        </p>
    }
}

/// "Is this a shared device?", asked once for every way in on the page.
#[derive(Clone, Copy)]
struct SharedDevice(RwSignal<bool>);

/// The page's answer, taken while the component is built (a context cannot be read after an
/// `await`); `false` where no sign-in page asks (setting a password).
fn shared_device_answer() -> impl Fn() -> bool + Copy {
    let answer = use_context::<SharedDevice>().map(|shared| shared.0);
    move || answer.is_some_and(|answer| answer.get_untracked())
}

#[component]
fn SignInMethods() -> impl IntoView {
    let i18n = use_i18n();
    // Asked, not assumed: on a shared device nothing of the applicant's outlives the browser.
    let shared = RwSignal::new(false);
    provide_context(SharedDevice(shared));
    use_page_title(move || i18n.t("sign-in-title"));
    let config = LocalResource::new(api::config);
    let test_mode = move || config.get().is_some_and(|c| c.is_ok_and(|c| c.test_mode));
    view! {
        <h1>{i18n.text("sign-in-title")}</h1>
        <p class="lead">{i18n.text("sign-in-intro")}</p>
        <SharedDeviceQuestion checked=shared/>
        {sign_in_ways()}
        <details class="account-password">
            <summary>{i18n.text("sign-in-password-summary")}</summary>
            <p>{i18n.text("sign-in-password-intro")}</p>
            <AccountForm mode=Mode::Password/>
        </details>
        <Show when=test_mode>
            <section class="warning account-test" aria-labelledby="sign-in-test-title">
                <h2 id="sign-in-test-title">{i18n.text("sign-in-test-title")}</h2>
                <p>{i18n.text("sign-in-test-intro")}</p>
                <AccountForm mode=Mode::Test/>
            </section>
        </Show>
    }
}

/// ЭЦП through NCALayer and eGov mobile, side by side; on a phone, where NCALayer cannot
/// run, eGov mobile first (in the reading order too).
fn sign_in_ways() -> AnyView {
    if is_phone() {
        view! { <div class="sign-methods sign-methods--phone"><EgovMobileSignIn/><SignatureSignIn/></div> }
            .into_any()
    } else {
        view! { <div class="sign-methods"><SignatureSignIn/><EgovMobileSignIn/></div> }.into_any()
    }
}

/// What every way in does once the backend has opened a session: the account is kept (for
/// this tab only on a shared device) and the applicant goes on to where they were going.
/// Taken while the component is built: after an `await` the router's and the page's contexts
/// are no longer at hand.
fn use_enter() -> impl Fn(Account) + Clone + 'static {
    let auth = use_auth();
    let shared_device = shared_device_answer();
    let navigate = use_navigate();
    let next_page = use_next_page();
    move |account| {
        auth.signed_in_as(account, shared_device());
        navigate(&next_page(), Default::default());
    }
}

/// Signing in with eGov mobile: the phone signs the same challenge as NCALayer would, and
/// this browser (which alone holds the session's poll secret) is signed in.
#[component]
fn EgovMobileSignIn() -> impl IntoView {
    let i18n = use_i18n();
    let enter = use_enter();
    let outcome = RwSignal::new(None::<Outcome>);
    let start: StartSession = Rc::new(move || {
        Box::pin(async move {
            api::start_egov_mobile_sign_in()
                .await
                .map_err(|failure| error_message(i18n, failure.code(), &[]))
        })
    });
    // The phone has signed the challenge: this browser, which alone holds the poll secret,
    // is signed in.
    let signing_in = Action::new_local(move |poll: &Secret| {
        let poll = poll.clone();
        let enter = enter.clone();
        async move {
            match api::egov_mobile_sign_in(&poll).await {
                Ok(session) => {
                    enter(session.account);
                }
                Err(failure) => {
                    let _ = outcome.try_set(Some(refusal_of(&failure)));
                }
            }
        }
    });
    let on_signed: OnSigned = Rc::new(move |poll| {
        signing_in.dispatch(poll);
    });
    let shown = move || outcome.get().map(|outcome| outcome_view(i18n, outcome));
    view! {
        <div class="sign-method account-egov-mobile">
            {shown}
            <EgovMobileSigner purpose=EgovPurpose::SignIn start on_signed/>
        </div>
    }
}

/// The first sign-in creates the account: registering is signing in.
#[component]
pub fn RegisterPage() -> impl IntoView {
    view! { <SignInPage/> }
}

/// What came of the last attempt to sign in with ЭЦП.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// NCALayer gave no signature.
    Signer(SigningError),
    /// The backend refused the signature (one of [`SIGN_IN_REFUSALS`]).
    Refused(String),
    /// Anything else, worded as a problem.
    Problem(String),
}

/// Where the authentication key is, and "Sign in with ЭЦП".
#[component]
fn SignatureSignIn() -> impl IntoView {
    let i18n = use_i18n();
    let enter = use_enter();
    // Nothing is chosen for the applicant: where their key is, only they know.
    let storage = RwSignal::new(None::<KeyStorage>);
    let missing = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    // The challenge, signed with the authentication key, and the backend's verdict.
    let signing_in = Action::new_local(move |storage: &KeyStorage| {
        let storage = *storage;
        let enter = enter.clone();
        async move {
            let result = async {
                let challenge = api::challenge()
                    .await
                    .map_err(|failure| Outcome::Problem(failure.code().to_string()))?;
                let cms = crate::signing::sign_bytes(
                    storage,
                    KeyPurpose::Authentication,
                    &challenge.data,
                )
                .await
                .map_err(Outcome::Signer)?;
                api::sign_in(&SignInRequest {
                    nonce: challenge.nonce,
                    cms,
                    session: SessionMode::Cookie,
                })
                .await
                .map_err(|failure| refusal_of(&failure))
            }
            .await;
            match result {
                Ok(session) => {
                    enter(session.account);
                }
                Err(failed) => outcome.set(Some(failed)),
            }
        }
    });
    let busy = signing_in.pending();

    let sign_in = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Some(storage) = storage.get_untracked() else {
            missing.set(true);
            return;
        };
        missing.set(false);
        outcome.set(None);
        signing_in.dispatch(storage);
    };

    let storages = KeyStorage::ALL
        .into_iter()
        .map(|choice| {
            let key = choice.key();
            let id = format!("sign-in-{key}");
            view! {
                <div class="checkbox radio">
                    <input type="radio" name="sign-in-storage" id=id.clone() value=key
                        aria-describedby=format!("{id}-hint")
                        prop:checked=move || storage.get() == Some(choice)
                        on:change=move |_| storage.set(Some(choice))/>
                    <label for=id.clone()>{i18n.text(format!("signing-storage-{key}"))}</label>
                    <p class="hint checkbox__hint" id=format!("{id}-hint")>
                        // A key file's name differs: AUTH_… for signing in.
                        {i18n.text(if choice == KeyStorage::File {
                            "sign-in-storage-file-hint".to_string()
                        } else {
                            format!("signing-storage-{key}-hint")
                        })}
                    </p>
                </div>
            }
        })
        .collect_view();
    let shown = move || outcome.get().map(|outcome| outcome_view(i18n, outcome));
    view! {
        <div class="sign-method account-signature">
            <h2>{i18n.text("sign-in-ncalayer-title")}</h2>
            {shown}
            <fieldset class="fieldset" aria-describedby=move || missing.get().then_some("sign-in-storage-missing")>
                <legend class="fieldset__legend--m">{i18n.text("sign-in-storage-legend")}</legend>
                <p class="hint">{i18n.text("sign-in-key-hint")}</p>
                <Show when=move || missing.get()>
                    <p class="error-message" id="sign-in-storage-missing">{i18n.text("signing-storage-missing")}</p>
                </Show>
                <div class="checkboxes">{storages}</div>
            </fieldset>
            <button type="button" class="button" prop:disabled=move || busy.get() on:click=sign_in>
                {i18n.text("sign-in-ecp-submit")}
            </button>
        </div>
    }
}

/// The screen of an outcome: NCALayer's failure, the backend's refusal of the signature, or
/// any other problem in words.
fn outcome_view(i18n: crate::i18n::I18n, outcome: Outcome) -> AnyView {
    match outcome {
        Outcome::Signer(error) => view! { <SignerFailure error/> }.into_any(),
        Outcome::Refused(code) => {
            view! { <SignatureRefusal code prefix="sign-in-refused"/> }.into_any()
        }
        Outcome::Problem(code) => view! {
            <div class="error-summary" role="alert">
                <p>{error_message(i18n, &code, &[])}</p>
            </div>
        }
        .into_any(),
    }
}

/// The backend's answer to a signed sign-in, as the outcome to show.
fn refusal_of(failure: &Failure) -> Outcome {
    if let Failure::Problem(problem) = failure {
        if SIGN_IN_REFUSALS.contains(&problem.code.as_str()) {
            return Outcome::Refused(problem.code.clone());
        }
        if problem
            .errors
            .iter()
            .any(|e| e.code == field_code::NOT_IN_REGISTRY)
        {
            return Outcome::Refused(field_code::NOT_IN_REGISTRY.to_string());
        }
    }
    Outcome::Problem(failure.code().to_string())
}

#[component]
pub fn PasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t("password-title"));
    view! {
        <h1>{i18n.text("password-title")}</h1>
        <SignedIn>
            <p class="lead">{i18n.text("password-intro")}</p>
            <AccountForm mode=Mode::SetPassword/>
        </SignedIn>
    }
}

/// The forms with fields: a password sign-in, the test sign-in, setting a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Password,
    Test,
    SetPassword,
}

impl Mode {
    /// The id of its ИИН/БИН field, if it has one.
    fn iin_bin_field(self) -> Option<&'static str> {
        match self {
            Mode::Password => Some("account-iin-bin"),
            Mode::Test => Some("test-iin-bin"),
            Mode::SetPassword => None,
        }
    }

    fn password_field(self) -> Option<&'static str> {
        match self {
            Mode::Password | Mode::SetPassword => Some("account-password"),
            Mode::Test => None,
        }
    }

    fn submit(self) -> &'static str {
        match self {
            Mode::Password => "sign-in-submit",
            Mode::Test => "sign-in-test-submit",
            Mode::SetPassword => "password-submit",
        }
    }
}

/// The contract's minimum for a password (see `api/openapi.yaml`).
const MIN_PASSWORD_CHARS: usize = 15;

#[component]
fn AccountForm(mode: Mode) -> impl IntoView {
    let i18n = use_i18n();
    let enter = use_enter();
    let iin_bin = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    // Field id → problem code and its parameters; `None` key = the form as a whole.
    let errors: RwSignal<BTreeMap<Option<&'static str>, Reported>> = RwSignal::new(BTreeMap::new());
    let attempt = RwSignal::new(0u32);
    let saved = RwSignal::new(false);
    let first_field = mode
        .iin_bin_field()
        .or(mode.password_field())
        .unwrap_or("account-password");

    let message = move |error: &Reported| {
        let params: Vec<(&str, &str)> = error
            .params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        error_message(i18n, &error.code, &params)
    };
    let summary = Signal::derive(move || {
        errors.with(|e| {
            e.iter()
                .map(|(field, issue)| (field.unwrap_or(first_field).to_string(), message(issue)))
                .collect::<Vec<_>>()
        })
    });
    let field_error = move |field: &'static str| {
        Signal::derive(move || errors.with(|e| e.get(&Some(field)).map(message)))
    };
    let fail = move |found: BTreeMap<Option<&'static str>, Reported>| {
        errors.set(found);
        attempt.update(|n| *n += 1);
    };

    // The form sent: `(ИИН/БИН, password)`, whichever the mode asks for.
    let submitting = Action::new_local(move |(id, secret): &(String, String)| {
        let (id, secret) = (id.clone(), secret.clone());
        let enter = enter.clone();
        async move {
            let session = match mode {
                Mode::Password => api::login(&LoginRequest {
                    iin_bin: id,
                    password: Secret::new(secret),
                    session: SessionMode::Cookie,
                })
                .await
                .map(Some),
                Mode::Test => api::test_sign_in(&TestSignInRequest {
                    iin_bin: id,
                    session: SessionMode::Cookie,
                })
                .await
                .map(Some),
                Mode::SetPassword => api::set_password(&SetPasswordRequest {
                    password: Secret::new(secret),
                })
                .await
                .map(|()| None),
            };
            match session {
                Ok(Some(session)) => {
                    errors.set(BTreeMap::new());
                    enter(session.account);
                }
                Ok(None) => {
                    errors.set(BTreeMap::new());
                    password.set(String::new());
                    saved.set(true);
                }
                Err(failure) => fail(problems_of(mode, &failure)),
            }
        }
    });
    let busy = submitting.pending();

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        // The same rules as the server first: no round trip for a typo.
        let mut found = BTreeMap::new();
        let mut id = String::new();
        if let Some(field) = mode.iin_bin_field() {
            match validation::check_iin_or_bin(&iin_bin.get_untracked()) {
                Ok(checked) => id = checked,
                Err(issue) => {
                    found.insert(Some(field), Reported::of(issue));
                }
            }
        }
        let secret = password.get_untracked();
        if let Some(field) = mode.password_field() {
            if secret.is_empty() {
                found.insert(Some(field), Reported::code("required"));
            } else if mode == Mode::SetPassword && secret.chars().count() < MIN_PASSWORD_CHARS {
                let mut short = Reported::code("too-short");
                short
                    .params
                    .push(("min".to_string(), MIN_PASSWORD_CHARS.to_string()));
                found.insert(Some(field), short);
            }
        }
        if !found.is_empty() {
            return fail(found);
        }

        submitting.dispatch((id, secret));
    };

    let password_hint = match mode {
        Mode::SetPassword => "password-hint",
        _ => "sign-in-password-hint",
    };
    let autocomplete = match mode {
        Mode::SetPassword => "new-password",
        _ => "current-password",
    };
    view! {
        <ErrorSummary errors=summary attempt=attempt.into()/>
        <Show when=move || saved.get()>
            <div class="panel panel--success" role="status"><p>{i18n.text("password-saved")}</p></div>
        </Show>
        <form novalidate on:submit=on_submit>
            {mode.iin_bin_field().map(|id| view! {
                <AccountField id label="account-iin-bin" hint="account-iin-bin-hint" value=iin_bin
                    error=field_error(id) input_type="text" input_mode="numeric" autocomplete="username"/>
            })}
            {mode.password_field().map(|id| view! {
                <AccountField id label="account-password" hint=password_hint value=password
                    error=field_error(id) input_type="password" input_mode="text" autocomplete=autocomplete/>
            })}
            <button type="submit" class="button" prop:disabled=move || busy.get()>{i18n.text(mode.submit())}</button>
        </form>
    }
}

/// The server's answer as errors on the form: a field's own problems on that field, the rest
/// for the form as a whole.
fn problems_of(mode: Mode, failure: &Failure) -> BTreeMap<Option<&'static str>, Reported> {
    let mut found = BTreeMap::new();
    if let Failure::Problem(problem) = failure {
        for error in &problem.errors {
            let field = match error.field.as_str() {
                "/iin_bin" => mode.iin_bin_field(),
                "/password" => mode.password_field(),
                _ => None,
            };
            let params = problem_params(&error.params);
            found.insert(
                field,
                Reported {
                    code: error.code.clone(),
                    params,
                },
            );
        }
    }
    if found.is_empty() {
        // The problem's own parameters (a 429's `retry_after`) go into its words.
        let params = match failure {
            Failure::Problem(problem) => problem_params(&problem.params),
            Failure::Unreachable => Vec::new(),
        };
        found.insert(
            None,
            Reported {
                code: failure.code().to_string(),
                params,
            },
        );
    }
    found
}

/// "Is this a shared device?": a check box, so the usual case costs nothing.
#[component]
fn SharedDeviceQuestion(checked: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <div class="checkbox">
                <input type="checkbox" id="account-shared-device" name="account-shared-device"
                    aria-describedby="account-shared-device-hint"
                    prop:checked=move || checked.get()
                    on:change=move |event| checked.set(event_target_checked(&event))/>
                <label for="account-shared-device">{i18n.text("account-shared-device")}</label>
                <p class="hint" id="account-shared-device-hint">{i18n.text("account-shared-device-hint")}</p>
            </div>
        </div>
    }
}

#[component]
fn AccountField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] hint: String,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    input_type: &'static str,
    input_mode: &'static str,
    autocomplete: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label class="label" for=id>{i18n.text(label)}</label>
            <p class="hint" id=hint_id>{i18n.text(hint)}</p>
            {move || error.get().map(|message| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{i18n.text("error-title-prefix")}</span>{message}
                </p>
            })}
            <input class="input" id=id name=id type=input_type inputmode=input_mode autocomplete=autocomplete
                spellcheck="false" aria-describedby=described_by aria-invalid=move || error.get().map(|_| "true")
                prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event))/>
        </div>
    }
}
