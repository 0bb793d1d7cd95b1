//! `otinish-core`: the domain of Өтініш, shared by the browser app and the reference
//! backend. Nothing here knows about the web or the server; every rule returns codes and
//! data, never a sentence, so that each side can put it into the applicant's language.

pub mod answers;
pub mod api;
pub mod calendar;
pub mod catalog;
pub mod fees;
pub mod package;
pub mod routes;
pub mod status;
pub mod validation;
pub mod wizard;
