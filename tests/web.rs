//! Browser tests: the app mounted in headless Chromium (wasm-bindgen-test).
//! Run by scripts/test with `cargo test -p otinish --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use otinish::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> (web_sys::HtmlElement, impl Drop) {
    // The app downloads its messages (src/i18n/mod.rs); here they are compiled in.
    otinish::i18n::install(
        Lang::Ru,
        include_bytes!(concat!(env!("OUT_DIR"), "/ru.bin")),
    );
    otinish::i18n::install(
        Lang::Kk,
        include_bytes!(concat!(env!("OUT_DIR"), "/kk.bin")),
    );
    let document = document();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), otinish::ApplicantApp);
    (container, handle)
}

fn text_of(container: &HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_shell_switches_language_in_place() {
    let _ = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item("otinish.lang");
    let (container, _handle) = mount();
    leptos::task::tick().await;

    assert_eq!(text_of(&container, ".header__name"), "Өтініш");
    let nav = text_of(&container, ".header__nav");
    assert!(
        nav.contains("Личный кабинет") || nav.contains("Жеке кабинет"),
        "{nav}"
    );

    let kazakh: HtmlElement = container
        .query_selector("a[hreflang=kk]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    kazakh.click();
    leptos::task::tick().await;

    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("kk")
    );
    assert!(text_of(&container, ".header__nav").contains("Жеке кабинет"));
    assert_eq!(
        kazakh.get_attribute("aria-current").as_deref(),
        Some("true")
    );
    assert_eq!(
        window()
            .local_storage()
            .unwrap()
            .unwrap()
            .get_item("otinish.lang")
            .unwrap()
            .as_deref(),
        Some("kk")
    );
    assert!(text_of(&container, "footer").contains("Бірыңғай байланыс орталығы"));

    let russian: HtmlElement = container
        .query_selector("a[hreflang=ru]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    russian.click();
    leptos::task::tick().await;
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("ru")
    );
    assert!(text_of(&container, ".header__nav").contains("Личный кабинет"));
}
