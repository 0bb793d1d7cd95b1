use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Where the applicant is in the journey: at most seven stages, the current one marked with
/// `aria-current="step"`.
#[component]
pub fn StepIndicator(
    /// Message ids of the stages, in order.
    stages: Vec<&'static str>,
    current: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = stages.len();
    let items = stages
        .into_iter()
        .enumerate()
        .map(|(index, stage)| {
            let state = match index.cmp(&current) {
                std::cmp::Ordering::Less => "step-indicator__step--done",
                std::cmp::Ordering::Equal => "step-indicator__step--current",
                std::cmp::Ordering::Greater => "",
            };
            view! {
                <li class=format!("step-indicator__step {state}") aria-current=(index == current).then_some("step")>
                    {i18n.text(stage)}
                </li>
            }
        })
        .collect_view();
    let label = move || {
        i18n.t_with(
            "wizard-step-of",
            &[("step", (current + 1).into()), ("total", total.into())],
        )
    };
    view! {
        <nav class="step-indicator" aria-label=i18n.text("wizard-steps-label")>
            <p class="step-indicator__count">{label}</p>
            <ol class="step-indicator__list">{items}</ol>
        </nav>
    }
}
