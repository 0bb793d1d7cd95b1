//! Reusable pieces of the interface, one job each.

mod footer;
mod header;
mod lang_switch;
mod service_tags;
mod title;

pub use footer::Footer;
pub use header::Header;
pub use lang_switch::LangSwitch;
pub use service_tags::ServiceTags;
pub use title::use_page_title;
