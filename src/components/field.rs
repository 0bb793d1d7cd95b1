//! One question of a form page, rendered from its catalog definition: the right input for
//! the field's kind, with its label, hint and error, the `autocomplete` token and the phone
//! keyboard that fit it.

use crate::i18n::Arg;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use otinish_core::catalog::{Field, FieldKind, messages};
use otinish_core::validation::Issue;

/// The message of a rule's failure, e.g. "Введите ИИН из 12 цифр".
pub fn issue_message(i18n: I18n, issue: &Issue) -> String {
    let params: Vec<(&str, &str)> = issue
        .params
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    error_message(i18n, issue.code, &params)
}

/// The words for a question left unanswered, when the texts have them for this question
/// (`wizard-required-<field>`: «Введите контактный телефон», as GOV.UK asks: say what to
/// do, not only that something is wrong).
pub fn unanswered_message(i18n: I18n, field: &str, issue: &Issue) -> Option<String> {
    let id = format!("wizard-required-{field}");
    (issue.code == "required" && crate::i18n::has(i18n.lang.get(), &id, None)).then(|| i18n.t(&id))
}

/// A field's problem beside the field: what to answer, else the rule's words.
pub fn field_issue_message(i18n: I18n, field: &str, issue: &Issue) -> String {
    unanswered_message(i18n, field, issue).unwrap_or_else(|| issue_message(i18n, issue))
}

/// A field's problem in the error summary, away from the field: what to answer, else the
/// field's name and the rule's words (`error-summary-item`). `field` is `None` where the
/// name says more than the question's own words can (an item of a repeated page).
pub fn summary_issue_message(
    i18n: I18n,
    field: Option<&str>,
    name: String,
    issue: &Issue,
) -> String {
    let specific = field.and_then(|field| unanswered_message(i18n, field, issue));
    specific.unwrap_or_else(|| {
        i18n.t_with(
            "error-summary-item",
            &[
                ("field", name.into()),
                ("message", issue_message(i18n, issue).into()),
            ],
        )
    })
}

/// The message `error-<code>` with its parameters: the words for a rule's code or a server's.
pub fn error_message(i18n: I18n, code: &str, params: &[(&str, &str)]) -> String {
    let args: Vec<(&str, Arg)> = params
        .iter()
        .map(|(name, value)| {
            // Numbers stay numbers, so that a message can choose its plural form; dates and
            // file types are written as the applicant reads them.
            let value = if let Ok(number) = value.parse::<f64>() {
                Arg::from(number)
            } else if let Some(date) = crate::format::iso_date(value) {
                Arg::from(crate::format::date(i18n, date))
            } else if *name == "accepted" {
                Arg::from(
                    value
                        .split(',')
                        // As the documents' hints write them (JPG, the name people know).
                        .map(|id| match id {
                            "jpeg" => "JPG".to_string(),
                            other => other.to_uppercase(),
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            } else {
                Arg::from(value.to_string())
            };
            (*name, value)
        })
        .collect();
    let id = format!("error-{code}");
    // A code this app has no words for (a later backend's, which the contract's extension
    // policy allows) gets the general message, never its id.
    let id = if crate::i18n::has(i18n.lang.get(), &id, None) {
        id
    } else {
        "error-other".to_string()
    };
    i18n.t_with(&id, &args)
}

/// The message of a server's problem or field error: its code and JSON parameters, lists
/// joined by commas, a byte limit put in megabytes as the applicant reads it.
pub fn problem_message(i18n: I18n, code: &str, params: &otinish_core::api::Params) -> String {
    let texts = problem_params(params);
    let pairs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    error_message(i18n, code, &pairs)
}

/// What went wrong with a call, in words: the first field error when there is one (it is
/// the precise one, e.g. `file-too-large` with its limit), else the problem itself.
pub fn failure_message(i18n: I18n, failure: &crate::api::Failure) -> String {
    match failure {
        crate::api::Failure::Problem(problem) => match problem.errors.first() {
            Some(error) => problem_message(i18n, &error.code, &error.params),
            None => problem_message(i18n, &problem.code, &problem.params),
        },
        crate::api::Failure::Unreachable => error_message(i18n, "unreachable", &[]),
    }
}

/// A problem's JSON parameters as text.
pub fn problem_params(params: &otinish_core::api::Params) -> Vec<(String, String)> {
    params
        .iter()
        .map(|(name, value)| {
            let text = match value {
                serde_json::Value::String(text) => text.clone(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|item| {
                        item.as_str()
                            .map_or_else(|| item.to_string(), str::to_owned)
                    })
                    .collect::<Vec<_>>()
                    .join(","),
                other => other.to_string(),
            };
            if name == "max_bytes" {
                let megabytes = value.as_u64().unwrap_or(0) / (1024 * 1024);
                ("megabytes".to_string(), megabytes.to_string())
            } else {
                (name.clone(), text)
            }
        })
        .collect()
}

/// The id of a field's input, which the error summary links to. Items of a repeated page
/// after the first carry their number.
pub fn input_id(field: &str, item: usize) -> String {
    match item {
        0 => format!("field-{field}"),
        n => format!("field-{field}-{}", n + 1),
    }
}

#[component]
pub fn FieldInput(
    field: &'static Field,
    value: Signal<String>,
    on_change: Callback<String>,
    error: Signal<Option<String>>,
    /// The item of a repeated page ("add another"); 0 on a page answered once.
    #[prop(optional)]
    item: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = input_id(&field.id, item);
    // Radios of different items must not form one group.
    let name = id.clone();
    let label_id = messages::field(&field.id);
    let is_date = field.kind == FieldKind::Date;
    let hint = Signal::derive(move || {
        i18n.attr(&label_id, "hint")
            .or_else(|| is_date.then(|| i18n.t("wizard-date-hint")))
    });
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.with(Option::is_some) {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let label = i18n.text(messages::field(&field.id));
    let optional = (!field.required)
        .then(|| view! { " " <span class="secondary">{i18n.text("wizard-optional")}</span> });
    let hint_view = {
        let hint_id = hint_id.clone();
        move || {
            hint.get()
                .map(|text| view! { <p class="hint" id=hint_id.clone()>{text}</p> })
        }
    };
    let error_view = {
        let error_id = error_id.clone();
        move || {
            error.get().map(|message| {
                view! {
                    <p class="error-message" id=error_id.clone()>
                        <span class="visually-hidden">{i18n.text("error-title-prefix")}</span>
                        {message}
                    </p>
                }
            })
        }
    };
    let has_error = move || error.get().is_some();

    let control = match field.kind {
        // GOV.UK's date input: day, month and year, each a box of digits. The browser's own
        // picker wrote mm/dd/yyyy on a Kazakh page.
        FieldKind::Date => {
            let part = |index: usize,
                        suffix: &'static str,
                        label: &'static str,
                        width: &'static str| {
                let input_id = if index == 0 {
                    id.clone()
                } else {
                    format!("{id}-{suffix}")
                };
                let input_name = format!("{name}-{suffix}");
                let on_input = move |event: leptos::ev::Event| {
                    let mut parts = date_parts(&value.get_untracked());
                    parts[index] = event_target_value(&event).trim().to_string();
                    on_change.run(joined_date(&parts));
                };
                view! {
                    <div class="date-input__item">
                        <label class="label date-input__label" for=input_id.clone()>{i18n.text(label)}</label>
                        <input class=format!("input date-input__input {width}") id=input_id name=input_name
                            type="text" inputmode="numeric" spellcheck="false"
                            autocomplete=if index == 0 && field.autocomplete.is_some() { field.autocomplete.clone() } else { None }
                            aria-invalid=move || has_error().then_some("true")
                            prop:value=move || date_parts(&value.get())[index].clone()
                            on:input=on_input/>
                    </div>
                }
            };
            return view! {
                <div class="field" class:field--error=has_error>
                    <fieldset class="fieldset" role="group" aria-describedby=described_by>
                        <legend>{label} {optional}</legend>
                        {hint_view}
                        {error_view}
                        <div class="date-input">
                            {part(0, "day", "wizard-date-day", "input--width-2")}
                            {part(1, "month", "wizard-date-month", "input--width-2")}
                            {part(2, "year", "wizard-date-year", "input--width-4")}
                        </div>
                    </fieldset>
                </div>
            }
            .into_any();
        }
        FieldKind::Radio | FieldKind::YesNo | FieldKind::Checkboxes => {
            let choices = choices(field);
            let multiple = field.kind == FieldKind::Checkboxes;
            let items = choices
                .into_iter()
                .map(|(value_id, label_id)| {
                    let option_id = format!("{id}-{value_id}");
                    let checked_value = value_id.clone();
                    let checked = move || {
                        let current = value.get();
                        if multiple { current.split(',').any(|v| v == checked_value) } else { current == checked_value }
                    };
                    let on_input = {
                        let value_id = value_id.clone();
                        move |event: leptos::ev::Event| {
                            let on = event_target_checked(&event);
                            let next = if multiple { toggle(&value.get_untracked(), &value_id, on) } else { value_id.clone() };
                            on_change.run(next);
                        }
                    };
                    view! {
                        <div class=if multiple { "checkbox" } else { "checkbox radio" }>
                            <input type=if multiple { "checkbox" } else { "radio" } id=option_id.clone()
                                name=name.clone() value=value_id prop:checked=checked on:change=on_input/>
                            <label for=option_id>{i18n.text(label_id)}</label>
                        </div>
                    }
                })
                .collect_view();
            return view! {
                <div class="field" class:field--error=has_error>
                    <fieldset class="fieldset" aria-describedby=described_by>
                        <legend>{label} {optional}</legend>
                        {hint_view}
                        {error_view}
                        <div class="checkboxes" id=id>{items}</div>
                    </fieldset>
                </div>
            }
            .into_any();
        }
        FieldKind::Select => {
            let options = field
                .options
                .iter()
                .map(|option| {
                    let (value_id, selected_id) = (option.clone(), option.clone());
                    view! {
                        <option value=value_id prop:selected=move || value.get() == selected_id>
                            {i18n.text(messages::field_option(&field.id, option))}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <select class="select" id=id.clone() name=name.clone() aria-describedby=described_by
                    aria-invalid=move || has_error().then_some("true")
                    on:change=move |event| on_change.run(event_target_value(&event))>
                    <option value="" prop:selected=move || value.get().is_empty()>{i18n.text("wizard-choose")}</option>
                    {options}
                </select>
            }
            .into_any()
        }
        FieldKind::Textarea => view! {
            <textarea class="input textarea" id=id.clone() name=name.clone() rows="5"
                aria-describedby=described_by aria-invalid=move || has_error().then_some("true")
                prop:value=move || value.get()
                on:input=move |event| on_change.run(event_target_value(&event))></textarea>
        }
        .into_any(),
        kind => {
            let (input_type, input_mode, autocomplete) = input_attributes(kind);
            let autocomplete = field
                .autocomplete
                .clone()
                .unwrap_or_else(|| autocomplete.to_string());
            view! {
                <input class="input" id=id.clone() name=name.clone() type=input_type inputmode=input_mode
                    autocomplete=autocomplete spellcheck="false"
                    aria-describedby=described_by aria-invalid=move || has_error().then_some("true")
                    prop:value=move || value.get()
                    on:input=move |event| on_change.run(event_target_value(&event))/>
            }
            .into_any()
        }
    };

    view! {
        <div class="field" class:field--error=has_error>
            <label class="label" for=id>{label} {optional}</label>
            {hint_view}
            {error_view}
            {control}
        </div>
    }
    .into_any()
}

/// Day, month and year of a date answer, as kept: `2019-06-14` once the rules have
/// normalised it, `14.6.2019` (or a part of it) while typed.
fn date_parts(value: &str) -> [String; 3] {
    let mut iso = value.split('-');
    if let (Some(year), Some(month), Some(day), None) =
        (iso.next(), iso.next(), iso.next(), iso.next())
        && year.len() == 4
    {
        return [day.to_string(), month.to_string(), year.to_string()];
    }
    let mut dotted = value.split('.').map(str::to_string);
    [
        dotted.next().unwrap_or_default(),
        dotted.next().unwrap_or_default(),
        dotted.next().unwrap_or_default(),
    ]
}

/// The answer the date rules read (`DD.MM.YYYY`); nothing at all while every box is empty,
/// so an untouched date counts as not answered.
fn joined_date(parts: &[String; 3]) -> String {
    if parts.iter().all(String::is_empty) {
        String::new()
    } else {
        parts.join(".")
    }
}

/// `(value, message id)` of each choice.
fn choices(field: &Field) -> Vec<(String, String)> {
    if field.kind == FieldKind::YesNo {
        return vec![
            ("yes".to_string(), "answer-yes".to_string()),
            ("no".to_string(), "answer-no".to_string()),
        ];
    }
    field
        .options
        .iter()
        .map(|o| (o.clone(), messages::field_option(&field.id, o)))
        .collect()
}

/// Adds or removes one option of a multiple choice kept as "a,b,c".
fn toggle(current: &str, option: &str, on: bool) -> String {
    let mut chosen: Vec<&str> = current
        .split(',')
        .filter(|v| !v.is_empty() && *v != option)
        .collect();
    if on {
        chosen.push(option);
    }
    chosen.join(",")
}

/// The input type, the phone keyboard and the default `autocomplete` token of a kind.
fn input_attributes(kind: FieldKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        FieldKind::Phone => ("tel", "tel", "tel"),
        FieldKind::Email => ("email", "email", "email"),
        FieldKind::Date => ("date", "none", "off"),
        FieldKind::Number | FieldKind::Iin | FieldKind::Bin | FieldKind::IinOrBin => {
            ("text", "numeric", "off")
        }
        FieldKind::Postcode => ("text", "text", "postal-code"),
        FieldKind::PersonName => ("text", "text", "name"),
        _ => ("text", "text", "off"),
    }
}
