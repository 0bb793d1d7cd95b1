//! The dates a submission sets: the working day it counts as registered, the expected result
//! date, and when the `delivered` stage should end. All follow from `otinish-core`'s calendar
//! and status machine, counted in the provider's local time.

use chrono::NaiveDate;
use otinish_core::catalog::{Provision, SubCase};
use otinish_core::{calendar, status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// After 18:30, on a weekend or on a holiday: the next working day.
    pub registered_on: NaiveDate,
    /// `None` where no source gives the provider's deadline for the sub-case.
    pub due_date: Option<NaiveDate>,
    pub delivered_due: Option<NaiveDate>,
}

/// The schedule of a request received at `received` (local time, +05:00).
pub fn schedule(
    provision: &Provision,
    sub_case: SubCase,
    received: chrono::NaiveDateTime,
) -> Schedule {
    let delivered_due = status::milestones(provision, sub_case, received)
        .into_iter()
        .find(|(state, _)| *state == status::Status::Delivered)
        .and_then(|(_, due)| due.map(|due| due.date()));
    Schedule {
        registered_on: calendar::registration_day(received),
        due_date: status::expected_result(provision, sub_case, received).map(|due| due.date()),
        delivered_due,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use otinish_core::catalog::catalog;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn provision(service: &str, provider: &str) -> &'static Provision {
        catalog()
            .service(service)
            .unwrap()
            .provision(provider)
            .unwrap()
    }

    #[test]
    fn a_request_by_18_30_on_a_working_day_is_registered_that_day() {
        let vko = provision("medical-licence", "vko-health");
        // Monday 2 February 2026; 18:30 itself is not «после 18.30».
        for time in [at(2026, 2, 2, 9, 0), at(2026, 2, 2, 18, 30)] {
            let schedule = schedule(vko, SubCase::Duplicate, time);
            assert_eq!(schedule.registered_on, day(2026, 2, 2));
            // Two working days for a duplicate (Постановление акимата ВКО от 26.03.2014
            // № 70, подп. 1) п. 1 (регламент), п. 10).
            assert_eq!(schedule.due_date, Some(day(2026, 2, 4)));
        }
    }

    #[test]
    fn after_18_30_or_on_a_day_off_it_is_registered_the_next_working_day() {
        let vko = provision("medical-licence", "vko-health");
        // Friday 30 January 2026 at 18:45, and Saturday 31 January: Monday 2 February.
        for time in [at(2026, 1, 30, 18, 45), at(2026, 1, 31, 11, 0)] {
            let schedule = schedule(vko, SubCase::Duplicate, time);
            assert_eq!(schedule.registered_on, day(2026, 2, 2));
            assert_eq!(schedule.due_date, Some(day(2026, 2, 4)));
        }
        // 16 December (Independence Day) 2026 is a Wednesday and a holiday.
        let holiday = schedule(vko, SubCase::Duplicate, at(2026, 12, 16, 10, 0));
        assert!(holiday.registered_on > day(2026, 12, 16));
        assert!(calendar::is_working_day(holiday.registered_on));
    }

    #[test]
    fn no_sourced_deadline_gives_no_due_date() {
        let almaty = provision("medical-licence", "almaty-economy");
        let schedule = schedule(almaty, SubCase::Issue, at(2026, 2, 2, 10, 0));
        assert_eq!(schedule.registered_on, day(2026, 2, 2));
        assert_eq!(schedule.due_date, None);
    }
}
