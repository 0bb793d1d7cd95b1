//! The names of the contract's unit enums (`awaiting-payment`, `legal-entity`, `pdf`), as the
//! contract, the database and the problems' parameters spell them: one table per enum.
//!
//! Written out by a small macro rather than derived with `strum` in `otinish-core`, so that
//! the browser app's wasm carries none of it; the match is exhaustive, so a variant added in
//! the core does not build here until it is named, and the tests hold every name to serde's.

use otinish_core::api::{ApplicationStatus, PaymentStatus};
use otinish_core::catalog::{ApplicantType, FileType, SubCase};

/// A unit enum with one name per variant.
pub trait Named: Sized + Copy + 'static {
    /// Every variant with its name.
    const ALL: &'static [Self];

    fn name(self) -> &'static str;

    /// The variant of this name; `None` for any other text.
    fn from_name(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|variant| variant.name() == text)
    }
}

macro_rules! named {
    ($($type:ident { $($variant:ident => $name:literal),+ $(,)? })+) => {$(
        impl Named for $type {
            const ALL: &'static [Self] = &[$($type::$variant),+];

            fn name(self) -> &'static str {
                match self {
                    $($type::$variant => $name),+
                }
            }
        }
    )+};
}

named! {
    ApplicationStatus {
        Draft => "draft",
        AwaitingPayment => "awaiting-payment",
        Paid => "paid",
        Signed => "signed",
        Delivered => "delivered",
        Registered => "registered",
        ExecutorAssigned => "executor-assigned",
        UnderReview => "under-review",
        AgreementRequested => "agreement-requested",
        AgreementReceived => "agreement-received",
        Decision => "decision",
        Issued => "issued",
        Refused => "refused",
        Unknown => "unknown",
    }
    PaymentStatus {
        Pending => "pending",
        Paid => "paid",
        Declined => "declined",
        Unknown => "unknown",
    }
    ApplicantType {
        Individual => "individual",
        LegalEntity => "legal-entity",
    }
    SubCase {
        Issue => "issue",
        Reissue => "reissue",
        Duplicate => "duplicate",
    }
    FileType {
        Pdf => "pdf",
        Jpeg => "jpeg",
        Png => "png",
    }
}

/// A status this version of the contract has: `Unknown` is for clients reading a later
/// backend, never stored, taken as a filter or sent by this one.
pub fn known_status(text: &str) -> Option<ApplicationStatus> {
    ApplicationStatus::from_name(text).filter(|status| status.is_known())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde::de::DeserializeOwned;

    fn spelled_as_serde<T: Named + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>() {
        for &variant in T::ALL {
            let json = serde_json::to_value(variant).unwrap();
            assert_eq!(json, serde_json::Value::String(variant.name().into()));
            assert_eq!(T::from_name(variant.name()), Some(variant));
            assert_eq!(serde_json::from_value::<T>(json).unwrap(), variant);
        }
        assert_eq!(T::from_name("no-such-name"), None);
    }

    #[test]
    fn every_name_is_the_contracts() {
        spelled_as_serde::<ApplicationStatus>();
        spelled_as_serde::<PaymentStatus>();
        spelled_as_serde::<ApplicantType>();
        spelled_as_serde::<SubCase>();
        spelled_as_serde::<FileType>();
    }

    #[test]
    fn unknown_is_no_status_of_ours() {
        assert_eq!(known_status("unknown"), None);
        assert_eq!(
            known_status("awaiting-payment"),
            Some(ApplicationStatus::AwaitingPayment)
        );
    }
}
