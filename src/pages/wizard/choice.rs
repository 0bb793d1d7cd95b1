//! The two questions the catalog itself asks: which sub-case, and which provider. One
//! component, driven by the options each question has.

use super::Wizard;
use super::steps::Step;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use otinish_core::catalog::{self, Service, Target, messages};

/// One option: its value, its label's message id and an optional hint's message id.
struct Choice {
    value: String,
    label: String,
    hint: Option<String>,
}

#[component]
pub fn SubCaseChoice(step: Step) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let choices = wizard
        .service
        .sub_cases
        .iter()
        .map(|case| Choice {
            value: messages::key(case),
            label: messages::of("sub-case", case),
            hint: None,
        })
        .collect();
    let current =
        Signal::derive(move || wizard.draft.with(|d| d.sub_case.map(|c| messages::key(&c))));
    let choose = Callback::new(move |value: String| {
        let case = wizard
            .service
            .sub_cases
            .iter()
            .copied()
            .find(|c| messages::key(c) == value);
        wizard.draft.update(|d| d.sub_case = case.or(d.sub_case));
    });
    view! { <Choices step choices current choose legend="wizard-sub-case-legend" error="wizard-error-choose-sub-case"/> }
}

/// Licence, annex, or both: «лицензия и (или) приложение к лицензии».
#[component]
pub fn TargetsChoice(step: Step) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let options = target_options(wizard.service);
    let choices = options
        .iter()
        .map(|(value, label, _)| Choice {
            value: value.to_string(),
            label: label.to_string(),
            hint: None,
        })
        .collect();
    let current = Signal::derive(move || {
        let chosen = wizard.draft.with(|d| d.targets.clone());
        target_options(wizard.service)
            .into_iter()
            .find(|(_, _, targets)| *targets == chosen)
            .map(|(v, _, _)| v.to_string())
    });
    let choose = Callback::new(move |value: String| {
        if let Some((_, _, targets)) = target_options(wizard.service)
            .into_iter()
            .find(|(v, _, _)| *v == value)
        {
            wizard.draft.update(|d| d.targets = targets);
        }
    });
    view! { <Choices step choices current choose legend="wizard-targets-legend" error="wizard-error-choose-targets"/> }
}

/// `(value, label message, targets)` of each answer to the licence-or-annex question.
pub fn target_options(service: &Service) -> Vec<(&'static str, &'static str, Vec<Target>)> {
    let mut options = Vec::new();
    if service.targets.contains(&Target::Licence) {
        options.push(("licence", "target-licence", vec![Target::Licence]));
    }
    if service.targets.contains(&Target::Annex) {
        options.push(("annex", "target-annex", vec![Target::Annex]));
    }
    if service.targets.len() == 2 {
        options.push((
            "both",
            "wizard-targets-both",
            vec![Target::Licence, Target::Annex],
        ));
    }
    options
}

#[component]
pub fn ProviderChoice(step: Step) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let choices = wizard
        .service
        .provisions
        .iter()
        .map(|p| Choice {
            value: p.provider.clone(),
            label: messages::provider(&p.provider),
            hint: catalog::catalog()
                .provider(&p.provider)
                .and_then(|p| p.region)
                .map(|r| messages::of("region", &r)),
        })
        .collect();
    let current = Signal::derive(move || wizard.draft.with(|d| d.provider.clone()));
    let choose =
        Callback::new(move |value: String| wizard.draft.update(|d| d.provider = Some(value)));
    view! { <Choices step choices current choose legend="wizard-provider-legend" error="wizard-error-choose-provider"/> }
}

#[component]
fn Choices(
    step: Step,
    choices: Vec<Choice>,
    current: Signal<Option<String>>,
    choose: Callback<String>,
    legend: &'static str,
    error: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    let attempt = RwSignal::new(0u32);
    let show_error = RwSignal::new(false);
    let first_id = choices
        .first()
        .map(|c| format!("choice-{}", c.value))
        .unwrap_or_default();
    let errors = Signal::derive(move || {
        if show_error.get() {
            vec![(first_id.clone(), i18n.t(error))]
        } else {
            Vec::new()
        }
    });
    let items = choices
        .into_iter()
        .map(|choice| {
            let id = format!("choice-{}", choice.value);
            let value = choice.value.clone();
            let checked = { let value = value.clone(); move || current.get().as_deref() == Some(value.as_str()) };
            view! {
                <div class="checkbox radio">
                    <input type="radio" name="choice" id=id.clone() value=value.clone() prop:checked=checked
                        on:change=move |_| { show_error.set(false); choose.run(value.clone()) }/>
                    <label for=id>
                        {i18n.text(choice.label)}
                        {choice.hint.map(|hint| view! { <br/><span class="secondary">{i18n.text(hint)}</span> })}
                    </label>
                </div>
            }
        })
        .collect_view();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if current.get_untracked().is_none() {
            show_error.set(true);
            wizard.has_errors.set(true);
            attempt.update(|n| *n += 1);
        } else {
            wizard.has_errors.set(false);
            wizard.advance(&step);
        }
    };
    super::show_error_summary(errors, attempt.into());
    view! {
        <form novalidate on:submit=on_submit>
            <div class="field" class:field--error=move || show_error.get()>
                <fieldset class="fieldset">
                    <legend class="visually-hidden">{i18n.text(legend)}</legend>
                    <Show when=move || show_error.get()>
                        <p class="error-message">{i18n.text(error)}</p>
                    </Show>
                    <div class="checkboxes">{items}</div>
                </fieldset>
            </div>
            <button type="submit" class="button">{i18n.text("wizard-continue")}</button>
        </form>
    }
}
