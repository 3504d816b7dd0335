//! Calendar dates as the engine reads and writes them (`YYYY-MM-DD`).
//!
//! [`Date::parse_loose`] reads the other ways people and tools write dates (`2026/01/03`,
//! `20260103`, `Jan 3, 2026`, `3 January 2026`, `23.01.2026`) and refuses to guess when the day
//! and month order cannot be told apart (`03/04/2026`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date, validated (month 1–12, day within the month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Four-digit year.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

impl Date {
    /// A date if `year-month-day` exists on the calendar (years 1000–9999).
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(digits(&s[0..4])?, digits(&s[5..7])?, digits(&s[8..10])?)
    }

    /// The date a file name starts with (`2025-10-28 - Title`, `20251028 0930 Title`) or ends
    /// with after a space (`Retro 2024-05-07`) when it holds no other.
    pub fn from_file_name(name: &str) -> Option<Date> {
        let name = name.rsplit('/').next().unwrap_or(name);
        if let Some(d) = name.get(..10).and_then(Date::parse_iso) {
            return Some(d);
        }
        let stem = name.strip_suffix(".md").unwrap_or(name);
        // One date ending the name: a range (`Offsite 2025-01-15 to 2025-01-17`) names two days.
        let ending = (stem.len().checked_sub(11))
            .filter(|&at| stem.get(..at).is_some_and(|head| !holds_iso_date(head)))
            .and_then(|at| stem.get(at..))
            .and_then(|end| end.strip_prefix([' ', '_']))
            .and_then(Date::parse_iso);
        if ending.is_some() {
            return ending;
        }
        let head = name
            .get(..8)
            .filter(|h| h.bytes().all(|b| b.is_ascii_digit()))?;
        if name.as_bytes().get(8).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        compact(head)
    }
}

/// True when `text` holds a `YYYY-MM-DD` date anywhere.
pub fn holds_iso_date(text: &str) -> bool {
    (0..text.len().saturating_sub(9))
        .filter(|&i| text.is_char_boundary(i))
        .any(|i| text.get(i..i + 10).and_then(Date::parse_iso).is_some())
}

/// Which number of a numeric date written `NN-NN-YYYY` is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// `13-06-2026`, `13.06.2026`: the day first.
    DayFirst,
    /// `06/13/2026`: the month first.
    MonthFirst,
}

/// The order `s`, a numeric date with the year last, is written in, where one of its first
/// two numbers is above 12 and so can only be the day. `None` for any other text, and for a
/// date either order reads (`03/04/2026`).
pub fn written_order(s: &str) -> Option<Order> {
    let NumericDate::YearLast(a, b, _) = numeric_date(s.trim())? else {
        return None;
    };
    match (a > 12, b > 12) {
        (true, false) if a <= 31 && b >= 1 => Some(Order::DayFirst),
        (false, true) if b <= 31 && a >= 1 => Some(Order::MonthFirst),
        _ => None,
    }
}

/// Why a text could not be read as one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LooseDateError {
    /// `03/04/2026`: day-first and month-first give two different dates.
    Ambiguous {
        /// The date when read day first.
        day_first: Date,
        /// The date when read month first.
        month_first: Date,
    },
    /// `Sunday, March 5, 2024`: the week day written is not the date's (a Tuesday), so which
    /// of the two was meant is unknown.
    WrongWeekday {
        /// The date as its numbers write it.
        date: Date,
        /// The week day written before it, in lowercase (`sunday`).
        written: &'static str,
    },
    /// Not a date in any form the engine reads.
    NotADate,
}

/// English month names and their usual abbreviations.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month names in German, French, Spanish, Portuguese, Italian, Dutch and Turkish, whole and
/// in lowercase, by month: a date written out in the vault's language (`1. Mai 2026`, `17
/// octobre 2026`, `8 de agosto de 2025`, `28 Kasım 2026`).
const OTHER_MONTHS: [&[&str]; 12] = [
    &[
        "januar", "janvier", "enero", "janeiro", "gennaio", "januari", "ocak",
    ],
    &[
        "februar",
        "février",
        "febrero",
        "fevereiro",
        "febbraio",
        "februari",
        "şubat",
    ],
    &["märz", "mars", "marzo", "março", "maart", "mart"],
    &["avril", "abril", "aprile", "nisan"],
    &["mai", "mayo", "maio", "maggio", "mei", "mayıs"],
    &["juni", "juin", "junio", "junho", "giugno", "haziran"],
    &["juli", "juillet", "julio", "julho", "luglio", "temmuz"],
    &["août", "agosto", "augustus", "ağustos"],
    &["septembre", "septiembre", "setembro", "settembre", "eylül"],
    &[
        "oktober", "octobre", "octubre", "outubro", "ottobre", "ekim",
    ],
    &["novembre", "noviembre", "novembro", "kasım"],
    &[
        "dezember",
        "décembre",
        "diciembre",
        "dezembro",
        "dicembre",
        "aralık",
    ],
];

/// Week day names, which may lead a written-out date (`Sat, Jan 3, 2026`).
/// The days of the week in the languages of [`OTHER_MONTHS`], Monday first, lowercase, as a
/// date may open with one (`lunes, 27 de octubre de 2025`).
const OTHER_WEEKDAYS: [&[&str]; 7] = [
    &[
        "montag",
        "lundi",
        "lunes",
        "segunda-feira",
        "lunedì",
        "maandag",
        "pazartesi",
    ],
    &[
        "dienstag",
        "mardi",
        "martes",
        "terça-feira",
        "martedì",
        "dinsdag",
        "salı",
    ],
    &[
        "mittwoch",
        "mercredi",
        "miércoles",
        "quarta-feira",
        "mercoledì",
        "woensdag",
        "çarşamba",
    ],
    &[
        "donnerstag",
        "jeudi",
        "jueves",
        "quinta-feira",
        "giovedì",
        "donderdag",
        "perşembe",
    ],
    &[
        "freitag",
        "vendredi",
        "viernes",
        "sexta-feira",
        "venerdì",
        "vrijdag",
        "cuma",
    ],
    &[
        "samstag",
        "samedi",
        "sábado",
        "sabato",
        "zaterdag",
        "cumartesi",
    ],
    &[
        "sonntag", "dimanche", "domingo", "domenica", "zondag", "pazar",
    ],
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl Date {
    /// The day of the week, `monday` to `sunday`.
    pub fn weekday(self) -> &'static str {
        // Days since 1970-01-01 (a Thursday), by the proleptic Gregorian calendar.
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        let days = era * 146_097 + day_of_era - 719_468;
        WEEKDAYS[(days + 3).rem_euclid(7) as usize]
    }

    /// Reads a date written in any common form: ISO, `2026/01/03`, `2026.01.03`, `20260103`,
    /// `Jan 3, 2026`, `3 January 2026`, `23.01.2026`, `01/23/2026`, with a month or a week day
    /// named in another language ([`OTHER_MONTHS`]: `1. Mai 2026`, `lunes, 8 de agosto de
    /// 2025`), and as Chinese, Japanese and Korean write one (`2026年3月4日`, `2026. 3. 4.`).
    ///
    /// Day-month-year and month-day-year are told apart only by a number above 12 (or both
    /// numbers being equal); otherwise the answer is [`LooseDateError::Ambiguous`].
    pub fn parse_loose(s: &str) -> Result<Date, LooseDateError> {
        let s = s.trim();
        if let Some(d) = Date::parse_iso(s) {
            return Ok(d);
        }
        if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
            return compact(s).ok_or(LooseDateError::NotADate);
        }
        if let Some(d) = year_month_day_marked(s) {
            return Ok(d);
        }
        if s.chars().any(char::is_alphabetic) {
            return parse_named_month(s);
        }
        // `2026. 3. 4.`, as Korean writes a date.
        if s.contains(". ") {
            return parse_numeric(s.replace(". ", ".").trim_end_matches('.'));
        }
        parse_numeric(s)
    }

    /// Splits an ISO datetime (`2026-01-03T10:00`, `2026-01-03 10:00:00Z`) into its date and
    /// the time text after the separator. `None` for anything else, a bare date included.
    pub fn split_iso_datetime(s: &str) -> Option<(Date, &str)> {
        let s = s.trim();
        let date = Date::parse_iso(s.get(..10)?)?;
        let rest = s.get(10..)?;
        let time = rest
            .strip_prefix(['T', 't'])
            .or_else(|| rest.strip_prefix(' ').map(str::trim_start))?;
        let b = time.as_bytes();
        let hour_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let minutes = time.get(hour_len + 1..hour_len + 3).and_then(digits);
        ((1..=2).contains(&hour_len) && b.get(hour_len) == Some(&b':') && minutes.is_some())
            .then_some((date, time))
    }
}

/// Whether the time text of an ISO datetime (as [`Date::split_iso_datetime`] returns it) is
/// midnight, with or without an offset (`00:00`, `00:00:00.000Z`, `00:00:00+03:00`): what tools
/// write for a bare date. Any other clock is a time the owner wrote, and `23:30Z` is another
/// day east of Greenwich besides.
pub fn is_midnight(time: &str) -> bool {
    let clock = time
        .find(['Z', 'z', '+', '-'])
        .map_or(time, |at| &time[..at]);
    clock.bytes().all(|b| matches!(b, b'0' | b':' | b'.'))
}

/// `2026年3月4日` (Chinese, Japanese) and `2026년 3월 4일` (Korean): each number marked year,
/// month and day.
fn year_month_day_marked(s: &str) -> Option<Date> {
    if !s.contains(['年', '년']) {
        return None;
    }
    let s = s.replace(' ', "");
    let (year, rest) = s.split_once(['年', '년'])?;
    let (month, rest) = rest.split_once(['月', '월'])?;
    let day = rest.strip_suffix(['日', '일'])?;
    Date::new(digits(year)?, digits(month)?, digits(day)?)
}

/// `20260103`.
fn compact(s: &str) -> Option<Date> {
    Date::new(
        s.get(0..4).and_then(digits)?,
        s.get(4..6).and_then(digits)?,
        s.get(6..8).and_then(digits)?,
    )
}

/// Three numbers written with one separator (`/`, `.`, `-`), the year first or last.
enum NumericDate {
    /// `2026/01/03`: year, then two numbers.
    YearFirst(u32, u32, u32),
    /// `23.01.2026`, `01/23/2026`: two numbers, then the year.
    YearLast(u32, u32, u32),
}

/// The numbers of `s` as [`NumericDate`] writes them, if it is one.
fn numeric_date(s: &str) -> Option<NumericDate> {
    let sep = s.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let short = |p: &str| (1..=2).contains(&p.len());
    let (na, nb, nc) = (digits(a)?, digits(b)?, digits(c)?);
    if a.len() == 4 && short(b) && short(c) {
        Some(NumericDate::YearFirst(na, nb, nc))
    } else if short(a) && short(b) && c.len() == 4 {
        Some(NumericDate::YearLast(na, nb, nc))
    } else {
        None
    }
}

/// `2026/01/03`, `2026.1.3`, `23.01.2026`, `01/23/2026` (separators `/`, `.`, `-`).
fn parse_numeric(s: &str) -> Result<Date, LooseDateError> {
    let (na, nb, nc) = match numeric_date(s).ok_or(LooseDateError::NotADate)? {
        NumericDate::YearFirst(y, m, d) => {
            return Date::new(y, m, d).ok_or(LooseDateError::NotADate)
        }
        NumericDate::YearLast(a, b, year) => (a, b, year),
    };
    match (Date::new(nc, nb, na), Date::new(nc, na, nb)) {
        (Some(day_first), Some(month_first)) if day_first != month_first => {
            Err(LooseDateError::Ambiguous {
                day_first,
                month_first,
            })
        }
        (Some(d), _) | (None, Some(d)) => Ok(d),
        (None, None) => Err(LooseDateError::NotADate),
    }
}

/// `Jan 3, 2026`, `January 3rd 2026`, `3 Jan 2026`, `Sat, 3 Jan. 2026`, `2026 Jan 3`; a week
/// day written before it must be the date's.
fn parse_named_month(s: &str) -> Result<Date, LooseDateError> {
    let words: Vec<String> = s
        .split([' ', ',', '.', '\t'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let weekday = words.first().and_then(|w| {
        let other = || {
            let at = OTHER_WEEKDAYS
                .iter()
                .position(|days| days.contains(&w.as_str()))?;
            WEEKDAYS.get(at)
        };
        (WEEKDAYS.iter())
            .find(|d| w.len() >= 3 && d.starts_with(w.as_str()))
            .or_else(other)
    });
    let skip = usize::from(weekday.is_some());
    // `8 de agosto de 2025`: the words joining a date in Spanish and Portuguese.
    let words: Vec<&str> = (words.iter().skip(skip).map(String::as_str))
        .filter(|w| !matches!(*w, "de" | "del"))
        .collect();
    let date = date_of_words(&words).ok_or(LooseDateError::NotADate)?;
    match weekday {
        Some(written) if *written != date.weekday() => {
            Err(LooseDateError::WrongWeekday { date, written })
        }
        _ => Ok(date),
    }
}

/// The month `w` (lowercase) names, whole or abbreviated (`jan`, `sept`), 1-based.
fn month_of(w: &str) -> Option<u32> {
    let n = MONTHS.iter().position(|m| {
        *m == w || (w.len() == 3 && m.starts_with(w)) || (w == "sept" && *m == "september")
    })?;
    u32::try_from(n).ok().map(|n| n + 1)
}

/// True when the word at `span` of `text` is a month written beside a number, a day or a year
/// (`Jan 15`, `Jan. 15`, `15 Jan`, `Jan 2024`): a date, not the name it may also be (Jan).
pub fn names_a_date(text: &str, span: std::ops::Range<usize>) -> bool {
    let Some(word) = text.get(span.clone()) else {
        return false;
    };
    // Another language's month in capitals is more likely an acronym (`MAI 160k GPUs`).
    let lower = word.to_lowercase();
    let capitals = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if month_of(&lower).is_none() && (capitals || month_named(&lower).is_none()) {
        return false;
    }
    let after = text.get(span.end..).unwrap_or("");
    let after = after.strip_prefix('.').unwrap_or(after);
    let before = text.get(..span.start).unwrap_or("");
    // A day before it may be written with the dot of an ordinal (`4. Juni 2026`).
    after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
        || before
            .strip_suffix(' ')
            .map(|b| b.strip_suffix('.').unwrap_or(b))
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
}

/// The month `w` (lowercase) names in English, whole or abbreviated, or whole in a language
/// of [`OTHER_MONTHS`], 1-based.
fn month_named(w: &str) -> Option<u32> {
    month_of(w).or_else(|| {
        let n = OTHER_MONTHS.iter().position(|names| names.contains(&w))?;
        u32::try_from(n).ok().map(|n| n + 1)
    })
}

/// The date three words write, month named (see [`parse_named_month`]).
fn date_of_words(words: &[&str]) -> Option<Date> {
    let [x, y, z] = words[..] else {
        return None;
    };
    let day_of = |w: &str| {
        let n = w.trim_end_matches(char::is_alphabetic);
        let suffix = w.get(n.len()..).unwrap_or("");
        let ok_suffix = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
        (ok_suffix && (1..=2).contains(&n.len()))
            .then(|| digits(n))
            .flatten()
    };
    let year_of = |w: &str| (w.len() == 4).then(|| digits(w)).flatten();
    let (month, day, year) = if let Some(m) = month_named(x) {
        (m, day_of(y)?, year_of(z)?)
    } else if let Some(m) = month_named(y) {
        match year_of(x) {
            Some(year) => (m, day_of(z)?, year),
            None => (m, day_of(x)?, year_of(z)?),
        }
    } else {
        return None;
    };
    Date::new(year, month, day)
}

/// Parses an all-ASCII-digit string.
pub(crate) fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_above_12_tells_which_is_the_day() {
        use super::{written_order, Order};
        assert_eq!(written_order("13-06-2026"), Some(Order::DayFirst));
        assert_eq!(written_order("13.6.2026"), Some(Order::DayFirst));
        assert_eq!(written_order("06/13/2026"), Some(Order::MonthFirst));
        for either_or_neither in [
            "12-06-2026",
            "13/13/2026",
            "32-01-2026",
            "2026-06-13",
            "June 13",
        ] {
            assert_eq!(
                written_order(either_or_neither),
                None,
                "{either_or_neither}"
            );
        }
    }

    #[test]
    fn a_month_beside_a_number_is_a_date() {
        let date = |text: &str, word: &str| {
            let at = text.find(word).unwrap();
            names_a_date(text, at..at + word.len())
        };
        assert!(date("The cutoff moved to Jan 15.", "Jan"));
        assert!(date("Due Jan. 15, 2026.", "Jan"));
        assert!(date("Since 15 Jan the numbers fell.", "Jan"));
        assert!(date("Budget for Sept 2025 is out.", "Sept"));
        // Another language's month, after a day written with its ordinal's dot.
        assert!(date("Besprechung vom 4. Juni 2026, 09:15", "Juni"));
        assert!(date("Le 17 octobre 2026", "octobre"));
        assert!(!date("The MAI 160k GPU opportunity", "MAI"));
        assert!(!date("Jan will send the deck.", "Jan"));
        assert!(!date("Thanks, Jan 'the fixer' Novak.", "Jan"));
    }

    #[test]
    fn parses_iso_and_validates() {
        assert_eq!(
            Date::parse_iso("2025-10-28").unwrap().to_string(),
            "2025-10-28"
        );
        assert!(Date::parse_iso("2025-02-29").is_none());
        assert!(Date::parse_iso("2024-02-29").is_some());
        assert!(Date::parse_iso("2025-13-01").is_none());
        assert!(Date::parse_iso("2025-1-01").is_none());
    }

    #[test]
    fn reads_dates_from_file_names() {
        let d = |s| Date::from_file_name(s).map(|d| d.to_string());
        assert_eq!(
            d("Meetings/20251028 0930 Parallels Transcription.md").as_deref(),
            Some("2025-10-28")
        );
        assert_eq!(d("2025-10-28 - Intro.md").as_deref(), Some("2025-10-28"));
        assert_eq!(
            d("Notes/Retro 2024-05-07.md").as_deref(),
            Some("2024-05-07")
        );
        assert_eq!(d("Retro_2024-05-07.md").as_deref(), Some("2024-05-07"));
        assert_eq!(d("Release v2024-05-07.md"), None);
        assert_eq!(d("Offsite 2025-01-15 to 2025-01-17.md"), None);
        assert_eq!(d("123456789 note.md"), None);
        assert_eq!(d("Rob Benoit.md"), None);
        assert_eq!(d("People/Aurélie Mensah.md"), None);
        assert_eq!(d("José Hernández.md"), None);
        assert_eq!(d("Zoë Wong.md"), None);
    }

    fn loose(s: &str) -> Result<String, LooseDateError> {
        Date::parse_loose(s).map(|d| d.to_string())
    }

    #[test]
    fn reads_common_date_forms() {
        for (text, iso) in [
            ("2026-01-03", "2026-01-03"),
            ("2026/01/03", "2026-01-03"),
            ("2026.1.3", "2026-01-03"),
            ("20260103", "2026-01-03"),
            ("Jan 3, 2026", "2026-01-03"),
            ("January 3rd 2026", "2026-01-03"),
            ("3 January 2026", "2026-01-03"),
            ("Sat, 3 Jan. 2026", "2026-01-03"),
            ("Sept 9, 2025", "2025-09-09"),
            ("2026 Jan 3", "2026-01-03"),
            ("23.01.2026", "2026-01-23"),
            ("23/01/2026", "2026-01-23"),
            ("01/23/2026", "2026-01-23"),
            ("05.05.2026", "2026-05-05"),
            // Months named in other languages.
            ("1. Mai 2026", "2026-05-01"),
            ("28. November 2026", "2026-11-28"),
            ("17 octobre 2026", "2026-10-17"),
            ("8 de agosto de 2025", "2025-08-08"),
            ("28 Kasım 2026", "2026-11-28"),
            ("4. März 2024", "2024-03-04"),
            // A week day named in another language, and the forms of Chinese, Japanese and
            // Korean.
            ("lunes, 27 de octubre de 2025", "2025-10-27"),
            ("Mittwoch, 4. März 2026", "2026-03-04"),
            ("2026年3月4日", "2026-03-04"),
            ("2026년 3월 4일", "2026-03-04"),
            ("2026. 3. 4.", "2026-03-04"),
        ] {
            assert_eq!(loose(text).as_deref(), Ok(iso), "{text}");
        }
        // A week day that is not the date's is said so, in any language.
        assert!(matches!(
            Date::parse_loose("martes, 27 de octubre de 2025"),
            Err(LooseDateError::WrongWeekday { .. })
        ));
        assert!(Date::parse_loose("2026年13月4日").is_err());
    }

    #[test]
    fn refuses_to_guess_day_and_month() {
        match Date::parse_loose("03/04/2026") {
            Err(LooseDateError::Ambiguous {
                day_first,
                month_first,
            }) => {
                assert_eq!(day_first.to_string(), "2026-04-03");
                assert_eq!(month_first.to_string(), "2026-03-04");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn knows_the_day_of_the_week() {
        for (iso, day) in [
            ("1970-01-01", "thursday"),
            ("2000-02-29", "tuesday"),
            ("2024-03-05", "tuesday"),
            ("2026-11-25", "wednesday"),
            ("1600-03-01", "wednesday"),
            ("2100-12-31", "friday"),
        ] {
            assert_eq!(Date::parse_iso(iso).map(Date::weekday), Some(day), "{iso}");
        }
    }

    #[test]
    fn a_week_day_written_before_a_date_must_be_its_own() {
        assert_eq!(loose("Tue, 5 Mar 2024").as_deref(), Ok("2024-03-05"));
        match Date::parse_loose("Sunday, March 5, 2024") {
            Err(LooseDateError::WrongWeekday { date, written }) => {
                assert_eq!(
                    (date.to_string().as_str(), written),
                    ("2024-03-05", "sunday")
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rejects_what_is_not_one_date() {
        for text in [
            "",
            "tomorrow",
            "2026-02-30",
            "20261301",
            "03/04/26",
            "Jan 2026",
            "32.01.2026",
            "Janx 3, 2026",
            "3rdx Jan 2026",
            "2026-01-03T10:00",
            "1/2/3/2026",
        ] {
            assert_eq!(loose(text), Err(LooseDateError::NotADate), "{text}");
        }
    }

    #[test]
    fn splits_iso_datetimes() {
        let split = |s| Date::split_iso_datetime(s).map(|(d, t)| (d.to_string(), t));
        assert_eq!(
            split("2026-01-03T10:00"),
            Some(("2026-01-03".into(), "10:00"))
        );
        assert_eq!(
            split("2026-01-03 9:30:00Z"),
            Some(("2026-01-03".into(), "9:30:00Z"))
        );
        assert_eq!(split("2026-01-03"), None);
        assert_eq!(split("2026-01-03 - Intro"), None);
        assert_eq!(split("2026-01-03 10"), None);
    }

    #[test]
    fn only_a_clock_at_zero_is_midnight() {
        for time in [
            "00:00",
            "00:00:00.000Z",
            "00:00+00:00",
            "0:00:00+03:00",
            "00:00-05:00",
        ] {
            assert!(is_midnight(time), "{time}");
        }
        for time in [
            "10:00",
            "9:30:15.250",
            "23:30:00Z",
            "00:30-05:00",
            "00:00:01",
            "00:00 pm",
        ] {
            assert!(!is_midnight(time), "{time}");
        }
    }
}
