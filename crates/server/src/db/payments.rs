//! Payment attempts and what the gateway reported about them.

use super::applications::{local_time, parse_enum};
use super::{Db, now};
use crate::names::Named;
use otinish_core::api::{ApplicationStatus, GatewayOutcome, Payment, PaymentStatus, Receipt, Time};
use sqlx::Row;
use sqlx::any::AnyRow;

/// A payment attempt about to be created, with the amount the backend computed (its МРП
/// multiple and МРП) or the applicant entered (neither).
pub struct NewPayment<'a> {
    pub id: &'a str,
    pub application_id: &'a str,
    pub mrp_tenths: Option<u32>,
    pub mrp: Option<u32>,
    pub tenge: u64,
    pub return_url: &'a str,
    pub redirect_url: &'a str,
    /// The status the application takes, if it is not there yet (`awaiting-payment`).
    pub moves_to: Option<(ApplicationStatus, ApplicationStatus)>,
}

pub enum PaymentCreated {
    New(Payment),
    /// Another request created one first; it is answered instead.
    AlreadyPending(Payment),
    /// The application was discarded, or stopped taking payments, since the caller looked.
    Gone,
}

/// What the gateway reported, as it will be recorded.
pub struct GatewayReport<'a> {
    pub outcome: GatewayOutcome,
    pub at: Time,
    pub gateway_reference: &'a str,
    pub receipt_number: Option<&'a str>,
    pub decline_code: Option<&'a str>,
    pub budget_code: &'a str,
    pub payment_purpose_code: &'a str,
    /// The status a `paid` outcome moves the application from and to.
    pub paid_moves: (ApplicationStatus, ApplicationStatus),
}

pub enum ReportRecorded {
    Changed(Payment),
    /// The same outcome was recorded before: nothing changed.
    Unchanged(Payment),
    /// The payment had already ended with the other outcome.
    Final(Payment),
}

/// A payment as the gateway side sees it: no owner, just the attempt.
pub struct GatewayPayment {
    pub payment: Payment,
    pub application_id: String,
    pub return_url: String,
}

/// `SELECT <the payment's columns> <rest>`, as one static string.
macro_rules! select_payments {
    ($extra:literal, $rest:literal) => {
        concat!(
            "SELECT id, status, mrp_tenths, mrp, tenge, redirect_url, created_at, decided_at, \
             decline_code, receipt_number, paid_at, payer_iin_bin, budget_code, \
             payment_purpose_code, gateway_reference",
            $extra,
            " FROM payments ",
            $rest
        )
    };
}

impl Db {
    /// Every attempt of an application, newest first.
    pub async fn payments_of(&self, application_id: &str) -> Result<Vec<Payment>, sqlx::Error> {
        let rows = sqlx::query(select_payments!(
            "",
            "WHERE application_id = $1 ORDER BY created_at DESC, id DESC"
        ))
        .bind(application_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(payment_of_row).collect()
    }

    pub async fn payment_of(
        &self,
        application_id: &str,
        payment_id: &str,
    ) -> Result<Option<Payment>, sqlx::Error> {
        let row = sqlx::query(select_payments!(
            "",
            "WHERE application_id = $1 AND id = $2"
        ))
        .bind(application_id)
        .bind(payment_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(payment_of_row).transpose()
    }

    /// The attempt under way at the gateway, if any: a draft with one cannot be discarded.
    pub async fn pending_payment(
        &self,
        application_id: &str,
    ) -> Result<Option<Payment>, sqlx::Error> {
        self.payment_in(application_id, PaymentStatus::Pending)
            .await
    }

    /// The payment that settled the fee, if any: its receipt, and the day whose МРП it used.
    pub async fn paid_payment(&self, application_id: &str) -> Result<Option<Payment>, sqlx::Error> {
        self.payment_in(application_id, PaymentStatus::Paid).await
    }

    async fn payment_in(
        &self,
        application_id: &str,
        status: PaymentStatus,
    ) -> Result<Option<Payment>, sqlx::Error> {
        let row = sqlx::query(select_payments!(
            "",
            "WHERE application_id = $1 AND status = $2"
        ))
        .bind(application_id)
        .bind(status.name())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(payment_of_row).transpose()
    }

    /// Creates the attempt, and moves the application to `awaiting-payment` with its history
    /// row, in one transaction.
    pub async fn create_payment(
        &self,
        payment: NewPayment<'_>,
    ) -> Result<PaymentCreated, sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        let at = now();
        // The application's row first: its lock (PostgreSQL) or the write lock (SQLite) makes
        // a discard under way finish before, or wait until after, this attempt; a discarded
        // one is no longer there to lock.
        let locked = lock_application(
            &mut tx,
            payment.application_id,
            &[ApplicationStatus::Draft, ApplicationStatus::AwaitingPayment],
        )
        .await?;
        if !locked {
            return Ok(PaymentCreated::Gone);
        }
        // The partial unique index lets only one attempt be pending: the loser of a race
        // inserts nothing and answers the winner's attempt. An application discarded (or
        // moved on) since the caller looked gets none, instead of a foreign-key failure.
        let inserted = sqlx::query(
            "INSERT INTO payments (id, application_id, status, mrp_tenths, mrp, tenge, return_url, \
             redirect_url, created_at) SELECT $1, $2, 'pending', $3, $4, $5, $6, $7, $8 \
             WHERE EXISTS (SELECT 1 FROM applications WHERE id = $2 AND status IN ($9, $10)) \
             ON CONFLICT DO NOTHING",
        )
        .bind(payment.id)
        .bind(payment.application_id)
        .bind(payment.mrp_tenths.map(i64::from))
        .bind(payment.mrp.map(i64::from))
        .bind(i64::try_from(payment.tenge).unwrap_or(i64::MAX))
        .bind(payment.return_url)
        .bind(payment.redirect_url)
        .bind(&at)
        .bind(ApplicationStatus::Draft.name())
        .bind(ApplicationStatus::AwaitingPayment.name())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if inserted && let Some((from, to)) = payment.moves_to {
            move_application(&mut tx, payment.application_id, from, to, &at).await?;
        }
        let row = sqlx::query(select_payments!(
            "",
            "WHERE application_id = $1 AND status = 'pending'"
        ))
        .bind(payment.application_id)
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        let Some(row) = row else {
            return Ok(PaymentCreated::Gone);
        };
        let stored = payment_of_row(&row)?;
        Ok(if inserted {
            PaymentCreated::New(stored)
        } else {
            PaymentCreated::AlreadyPending(stored)
        })
    }

    /// Any account's payment, for the gateway.
    pub async fn gateway_payment(
        &self,
        payment_id: &str,
    ) -> Result<Option<GatewayPayment>, sqlx::Error> {
        let row = sqlx::query(select_payments!(
            ", application_id, return_url",
            "WHERE id = $1"
        ))
        .bind(payment_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(GatewayPayment {
                payment: payment_of_row(&row)?,
                application_id: row.try_get("application_id")?,
                return_url: row.try_get("return_url")?,
            })
        })
        .transpose()
    }

    /// Records the gateway's outcome once. A `paid` outcome also moves the application to
    /// `paid` with its history row, in the same transaction. `None` if there is no such payment.
    pub async fn record_gateway_report(
        &self,
        payment_id: &str,
        report: GatewayReport<'_>,
    ) -> Result<Option<ReportRecorded>, sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        let decided_at = utc_text(&report.at);
        let paid = report.outcome == GatewayOutcome::Paid;
        let status = if paid {
            PaymentStatus::Paid
        } else {
            PaymentStatus::Declined
        };
        // Only a pending attempt changes, so a repeated report finds nothing to update.
        let changed = sqlx::query(
            "UPDATE payments SET status = $1, decided_at = $2, decline_code = $3, \
             receipt_number = $4, paid_at = $5, budget_code = $6, payment_purpose_code = $7, \
             gateway_reference = $8, payer_iin_bin = (SELECT accounts.identifier FROM applications \
             JOIN accounts ON accounts.id = applications.account_id \
             WHERE applications.id = payments.application_id) \
             WHERE id = $9 AND status = 'pending'",
        )
        .bind(status.name())
        .bind(&decided_at)
        .bind(report.decline_code.filter(|_| !paid))
        .bind(report.receipt_number.filter(|_| paid))
        .bind(paid.then_some(&decided_at))
        .bind(paid.then_some(report.budget_code))
        .bind(paid.then_some(report.payment_purpose_code))
        .bind(report.gateway_reference)
        .bind(payment_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        let row = sqlx::query(select_payments!(", application_id", "WHERE id = $1"))
            .bind(payment_id)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let payment = payment_of_row(&row)?;
        if changed && paid {
            let application_id: String = row.try_get("application_id")?;
            let (from, to) = report.paid_moves;
            move_application(&mut tx, &application_id, from, to, &now()).await?;
        }
        tx.commit().await?;
        Ok(Some(if changed {
            ReportRecorded::Changed(payment)
        } else if payment.status == status {
            ReportRecorded::Unchanged(payment)
        } else {
            ReportRecorded::Final(payment)
        }))
    }
}

/// Moves the application from `from` to `to` and records it in its history; an application
/// already elsewhere is left alone.
pub(super) async fn move_application(
    tx: &mut sqlx::AnyConnection,
    application_id: &str,
    from: ApplicationStatus,
    to: ApplicationStatus,
    at: &str,
) -> Result<(), sqlx::Error> {
    let moved = sqlx::query(
        "UPDATE applications SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
    )
    .bind(to.name())
    .bind(at)
    .bind(application_id)
    .bind(from.name())
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if moved {
        sqlx::query("INSERT INTO status_events (application_id, status, at) VALUES ($1, $2, $3)")
            .bind(application_id)
            .bind(to.name())
            .bind(at)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Times are stored as RFC 3339 in UTC, which sorts as text (see `db::now`).
pub(super) fn utc_text(time: &Time) -> String {
    time.with_timezone(&chrono::Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn optional_time(row: &AnyRow, column: &str) -> Result<Option<Time>, sqlx::Error> {
    row.try_get::<Option<String>, _>(column)?
        .as_deref()
        .map(local_time)
        .transpose()
}

fn payment_of_row(row: &AnyRow) -> Result<Payment, sqlx::Error> {
    let status: PaymentStatus = parse_enum(&row.try_get::<String, _>("status")?)?;
    let tenge = u64::try_from(row.try_get::<i64, _>("tenge")?).unwrap_or_default();
    let receipt = match (
        row.try_get::<Option<String>, _>("receipt_number")?,
        optional_time(row, "paid_at")?,
    ) {
        (Some(number), Some(paid_at)) if status == PaymentStatus::Paid => Some(Receipt {
            number,
            paid_at,
            tenge,
            payer_iin_bin: row
                .try_get::<Option<String>, _>("payer_iin_bin")?
                .unwrap_or_default(),
            budget_code: row.try_get("budget_code")?,
            payment_purpose_code: row.try_get("payment_purpose_code")?,
            gateway_reference: row.try_get("gateway_reference")?,
        }),
        _ => None,
    };
    Ok(Payment {
        id: row.try_get("id")?,
        status,
        mrp_tenths: row
            .try_get::<Option<i64>, _>("mrp_tenths")?
            .map(small)
            .transpose()?,
        mrp: row
            .try_get::<Option<i64>, _>("mrp")?
            .map(small)
            .transpose()?,
        tenge,
        // The gateway page is only worth opening while the attempt is under way.
        redirect_url: if status == PaymentStatus::Pending {
            row.try_get("redirect_url")?
        } else {
            None
        },
        created_at: local_time(&row.try_get::<String, _>("created_at")?)?,
        decided_at: optional_time(row, "decided_at")?,
        decline_code: row.try_get("decline_code")?,
        receipt,
    })
}

/// A stored 64-bit integer that the contract keeps to 32 bits.
fn small(value: i64) -> Result<u32, sqlx::Error> {
    u32::try_from(value).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// Takes the application's row for the rest of the transaction, if it is in one of
/// `statuses`: an update that changes nothing, which PostgreSQL locks the row for and SQLite
/// takes its one write lock for. Whether it was there to take.
pub(super) async fn lock_application(
    tx: &mut sqlx::AnyConnection,
    application_id: &str,
    statuses: &[ApplicationStatus],
) -> Result<bool, sqlx::Error> {
    let mut locked = false;
    for status in statuses {
        locked |=
            sqlx::query("UPDATE applications SET status = status WHERE id = $1 AND status = $2")
                .bind(application_id)
                .bind(status.name())
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
    }
    Ok(locked)
}
