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
//! `03/04/2026` could be either order: it is read in the order the vault writes the key, where
//! notes show one with a number above 12 and none the other
//! ([`crate::index::VaultIndex::date_order`]); otherwise it is left as written and raised for
//! review.
//!
//! Obsidian reads a key types.json declares `date` or `datetime` only when it is ISO. A key that
//! is a date only by the settings' date keys is text to Obsidian, so how the vault writes it is
//! the vault's convention: where more of its notes write the key in another form
//! (`15th January 2026`, as a Templater template writes `Do MMMM YYYY`; `4. März 2024`) than as
//! an ISO date or datetime, and more than one note does
//! ([`crate::index::VaultIndex::writes_own_date_form`]), its values stay as written, and an
//! ambiguous `03/04/2026` is not raised either: the vault's readers know its order. Rewriting
//! only the values the engine can read would leave the vault mixing forms, and the template
//! would go on writing its own.

use super::doc::{Doc, Findings};
use super::emit;
use crate::dates::{is_midnight, Date, LooseDateError, Order};
use crate::review::ReviewReason;
use crate::rule::Rule;
use crate::yaml::{Node, NodeKind, Quoting};

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
    for prop in &doc.props {
        let node = &prop.entry.value;
        let NodeKind::Scalar { value, quoting } = &node.kind else {
            continue;
        };
        if !doc.ctx.settings.is_date_key(&prop.key)
            || node.is_null()
            || *quoting == Quoting::Block
            || Date::parse_iso(value).is_some()
        {
            continue;
        }
        let rewrite = match Date::split_iso_datetime(value) {
            Some((date, time)) => day_of_midnight(doc, &prop.key, date, time),
            None => read_loose(doc, &prop.key, node, value, out),
        };
        if let Some((date, why)) = rewrite {
            out.edits.push(doc.edit(
                node.span.clone(),
                emit::date(date, *quoting),
                RULE.name,
                format!("`{}` → `{date}`: {why}", doc.raw(node)),
            ));
        }
    }
}

/// The day an ISO datetime of `key` at `time` stands for, and why, when the time is midnight,
/// types.json declares `key` a `date` and the vault writes it as a date.
fn day_of_midnight(doc: &Doc, key: &str, date: Date, time: &str) -> Option<(Date, String)> {
    let declared = doc.ctx.settings.property_types.get(key).map(String::as_str);
    (declared == Some("date") && is_midnight(time) && doc.ctx.index.writes_dates(key)).then(|| {
        let why = format!("`{key}` is a date property, and a time at midnight stands for the day");
        (date, why)
    })
}

/// The date `value` (of `key`, in `node`; not ISO) stands for, and why. `None` when the engine
/// reads no date in it, when the vault writes `key` in a form of its own, and when its day and
/// month order is unknown: then it is raised for review in `out`.
fn read_loose(
    doc: &Doc,
    key: &str,
    node: &Node,
    value: &str,
    out: &mut Findings,
) -> Option<(Date, String)> {
    if in_vault_form(doc, key) {
        return None;
    }
    match Date::parse_loose(value) {
        // A year before 1600 written other than as ISO is another calendar's: the Persian
        // calendar plugin writes `1403/01/15`, which as `1403-01-15` Obsidian reads as a day
        // of the fifteenth century.
        Ok(date) if date.year < 1600 => None,
        Ok(date) => Some((date, "dates are written as YYYY-MM-DD".to_string())),
        Err(LooseDateError::Ambiguous {
            day_first,
            month_first,
        }) => {
            let order = doc.ctx.index.date_order(key);
            if let Some(order) = order {
                let (date, words) = match order {
                    Order::DayFirst => (day_first, "day"),
                    Order::MonthFirst => (month_first, "month"),
                };
                return Some((
                    date,
                    format!(
                        "dates are written as YYYY-MM-DD; the vault writes `{key}` {words} \
                         first, as its notes with a number above 12 there show"
                    ),
                ));
            }
            out.review.push(doc.review(
                node,
                ReviewReason::AmbiguousDate,
                format!(
                    "`{key}: {value}` could be {day_first} (day first) or {month_first} (month first): write it as YYYY-MM-DD"
                ),
            ));
            None
        }
        Err(LooseDateError::WrongWeekday { date, written }) => {
            out.review.push(doc.review(
                node,
                ReviewReason::AmbiguousDate,
                format!(
                    "`{key}: {value}`: {date} is a {}, not a {written}: write the day meant as YYYY-MM-DD",
                    date.weekday()
                ),
            ));
            None
        }
        Err(LooseDateError::NotADate) => None,
    }
}

/// Whether `key` is a date by the settings' date keys alone (types.json declares it no type)
/// and the vault writes it mostly in a form of its own: then that form is the vault's, and its
/// values stay as written.
fn in_vault_form(doc: &Doc, key: &str) -> bool {
    !doc.ctx.settings.property_types.contains_key(key) && doc.ctx.index.writes_own_date_form(key)
}
