//! Accounts: ИИН/БИН and password, sessions, and the registry that prefills the applicant.

pub mod password;
pub mod rate_limit;
pub mod session;
