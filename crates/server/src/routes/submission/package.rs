//! The package check of `otinish-core` (`package`), answered the contract's way: 422
//! `validation-failed` with one field error per fault. Payment, the signing data and
//! submission all ask here first.

use crate::problem::{ApiError, ApiResult};
use otinish_core::api::field_code;
use otinish_core::catalog::{self, ApplicantType, Provision, Service};
use otinish_core::validation;

/// The catalog entries of an application. A service or provider the catalog no longer has
/// cannot be checked, so it cannot be paid for or submitted.
pub fn catalog_entry(
    service: &str,
    provider: &str,
) -> ApiResult<(&'static Service, &'static Provision)> {
    let service = catalog::catalog().service(service).ok_or_else(|| {
        ApiError::validation_failed().field("/service", field_code::UNKNOWN_SERVICE, &[])
    })?;
    let provision = service.provision(provider).ok_or_else(|| {
        ApiError::validation_failed().field("/provider", field_code::UNKNOWN_PROVIDER, &[])
    })?;
    Ok((service, provision))
}

/// Whether the account applies as a person or an organisation, from its ИИН/БИН.
pub fn applicant_kind(iin_bin: &str) -> ApiResult<ApplicantType> {
    // Accounts are only created for valid numbers, so this fails only on damaged storage.
    validation::applicant_kind(iin_bin).ok_or_else(|| {
        ApiError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "storage-unavailable",
        )
        .detail("an account's ИИН/БИН does not pass its check")
    })
}

pub use otinish_core::package::Package;

/// `Ok` when the package is complete; otherwise 422 `validation-failed` naming every fault.
pub fn check(package: &Package<'_>, today: chrono::NaiveDate) -> ApiResult<()> {
    let faults = otinish_core::package::check(package, today);
    if faults.is_empty() {
        return Ok(());
    }
    Err(faults
        .into_iter()
        .fold(ApiError::validation_failed(), |error, fault| {
            error.field(&fault.pointer, fault.code, &fault.params)
        }))
}
