//! Who is signed in. The session itself is an HttpOnly cookie the app cannot read; the app
//! asks the backend (`/auth/me`) at start and keeps the answer here.

use crate::split::SplitLoaderError;
use crate::{api, draft};
use leptos::prelude::*;
use leptos::task::spawn_local;
use otinish_core::api::Account;

#[derive(Debug, Clone, Copy)]
pub struct Auth {
    pub account: RwSignal<Option<Account>>,
    /// Whether the first `/auth/me` has answered.
    pub known: RwSignal<bool>,
}

impl Auth {
    /// `shared`: the applicant said this device is shared, so their drafts are kept only
    /// until the browser closes.
    pub fn signed_in_as(self, account: Account, shared: bool) {
        remember(true);
        draft::signed_in(account.iin_bin(), shared);
        self.account.set(Some(account));
    }

    /// Forgets everything of the applicant in this browser at once, even if the backend is
    /// out of reach: the next person at this device must not find it.
    pub fn sign_out(self) {
        draft::forget_all();
        remember(false);
        self.account.set(None);
        spawn_local(async move {
            let _ = api::logout().await;
        });
    }

    /// The session ended by itself (idle too long, or ended elsewhere): nobody is signed in
    /// any more, but the applicant's drafts stay, shown to nobody else, for when they sign
    /// back in; another account signing in here forgets them (`draft::signed_in`).
    pub fn session_ended(self) {
        remember(false);
        self.account.set(None);
        spawn_local(async move {
            let _ = api::logout().await;
        });
    }

    /// The ИИН/БИН the signed-in applicant's drafts are kept under.
    pub fn owner(self) -> Option<String> {
        self.account
            .try_with_untracked(|a| draft::owner_of(a.as_ref()))
            .flatten()
    }
}

/// The session cookie is HttpOnly, so the app cannot see it. A flag of its own says whether
/// there may be a session to ask the backend about: a visitor who never signed in is not
/// sent a 401 on every page.
const SIGNED_IN_KEY: &str = "otinish.signed-in";

fn remember(signed_in: bool) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = if signed_in {
            storage.set_item(SIGNED_IN_KEY, "1")
        } else {
            storage.remove_item(SIGNED_IN_KEY)
        };
    }
}

fn maybe_signed_in() -> bool {
    // A prerendered page is nobody's: it shows the link to sign in.
    crate::IN_BROWSER
        && window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(SIGNED_IN_KEY).ok().flatten())
            .is_some()
}

pub fn provide_auth() -> Auth {
    let auth = Auth {
        account: RwSignal::new(None),
        known: RwSignal::new(false),
    };
    provide_context(auth);
    if maybe_signed_in() {
        spawn_local(async move {
            match ask_who_is_signed_in(auth).await {
                Ok(asking) => asking.await,
                // Its module did not arrive: as when the backend does not answer, the page
                // shows the link to sign in.
                Err(_) => auth.known.set(true),
            }
        });
    } else {
        auth.known.set(true);
    }
    auth
}

split_off! {
    module: signed_in;
    /// Asks the backend whose session this is (`/auth/me`). Split off (src/split.rs), with
    /// what else only someone signed in uses: most first visits are by nobody who has signed
    /// in, and the pages draw without it.
    fn ask_who_is_signed_in(auth: Auth) -> Result<LocalFuture, SplitLoaderError> {
        Ok(Box::pin(async move {
            match api::me().await {
                Ok(account) => {
                    draft::signed_in(account.iin_bin(), draft::shared_device());
                    auth.account.set(Some(account));
                }
                // The session ended (expired, or signed out elsewhere).
                Err(api::Failure::Problem(_)) => remember(false),
                Err(api::Failure::Unreachable) => {}
            }
            auth.known.set(true);
        }))
    }
}

/// A future split off with what it runs (an `async fn` cannot be split off itself).
type LocalFuture = std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// The applicant's name as the registry writes it.
pub fn display_name(account: &Account) -> String {
    match account {
        Account::Individual(person) => [
            Some(person.last_name.as_str()),
            Some(person.first_name.as_str()),
            person.middle_name.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" "),
        Account::LegalEntity(entity) => entity.name.clone(),
    }
}

/// The sign-in page that brings the applicant back to `next` (a path of this app, with its
/// query) once signed in.
pub fn sign_in_href(next: &str) -> String {
    match web_sys::UrlSearchParams::new() {
        Ok(params) => {
            params.set("next", next);
            format!("/sign-in?{}", String::from(params.to_string()))
        }
        Err(_) => "/sign-in".to_string(),
    }
}

/// The path and query of the page the applicant is on, as the router has it, to come back to
/// after signing in.
pub fn use_current_path() -> impl Fn() -> String + Copy + 'static {
    let location = crate::router::use_location();
    move || {
        let path = location.pathname.get_untracked();
        let search = location.search.get_untracked();
        match search.as_str() {
            "" | "?" => path,
            search if search.starts_with('?') => format!("{path}{search}"),
            search => format!("{path}?{search}"),
        }
    }
}
