//! One page of the service's own questions. Answers are checked by the same rules the server
//! applies (`otinish_core::validation`): a field when it is left, the whole page on "Continue".

use super::Wizard;
use super::steps::Step;
use crate::components::{ErrorSummary, FieldInput, input_id, issue_message};
use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use otinish_core::catalog::{self, Field, Page, messages};
use otinish_core::validation;
use std::collections::BTreeMap;

/// Whether a field is shown, given the other answers on its page.
pub fn visible(field: &Field, answers: &BTreeMap<String, String>) -> bool {
    field
        .when
        .as_ref()
        .is_none_or(|condition| answers.get(&condition.field) == Some(&condition.equals))
}

#[component]
pub fn FormPage(page: &'static Page, step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    let fields: Vec<&'static Field> = page
        .fields
        .iter()
        .filter_map(|id| catalog::catalog().field(id))
        .collect();
    // Field id → the failed rule; worded at render time, so a language switch rewords it.
    let issues: RwSignal<BTreeMap<String, validation::Issue>> = RwSignal::new(BTreeMap::new());
    let attempt = RwSignal::new(0u32);

    let page_answers = move || {
        wizard
            .draft
            .with(|d| d.answers.get(&page.id).cloned().unwrap_or_default())
    };
    let check = move |field: &'static Field| -> Result<String, validation::Issue> {
        let value = wizard
            .draft
            .with_untracked(|d| d.answer(&page.id, &field.id));
        validation::check_field(field, &value, format::today())
    };

    let summary_fields = fields.clone();
    let summary = Signal::derive(move || {
        let issues = issues.get();
        summary_fields
            .iter()
            .filter_map(|f| {
                issues.get(&f.id).map(|issue| {
                    // In the summary the message stands away from its field: name the field.
                    let item = i18n.t_with(
                        "error-summary-item",
                        &[
                            ("field", i18n.t(&messages::field(&f.id)).into()),
                            ("message", issue_message(i18n, issue).into()),
                        ],
                    );
                    (input_id(&f.id), item)
                })
            })
            .collect::<Vec<_>>()
    });

    let inputs = fields
        .iter()
        .map(|&field| {
            let value =
                Signal::derive(move || wizard.draft.with(|d| d.answer(&page.id, &field.id)));
            let on_change = Callback::new(move |text: String| {
                wizard
                    .draft
                    .update(|d| d.set_answer(&page.id, &field.id, text));
            });
            let on_leave = Callback::new(move |()| {
                // Inline feedback only once there is something to judge, or an error to clear.
                let typed = !wizard
                    .draft
                    .with_untracked(|d| d.answer(&page.id, &field.id))
                    .is_empty();
                if typed || issues.with_untracked(|i| i.contains_key(&field.id)) {
                    match check(field) {
                        Ok(_) => issues.update(|i| {
                            i.remove(&field.id);
                        }),
                        Err(issue) => issues.update(|i| {
                            i.insert(field.id.clone(), issue);
                        }),
                    }
                }
            });
            let error = Signal::derive(move || {
                issues.with(|i| i.get(&field.id).map(|issue| issue_message(i18n, issue)))
            });
            view! {
                <Show when=move || visible(field, &page_answers())>
                    <FieldInput field value on_change on_leave error/>
                </Show>
            }
        })
        .collect_view();

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let answers = page_answers();
        let mut found = BTreeMap::new();
        for &field in &fields {
            if !visible(field, &answers) {
                continue;
            }
            match check(field) {
                // Keep the answer as the rules write it (a phone as +7…), so the check page
                // and the server see one form.
                Ok(normalised) => wizard
                    .draft
                    .update(|d| d.set_answer(&page.id, &field.id, normalised)),
                Err(issue) => {
                    found.insert(field.id.clone(), issue);
                }
            }
        }
        let failed = !found.is_empty();
        issues.set(found);
        wizard.has_errors.set(failed);
        if failed {
            attempt.update(|n| *n += 1);
        } else {
            wizard.advance(&step);
        }
    };

    view! {
        <ErrorSummary errors=summary attempt=attempt.into()/>
        <form novalidate on:submit=on_submit>
            {inputs}
            <button type="submit" class="button">{i18n.text("wizard-continue")}</button>
        </form>
    }
}
