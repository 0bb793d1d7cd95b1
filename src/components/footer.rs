use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The contact centre and the legal note every page carries.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="footer">
            <div class="footer__inner">
                <p class="footer__contact">
                    {i18n.text("footer-contact-centre")} " "
                    <a href="tel:1414" class="footer__phone">"1414"</a>
                </p>
                <p class="footer__note">{i18n.text("footer-free-call")}</p>
                <p class="footer__note">{i18n.text("footer-disclaimer")}</p>
            </div>
        </footer>
    }
}
