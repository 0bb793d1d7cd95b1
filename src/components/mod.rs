//! Reusable pieces of the interface, one job each.

mod error_summary;
mod field;
mod footer;
mod header;
mod lang_switch;
mod service_tags;
mod session_timeout;
mod step_indicator;
mod title;

pub use error_summary::ErrorSummary;
pub use field::{
    FieldInput, error_message, failure_message, field_issue_message, input_id, issue_message,
    problem_message, problem_params, summary_issue_message,
};
pub use footer::Footer;
pub use header::Header;
pub use lang_switch::LangSwitch;
pub use service_tags::ServiceTags;
pub use session_timeout::SessionTimeout;
pub use step_indicator::StepIndicator;
#[cfg(not(target_arch = "wasm32"))]
pub use title::take_prerendered_title;
pub use title::use_page_title;
