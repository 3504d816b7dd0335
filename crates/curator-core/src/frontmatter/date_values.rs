//! Dates of date-typed properties rewritten to ISO `YYYY-MM-DD`.
//!
//! A key is a date when the settings say so (the default date keys, or a `date`/`datetime`
//! type in `.obsidian/types.json`; a key declared `text` there is left alone). Only the scalar's
//! bytes change, and a quoted value keeps its quote character. An ISO date is already right,
//! quoted or not. A time is the owner's data: an ISO datetime becomes a bare date only at
//! midnight (`2026-01-03T00:00:00.000Z`, what tools write for a bare date), only when the key
//! is declared `date` in types.json, and only where more of the vault's notes write the key as
//! a date than as a datetime ([`crate::index::VaultIndex::writes_dates`]): a template writing
//! `YYYY-MM-DDTHH:mm:ssZ` is the vault's convention, and shortening a few of its values would
//! leave the vault mixing forms. Any other time stays as written: `T10:15` is the owner's, and
//! `T23:30Z` is another day east of Greenwich.
//! `03/04/2026` could be either order, so it is left as written and raised for review.

use super::doc::{Doc, Findings};
use super::emit;
use crate::dates::{is_midnight, Date, LooseDateError};
use crate::review::ReviewReason;
use crate::rule::Rule;
use crate::yaml::{NodeKind, Quoting};

/// The `dates` rule.
pub const RULE: Rule = Rule {
    name: "dates",
    key: "dates",
    default_on: true,
    title: "Normalize dates",
    description: "Write date properties as YYYY-MM-DD.",
};

/// Proposes ISO rewrites of the date properties, or review items for ambiguous ones.
pub fn check(doc: &Doc, out: &mut Findings) {
    let settings = doc.ctx.settings;
    for prop in &doc.props {
        let node = &prop.entry.value;
        let NodeKind::Scalar { value, quoting } = &node.kind else {
            continue;
        };
        if !settings.is_date_key(&prop.key) || node.is_null() || *quoting == Quoting::Block {
            continue;
        }
        if Date::parse_iso(value).is_some() {
            continue;
        }
        let declared = settings.property_types.get(&prop.key).map(String::as_str);
        let (date, why) = match Date::split_iso_datetime(value) {
            Some((date, time))
                if declared == Some("date")
                    && is_midnight(time)
                    && doc.ctx.index.writes_dates(&prop.key) =>
            {
                (
                    date,
                    format!(
                        "`{}` is a date property, and a time at midnight stands for the day",
                        prop.key
                    ),
                )
            }
            Some(_) => continue,
            None => match Date::parse_loose(value) {
                Ok(date) => (date, "dates are written as YYYY-MM-DD".to_string()),
                Err(LooseDateError::Ambiguous {
                    day_first,
                    month_first,
                }) => {
                    out.review.push(doc.review(
                        node,
                        ReviewReason::AmbiguousDate,
                        format!(
                            "`{}: {value}` could be {day_first} (day first) or {month_first} (month first): write it as YYYY-MM-DD",
                            prop.key
                        ),
                    ));
                    continue;
                }
                Err(LooseDateError::NotADate) => continue,
            },
        };
        out.edits.push(doc.edit(
            node.span.clone(),
            emit::date(date, *quoting),
            RULE.name,
            format!("`{}` → `{date}`: {why}", doc.raw(node)),
        ));
    }
}
