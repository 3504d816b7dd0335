//! Today's date for the engine ([`curator_core::Settings::today`]): `CURATOR_TODAY` when set
//! (`YYYY-MM-DD`, for runs that must not depend on the day), else the system clock's date in UTC.

use curator_core::dates::Date;
use std::time::{SystemTime, UNIX_EPOCH};

/// The variable that fixes today's date.
pub const VARIABLE: &str = "CURATOR_TODAY";

/// Today's date as `YYYY-MM-DD`, or why the variable cannot be read.
pub fn today() -> Result<String, String> {
    if let Ok(value) = std::env::var(VARIABLE) {
        return match Date::parse_iso(value.trim()) {
            Some(date) => Ok(date.to_string()),
            None => Err(format!(
                "{VARIABLE}={value:?} is no date: write it as YYYY-MM-DD, or unset it to use the clock"
            )),
        };
    }
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Ok(civil(seconds / 86_400).map_or_else(String::new, |d| d.to_string()))
}

/// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil(days: u64) -> Option<Date> {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(
        u32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_the_epoch_are_calendar_dates() {
        let date = |days| civil(days).map(|d| d.to_string());
        assert_eq!(date(0).as_deref(), Some("1970-01-01"));
        assert_eq!(date(11_016).as_deref(), Some("2000-02-29"));
        assert_eq!(date(20_418).as_deref(), Some("2025-11-26"));
        assert_eq!(date(20_818).as_deref(), Some("2026-12-31"));
    }
}
