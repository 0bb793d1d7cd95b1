//! Fees: the МРП table, the licence-fee rule and tenge amounts.
//!
//! Fees are set in МРП (месячный расчётный показатель) and paid in tenge at the МРП in
//! force on the payment date. The МРП is a dated table, not one value a year: it changed
//! on 1 April 2020.

use crate::catalog::{Fee, SubCase};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One row of the МРП table: `tenge` from `from` until the next row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MrpRate {
    pub from: (i32, u32, u32),
    pub tenge: u32,
    pub verified: bool,
    pub source: &'static str,
}

/// The МРП from 2014 to 2026, each row with the publication it was read in (the budget laws
/// themselves were not retrieved); `verified: false` marks a row that only a draft law, a
/// derivation or an unrecorded page gives.
pub const MRP_TABLE: &[MrpRate] = &[
    MrpRate {
        from: (2014, 1, 1),
        tenge: 1_852,
        verified: false,
        source: "draft law on the republican budget for 2014, as reported by nadezhda.kz in November 2013",
    },
    MrpRate {
        from: (2015, 1, 1),
        tenge: 1_982,
        verified: true,
        source: "archive.wfin.kz («месячный расчётный показатель составляет 1 тыс. 982 тенге»); kazpravda.kz",
    },
    MrpRate {
        from: (2016, 1, 1),
        tenge: 2_121,
        verified: true,
        source: "Закон РК от 30.11.2015 № 426-V «О республиканском бюджете на 2016–2018 годы», ст. 11 (as quoted by inaktau.kz)",
    },
    MrpRate {
        from: (2017, 1, 1),
        tenge: 2_269,
        verified: false,
        source: "no publication found; unconfirmed",
    },
    MrpRate {
        from: (2018, 1, 1),
        tenge: 2_405,
        verified: true,
        source: "tengrinews.kz, 03.01.2018",
    },
    MrpRate {
        from: (2019, 1, 1),
        tenge: 2_525,
        verified: true,
        source: "pravodel.kz, «МРП 2019 РК»",
    },
    MrpRate {
        from: (2020, 1, 1),
        tenge: 2_651,
        verified: true,
        source: "16news.kz, 10.04.2020: «с 1 апреля он составляет 2778 тг, против 2651 тг»",
    },
    MrpRate {
        from: (2020, 4, 1),
        tenge: 2_778,
        verified: true,
        source: "16news.kz, 10.04.2020: «с 1 апреля он составляет 2778 тг»",
    },
    MrpRate {
        from: (2021, 1, 1),
        tenge: 2_917,
        // Marked verified once, but no publication was recorded for it.
        verified: false,
        source: "no publication recorded; unconfirmed",
    },
    MrpRate {
        from: (2022, 1, 1),
        tenge: 3_063,
        verified: true,
        source: "pricom.kz, paryz.kz (from 01.01.2022); a mid-year change in 2022 is unconfirmed",
    },
    MrpRate {
        from: (2023, 1, 1),
        tenge: 3_450,
        verified: true,
        source: "knews.kz, «МРП 2023»",
    },
    MrpRate {
        from: (2024, 1, 1),
        tenge: 3_692,
        verified: true,
        source: "derived: tengrinews.kz gives 2025 as 240 ₸ more than 2024",
    },
    MrpRate {
        from: (2025, 1, 1),
        tenge: 3_932,
        verified: true,
        source: "tengrinews.kz, «МРП в 2025 году»",
    },
    MrpRate {
        from: (2026, 1, 1),
        tenge: 4_325,
        verified: true,
        source: "law on the republican budget for 2026–2028, signed 08.12.2025 (ddn.kz, mgorod.kz)",
    },
];

impl MrpRate {
    fn starts(&self) -> NaiveDate {
        let (y, m, d) = self.from;
        NaiveDate::from_ymd_opt(y, m, d).expect("the table holds real dates")
    }
}

/// The МРП in force on `date`, or `None` before the table starts.
pub fn mrp_on(date: NaiveDate) -> Option<&'static MrpRate> {
    MRP_TABLE.iter().rev().find(|rate| rate.starts() <= date)
}

/// What an applicant pays for one sub-case on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Quote {
    /// The regulation has no payment step.
    Free,
    /// No source says whether a fee is due, nor its rate: "check with the provider".
    Unknown,
    /// A licence fee is due "at the established rate", but no source gives the rate: the
    /// applicant asks the provider, then pays what they enter ([`check_entered_tenge`]) or attaches a receipt.
    DueUnsourced,
    /// `mrp_tenths` tenths of an МРП of `mrp` tenge make `tenge`, rounded as [`round_tenge`] says.
    Due {
        mrp_tenths: u32,
        mrp: u32,
        tenge: u64,
    },
}

/// The fee in tenths of an МРП. Tenths keep the 10 % reissue rate exact without floats.
///
/// The licence-fee rule: the full rate to issue; 10 % of it, but at most 4 МРП, to reissue;
/// the full rate for a duplicate.
pub fn licence_fee_tenths(rate_mrp: u32, sub_case: SubCase) -> u32 {
    match sub_case {
        SubCase::Issue | SubCase::Duplicate => rate_mrp * 10,
        SubCase::Reissue => rate_mrp.min(40),
    }
}

/// Tenths of an МРП in whole tenge, rounding half up (0.5 ₸ and more goes up).
///
/// The rounding rule is ours: the sources give no fractional case for these rates, and the
/// one published example (0.2 × 3 932 = 786.4 → 786 ₸) fits both half-up and floor.
/// Half-up is the usual commercial rule and never under-collects by a whole tenge.
pub fn round_tenge(mrp_tenths: u32, mrp: u32) -> u64 {
    (u64::from(mrp_tenths) * u64::from(mrp) + 5) / 10
}

/// The fee for a sub-case paid on `date`.
pub fn quote(fee: &Fee, sub_case: SubCase, date: NaiveDate) -> Quote {
    match fee {
        Fee::None { .. } => Quote::Free,
        Fee::Unknown { .. } => Quote::Unknown,
        Fee::DueUnsourced { .. } => Quote::DueUnsourced,
        Fee::LicenceFee { rate_mrp, .. } => match mrp_on(date) {
            None => Quote::Unknown,
            Some(rate) => {
                let mrp_tenths = licence_fee_tenths(*rate_mrp, sub_case);
                Quote::Due {
                    mrp_tenths,
                    mrp: rate.tenge,
                    tenge: round_tenge(mrp_tenths, rate.tenge),
                }
            }
        },
    }
}

/// КБК (budget classification code) of the licence fee, shown to an applicant who pays
/// elsewhere and recorded on every receipt (egov.kz «Ставки лицензионного сбора»,
/// egov.kz/cms/ru/articles/licensing/2Flicense_pay: «КБК … 105402»).
pub const LICENCE_FEE_BUDGET_CODE: &str = "105402";
/// КНП (payment purpose code) of the licence fee (the same page, English version: «PPC … 911»).
pub const LICENCE_FEE_PAYMENT_PURPOSE_CODE: &str = "911";

/// The most an applicant may enter for a fee whose rate no source gives. Ours: far above any
/// licence-fee rate found (10–30 МРП, at most 4 325 ₸ each in 2026, so under 130 000 ₸),
/// yet a bound, so that a mistyped extra digit or two is still taken but not a runaway number.
pub const MAX_ENTERED_TENGE: u64 = 10_000_000;

/// Whether an amount the applicant entered for the fee can be paid: whole tenge (the type
/// says so), at least 1 and at most [`MAX_ENTERED_TENGE`]. The rule's code otherwise.
pub fn check_entered_tenge(tenge: u64) -> Result<(), &'static str> {
    if (1..=MAX_ENTERED_TENGE).contains(&tenge) {
        Ok(())
    } else {
        Err(crate::api::field_code::OUT_OF_RANGE)
    }
}

/// How an applicant settled the fee, as far as the application shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settlement {
    /// A payment through the gateway is paid.
    pub paid: bool,
    /// A receipt of a payment made elsewhere (the [`RECEIPT_DOCUMENT`]) is attached.
    pub receipt_attached: bool,
}

pub use crate::catalog::RECEIPT_DOCUMENT;

/// Whether the fee is settled for signing: a computed fee only by a gateway payment (the
/// amount is known, and the regulations have it paid through the gateway); a fee whose rate
/// no source gives by a gateway payment of the amount the applicant entered or by a receipt
/// of a payment made elsewhere; no fee, or one nobody knows of, needs nothing.
pub fn settled(quote: &Quote, settlement: Settlement) -> bool {
    match quote {
        Quote::Free | Quote::Unknown => true,
        Quote::Due { .. } => settlement.paid,
        Quote::DueUnsourced => settlement.paid || settlement.receipt_attached,
    }
}

/// "43 250 ₸": groups of three with a no-break space, and a no-break space before the sign,
/// as CLDR writes tenge for both `ru-KZ` and `kk-KZ`. The same in both languages.
pub fn format_tenge(tenge: u64) -> String {
    format!("{}\u{a0}₸", group_thousands(tenge))
}

/// "4 325" and "1 234 567", with no-break spaces.
pub fn group_thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{a0}');
        }
        out.push(digit);
    }
    out
}

/// The МРП multiple as a decimal with a comma, as both languages write it: "10", "1", "0,3".
pub fn format_mrp_tenths(tenths: u32) -> String {
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        fraction => format!("{},{}", tenths / 10, fraction),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn ten_mrp() -> Fee {
        Fee::LicenceFee {
            rate_mrp: 10,
            source: "test".into(),
        }
    }

    fn tenge(fee: &Fee, sub_case: SubCase, date: NaiveDate) -> u64 {
        match quote(fee, sub_case, date) {
            Quote::Due { tenge, .. } => tenge,
            other => panic!("expected an amount, got {other:?}"),
        }
    }

    #[test]
    fn the_table_is_in_order_and_covers_2014_to_2026() {
        assert!(MRP_TABLE.windows(2).all(|w| w[0].starts() < w[1].starts()));
        assert_eq!(mrp_on(day(2014, 1, 1)).unwrap().tenge, 1_852);
        assert_eq!(mrp_on(day(2026, 12, 31)).unwrap().tenge, 4_325);
        assert_eq!(mrp_on(day(2013, 12, 31)), None);
    }

    #[test]
    fn fees_in_2015() {
        let fee = ten_mrp();
        assert_eq!(tenge(&fee, SubCase::Issue, day(2015, 6, 1)), 19_820);
        assert_eq!(tenge(&fee, SubCase::Reissue, day(2015, 6, 1)), 1_982);
        assert_eq!(tenge(&fee, SubCase::Duplicate, day(2015, 6, 1)), 19_820);
    }

    #[test]
    fn fees_in_2020_change_on_the_first_of_april() {
        let fee = ten_mrp();
        assert_eq!(tenge(&fee, SubCase::Issue, day(2020, 3, 31)), 26_510);
        assert_eq!(tenge(&fee, SubCase::Issue, day(2020, 4, 1)), 27_780);
        assert_eq!(tenge(&fee, SubCase::Reissue, day(2020, 3, 31)), 2_651);
        assert_eq!(tenge(&fee, SubCase::Reissue, day(2020, 4, 1)), 2_778);
        assert_eq!(tenge(&fee, SubCase::Duplicate, day(2020, 3, 31)), 26_510);
        assert_eq!(tenge(&fee, SubCase::Duplicate, day(2020, 4, 1)), 27_780);
    }

    #[test]
    fn fees_in_2026() {
        let fee = ten_mrp();
        assert_eq!(tenge(&fee, SubCase::Issue, day(2026, 11, 23)), 43_250);
        assert_eq!(tenge(&fee, SubCase::Reissue, day(2026, 11, 23)), 4_325);
        assert_eq!(tenge(&fee, SubCase::Duplicate, day(2026, 11, 23)), 43_250);
        assert_eq!(format_tenge(43_250), "43\u{a0}250\u{a0}₸");
    }

    #[test]
    fn reissue_is_a_tenth_of_the_rate_but_at_most_four_mrp() {
        assert_eq!(licence_fee_tenths(10, SubCase::Reissue), 10);
        assert_eq!(licence_fee_tenths(30, SubCase::Reissue), 30);
        assert_eq!(licence_fee_tenths(50, SubCase::Reissue), 40);
        assert_eq!(licence_fee_tenths(100, SubCase::Reissue), 40);
        assert_eq!(licence_fee_tenths(100, SubCase::Duplicate), 1_000);
    }

    #[test]
    fn rounding_is_half_up_to_whole_tenge() {
        // 0.3 МРП of 1 982 ₸ = 594.6 ₸
        assert_eq!(round_tenge(3, 1_982), 595);
        // 0.2 МРП of 3 932 ₸ = 786.4 ₸
        assert_eq!(round_tenge(2, 3_932), 786);
        // 0.5 МРП of 2 651 ₸ = 1 325.5 ₸
        assert_eq!(round_tenge(5, 2_651), 1_326);
    }

    #[test]
    fn free_and_unknown_fees_have_no_amount() {
        let free = Fee::None {
            source: "test".into(),
        };
        let unknown = Fee::Unknown {
            source: "test".into(),
        };
        assert_eq!(quote(&free, SubCase::Issue, day(2026, 1, 1)), Quote::Free);
        assert_eq!(
            quote(&unknown, SubCase::Issue, day(2026, 1, 1)),
            Quote::Unknown
        );
    }

    #[test]
    fn an_unsourced_licence_fee_is_due_without_an_amount() {
        let fee = Fee::DueUnsourced {
            source: "test".into(),
        };
        assert_eq!(
            quote(&fee, SubCase::Reissue, day(2026, 1, 1)),
            Quote::DueUnsourced
        );
    }

    #[test]
    fn an_entered_amount_is_positive_and_bounded() {
        assert_eq!(check_entered_tenge(0), Err("out-of-range"));
        assert_eq!(check_entered_tenge(1), Ok(()));
        assert_eq!(check_entered_tenge(43_250), Ok(()));
        assert_eq!(check_entered_tenge(MAX_ENTERED_TENGE), Ok(()));
        assert_eq!(
            check_entered_tenge(MAX_ENTERED_TENGE + 1),
            Err("out-of-range")
        );
    }

    #[test]
    fn a_fee_is_settled_by_what_its_kind_accepts() {
        let nothing = Settlement {
            paid: false,
            receipt_attached: false,
        };
        let paid = Settlement {
            paid: true,
            ..nothing
        };
        let receipt = Settlement {
            receipt_attached: true,
            ..nothing
        };
        let due = Quote::Due {
            mrp_tenths: 100,
            mrp: 4_325,
            tenge: 43_250,
        };
        assert!(settled(&Quote::Free, nothing));
        assert!(settled(&Quote::Unknown, nothing));
        assert!(!settled(&due, nothing));
        assert!(settled(&due, paid));
        // A computed fee is taken through the gateway, not by a receipt of any amount.
        assert!(!settled(&due, receipt));
        assert!(!settled(&Quote::DueUnsourced, nothing));
        assert!(settled(&Quote::DueUnsourced, paid));
        assert!(settled(&Quote::DueUnsourced, receipt));
    }

    #[test]
    fn amounts_are_grouped_by_thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1_000), "1\u{a0}000");
        assert_eq!(group_thousands(1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(format_mrp_tenths(10), "1");
        assert_eq!(format_mrp_tenths(3), "0,3");
        assert_eq!(format_mrp_tenths(100), "10");
    }
}
