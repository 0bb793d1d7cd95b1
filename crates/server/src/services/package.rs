//! The package check of `otinish-core` (`package`), answered the contract's way: 422
//! `validation-failed` with one field error per fault. Payment, the signing data and
//! submission all ask here first.

use crate::db::{ApplicationRecord, Db, DocumentRecord};
use crate::problem::{ApiError, ApiResult};
use otinish_core::api::{StoredDocument, code, field_code};
use otinish_core::catalog::{
    self, ApplicantType, Document, DocumentRequirement, Provision, Service, Supplier, applies,
};
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
            code::STORAGE_UNAVAILABLE,
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

/// The application's documents, once its package (answers and attached documents) is
/// complete by the rules of `otinish-core`: payment and signing both ask here first.
pub async fn check_attached(
    db: &Db,
    record: &ApplicationRecord,
    (service, provision): (&'static Service, &'static Provision),
    applicant: ApplicantType,
    today: chrono::NaiveDate,
) -> ApiResult<Vec<StoredDocument>> {
    let documents = db.documents_of(&record.id).await?;
    check_documents(record, (service, provision), applicant, today, documents)
}

/// As [`check_attached`], with the application's documents as they were read.
pub fn check_documents(
    record: &ApplicationRecord,
    (service, provision): (&'static Service, &'static Provision),
    applicant: ApplicantType,
    today: chrono::NaiveDate,
    documents: Vec<DocumentRecord>,
) -> ApiResult<Vec<StoredDocument>> {
    let documents: Vec<StoredDocument> = documents
        .into_iter()
        .map(|document| document.stored)
        .collect();
    let attached: Vec<&str> = documents.iter().map(|d| d.document.as_str()).collect();
    check(
        &Package {
            service,
            provision,
            sub_case: record.sub_case,
            applicant,
            answers: &record.answers,
            attached: &attached,
        },
        today,
    )?;
    Ok(documents)
}

/// The documents this provision asks the applicant to attach for the sub-case, with the
/// catalog's limits of each.
pub fn applicant_documents(
    record: &ApplicationRecord,
    applicant: ApplicantType,
) -> Vec<(&'static DocumentRequirement, &'static Document)> {
    let catalog = catalog::catalog();
    let Some(provision) = catalog
        .service(&record.service)
        .and_then(|service| service.provision(&record.provider))
    else {
        return Vec::new();
    };
    provision
        .documents
        .iter()
        .filter(|requirement| {
            requirement.supplied_by == Supplier::Applicant
                && applies(&requirement.sub_cases, &record.sub_case)
                && applies(&requirement.applicants, &applicant)
        })
        .filter_map(|requirement| Some((requirement, catalog.document(&requirement.document)?)))
        .collect()
}
