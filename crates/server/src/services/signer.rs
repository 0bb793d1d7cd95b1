//! Whose signature a submission needs, and the test signer.
//!
//! The regulations have the provider check the signing certificate's validity, that it is
//! not revoked, and that its ИИН/БИН is the applicant's (Постановление акимата ВКО от 26.03.2014
//! № 70, подп. 1) п. 1 (регламент), п. 11 условие 3).
//! A CMS is verified in full by [`crate::signature::Verifier`] (signature value, digest,
//! chain to the trust store, validity, signing key usage, OCSP); this module says whose it
//! must be. Whatever the outcome, an accepted submission stores the CMS exactly as it came
//! (the `signatures` table, with the signed bytes and their SHA-256), so that it can be
//! verified again later.
//!
//! The test signer (test mode only) signs as the applicant and can play each refusal.

use crate::signature::Holder;
use otinish_core::api::{TestOutcome, code};
use otinish_core::catalog::ApplicantType;

/// Whom the signature must name.
pub struct Applicant<'a> {
    pub kind: ApplicantType,
    pub iin_bin: &'a str,
}

impl Applicant<'_> {
    /// A person signs with their own key (one that names no organisation); an organisation
    /// with a key of one of its employees, which names its БИН (the employee's ИИН beside it).
    pub fn signed_by(&self, holder: &Holder) -> bool {
        match self.kind {
            ApplicantType::Individual => {
                holder.iin.as_deref() == Some(self.iin_bin) && holder.bin.is_none()
            }
            ApplicantType::LegalEntity => holder.bin.as_deref() == Some(self.iin_bin),
        }
    }
}

/// The test signer: refused outside test mode, otherwise the outcome it was asked to play.
pub fn check_test(simulate: TestOutcome, test_mode: bool) -> Result<(), &'static str> {
    if !test_mode {
        return Err(code::TEST_SIGNER_DISABLED);
    }
    match simulate {
        TestOutcome::Valid => Ok(()),
        TestOutcome::SignatureInvalid => Err(code::SIGNATURE_INVALID),
        TestOutcome::CertificateExpired => Err(code::CERTIFICATE_EXPIRED),
        TestOutcome::CertificateRevoked => Err(code::CERTIFICATE_REVOKED),
        TestOutcome::SignerMismatch => Err(code::SIGNER_MISMATCH),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_signer_plays_each_outcome_and_only_in_test_mode() {
        assert_eq!(check_test(TestOutcome::Valid, true), Ok(()));
        assert_eq!(
            check_test(TestOutcome::CertificateRevoked, true),
            Err(code::CERTIFICATE_REVOKED)
        );
        assert_eq!(
            check_test(TestOutcome::SignerMismatch, true),
            Err(code::SIGNER_MISMATCH)
        );
        assert_eq!(
            check_test(TestOutcome::Valid, false),
            Err(code::TEST_SIGNER_DISABLED)
        );
    }

    #[test]
    fn a_person_is_named_by_iin_and_an_organisation_by_bin() {
        let employee = Holder {
            iin: Some("850314300003".into()),
            bin: Some("050440000002".into()),
        };
        let personal = Holder {
            iin: Some("850314300003".into()),
            bin: None,
        };
        let person = |iin_bin| Applicant {
            kind: ApplicantType::Individual,
            iin_bin,
        };
        let company = |iin_bin| Applicant {
            kind: ApplicantType::LegalEntity,
            iin_bin,
        };
        assert!(person("850314300003").signed_by(&personal));
        assert!(company("050440000002").signed_by(&employee));
        // The employee's key signs for the company, not for the person; nor the reverse.
        assert!(!person("850314300003").signed_by(&employee));
        assert!(!company("850314300003").signed_by(&employee));
        assert!(!company("050440000002").signed_by(&personal));
        assert!(!person("900521400007").signed_by(&personal));
    }
}
