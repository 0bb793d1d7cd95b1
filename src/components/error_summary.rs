use crate::i18n::use_i18n;
use leptos::html::Div;
use leptos::prelude::*;

/// The GOV.UK error summary: at the top of the page after a failed "Continue", focused so a
/// screen reader announces it, each error linking to its field.
#[component]
pub fn ErrorSummary(
    /// `(input id, message)` of each error, in page order; an id that starts with `/` is the
    /// address of another page.
    errors: Signal<Vec<(String, String)>>,
    /// Bumped on each failed "Continue": moves focus to the summary again.
    attempt: Signal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if attempt.get() > 0
            && let Some(element) = node.get()
        {
            let _ = element.focus();
        }
    });
    let items = move || {
        errors
            .get()
            .into_iter()
            .map(|(input, message)| {
                // A gap found on another page links there.
                if input.starts_with('/') {
                    return view! { <li><a href=input>{message}</a></li> }.into_any();
                }
                let href = format!("#{input}");
                let on_click = move |event: leptos::ev::MouseEvent| {
                    // The router would treat the fragment as a navigation: focus the field instead.
                    event.prevent_default();
                    if let Some(element) = document().get_element_by_id(&input) {
                        use wasm_bindgen::JsCast;
                        let target = element
                            .query_selector("input")
                            .ok()
                            .flatten()
                            .unwrap_or(element)
                            .dyn_into::<web_sys::HtmlElement>();
                        if let Ok(target) = target {
                            let _ = target.focus();
                        }
                    }
                };
                view! { <li><a href=href on:click=on_click>{message}</a></li> }.into_any()
            })
            .collect_view()
    };
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title" node_ref=node>
                <h2 class="error-summary__title" id="error-summary-title">{i18n.text("error-summary-title")}</h2>
                <ul class="error-summary__list">{items}</ul>
            </div>
        </Show>
    }
}
