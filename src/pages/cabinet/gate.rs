//! Only the signed-in applicant sees the cabinet: anyone else is asked to sign in and is
//! brought back to the same page afterwards.

use crate::api::Failure;
use crate::i18n::use_i18n;
use crate::session::{Auth, sign_in_href, use_auth, use_current_path};
use leptos::prelude::*;

#[component]
pub fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let signed_in = Memo::new(move |_| auth.account.with(Option::is_some));
    let current_path = use_current_path();
    move || {
        if !auth.known.get() {
            view! { <p class="secondary">{i18n.text("cabinet-checking")}</p> }.into_any()
        } else if signed_in.get() {
            children().into_any()
        } else {
            let next = current_path();
            view! {
                <p>{i18n.text("cabinet-sign-in-intro")}</p>
                <p><a class="button" href=sign_in_href(&next)>{i18n.text("cabinet-sign-in")}</a></p>
            }
            .into_any()
        }
    }
}

/// A `401` means the session has ended (expired, or signed out in another tab): the page
/// falls back to asking to sign in. Whatever was typed is in the browser's drafts.
pub fn note_failure(auth: Auth, failure: &Failure) {
    if failure.status() == Some(401) {
        auth.account.set(None);
    }
}
