//! One page of the service's own questions. Answers are checked by the same rules the server
//! applies (`otinish_core::validation`), on "Continue" (GOV.UK: never while the applicant is
//! still answering); an answer marked wrong is judged again as it is corrected.
//! A page that repeats ("add another": several objects, several addresses) shows one group
//! of its questions per item.

use super::Wizard;
use super::steps::Step;
use crate::components::{FieldInput, field_issue_message, input_id, summary_issue_message};
use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use otinish_core::catalog::{self, Field, Page, messages};
use otinish_core::{package, validation};
use std::collections::BTreeMap;

/// Where an answer sits on the page: the item and the field.
type Slot = (usize, String);

#[component]
pub fn FormPage(page: &'static Page, step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    let fields = page_fields(page);
    // The failed rule of each slot; worded at render time, so a language switch rewords it.
    let issues: RwSignal<BTreeMap<Slot, validation::Issue>> = RwSignal::new(BTreeMap::new());
    let attempt = RwSignal::new(0u32);
    let count = Memo::new(move |_| wizard.draft.with(|d| d.item_count(&page.id)));

    let check = move |item: usize, field: &'static Field| {
        let value = wizard
            .draft
            .with_untracked(|d| d.answer(&page.id, item, &field.id));
        validation::check_field(field, &value, format::today())
    };
    let judge = move |item: usize, field: &'static Field| {
        let slot = (item, field.id.clone());
        match check(item, field) {
            Ok(_) => issues.update(|i| {
                i.remove(&slot);
            }),
            Err(issue) => issues.update(|i| {
                i.insert(slot, issue);
            }),
        }
    };

    // The title's «Ошибка:» follows the errors as they are put right, not only "Continue".
    Effect::new(move |_| {
        let any = issues.with(|i| !i.is_empty());
        if attempt.get_untracked() > 0 {
            wizard.has_errors.set(any);
        }
    });

    let summary_fields = fields.clone();
    let summary = Signal::derive(move || {
        let issues = issues.get();
        let repeated = page.repeat.is_some();
        (0..count.get())
            .flat_map(|item| summary_fields.iter().map(move |f| (item, *f)))
            .filter_map(|(item, f)| {
                let issue = issues.get(&(item, f.id.clone()))?;
                // In the summary the message stands away from its field: name the field, and
                // on a repeated page its item too.
                let mut name = i18n.t(&messages::field(&f.id));
                if repeated {
                    name = i18n.t_with(
                        "wizard-item-field",
                        &[("field", name.into()), ("n", (item + 1).into())],
                    );
                }
                let field = (!repeated).then_some(f.id.as_str());
                let text = summary_issue_message(i18n, field, name, issue);
                Some((input_id(&f.id, item), text))
            })
            .collect::<Vec<_>>()
    });

    let item_fields = fields.clone();
    let render_item = move |item: usize| {
        item_fields
            .iter()
            .map(|&field| {
                let value = Signal::derive(move || {
                    wizard.draft.with(|d| d.answer(&page.id, item, &field.id))
                });
                let on_change = Callback::new(move |text: String| {
                    wizard
                        .draft
                        .update(|d| d.set_answer(&page.id, item, &field.id, text));
                    // A field already marked wrong is judged again on every keystroke, so the
                    // error goes the moment it is put right (errors appear late, leave early).
                    if issues.with_untracked(|i| i.contains_key(&(item, field.id.clone()))) {
                        judge(item, field);
                    }
                });
                let error = Signal::derive(move || {
                    issues.with(|i| {
                        i.get(&(item, field.id.clone()))
                            .map(|issue| field_issue_message(i18n, &field.id, issue))
                    })
                });
                let shown = move || {
                    wizard
                        .draft
                        .with(|d| package::shown(field, &d.item(&page.id, item)))
                };
                view! {
                    <Show when=shown>
                        <FieldInput field value on_change error item/>
                    </Show>
                }
            })
            .collect_view()
    };

    let body = match &page.repeat {
        None => render_item(0).into_any(),
        Some(repeat) => {
            // Said politely after a removal: the button pressed is gone with its item.
            let removed = RwSignal::new(String::new());
            let remove = move |item: usize| {
                let legend =
                    i18n.t_with(&messages::page_item(&page.id), &[("n", (item + 1).into())]);
                wizard.draft.update(|d| d.remove_item(&page.id, item));
                removed.set(i18n.t_with("wizard-item-removed", &[("item", legend.into())]));
                // The focus goes to the item now in its place, or the one before the last.
                let focus = item.min(count.get_untracked().saturating_sub(1));
                let id = item_id(&page.id, focus);
                request_animation_frame(move || focus_element(&id));
                // Errors follow their items: drop the removed one's, renumber the rest.
                issues.update(|i| {
                    *i = std::mem::take(i)
                        .into_iter()
                        .filter(|((n, _), _)| *n != item)
                        .map(|((n, f), issue)| ((if n > item { n - 1 } else { n }, f), issue))
                        .collect();
                });
            };
            let items = move || {
                (0..count.get())
                    .map(|item| {
                        let legend = Signal::derive(move || {
                            i18n.t_with(&messages::page_item(&page.id), &[("n", (item + 1).into())])
                        });
                        let removable = count.get() > (repeat.min as usize).max(1);
                        view! {
                            <fieldset class="fieldset repeat-item" id=item_id(&page.id, item) tabindex="-1">
                                <legend class="fieldset__legend--m">{legend}</legend>
                                {render_item(item)}
                                <Show when=move || removable>
                                    <button type="button" class="button button--secondary"
                                        on:click=move |_| remove(item)>
                                        {i18n.text("wizard-remove")}
                                        <span class="visually-hidden">" " {legend}</span>
                                    </button>
                                </Show>
                            </fieldset>
                        }
                    })
                    .collect_view()
            };
            let can_add = move || count.get() < repeat.max as usize;
            let first_field = StoredValue::new(fields.first().map(|f| f.id.clone()));
            let add = move |_| {
                wizard.draft.update(|d| d.add_item(&page.id));
                // Focus the first question of the new item, so keyboard users land in it.
                let new_item = count.get_untracked().saturating_sub(1);
                if let Some(first) = first_field.get_value() {
                    let id = input_id(&first, new_item);
                    request_animation_frame(move || focus_element(&id));
                }
            };
            view! {
                {items}
                <p class="visually-hidden" role="status">{move || removed.get()}</p>
                <Show when=can_add>
                    <button type="button" class="button button--secondary" on:click=add>
                        {i18n.text(messages::page_add(&page.id))}
                    </button>
                </Show>
            }
            .into_any()
        }
    };

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut found = BTreeMap::new();
        for item in 0..count.get_untracked() {
            let answers = wizard.draft.with_untracked(|d| d.item(&page.id, item));
            for &field in &page_fields(page) {
                if !package::shown(field, &answers) {
                    continue;
                }
                match check(item, field) {
                    // Keep the answer as the rules write it (a phone as +7…), so the check page
                    // and the server see one form.
                    Ok(normalised) => wizard
                        .draft
                        .update(|d| d.set_answer(&page.id, item, &field.id, normalised)),
                    Err(issue) => {
                        found.insert((item, field.id.clone()), issue);
                    }
                }
            }
        }
        let failed = !found.is_empty();
        issues.set(found);
        if failed {
            attempt.update(|n| *n += 1);
        } else {
            wizard.advance(&step);
        }
    };

    super::show_error_summary(summary, attempt.into());
    view! {
        <form novalidate on:submit=on_submit>
            {body}
            <button type="submit" class="button">{i18n.text("wizard-continue")}</button>
        </form>
    }
}

/// The id of an item's group on a repeated page, to move the focus to.
fn item_id(page: &str, item: usize) -> String {
    format!("item-{page}-{}", item + 1)
}

fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

fn page_fields(page: &Page) -> Vec<&'static Field> {
    page.fields
        .iter()
        .filter_map(|id| catalog::catalog().field(id))
        .collect()
}
