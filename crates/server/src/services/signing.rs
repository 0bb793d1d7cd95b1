//! What is signed, and when an application may be: the caller's, not submitted, its package
//! complete and its fee (if any) paid. `GET …/signing-data`, submission and eGov mobile's
//! signing session all ask here, so the three sign the same bytes under the same rules.

use crate::auth::CurrentAccount;
use crate::clock;
use crate::db::{ApplicationRecord, DocumentRecord};
use crate::problem::{ApiError, ApiResult};
use crate::services::{access, package, signing_data};
use crate::state::AppState;
use otinish_core::api::{self, Payment, code};
use otinish_core::catalog::{ApplicantType, Provision};
use otinish_core::fees::{self, Quote};

/// 409 `already-submitted`, with its reference number, once submitted.
pub fn unsubmitted(record: ApplicationRecord) -> ApiResult<ApplicationRecord> {
    if record.status.is_submitted() || record.reference_number.is_some() {
        let reference = record
            .reference_number
            .as_ref()
            .map_or(String::new(), |number| number.to_string());
        return Err(
            ApiError::conflict(code::ALREADY_SUBMITTED).param("reference_number", reference)
        );
    }
    Ok(record)
}

/// What an eGov mobile session for an application signs: the same bytes as
/// `GET …/signing-data`, under the same preconditions (the caller's, not submitted, the
/// package complete, the fee paid).
pub struct ToSign {
    pub bytes: Vec<u8>,
    pub version: u32,
    pub applicant: ApplicantType,
}

pub async fn to_sign(
    state: &AppState,
    account: &CurrentAccount,
    application_id: &str,
) -> ApiResult<ToSign> {
    let record = unsubmitted(access::owned(state, account, application_id).await?)?;
    let ready = ready_to_sign(state, account, &record).await?;
    Ok(ToSign {
        bytes: ready.signing_bytes(&record).bytes,
        version: record.version,
        applicant: ready.applicant,
    })
}

/// An application whose package is complete and whose fee, if any, is paid.
pub struct ReadyToSign {
    pub provision: &'static Provision,
    pub applicant: ApplicantType,
    documents: Vec<api::StoredDocument>,
    paid: Option<Payment>,
    fee_unknown: bool,
    iin_bin: String,
}

pub async fn ready_to_sign(
    state: &AppState,
    account: &CurrentAccount,
    record: &ApplicationRecord,
) -> ApiResult<ReadyToSign> {
    let documents = state.db.documents_of(&record.id).await?;
    ready_to_sign_with(state, account, record, documents).await
}

/// As [`ready_to_sign`], with the application's documents read with it
/// ([`access::OwnedWithDocuments`]).
pub async fn ready_to_sign_with(
    state: &AppState,
    account: &CurrentAccount,
    record: &ApplicationRecord,
    documents: Vec<DocumentRecord>,
) -> ApiResult<ReadyToSign> {
    let (service, provision) = package::catalog_entry(&record.service, &record.provider)?;
    let applicant = package::applicant_kind(&account.iin_bin)?;
    let today = clock::now().date_naive();
    let documents =
        package::check_documents(record, (service, provision), applicant, today, documents)?;
    let quote = fees::quote(&service.fee, record.sub_case, today);
    let paid = match quote {
        Quote::Due { .. } | Quote::DueUnsourced => state.db.paid_payment(&record.id).await?,
        Quote::Free | Quote::Unknown => None,
    };
    let settlement = fees::Settlement {
        paid: paid.is_some(),
        receipt_attached: documents
            .iter()
            .any(|d| d.document == fees::RECEIPT_DOCUMENT),
    };
    if !fees::settled(&quote, settlement) {
        return Err(ApiError::conflict(code::PAYMENT_REQUIRED));
    }
    Ok(ReadyToSign {
        provision,
        applicant,
        documents,
        paid,
        // Settled by a receipt among the documents, or not known to be due.
        fee_unknown: matches!(quote, Quote::Unknown | Quote::DueUnsourced),
        iin_bin: account.iin_bin.clone(),
    })
}

impl ReadyToSign {
    pub fn signing_bytes(&self, record: &ApplicationRecord) -> signing_data::SigningBytes {
        signing_data::Signed {
            application: &record.id,
            version: record.version,
            service: &record.service,
            provider: &record.provider,
            sub_case: record.sub_case,
            targets: &record.targets,
            applicant: self.applicant,
            iin_bin: &self.iin_bin,
            answers: &record.answers,
            documents: &self.documents,
            paid: self.paid.as_ref(),
            fee_unknown: self.fee_unknown,
        }
        .bytes()
    }
}
