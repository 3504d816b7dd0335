//! The engine's types in the saved state, field by field, in one list ([`LAYOUT`]): a change
//! to it changes the state's header, so a state written by another layout is never misread.

use super::wire::{capacity, Malformed, Read, Reader, Wire, Writer};
use curator_core::answers::Answers;
use curator_core::dates::Date;
use curator_core::decisions::{Group, SavedDecisions};
use curator_core::index::{DateStyle, NoteSummary};
use curator_core::kind::NoteKind;
use curator_core::review::Weight;
use curator_core::settings::Resolution;
use curator_core::tasks::{InvalidDate, Priority, StatusType, Task};
use curator_core::{Candidate, Edit, NoteError, NoteReport, ReviewItem, ReviewReason};
use std::collections::BTreeSet;
use std::sync::Arc;

/// A struct written field by field, in the order listed (every field: the struct literal
/// says when one is missing).
macro_rules! wire_struct {
    ($ty:ident { $($field:ident: $t:ty),+ $(,)? }) => {
        impl Wire for $ty {
            fn put<'a>(&'a self, w: &mut Writer<'a>) {
                $(<$t as Wire>::put(&self.$field, w);)+
            }
            fn take(r: &mut Reader) -> Read<Self> {
                Ok($ty { $($field: <$t as Wire>::take(r)?),+ })
            }
        }
    };
}

/// An enum written as one byte per variant (the match says when one is missing).
macro_rules! wire_enum {
    ($ty:ident { $($variant:ident = $n:literal),+ $(,)? }) => {
        impl Wire for $ty {
            fn put<'a>(&'a self, w: &mut Writer<'a>) {
                w.out.push(match self { $($ty::$variant => $n),+ });
            }
            fn take(r: &mut Reader) -> Read<Self> {
                match r.byte()? {
                    $($n => Ok($ty::$variant),)+
                    _ => Err(Malformed),
                }
            }
        }
    };
}

/// The layout's items, and their text as [`LAYOUT`].
macro_rules! layout {
    ($($item:tt ! $body:tt;)+) => {
        $($item! $body;)+
        /// The text of every item's layout: its hash is part of the state's header.
        pub const LAYOUT: &str = stringify!($($body)+);
    };
}

layout! {
    wire_struct!(Edit { start: usize, end: usize, replacement: String, rule: String, reason: String });
    wire_struct!(NoteError { path: String, line: Option<usize>, message: String });
    wire_struct!(Candidate { name: Arc<str>, path: Arc<str>, score: f64, evidence: Arc<[Weight]> });
    wire_struct!(ReviewItem {
        path: Arc<str>, line: Option<usize>, reason: ReviewReason, message: Arc<str>,
        candidates: Vec<Candidate>, group: Arc<str>, name: Option<Arc<str>>, also: Vec<usize>,
    });
    wire_enum!(ReviewReason {
        NeedsReview = 0, CompanyConflict = 1, DuplicateFacts = 2, DuplicateEntity = 3,
        AmbiguousMention = 4, UncertainMention = 5, NewEntity = 6, InvalidFrontmatter = 7,
        UnfilledPlaceholder = 8, AmbiguousDate = 9, KeyConflict = 10, Mojibake = 11,
        InvalidDate = 12,
    });
    wire_struct!(NoteReport {
        path: String, edits: Vec<Edit>, review: Vec<ReviewItem>, error: Option<NoteError>,
    });
    wire_struct!(InvalidDate { field: String, text: String });
    wire_struct!(Task {
        path: Arc<str>, line: usize, status: char, status_type: StatusType, description: String,
        owners: Vec<Arc<str>>, priority: Priority, due: Option<Date>, scheduled: Option<Date>,
        start: Option<Date>, created: Option<Date>, done: Option<Date>, cancelled: Option<Date>,
        recurrence: Option<Box<str>>, tags: Vec<String>, id: Option<Box<str>>,
        depends_on: Vec<String>, on_completion: Option<Box<str>>, heading: Option<Box<str>>,
        parent_line: Option<usize>, block_id: Option<Box<str>>, invalid_dates: Vec<InvalidDate>,
    });
    wire_enum!(StatusType { Todo = 0, Done = 1, InProgress = 2, Cancelled = 3, OnHold = 4, NonTask = 5 });
    wire_enum!(Priority { Highest = 0, High = 1, Medium = 2, None = 3, Low = 4, Lowest = 5 });
    wire_struct!(NoteSummary {
        path: String, title: String, kind: NoteKind, aliases: Vec<String>, tags: Vec<String>,
        tag_forms: Vec<String>, key_forms: Vec<String>, date_styles: Vec<(String, DateStyle)>,
        date_shapes: Vec<(String, String)>,
        query_tags: Vec<String>, query_keys: Vec<String>, query_handles: Vec<String>,
        date: Option<Date>,
        links: BTreeSet<String>, wikilinks: BTreeSet<String>, participants: Vec<String>,
        cancelled: bool, lists: Vec<Vec<String>>, not_met: BTreeSet<String>, company: Option<String>,
        owner_query_handle: Option<String>, company_tag: Option<String>,
        company_table: Option<String>, role: Option<String>, facts: Vec<String>,
    });
    wire_enum!(NoteKind { Person = 0, Org = 1, Meeting = 2, Other = 3 });
    wire_enum!(DateStyle { Date = 0, Datetime = 1, Own = 2, DayFirst = 3, MonthFirst = 4 });
    wire_struct!(Resolution { text: String, entity: String });
    wire_struct!(Answers { accepted: Vec<Resolution>, rejected: Vec<Resolution>, not_names: Vec<String> });
    wire_struct!(SavedDecisions { notes: usize, items: usize, groups: Vec<Group> });
    wire_struct!(Group {
        group: String, kind: ReviewReason, mentions: usize, items: Vec<(u32, u32)>,
        notes: Vec<u32>, about: usize, haystack: String,
    });
}

/// A date as year, month and day; read back only when it is a day of the calendar.
impl Wire for Date {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.varint(u64::from(self.year));
        w.out.push(self.month);
        w.out.push(self.day);
    }
    fn take(r: &mut Reader) -> Read<Self> {
        let year = u32::try_from(r.varint()?).map_err(|_| Malformed)?;
        let (month, day) = (r.byte()?, r.byte()?);
        Date::new(year, month.into(), day.into()).ok_or(Malformed)
    }
}

/// An evidence list: each distinct list once ([`Writer::evidence`]).
impl Wire for Arc<[Weight]> {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.evidence(self);
    }
    fn take(r: &mut Reader) -> Read<Self> {
        r.evidence()
    }
}

/// A set of strings, in order.
impl Wire for BTreeSet<String> {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.varint(self.len() as u64);
        for s in self {
            w.str(s);
        }
    }
    fn take(r: &mut Reader) -> Read<Self> {
        // Written in order: collected from a list, the set is built in one pass.
        let n = r.count()?;
        let mut list = Vec::with_capacity(capacity(n));
        for _ in 0..n {
            list.push(String::take(r)?);
        }
        Ok(list.into_iter().collect())
    }
}
