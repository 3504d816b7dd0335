//! Calendar dates as the engine reads and writes them (`YYYY-MM-DD`).

use serde::{Serialize, Serializer};
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

    /// The date a file name starts with: `2025-10-28 - Title` or `20251028 0930 Title`.
    pub fn from_file_name(name: &str) -> Option<Date> {
        let name = name.rsplit('/').next().unwrap_or(name);
        if let Some(d) = name.get(..10).and_then(Date::parse_iso) {
            return Some(d);
        }
        let head = name
            .get(..8)
            .filter(|h| h.bytes().all(|b| b.is_ascii_digit()))?;
        if name.as_bytes().get(8).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        Date::new(
            digits(head.get(0..4)?)?,
            digits(head.get(4..6)?)?,
            digits(head.get(6..8)?)?,
        )
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(d("123456789 note.md"), None);
        assert_eq!(d("Rob Benoit.md"), None);
        assert_eq!(d("José Hernández.md"), None);
        assert_eq!(d("Zoë.md"), None);
    }
}
