//! `/services/:id/apply/:step`: the application form, one topic a page, driven by the
//! catalog: the sub-case, the provider, the service's own pages, and "check your answers".
//! The draft lives in the browser (`crate::draft`), so nothing typed is lost.

mod applicant;
mod check;
mod choice;
mod form_page;
mod steps;

use crate::components::{StepIndicator, use_page_title};
use crate::draft::{Draft, use_draft};
use crate::i18n::use_i18n;
use crate::pages::NotFoundPage;
use leptos::either::EitherOf5;
use leptos::prelude::*;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use otinish_core::catalog::{self, Service};
use steps::{Stage, Step};

/// What every step of the form needs.
#[derive(Clone, Copy)]
pub struct Wizard {
    pub service: &'static Service,
    pub draft: RwSignal<Draft>,
    /// Errors on the current page; the page title shows their presence.
    pub has_errors: RwSignal<bool>,
}

impl Wizard {
    /// Goes on from `step`: back to "check your answers" when the applicant came from
    /// there to change an answer, otherwise to the next step.
    pub fn advance(self, step: &Step) {
        let returning =
            use_query_map().with_untracked(|q| q.get("return").as_deref() == Some("check"));
        let steps = self.draft.with_untracked(|d| steps::steps(self.service, d));
        let next = if returning && *step != Step::Check {
            Some(Step::Check)
        } else {
            steps
                .iter()
                .position(|s| s == step)
                .and_then(|i| steps.get(i + 1).cloned())
        };
        if let Some(next) = next {
            use_navigate()(&next.href(&self.service.id), Default::default());
        }
    }

    /// Where the back link of `step` leads.
    pub fn back_href(self, step: &Step) -> String {
        let steps = self.draft.with(|d| steps::steps(self.service, d));
        match steps.iter().position(|s| s == step) {
            Some(index) if index > 0 => steps[index - 1].href(&self.service.id),
            _ => format!("/services/{}", self.service.id),
        }
    }
}

#[component]
pub fn WizardPage() -> impl IntoView {
    let params = use_params_map();
    let service_id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let Some(service) = catalog::catalog().service(&service_id) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let draft = use_draft(&service.id);
    // The "before you start" page passes the provider the applicant was looking at.
    let chosen = crate::query::get("provider").filter(|p| service.provision(p).is_some());
    draft.update(|d| {
        if d.provider.is_none() {
            d.provider = chosen;
        }
        steps::settle(service, d);
    });
    let wizard = Wizard {
        service,
        draft,
        has_errors: RwSignal::new(false),
    };
    provide_context(wizard);

    (move || {
        let slug = params.with(|p| p.get("step"));
        let steps = draft.with_untracked(|d| steps::steps(service, d));
        match slug
            .and_then(|s| Step::from_slug(&s))
            .filter(|step| steps.contains(step))
        {
            Some(step) => view! { <StepView step/> }.into_any(),
            None => {
                // Keep `?provider=` and the like for the step we land on.
                let search = window().location().search().unwrap_or_default();
                view! { <Redirect path=format!("{}{search}", steps[0].href(&service.id))/> }
                    .into_any()
            }
        }
    })
    .into_any()
}

#[component]
fn StepView(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    wizard.has_errors.set(false);
    let heading = steps::heading(&step);
    let title_heading = heading.clone();
    use_page_title(move || {
        let title = i18n.t(&title_heading);
        if wizard.has_errors.get() {
            format!("{}{title}", i18n.t("error-title-prefix"))
        } else {
            title
        }
    });
    let stage = Stage::ALL
        .iter()
        .position(|s| *s == step.stage())
        .unwrap_or(0);
    let stages = Stage::ALL.iter().map(|s| s.message()).collect::<Vec<_>>();
    let back = wizard.back_href(&step);
    let service_name = otinish_core::catalog::messages::service_short(&wizard.service.id);
    let body = match step.clone() {
        Step::SubCase => EitherOf5::A(view! { <choice::SubCaseChoice step=step.clone()/> }),
        Step::Provider => {
            EitherOf5::B(view! { <choice::ProviderChoice step=step.clone()/> }.into_any())
        }
        Step::Targets => {
            EitherOf5::B(view! { <choice::TargetsChoice step=step.clone()/> }.into_any())
        }
        Step::Page(page) => match wizard.service.pages.iter().find(|p| p.id == page) {
            Some(page) => EitherOf5::C(view! { <form_page::FormPage page step=step.clone()/> }),
            None => EitherOf5::E(view! { <NotFoundPage/> }),
        },
        Step::Applicant => {
            EitherOf5::B(view! { <applicant::ApplicantStep step=step.clone()/> }.into_any())
        }
        Step::Check => EitherOf5::D(view! { <check::CheckAnswers/> }),
    };
    view! {
        <A href=back attr:class="back-link">{i18n.text("wizard-back")}</A>
        <StepIndicator stages current=stage/>
        <p class="caption">{i18n.text(service_name)}</p>
        <h1>{i18n.text(heading)}</h1>
        {body}
    }
}
