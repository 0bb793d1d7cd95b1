//! The catalog model: every service as data.
//!
//! The content designers write these types as TOML under `crates/core/catalog/`
//! (see `catalog/README.md`). `build.rs` reads that TOML into these same types, checks
//! it with [`super::integrity`], and embeds it in postcard's compact binary form, so an
//! inconsistent catalog fails the build. This file is included by `build.rs` too, so it
//! depends on serde only.
//!
//! Every fact carries its `source`. The sources are checked at build time and then left out
//! of the embedded catalog (they would triple its size in the browser bundle) unless the
//! `sources` feature is on, as it is for the tests.
//!
//! Texts are never stored here: every name and description is a Fluent message whose id
//! is derived from the data id (see [`super::messages`]).

use serde::{Deserialize, Serialize};

/// Everything the catalog knows, after the files have been merged.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Catalog {
    pub providers: Vec<Provider>,
    pub acts: Vec<LegalAct>,
    pub documents: Vec<Document>,
    pub fields: Vec<Field>,
    pub services: Vec<Service>,
}

/// One TOML file. A service file describes one kind of service; any file may also declare
/// providers, legal acts, documents and fields, whose ids are global across the catalog.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    #[serde(default)]
    pub service: Option<Service>,
    #[serde(default, rename = "provider")]
    pub providers: Vec<Provider>,
    #[serde(default, rename = "act")]
    pub acts: Vec<LegalAct>,
    #[serde(default, rename = "document")]
    pub documents: Vec<Document>,
    #[serde(default, rename = "field")]
    pub fields: Vec<Field>,
}

/// A body that renders services. Its name is the message `provider-{id}`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    pub id: String,
    /// `None` for a national body; otherwise the region it serves (message `region-{id}`).
    #[serde(default)]
    pub region: Option<Region>,
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    EastKazakhstan,
    SouthKazakhstan,
    AlmatyCity,
}

impl Region {
    pub const ALL: [Region; 3] = [
        Region::EastKazakhstan,
        Region::SouthKazakhstan,
        Region::AlmatyCity,
    ];
}

/// A regulation, standard or law. Its full citation, as printed, is the message `act-{id}`;
/// the repeal note is `act-repealed-by-{kind}` with the repealing act's date and number.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LegalAct {
    pub id: String,
    pub kind: ActKind,
    /// As printed on the act, e.g. "141" or "2/338"; `None` where the sources give none.
    #[serde(default)]
    pub number: Option<String>,
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    /// Registration with the justice authorities, when the act records one.
    #[serde(default)]
    pub registration: Option<Registration>,
    /// The act that repealed this one, when known.
    #[serde(default)]
    pub repealed_by: Option<Repeal>,
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    pub number: String,
    pub date: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Repeal {
    pub kind: ActKind,
    pub number: String,
    pub date: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum ActKind {
    Law,
    GovernmentResolution,
    MinisterialOrder,
    AkimatResolution,
}

/// A document an applicant may have to attach, or that the provider obtains itself.
/// Its name is the message `document-{id}`, with an optional `.hint` attribute.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    /// Accepted file types; judged by content, never by the extension.
    #[serde(default = "default_file_types")]
    pub types: Vec<FileType>,
    /// Per-file size limit in mebibytes.
    #[serde(default = "default_max_mb")]
    pub max_mb: u32,
}

fn default_file_types() -> Vec<FileType> {
    vec![FileType::Pdf, FileType::Jpeg, FileType::Png]
}

fn default_max_mb() -> u32 {
    10
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum FileType {
    Pdf,
    Jpeg,
    Png,
}

/// A question on a form page. Its label is the message `field-{id}`, with optional
/// `.hint` attribute; a select's options are `field-{id}-{option}`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    #[serde(default = "yes")]
    pub required: bool,
    /// Option ids for `select`, `radio` and `checkboxes`.
    #[serde(default)]
    pub options: Vec<String>,
    /// Maximum length in characters for text answers.
    #[serde(default)]
    pub max_len: Option<u32>,
    /// The HTML `autocomplete` token, e.g. "tel" or "postal-code".
    #[serde(default)]
    pub autocomplete: Option<String>,
    /// For dates: whether the date must lie in the past or the future.
    #[serde(default)]
    pub date_rule: Option<DateRule>,
    /// Show the field only when another field of the same page has a given answer.
    #[serde(default)]
    pub when: Option<Condition>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    Text,
    Textarea,
    Number,
    Date,
    Phone,
    Email,
    Postcode,
    Iin,
    Bin,
    IinOrBin,
    PersonName,
    Select,
    Radio,
    Checkboxes,
    YesNo,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum DateRule {
    Past,
    Future,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub field: String,
    pub equals: String,
}

/// One kind of service, with one entry ([`Provision`]) per provider that renders it.
///
/// Messages: `service-{id}` (official name), `service-{id}-short` (a short name for lists),
/// `service-{id}-summary` (what you get), `service-{id}-keywords` (extra search words).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    pub kind: ServiceKind,
    pub category: Category,
    /// Who may apply. Where the regulation is silent, the source says what it was inferred from.
    pub applicants: Vec<ApplicantType>,
    #[serde(default)]
    pub applicants_source: String,
    pub sub_cases: Vec<SubCase>,
    /// Whether the request concerns the licence, its annex, or both. Empty when the
    /// distinction does not exist for this service.
    #[serde(default)]
    pub targets: Vec<Target>,
    pub fee: Fee,
    /// Whether the Kazakh name `service-{id}` is the official text or our translation of
    /// the Russian one: the page must not present a translation as the official name.
    pub kk_name: NameStatus,
    #[serde(default)]
    pub kk_name_source: String,
    /// The form, one topic a page, in order.
    #[serde(default, rename = "page")]
    pub pages: Vec<Page>,
    #[serde(rename = "provision")]
    pub provisions: Vec<Provision>,
}

/// Where a name in the second language comes from.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum NameStatus {
    /// Word for word from an official text in that language (the source names it).
    Official,
    /// No official text was found: the name is our translation, and the page says so.
    OurTranslation,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceKind {
    Licence,
    Permit,
    Certificate,
    Conclusion,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Health,
    Narcotics,
    Industry,
    ExportControl,
    Agriculture,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Health,
        Category::Narcotics,
        Category::Industry,
        Category::ExportControl,
        Category::Agriculture,
    ];
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum ApplicantType {
    /// Identified by ИИН.
    Individual,
    /// Identified by БИН.
    LegalEntity,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum SubCase {
    Issue,
    Reissue,
    Duplicate,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    Licence,
    Annex,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// The e-government portal (egov.kz) or the e-licensing portal (elicense.kz).
    Portal,
    /// A public service centre (ЦОН).
    Con,
    /// The provider's own office (канцелярия).
    Office,
}

/// How the fee is set. Every variant carries the source of the rule.
///
/// In TOML and JSON the variant is a `rule` key beside the others (`rule = "licence-fee"`);
/// in the embedded catalog (postcard, which cannot read such a tag) it is the usual variant
/// index: see the `Serialize`/`Deserialize` impls below.
#[derive(Debug, Clone, PartialEq)]
pub enum Fee {
    /// The licence fee: `rate_mrp` МРП to issue, 10 % of it but at most 4 МРП to reissue,
    /// the full rate for a duplicate (see `crate::fees`).
    LicenceFee { rate_mrp: u32, source: String },
    /// A source says that no fee applies.
    None { source: String },
    /// No source gives the fee: either a fee is charged and its rate is unsourced, or the
    /// regulation merely has no payment step (which does not prove there is no fee). Shown
    /// as "not given by any source: check with the provider".
    Unknown { source: String },
    /// A licence fee is charged (a regulation has the applicant pay it), but no source gives
    /// its rate: the amount is set by the provider, and the applicant either pays an amount
    /// they enter through the gateway or attaches a receipt of a payment made elsewhere.
    DueUnsourced { source: String },
}

/// The catalog document of a receipt of a licence fee paid elsewhere (a bank, a terminal):
/// the other way to settle a [`Fee::DueUnsourced`] than paying through the gateway.
pub const RECEIPT_DOCUMENT: &str = "fee-receipt";

/// The catalog document of the gateway's record of a paid fee, which reaches the provider by
/// itself: there is none when the fee was paid elsewhere.
pub const GATEWAY_PAYMENT_DOCUMENT: &str = "fee-payment";

/// [`Fee`] as people write it: tagged by `rule`.
#[derive(Serialize, Deserialize)]
#[serde(
    remote = "Fee",
    tag = "rule",
    rename_all = "kebab-case",
    deny_unknown_fields
)]
enum TaggedFee {
    LicenceFee {
        rate_mrp: u32,
        #[serde(default)]
        source: String,
    },
    None {
        #[serde(default)]
        source: String,
    },
    Unknown {
        #[serde(default)]
        source: String,
    },
    DueUnsourced {
        #[serde(default)]
        source: String,
    },
}

/// [`Fee`] in compact binary formats: the variant's index, then its fields.
#[derive(Serialize, Deserialize)]
#[serde(remote = "Fee")]
enum CompactFee {
    LicenceFee { rate_mrp: u32, source: String },
    None { source: String },
    Unknown { source: String },
    DueUnsourced { source: String },
}

impl Serialize for Fee {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            TaggedFee::serialize(self, serializer)
        } else {
            CompactFee::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Fee {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            TaggedFee::deserialize(deserializer)
        } else {
            CompactFee::deserialize(deserializer)
        }
    }
}

/// A form page. Its heading is the message `page-{id}`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    pub fields: Vec<String>,
    /// Only for these sub-cases; empty means all.
    #[serde(default)]
    pub sub_cases: Vec<SubCase>,
    /// Only for these applicant types; empty means all.
    #[serde(default)]
    pub applicants: Vec<ApplicantType>,
    /// A repeatable group ("add another"): persons, addresses, objects.
    #[serde(default)]
    pub repeat: Option<Repeat>,
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Repeat {
    pub min: u32,
    pub max: u32,
}

/// One provider's rendering of a service: its own regulation, channels, deadlines,
/// steps and documents.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    pub provider: String,
    /// Who may apply at this provider, where its regulation is narrower than the service's
    /// list; empty means the service's list.
    #[serde(default)]
    pub applicants: Vec<ApplicantType>,
    #[serde(default)]
    pub applicants_source: Option<String>,
    /// Whether this provider's regulation words the result more narrowly than the service's
    /// name: the page then shows the message `service-{id}-note-{provider}`.
    #[serde(default)]
    pub result_note: bool,
    #[serde(default)]
    pub result_note_source: String,
    /// The regulation (регламент) that describes this provider's process.
    pub regulation: String,
    /// The standard (стандарт) the regulation refers to.
    pub standard: String,
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub channels_source: String,
    #[serde(rename = "deadline")]
    pub deadlines: Vec<Deadline>,
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
    #[serde(default, rename = "document")]
    pub documents: Vec<DocumentRequirement>,
    /// Whether `documents` is the whole list. The full lists are in п. 9 of the standards,
    /// which nobody could retrieve, so this is `partial` unless a source gives the list.
    pub document_list: Completeness,
    #[serde(default)]
    pub document_list_source: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Completeness {
    Complete,
    Partial,
}

/// An amount of time as a regulation states it.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub amount: u32,
    pub unit: TimeUnit,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum TimeUnit {
    Minutes,
    Hours,
    WorkingDays,
    CalendarDays,
}

/// The legal deadline for some sub-cases. `term` is `None` when no source gives it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    pub sub_cases: Vec<SubCase>,
    #[serde(default)]
    pub term: Option<Term>,
    #[serde(default)]
    pub source: String,
}

/// A processing step of the regulation. Its text is the message `step-{action}`; the
/// stage it belongs to (and so the status it drives) follows from the action.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub action: Action,
    pub actor: Actor,
    /// Only for these sub-cases; empty means all.
    #[serde(default)]
    pub sub_cases: Vec<SubCase>,
    /// `None` when the regulation gives no duration for this step.
    #[serde(default)]
    pub term: Option<Term>,
    /// The regulation says this step's term «входит в срок» of that later step: the two run
    /// at the same time, so this term is not added to the total.
    #[serde(default)]
    pub included_in: Option<Action>,
    /// Whether the step is on the way to the result or only on the way to a refusal.
    #[serde(default)]
    pub branch: Branch,
    #[serde(default)]
    pub source: String,
}

/// Which outcome a step leads to.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Branch {
    /// Every application passes through it.
    #[default]
    Main,
    /// Taken only when the application is refused (e.g. a reasoned refusal of an
    /// incomplete package): not part of the way to the result, and not of its term.
    Refusal,
}

impl Step {
    /// Whether the step's term counts towards the time the whole application takes.
    pub fn adds_to_total(&self) -> bool {
        self.branch == Branch::Main && self.included_in.is_none()
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// The portal confirms receipt to the applicant.
    NotifyReceipt,
    /// The office registers the application.
    Register,
    /// The head of the provider puts a resolution and passes it on.
    Resolution,
    /// The head of the department appoints the executor.
    AssignExecutor,
    /// The executor checks the package is complete (refusal of an incomplete package).
    CompletenessCheck,
    /// The executor asks other state bodies to agree.
    RequestAgreement,
    /// The other bodies answer.
    AgreementResponse,
    /// The executor enters the applicant's data (reissue).
    DataEntry,
    /// The executor examines the documents and drafts the result.
    Review,
    /// The head of the department endorses the draft result.
    Endorse,
    /// The head of the provider signs the result.
    Sign,
    /// The office registers the result.
    RegisterResult,
    /// The result reaches the applicant.
    IssueResult,
}

/// The stages of the application status that steps drive.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Delivered,
    Registered,
    ExecutorAssigned,
    UnderReview,
    Agreement,
    Decision,
    Issued,
}

impl Action {
    /// Which stage of the applicant's status a step belongs to.
    pub fn stage(self) -> Stage {
        match self {
            Action::NotifyReceipt => Stage::Delivered,
            Action::Register => Stage::Registered,
            Action::Resolution | Action::AssignExecutor => Stage::ExecutorAssigned,
            Action::CompletenessCheck | Action::DataEntry | Action::Review => Stage::UnderReview,
            Action::RequestAgreement | Action::AgreementResponse => Stage::Agreement,
            Action::Endorse | Action::Sign | Action::RegisterResult => Stage::Decision,
            Action::IssueResult => Stage::Issued,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    Portal,
    Con,
    Office,
    Head,
    DepartmentHead,
    Executor,
    OtherBodies,
}

/// A document in one provider's list, for some sub-cases and applicant types.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequirement {
    pub document: String,
    /// Only for these sub-cases; empty means all.
    #[serde(default)]
    pub sub_cases: Vec<SubCase>,
    /// Only for these applicant types; empty means all.
    #[serde(default)]
    pub applicants: Vec<ApplicantType>,
    /// Only for filings through these channels; empty means all. The payment data, for
    /// one, reaches the provider by itself only for portal filings.
    #[serde(default)]
    pub channels: Vec<Channel>,
    pub supplied_by: Supplier,
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default)]
    pub source: String,
}

/// Who brings a document to the file.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Supplier {
    /// The applicant attaches it.
    Applicant,
    /// The provider takes it from a state database (ГБД ФЛ/ЮЛ, the payment gateway).
    StateDatabase,
    /// The provider asks another state body for it.
    OtherBody,
}

/// Whether a step, page or document applies to a sub-case: an empty list means all.
pub fn applies<T: PartialEq>(list: &[T], item: &T) -> bool {
    list.is_empty() || list.contains(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fee_is_tagged_by_rule_in_json_and_by_variant_in_postcard() {
        let fee = Fee::LicenceFee {
            rate_mrp: 10,
            source: "Налоговый кодекс, ст. 471".into(),
        };
        let json = serde_json::to_value(&fee).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"rule": "licence-fee", "rate_mrp": 10, "source": "Налоговый кодекс, ст. 471"})
        );
        assert_eq!(serde_json::from_value::<Fee>(json).unwrap(), fee);
        let bytes = postcard::to_allocvec(&fee).unwrap();
        assert_eq!(postcard::from_bytes::<Fee>(&bytes).unwrap(), fee);
        let none = Fee::None {
            source: String::new(),
        };
        let bytes = postcard::to_allocvec(&none).unwrap();
        assert_eq!(postcard::from_bytes::<Fee>(&bytes).unwrap(), none);
    }
}
