//! ИИН and БИН: the 12-digit numbers of individuals and of legal entities.
//!
//! Sources: ПП РК от 11.06.2003 № 565 (Әділет P030000565), the check-digit rule at Әділет
//! P070000406_ (item z9, which kaz-person-id links), and the open implementations
//! valery1707/kaz-person-id, ZhymabekRoman/kz-iin-validator and
//! python-stdnum `stdnum/kz/bin.py`.
//!
//! - Check digit: weights 1..11, sum mod 11; if that gives 10, weights 3..11,1,2; if that
//!   gives 10 again, no check digit exists and the number is never issued.
//! - ИИН: digits 1–6 are the birth date YYMMDD; digit 7 gives the century and sex
//!   (1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s).
//! - БИН: digits 1–4 are the year and month of registration (YYMM); digit 5 is the type
//!   (4 resident, 5 non-resident legal entity, 6 joint individual entrepreneurship);
//!   digit 6 the unit (0 head office, 1 branch, 2 representative office, 3 peasant farm).
//!
//! Telling them apart: digit 5 is the tens of the birth day in an ИИН (0–3), and the type
//! in a БИН (4–6), so the two ranges never meet.

use super::Issue;
use crate::catalog::ApplicantType;
use chrono::NaiveDate;

/// Which number a question asks for. It words the errors found before the number's kind
/// can be known (length, checksum), so an applicant asked for a БИН reads about a БИН.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    Iin,
    Bin,
    IinOrBin,
}

struct ShapeCodes {
    not_digits: &'static str,
    length: &'static str,
    checksum: &'static str,
    invalid_number: &'static str,
}

impl Asked {
    fn codes(self) -> ShapeCodes {
        match self {
            Asked::Iin => ShapeCodes {
                not_digits: "iin-not-digits",
                length: "iin-length",
                checksum: "iin-checksum",
                invalid_number: "iin-invalid-number",
            },
            Asked::Bin => ShapeCodes {
                not_digits: "bin-not-digits",
                length: "bin-length",
                checksum: "bin-checksum",
                invalid_number: "bin-invalid-number",
            },
            Asked::IinOrBin => ShapeCodes {
                not_digits: "iin-bin-not-digits",
                length: "iin-bin-length",
                checksum: "iin-bin-checksum",
                invalid_number: "iin-bin-invalid-number",
            },
        }
    }
}

const LENGTH: usize = 12;
const FIRST_WEIGHTS: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// An individual's ИИН, as 12 digits without the spaces the applicant may have typed.
pub fn check_iin(input: &str) -> Result<String, Issue> {
    check(input, Asked::Iin).map(|(_, number)| number)
}

/// A legal entity's БИН, as 12 digits.
pub fn check_bin(input: &str) -> Result<String, Issue> {
    check(input, Asked::Bin).map(|(_, number)| number)
}

/// Either number, as 12 digits; [`applicant_kind`] tells which it is.
pub fn check_iin_or_bin(input: &str) -> Result<String, Issue> {
    check(input, Asked::IinOrBin).map(|(_, number)| number)
}

/// Whether a valid number is an ИИН (an individual) or a БИН (a legal entity); `None` for
/// anything [`check_iin_or_bin`] refuses.
pub fn applicant_kind(id: &str) -> Option<ApplicantType> {
    check(id, Asked::IinOrBin).ok().map(|(kind, _)| kind)
}

/// The check digit for the first eleven digits, or `None` when both weightings give 10:
/// no number with these first eleven digits is valid.
pub fn check_digit(first_eleven: &[u8; 11]) -> Option<u8> {
    let weighted = |weights: &[u32; 11]| {
        let sum: u32 = first_eleven
            .iter()
            .zip(weights)
            .map(|(&digit, &weight)| u32::from(digit) * weight)
            .sum();
        (sum % 11) as u8
    };
    match weighted(&FIRST_WEIGHTS) {
        10 => match weighted(&SECOND_WEIGHTS) {
            10 => None,
            digit => Some(digit),
        },
        digit => Some(digit),
    }
}

/// The birth date an ИИН encodes, when its century digit and date are real.
fn iin_birth_date(digits: &[u8; LENGTH]) -> Option<NaiveDate> {
    let century = match digits[6] {
        1 | 2 => 1800,
        3 | 4 => 1900,
        5 | 6 => 2000,
        _ => return None,
    };
    let year = century + pair(digits, 0) as i32;
    NaiveDate::from_ymd_opt(year, pair(digits, 2), pair(digits, 4))
}

fn check(input: &str, asked: Asked) -> Result<(ApplicantType, String), Issue> {
    let codes = asked.codes();
    let digits = twelve_digits(input, &codes)?;
    check_sum(&digits, &codes)?;
    let kind = match asked {
        Asked::Iin => {
            if kind_by_fifth_digit(&digits) == Some(ApplicantType::LegalEntity)
                && bin_structure(&digits).is_ok()
            {
                return Err(Issue::new("iin-got-bin"));
            }
            iin_structure(&digits)?;
            ApplicantType::Individual
        }
        Asked::Bin => {
            if kind_by_fifth_digit(&digits) == Some(ApplicantType::Individual)
                && iin_structure(&digits).is_ok()
            {
                return Err(Issue::new("bin-got-iin"));
            }
            bin_structure(&digits)?;
            ApplicantType::LegalEntity
        }
        Asked::IinOrBin => match kind_by_fifth_digit(&digits) {
            Some(ApplicantType::Individual) => {
                iin_structure(&digits)?;
                ApplicantType::Individual
            }
            Some(ApplicantType::LegalEntity) => {
                bin_structure(&digits)?;
                ApplicantType::LegalEntity
            }
            None => return Err(Issue::new("iin-bin-kind").with("digit", digits[4])),
        },
    };
    let number = digits.iter().map(|d| char::from(b'0' + d)).collect();
    Ok((kind, number))
}

/// The digits, with any white space the applicant typed to group them dropped.
fn twelve_digits(input: &str, codes: &ShapeCodes) -> Result<[u8; LENGTH], Issue> {
    let mut digits = [0u8; LENGTH];
    let mut count = 0usize;
    for c in input.chars().filter(|c| !c.is_whitespace()) {
        let Some(digit) = c.to_digit(10) else {
            return Err(Issue::new(codes.not_digits));
        };
        if count < LENGTH {
            digits[count] = digit as u8;
        }
        count += 1;
    }
    if count == LENGTH {
        Ok(digits)
    } else {
        Err(Issue::new(codes.length).with("length", count))
    }
}

fn check_sum(digits: &[u8; LENGTH], codes: &ShapeCodes) -> Result<(), Issue> {
    let first_eleven: &[u8; 11] = digits[..11].try_into().expect("eleven digits");
    match check_digit(first_eleven) {
        None => Err(Issue::new(codes.invalid_number)),
        Some(expected) if expected != digits[11] => Err(Issue::new(codes.checksum)),
        Some(_) => Ok(()),
    }
}

fn kind_by_fifth_digit(digits: &[u8; LENGTH]) -> Option<ApplicantType> {
    match digits[4] {
        0..=3 => Some(ApplicantType::Individual),
        4..=6 => Some(ApplicantType::LegalEntity),
        _ => None,
    }
}

fn iin_structure(digits: &[u8; LENGTH]) -> Result<(), Issue> {
    if !(1..=6).contains(&digits[6]) {
        return Err(Issue::new("iin-century").with("digit", digits[6]));
    }
    iin_birth_date(digits)
        .map(|_| ())
        .ok_or_else(|| Issue::new("iin-birth-date"))
}

fn bin_structure(digits: &[u8; LENGTH]) -> Result<(), Issue> {
    if !(1..=12).contains(&pair(digits, 2)) {
        return Err(Issue::new("bin-month"));
    }
    if !(4..=6).contains(&digits[4]) {
        return Err(Issue::new("bin-type").with("digit", digits[4]));
    }
    if digits[5] > 3 {
        return Err(Issue::new("bin-unit").with("digit", digits[5]));
    }
    Ok(())
}

/// The two-digit number starting at `at` (a year, month or day).
fn pair(digits: &[u8; LENGTH], at: usize) -> u32 {
    u32::from(digits[at]) * 10 + u32::from(digits[at + 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::test_support::code;

    // Vectors from python-stdnum `stdnum/kz/bin.py` (940140000385, 990140004654) and the
    // kz-iin-validator README (061211600012); the failing ones were built from
    // them with the same algorithm (worked in Python), each valid but for one rule.

    #[test]
    fn published_vectors_pass() {
        assert_eq!(check_bin("940140000385"), Ok("940140000385".into()));
        assert_eq!(check_bin("990140004654"), Ok("990140004654".into()));
        assert_eq!(check_iin("061211600012"), Ok("061211600012".into()));
        assert_eq!(check_iin("790303402568"), Ok("790303402568".into()));
    }

    #[test]
    fn second_weighting_is_used_when_the_first_gives_ten() {
        // 7903034007 1: the first weighting gives 10, the second 1.
        assert_eq!(check_digit(&[7, 9, 0, 3, 0, 3, 4, 0, 0, 7, 1]), Some(1));
        assert_eq!(check_iin("790303400711"), Ok("790303400711".into()));
        assert_eq!(code(check_iin("790303400710")), "iin-checksum");
    }

    #[test]
    fn number_without_a_possible_check_digit_is_invalid() {
        // Both weightings give 10 for 79030340070, so no final digit can be right; a lazy
        // implementation would take 0.
        assert_eq!(check_digit(&[7, 9, 0, 3, 0, 3, 4, 0, 0, 7, 0]), None);
        for last in 0..=9 {
            let number = format!("79030340070{last}");
            assert_eq!(code(check_iin(&number)), "iin-invalid-number");
            assert_eq!(code(check_bin(&number)), "bin-invalid-number");
            assert_eq!(code(check_iin_or_bin(&number)), "iin-bin-invalid-number");
        }
    }

    #[test]
    fn spaces_are_dropped_other_characters_refused() {
        assert_eq!(check_iin(" 061 211 600 012 "), Ok("061211600012".into()));
        assert_eq!(check_iin("061211\u{a0}600012"), Ok("061211600012".into()));
        assert_eq!(code(check_iin("061211-600012")), "iin-not-digits");
        assert_eq!(code(check_bin("94014000038O")), "bin-not-digits");
        // Non-ASCII digits are digits to Unicode, not to the registry.
        assert_eq!(code(check_iin("٠٦١٢١١٦٠٠٠١٢")), "iin-not-digits");
    }

    #[test]
    fn length_is_twelve_digits() {
        let short = check_iin("06121160001").unwrap_err();
        assert_eq!(short.code, "iin-length");
        assert_eq!(short.param("length"), Some("11"));
        assert_eq!(code(check_bin("9401400003850")), "bin-length");
        assert_eq!(code(check_iin_or_bin("")), "iin-bin-length");
    }

    #[test]
    fn checksum_catches_a_wrong_last_digit() {
        assert_eq!(code(check_iin("061211600013")), "iin-checksum");
        assert_eq!(code(check_bin("940140000386")), "bin-checksum");
        assert_eq!(code(check_iin_or_bin("990140004655")), "iin-bin-checksum");
    }

    #[test]
    fn iin_birth_date_must_exist() {
        // Each passes the checksum.
        assert_eq!(code(check_iin("791331402563")), "iin-birth-date"); // month 13
        assert_eq!(code(check_iin("790229302561")), "iin-birth-date"); // 1979 is not leap
        assert_eq!(code(check_iin("000229300015")), "iin-birth-date"); // 1900 is not leap
        assert_eq!(code(check_iin("010229500016")), "iin-birth-date"); // 2001 is not leap
        assert_eq!(check_iin("000229500018"), Ok("000229500018".into())); // 2000 is
        let digits = [0, 6, 1, 2, 1, 1, 6, 0, 0, 0, 1, 2];
        assert_eq!(
            iin_birth_date(&digits),
            NaiveDate::from_ymd_opt(2006, 12, 11)
        );
    }

    #[test]
    fn iin_century_digit_is_one_to_six() {
        let issue = check_iin("790303702567").unwrap_err();
        assert_eq!(issue.code, "iin-century");
        assert_eq!(issue.param("digit"), Some("7"));
        assert_eq!(code(check_iin("790303002562")), "iin-century");
    }

    #[test]
    fn bin_structure_is_checked() {
        // Each passes the checksum.
        assert_eq!(code(check_bin("941340000385")), "bin-month");
        assert_eq!(code(check_bin("940040000381")), "bin-month");
        assert_eq!(code(check_bin("940170000389")), "bin-type");
        assert_eq!(code(check_bin("940144000387")), "bin-unit");
        assert_eq!(check_bin("940150000384"), Ok("940150000384".into())); // non-resident
        assert_eq!(check_bin("940163000380"), Ok("940163000380".into())); // ИП(С), farm
    }

    #[test]
    fn the_other_kind_of_number_is_named() {
        assert_eq!(code(check_iin("940140000385")), "iin-got-bin");
        assert_eq!(code(check_bin("061211600012")), "bin-got-iin");
    }

    #[test]
    fn either_number_is_told_apart_by_the_fifth_digit() {
        assert_eq!(
            applicant_kind("061211600012"),
            Some(ApplicantType::Individual)
        );
        assert_eq!(
            applicant_kind("790303402568"),
            Some(ApplicantType::Individual)
        );
        assert_eq!(
            applicant_kind("940140000385"),
            Some(ApplicantType::LegalEntity)
        );
        assert_eq!(
            applicant_kind("9901 4000 4654"),
            Some(ApplicantType::LegalEntity)
        );
        assert_eq!(applicant_kind("061211600013"), None);
        assert_eq!(applicant_kind("791331402563"), None);
        // Valid checksum, but digit 5 (7) is neither a day's tens nor a БИН type.
        assert_eq!(applicant_kind("940170000389"), None);
        let issue = check_iin_or_bin("940170000389").unwrap_err();
        assert_eq!(issue.code, "iin-bin-kind");
        assert_eq!(issue.param("digit"), Some("7"));
        // Once the kind is known, its own structure codes apply.
        assert_eq!(code(check_iin_or_bin("941340000385")), "bin-month");
        assert_eq!(code(check_iin_or_bin("790303702567")), "iin-century");
    }
}
