//! `/services/:id/apply/:step`: the application, one topic a page, driven by the catalog:
//! the sub-case, the provider, the applicant, the service's own pages, the documents,
//! "check your answers", payment, signing and submission, and the confirmation. The draft
//! lives in the browser (`crate::draft`) and, once signed in, on the backend too (`remote`).

mod address;
mod applicant;
mod check;
mod choice;
mod documents;
mod done;
mod fee;
mod form_page;
mod payment;
mod remote;
mod sign;
mod steps;

use crate::components::{ErrorSummary, StepIndicator, use_page_title};
use crate::draft::{Draft, use_draft};
use crate::i18n::{I18n, use_i18n};
use crate::pages::NotFoundPage;
use crate::router::{A, NavigateOptions, Redirect, use_location, use_navigate, use_params_map};
use crate::session::Auth;
use crate::split::{SplitLoaderError, lazy_page, prefetch_when_idle};
use address::WizardQuery;
use leptos::prelude::*;
use otinish_core::catalog::{self, ApplicantType, Service};
use otinish_core::package;
use otinish_core::wizard::Next;
use remote::SaveState;
use steps::Step;

/// What every step of the form needs. Everything here is `Copy` and free of context look-ups,
/// so that it also works in the async tasks that finish after a call to the backend.
#[derive(Clone, Copy)]
pub struct Wizard {
    pub service: &'static Service,
    pub auth: Auth,
    pub i18n: I18n,
    /// The router's navigation, taken while the page was built.
    navigate: Callback<String>,
    pub draft: RwSignal<Draft>,
    /// Errors on the current page; the page title shows their presence.
    pub has_errors: RwSignal<bool>,
    /// Whether the backend has the latest answers.
    pub save_state: RwSignal<SaveState>,
    /// The backend copy being created, if it is: one at a time.
    creation: remote::Creation,
    /// The address's query, as the router has it.
    pub query: Memo<WizardQuery>,
}

impl Wizard {
    /// The kind of the signed-in applicant, once known.
    pub fn applicant(self) -> Option<ApplicantType> {
        self.auth.account.with(|a| a.as_ref().map(|a| a.kind()))
    }

    /// The steps as the draft stands now.
    pub fn steps(self) -> Vec<Step> {
        let applicant = self.applicant();
        self.draft
            .with(|d| steps::steps(self.service, d, applicant))
    }

    /// Goes on from `step`. Coming from "check your answers" to change an answer, the
    /// questions the change opened (pages with a required answer still missing) come first,
    /// each still on the way back; then "check your answers" again. Otherwise the next step.
    pub fn advance(self, step: &Step) {
        let returning = self.query.with_untracked(|q| q.returning);
        let steps = untrack(|| self.steps());
        let open = if returning {
            untrack(|| self.pages_with_gaps())
        } else {
            Vec::new()
        };
        match otinish_core::wizard::next(&steps, step, returning, &open) {
            Some(Next::OnTheWayBack(opened)) => self
                .navigate
                .run(format!("{}?return=check", opened.href(&self.service.id))),
            Some(Next::Step(next)) => self.go(&next),
            None => {}
        }
    }

    /// The pages with a required answer missing or wrong, by the rules of the package check.
    fn pages_with_gaps(self) -> Vec<String> {
        let Some(applicant) = self.applicant() else {
            return Vec::new();
        };
        self.draft.with(|draft| {
            let (Some(provision), Some(sub_case)) = (
                draft
                    .provider
                    .as_deref()
                    .and_then(|p| self.service.provision(p)),
                draft.sub_case,
            ) else {
                return Vec::new();
            };
            let package = package::Package {
                service: self.service,
                provision,
                sub_case,
                applicant,
                answers: &draft.answers,
                attached: &[],
            };
            package::check(&package, crate::format::today())
                .into_iter()
                .filter_map(|fault| {
                    let mut parts = fault.pointer.trim_start_matches('/').split('/');
                    (parts.next() == Some("answers"))
                        .then(|| parts.next().map(str::to_string))
                        .flatten()
                })
                .collect()
        })
    }

    pub fn go(self, step: &Step) {
        self.navigate.run(step.href(&self.service.id));
    }

    /// Where the back link of `step` leads.
    pub fn back_href(self, step: &Step) -> String {
        let steps = self.steps();
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
    // The draft shown is the signed-in applicant's: wait until the backend has said who that
    // is, and start over with another draft when it changes (signing out in the header).
    let auth = crate::session::use_auth();
    let owner = Memo::new(move |_| {
        auth.known
            .get()
            .then(|| auth.account.with(|a| crate::draft::owner_of(a.as_ref())))
    });
    (move || {
        owner
            .get()
            .map(|_| untrack(|| view! { <WizardForm service/> }))
    })
    .into_any()
}

#[component]
fn WizardForm(service: &'static Service) -> impl IntoView {
    let params = use_params_map();
    let auth = crate::session::use_auth();
    let draft = use_draft(&service.id, auth);
    let slug = params.with_untracked(|p| p.get("step"));
    // A submitted application is done with: "apply" again starts afresh, as does "start
    // again" (`?new=1`) from the service page. Its own pages (Back from the confirmation)
    // lead to the confirmation, below.
    // The router's own view of the address: while it renders a page the browser's address
    // may still be the previous page's.
    let location = use_location();
    let query = Memo::new(move |_| location.query.with(WizardQuery::from_map));
    let fresh = query.with_untracked(|q| q.fresh);
    if fresh || (slug.is_none() && draft.with_untracked(|d| d.submitted.is_some())) {
        draft.set(Draft {
            service: service.id.clone(),
            ..Draft::default()
        });
    }
    // The "before you start" page passes the provider the applicant was looking at.
    let chosen = query
        .with_untracked(|q| q.provider.clone())
        .filter(|p| service.provision(p).is_some());
    draft.update(|d| {
        if d.provider.is_none() {
            d.provider = chosen;
        }
        steps::settle(service, d);
    });
    let navigate = use_navigate();
    let wizard = Wizard {
        service,
        auth,
        i18n: use_i18n(),
        navigate: Callback::new(move |href: String| navigate(&href, Default::default())),
        draft,
        has_errors: RwSignal::new(false),
        save_state: RwSignal::new(SaveState::Idle),
        creation: remote::Creation::idle(),
        query,
    };
    provide_context(wizard);
    let opening = query
        .with_untracked(|q| q.application.clone())
        .map(|application| remote::resume(wizard, application));
    let opened = move || opening.is_none_or(|opening| opening.get().is_some());
    if crate::IN_BROWSER {
        // Not in the prerendered start of the form (`src/prerender.rs`): no window there.
        leptos::task::spawn_local_scoped(async move {
            // Its module did not arrive: the answers stay in this browser, as when the
            // backend is out of reach.
            if keep_backend_copy(wizard).await.is_err() {
                wizard.save_state.set(SaveState::LocalOnly);
            }
        });
        // The code of the later steps, so that Continue does not wait for it.
        prefetch_when_idle(preload_form_steps);
    }

    let page = move || {
        let slug = params.with(|p| p.get("step"));
        let steps = untrack(|| wizard.steps());
        match slug
            .and_then(|s| Step::from_slug(&s))
            .filter(|step| steps.contains(step))
        {
            // Submitted: nothing of it can be changed or sent again, so every page of its
            // form is its confirmation, in place of the page in the history.
            Some(step) if step != Step::Done && draft.with_untracked(|d| d.submitted.is_some()) => {
                let options = NavigateOptions {
                    replace: true,
                    scroll: true,
                };
                view! { <Redirect path=Step::Done.href(&service.id) options/> }.into_any()
            }
            Some(step) => view! { <StepView step/> }.into_any(),
            None => {
                // Back where the applicant left off, or at the start; `?provider=` and the
                // like are kept for the step we land on.
                let resume = draft
                    .with_untracked(|d| d.last_step.clone())
                    .and_then(|s| Step::from_slug(&s))
                    .filter(|step| steps.contains(step) && !fresh);
                let target = resume.unwrap_or_else(|| steps[0].clone());
                let search = if fresh {
                    String::new()
                } else {
                    location.search.get_untracked()
                };
                let search = if search.is_empty() || search.starts_with('?') {
                    search
                } else {
                    format!("?{search}")
                };
                view! { <Redirect path=format!("{}{search}", target.href(&service.id))/> }
                    .into_any()
            }
        }
    };
    let i18n = wizard.i18n;
    view! {
        <Show when=opened fallback=move || view! { <p role="status">{i18n.text("wizard-opening")}</p> }>
            {page}
        </Show>
    }
}

/// The error summary of the step on show, `(errors, attempt)` as [`ErrorSummary`] takes
/// them. The step reports them; the page draws the summary above the heading, where GOV.UK
/// puts it.
#[derive(Clone, Copy)]
struct SummarySlot(RwSignal<Option<(Errors, Signal<u32>)>>);

/// `(input id, message)` of each error, as [`ErrorSummary`] lists them.
type Errors = Signal<Vec<(String, String)>>;

/// Shows a step's error summary at the top of the page.
pub fn show_error_summary(errors: Errors, attempt: Signal<u32>) {
    if let Some(slot) = use_context::<SummarySlot>() {
        slot.0.set(Some((errors, attempt)));
    }
}

#[component]
fn StepView(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = expect_context::<Wizard>();
    let summary = SummarySlot(RwSignal::new(None));
    provide_context(summary);
    wizard.has_errors.set(false);
    if step != Step::Done {
        let slug = step.slug();
        wizard.draft.update(|d| d.last_step = Some(slug));
    }
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
    let indicator = step.stage().map(|current| {
        let stages = steps::stages(wizard.service, &untrack(|| wizard.steps()));
        let index = stages.iter().position(|s| *s == current).unwrap_or(0);
        let names = stages
            .iter()
            .map(|s| steps::stage_message(*s))
            .collect::<Vec<_>>();
        view! { <StepIndicator stages=names current=index/> }
    });
    let back = (step != Step::Done).then(|| {
        let href = wizard.back_href(&step);
        view! { <A href=href exact=true attr:class="back-link">{i18n.text("wizard-back")}</A> }
    });
    let service_name = otinish_core::catalog::messages::service_short(&wizard.service.id);
    let body = match step.clone() {
        Step::SubCase => view! { <choice::SubCaseChoice step=step.clone()/> }.into_any(),
        Step::Provider => view! { <choice::ProviderChoice step=step.clone()/> }.into_any(),
        Step::Targets => view! { <choice::TargetsChoice step=step.clone()/> }.into_any(),
        Step::Applicant => view! { <applicant::ApplicantStep step=step.clone()/> }.into_any(),
        // The steps a form can start on are drawn here; the later ones are split off (below).
        later => lazy_page(later_step(wizard.service, later)),
    };
    let save_state = move || {
        wizard
            .save_state
            .get()
            .message()
            .map(|id| i18n.t(id))
            .unwrap_or_default()
    };
    // The confirmation carries its own heading, in its panel.
    let title = (step != Step::Done).then(|| {
        view! {
            <p class="caption">{i18n.text(service_name)}</p>
            <h1>{i18n.text(heading)}</h1>
        }
    });
    let summary = move || {
        summary
            .0
            .get()
            .map(|(errors, attempt)| view! { <ErrorSummary errors attempt/> })
    };
    view! {
        {back}
        {indicator}
        {summary}
        {title}
        {body}
        <p class="save-state secondary" role="status">{save_state}</p>
    }
}

split_off! {
    in applicant, module: form_steps;
    preload: preload_form_steps;
    /// A step no form starts on: split off in the applicant's app (src/split.rs), all in one
    /// module, since an applicant who reaches one goes on to the others.
    pub(crate) fn later_step(service: &'static Service, step: Step) -> Result<AnyView, SplitLoaderError> {
        Ok(match step.clone() {
            Step::Page(page) => match service.pages.iter().find(|p| p.id == page) {
                Some(page) => view! { <form_page::FormPage page step/> }.into_any(),
                None => view! { <NotFoundPage/> }.into_any(),
            },
            Step::Fee => view! { <fee::FeeStep step/> }.into_any(),
            Step::Documents => view! { <documents::DocumentsStep step/> }.into_any(),
            Step::Check => view! { <check::CheckAnswers step/> }.into_any(),
            Step::Payment => view! { <payment::PaymentStep step/> }.into_any(),
            Step::Sign => view! { <sign::SignStep/> }.into_any(),
            Step::Done => view! { <done::Confirmation/> }.into_any(),
            // Drawn by `StepView` itself, never asked for here.
            Step::SubCase | Step::Targets | Step::Provider | Step::Applicant => {
                view! { <NotFoundPage/> }.into_any()
            }
        })
    }
}

split_off! {
    in applicant, module: signed_in;
    /// The backend's copy of the draft kept in step with the answers (`remote::autosave`):
    /// split off, since only an applicant who has signed in has one.
    fn keep_backend_copy(wizard: Wizard) -> Result<(), SplitLoaderError> {
        remote::autosave(wizard, wizard.save_state);
        Ok(())
    }
}
