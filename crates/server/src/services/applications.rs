//! The contract's `Application`: one builder for the applicant's and the officer's view, so
//! both show the same documents, result and fee.

use crate::clock;
use crate::db::ApplicationRecord;
use crate::problem::ApiResult;
use crate::state::AppState;
use otinish_core::api::{Application, ApplicationStatus};
use otinish_core::catalog::catalog;
use otinish_core::fees::{self, Quote};

/// The record, its files, its result once there is one, and the fee, computed by the
/// backend, never by the client.
pub async fn application_body(
    state: &AppState,
    record: ApplicationRecord,
) -> ApiResult<Application> {
    let documents = state
        .db
        .documents_of(&record.id)
        .await?
        .into_iter()
        .map(|document| document.stored)
        .collect();
    let (fee, fee_date) = fee_of(state, &record).await?;
    // Only a submitted application can have a result; a draft spares the look-up.
    let result = if record.status.is_submitted() {
        state.db.stored_result(&record.id).await?
    } else {
        None
    };
    Ok(Application {
        id: record.id,
        service: record.service,
        provider: record.provider,
        sub_case: record.sub_case,
        targets: record.targets,
        status: record.status,
        status_at: record.status_at,
        version: record.version,
        answers: record.answers,
        documents,
        fee,
        fee_date,
        reference_number: record.reference_number,
        submitted_at: record.submitted_at,
        registered_on: record.registered_on,
        due_date: record.due_date,
        result: result.map(|stored| stored.info),
        refusal: record.refusal,
        created_at: record.created_at,
        updated_at: record.updated_at,
    })
}

/// Once paid, what was paid, on the day it was paid; before, the fee of today. A service
/// the catalog no longer has cannot be priced: "check with the provider".
async fn fee_of(
    state: &AppState,
    record: &ApplicationRecord,
) -> ApiResult<(Quote, chrono::NaiveDate)> {
    let today = clock::now().date_naive();
    // An amount the applicant entered has no МРП: the catalog's quote says so instead.
    if record.status >= ApplicationStatus::Paid
        && let Some(payment) = state.db.paid_payment(&record.id).await?
        && let (Some(mrp_tenths), Some(mrp)) = (payment.mrp_tenths, payment.mrp)
    {
        let paid_on = payment
            .receipt
            .map(|receipt| receipt.paid_at)
            .or(payment.decided_at)
            .map_or(today, |at| at.date_naive());
        let quote = Quote::Due {
            mrp_tenths,
            mrp,
            tenge: payment.tenge,
        };
        return Ok((quote, paid_on));
    }
    let quote = catalog()
        .service(&record.service)
        .map_or(Quote::Unknown, |service| {
            fees::quote(&service.fee, record.sub_case, today)
        });
    Ok((quote, today))
}
