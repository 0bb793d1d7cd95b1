//! The bodies of the API contract, `api/openapi.yaml`, as Rust types: the app sends and
//! reads them, the reference backend reads and sends them, so both sides agree by
//! construction. Member names are the YAML's; the tests below read the YAML and fail when
//! the two drift apart.
//!
//! Request bodies reject unknown members, because the contract answers them with 400.
//! Response bodies accept unknown members, because the contract lets a backend add some.
//!
//! Times carry their offset (`+05:00` from a backend in Kazakhstan), so the app can show
//! local times without a time-zone database.

use crate::catalog::{ApplicantType, FileType, SubCase, Target};
use crate::fees::Quote;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// An RFC 3339 date-time with its offset.
pub type Time = DateTime<FixedOffset>;

/// The arguments of a code's message (Fluent arguments). Empty maps are left out.
pub type Params = serde_json::Map<String, serde_json::Value>;

/// The session cookie a browser log-in sets (`HttpOnly; Secure; SameSite=Lax; Path=/`).
pub const SESSION_COOKIE: &str = "otinish_session";
/// The header that makes a submission safe to retry.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";
/// The media type of every error body (RFC 9457).
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";
/// A problem's `type` is this followed by its code.
pub const PROBLEM_TYPE_BASE: &str = "https://otinish.kz/problems/";

/// The part names of the multipart uploads.
pub mod part {
    /// The catalog id of the document a file is for.
    pub const DOCUMENT: &str = "document";
    pub const FILE: &str = "file";
    /// The number printed on a result document (officer upload).
    pub const DOCUMENT_NUMBER: &str = "document_number";
}

// ── Health and configuration ─────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub status: HealthStatus,
    pub database: DatabaseStatus,
    pub version: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HealthStatus {
    Ok,
    Degraded,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DatabaseStatus {
    Ok,
    Unavailable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// Registry, gateway and signer are simulated; nothing has legal effect.
    pub test_mode: bool,
    pub file_types: Vec<FileType>,
    pub signature_methods: Vec<SignatureMethod>,
    pub limits: Limits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// The backend's ceiling; a document's own limit in the catalog may be lower.
    pub max_file_bytes: u64,
    pub max_files_per_document: u32,
    pub max_answers_bytes: u64,
    /// The app warns before this runs out (WCAG 2.2.1 Timing Adjustable).
    pub session_idle_seconds: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureMethod {
    Test,
    Cms,
}

// ── Accounts ─────────────────────────────────────────────────────────────────────────────

/// A password or token: serialised as it is, but never printed by `{:?}`, so that it
/// cannot leak into a log line.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// A cookie for browsers on the backend's site; a bearer token for API clients and for an
/// app served from another site (a Lax cookie would not travel with its requests).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionMode {
    #[default]
    Cookie,
    Bearer,
}

/// `POST /auth/challenge`: what the applicant's authentication key signs to sign in. The
/// bytes are `data` (base64), a detached CMS over them goes back with the `nonce`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInChallenge {
    pub nonce: String,
    /// Base64 of the bytes to sign: `{"format":"otinish-sign-in/1","nonce":…,"expires_at":…}`.
    pub data: String,
    pub expires_at: Time,
}

/// `POST /auth/sign-in`: the challenge, signed with an ЭЦП authentication key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    pub nonce: String,
    /// A detached CMS over the challenge's bytes, base64 (DER or BER).
    pub cms: String,
    #[serde(default)]
    pub session: SessionMode,
}

// ── eGov mobile (the browser's side; the phone's API №1 and №2 are the server's own) ─────

/// `POST /applications/{id}/egov-mobile` and `POST /auth/egov-mobile`: a session the eGov
/// mobile app signs, by the QR code on a computer or the same-device link on a phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EgovMobileStart {
    /// The browser's own secret to ask after the session with; never in the QR code.
    pub poll: Secret,
    pub expires_at: Time,
    /// What the QR code says: `mobileSign:` and the API №1 URL.
    pub qr_text: String,
    /// The QR code as an SVG image.
    pub qr_svg: String,
    pub links: EgovMobileLinks,
}

/// The same-device links that open the phone app on the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EgovMobileLinks {
    /// eGov mobile, for people.
    pub egov_mobile: String,
    /// eGov Business, for legal entities.
    pub egov_business: String,
}

/// `POST /egov-mobile/status` and `POST /egov-mobile/cancel`: which session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EgovMobilePoll {
    pub poll: Secret,
}

/// Where an eGov mobile session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EgovMobileState {
    /// Nobody has signed yet.
    Waiting,
    /// The phone's signature verified: submit, or sign in, with the session.
    Signed,
    /// The phone's signature did not verify: `refusal` says why.
    Refused,
    Expired,
    Cancelled,
    /// Submitted or signed in with already.
    Used,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EgovMobileStatus {
    pub state: EgovMobileState,
    /// For `refused`: the problem code of the signature's refusal (`signer-mismatch`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<String>,
    pub expires_at: Time,
}

/// `POST /auth/egov-mobile/sign-in`: sign in with the signed eGov mobile session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EgovMobileSignInRequest {
    pub poll: Secret,
    #[serde(default)]
    pub session: SessionMode,
}

/// `POST /auth/test-sign-in` (test mode only): a seeded test person or company, no ЭЦП.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestSignInRequest {
    pub iin_bin: String,
    #[serde(default)]
    pub session: SessionMode,
}

/// `PUT /auth/password`: a password as a second way in, set in a session begun with ЭЦП.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetPasswordRequest {
    pub password: Secret,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub iin_bin: String,
    pub password: Secret,
    #[serde(default)]
    pub session: SessionMode,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub account: Account,
    pub expires_at: Time,
    /// Only with [`SessionMode::Bearer`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<Secret>,
}

/// The applicant as the state registers know them: ГБД ФЛ for an ИИН, ГБД ЮЛ for a БИН.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", try_from = "AccountFields")]
pub enum Account {
    Individual(IndividualAccount),
    LegalEntity(LegalEntityAccount),
}

impl Account {
    pub fn iin_bin(&self) -> &str {
        match self {
            Account::Individual(person) => &person.iin_bin,
            Account::LegalEntity(entity) => &entity.iin_bin,
        }
    }

    pub fn kind(&self) -> ApplicantType {
        match self {
            Account::Individual(_) => ApplicantType::Individual,
            Account::LegalEntity(_) => ApplicantType::LegalEntity,
        }
    }
}

/// An [`Account`] as it is written (`{"kind": …, …}`), read field by field. The derived
/// reading of an internally tagged enum first copies the whole object into serde's generic
/// `Content` buffer, to find the tag; that buffer's code was most of what the public app
/// spent on reading `/auth/me` (BENCHMARKS.md, 0c).
#[derive(Deserialize)]
struct AccountFields {
    kind: ApplicantType,
    iin_bin: String,
    #[serde(default)]
    last_name: Option<String>,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    middle_name: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    address: Option<Address>,
}

impl TryFrom<AccountFields> for Account {
    type Error = &'static str;

    fn try_from(fields: AccountFields) -> Result<Self, Self::Error> {
        let AccountFields {
            kind,
            iin_bin,
            last_name,
            first_name,
            middle_name,
            name,
            address,
        } = fields;
        Ok(match kind {
            ApplicantType::Individual => Account::Individual(IndividualAccount {
                iin_bin,
                last_name: last_name.ok_or("an individual's account without `last_name`")?,
                first_name: first_name.ok_or("an individual's account without `first_name`")?,
                middle_name,
                address,
            }),
            ApplicantType::LegalEntity => Account::LegalEntity(LegalEntityAccount {
                iin_bin,
                name: name.ok_or("a legal entity's account without `name`")?,
                address,
            }),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndividualAccount {
    pub iin_bin: String,
    pub last_name: String,
    pub first_name: String,
    /// «отчество (при наличии)»: many people have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalEntityAccount {
    pub iin_bin: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

/// The address as the registry writes it: one text, because we do not know the registry's
/// structure well enough to split it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
}

// ── Applications ─────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateApplicationRequest {
    pub service: String,
    pub provider: String,
    pub sub_case: SubCase,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
}

/// Page id → the page's answers.
pub type Answers = BTreeMap<String, PageAnswers>;

/// Field id → the answer.
pub type FieldAnswers = BTreeMap<String, AnswerValue>;

/// A page answers once, or, when it repeats ("add another"), once per item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PageAnswers {
    Once(FieldAnswers),
    Repeated(Vec<FieldAnswers>),
}

/// Kept exactly as typed, numbers and dates too, so that nothing the applicant typed is
/// lost to a parse; the form's rules judge it later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    /// Text, or the id of the one option chosen.
    Text(String),
    /// The ids of the options chosen (checkboxes).
    Choices(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveAnswersRequest {
    /// The version last read; a stale one answers 409 `version-conflict`.
    pub version: u32,
    pub answers: Answers,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswersSaved {
    pub version: u32,
    pub updated_at: Time,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub id: String,
    pub service: String,
    pub provider: String,
    pub sub_case: SubCase,
    pub targets: Vec<Target>,
    pub status: ApplicationStatus,
    pub status_at: Time,
    pub version: u32,
    pub answers: Answers,
    pub documents: Vec<StoredDocument>,
    pub fee: Quote,
    /// The day whose МРП the fee uses: the payment day once paid, else today.
    pub fee_date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<ReferenceNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered_on: Option<NaiveDate>,
    /// The expected result date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ResultInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<Reason>,
    pub created_at: Time,
    pub updated_at: Time,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationSummary {
    pub id: String,
    pub service: String,
    pub provider: String,
    pub sub_case: SubCase,
    pub status: ApplicationStatus,
    pub status_at: Time,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<ReferenceNumber>,
    /// When the applicant submitted it; absent before submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
    pub updated_at: Time,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationList {
    pub items: Vec<ApplicationSummary>,
    /// Absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Where an application is: the states of [`crate::status`], under the contract's name.
pub use crate::status::Status as ApplicationStatus;

/// Whether answers and documents may still change. Once signed they may not: the signature
/// covers them.
pub fn accepts_changes(status: ApplicationStatus) -> bool {
    matches!(
        status,
        ApplicationStatus::Draft | ApplicationStatus::AwaitingPayment | ApplicationStatus::Paid
    )
}

/// The states an officer sets (`TransitionRequest.to`). The earlier ones follow from what
/// the applicant does, `delivered` included: submitting delivers.
pub fn set_by_officer(status: ApplicationStatus) -> bool {
    status.is_submitted() && status.is_known() && status != ApplicationStatus::Delivered
}

// ── Documents ────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub id: String,
    /// The catalog id of the document this file is for.
    pub document: String,
    pub file_name: String,
    /// Judged by content, never by the name.
    pub file_type: FileType,
    pub size: u64,
    pub sha256: String,
    pub uploaded_at: Time,
}

// ── Payments ─────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreatePaymentRequest {
    /// The gateway sends the browser back here with `payment=<id>` added.
    pub return_url: String,
    /// The amount the applicant pays, in whole tenge: only for a fee whose rate no source
    /// gives ([`Quote::DueUnsourced`]), where it is required; a computed fee takes none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenge: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PaymentStatus {
    Pending,
    Paid,
    /// Retried by creating a new payment.
    Declined,
    /// A state a later version of the contract added (its extension policy): the app treats
    /// it as not decided yet and keeps asking. Never sent by a backend of this version.
    #[serde(other)]
    Unknown,
}

/// The amount is the backend's own [`Quote`], fixed when the payment was created, or, for a
/// fee whose rate no source gives, the amount the applicant entered (then without an МРП).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub id: String,
    pub status: PaymentStatus,
    /// Tenths of an МРП, and the МРП, of a computed fee; absent for an entered amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mrp_tenths: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mrp: Option<u32>,
    pub tenge: u64,
    /// The gateway page, while pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    pub created_at: Time,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<Receipt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub number: String,
    pub paid_at: Time,
    pub tenge: u64,
    pub payer_iin_bin: String,
    /// КБК; 105402 for the licence fee (egov.kz «Ставки лицензионного сбора»,
    /// egov.kz/cms/ru/articles/licensing/2Flicense_pay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_code: Option<String>,
    /// КНП; 911 for the licence fee (egov.kz «Ставки лицензионного сбора»,
    /// egov.kz/cms/ru/articles/licensing/2Flicense_pay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_purpose_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway_reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentList {
    pub items: Vec<Payment>,
}

/// What the gateway reports. Repeating it changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GatewayCallback {
    pub outcome: GatewayOutcome,
    pub tenge: u64,
    pub at: Time,
    pub gateway_reference: String,
    /// Required when paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GatewayOutcome {
    Paid,
    Declined,
}

// ── Signature and submission ─────────────────────────────────────────────────────────────

/// The bytes to sign, exactly as the backend will check them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SigningData {
    pub version: u32,
    pub media_type: String,
    /// Base64.
    pub data: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitRequest {
    /// The version the signing data was read at.
    pub version: u32,
    pub signature: Signature,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Signature {
    /// Test mode only: the backend signs as the applicant.
    Test {
        #[serde(default)]
        simulate: TestOutcome,
    },
    /// A detached CMS over the signing data, base64 (DER), as NCALayer's `basicsSignCMS`
    /// makes it.
    Cms { cms: String },
    /// The CMS the eGov mobile app sent for this application: the backend kept it, and the
    /// browser names its eGov mobile session by the poll secret it was given.
    EgovMobile { poll: Secret },
}

/// Which of the regulations' certificate checks the test signer plays failing (Постановление
/// акимата ВКО от 26.03.2014 № 70, подп. 1) п. 1 (регламент), п. 11 условие 3: validity
/// period, revocation, ИИН/БИН match).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TestOutcome {
    #[default]
    Valid,
    SignatureInvalid,
    CertificateExpired,
    CertificateRevoked,
    SignerMismatch,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub application_id: String,
    pub reference_number: ReferenceNumber,
    pub status: ApplicationStatus,
    pub submitted_at: Time,
    /// The working day the request counts as registered (after 18:30 or on a day off, the
    /// next working day).
    pub registered_on: NaiveDate,
    /// Absent when the catalog has no sourced deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
}

/// An application's public number: 8 characters from A–Z and 2–9 without I, O, Q, Z, 0 and
/// 1, which are misread over the phone (the scheme of GOV.UK Forms, alphagov/forms-runner
/// `app/services/reference_number_service.rb`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ReferenceNumber(String);

impl ReferenceNumber {
    pub const ALPHABET: &'static [u8; 30] = b"ABCDEFGHJKLMNPRSTUVWXY23456789";
    pub const LENGTH: usize = 8;
    /// How many distinct numbers there are: 30⁸.
    pub const COUNT: u64 = 30u64.pow(8);

    pub fn parse(text: &str) -> Option<ReferenceNumber> {
        let valid =
            text.len() == Self::LENGTH && text.bytes().all(|byte| Self::ALPHABET.contains(&byte));
        valid.then(|| ReferenceNumber(text.to_string()))
    }

    /// The number for `n` (taken modulo [`Self::COUNT`]): distinct below `COUNT`, so a
    /// backend draws `n` at random and retries on the rare collision.
    pub fn from_number(n: u64) -> ReferenceNumber {
        let mut rest = n % Self::COUNT;
        let mut text = [0u8; Self::LENGTH];
        for slot in text.iter_mut().rev() {
            *slot = Self::ALPHABET[(rest % 30) as usize];
            rest /= 30;
        }
        ReferenceNumber(text.iter().map(|&byte| byte as char).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ReferenceNumber {
    type Error = String;

    fn try_from(text: String) -> Result<ReferenceNumber, String> {
        ReferenceNumber::parse(&text).ok_or_else(|| format!("not a reference number: {text:?}"))
    }
}

impl From<ReferenceNumber> for String {
    fn from(number: ReferenceNumber) -> String {
        number.0
    }
}

impl fmt::Display for ReferenceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// ── Status and results ───────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusEntry {
    pub status: ApplicationStatus,
    pub at: Time,
    /// When this stage should end by the regulation, where it sets a term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Oldest first.
    pub items: Vec<StatusEntry>,
}

/// Why an application was refused: a code the app words, and optionally the officer's own
/// words, shown as they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    pub code: String,
    #[serde(default, skip_serializing_if = "Params::is_empty")]
    pub params: Params,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultInfo {
    pub file_type: FileType,
    pub size: u64,
    pub sha256: String,
    pub issued_at: Time,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
}

// ── Officer ──────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficerApplication {
    #[serde(flatten)]
    pub application: Application,
    pub applicant: Account,
    /// The signature the application was submitted with, as it came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<StoredSignature>,
}

/// A submitted application's signature as the backend keeps it: the officer checks it
/// again, and a test of any backend can compare it byte for byte with what was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSignature {
    pub method: SignatureMethod,
    /// The detached CMS, base64 (DER), for `cms`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cms: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerApplicationSummary {
    #[serde(flatten)]
    pub summary: ApplicationSummary,
    pub applicant_iin_bin: String,
    pub applicant_kind: ApplicantType,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerApplicationList {
    pub items: Vec<OfficerApplicationSummary>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// `to` must be one of the states [`set_by_officer`]; the backend
/// answers any other with 400, as the contract's enum says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest {
    pub to: ApplicationStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Time>,
    /// Required to refuse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
}

// ── Problems ─────────────────────────────────────────────────────────────────────────────

/// An error body (RFC 9457). `title` and `detail` are for logs; the app words `code`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    #[serde(default, skip_serializing_if = "Params::is_empty")]
    pub params: Params,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Problem {
    /// A problem whose `type` follows from its code. `title` is the status's reason phrase,
    /// which the caller knows and this crate, having no HTTP dependency, does not.
    pub fn new(status: u16, title: &str, code: &str) -> Problem {
        Problem {
            problem_type: format!("{PROBLEM_TYPE_BASE}{code}"),
            title: title.to_string(),
            status,
            code: code.to_string(),
            detail: None,
            instance: None,
            params: Params::new(),
            errors: Vec::new(),
        }
    }
}

/// One member of the request at fault: a JSON Pointer into the body (`/answers/contacts/
/// contact-phone`), a multipart part (`/file`), or a parameter's name (`cursor`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    #[serde(default, skip_serializing_if = "Params::is_empty")]
    pub params: Params,
}

/// The problem codes of the contract, one per situation the app words differently.
pub mod code {
    pub const MALFORMED_REQUEST: &str = "malformed-request";
    pub const IDEMPOTENCY_KEY_MISSING: &str = "idempotency-key-missing";
    pub const FILE_EMPTY: &str = "file-empty";
    pub const UNAUTHENTICATED: &str = "unauthenticated";
    pub const INVALID_CREDENTIALS: &str = "invalid-credentials";
    pub const NOT_FOUND: &str = "not-found";
    pub const VERSION_CONFLICT: &str = "version-conflict";
    pub const NOT_EDITABLE: &str = "not-editable";
    pub const NOT_DISCARDABLE: &str = "not-discardable";
    pub const PAYMENT_PENDING: &str = "payment-pending";
    pub const ALREADY_PAID: &str = "already-paid";
    pub const NO_FEE_DUE: &str = "no-fee-due";
    pub const FEE_UNKNOWN: &str = "fee-unknown";
    pub const PAYMENT_REQUIRED: &str = "payment-required";
    pub const PAYMENT_FINAL: &str = "payment-final";
    pub const ALREADY_SUBMITTED: &str = "already-submitted";
    pub const IDEMPOTENCY_KEY_IN_FLIGHT: &str = "idempotency-key-in-flight";
    pub const RESULT_NOT_READY: &str = "result-not-ready";
    pub const TRANSITION_NOT_ALLOWED: &str = "transition-not-allowed";
    pub const REQUEST_TOO_LARGE: &str = "request-too-large";
    pub const FILE_TOO_LARGE: &str = "file-too-large";
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "unsupported-media-type";
    pub const FILE_TYPE_NOT_ALLOWED: &str = "file-type-not-allowed";
    pub const VALIDATION_FAILED: &str = "validation-failed";
    pub const FILE_INFECTED: &str = "file-infected";
    pub const SIGNATURE_INVALID: &str = "signature-invalid";
    pub const CERTIFICATE_EXPIRED: &str = "certificate-expired";
    pub const CERTIFICATE_REVOKED: &str = "certificate-revoked";
    pub const SIGNER_MISMATCH: &str = "signer-mismatch";
    pub const TEST_SIGNER_DISABLED: &str = "test-signer-disabled";
    pub const IDEMPOTENCY_KEY_REUSED: &str = "idempotency-key-reused";
    pub const TOO_MANY_REQUESTS: &str = "too-many-requests";
    pub const CROSS_SITE_REQUEST: &str = "cross-site-request";
    // Refusals of an ЭЦП signature (submission and signing in) beside those above.
    pub const DIGEST_MISMATCH: &str = "digest-mismatch";
    pub const CERTIFICATE_UNTRUSTED: &str = "certificate-untrusted";
    pub const WRONG_KEY_USAGE: &str = "wrong-key-usage";
    pub const ALGORITHM_UNSUPPORTED: &str = "algorithm-unsupported";
    pub const OCSP_UNAVAILABLE: &str = "ocsp-unavailable";
    pub const VERIFIER_UNAVAILABLE: &str = "verifier-unavailable";
    /// Signing in: the challenge is unknown, used, or past its lifetime.
    pub const CHALLENGE_INVALID: &str = "challenge-invalid";
    /// Setting a password needs a session begun with ЭЦП.
    pub const SIGNATURE_SESSION_REQUIRED: &str = "signature-session-required";
    // The backend cannot do it now (503), and a retry later may: its storage (database or
    // files), the payment gateway, or a stored result document does not answer.
    pub const STORAGE_UNAVAILABLE: &str = "storage-unavailable";
    pub const GATEWAY_UNAVAILABLE: &str = "gateway-unavailable";
    pub const RESULT_UNAVAILABLE: &str = "result-unavailable";
    /// eGov mobile: the session's few minutes are over.
    pub const EGOV_MOBILE_EXPIRED: &str = "egov-mobile-expired";
    /// eGov mobile: the session was signed, refused, cancelled or used already.
    pub const EGOV_MOBILE_USED: &str = "egov-mobile-used";
    /// eGov mobile: the phone has not signed (yet).
    pub const EGOV_MOBILE_NOT_SIGNED: &str = "egov-mobile-not-signed";

    pub const ALL: &[&str] = &[
        MALFORMED_REQUEST,
        IDEMPOTENCY_KEY_MISSING,
        FILE_EMPTY,
        UNAUTHENTICATED,
        INVALID_CREDENTIALS,
        NOT_FOUND,
        VERSION_CONFLICT,
        NOT_EDITABLE,
        NOT_DISCARDABLE,
        PAYMENT_PENDING,
        ALREADY_PAID,
        NO_FEE_DUE,
        FEE_UNKNOWN,
        PAYMENT_REQUIRED,
        PAYMENT_FINAL,
        ALREADY_SUBMITTED,
        IDEMPOTENCY_KEY_IN_FLIGHT,
        RESULT_NOT_READY,
        TRANSITION_NOT_ALLOWED,
        REQUEST_TOO_LARGE,
        FILE_TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        FILE_TYPE_NOT_ALLOWED,
        VALIDATION_FAILED,
        FILE_INFECTED,
        SIGNATURE_INVALID,
        CERTIFICATE_EXPIRED,
        CERTIFICATE_REVOKED,
        SIGNER_MISMATCH,
        TEST_SIGNER_DISABLED,
        IDEMPOTENCY_KEY_REUSED,
        TOO_MANY_REQUESTS,
        CROSS_SITE_REQUEST,
        DIGEST_MISMATCH,
        CERTIFICATE_UNTRUSTED,
        WRONG_KEY_USAGE,
        ALGORITHM_UNSUPPORTED,
        OCSP_UNAVAILABLE,
        VERIFIER_UNAVAILABLE,
        CHALLENGE_INVALID,
        SIGNATURE_SESSION_REQUIRED,
        STORAGE_UNAVAILABLE,
        GATEWAY_UNAVAILABLE,
        RESULT_UNAVAILABLE,
        EGOV_MOBILE_EXPIRED,
        EGOV_MOBILE_USED,
        EGOV_MOBILE_NOT_SIGNED,
    ];
}

/// The field codes the contract itself names. The rules of `otinish-core` (validation,
/// the form) add their own.
pub mod field_code {
    // The shape of the request (400).
    pub const REQUIRED: &str = "required";
    pub const UNKNOWN_FIELD: &str = "unknown-field";
    pub const WRONG_TYPE: &str = "wrong-type";
    pub const BAD_FORMAT: &str = "bad-format";
    pub const TOO_LONG: &str = "too-long";
    pub const TOO_SHORT: &str = "too-short";
    pub const OUT_OF_RANGE: &str = "out-of-range";
    pub const NOT_AN_OPTION: &str = "not-an-option";
    pub const TOO_MANY_ITEMS: &str = "too-many-items";
    // The rules of the domain (422).
    pub const NOT_IN_REGISTRY: &str = "not-in-registry";
    pub const PASSWORD_TOO_COMMON: &str = "password-too-common";
    pub const PASSWORD_CONTAINS_IIN_BIN: &str = "password-contains-iin-bin";
    pub const UNKNOWN_SERVICE: &str = "unknown-service";
    pub const UNKNOWN_PROVIDER: &str = "unknown-provider";
    pub const NOT_OFFERED_BY_PROVIDER: &str = "not-offered-by-provider";
    pub const SUB_CASE_NOT_OFFERED: &str = "sub-case-not-offered";
    pub const TARGETS_REQUIRED: &str = "targets-required";
    pub const TARGET_NOT_OFFERED: &str = "target-not-offered";
    pub const APPLICANT_NOT_ELIGIBLE: &str = "applicant-not-eligible";
    pub const DOCUMENT_NOT_EXPECTED: &str = "document-not-expected";
    pub const TOO_MANY_FILES: &str = "too-many-files";
    pub const DOCUMENT_MISSING: &str = "document-missing";
    pub const RETURN_URL_NOT_ALLOWED: &str = "return-url-not-allowed";
    pub const AMOUNT_MISMATCH: &str = "amount-mismatch";
    /// An amount was sent for a fee the backend computes itself.
    pub const AMOUNT_NOT_ACCEPTED: &str = "amount-not-accepted";
    pub const REASON_REQUIRED: &str = "reason-required";
    pub const RESULT_MISSING: &str = "result-missing";
    pub const TIME_OUT_OF_ORDER: &str = "time-out-of-order";

    pub const ALL: &[&str] = &[
        REQUIRED,
        UNKNOWN_FIELD,
        WRONG_TYPE,
        BAD_FORMAT,
        TOO_LONG,
        TOO_SHORT,
        OUT_OF_RANGE,
        NOT_AN_OPTION,
        TOO_MANY_ITEMS,
        NOT_IN_REGISTRY,
        PASSWORD_TOO_COMMON,
        PASSWORD_CONTAINS_IIN_BIN,
        UNKNOWN_SERVICE,
        UNKNOWN_PROVIDER,
        NOT_OFFERED_BY_PROVIDER,
        SUB_CASE_NOT_OFFERED,
        TARGETS_REQUIRED,
        TARGET_NOT_OFFERED,
        APPLICANT_NOT_ELIGIBLE,
        DOCUMENT_NOT_EXPECTED,
        TOO_MANY_FILES,
        DOCUMENT_MISSING,
        RETURN_URL_NOT_ALLOWED,
        AMOUNT_MISMATCH,
        AMOUNT_NOT_ACCEPTED,
        REASON_REQUIRED,
        RESULT_MISSING,
        TIME_OUT_OF_ORDER,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};
    use std::collections::BTreeSet;

    /// The contract itself, so that these tests fail when the YAML and the types drift.
    const CONTRACT: &str = include_str!("../../../api/openapi.yaml");

    // A reader for the few shapes `openapi.yaml` uses under `components/schemas` (two-space
    // indentation, one schema per `    Name:` line). It is no YAML parser: a schema written
    // another way makes these tests fail loudly rather than pass silently.

    fn schema_block(name: &str) -> Vec<&'static str> {
        let schemas = CONTRACT
            .split_once("\n  schemas:\n")
            .expect("the contract has components/schemas")
            .1;
        let header = format!("    {name}:");
        let mut lines = schemas.lines().skip_while(|line| *line != header);
        assert!(
            lines.next().is_some(),
            "schema {name} is not in the contract"
        );
        lines
            .take_while(|line| line.trim().is_empty() || indent(line) > 4)
            .collect()
    }

    fn indent(line: &str) -> usize {
        line.len() - line.trim_start().len()
    }

    /// The items of a `key: [a, b]` line, or of the `- a` lines under a bare `key:` line.
    fn list_after(block: &[&str], key_line: &str) -> Option<BTreeSet<String>> {
        let at = block.iter().position(|line| {
            line.trim_start().starts_with(key_line) && line.trim_start().len() >= key_line.len()
        })?;
        let line = block[at].trim_start();
        let rest = line[key_line.len()..].trim();
        if let Some(inner) = rest.strip_prefix('[') {
            let inner = inner
                .strip_suffix(']')
                .expect("a flow list ends on its line");
            return Some(
                inner
                    .split(',')
                    .map(|item| item.trim().to_string())
                    .collect(),
            );
        }
        assert!(rest.is_empty(), "unexpected `{line}`");
        let depth = indent(block[at]);
        Some(
            block[at + 1..]
                .iter()
                .take_while(|line| indent(line) > depth && line.trim_start().starts_with("- "))
                .map(|line| line.trim_start()[2..].trim().to_string())
                .collect(),
        )
    }

    fn properties(name: &str) -> BTreeSet<String> {
        let block = schema_block(name);
        let at = block
            .iter()
            .position(|line| *line == "      properties:")
            .unwrap_or_else(|| panic!("schema {name} has no properties"));
        block[at + 1..]
            .iter()
            .take_while(|line| line.trim().is_empty() || indent(line) >= 8)
            .filter(|line| indent(line) == 8)
            .map(|line| line.trim().split(':').next().unwrap().to_string())
            .collect()
    }

    fn required(name: &str) -> BTreeSet<String> {
        let block = schema_block(name);
        let top: Vec<&str> = block
            .iter()
            .copied()
            .filter(|line| indent(line) == 6 || indent(line) == 8)
            .collect();
        list_after(&top, "required:").unwrap_or_default()
    }

    fn string_enum(name: &str) -> BTreeSet<String> {
        list_after(&schema_block(name), "enum:").unwrap_or_else(|| panic!("{name} has no enum"))
    }

    /// The enum of one property of a schema, written `prop: { …, enum: [a, b] }` or with an
    /// `enum:` line under `prop:`.
    fn property_enum(name: &str, property: &str) -> BTreeSet<String> {
        let block = schema_block(name);
        let at = block
            .iter()
            .position(|line| line.trim_start().starts_with(&format!("{property}:")))
            .unwrap_or_else(|| panic!("{name}.{property} is not in the contract"));
        let line = block[at];
        if let Some((_, inner)) = line.split_once("enum: [") {
            let inner = inner.split(']').next().unwrap();
            return inner
                .split(',')
                .map(|item| item.trim().to_string())
                .collect();
        }
        let nested: Vec<&str> = block[at + 1..]
            .iter()
            .copied()
            .take_while(|next| indent(next) > indent(line))
            .collect();
        list_after(&nested, "enum:").unwrap_or_else(|| panic!("{name}.{property} has no enum"))
    }

    fn keys(value: &impl Serialize) -> BTreeSet<String> {
        match serde_json::to_value(value).unwrap() {
            Value::Object(map) => map.keys().cloned().collect(),
            other => panic!("not an object: {other}"),
        }
    }

    fn strings<T: Serialize>(values: impl IntoIterator<Item = T>) -> BTreeSet<String> {
        values
            .into_iter()
            .map(|value| match serde_json::to_value(value).unwrap() {
                Value::String(text) => text,
                other => panic!("not a string: {other}"),
            })
            .collect()
    }

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|item| item.to_string()).collect()
    }

    /// `full` (every optional member set) has exactly the schema's properties; `minimal`
    /// (none set) has exactly its required ones, apart from members with a default.
    fn check_shape(
        name: &str,
        full: &impl Serialize,
        minimal: &impl Serialize,
        defaulted: &[&str],
    ) {
        assert_eq!(
            keys(full),
            properties(name),
            "{name}: members differ from the contract"
        );
        let mut sent = keys(minimal);
        for member in defaulted {
            assert!(
                !required(name).contains(*member),
                "{name}.{member} has a default"
            );
            sent.remove(*member);
        }
        assert_eq!(
            sent,
            required(name),
            "{name}: required members differ from the contract"
        );
    }

    /// Every state in the journey's order; the match fails to compile when a state is added.
    const STATUSES: [ApplicationStatus; 13] = [
        ApplicationStatus::Draft,
        ApplicationStatus::AwaitingPayment,
        ApplicationStatus::Paid,
        ApplicationStatus::Signed,
        ApplicationStatus::Delivered,
        ApplicationStatus::Registered,
        ApplicationStatus::ExecutorAssigned,
        ApplicationStatus::UnderReview,
        ApplicationStatus::AgreementRequested,
        ApplicationStatus::AgreementReceived,
        ApplicationStatus::Decision,
        ApplicationStatus::Issued,
        ApplicationStatus::Refused,
    ];

    fn position(status: ApplicationStatus) -> usize {
        use ApplicationStatus::*;
        match status {
            Draft => 0,
            AwaitingPayment => 1,
            Paid => 2,
            Signed => 3,
            Delivered => 4,
            Registered => 5,
            ExecutorAssigned => 6,
            UnderReview => 7,
            AgreementRequested => 8,
            AgreementReceived => 9,
            Decision => 10,
            Issued => 11,
            Refused => 12,
            // Not a state of this version: what a later backend's new state is read as.
            Unknown => 13,
        }
    }

    fn time(text: &str) -> Time {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn round_trip<T: Serialize + for<'de> Deserialize<'de>>(example: Value) -> T {
        let parsed: T = serde_json::from_value(example.clone()).expect("the example parses");
        assert_eq!(
            serde_json::to_value(&parsed).unwrap(),
            example,
            "the example round-trips"
        );
        parsed
    }

    // ── Examples of the contract, as they are written there ─────────────────────────────

    fn application_example() -> Value {
        json!({
            "id": "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30",
            "service": "medical-licence",
            "provider": "vko-health",
            "sub_case": "duplicate",
            "targets": ["licence"],
            "status": "delivered",
            "status_at": "2026-11-23T10:15:00+05:00",
            "version": 4,
            "answers": {
                "annex-subtypes": { "activity-subtypes": "Стоматология" },
                "duplicate-details": {
                    "licence-number": "00123",
                    "licence-date": "2015-03-12",
                    "duplicate-reason": "lost"
                },
                "contacts": {
                    "contact-phone": "+77011234567",
                    "contact-email": "aigerim@example.kz"
                }
            },
            "documents": [{
                "id": "9b2e4c7a-1f3d-4e5b-8a6c-0d7e9f1a2b3c",
                "document": "qualification-form",
                "file_name": "сведения.pdf",
                "file_type": "pdf",
                "size": 48213,
                "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "uploaded_at": "2026-11-23T09:52:00+05:00"
            }],
            "fee": { "kind": "due", "mrp_tenths": 100, "mrp": 4325, "tenge": 43250 },
            "fee_date": "2026-11-23",
            "reference_number": "HD3KM7PR",
            "submitted_at": "2026-11-23T10:15:00+05:00",
            "registered_on": "2026-11-23",
            "due_date": "2026-11-25",
            "created_at": "2026-11-23T09:40:00+05:00",
            "updated_at": "2026-11-23T10:15:00+05:00"
        })
    }

    fn individual() -> Account {
        Account::Individual(IndividualAccount {
            iin_bin: "061211600012".into(),
            last_name: "Сейтқали".into(),
            first_name: "Әйгерім".into(),
            middle_name: Some("Нұрланқызы".into()),
            address: Some(Address {
                text: "г. Усть-Каменогорск, ул. Примерная, 1, кв. 1".into(),
                postcode: Some("070000".into()),
            }),
        })
    }

    fn reason() -> Reason {
        let mut params = Params::new();
        params.insert("document".into(), json!("qualification-form"));
        Reason {
            code: "incomplete-package".into(),
            params,
            comment: Some("Не приложена форма сведений.".into()),
        }
    }

    fn bare_reason() -> Reason {
        Reason {
            code: "incomplete-package".into(),
            params: Params::new(),
            comment: None,
        }
    }

    fn receipt() -> Receipt {
        Receipt {
            number: "0000481516".into(),
            paid_at: time("2026-11-23T10:04:00+05:00"),
            tenge: 43_250,
            payer_iin_bin: "061211600012".into(),
            budget_code: Some("105402".into()),
            payment_purpose_code: Some("911".into()),
            gateway_reference: Some("PSHEP-2342".into()),
        }
    }

    fn result_info() -> ResultInfo {
        ResultInfo {
            file_type: FileType::Pdf,
            size: 120_433,
            sha256: "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b".into(),
            issued_at: time("2026-11-25T16:00:00+05:00"),
            document_number: Some("00123".into()),
        }
    }

    fn summary() -> ApplicationSummary {
        ApplicationSummary {
            id: "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30".into(),
            service: "medical-licence".into(),
            provider: "vko-health".into(),
            sub_case: SubCase::Duplicate,
            status: ApplicationStatus::Delivered,
            status_at: time("2026-11-23T10:15:00+05:00"),
            reference_number: ReferenceNumber::parse("HD3KM7PR"),
            submitted_at: Some(time("2026-11-23T10:15:00+05:00")),
            due_date: Some(day("2026-11-25")),
            updated_at: time("2026-11-23T10:15:00+05:00"),
        }
    }

    fn bare_summary() -> ApplicationSummary {
        ApplicationSummary {
            reference_number: None,
            submitted_at: None,
            due_date: None,
            ..summary()
        }
    }

    fn payment(receipt: Option<Receipt>) -> Payment {
        Payment {
            id: "c41d8e2f-5a6b-4c7d-9e0f-1a2b3c4d5e6f".into(),
            status: PaymentStatus::Paid,
            mrp_tenths: Some(100),
            mrp: Some(4325),
            tenge: 43_250,
            redirect_url: None,
            created_at: time("2026-11-23T10:02:00+05:00"),
            decided_at: None,
            decline_code: None,
            receipt,
        }
    }

    // ── The types have the contract's members ───────────────────────────────────────────

    #[test]
    fn an_account_is_read_by_its_kind_and_needs_that_kinds_names() {
        let read = |json: &str| serde_json::from_str::<Account>(json);
        assert_eq!(
            read(r#"{"kind":"legal-entity","iin_bin":"990140004654","name":"ТОО «Пример»","last_name":"x"}"#).unwrap(),
            Account::LegalEntity(LegalEntityAccount {
                iin_bin: "990140004654".into(),
                name: "ТОО «Пример»".into(),
                address: None,
            })
        );
        let person = read(
            r#"{"kind":"individual","iin_bin":"900101300123","last_name":"Әбенова","first_name":"Айгүл"}"#,
        );
        assert!(matches!(person, Ok(Account::Individual(p)) if p.middle_name.is_none()));
        // Each kind's own names are required; another kind's are not enough.
        assert!(
            read(r#"{"kind":"individual","iin_bin":"900101300123","name":"Әбенова"}"#).is_err()
        );
        assert!(read(r#"{"kind":"legal-entity","iin_bin":"990140004654","last_name":"x","first_name":"y"}"#).is_err());
        assert!(read(r#"{"kind":"officer","iin_bin":"990140004654","name":"x"}"#).is_err());
        assert!(read(r#"{"iin_bin":"990140004654","name":"x"}"#).is_err());
    }

    #[test]
    fn accounts_and_sessions_have_the_contracts_members() {
        let Account::Individual(person) = individual() else {
            unreachable!()
        };
        let bare_person = IndividualAccount {
            middle_name: None,
            address: None,
            ..person.clone()
        };
        check_shape(
            "IndividualAccount",
            &individual(),
            &Account::Individual(bare_person),
            &[],
        );
        let entity = LegalEntityAccount {
            iin_bin: "990140004654".into(),
            name: "ТОО «Пример»".into(),
            address: person.address.clone(),
        };
        let bare_entity = LegalEntityAccount {
            address: None,
            ..entity.clone()
        };
        check_shape(
            "LegalEntityAccount",
            &Account::LegalEntity(entity),
            &Account::LegalEntity(bare_entity),
            &[],
        );
        let address = person.address.clone().unwrap();
        let bare_address = Address {
            postcode: None,
            ..address.clone()
        };
        check_shape("Address", &address, &bare_address, &[]);

        let password = SetPasswordRequest {
            password: Secret::new("correct horse battery staple"),
        };
        check_shape("SetPasswordRequest", &password, &password, &[]);
        let sign_in = SignInRequest {
            nonce: "q1w2e3".into(),
            cms: "MIAGCSqGSIb3DQEHAqCAMIACAQE=".into(),
            session: SessionMode::Bearer,
        };
        check_shape("SignInRequest", &sign_in, &sign_in, &["session"]);
        let test = TestSignInRequest {
            iin_bin: "061211600012".into(),
            session: SessionMode::Bearer,
        };
        check_shape("TestSignInRequest", &test, &test, &["session"]);
        let challenge: SignInChallenge = serde_json::from_value(json!({
            "nonce": "q1w2e3", "data": "e30=", "expires_at": "2026-11-23T10:05:00+05:00"
        }))
        .unwrap();
        check_shape("SignInChallenge", &challenge, &challenge, &[]);
        let login = LoginRequest {
            iin_bin: "061211600012".into(),
            password: password.password.clone(),
            session: SessionMode::Cookie,
        };
        check_shape("LoginRequest", &login, &login, &["session"]);
        let session = Session {
            account: individual(),
            expires_at: time("2026-11-23T10:45:00+05:00"),
            token: Some(Secret::new("0123456789abcdef0123")),
        };
        let cookie_session = Session {
            token: None,
            ..session.clone()
        };
        check_shape("Session", &session, &cookie_session, &[]);
    }

    #[test]
    fn configuration_has_the_contracts_members() {
        let limits = Limits {
            max_file_bytes: 10_485_760,
            max_files_per_document: 10,
            max_answers_bytes: 262_144,
            session_idle_seconds: 1_800,
        };
        check_shape("Limits", &limits, &limits, &[]);
        let config = Config {
            test_mode: true,
            file_types: vec![FileType::Pdf],
            signature_methods: vec![SignatureMethod::Test],
            limits,
        };
        check_shape("Config", &config, &config, &[]);
        let health = Health {
            status: HealthStatus::Ok,
            database: DatabaseStatus::Ok,
            version: "0.1.0".into(),
        };
        check_shape("Health", &health, &health, &[]);
    }

    #[test]
    fn applications_have_the_contracts_members() {
        let full: Application = serde_json::from_value(application_example()).unwrap();
        let full = Application {
            result: Some(result_info()),
            refusal: Some(reason()),
            ..full
        };
        let bare = Application {
            reference_number: None,
            submitted_at: None,
            registered_on: None,
            due_date: None,
            result: None,
            refusal: None,
            ..full.clone()
        };
        check_shape("Application", &full, &bare, &[]);
        check_shape("ApplicationSummary", &summary(), &bare_summary(), &[]);
        let list = ApplicationList {
            items: vec![summary()],
            next_cursor: Some("abc".into()),
        };
        let last = ApplicationList {
            next_cursor: None,
            ..list.clone()
        };
        check_shape("ApplicationList", &list, &last, &[]);

        let create = CreateApplicationRequest {
            service: "medical-licence".into(),
            provider: "vko-health".into(),
            sub_case: SubCase::Duplicate,
            targets: vec![Target::Licence],
        };
        let without_targets = CreateApplicationRequest {
            targets: Vec::new(),
            ..create.clone()
        };
        check_shape("CreateApplicationRequest", &create, &without_targets, &[]);
        let save = SaveAnswersRequest {
            version: 3,
            answers: Answers::new(),
        };
        check_shape("SaveAnswersRequest", &save, &save, &[]);
        let saved = AnswersSaved {
            version: 4,
            updated_at: time("2026-11-23T09:58:00+05:00"),
        };
        check_shape("AnswersSaved", &saved, &saved, &[]);
        let document = full.documents[0].clone();
        check_shape("StoredDocument", &document, &document, &[]);
    }

    #[test]
    fn payments_have_the_contracts_members() {
        let full = Payment {
            redirect_url: Some("https://otinish.kz/gateway/pay/c41d8e2f".into()),
            decided_at: Some(time("2026-11-23T10:04:00+05:00")),
            decline_code: Some("card-declined".into()),
            ..payment(Some(receipt()))
        };
        let entered = Payment {
            mrp_tenths: None,
            mrp: None,
            ..payment(None)
        };
        check_shape("Payment", &full, &entered, &[]);
        let bare_receipt = Receipt {
            budget_code: None,
            payment_purpose_code: None,
            gateway_reference: None,
            ..receipt()
        };
        check_shape("Receipt", &receipt(), &bare_receipt, &[]);
        let list = PaymentList { items: vec![full] };
        check_shape("PaymentList", &list, &list, &[]);
        let create = CreatePaymentRequest {
            return_url: "https://otinish.kz/applications/x/payment".into(),
            tenge: Some(30_000),
        };
        let computed = CreatePaymentRequest {
            tenge: None,
            ..create.clone()
        };
        check_shape("CreatePaymentRequest", &create, &computed, &[]);
        let callback = GatewayCallback {
            outcome: GatewayOutcome::Paid,
            tenge: 43_250,
            at: time("2026-11-23T10:04:00+05:00"),
            gateway_reference: "PSHEP-2342".into(),
            receipt_number: Some("0000481516".into()),
            decline_code: Some("card-declined".into()),
        };
        let bare_callback = GatewayCallback {
            outcome: GatewayOutcome::Declined,
            receipt_number: None,
            decline_code: None,
            ..callback.clone()
        };
        check_shape("GatewayCallback", &callback, &bare_callback, &[]);
    }

    #[test]
    fn signing_and_submission_have_the_contracts_members() {
        let data = SigningData {
            version: 4,
            media_type: "application/json".into(),
            data: "eyJhcHBsaWNhdGlvbiI6IjNmNmMxYTUyIn0=".into(),
            sha256: "cc1cd36a192f5e14af949dc2e94b7df2bb261b29d71b3e1ee525f2d0f9b88a52".into(),
        };
        check_shape("SigningData", &data, &data, &[]);
        let submit = SubmitRequest {
            version: 4,
            signature: Signature::Cms { cms: "MIAG".into() },
        };
        check_shape("SubmitRequest", &submit, &submit, &[]);
        let cms = Signature::Cms { cms: "MIAG".into() };
        check_shape("CmsSignature", &cms, &cms, &[]);
        let test = Signature::Test {
            simulate: TestOutcome::SignerMismatch,
        };
        check_shape("TestSignature", &test, &test, &["simulate"]);
        let submission = Submission {
            application_id: "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30".into(),
            reference_number: ReferenceNumber::parse("HD3KM7PR").unwrap(),
            status: ApplicationStatus::Delivered,
            submitted_at: time("2026-11-23T10:15:00+05:00"),
            registered_on: day("2026-11-23"),
            due_date: Some(day("2026-11-25")),
        };
        let without_deadline = Submission {
            due_date: None,
            ..submission.clone()
        };
        check_shape("Submission", &submission, &without_deadline, &[]);
        let egov = Signature::EgovMobile {
            poll: Secret::new("Zq3X"),
        };
        check_shape("EgovMobileSignature", &egov, &egov, &[]);
    }

    #[test]
    fn egov_mobile_bodies_have_the_contracts_members() {
        let start = EgovMobileStart {
            poll: Secret::new("Zq3X"),
            expires_at: time("2026-11-23T10:20:00+05:00"),
            qr_text: "mobileSign:https://otinish.kz/api/v1/egov-mobile/w8Yp".into(),
            qr_svg: "<svg/>".into(),
            links: EgovMobileLinks {
                egov_mobile: "https://mgovsign.page.link/?link=x".into(),
                egov_business: "https://egovbusiness.page.link/?link=x".into(),
            },
        };
        check_shape("EgovMobileStart", &start, &start, &[]);
        check_shape("EgovMobileLinks", &start.links, &start.links, &[]);
        let poll = EgovMobilePoll {
            poll: Secret::new("Zq3X"),
        };
        check_shape("EgovMobilePoll", &poll, &poll, &[]);
        let sign_in = EgovMobileSignInRequest {
            poll: Secret::new("Zq3X"),
            session: SessionMode::Bearer,
        };
        check_shape("EgovMobileSignInRequest", &sign_in, &sign_in, &["session"]);
        let refused = EgovMobileStatus {
            state: EgovMobileState::Refused,
            refusal: Some(code::SIGNER_MISMATCH.into()),
            expires_at: time("2026-11-23T10:20:00+05:00"),
        };
        let waiting = EgovMobileStatus {
            state: EgovMobileState::Waiting,
            refusal: None,
            ..refused.clone()
        };
        check_shape("EgovMobileStatus", &refused, &waiting, &[]);
        assert_eq!(
            strings([
                EgovMobileState::Waiting,
                EgovMobileState::Signed,
                EgovMobileState::Refused,
                EgovMobileState::Expired,
                EgovMobileState::Cancelled,
                EgovMobileState::Used,
            ]),
            property_enum("EgovMobileStatus", "state")
        );
    }

    #[test]
    fn status_results_and_officer_bodies_have_the_contracts_members() {
        let entry = StatusEntry {
            status: ApplicationStatus::Refused,
            at: time("2026-11-24T11:00:00+05:00"),
            due: Some(day("2026-11-25")),
            reason: Some(reason()),
        };
        let bare_entry = StatusEntry {
            due: None,
            reason: None,
            ..entry.clone()
        };
        check_shape("StatusEntry", &entry, &bare_entry, &[]);
        let history = History {
            items: vec![bare_entry],
        };
        check_shape("History", &history, &history, &[]);
        check_shape("Reason", &reason(), &bare_reason(), &[]);
        let bare_result = ResultInfo {
            document_number: None,
            ..result_info()
        };
        check_shape("ResultInfo", &result_info(), &bare_result, &[]);
        let transition = TransitionRequest {
            to: ApplicationStatus::Refused,
            at: Some(time("2026-11-24T11:00:00+05:00")),
            reason: Some(reason()),
        };
        let bare_transition = TransitionRequest {
            to: ApplicationStatus::Registered,
            at: None,
            reason: None,
        };
        check_shape("TransitionRequest", &transition, &bare_transition, &[]);
        let list = OfficerApplicationList {
            items: Vec::new(),
            next_cursor: Some("abc".into()),
        };
        let last = OfficerApplicationList {
            next_cursor: None,
            ..list.clone()
        };
        check_shape("OfficerApplicationList", &list, &last, &[]);
    }

    #[test]
    fn officer_views_add_the_applicant_to_the_applicants_view() {
        let application: Application = serde_json::from_value(application_example()).unwrap();
        let view = OfficerApplication {
            application: application.clone(),
            applicant: individual(),
            signature: None,
        };
        let mut expected = keys(&application);
        expected.insert("applicant".into());
        assert_eq!(keys(&view), expected);
        assert!(
            CONTRACT.contains("            applicant: { $ref: '#/components/schemas/Account' }")
        );

        let row = OfficerApplicationSummary {
            summary: summary(),
            applicant_iin_bin: "061211600012".into(),
            applicant_kind: ApplicantType::Individual,
        };
        let mut expected = keys(&summary());
        expected.extend(set(&["applicant_iin_bin", "applicant_kind"]));
        assert_eq!(keys(&row), expected);
        assert!(CONTRACT.contains("required: [applicant_iin_bin, applicant_kind]"));
    }

    #[test]
    fn problems_have_the_contracts_members() {
        let mut problem = Problem::new(409, "Conflict", code::VERSION_CONFLICT);
        assert_eq!(
            problem.problem_type,
            "https://otinish.kz/problems/version-conflict"
        );
        problem.detail = Some("version 3 is stale".into());
        problem.instance = Some("/api/v1/applications/x/answers".into());
        problem.params.insert("current_version".into(), json!(5));
        problem.errors.push(FieldError {
            field: "/version".into(),
            code: field_code::OUT_OF_RANGE.into(),
            params: problem.params.clone(),
        });
        let bare = Problem::new(404, "Not Found", code::NOT_FOUND);
        check_shape("Problem", &problem, &bare, &[]);
        let bare_error = FieldError {
            params: Params::new(),
            ..problem.errors[0].clone()
        };
        check_shape("FieldError", &problem.errors[0], &bare_error, &[]);
    }

    // ── Enumerations and codes agree with the contract ──────────────────────────────────

    #[test]
    fn a_later_backends_states_and_members_are_read_not_refused() {
        // The contract's extension policy: new enum values and members in answers.
        let list: ApplicationList = serde_json::from_value(json!({
            "items": [{
                "id": "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30",
                "service": "medical-licence",
                "provider": "vko-health",
                "sub_case": "duplicate",
                "status": "awaiting-officer-signature",
                "status_at": "2026-11-23T10:15:00+05:00",
                "updated_at": "2026-11-23T10:15:00+05:00",
                "priority": "high"
            }],
            "total": 1
        }))
        .expect("an unknown state and unknown members are read");
        let status = list.items[0].status;
        assert_eq!(status, ApplicationStatus::Unknown);
        assert!(!status.is_known() && status.is_submitted() && !status.is_final());
        assert!(!status.can_be_refused());
        let payment: PaymentStatus = serde_json::from_value(json!("refunded")).unwrap();
        assert_eq!(payment, PaymentStatus::Unknown);
        // An officer can never set one.
        assert!(!set_by_officer(ApplicationStatus::Unknown));
    }

    #[test]
    fn every_status_is_in_the_contract_in_the_journeys_order() {
        assert_eq!(strings(STATUSES), string_enum("ApplicationStatus"));
        let block = schema_block("ApplicationStatus").join("\n") + "\n";
        let positions: Vec<usize> = STATUSES
            .iter()
            .map(|status| {
                let name = serde_json::to_value(status).unwrap();
                let line = format!("        - {}\n", name.as_str().unwrap());
                block.find(&line).expect("every status has its own line")
            })
            .collect();
        assert!(
            positions.windows(2).all(|pair| pair[0] < pair[1]),
            "ALL and the derived order follow the contract's order"
        );
        assert!(STATUSES.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(
            STATUSES
                .iter()
                .enumerate()
                .all(|(at, status)| position(*status) == at)
        );
    }

    #[test]
    fn officers_set_exactly_the_states_the_contract_lets_them() {
        let officer_states = STATUSES
            .into_iter()
            .filter(|status| set_by_officer(*status));
        assert_eq!(
            strings(officer_states),
            property_enum("TransitionRequest", "to")
        );
        assert!(!set_by_officer(ApplicationStatus::Delivered));
        assert!(set_by_officer(ApplicationStatus::Registered));
        assert!(set_by_officer(ApplicationStatus::Refused));
    }

    #[test]
    fn only_unsigned_applications_accept_changes() {
        let open: Vec<ApplicationStatus> = STATUSES
            .into_iter()
            .filter(|status| accepts_changes(*status))
            .collect();
        assert_eq!(
            open,
            [
                ApplicationStatus::Draft,
                ApplicationStatus::AwaitingPayment,
                ApplicationStatus::Paid
            ]
        );
        assert!(CONTRACT.contains("Allowed while `draft`, `awaiting-payment` or `paid`."));
    }

    #[test]
    fn shared_enumerations_are_the_contracts() {
        assert_eq!(
            strings([ApplicantType::Individual, ApplicantType::LegalEntity]),
            string_enum("ApplicantKind")
        );
        assert_eq!(
            strings([SubCase::Issue, SubCase::Reissue, SubCase::Duplicate]),
            string_enum("SubCase")
        );
        assert_eq!(
            strings([Target::Licence, Target::Annex]),
            string_enum("Target")
        );
        assert_eq!(
            strings([FileType::Pdf, FileType::Jpeg, FileType::Png]),
            string_enum("FileType")
        );
        assert_eq!(
            strings([SignatureMethod::Test, SignatureMethod::Cms]),
            string_enum("SignatureMethod")
        );
        assert_eq!(
            strings([SessionMode::Cookie, SessionMode::Bearer]),
            string_enum("SessionMode")
        );
        assert_eq!(
            strings([
                PaymentStatus::Pending,
                PaymentStatus::Paid,
                PaymentStatus::Declined
            ]),
            string_enum("PaymentStatus")
        );
        assert_eq!(
            strings([GatewayOutcome::Paid, GatewayOutcome::Declined]),
            property_enum("GatewayCallback", "outcome")
        );
        assert_eq!(
            strings([
                TestOutcome::Valid,
                TestOutcome::SignatureInvalid,
                TestOutcome::CertificateExpired,
                TestOutcome::CertificateRevoked,
                TestOutcome::SignerMismatch,
            ]),
            property_enum("TestSignature", "simulate")
        );
        assert_eq!(
            strings([HealthStatus::Ok, HealthStatus::Degraded]),
            property_enum("Health", "status")
        );
        assert_eq!(
            strings([DatabaseStatus::Ok, DatabaseStatus::Unavailable]),
            property_enum("Health", "database")
        );
    }

    #[test]
    fn the_problem_codes_are_exactly_the_contracts() {
        let mut in_contract = BTreeSet::new();
        for (_, rest) in CONTRACT
            .match_indices("code: { enum: [")
            .map(|(at, _)| CONTRACT.split_at(at))
        {
            let inner = rest["code: { enum: [".len()..].split(']').next().unwrap();
            in_contract.extend(inner.split(',').map(|code| code.trim().to_string()));
        }
        assert_eq!(in_contract, set(code::ALL));
        assert_eq!(
            code::ALL.len(),
            set(code::ALL).len(),
            "no code is listed twice"
        );
    }

    #[test]
    fn every_field_code_is_documented_in_the_contract() {
        for field_code in field_code::ALL {
            assert!(
                CONTRACT.contains(&format!("`{field_code}`")),
                "field code {field_code} is not in the contract"
            );
        }
        assert_eq!(field_code::ALL.len(), set(field_code::ALL).len());
    }

    #[test]
    fn codes_are_kebab_case() {
        let kebab = |code: &str| {
            !code.is_empty()
                && code.split('-').all(|word| {
                    !word.is_empty()
                        && word
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                })
        };
        for code in code::ALL.iter().chain(field_code::ALL) {
            assert!(kebab(code), "{code} is not kebab-case");
        }
        assert!(!kebab("Not-Found") && !kebab("not--found") && !kebab("-x"));
    }

    #[test]
    fn names_outside_the_bodies_are_the_contracts() {
        assert!(CONTRACT.contains(&format!("name: {SESSION_COOKIE}\n")));
        assert!(CONTRACT.contains(&format!("name: {IDEMPOTENCY_KEY_HEADER}\n")));
        assert!(CONTRACT.contains(&format!("{PROBLEM_CONTENT_TYPE}:\n")));
        assert!(CONTRACT.contains(&format!("type: {PROBLEM_TYPE_BASE}not-found\n")));
        assert_eq!(
            properties("DocumentUpload"),
            set(&[part::DOCUMENT, part::FILE])
        );
        assert_eq!(
            properties("ResultUpload"),
            set(&[part::FILE, part::DOCUMENT_NUMBER])
        );
    }

    // ── The contract's examples read and write back unchanged ───────────────────────────

    #[test]
    fn the_application_example_round_trips() {
        let application: Application = round_trip(application_example());
        assert_eq!(
            application.fee,
            Quote::Due {
                mrp_tenths: 100,
                mrp: 4_325,
                tenge: 43_250
            }
        );
        assert_eq!(application.reference_number.unwrap().as_str(), "HD3KM7PR");
        let duplicate = &application.answers["duplicate-details"];
        assert_eq!(
            duplicate,
            &PageAnswers::Once(FieldAnswers::from([
                ("licence-number".into(), AnswerValue::Text("00123".into())),
                (
                    "licence-date".into(),
                    AnswerValue::Text("2015-03-12".into())
                ),
                ("duplicate-reason".into(), AnswerValue::Text("lost".into())),
            ]))
        );
    }

    #[test]
    fn the_account_session_and_config_examples_round_trip() {
        let session: Session = round_trip(json!({
            "account": {
                "kind": "individual",
                "iin_bin": "061211600012",
                "last_name": "Сейтқали",
                "first_name": "Әйгерім",
                "middle_name": "Нұрланқызы",
                "address": { "text": "г. Усть-Каменогорск, ул. Примерная, 1, кв. 1" }
            },
            "expires_at": "2026-11-23T10:45:00+05:00"
        }));
        assert_eq!(session.account.kind(), ApplicantType::Individual);
        assert_eq!(session.account.iin_bin(), "061211600012");
        assert_eq!(session.token, None);
        let entity: Account = round_trip(json!({
            "kind": "legal-entity",
            "iin_bin": "990140004654",
            "name": "ТОО «Пример»",
            "address": { "text": "г. Алматы, ул. Примерная, 2" }
        }));
        assert_eq!(entity.kind(), ApplicantType::LegalEntity);
        let config: Config = round_trip(json!({
            "test_mode": true,
            "file_types": ["pdf", "jpeg", "png"],
            "signature_methods": ["test", "cms"],
            "limits": {
                "max_file_bytes": 10485760,
                "max_files_per_document": 10,
                "max_answers_bytes": 262144,
                "session_idle_seconds": 1800
            }
        }));
        assert!(config.test_mode);
    }

    #[test]
    fn the_payment_submission_and_history_examples_round_trip() {
        let paid: Payment = round_trip(json!({
            "id": "c41d8e2f-5a6b-4c7d-9e0f-1a2b3c4d5e6f",
            "status": "paid",
            "mrp_tenths": 100,
            "mrp": 4325,
            "tenge": 43250,
            "created_at": "2026-11-23T10:02:00+05:00",
            "decided_at": "2026-11-23T10:04:00+05:00",
            "receipt": {
                "number": "0000481516",
                "paid_at": "2026-11-23T10:04:00+05:00",
                "tenge": 43250,
                "payer_iin_bin": "061211600012",
                "budget_code": "105402",
                "payment_purpose_code": "911",
                "gateway_reference": "PSHEP-2342"
            }
        }));
        assert_eq!(paid.receipt.unwrap().tenge, paid.tenge);
        let submit: SubmitRequest = round_trip(json!({
            "version": 4,
            "signature": { "method": "cms", "cms": "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAA==" }
        }));
        assert!(matches!(submit.signature, Signature::Cms { .. }));
        let submission: Submission = round_trip(json!({
            "application_id": "3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30",
            "reference_number": "HD3KM7PR",
            "status": "delivered",
            "submitted_at": "2026-11-23T10:15:00+05:00",
            "registered_on": "2026-11-23",
            "due_date": "2026-11-25"
        }));
        assert_eq!(submission.registered_on, day("2026-11-23"));
        let history: History = round_trip(json!({
            "items": [
                { "status": "draft", "at": "2026-11-23T09:40:00+05:00" },
                { "status": "awaiting-payment", "at": "2026-11-23T10:02:00+05:00" },
                { "status": "paid", "at": "2026-11-23T10:04:00+05:00" },
                { "status": "signed", "at": "2026-11-23T10:15:00+05:00" },
                { "status": "delivered", "at": "2026-11-23T10:15:00+05:00" }
            ]
        }));
        let statuses: Vec<ApplicationStatus> =
            history.items.iter().map(|entry| entry.status).collect();
        assert!(statuses.windows(2).all(|pair| pair[0] < pair[1]));
        let problem: Problem = round_trip(json!({
            "type": "https://otinish.kz/problems/version-conflict",
            "title": "Conflict",
            "status": 409,
            "code": "version-conflict",
            "params": { "current_version": 5 }
        }));
        assert_eq!(problem.params["current_version"], json!(5));
    }

    #[test]
    fn times_keep_their_offset() {
        let saved: AnswersSaved = serde_json::from_value(json!({
            "version": 2,
            "updated_at": "2026-11-23T18:31:00+05:00"
        }))
        .unwrap();
        assert_eq!(saved.updated_at.offset().local_minus_utc(), 5 * 3600);
        assert_eq!(
            serde_json::to_value(&saved).unwrap()["updated_at"],
            "2026-11-23T18:31:00+05:00"
        );
        let no_offset = serde_json::from_value::<AnswersSaved>(json!({
            "version": 2,
            "updated_at": "2026-11-23T18:31:00"
        }));
        assert!(no_offset.is_err(), "a time without an offset is ambiguous");
    }

    // ── Requests are strict; answers keep what was typed ────────────────────────────────

    #[test]
    fn requests_reject_unknown_members() {
        let unknown = [
            serde_json::from_value::<SetPasswordRequest>(
                json!({ "password": "x".repeat(15), "admin": true }),
            )
            .is_err(),
            serde_json::from_value::<SignInRequest>(
                json!({ "nonce": "n", "cms": "MIAG", "iin_bin": "061211600012" }),
            )
            .is_err(),
            serde_json::from_value::<LoginRequest>(
                json!({ "iin_bin": "061211600012", "password": "x", "remember": true }),
            )
            .is_err(),
            serde_json::from_value::<CreateApplicationRequest>(json!({
                "service": "medical-licence", "provider": "vko-health", "sub_case": "issue",
                "fee": 0
            }))
            .is_err(),
            serde_json::from_value::<SaveAnswersRequest>(
                json!({ "version": 1, "answers": {}, "status": "paid" }),
            )
            .is_err(),
            serde_json::from_value::<SubmitRequest>(
                json!({ "version": 1, "signature": { "method": "test" }, "force": true }),
            )
            .is_err(),
            serde_json::from_value::<Signature>(
                json!({ "method": "cms", "cms": "MIAG", "signer": "x" }),
            )
            .is_err(),
            serde_json::from_value::<TransitionRequest>(json!({ "to": "registered", "by": "me" }))
                .is_err(),
            serde_json::from_value::<GatewayCallback>(json!({
                "outcome": "declined", "tenge": 1, "at": "2026-11-23T10:04:00+05:00",
                "gateway_reference": "x", "extra": 1
            }))
            .is_err(),
        ];
        assert!(unknown.iter().all(|rejected| *rejected), "{unknown:?}");
        let known: SignInRequest =
            serde_json::from_value(json!({ "nonce": "q1w2e3", "cms": "MIAG" })).unwrap();
        assert_eq!(
            known.session,
            SessionMode::Cookie,
            "the cookie is the default"
        );
    }

    #[test]
    fn responses_accept_members_a_later_version_adds() {
        let mut example = application_example();
        example["priority"] = json!("high");
        assert!(serde_json::from_value::<Application>(example).is_ok());
    }

    #[test]
    fn signatures_are_told_apart_by_method() {
        let test: Signature = serde_json::from_value(json!({ "method": "test" })).unwrap();
        assert_eq!(
            test,
            Signature::Test {
                simulate: TestOutcome::Valid
            }
        );
        let expired: Signature =
            serde_json::from_value(json!({ "method": "test", "simulate": "certificate-expired" }))
                .unwrap();
        assert_eq!(
            expired,
            Signature::Test {
                simulate: TestOutcome::CertificateExpired
            }
        );
        assert!(serde_json::from_value::<Signature>(json!({ "method": "cms" })).is_err());
        assert!(
            serde_json::from_value::<Signature>(json!({ "method": "xml", "cms": "x" })).is_err()
        );
        assert!(serde_json::from_value::<Signature>(json!({ "cms": "MIAG" })).is_err());
        let egov: Signature =
            serde_json::from_value(json!({ "method": "egov-mobile", "poll": "Zq3X" })).unwrap();
        assert_eq!(
            egov,
            Signature::EgovMobile {
                poll: Secret::new("Zq3X")
            }
        );
        assert!(serde_json::from_value::<Signature>(json!({ "method": "egov-mobile" })).is_err());
    }

    #[test]
    fn answers_keep_text_choices_and_repeated_pages() {
        let answers: Answers = serde_json::from_value(json!({
            "contacts": { "contact-phone": "8 701 123 45 67" },
            "activity": { "kinds": ["retail", "wholesale"], "started": "2020-02-30" },
            "persons": [{ "last-name": "Ким" }, { "last-name": "О'Нил" }]
        }))
        .unwrap();
        assert_eq!(
            answers["contacts"],
            PageAnswers::Once(FieldAnswers::from([(
                "contact-phone".into(),
                AnswerValue::Text("8 701 123 45 67".into())
            )]))
        );
        let PageAnswers::Once(activity) = &answers["activity"] else {
            panic!("one page, not a list")
        };
        assert_eq!(
            activity["kinds"],
            AnswerValue::Choices(vec!["retail".into(), "wholesale".into()])
        );
        assert_eq!(
            activity["started"],
            AnswerValue::Text("2020-02-30".into()),
            "kept as typed"
        );
        let PageAnswers::Repeated(persons) = &answers["persons"] else {
            panic!("a repeated page")
        };
        assert_eq!(persons.len(), 2);
        assert_eq!(persons[1]["last-name"], AnswerValue::Text("О'Нил".into()));

        for not_an_answer in [
            json!({ "p": { "f": 5 } }),
            json!({ "p": { "f": null } }),
            json!({ "p": "x" }),
        ] {
            assert!(serde_json::from_value::<Answers>(not_an_answer).is_err());
        }
    }

    #[test]
    fn secrets_stay_out_of_debug_output() {
        let login = LoginRequest {
            iin_bin: "061211600012".into(),
            password: Secret::new("hunter2hunter2hunter2"),
            session: SessionMode::Bearer,
        };
        let printed = format!("{login:?}");
        assert!(!printed.contains("hunter2"), "{printed}");
        assert!(printed.contains("061211600012"));
        assert_eq!(
            serde_json::to_value(&login).unwrap()["password"],
            "hunter2hunter2hunter2"
        );
    }

    // ── Reference numbers ───────────────────────────────────────────────────────────────

    #[test]
    fn reference_numbers_avoid_characters_misread_over_the_phone() {
        assert!(ReferenceNumber::parse("HD3KM7PR").is_some());
        assert!(ReferenceNumber::parse("ABCDEFGH").is_some());
        assert!(ReferenceNumber::parse("23456789").is_some());
        for misread in [
            "HD3KM7PI", "HD3KM7PO", "HD3KM7PQ", "HD3KM7PZ", "HD3KM7P0", "HD3KM7P1",
        ] {
            assert!(ReferenceNumber::parse(misread).is_none(), "{misread}");
        }
        for wrong in [
            "",
            "HD3KM7P",
            "HD3KM7PRX",
            "hd3km7pr",
            "HD3KM7P ",
            "HD3KМ7PR",
        ] {
            assert!(ReferenceNumber::parse(wrong).is_none(), "{wrong:?}");
        }
        assert!(serde_json::from_value::<ReferenceNumber>(json!("HD3KM7PO")).is_err());
    }

    #[test]
    fn the_alphabet_is_the_contracts_pattern() {
        assert!(CONTRACT.contains("pattern: '^[A-HJ-NPR-Y2-9]{8}$'"));
        let pattern: BTreeSet<u8> = (b'A'..=b'H')
            .chain(b'J'..=b'N')
            .chain([b'P'])
            .chain(b'R'..=b'Y')
            .chain(b'2'..=b'9')
            .collect();
        let alphabet: BTreeSet<u8> = ReferenceNumber::ALPHABET.iter().copied().collect();
        assert_eq!(alphabet, pattern);
        assert_eq!(
            alphabet.len(),
            ReferenceNumber::ALPHABET.len(),
            "no symbol twice"
        );
    }

    #[test]
    fn numbers_map_to_distinct_valid_reference_numbers() {
        assert_eq!(ReferenceNumber::from_number(0).as_str(), "AAAAAAAA");
        assert_eq!(ReferenceNumber::from_number(1).as_str(), "AAAAAAAB");
        assert_eq!(ReferenceNumber::from_number(29).as_str(), "AAAAAAA9");
        assert_eq!(ReferenceNumber::from_number(30).as_str(), "AAAAAABA");
        assert_eq!(
            ReferenceNumber::from_number(ReferenceNumber::COUNT - 1).as_str(),
            "99999999"
        );
        assert_eq!(
            ReferenceNumber::from_number(ReferenceNumber::COUNT),
            ReferenceNumber::from_number(0),
            "taken modulo the count"
        );
        let mut seen = BTreeSet::new();
        for n in (0..ReferenceNumber::COUNT)
            .step_by(9_999_991)
            .chain([u64::MAX])
        {
            let number = ReferenceNumber::from_number(n);
            assert!(
                ReferenceNumber::parse(number.as_str()).is_some(),
                "{number}"
            );
            assert!(
                n == u64::MAX || seen.insert(number.clone()),
                "{n} repeats {number}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn every_number_gives_a_valid_reference_number(n: u64) {
            let number = ReferenceNumber::from_number(n);
            proptest::prop_assert!(ReferenceNumber::parse(number.as_str()).is_some());
            proptest::prop_assert_eq!(number, ReferenceNumber::from_number(n % ReferenceNumber::COUNT));
        }

        #[test]
        fn distinct_numbers_below_the_count_differ(a in 0..ReferenceNumber::COUNT, b in 0..ReferenceNumber::COUNT) {
            proptest::prop_assume!(a != b);
            proptest::prop_assert_ne!(ReferenceNumber::from_number(a), ReferenceNumber::from_number(b));
        }
    }
}
