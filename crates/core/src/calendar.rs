//! The Kazakhstan working-day calendar: which days are working days, the day a request
//! is registered on, and the day a term ends.
//!
//! The regulations count deadlines in working days, and a request that arrives «после
//! 18.30 часов, а также в выходные или праздничные дни согласно трудовому
//! законодательству Республики Казахстан» is registered on the next working day
//! (приказ и.о. МВД РК от 19.05.2015 № 462, прил. 1, п. 5 подп. 1)).
//!
//! A day is a day off when it is:
//! 1. a Saturday or a Sunday: state bodies work a five-day week;
//! 2. a national or state holiday («праздничные дни … являются нерабочими днями», Law
//!    «О праздниках в Республике Казахстан», art. 5), or the day that such a holiday moves to
//!    when it falls on a weekend. The same article says «при совпадении выходного и
//!    праздничного дней выходным днём является следующий после праздничного рабочий день»;
//! 3. a religious day off: 7 January and the first day of Курбан айт (Labour Code,
//!    art. 84 п. 5). These are *not* moved when they fall on a weekend;
//! 4. a day of rest created by the yearly transfer (перенос дней отдыха, Labour Code
//!    art. 85 п. 3). The transfer also turns a weekend day, or in 2020 a holiday moved off
//!    a weekend, into a working day. Transfers are applied last, so they win.
//!
//! The tables cover [`CALENDAR_YEARS`]. Outside them only weekends are known: holidays and
//! transfers are not guessed, so a day outside the range is a working day unless it is a
//! Saturday or a Sunday. Inside the range, a year can still be incomplete: see
//! [`year_is_complete`].

use crate::catalog::{Term, TimeUnit};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;
use std::sync::OnceLock;

/// The years whose holidays and transfers are in the tables below.
pub const CALENDAR_YEARS: RangeInclusive<i32> = FIRST_YEAR..=LAST_YEAR;
const FIRST_YEAR: i32 = 2014;
const LAST_YEAR: i32 = 2027;

/// Requests received after this time are registered on the next working day (приказ и.о. МВД РК от 19.05.2015 № 462, прил. 1, п. 5 подп. 1):
/// «после 18.30 часов»). 18:30:00 itself is not «после».
const REGISTRATION_CUT_OFF: NaiveTime = match NaiveTime::from_hms_opt(18, 30, 0) {
    Some(time) => time,
    None => panic!("18:30 is a valid time"),
};

/// Whether `date` is a working day on the Kazakhstan calendar (five-day week).
pub fn is_working_day(date: NaiveDate) -> bool {
    let Some(days) = year_days(date.year()) else {
        return !is_weekend(date);
    };
    if days.working.contains(&date) {
        return true;
    }
    !is_weekend(date) && !days.rest.contains(&date)
}

/// The day a term of `days` working days ends: day 1 is the first working day after
/// `start`, so `start` itself never counts. With `days == 0` the answer is `start`.
pub fn add_working_days(start: NaiveDate, days: u32) -> NaiveDate {
    let mut date = start;
    let mut left = days;
    while left > 0 {
        if let Some((later, still_left)) = skip_whole_weeks(date, left) {
            date = later;
            left = still_left;
            continue;
        }
        let Some(next) = date.succ_opt() else {
            return NaiveDate::MAX;
        };
        date = next;
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

/// How many working days are left from `today` to the end of a term that ends with `due`:
/// the working days after today up to and including `due`. Zero when the term ends today or
/// has ended.
pub fn working_days_left(today: NaiveDate, due: NaiveDate) -> u32 {
    let mut left = 0;
    let mut date = today;
    while date < due {
        let Some(next) = date.succ_opt() else { break };
        date = next;
        if is_working_day(date) {
            left += 1;
        }
    }
    left
}

/// How much of a term that ends with `due` is left on `today`, in the unit the term is
/// counted in: calendar days for a term of calendar days, working days for any other, so
/// that a term of 30 calendar days never reads as so many working days left.
pub fn days_left(today: NaiveDate, due: NaiveDate, unit: TimeUnit) -> u32 {
    match unit {
        TimeUnit::CalendarDays => {
            u32::try_from((due - today).num_days().max(0)).unwrap_or(u32::MAX)
        }
        TimeUnit::Minutes | TimeUnit::Hours | TimeUnit::WorkingDays => {
            working_days_left(today, due)
        }
    }
}

/// The day a term of `days` calendar days ends: day 1 is the day after `start`.
pub fn add_calendar_days(start: NaiveDate, days: u32) -> NaiveDate {
    start
        .checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// The day a request received at `received` (local Astana time) is registered: the same
/// day if that is a working day and the request came by 18:30, otherwise the next working
/// day.
pub fn registration_day(received: NaiveDateTime) -> NaiveDate {
    let day = received.date();
    if received.time() > REGISTRATION_CUT_OFF || !is_working_day(day) {
        add_working_days(day, 1)
    } else {
        day
    }
}

/// When a term ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Due {
    /// A term in minutes or hours ends at this moment (local Astana time).
    At(NaiveDateTime),
    /// A term in days ends with this day: the whole day is still within the term.
    EndOfDay(NaiveDate),
}

impl Due {
    /// The day the term ends on.
    pub fn date(&self) -> NaiveDate {
        match self {
            Due::At(moment) => moment.date(),
            Due::EndOfDay(date) => *date,
        }
    }
}

/// When `term` ends for a request received at `received` (local Astana time).
///
/// The counting convention:
/// - Minutes and hours are elapsed time from `received`, because the regulation's
///   minute and hour steps run from the arrival of the documents. Step 1 is «после
///   поступления документов … в течение 30 (тридцати) минут» (приказ и.о. МВД РК от 19.05.2015 № 462, прил. 1, п. 5 подп. 1)). Office
///   hours are not counted: the 09:00–18:30 working day is not required here.
/// - Days run from the registration day, because a late or weekend request only counts
///   as received once it is registered (приказ и.о. МВД РК от 19.05.2015 № 462, прил. 1, п. 5 подп. 1)). Day 1 is the day after it,
///   as with any period that starts from an event. Working days skip days off, and
///   calendar days count every day.
/// - A calendar-day term that ends on a day off is not moved: no source for such a rule
///   was found for these regulations.
pub fn due_date(received: NaiveDateTime, term: &Term) -> Due {
    let elapsed = |delta: Option<TimeDelta>| {
        Due::At(
            delta
                .and_then(|delta| received.checked_add_signed(delta))
                .unwrap_or(NaiveDateTime::MAX),
        )
    };
    match term.unit {
        TimeUnit::Minutes => elapsed(TimeDelta::try_minutes(i64::from(term.amount))),
        TimeUnit::Hours => elapsed(TimeDelta::try_hours(i64::from(term.amount))),
        TimeUnit::WorkingDays => {
            Due::EndOfDay(add_working_days(registration_day(received), term.amount))
        }
        TimeUnit::CalendarDays => {
            Due::EndOfDay(add_calendar_days(registration_day(received), term.amount))
        }
    }
}

/// Whether the tables know every day off of `year`. The answer is false outside
/// [`CALENDAR_YEARS`]. It is also false for a year whose transfers or Курбан айт date no
/// source gives yet. Due dates in such a year may fall a day or two early.
pub fn year_is_complete(year: i32) -> bool {
    let transfers_known = TRANSFERS
        .iter()
        .any(|entry| entry.year == year && entry.transfers.is_some());
    let kurban_ait_known = KURBAN_AIT
        .iter()
        .any(|entry| entry.year == year && entry.first_day.is_some());
    CALENDAR_YEARS.contains(&year) && transfers_known && kurban_ait_known
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Jumps over whole weeks where only weekends are days off, that is outside the tables.
/// There, five working days after a weekday are exactly seven days later. Without the
/// jump a huge term would walk millions of days.
fn skip_whole_weeks(date: NaiveDate, left: u32) -> Option<(NaiveDate, u32)> {
    if CALENDAR_YEARS.contains(&date.year()) || is_weekend(date) {
        return None;
    }
    let mut weeks = u64::from(left / 5);
    if date.year() < *CALENDAR_YEARS.start() {
        // Stop before the tables start: those weeks may hold holidays.
        let first_listed_day = NaiveDate::from_ymd_opt(*CALENDAR_YEARS.start(), 1, 1)?;
        let days_before = u64::try_from((first_listed_day - date).num_days()).ok()?;
        weeks = weeks.min(days_before.saturating_sub(1) / 7);
    }
    if weeks == 0 {
        return None;
    }
    let later = date.checked_add_days(Days::new(weeks * 7))?;
    let used = u32::try_from(weeks * 5).ok()?;
    Some((later, left - used))
}

// ---------------------------------------------------------------------------------------
// The data. Each table says where its facts come from. A year with no source says so.
// ---------------------------------------------------------------------------------------

/// Whether a holiday moves to the next working day when it falls on a weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HolidayKind {
    /// A national or state holiday: on a weekend, the next working day is a day off.
    NationalOrState,
    /// A religious day off (7 January, Курбан айт): on a weekend, nothing moves.
    Religious,
}

/// A holiday on the same date every year, for the years it was a day off.
struct FixedHoliday {
    month: u32,
    day: u32,
    years: RangeInclusive<i32>,
    kind: HolidayKind,
    #[cfg_attr(
        not(test),
        allow(dead_code, reason = "documents the fact; the tests read it")
    )]
    source: &'static str,
}

const LAW_ON_HOLIDAYS: &str = "Law «О праздниках в РК», art. 5, quoted by \
    tengrinews.kz/kazakhstan_news/kazahstantsyi-chest-dnya-konstitutsii-budut-otdyihat-30-194954 \
    and cdb.kz/sistema/novosti/kak_otdykhaem_v_avguste_2020_goda; list as of 2019 in \
    qostanai.media/skolko-budut-otdyhat-kazahstancy-v-2019-godu, as of 2023 in \
    pro1c.kz/hotline/tipovye-resheniya/chem-otlichaetsya-prazdnichnyy-den-ot-vykhodnogo-dnya";

const LAW_OF_2022: &str = "Law of 29.09.2022 «…по вопросам кинематографии, культуры и \
    праздников»: 25 October a national holiday, 16 December a state holiday, 1 December no \
    longer a holiday (golos-naroda.kz/10039-den-respubliki-ofitsialno-vernulsia-v-kazakhstan-tokaev-podpisal-zakon-1664429213; \
    rydnyimedia.kz/kak-kazahstancy-otdohnut-v-oktjabre-i-dekabre-kalendar); since then \
    Independence Day is 16 December only (kaz.kazlenta.kz/main/11266; \
    nur.kz/society/2050651-skolko-dney-budut-otdyhat-kazahstantsy-na-den-nezavisimosti)";

const CONSTITUTION_OF_2026: &str = "Constitution adopted by referendum on 15.03.2026, \
    art. 94 п. 2: the day of adoption is the state holiday Constitution Day \
    (aimaqaqshamy.kz/ru/news/v-sluchae-prinyatiya-na-referendume-kogda-vstupit-v-silu-novaya-konstitutsiya); \
    МТСЗН: 30 August is no longer a day off from 2026, 15 March is one from 2027 \
    (taspanews.kz/novosti-kazakhstana/v-etom-godu-u-kazakhstantsev-ne-budet-odnogo-vykhodnogo-795514517615); \
    same in github.com/vacanza/holidays, holidays/countries/kazakhstan.py, commit e30bea0";

const RELIGIOUS_DAYS_OFF: &str = "Labour Code art. 84 п. 5: the first day of Курбан айт and \
    7 January are days off whatever the work regime \
    (pro1c.kz/hotline/tipovye-resheniya/chem-otlichaetsya-prazdnichnyy-den-ot-vykhodnogo-dnya); \
    not moved off a weekend: «при совпадении с выходным днём религиозных праздников … перенос \
    нерабочих дней не осуществляется» (yk-news.kz/node/10882, 2014; \
    kz.kursiv.media/2020-06-29/u-kazakhstancev-budut-dopolnitelnye-vykhodnye)";

/// The holidays on fixed dates. `CALENDAR_YEARS` means in force in every year the
/// calendar covers.
#[rustfmt::skip]
const FIXED_HOLIDAYS: &[FixedHoliday] = &[
    state(1, 1, CALENDAR_YEARS, LAW_ON_HOLIDAYS),            // Новый год
    state(1, 2, CALENDAR_YEARS, LAW_ON_HOLIDAYS),            // Новый год
    religious(1, 7, CALENDAR_YEARS, RELIGIOUS_DAYS_OFF),     // Православное Рождество
    state(3, 8, CALENDAR_YEARS, LAW_ON_HOLIDAYS),            // Международный женский день
    state(3, 15, 2027..=LAST_YEAR, CONSTITUTION_OF_2026),    // День Конституции, new date
    state(3, 21, CALENDAR_YEARS, LAW_ON_HOLIDAYS),           // Наурыз мейрамы
    state(3, 22, CALENDAR_YEARS, LAW_ON_HOLIDAYS),           // Наурыз мейрамы
    state(3, 23, CALENDAR_YEARS, LAW_ON_HOLIDAYS),           // Наурыз мейрамы
    state(5, 1, CALENDAR_YEARS, LAW_ON_HOLIDAYS),            // Праздник единства народа Казахстана
    state(5, 7, CALENDAR_YEARS, LAW_ON_HOLIDAYS),            // День защитника Отечества
    state(5, 9, CALENDAR_YEARS, LAW_ON_HOLIDAYS),            // День Победы
    state(7, 6, CALENDAR_YEARS, LAW_ON_HOLIDAYS),            // День столицы
    state(8, 30, FIRST_YEAR..=2025, CONSTITUTION_OF_2026),   // День Конституции, old date
    state(10, 25, 2022..=LAST_YEAR, LAW_OF_2022),            // День Республики
    state(12, 1, FIRST_YEAR..=2021, LAW_OF_2022),            // День Первого Президента
    state(12, 16, CALENDAR_YEARS, LAW_OF_2022),              // День Независимости
    state(12, 17, FIRST_YEAR..=2021, LAW_OF_2022),           // День Независимости, second day
];

const fn state(
    month: u32,
    day: u32,
    years: RangeInclusive<i32>,
    source: &'static str,
) -> FixedHoliday {
    FixedHoliday {
        month,
        day,
        years,
        kind: HolidayKind::NationalOrState,
        source,
    }
}

const fn religious(
    month: u32,
    day: u32,
    years: RangeInclusive<i32>,
    source: &'static str,
) -> FixedHoliday {
    FixedHoliday {
        month,
        day,
        years,
        kind: HolidayKind::Religious,
        source,
    }
}

/// The first day of Курбан айт in one year. It follows the lunar calendar, so ДУМК and the
/// Ministry of Labour announce it each year. It is [`HolidayKind::Religious`]: never moved.
/// `None` means no source gives the date yet.
struct KurbanAit {
    year: i32,
    first_day: Option<(u32, u32)>,
    #[cfg_attr(
        not(test),
        allow(dead_code, reason = "documents the fact; the tests read it")
    )]
    source: &'static str,
}

/// Every date also agrees with github.com/vacanza/holidays,
/// tests/countries/test_kazakhstan.py (test_eid_al_adha).
#[rustfmt::skip]
const KURBAN_AIT: &[KurbanAit] = &[
    kurban_ait_on(2014, 10, 4, "yk-news.kz/node/10882 (Saturday, not moved)"),
    kurban_ait_on(2015, 9, 24, "kapital.kz/gosudarstvo/36862 (egov calendar 2015); altyn-orda.kz/?p=105716"),
    kurban_ait_on(2016, 9, 12, "kapital.kz/gosudarstvo/52183 (egov calendar 2016)"),
    kurban_ait_on(2017, 9, 1, "inbusiness.kz/ru/last/kak-otdokhnut-kazakhstantsy-na-den-konstitutsii-i-kurban-ay"),
    kurban_ait_on(2018, 8, 21, "mgorod.kz/news/kazaxstancy-v-avguste-otdoxnut-10-dnej; kazlenta.kz/amp/163 (egov calendar 2018)"),
    kurban_ait_on(2019, 8, 11, "kokshetau.online/kalendar-prazdnichnyh-vyhodnyh-dnej-v-kazahstane-na-2019-god (egov calendar 2019)"),
    kurban_ait_on(2020, 7, 31, "kz.kursiv.media/2020-06-29/u-kazakhstancev-budut-dopolnitelnye-vykhodnye"),
    kurban_ait_on(2021, 7, 20, "kt.kz/eng/society/people_in_kazakhstan_will_have_11_days_off_1377917736"),
    kurban_ait_on(2022, 7, 9, "mangystaumedia.kz/ru/region/114690 (Saturday, «выходной день не переносится»)"),
    kurban_ait_on(2023, 6, 28, "sn.kz/sn-akparat-agyny/103060 (citing zakon.kz)"),
    kurban_ait_on(2024, 6, 16, "golos-naroda.kz/33368-dumk-opredelil-tochnuiu-datu-kurban-aita-vykhodnoi-den-otmenen-1717752158 (ДУМК fixed Sunday 16 June; the expected Monday off was cancelled)"),
    kurban_ait_on(2025, 6, 6, "mgorod.kz/news/skolko-dnej-otdohnut-kazahstancy-na-kurban-ajt-v-2025-godu"),
    kurban_ait_on(2026, 5, 27, "inform.kz/ru/kak-budut-otdihat-kazahstantsi-v-2026-godu-947dd6 (egov calendar 2026); zakon.kz/obshestvo/6496885 (ДУМК: may shift by a day with the new moon)"),
    KurbanAit { year: 2027, first_day: None, source: "UNKNOWN: no source found; ДУМК publishes the next year's dates in November" },
];

const fn kurban_ait_on(year: i32, month: u32, day: u32, source: &'static str) -> KurbanAit {
    KurbanAit {
        year,
        first_day: Some((month, day)),
        source,
    }
}

/// One transfer: `work_on` becomes a working day and `rest_on` a day off.
struct Transfer {
    work_on: NaiveDate,
    rest_on: NaiveDate,
}

/// The transfers of one year. `None` means no source gives them, not that there are none.
struct YearTransfers {
    year: i32,
    transfers: Option<&'static [Transfer]>,
    #[cfg_attr(
        not(test),
        allow(dead_code, reason = "documents the fact; the tests read it")
    )]
    source: &'static str,
}

/// The decrees are listed with their adilet.zan.kz ids in github.com/vacanza/holidays,
/// holidays/countries/kazakhstan.py (KazakhstanStaticHolidays). The press reports below
/// quote them. Until 2023 they were Government decrees (постановления). From 2024 they
/// are orders of the Minister of Labour (приказы МТСЗН), under the same Labour Code
/// art. 85 п. 3.
const TRANSFERS: &[YearTransfers] = &[
    YearTransfers {
        year: 2014,
        transfers: Some(&[
            // Its working Saturday lies in 2013, outside the tables.
            Transfer {
                work_on: ymd(2013, 12, 28),
                rest_on: ymd(2014, 1, 3),
            },
            Transfer {
                work_on: ymd(2014, 5, 4),
                rest_on: ymd(2014, 5, 2),
            },
            Transfer {
                work_on: ymd(2014, 5, 11),
                rest_on: ymd(2014, 5, 8),
            },
        ]),
        source: "mgorod.kz/news/na-novogodnie-prazdniki-kazaxstancy-otdoxnut-5-dnej-podryad (28.12.2013 → 03.01.2014); \
                 profinance.kz/news/novosti_dlya_koshelka/utverzhden_grafik_vyhodnyh_na_ma and \
                 mgorod.kz/news/pravitelstvo-opredelilo-dni-otdyxa-na-majskie-prazdniki (Sundays 4 and 11 May → 2 and 8 May)",
    },
    YearTransfers {
        year: 2015,
        transfers: Some(&[]),
        source: "none: the egov calendar 2015 moves only holidays off weekends \
                 (kapital.kz/gosudarstvo/36862, azh.kz/ru/news/view/25699); vacanza/holidays lists no 2015 decree",
    },
    YearTransfers {
        year: 2016,
        transfers: Some(&[Transfer {
            work_on: ymd(2016, 3, 5),
            rest_on: ymd(2016, 3, 7),
        }]),
        source: "vkurse.kz/p/1006293; decree P1600000067 (vacanza/holidays)",
    },
    YearTransfers {
        year: 2017,
        transfers: Some(&[
            Transfer {
                work_on: ymd(2017, 3, 18),
                rest_on: ymd(2017, 3, 20),
            },
            Transfer {
                work_on: ymd(2017, 7, 1),
                rest_on: ymd(2017, 7, 7),
            },
        ]),
        source: "decree text in zakon.kz/amp/ekonomika-biznes/4865970-1-ijulja-v-kazakhstane-budet-rabochim.html; \
                 «перенос дней отдыха в 2017 году коснулся лишь Наурыза и Дня столицы» \
                 (magnolia.kz/kazakhstan_news/20789)",
    },
    YearTransfers {
        year: 2018,
        transfers: Some(&[
            Transfer {
                work_on: ymd(2018, 3, 3),
                rest_on: ymd(2018, 3, 9),
            },
            Transfer {
                work_on: ymd(2018, 4, 28),
                rest_on: ymd(2018, 4, 30),
            },
            Transfer {
                work_on: ymd(2018, 5, 5),
                rest_on: ymd(2018, 5, 8),
            },
            Transfer {
                work_on: ymd(2018, 8, 25),
                rest_on: ymd(2018, 8, 31),
            },
            Transfer {
                work_on: ymd(2018, 12, 29),
                rest_on: ymd(2018, 12, 31),
            },
        ]),
        source: "primeminister.kz/en/news/15835; pro1c.kz/news/zakonodatelstvo/kakie-dni-otdykha-perenosyatsya-v-2018-godu",
    },
    YearTransfers {
        year: 2019,
        transfers: Some(&[Transfer {
            work_on: ymd(2019, 5, 4),
            rest_on: ymd(2019, 5, 10),
        }]),
        source: "decree P1800000888 (vacanza/holidays); days off 7, 9, 10, 11, 12 May \
                 (almaty.tv/ru/news/obschestvo/1323-na-sleduyuschey-nedele-v-kazakhstane-budet-dva-rabochikh-dnya)",
    },
    YearTransfers {
        year: 2020,
        transfers: Some(&[
            Transfer {
                work_on: ymd(2020, 1, 5),
                rest_on: ymd(2020, 1, 3),
            },
            // Monday 11 May was itself Victory Day moved off Saturday 9 May.
            Transfer {
                work_on: ymd(2020, 5, 11),
                rest_on: ymd(2020, 5, 8),
            },
            Transfer {
                work_on: ymd(2020, 12, 20),
                rest_on: ymd(2020, 12, 18),
            },
        ]),
        source: "decree text in kyzylorda-news.kz/ru/obshestvo/kak-kazahstanczy-otdohnut-v-2020-godu-kalendar-31660; \
                 Sunday 5 January a working day (nur.kz/1828505-kak-budut-otdyhat-kazahstancy-v-2020-godu.html)",
    },
    YearTransfers {
        year: 2021,
        transfers: Some(&[Transfer {
            work_on: ymd(2021, 7, 3),
            rest_on: ymd(2021, 7, 5),
        }]),
        source: "kt.kz/eng/society/people_in_kazakhstan_will_have_11_days_off_1377917736; decree P2000000930 (vacanza/holidays)",
    },
    YearTransfers {
        year: 2022,
        transfers: Some(&[
            Transfer {
                work_on: ymd(2022, 3, 5),
                rest_on: ymd(2022, 3, 7),
            },
            Transfer {
                work_on: ymd(2022, 8, 27),
                rest_on: ymd(2022, 8, 29),
            },
            Transfer {
                work_on: ymd(2022, 10, 22),
                rest_on: ymd(2022, 10, 24),
            },
        ]),
        source: "decree № 713 of 06.10.2021 (pm.kz/en/news/kr-ukimeti-2022-zhyly-demalys-kunderin-auystyrudy-bekitti-1195927), \
                 amended for 24 October (ortcom.kz/ru/novosti/1665217461, nur.kz/politics/kazakhstan/1991748)",
    },
    YearTransfers {
        year: 2023,
        transfers: Some(&[Transfer {
            work_on: ymd(2023, 7, 1),
            rest_on: ymd(2023, 7, 7),
        }]),
        source: "forbes.kz/news/newsid_300087; decree P2300000326 (vacanza/holidays)",
    },
    YearTransfers {
        year: 2024,
        transfers: Some(&[Transfer {
            work_on: ymd(2024, 5, 4),
            rest_on: ymd(2024, 5, 8),
        }]),
        source: "МТСЗН order of 17.04.2024 (nur.kz/society/2087000-vyhodnoy-ofitsialno-perenesut-na-mayskie-prazdniki, \
                 m.ru.sputniknews.kz/20240418/vykhodnoy-perenesli-s-4-na-8-maya---mintruda-podpisalo-prikaz-43738035.html)",
    },
    YearTransfers {
        year: 2025,
        transfers: Some(&[Transfer {
            work_on: ymd(2025, 1, 5),
            rest_on: ymd(2025, 1, 3),
        }]),
        source: "МТСЗН order (energy-city.kz/pavlodar/kazahstanczy-poluchat-chetyre-vyhodnyh-dnya-na-novyj-god); \
                 Sunday 5 January a working day (kz.kursiv.media/2024-12-23/lsbs-vyhodnye)",
    },
    YearTransfers {
        year: 2026,
        transfers: Some(&[]),
        source: "none found: the egov calendar 2026 moves only holidays off weekends \
                 (inform.kz/ru/kak-budut-otdihat-kazahstantsi-v-2026-godu-947dd6); 3 January is a plain Saturday \
                 (inform.kz/ru/kak-kazahstantsi-otdohnut-na-noviy-god-73a9c2). Sources read up to mid-2026",
    },
    YearTransfers {
        year: 2027,
        transfers: None,
        source: "UNKNOWN: no transfer order for 2027 found",
    },
];

/// A date known to be valid, checked when the tables are compiled.
const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("a calendar table holds an invalid date"),
    }
}

// ---------------------------------------------------------------------------------------
// From the tables to the days of each year.
// ---------------------------------------------------------------------------------------

/// The exceptions to the weekend rule in one year.
struct YearDays {
    /// Weekdays off: holidays, holidays moved off a weekend, transfers' days of rest.
    /// Also holds holidays that fall on a weekend, which does no harm.
    rest: Vec<NaiveDate>,
    /// Days that are working days whatever else is true of them: transfers' working days.
    working: Vec<NaiveDate>,
}

/// The exceptions of `year`, or `None` outside the tables. Built once, on first use.
fn year_days(year: i32) -> Option<&'static YearDays> {
    static YEARS: OnceLock<Vec<YearDays>> = OnceLock::new();
    if !CALENDAR_YEARS.contains(&year) {
        return None;
    }
    let years = YEARS.get_or_init(|| CALENDAR_YEARS.map(build_year).collect());
    let index = usize::try_from(year - CALENDAR_YEARS.start()).ok()?;
    years.get(index)
}

fn build_year(year: i32) -> YearDays {
    let mut holidays: Vec<(NaiveDate, HolidayKind)> = FIXED_HOLIDAYS
        .iter()
        .filter(|holiday| holiday.years.contains(&year))
        .filter_map(|holiday| {
            NaiveDate::from_ymd_opt(year, holiday.month, holiday.day)
                .map(|date| (date, holiday.kind))
        })
        .chain(kurban_ait(year).map(|date| (date, HolidayKind::Religious)))
        .collect();
    holidays.sort_by_key(|(date, _)| *date);

    let mut rest: Vec<NaiveDate> = holidays.iter().map(|(date, _)| *date).collect();
    // In date order, so that a run of weekend holidays (Наурыз 21–23 March) takes the
    // working days after it one by one.
    for (date, kind) in &holidays {
        if *kind == HolidayKind::NationalOrState && is_weekend(*date) {
            rest.push(next_day_free_of(*date, &rest));
        }
    }

    let transfers = || {
        TRANSFERS
            .iter()
            .flat_map(|entry| entry.transfers.unwrap_or(&[]))
    };
    rest.extend(
        transfers()
            .map(|transfer| transfer.rest_on)
            .filter(|date| date.year() == year),
    );
    let working = transfers()
        .map(|transfer| transfer.work_on)
        .filter(|date| date.year() == year)
        .collect();
    rest.sort();
    rest.dedup();
    YearDays { rest, working }
}

/// The first day after `date` that is neither a weekend nor already a day off.
fn next_day_free_of(date: NaiveDate, days_off: &[NaiveDate]) -> NaiveDate {
    let mut day = date;
    while let Some(next) = day.succ_opt() {
        day = next;
        if !is_weekend(day) && !days_off.contains(&day) {
            break;
        }
    }
    day
}

fn kurban_ait(year: i32) -> Option<NaiveDate> {
    let (month, day) = KURBAN_AIT
        .iter()
        .find(|entry| entry.year == year)?
        .first_day?;
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
    }

    fn moment(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").expect("a test moment")
    }

    #[test]
    fn working_days_left_skip_days_off_and_end_at_the_due_day() {
        // Thursday 19 March 2026; 21–25 March are Наурыз days off (with the weekend).
        assert_eq!(working_days_left(date("2026-03-19"), date("2026-03-19")), 0);
        assert_eq!(working_days_left(date("2026-03-19"), date("2026-03-20")), 1);
        assert_eq!(working_days_left(date("2026-03-19"), date("2026-03-26")), 2);
        // A term that has ended leaves nothing.
        assert_eq!(working_days_left(date("2026-03-26"), date("2026-03-19")), 0);
        // The inverse of adding working days.
        let start = date("2026-02-02");
        assert_eq!(working_days_left(start, add_working_days(start, 15)), 15);
    }

    #[test]
    fn days_left_are_counted_in_the_unit_of_the_term() {
        // A term of 30 calendar days from 7 December 2026 ends on 6 January 2027: on
        // 17 December, 20 calendar days are left, over the Independence Day and New Year
        // holidays, which working days would skip.
        let (today, due) = (date("2026-12-17"), date("2027-01-06"));
        assert_eq!(days_left(today, due, TimeUnit::CalendarDays), 20);
        assert!(days_left(today, due, TimeUnit::WorkingDays) < 20);
        assert_eq!(
            days_left(today, due, TimeUnit::WorkingDays),
            working_days_left(today, due)
        );
        assert_eq!(days_left(due, today, TimeUnit::CalendarDays), 0);
    }

    #[track_caller]
    fn assert_days_off(days: &[&str]) {
        for day in days {
            assert!(!is_working_day(date(day)), "{day} should be a day off");
        }
    }

    #[track_caller]
    fn assert_working(days: &[&str]) {
        for day in days {
            assert!(is_working_day(date(day)), "{day} should be a working day");
        }
    }

    #[test]
    fn ordinary_weeks_follow_the_five_day_week() {
        assert_working(&[
            "2024-02-05",
            "2024-02-06",
            "2024-02-07",
            "2024-02-08",
            "2024-02-09",
        ]);
        assert_days_off(&["2024-02-10", "2024-02-11"]);
    }

    #[test]
    fn year_2020_holidays_and_transfers() {
        // 3 January off for Sunday 5 January, which is worked.
        assert_days_off(&["2020-01-01", "2020-01-02", "2020-01-03", "2020-01-07"]);
        assert_working(&["2020-01-05", "2020-01-06"]);
        // 8 March on a Sunday moves to Monday; Наурыз on Sat–Mon takes Tuesday and Wednesday.
        assert_days_off(&["2020-03-09", "2020-03-23", "2020-03-24", "2020-03-25"]);
        assert_working(&["2020-03-10", "2020-03-26"]);
        // Victory Day on a Saturday moved to Monday 11 May, which the decree then swapped
        // for Friday 8 May.
        assert_days_off(&["2020-05-01", "2020-05-07", "2020-05-08"]);
        assert_working(&["2020-05-11"]);
        assert_days_off(&["2020-07-06", "2020-07-31", "2020-08-31", "2020-12-01"]);
        assert_days_off(&["2020-12-16", "2020-12-17", "2020-12-18"]);
        assert_working(&["2020-12-20", "2020-12-21"]);
    }

    #[test]
    fn year_2022_holidays_and_transfers() {
        // 1–2 January on a weekend: both move, to Monday and Tuesday.
        assert_days_off(&["2022-01-03", "2022-01-04", "2022-01-07"]);
        assert_working(&["2022-01-05", "2022-03-05", "2022-08-27", "2022-10-22"]);
        assert_days_off(&["2022-03-07", "2022-03-08", "2022-08-29", "2022-08-30"]);
        // 7 May on a Saturday: Monday is Victory Day, so Tuesday is off.
        assert_days_off(&["2022-05-02", "2022-05-09", "2022-05-10"]);
        assert_working(&["2022-05-11"]);
        // Курбан айт on a Saturday is not moved.
        assert_working(&["2022-07-11"]);
        // The first Republic Day; 1 December and 17 December are no longer holidays.
        assert_days_off(&["2022-10-24", "2022-10-25", "2022-12-16"]);
        assert_working(&["2022-12-01", "2022-12-19"]);
    }

    #[test]
    fn year_2026_holidays() {
        assert_working(&["2026-01-05", "2026-01-06"]);
        assert_days_off(&["2026-01-01", "2026-01-02", "2026-01-07", "2026-03-09"]);
        assert_days_off(&["2026-03-23", "2026-03-24", "2026-03-25", "2026-05-11"]);
        assert_days_off(&["2026-05-27", "2026-07-06", "2026-10-26", "2026-12-16"]);
        // Constitution Day left 30 August with the 2026 Constitution: Monday 31 August is
        // a working day, although the calendar published in January moved it there.
        assert_working(&["2026-08-31", "2026-03-16", "2026-03-26"]);
    }

    #[test]
    fn year_2027_has_the_new_constitution_day() {
        assert_days_off(&[
            "2027-03-15",
            "2027-01-04",
            "2027-03-24",
            "2027-05-03",
            "2027-05-10",
        ]);
        assert_working(&["2027-08-30", "2027-03-25", "2027-12-17"]);
    }

    #[test]
    fn earlier_years_transfers() {
        assert_days_off(&["2014-01-03", "2014-05-02", "2014-05-08"]);
        assert_working(&["2014-05-04", "2014-05-11"]);
        assert_days_off(&["2016-03-07", "2017-03-20", "2017-07-07", "2019-05-10"]);
        assert_working(&["2016-03-05", "2017-03-18", "2017-07-01", "2019-05-04"]);
        assert_days_off(&[
            "2018-03-09",
            "2018-04-30",
            "2018-05-08",
            "2018-08-31",
            "2018-12-31",
        ]);
        assert_working(&[
            "2018-03-03",
            "2018-04-28",
            "2018-05-05",
            "2018-08-25",
            "2018-12-29",
        ]);
        assert_days_off(&["2021-07-05", "2023-07-07", "2024-05-08", "2025-01-03"]);
        assert_working(&["2021-07-03", "2023-07-01", "2024-05-04", "2025-01-05"]);
    }

    #[test]
    fn a_holiday_on_a_weekend_moves_to_the_next_working_day() {
        // 8 March 2025 is a Saturday.
        assert_days_off(&["2025-03-08", "2025-03-10"]);
        assert_working(&["2025-03-11"]);
        // 1 January 2017 is a Sunday and 2 January a holiday: the day off is Tuesday.
        assert_days_off(&["2017-01-02", "2017-01-03"]);
        assert_working(&["2017-01-04"]);
        // 16–17 December 2017 fall on Saturday and Sunday: Monday and Tuesday are off.
        assert_days_off(&["2017-12-18", "2017-12-19"]);
        assert_working(&["2017-12-20"]);
    }

    #[test]
    fn religious_days_off_on_a_weekend_do_not_move() {
        // Christmas on Sunday 7 January 2018; Курбан айт on Saturday 4 October 2014 and
        // on Sunday 16 June 2024.
        assert_working(&["2018-01-08", "2014-10-06", "2024-06-17"]);
    }

    #[test]
    fn outside_the_tables_only_weekends_are_known() {
        assert!(!CALENDAR_YEARS.contains(&2013) && !CALENDAR_YEARS.contains(&2028));
        assert_working(&["2013-12-31", "2028-01-03", "2028-01-07"]);
        assert_days_off(&["2013-12-28", "2028-01-01", "2028-01-02"]);
    }

    #[test]
    fn registration_cuts_off_after_18_30() {
        let wednesday = date("2024-03-06");
        assert_eq!(registration_day(moment("2024-03-06 18:29:59")), wednesday);
        assert_eq!(registration_day(moment("2024-03-06 18:30:00")), wednesday);
        assert_eq!(
            registration_day(moment("2024-03-06 18:31:00")),
            date("2024-03-07")
        );
        assert_eq!(registration_day(moment("2024-03-06 00:05:00")), wednesday);
    }

    #[test]
    fn friday_evening_is_registered_on_monday() {
        assert_eq!(
            registration_day(moment("2024-02-09 19:00:00")),
            date("2024-02-12")
        );
        // Thursday evening before Friday 8 March: after the weekend.
        assert_eq!(
            registration_day(moment("2024-03-07 20:15:00")),
            date("2024-03-11")
        );
    }

    #[test]
    fn days_off_register_on_the_next_working_day() {
        assert_eq!(
            registration_day(moment("2024-02-10 10:00:00")),
            date("2024-02-12")
        );
        // Friday 18 December 2020 was off, and Sunday 20 December worked in its place.
        assert_eq!(
            registration_day(moment("2020-12-18 09:30:00")),
            date("2020-12-20")
        );
        // A working Saturday registers the same day.
        assert_eq!(
            registration_day(moment("2023-07-01 10:00:00")),
            date("2023-07-01")
        );
    }

    #[test]
    fn a_term_spanning_nauryz() {
        // Registered Tuesday 19 March 2024: 20 March is day 1, then 21–25 are off
        // (Наурыз, the weekend, and 23 March moved to Monday).
        assert_eq!(add_working_days(date("2024-03-19"), 1), date("2024-03-20"));
        assert_eq!(add_working_days(date("2024-03-19"), 2), date("2024-03-26"));
        assert_eq!(add_working_days(date("2024-03-19"), 5), date("2024-03-29"));
    }

    #[test]
    fn a_term_spanning_new_year() {
        assert_eq!(add_working_days(date("2025-12-30"), 3), date("2026-01-06"));
        assert_eq!(add_working_days(date("2025-12-30"), 4), date("2026-01-08"));
        // Sunday 5 January 2020 was worked, so it counts.
        assert_eq!(add_working_days(date("2019-12-30"), 2), date("2020-01-05"));
        // Into a year outside the tables: weekends only.
        assert_eq!(add_working_days(date("2027-12-30"), 2), date("2028-01-03"));
    }

    #[test]
    fn zero_days_end_on_the_start() {
        assert_eq!(add_working_days(date("2024-02-10"), 0), date("2024-02-10"));
        assert_eq!(add_calendar_days(date("2024-02-10"), 0), date("2024-02-10"));
    }

    #[test]
    fn calendar_days_count_every_day() {
        assert_eq!(
            add_calendar_days(date("2024-12-25"), 10),
            date("2025-01-04")
        );
        assert_eq!(add_calendar_days(date("2024-02-28"), 1), date("2024-02-29"));
        assert_eq!(add_calendar_days(NaiveDate::MAX, 1), NaiveDate::MAX);
    }

    #[test]
    fn huge_terms_end_without_walking_every_day() {
        // 5 working days a week outside the tables: 1000 weeks after a Monday in 2030.
        assert_eq!(
            add_working_days(date("2030-01-07"), 5_000),
            date("2030-01-07") + Days::new(7_000)
        );
        assert!(add_working_days(date("2030-01-07"), u32::MAX).year() > 10_000);
    }

    #[test]
    fn due_dates_by_unit() {
        let term = |amount, unit| Term { amount, unit };
        let friday_evening = moment("2024-02-09 19:00:00");
        assert_eq!(
            due_date(friday_evening, &term(30, TimeUnit::Minutes)),
            Due::At(moment("2024-02-09 19:30:00"))
        );
        assert_eq!(
            due_date(friday_evening, &term(2, TimeUnit::Hours)),
            Due::At(moment("2024-02-09 21:00:00"))
        );
        // Registered Monday 12 February: day 1 is Tuesday.
        assert_eq!(
            due_date(friday_evening, &term(2, TimeUnit::WorkingDays)),
            Due::EndOfDay(date("2024-02-14"))
        );
        assert_eq!(
            due_date(friday_evening, &term(10, TimeUnit::CalendarDays)),
            Due::EndOfDay(date("2024-02-22"))
        );
        assert_eq!(
            due_date(
                moment("2024-03-19 12:00:00"),
                &term(15, TimeUnit::WorkingDays)
            )
            .date(),
            date("2024-04-12")
        );
        // Beyond chrono's range the moment saturates instead of panicking.
        assert_eq!(
            due_date(friday_evening, &term(u32::MAX, TimeUnit::Hours)),
            Due::At(NaiveDateTime::MAX)
        );
    }

    #[test]
    fn incomplete_years_are_flagged() {
        assert!(year_is_complete(2014));
        assert!(year_is_complete(2026));
        assert!(
            !year_is_complete(2027),
            "2027 has no sourced transfers nor Курбан айт"
        );
        assert!(!year_is_complete(2013));
        assert!(!year_is_complete(2028));
    }

    #[test]
    fn every_year_has_one_entry_per_table() {
        for year in CALENDAR_YEARS {
            assert_eq!(
                TRANSFERS.iter().filter(|entry| entry.year == year).count(),
                1,
                "{year}"
            );
            assert_eq!(
                KURBAN_AIT.iter().filter(|entry| entry.year == year).count(),
                1,
                "{year}"
            );
        }
        assert!(
            TRANSFERS
                .iter()
                .all(|entry| CALENDAR_YEARS.contains(&entry.year))
        );
        assert!(
            KURBAN_AIT
                .iter()
                .all(|entry| CALENDAR_YEARS.contains(&entry.year))
        );
    }

    #[test]
    fn every_fact_has_a_source() {
        assert!(
            FIXED_HOLIDAYS
                .iter()
                .all(|holiday| !holiday.source.is_empty())
        );
        assert!(KURBAN_AIT.iter().all(|entry| !entry.source.is_empty()));
        assert!(TRANSFERS.iter().all(|entry| !entry.source.is_empty()));
        // An unknown year says so in its source.
        assert!(
            TRANSFERS
                .iter()
                .filter(|entry| entry.transfers.is_none())
                .all(|entry| entry.source.starts_with("UNKNOWN"))
        );
        assert!(
            KURBAN_AIT
                .iter()
                .filter(|entry| entry.first_day.is_none())
                .all(|entry| entry.source.starts_with("UNKNOWN"))
        );
    }

    /// A transfer only makes sense from a day off to a working day. Catches a swapped or
    /// mistyped date in the table.
    #[test]
    fn transfers_move_a_day_off_onto_a_working_day() {
        for entry in TRANSFERS {
            for transfer in entry.transfers.unwrap_or(&[]) {
                assert_eq!(transfer.rest_on.year(), entry.year);
                assert!(
                    !is_weekend(transfer.rest_on),
                    "{} is a weekend",
                    transfer.rest_on
                );
                let moved_holiday = transfer.work_on == date("2020-05-11");
                assert!(
                    is_weekend(transfer.work_on) || moved_holiday,
                    "{} is an ordinary weekday",
                    transfer.work_on
                );
            }
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn any_date() -> impl Strategy<Value = NaiveDate> {
            (0i64..(20 * 366)).prop_map(|offset| date("2010-01-01") + TimeDelta::days(offset))
        }

        proptest! {
            #[test]
            fn working_day_terms_count_exactly_their_days(start in any_date(), days in 0u32..400) {
                let end = add_working_days(start, days);
                let counted = start
                    .iter_days()
                    .skip(1)
                    .take_while(|day| *day <= end)
                    .filter(|day| is_working_day(*day))
                    .count();
                prop_assert_eq!(counted, days as usize);
                prop_assert!(days == 0 || is_working_day(end));
            }

            #[test]
            fn registration_is_on_a_working_day_not_before_receipt(
                day in any_date(),
                seconds in 0u32..86_400,
            ) {
                let time = NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap();
                let received = day.and_time(time);
                let registered = registration_day(received);
                prop_assert!(is_working_day(registered));
                prop_assert!(registered >= day);
                prop_assert_eq!(registered == day, is_working_day(day) && time <= REGISTRATION_CUT_OFF);
            }
        }
    }
}
