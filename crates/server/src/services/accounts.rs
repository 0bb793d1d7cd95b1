//! An account as the contract shows it, from the registry's record: the applicant's own
//! `/auth/me` and the officer's view of an application share it.

use crate::db::RegistryRecord;
use otinish_core::api::{self, Account};

/// The contract's `Account` of a registry record.
pub fn account_of(record: RegistryRecord) -> Account {
    match record {
        RegistryRecord::Person {
            iin,
            surname,
            given_name,
            patronymic,
            address,
        } => Account::Individual(api::IndividualAccount {
            iin_bin: iin,
            last_name: surname,
            first_name: given_name,
            middle_name: patronymic,
            address: Some(api::Address {
                text: address,
                postcode: None,
            }),
        }),
        RegistryRecord::Company { bin, name, address } => {
            Account::LegalEntity(api::LegalEntityAccount {
                iin_bin: bin,
                name,
                address: Some(api::Address {
                    text: address,
                    postcode: None,
                }),
            })
        }
    }
}
