//! Who may reach an application: its owner, and nobody else, not even to learn that it
//! exists (404 exactly as for a missing one). One rule, read by the database with the owner
//! in the query, and two extractors that make it a precondition of a handler's signature:
//! [`OwnedApplication`] (any state) and [`EditableApplication`] (still takes changes).

use crate::auth::CurrentAccount;
use crate::db::{ApplicationRecord, DocumentRecord};
use crate::names::Named;
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use otinish_core::api::{ApplicationStatus, accepts_changes, code};
use uuid::Uuid;

/// The path parameter every application route names its application with.
pub const APPLICATION_ID: &str = "application_id";

/// How often a write is tried again when the application changed between reading and
/// writing it (another tab, the payment gateway). Each retry reads it afresh.
pub const WRITE_ATTEMPTS: usize = 3;

/// The signed-in account's application of the path's `{application_id}`: 401 without a
/// session, 404 for an id that is not one of theirs.
pub struct OwnedApplication {
    pub account: CurrentAccount,
    pub record: ApplicationRecord,
}

/// An [`OwnedApplication`] that still takes changes (draft, awaiting payment, paid); 409
/// `not-editable` once signed or submitted.
pub struct EditableApplication(pub OwnedApplication);

impl FromRequestParts<AppState> for OwnedApplication {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let account = CurrentAccount::from_request_parts(parts, state).await?;
        let id = application_id(parts, state).await?;
        let record = owned(state, &account, &id).await?;
        Ok(OwnedApplication { account, record })
    }
}

/// An [`OwnedApplication`] with its documents, read in the same query: for the routes that
/// check its package (the signing data, submission).
pub struct OwnedWithDocuments {
    pub account: CurrentAccount,
    pub record: ApplicationRecord,
    pub documents: Vec<DocumentRecord>,
}

impl FromRequestParts<AppState> for OwnedWithDocuments {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        // The session and the application in one query (the submission's first round trip);
        // without a live session the answer is 401 whatever the path, as for the others.
        let id = match application_id(parts, state).await {
            Ok(id) => id,
            Err(error) => {
                CurrentAccount::from_request_parts(parts, state).await?;
                return Err(error);
            }
        };
        let (account, application) = CurrentAccount::with_application(parts, state, &id).await?;
        let (record, documents) = application.ok_or_else(ApiError::not_found)?;
        Ok(OwnedWithDocuments {
            account,
            record,
            documents,
        })
    }
}

impl FromRequestParts<AppState> for EditableApplication {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let owned = OwnedApplication::from_request_parts(parts, state).await?;
        if !accepts_changes(owned.record.status) {
            return Err(not_editable(owned.record.status));
        }
        Ok(EditableApplication(owned))
    }
}

/// The application if it is this account's; 404 exactly as for a missing one otherwise.
/// For a handler that reads it again after a write was refused.
pub async fn owned(
    state: &AppState,
    account: &CurrentAccount,
    id: &str,
) -> ApiResult<ApplicationRecord> {
    state
        .db
        .owned_application(id, account.id)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// 409 `not-editable`: signed or submitted, so the signature covers what is there.
pub fn not_editable(status: ApplicationStatus) -> ApiError {
    ApiError::conflict(code::NOT_EDITABLE).param("status", status.name())
}

/// The path's application id in its canonical spelling; one that is no UUID names nothing.
async fn application_id(parts: &mut Parts, state: &AppState) -> ApiResult<String> {
    let params = RawPathParams::from_request_parts(parts, state)
        .await
        .map_err(|rejection| ApiError::malformed().detail(rejection.body_text()))?;
    params
        .iter()
        .find(|(name, _)| *name == APPLICATION_ID)
        .and_then(|(_, value)| Uuid::parse_str(value).ok())
        .map(|id| id.to_string())
        .ok_or_else(ApiError::not_found)
}
