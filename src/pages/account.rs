//! `/sign-in` and `/register`: ИИН/БИН and password, as the portal of the regulations has
//! it. One form for both: they differ only in the call they make and the words they use.

use crate::api::{self, Failure};
use crate::components::{ErrorSummary, error_message, problem_params, use_page_title};
use crate::i18n::use_i18n;
use crate::query;
use crate::session::use_auth;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use otinish_core::api::{LoginRequest, RegisterRequest, Secret, SessionMode};
use otinish_core::validation;
use std::collections::BTreeMap;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    SignIn,
    Register,
}

impl Mode {
    /// The message id of a text of this form: `sign-in-title`, `register-title`…
    fn text(self, part: &str) -> String {
        match self {
            Mode::SignIn => format!("sign-in-{part}"),
            Mode::Register => format!("register-{part}"),
        }
    }
}

const IIN_BIN: &str = "account-iin-bin";
const PASSWORD: &str = "account-password";
/// The contract's minimum for a password that is the only factor (see `api/openapi.yaml`).
const MIN_PASSWORD_CHARS: usize = 15;

#[component]
pub fn SignInPage() -> impl IntoView {
    view! { <FormUnlessSignedIn mode=Mode::SignIn/> }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    view! { <FormUnlessSignedIn mode=Mode::Register/> }
}

/// The form, or, for an applicant already signed in, who they are signed in as and the ways
/// on: where they were going, or signing out to sign in as someone else.
#[component]
fn FormUnlessSignedIn(mode: Mode) -> impl IntoView {
    let auth = use_auth();
    let signed_in = Memo::new(move |_| auth.account.with(Option::is_some));
    move || {
        if signed_in.get() {
            view! { <AlreadySignedIn/> }.into_any()
        } else {
            view! { <AccountForm mode/> }.into_any()
        }
    }
}

#[component]
fn AlreadySignedIn() -> impl IntoView {
    let i18n = use_i18n();
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

/// Where to go once signed in: `?next=` if it is a path of this app, else the cabinet.
fn next_page() -> String {
    query::get("next")
        .filter(|next| next.starts_with('/') && !next.starts_with("//"))
        .unwrap_or_else(|| "/cabinet".into())
}

#[component]
fn AccountForm(mode: Mode) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let iin_bin = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    // Asked, not assumed: on a shared device nothing of the applicant's outlives the browser.
    let shared_device = RwSignal::new(false);
    // Field id → problem code and its parameters; `None` key = the form as a whole.
    let errors: RwSignal<BTreeMap<Option<&'static str>, Reported>> = RwSignal::new(BTreeMap::new());
    let attempt = RwSignal::new(0u32);
    // Taken now: after an `await` the router's context is no longer at hand.
    let navigate = use_navigate();
    let title = mode.text("title");
    use_page_title(move || {
        let title = i18n.t(&title);
        if errors.with(|e| e.is_empty()) {
            title
        } else {
            format!("{}{title}", i18n.t("error-title-prefix"))
        }
    });

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
                .map(|(field, issue)| (field.unwrap_or(IIN_BIN).to_string(), message(issue)))
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

    // Signing in (or registering) is one write: Leptos's action keeps whether it is under
    // way, and its answer outlives nothing it should not (the page may be left meanwhile).
    let submit = Action::new_local(move |(id, password): &(String, Secret)| {
        let (iin_bin, password) = (id.clone(), password.clone());
        async move {
            match mode {
                Mode::SignIn => {
                    let request = LoginRequest {
                        iin_bin,
                        password,
                        session: SessionMode::Cookie,
                    };
                    api::login(&request).await
                }
                Mode::Register => {
                    let request = RegisterRequest {
                        iin_bin,
                        password,
                        session: SessionMode::Cookie,
                    };
                    api::register(&request).await
                }
            }
        }
    });
    let busy = submit.pending();
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(session)) => {
            errors.set(BTreeMap::new());
            auth.signed_in_as(session.account, shared_device.get_untracked());
            navigate(&next_page(), Default::default());
        }
        Some(Err(failure)) => fail(problems_of(&failure)),
        None => {}
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        // The same rules as the server first: no round trip for a typo.
        let mut found = BTreeMap::new();
        let typed_id = iin_bin.get_untracked();
        let id = match validation::check_iin_or_bin(&typed_id) {
            Ok(id) => Some(id),
            Err(issue) => {
                found.insert(Some(IIN_BIN), Reported::of(issue));
                None
            }
        };
        let secret = password.get_untracked();
        if secret.is_empty() {
            found.insert(Some(PASSWORD), Reported::code("required"));
        } else if mode == Mode::Register && secret.chars().count() < MIN_PASSWORD_CHARS {
            let mut short = Reported::code("too-short");
            short
                .params
                .push(("min".to_string(), MIN_PASSWORD_CHARS.to_string()));
            found.insert(Some(PASSWORD), short);
        }
        let Some(id) = id.filter(|_| found.is_empty()) else {
            return fail(found);
        };

        submit.dispatch_local((id, Secret::new(secret)));
    };

    let other_link = match mode {
        Mode::SignIn => ("/register", "sign-in-no-account"),
        Mode::Register => ("/sign-in", "register-have-account"),
    };
    let password_autocomplete = if mode == Mode::SignIn {
        "current-password"
    } else {
        "new-password"
    };

    view! {
        <ErrorSummary errors=summary attempt=attempt.into()/>
        <h1>{i18n.text(mode.text("title"))}</h1>
        <p class="lead">{i18n.text(mode.text("intro"))}</p>
        <form novalidate on:submit=on_submit>
            <AccountField id=IIN_BIN label="account-iin-bin" hint="account-iin-bin-hint" value=iin_bin
                error=field_error(IIN_BIN) input_type="text" input_mode="numeric" autocomplete="username"/>
            <AccountField id=PASSWORD label="account-password" hint=mode.text("password-hint") value=password
                error=field_error(PASSWORD) input_type="password" input_mode="text" autocomplete=password_autocomplete/>
            <SharedDevice checked=shared_device/>
            <button type="submit" class="button" prop:disabled=move || busy.get()>{i18n.text(mode.text("submit"))}</button>
        </form>
        <p class="account-switch"><A href=other_link.0>{i18n.text(other_link.1)}</A></p>
    }
}

/// The server's answer as errors on the form: a field's own problems on that field, the rest
/// for the form as a whole.
fn problems_of(failure: &Failure) -> BTreeMap<Option<&'static str>, Reported> {
    let mut found = BTreeMap::new();
    if let Failure::Problem(problem) = failure {
        for error in &problem.errors {
            let field = match error.field.as_str() {
                "/iin_bin" => Some(IIN_BIN),
                "/password" => Some(PASSWORD),
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
fn SharedDevice(checked: RwSignal<bool>) -> impl IntoView {
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
