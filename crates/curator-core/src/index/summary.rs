//! What one note contributes to the index, read from its text once: kind, names, links,
//! participants, dates, company and the owner handle its task queries look for.

use super::attendance;
use crate::dates::Date;
use crate::kind::NoteKind;
use crate::names::everyday::is_common_word;
use crate::names::particles::is_particle;
use crate::note::{linked_name, title_of, Heading, LinkKind, Note};
use crate::properties::{folds, tags_of};
use crate::settings::Settings;
use crate::text::fold;
use std::collections::BTreeSet;

/// How a note writes the value of a date key.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum DateStyle {
    /// An ISO date, `2026-01-15`, quoted or not.
    Date,
    /// An ISO datetime, `2026-01-15T09:30`.
    Datetime,
    /// Any other form holding a digit, readable or not: `15th January 2026`, `4. März 2024`,
    /// `03/04/2026`, `[[2026-01-15]]`.
    Own,
    /// A numeric date whose day is first, as a number above 12 shows: `13-06-2026`.
    DayFirst,
    /// A numeric date whose month is first, as a number above 12 shows: `01/15/2026`.
    MonthFirst,
}

impl DateStyle {
    /// How `value` (a scalar, unquoted) is written; `None` when it holds no digit (empty,
    /// `TBD`, an unfilled `{{date}}`): no form of a date at all.
    pub fn of(value: &str) -> Option<DateStyle> {
        if Date::parse_iso(value).is_some() {
            Some(DateStyle::Date)
        } else if Date::split_iso_datetime(value).is_some() {
            Some(DateStyle::Datetime)
        } else {
            match crate::dates::written_order(value) {
                Some(crate::dates::Order::DayFirst) => Some(DateStyle::DayFirst),
                Some(crate::dates::Order::MonthFirst) => Some(DateStyle::MonthFirst),
                None => value
                    .bytes()
                    .any(|b| b.is_ascii_digit())
                    .then_some(DateStyle::Own),
            }
        }
    }
}

/// What one note contributes to the index.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct NoteSummary {
    /// Vault-relative path.
    pub path: String,
    /// File name without `.md`.
    pub title: String,
    /// Person, organisation, meeting or other.
    pub kind: NoteKind,
    /// The `aliases` property.
    pub aliases: Vec<String>,
    /// Tags from the `tags` property, without `#`, lowercase.
    pub tags: Vec<String>,
    /// The tags as written (without `#`), in the `tags` property and as `#tags` in the text,
    /// each written form once: how the vault writes each tag, for the tags rule
    /// ([`crate::index::VaultIndex::tag_spellings`]).
    pub tag_forms: Vec<String>,
    /// The frontmatter keys the key-case rule folds, as written, each once: how the vault
    /// writes each such key ([`crate::index::VaultIndex::key_spellings`]).
    pub key_forms: Vec<String>,
    /// The date keys the note fills, in lowercase, each once, with how it writes each: how
    /// the vault writes each date key ([`crate::index::VaultIndex::writes_dates`],
    /// [`crate::index::VaultIndex::writes_own_date_form`]).
    pub date_styles: Vec<(String, DateStyle)>,
    /// Of the date keys the note writes in a form other than ISO, each key and the form's
    /// [`date_shape`]: whether the vault writes a key in one form of its own
    /// ([`crate::index::VaultIndex::writes_own_date_form`]).
    pub date_shapes: Vec<(String, String)>,
    /// The `#`-tags the note's Dataview queries compare with text, in lowercase and each once
    /// (`#type/` of `WHERE icontains(tags, "#type/")`): the vault reads its `tags` with the `#`
    /// there ([`crate::index::VaultIndex::queries_tag_with_hash`]).
    pub query_tags: Vec<String>,
    /// The property names spelled with capitals that the note's Dataview queries, Meta Bind
    /// fields, Templater commands or Metadata Menu fields read, each once, among those the
    /// key-case rule folds (`Created` of `sort Created desc`):
    /// [`crate::index::VaultIndex::queries_key`].
    pub query_keys: Vec<String>,
    /// The owner handles (without `@`, in lowercase) the note's task queries search for, each
    /// once: `hlindvik` of Dataview's `contains(text, "@hlindvik")` or of Tasks'
    /// `description includes @hlindvik` ([`crate::index::VaultIndex::queries_handle`]).
    pub query_handles: Vec<String>,
    /// The note's date: `**Date:**` line, then `date`/`created` property, then file name.
    pub date: Option<Date>,
    /// Targets of the note's wikilinks and embeds (as written), frontmatter links included.
    pub links: BTreeSet<String>,
    /// Folded targets of the links actually written as `[[…]]`, in the body or as frontmatter
    /// values — unlike [`NoteSummary::links`], without unlinked participant names.
    pub wikilinks: BTreeSet<String>,
    /// Names of the meeting's participants (property and `**Participants:**` line), unresolved.
    pub participants: Vec<String>,
    /// True when the meeting was called off (`index::attendance::cancelled`): it met no one.
    pub cancelled: bool,
    /// Each list of two names or more the meeting writes of who was there, folded, unresolved
    /// and apart: a `participants` or `attendees` property, a `**Participants:**`, `**Attendees:**`
    /// or `**Present:**` line, the list under an `## Attendees` heading; less those marked not
    /// there. Two people one list names are two people. Empty for a meeting called off and for
    /// any other note.
    pub lists: Vec<Vec<String>>,
    /// Folded names the meeting links without meeting them: as absent, or left out of the
    /// attendees it lists (`index::attendance::not_met`).
    pub not_met: BTreeSet<String>,
    /// The organisation a person works at: the `company` property, else a `company/…` tag, else
    /// the Contact Information table.
    pub company: Option<String>,
    /// The owner handle (without `@`) the note's Dataview task queries look for, e.g.
    /// `GlennLockwood` from `contains(text, "@GlennLockwood")`.
    pub owner_query_handle: Option<String>,
    /// The company a `company/…` tag names (slug as written, lowercase).
    pub company_tag: Option<String>,
    /// The company the Contact Information table names (`| **Company** | VAST Data |`).
    pub company_table: Option<String>,
    /// The person's role: the `role` property, else the Contact Information table.
    pub role: Option<String>,
    /// Bullet lines under a "Key Facts" heading, trimmed.
    pub facts: Vec<String>,
}

/// The targets of the links written as frontmatter values (`"[[Name]]"`, in any property):
/// the frontmatter links Obsidian counts, and so the index.
pub fn frontmatter_links<'n>(note: &'n Note) -> impl Iterator<Item = &'n str> + 'n {
    let root = note.frontmatter.as_ref().and_then(|f| f.root());
    root.into_iter()
        .flat_map(|root| root.entries())
        .flat_map(|entry| entry.value.strings())
        .filter(|value| value.trim_start().starts_with("[["))
        .map(link_target)
}

/// The links written as frontmatter values, each with the key it is written under.
fn keyed_frontmatter_links<'n>(note: &'n Note) -> Vec<(String, &'n str)> {
    let root = note.frontmatter.as_ref().and_then(|f| f.root());
    root.into_iter()
        .flat_map(|root| root.entries())
        .flat_map(|entry| {
            (entry.value.strings().into_iter())
                .filter(|value| value.trim_start().starts_with("[["))
                .map(move |value| (entry.key_str().to_string(), link_target(value)))
        })
        .collect()
}

/// Strips `[[…]]` and a `|display` from a link written as a property value.
pub fn link_target(value: &str) -> &str {
    let v = value.trim();
    let inner = v
        .strip_prefix("[[")
        .and_then(|s| s.strip_suffix("]]"))
        .unwrap_or(v);
    inner
        .split('|')
        .next()
        .unwrap_or(inner)
        .split('#')
        .next()
        .unwrap_or(inner)
        .trim_end_matches('\\')
        .trim()
}

/// The names on the body's participants line (`**Participants:**`, see [`who_met_labelled`]),
/// if the note has one.
pub fn participants_line(note: &Note) -> Option<(std::ops::Range<usize>, Vec<String>)> {
    names_line(note, "Participants")
}

/// The labels of the body's lines listing who met (`**Participants:**`, `Speakers:` as
/// transcription tools write them), the participants line's first, then as meeting notes in
/// other languages write them (`**Teilnehmer:**`, `Asistentes:`, `参加者：`).
pub const WHO_MET_LABELS: &[&str] = &[
    "Participants",
    "Attendees",
    "Present",
    "Speakers",
    "Teilnehmer",
    "Teilnehmende",
    "Anwesend",
    "Anwesende",
    "Présents",
    "Participantes",
    "Asistentes",
    "Presentes",
    "Partecipanti",
    "Presenti",
    "Deelnemers",
    "Aanwezig",
    "Aanwezigen",
    "Uczestnicy",
    "Obecni",
    "Deltagare",
    "Deltakere",
    "Deltagere",
    "Osallistujat",
    "Résztvevők",
    "Účastníci",
    "Katılımcılar",
    "Участники",
    "Присутствовали",
    "Учасники",
    "参加者",
    "出席者",
    "参会人员",
    "与会者",
    "참석자",
];

/// The body's line listing who met, with its label: the first of [`WHO_MET_LABELS`] whose line
/// names someone.
pub fn who_met_line(note: &Note) -> Option<(&'static str, std::ops::Range<usize>, Vec<String>)> {
    WHO_MET_LABELS.iter().find_map(|&label| {
        names_line(note, label)
            .filter(|(_, names)| !names.is_empty())
            .map(|(span, names)| (label, span, names))
    })
}

/// The names on the body's line labelled `label`, as a participants line's entries are read.
fn names_line(note: &Note, label: &str) -> Option<(std::ops::Range<usize>, Vec<String>)> {
    who_met_labelled(note, label).map(|(span, value)| {
        let names = participant_entries(value)
            .into_iter()
            .filter_map(|(_, entry)| participant_name(entry))
            .map(str::to_string)
            .collect();
        (span, names)
    })
}

/// The names a meeting lists as there in its body other than on its `**Participants:**` line:
/// on the other lines of [`WHO_MET_LABELS`] (`**Attendees:**`, `**Present:**`), and in the
/// list under a heading of one of them or `Attendance` (`## Attendees` then `- [[Aoife
/// Brennan]]`), each item read as a participants line's entries are; each line's and the
/// heading's list apart.
fn attendees_in_body(note: &Note) -> Vec<Vec<String>> {
    // `Yuki Tanaka (absent)`, `~~Anja~~`: listed, but not there.
    let names = |value: &str| -> Vec<String> {
        (participant_entries(value).into_iter())
            .filter(|(_, entry)| !attendance::marked_not_there(entry))
            .filter_map(|(_, entry)| participant_name(entry))
            .map(str::to_string)
            .collect()
    };
    let mut lists: Vec<Vec<String>> = (WHO_MET_LABELS.iter().skip(1))
        .filter_map(|label| who_met_labelled(note, label))
        .map(|(_, value)| names(value))
        .collect();
    let mut under_heading = Vec::new();
    let lists_attendees = |heading: &Heading| {
        let text = heading.text.trim().trim_end_matches(':').to_lowercase();
        text == "attendance" || WHO_MET_LABELS.iter().any(|l| l.eq_ignore_ascii_case(&text))
    };
    for item in &note.list_items {
        let under = (item.heading.and_then(|h| note.headings.get(h))).is_some_and(lists_attendees);
        if !under || item.parent.is_some() || note.in_code_or_comment(item.line.start) {
            continue;
        }
        let line = note.text.get(item.line.clone()).unwrap_or("");
        let entry = line
            .trim_start()
            .trim_start_matches(['-', '*', '+'])
            .trim_start();
        // A checklist of who came (`- [x] Aoife`): its box is no part of the name.
        let entry = match entry.get(..4) {
            Some(b) if b.starts_with('[') && b.ends_with("] ") => &entry[4..],
            _ => entry,
        };
        under_heading.extend(names(entry));
    }
    lists.push(under_heading);
    lists
}

/// The entries of a participants line, each with its byte offset in `value`: split at commas,
/// semicolons and `+` outside brackets, so `Ada Lovett (CTO, Corvid)` is one entry and `Gassen +
/// Abner` two.
pub fn participant_entries(value: &str) -> Vec<(usize, &str)> {
    split_outside_brackets(value, &[',', ';', '+'])
}

/// The parts of `value` between the separators `at` outside brackets, each with its byte
/// offset in `value`.
pub fn split_outside_brackets<'a>(value: &'a str, at: &[char]) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, c) in value.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 && at.contains(&c) => {
                out.push((start, value.get(start..i).unwrap_or("")));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push((start, value.get(start..).unwrap_or("")));
    out
}

/// The name a participant entry writes: a link's target, or a plain entry's words after the
/// `~` a chat export writes before a contact not saved (`~ Damian`) or an `and` ending a list,
/// and after an honorific (`Dr. Dalia Haddad`), before a role in brackets (`Ada Lovett (CTO,
/// Corvid)`) or an address (`Aroha Ngata <aroha@example.nz>`); an address alone names nobody.
/// The line's full stop after the last entry is no part of it (`Bo Chen.`). A plain entry
/// holding `|` is a chat's label (`David | TON foundation`), one in parentheses an aside
/// (`(opcional: Jean, Kris)`), one opening with a digit a head count (`~141
/// employees company-wide`, `13 participants including Ada`), one of everyday words in
/// lowercase no name (`and others`), nor a sentence ([`reads_as_a_sentence`]), and a
/// placeholder (`{{name}}`) is no name either.
pub fn participant_name(value: &str) -> Option<&str> {
    let trimmed = value.trim();
    let name = if trimmed.starts_with("[[") {
        link_target(value)
    } else if trimmed.contains('|') || trimmed.starts_with('(') {
        // A chat's label, or an aside (`(opcional: Jean, Kris)`).
        return None;
    } else {
        // The line's full stop after the last entry (`Bo Chen.`), not an initial's or a
        // suffix's (`Ana Lima Jr.`).
        let trimmed = match trimmed.strip_suffix('.') {
            Some(name)
                if name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.chars().count() > 2) =>
            {
                name
            }
            _ => trimmed,
        };
        let name = trimmed.strip_prefix('~').map_or(trimmed, str::trim_start);
        let name = ["and ", "& "]
            .iter()
            .find_map(|lead| name.strip_prefix(lead))
            .map_or(name, str::trim_start);
        let name = match name.find('(') {
            Some(open) if open > 0 && name.ends_with(')') => {
                name.get(..open).unwrap_or("").trim_end()
            }
            _ => name,
        };
        // An invitation's `Aroha Ngata <aroha@example.nz>` is Aroha Ngata.
        let name = match name.find(" <") {
            Some(open) if name.ends_with('>') => name.get(..open).unwrap_or("").trim_end(),
            _ => name,
        };
        // `Dr. Dalia Haddad` is Dalia Haddad: an honorific is no part of the name.
        let name = match name.split_once(' ') {
            Some((first, rest))
                if crate::names::particles::is_honorific(
                    &first.trim_end_matches('.').to_lowercase(),
                ) && rest.trim_start().starts_with(char::is_uppercase) =>
            {
                rest.trim_start()
            }
            _ => name,
        };
        // Everyday words in lowercase before the name are the line's (`bring Eyal Traitel`,
        // `with Bo Chen`); a particle is the name's (`de Vries`).
        let mut name = name;
        while let Some((first, rest)) = name.split_once(' ') {
            let rest = rest.trim_start();
            let the_lines_word = first.chars().all(char::is_lowercase)
                && !crate::names::particles::is_particle(first)
                && crate::names::everyday::is_common_word(first)
                && rest.starts_with(char::is_uppercase);
            if !the_lines_word {
                break;
            }
            name = rest;
        }
        // An address alone (`aroha@example.nz`) names an account, not a person.
        if name.contains('@') {
            return None;
        }
        let everyday = name.split_whitespace().all(|w| {
            w.chars().all(|c| !c.is_uppercase()) && crate::names::everyday::is_common_word(w)
        });
        // A number opening the entry (`~141 employees`, `+1 415 555 0100`) is no name.
        let number = name
            .trim_start_matches('+')
            .starts_with(|c: char| c.is_ascii_digit());
        if everyday
            || number
            || reads_as_a_sentence(name)
            || is_speaker_label(name)
            || is_a_call_line_or_device(name)
        {
            return None;
        }
        name
    };
    (!name.is_empty() && !name.contains('{')).then_some(name)
}

/// Words joining two people in one entry (`Luz Martínez y Dolores Ruiz`), in the languages
/// participants lines are written in; lowercase, as they stand between names.
pub const PEOPLE_JOINERS: &[&str] = &[
    "and", "&", "+", "y", "e", "und", "et", "en", "og", "och", "ve", "aur", "और", "и", "i", "a",
    "dan", "oraz", "és", "ja", "și", "та", "και",
];

/// True when `name` holds a word joining two people ([`PEOPLE_JOINERS`]: `Ana Lima and Bo
/// Chen`, `Letícia e Lucas`): one entry naming more than one person.
pub fn names_several_people(name: &str) -> bool {
    name.split_whitespace().any(|w| PEOPLE_JOINERS.contains(&w))
}

/// True when `text`, written where a name was expected, reads as a sentence: three everyday
/// words in lowercase or more, none a particle nor joining two people (`For voice feedback and
/// interactions.`; `Every US military command globally uses Maven`, a timeline's `**Present**:`
/// item).
#[inline(never)]
pub fn reads_as_a_sentence(text: &str) -> bool {
    let everyday_words = (text.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.chars().all(char::is_lowercase)
                && !PEOPLE_JOINERS.contains(w)
                && !crate::names::particles::is_particle(w)
                && crate::names::everyday::is_common_word(w)
        })
        .count();
    everyday_words >= 3
}

/// True when `name` is a transcription tool's anonymous label for a voice (`Speaker 1`,
/// `Speaker A`, `SPEAKER_00`, `Unknown Speaker`, `Guest 2`): no one's name.
fn is_speaker_label(name: &str) -> bool {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split([' ', '_']).filter(|w| !w.is_empty()).collect();
    let numbered = |w: &str| w.chars().all(|c| c.is_ascii_digit()) || w.chars().count() == 1;
    match words.as_slice() {
        ["unknown", "speaker"] | ["unknown"] => true,
        [label, mark] => {
            matches!(*label, "speaker" | "guest" | "participant" | "caller") && numbered(mark)
        }
        _ => false,
    }
}

/// True when `name` is a call's participant that is a phone line or someone's device
/// (`Call-in User_2`, `Kenji Watanabe's iPhone`): no one's name.
fn is_a_call_line_or_device(name: &str) -> bool {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split([' ', '_']).filter(|w| !w.is_empty()).collect();
    const DEVICES: &[&str] = &[
        "iphone", "ipad", "android", "phone", "galaxy", "pixel", "macbook", "laptop",
    ];
    let owned = |w: &str| w.ends_with("'s") || w.ends_with("’s");
    match words.as_slice() {
        [line, "user"] | [line, "user", _] => matches!(*line, "call-in" | "dial-in" | "phone"),
        [first, .., device] if DEVICES.contains(device) => words.len() > 2 || owned(first),
        _ => false,
    }
}

/// The value span and text of the body's first line labelled `label`, outside code and
/// comments (an example pasted in a code block is no line of the note's own): `**Label:**
/// value` as meeting notes write it, and the same label written `**Label**:`, `Label:` or as a
/// Dataview field `Label:: value`, capitalised as given or in lowercase, at the start of a line
/// or of a list item (`- **Attendees:** …`, `participants:: …` as tl;dv writes it).
pub fn labelled_line<'a>(
    note: &Note<'a>,
    label: &str,
) -> Option<(std::ops::Range<usize>, &'a str)> {
    labelled(note, label).map(|(span, value, _)| (span, value))
}

/// The body's line listing who met under `label` (one of [`WHO_MET_LABELS`]), as
/// [`labelled_line`] finds it: a bold label's line as written, a plain one's (`Participants:`,
/// `participants::`) only where each of its entries reads as a name or links a note, since a
/// plain label in prose (`Present: the state of the art`) lists no one.
pub fn who_met_labelled<'a>(
    note: &Note<'a>,
    label: &str,
) -> Option<(std::ops::Range<usize>, &'a str)> {
    let (span, value, bold) = labelled(note, label)?;
    let entries = participant_entries(value);
    let named = |entry: &str| {
        entry.trim_start().starts_with("[[")
            || participant_name(entry).is_some_and(|name| {
                let words: Vec<&str> = name.split_whitespace().collect();
                (1..=4).contains(&words.len())
                    && words.iter().all(|w| {
                        (w.chars())
                            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                            && (!w.starts_with(char::is_lowercase) || is_particle(w))
                    })
            })
    };
    (bold || (!entries.is_empty() && entries.iter().all(|(_, e)| named(e))))
        .then_some((span, value))
}

/// [`labelled_line`]'s span and value, and whether its label is bold: the first of the note's
/// [`Note::label_lines`] labelled `label` as given or in lowercase, outside code and comments.
fn labelled<'a>(note: &Note<'a>, label: &str) -> Option<(std::ops::Range<usize>, &'a str, bool)> {
    let text = note.text;
    let line = note.label_lines().iter().find(|l| {
        let written = text.get(l.label.clone()).unwrap_or("");
        let lowercase = || !written.chars().any(char::is_uppercase);
        (written == label || (written.eq_ignore_ascii_case(label) && lowercase()))
            && !note.in_code_or_comment(l.label.start)
    })?;
    let value_start = line.value_start;
    let value_end = text[value_start..]
        .find('\n')
        .map_or(text.len(), |i| value_start + i);
    let raw = &text[value_start..value_end];
    let trimmed_start = value_start + (raw.len() - raw.trim_start().len());
    let trimmed_end = (value_start + raw.trim_end().len()).max(trimmed_start);
    Some((
        trimmed_start..trimmed_end,
        &text[trimmed_start..trimmed_end],
        line.bold,
    ))
}

/// The note's own date: its `**Date:**` line, else a `date`/`created` property, else its file name.
pub fn note_date(note: &Note) -> Option<Date> {
    labelled_line(note, "Date")
        .and_then(|(_, v)| settled_date(v))
        .or_else(|| {
            ["date", "created"]
                .iter()
                .find_map(|k| settled_date(note.property(k)?.as_str()?))
        })
        .or_else(|| Date::from_file_name(note.path))
}

/// The ISO date `value` opens with, unless what follows leaves the day open: a question mark,
/// another date, or a word of doubt (`2025-11-27 (tentative)`, `2025-11-25 or 2025-11-30`).
/// A time or a week day after it is the same day.
fn settled_date(value: &str) -> Option<Date> {
    let date = Date::parse_iso(value.get(..10)?)?;
    let rest = fold(value.get(10..).unwrap_or(""));
    let doubt = ["tentative", "tbc", "tbd", "maybe", "proposed", "or", "to"];
    let open = rest.contains('?')
        || crate::dates::holds_iso_date(&rest)
        || rest
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| doubt.contains(&w));
    (!open).then_some(date)
}

/// The `name` a note whose file name is its slug (`alex-wissner-gross.md`) spells out, `Alex
/// Wissner-Gross`: the name the slug was made from is the note's name too, an alias of it.
fn slug_spelled(title: &str, names: &[String]) -> Option<String> {
    let slug = |s: &str| {
        let words = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        words.map(str::to_lowercase).collect::<Vec<_>>().join("-")
    };
    let is_slug =
        !title.contains(' ') && title.contains(['-', '_']) && title == title.to_lowercase();
    let [name] = names else { return None };
    (is_slug && name.contains(' ') && slug(name) == slug(title)).then(|| name.clone())
}

/// What `note` contributes to the index under `settings`.
pub(super) fn summarize(note: &Note, settings: &Settings) -> NoteSummary {
    if settings.is_not_a_note(note.path, note.text) {
        // Found by name, so links to it resolve; nothing else: its people are placeholders.
        // A template's queries and its Templater commands read the keys of the notes made
        // from it.
        return NoteSummary {
            path: note.path.to_string(),
            title: note.title().to_string(),
            query_keys: query_keys(note, settings),
            ..NoteSummary::default()
        };
    }
    // `Tags:` and `tags:` both hold tags until the key-case rule folds them.
    let property = |key: &str| {
        note.property(key).or_else(|| {
            note.frontmatter
                .as_ref()?
                .root()?
                .entries()
                .iter()
                .find(|e| e.key_str().eq_ignore_ascii_case(key))
                .map(|e| &e.value)
        })
    };
    let strings = |key: &str| -> Vec<String> {
        property(key)
            .map(|n| n.strings().into_iter().map(str::to_string).collect())
            .unwrap_or_default()
    };
    let written = property("tags").map(tags_of).unwrap_or_default();
    let tag_forms = each_once(written.iter().copied().chain(text_tags(note)));
    let tags: Vec<String> = written.iter().map(|t| t.to_lowercase()).collect();
    let key_forms = each_once(
        note.frontmatter
            .iter()
            .flat_map(|f| f.root())
            .flat_map(|r| r.entries())
            .map(|e| e.key_str())
            .filter(|key| folds(settings, &key.to_lowercase())),
    );
    // Metadata Menu types a note by its `fileClass` (`fileClass: person`).
    let type_value = note
        .property("type")
        .or_else(|| note.property("fileClass"))
        .and_then(|n| n.as_str())
        .map(link_target)
        .unwrap_or("")
        .to_lowercase();
    // `categories: [[People]]`, as popular vault templates classify notes.
    let categories: Vec<String> = ["categories", "category"]
        .iter()
        .flat_map(|k| strings(k))
        .map(|c| link_target(&c).to_lowercase())
        .collect();
    // A folder's own note (`People/People.md`, as the Folder notes plugin keeps them) is about
    // the folder: where it lives makes it no person or organisation.
    let folder_note = is_folder_note(note.path);
    let in_folder = |folders: &[String]| !folder_note && in_kind_folder(note.path, folders);
    // So is the README of a folder of people named as no one is (`People/Internal/README.md`).
    let category = crate::note::folder_note_name(note.path).is_some_and(|folder| {
        !titled_as_a_name(folder) || folder.split(' ').all(|w| is_common_word(&w.to_lowercase()))
    });
    // What AI agents read of the folder they work in (`CLAUDE.md`, `AGENTS.md`), named in
    // capitals (`Claude.md` may be someone's note), is no one in it either.
    let for_agents = ["CLAUDE", "AGENTS", "GEMINI"].contains(&title_of(note.path));
    let in_people_folder = !category && !for_agents && in_folder(&settings.people_folders);
    let typed = |types: &[String]| {
        types.iter().any(|t| {
            *t == type_value
                || tags
                    .iter()
                    .any(|tag| tag.strip_prefix("type/") == Some(t.as_str()))
                || categories.iter().any(|c| c == t || singular(c) == *t)
        })
    };
    // The people a property lists: in one value (`participants: Ana Lima, Bo Chen`), or a list.
    let people_in = |key: &str| -> Vec<String> {
        match property(key).map(|n| &n.kind) {
            Some(crate::yaml::NodeKind::Scalar { value, .. }) => participant_entries(value)
                .into_iter()
                .filter_map(|(_, entry)| participant_name(entry))
                .map(str::to_string)
                .collect(),
            _ => (strings(key).iter())
                .map(|p| link_target(p).to_string())
                .collect(),
        }
    };
    let mut participants = people_in("participants");
    let attendees = people_in("attendees");
    let (line_span, line_participants) =
        participants_line(note).map_or((None, Vec::new()), |(span, names)| (Some(span), names));
    let kind = if typed(&settings.people_types) || (in_people_folder && type_value.is_empty()) {
        NoteKind::Person
    } else if typed(&settings.org_types)
        || (in_folder(&settings.org_folders) && type_value.is_empty())
    {
        NoteKind::Org
    } else if type_value.contains("meeting")
        // Tagged so in its properties (`tags: [meeting]`), as meeting tools' templates do.
        || tags.iter().any(|t| t == "meeting" || t == "meetings")
        || !line_participants.is_empty()
        || !participants.is_empty()
        // Who attended, as a property or a line (`**Attendees:**`), says a meeting too.
        || !attendees.is_empty()
        || (WHO_MET_LABELS.iter().skip(1))
            .any(|label| names_line(note, label).is_some_and(|(_, names)| !names.is_empty()))
    {
        NoteKind::Meeting
    } else if in_people_folder
        || (tags.iter().any(|t| settings.people_types.contains(t))
            && type_value.is_empty()
            && !folder_note
            && titled_as_a_name(note.title()))
    {
        // A note tagged only `person` (`tags: [person]`, as many vaults mark their people)
        // is a person's where its title reads as a name: `Kwame Asante`, not a dashboard.
        NoteKind::Person
    } else if in_folder(&settings.org_folders)
        || (tags.iter().any(|t| settings.org_types.contains(t))
            && type_value.is_empty()
            && !folder_note
            && titled_as_an_org(note.title(), &settings.org_types))
    {
        // A note tagged only `organization` or `company` is an organisation's where its title
        // reads as a firm's name: `Jordan Foods`, `O'Brien & Daughters`, not `Companies` or
        // `crm-dashboard`.
        NoteKind::Org
    } else {
        NoteKind::Other
    };
    // Each list of who was there as written, apart: two people one list names are two people.
    let mut lists = vec![participants.clone(), line_participants.clone()];
    for name in line_participants {
        if !participants.iter().any(|p| fold(p) == fold(&name)) {
            participants.push(name);
        }
    }
    let mut links: BTreeSet<String> = note
        .links
        .iter()
        .filter(|l| l.kind != LinkKind::Markdown && !l.target.is_empty())
        .map(|l| l.target.clone())
        .collect();
    let mut wikilinks: BTreeSet<String> = links.iter().map(|l| fold(linked_name(l))).collect();
    for target in frontmatter_links(note) {
        links.insert(target.to_string());
        wikilinks.insert(fold(linked_name(target)));
    }
    links.extend(participants.iter().cloned());
    let company_tag = tags
        .iter()
        .find_map(|t| t.strip_prefix("company/").map(str::to_string));
    let company_table = table_field(note, "Company");
    let company = note
        .property("company")
        .and_then(|n| n.as_str())
        .map(|s| link_target(s).to_string())
        .filter(|s| !s.is_empty() && !crate::text::is_template_variable(s))
        .or_else(|| company_tag.clone())
        .or_else(|| company_table.clone());
    let role = note
        .property("role")
        .and_then(|n| n.as_str())
        .map(str::to_string)
        .filter(|s| !s.is_empty())
        .or_else(|| table_field(note, "Role"));
    // Whether the meeting took place, and whom it met.
    let (cancelled, not_met, lists) = match kind {
        NoteKind::Meeting => {
            let mut statuses: Vec<String> = ["status", "meeting_status"]
                .iter()
                .flat_map(|k| strings(k))
                .collect();
            // A date written with what became of the meeting says so too (`date: 2025-11-29
            // (cancelled)`).
            statuses.extend(strings("date"));
            statuses.extend(
                ["Status", "Date"]
                    .iter()
                    .filter_map(|label| labelled_line(note, label))
                    .map(|(_, v)| v.to_string()),
            );
            let flagged = ["cancelled", "canceled"].iter().any(|k| {
                property(k)
                    .and_then(|n| n.as_str())
                    .is_some_and(|v| v == "true")
            });
            // Whom the meeting lists as there: its participants, an `attendees` property and
            // the attendees its body lists.
            lists.push(attendees);
            lists.extend(attendees_in_body(note));
            let mut listed = participants.clone();
            listed.extend(lists.iter().skip(2).flatten().cloned());
            // `**Participants:** Kofi, Yuki (absent), ~~Anja~~`: listed, but not there.
            let away: Vec<String> = (line_span.as_ref())
                .and_then(|span| note.text.get(span.clone()))
                .map(|value| {
                    (participant_entries(value).into_iter())
                        .filter(|(_, entry)| attendance::marked_not_there(entry))
                        .filter_map(|(_, entry)| participant_name(entry.trim().trim_matches('~')))
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            listed.retain(|name| !away.contains(name));
            let cancelled = attendance::cancelled(note, &statuses, flagged, &tag_forms);
            let not_met = attendance::not_met(note, &keyed_frontmatter_links(note), &listed, &away);
            let lists = (lists.into_iter())
                .map(|list| {
                    (list.iter())
                        .filter(|name| !away.contains(name))
                        .map(|name| fold(name))
                        .filter(|name| !not_met.contains(name))
                        .collect::<Vec<_>>()
                })
                .filter(|list| list.len() > 1 && !cancelled)
                .collect();
            (cancelled, not_met, lists)
        }
        _ => (false, BTreeSet::new(), Vec::new()),
    };
    let (styles, shapes) = date_styles(note, settings);
    NoteSummary {
        path: note.path.to_string(),
        title: note.title().to_string(),
        kind,
        aliases: (strings("aliases").into_iter())
            .chain(slug_spelled(note.title(), &strings("name")))
            .collect(),
        tags,
        tag_forms,
        key_forms,
        date_styles: styles,
        date_shapes: shapes,
        query_tags: query_tags(note),
        query_keys: query_keys(note, settings),
        query_handles: query_handles(note),
        date: note_date(note),
        links,
        wikilinks,
        participants,
        cancelled,
        lists,
        not_met,
        company,
        owner_query_handle: query_handle(note),
        company_tag,
        company_table,
        role,
        facts: section_bullets(note, "key facts"),
    }
}

/// True when the note at `path` is in one of `folders` or a folder under it: a folder given
/// as a path from the vault's root (`Work/People`), or a folder's name, found at any depth
/// (`01. General/People/Matt Olsen.md`), numbered or not (`20 People`, `02_People`). The
/// README or index of the folder itself is about the folder, not one of its people.
fn in_kind_folder(path: &str, folders: &[String]) -> bool {
    let Some((dirs, _)) = path.rsplit_once('/') else {
        return false;
    };
    let depth = dirs.split('/').count();
    folders.iter().any(|f| match f.contains('/') {
        true => path.strip_prefix(f.as_str()).is_some_and(|rest| {
            rest.starts_with('/') && !(rest[1..].find('/').is_none() && names_a_folder(path))
        }),
        false => dirs.split('/').enumerate().any(|(at, dir)| {
            unnumbered(dir).eq_ignore_ascii_case(f) && !(at + 1 == depth && names_a_folder(path))
        }),
    })
}

/// A folder's name without the number or the symbol that orders or marks it (`20 People`,
/// `02_People`, `1. People`, `👤 People`).
fn unnumbered(dir: &str) -> &str {
    dir.trim_start_matches(|c: char| !c.is_alphabetic())
}

/// True when the note at `path` is its folder's own README or index, or a note about the
/// folder its name sets apart with a leading `_` (`_GUIDE`, `_template`).
fn names_a_folder(path: &str) -> bool {
    crate::note::folder_note_name(path).is_some() || title_of(path).starts_with('_')
}

/// True when the note at `path` is named as the folder it is in (`People/People.md`): the
/// folder's own note.
fn is_folder_note(path: &str) -> bool {
    path.rsplit('/')
        .nth(1)
        .is_some_and(|folder| folder.eq_ignore_ascii_case(title_of(path)))
}

/// True when a note's `title` reads as someone's name: one to four words of letters, each
/// opening with a capital, and particles inside (`Kwame Asante`, `Jin`, `Laritza D'Amato`,
/// `João da Silva`, `Pieter van der Berg`; not `dashboard-people`, `Recon 2026-07-31` nor
/// `People I admire`).
fn titled_as_a_name(title: &str) -> bool {
    let words: Vec<&str> = title.split([' ', '_']).filter(|w| !w.is_empty()).collect();
    let inside = |i: usize| i > 0 && i + 1 < words.len();
    let particles = (0..words.len())
        .filter(|&i| inside(i) && is_particle(words[i]))
        .count();
    (1..=4).contains(&(words.len() - particles))
        && words.iter().enumerate().all(|(i, w)| {
            (w.starts_with(char::is_uppercase) || inside(i) && is_particle(w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
        })
}

/// True when a note's `title` reads as a firm's name: one to six words, the first opening with
/// a capital or a digit (`3M`, `Jordan Foods`), the others too or `&` or a short joining word
/// (`Bank of America`, `O'Brien & Daughters`), of letters, digits and `'’-.,`; and not a kind of
/// organisation named in the plural or the singular (`Companies`, `Vendor`).
fn titled_as_an_org(title: &str, org_types: &[String]) -> bool {
    let words: Vec<&str> = title.split(' ').filter(|w| !w.is_empty()).collect();
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let lettered = |w: &str| {
        (w.chars()).all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.' | ','))
    };
    let joining = |w: &str| crate::names::keys::JOINING_WORDS.contains(&w);
    let kind = singular(&title.to_lowercase());
    (1..=6).contains(&words.len())
        && words.first().is_some_and(|w| capital(w))
        && words
            .iter()
            .all(|w| (capital(w) && lettered(w)) || joining(w))
        && !org_types.contains(&kind)
}

/// A category named in the plural as its type is in the singular: `companies` → `company`,
/// `contacts` → `contact` (`people` is a type of its own).
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else {
        word.strip_suffix('s').unwrap_or(word).to_string()
    }
}

/// The value of a `| **Label** | value |` row (a Contact Information table), unless it is a
/// placeholder such as `_Unknown_`.
pub fn table_field(note: &Note, label: &str) -> Option<String> {
    let (_, cell) = table_cell(note, label)?;
    let value = link_target(cell);
    let placeholder = value.starts_with('_') && value.ends_with('_');
    (!value.is_empty() && !placeholder).then(|| value.to_string())
}

/// The value cell of the first `| **Label** | value |` row, as written (trimmed, a link
/// included), with its byte span in the note.
pub fn table_cell<'n>(note: &Note<'n>, label: &str) -> Option<(std::ops::Range<usize>, &'n str)> {
    let needle = format!("**{label}**");
    let body = note.body();
    let bytes = body.as_bytes();
    // A line without a `|` is one cell, no label and value: only the lines holding one are
    // read, found by their first `|` (most lines of most notes have none).
    let mut from = 0;
    while let Some(bar) = memchr::memchr(b'|', bytes.get(from..)?).map(|i| from + i) {
        let start = memchr::memrchr(b'\n', bytes.get(from..bar)?).map_or(from, |i| from + i + 1);
        let end = memchr::memchr(b'\n', bytes.get(bar..)?).map_or(bytes.len(), |i| bar + i + 1);
        let line = body.get(start..end)?;
        if let Some((span, cell)) = labelled_cell(line, &needle) {
            let at = note.body_start + start;
            return Some((at + span.start..at + span.end, cell));
        }
        from = end;
    }
    None
}

/// The trimmed value cell of `line` (a table row holding a `|`) when its label cell is
/// `needle`, with its span in the line.
fn labelled_cell<'l>(line: &'l str, needle: &str) -> Option<(std::ops::Range<usize>, &'l str)> {
    let end = line.trim_end().len();
    let bars: Vec<usize> = line
        .char_indices()
        .filter(|(_, c)| *c == '|')
        .map(|(i, _)| i)
        .collect();
    let first = *bars.first()?;
    let after = |i: usize| bars.get(i).copied().unwrap_or(end);
    // `| **Label** | value |`, or the same without the outer bars.
    let (label_cell, value_range) = if line[..first].trim().is_empty() {
        (&line[first + 1..after(1)], after(1) + 1..after(2))
    } else {
        (&line[..first], first + 1..after(1))
    };
    if value_range.start > value_range.end {
        return None;
    }
    if !label_cell.trim().eq_ignore_ascii_case(needle) {
        return None;
    }
    let raw = &line[value_range.clone()];
    let trimmed = raw.trim();
    let offset = value_range.start + (raw.len() - raw.trim_start().len());
    Some((offset..offset + trimmed.len(), trimmed))
}

/// The trimmed `- ` bullet lines under the heading whose text is `heading` (case-insensitive),
/// up to the next heading of the same or a higher level.
fn section_bullets(note: &Note, heading: &str) -> Vec<String> {
    let Some(at) = note
        .headings
        .iter()
        .position(|h| h.text.eq_ignore_ascii_case(heading))
    else {
        return Vec::new();
    };
    let start = note.headings[at].span.end;
    let level = note.headings[at].level;
    let end = note.headings[at + 1..]
        .iter()
        .find(|h| h.level <= level)
        .map_or(note.text.len(), |h| h.span.start);
    note.text
        .get(start..end)
        .unwrap_or("")
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The first owner handle (without `@`) the note's ```` ```dataview ```` blocks look for with
/// `contains(text, "@…")` (a block commented out with `%%` is no query).
pub fn query_handle(note: &Note) -> Option<String> {
    note.code
        .iter()
        .filter(|c| {
            c.info
                .as_deref()
                .is_some_and(|i| i.eq_ignore_ascii_case("dataview"))
                && !note.in_comment(c.span.start)
        })
        .filter_map(|c| note.text.get(c.span.clone()))
        .flat_map(queried_handles)
        .map(str::trim)
        .find(|h| !h.is_empty())
        .map(str::to_string)
}

/// The handles the note's task queries search for (see [`NoteSummary::query_handles`]): in
/// Dataview blocks, `contains(text, "@…")`; in Tasks blocks, `description includes @…`, both
/// to the end of the name; and every `@word` ([`at_words`]) on a Tasks line that filters by
/// description (`description regex matches /@owen/`, `(description includes @owen) OR …`) or
/// on a Dataview or `dataviewjs` line that reads a task's text (`t.text.includes("@owen")`).
/// A comment (`# was @owen`, `// @owen asked`) searches for nothing.
#[inline(never)]
fn query_handles(note: &Note) -> Vec<String> {
    let mut handles: Vec<String> = Vec::new();
    let mut add = |handle: &str| {
        let handle = handle.trim();
        if !handle.is_empty() {
            handles.push(handle.to_lowercase());
        }
    };
    for c in note.code.iter().filter(|c| !note.in_comment(c.span.start)) {
        let info = c.info.as_deref().unwrap_or("").to_ascii_lowercase();
        let dataview = matches!(info.as_str(), "dataview" | "dataviewjs");
        if !dataview && info != "tasks" {
            continue;
        }
        let code = note.text.get(c.span.clone()).unwrap_or("");
        if dataview {
            queried_handles(code).for_each(&mut add);
        }
        for line in code.lines().map(str::trim_start) {
            // What a comment after the code says searches for nothing (`… // owner @owen`).
            let line = match memchr::memmem::find(line.as_bytes(), b" //") {
                Some(at) if dataview => line.get(..at).unwrap_or(line),
                _ => line,
            };
            let searched = if dataview {
                let comment =
                    line.starts_with("//") || line.starts_with("/*") || line.starts_with('*');
                !comment && reads_task_text(line)
            } else if let Some(handle) = described_handle(line) {
                // Read to the line's end (`@owen prentice`).
                add(handle);
                false
            } else {
                !line.starts_with('#')
                    && memchr::memmem::find(line.as_bytes(), b"description").is_some()
            };
            if searched {
                at_words(line).for_each(&mut add);
            }
        }
    }
    handles.sort_unstable();
    handles.dedup();
    handles
}

/// True when a Dataview or `dataviewjs` line reads a task's text: `text` stands there as a
/// word of its own (`contains(text, …)`, `t.text.includes(…)`), not inside another
/// (`dv.paragraph("context")`).
fn reads_task_text(line: &str) -> bool {
    let bytes = line.as_bytes();
    let word = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    memchr::memmem::find_iter(bytes, b"text")
        .any(|at| !(at.checked_sub(1).is_some_and(word) || word(at + 4)))
}

/// The word after every `@` of a query's `line` that opens a word (`/@owen/`, `"@owen"`; not
/// the `@` of an address, `ana@example.com`): letters, digits, `_`, `-` and `.` inside it. A
/// word a capitalised one follows (`@Owen Prentice`) opens a name written whole, which the
/// query searches for whole: the handle `@owen` completed to it is found.
fn at_words(line: &str) -> impl Iterator<Item = &str> {
    memchr::memchr_iter(b'@', line.as_bytes()).filter_map(move |at| {
        let before = line.get(..at)?.chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        let rest = line.get(at + 1..)?;
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
            .unwrap_or(rest.len());
        let after = rest.get(end..)?;
        if after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(char::is_uppercase))
        {
            return None;
        }
        Some(rest.get(..end)?.trim_end_matches(['.', '-']))
    })
}

/// The handle a Tasks query line searches descriptions for (`description includes @owen`).
fn described_handle(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("description includes")?.trim();
    rest.strip_prefix('@')
}

/// The `…` of every `contains(text, "@…")` in a query.
fn queried_handles(query: &str) -> impl Iterator<Item = &str> {
    memchr::memmem::find_iter(query.as_bytes(), b"contains(").filter_map(move |at| {
        let rest = query.get(at + "contains(".len()..)?.trim_start();
        let rest = rest.strip_prefix("text")?.trim_start();
        let rest = rest.strip_prefix(',')?.trim_start();
        let rest = rest.strip_prefix("\"@")?;
        rest.get(..rest.find('"')?)
    })
}

/// The date keys ([`Settings::is_date_key`]) that `note` fills with a form of a date, each
/// once with how it writes it (see [`NoteSummary::date_styles`]), and the shapes of those it
/// writes in a form other than ISO (see [`NoteSummary::date_shapes`]).
type DateForms = (Vec<(String, DateStyle)>, Vec<(String, String)>);

fn date_styles(note: &Note, settings: &Settings) -> DateForms {
    let mut out: Vec<(String, DateStyle)> = Vec::new();
    let mut shapes: Vec<(String, String)> = Vec::new();
    let entries = note.frontmatter.iter().flat_map(|f| f.root());
    for entry in entries.flat_map(|r| r.entries()) {
        // Most keys are lowercase ASCII already: those need no copy to be looked up.
        let written = entry.key_str();
        let key: std::borrow::Cow<str> =
            if written.is_ascii() && !written.bytes().any(|b| b.is_ascii_uppercase()) {
                written.into()
            } else {
                written.to_lowercase().into()
            };
        if !settings.is_date_key(&key) || out.iter().any(|(k, _)| *k == key) {
            continue;
        }
        let Some(value) = entry.value.as_str() else {
            continue;
        };
        if let Some(style) = DateStyle::of(value) {
            if !matches!(style, DateStyle::Date | DateStyle::Datetime) {
                shapes.push((key.to_string(), date_shape(value)));
            }
            out.push((key.into_owned(), style));
        }
    }
    (out, shapes)
}

/// The shape of a date written in a form of its own: each run of digits one `9`, each run of
/// letters one `a`, anything else as written. `15th January 2026` and `1st March 2025` are both
/// `9a a 9`, the form one template writes whatever the date; `November 16, 2026` (`a 9, 9`)
/// and `16.11.2026` (`9.9.9`) are two others.
pub fn date_shape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.trim().chars() {
        let class = match c {
            c if c.is_ascii_digit() => '9',
            c if c.is_alphabetic() => 'a',
            c => c,
        };
        if !(matches!(class, '9' | 'a') && out.ends_with(class)) {
            out.push(class);
        }
    }
    out
}

/// The `#`-tags quoted in the note's Dataview queries (see [`NoteSummary::query_tags`]).
fn query_tags(note: &Note) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for query in queries(note, false) {
        for quote in ['"', '\''] {
            let mut parts = query.split(quote);
            parts.next();
            // Every other part is inside quotes.
            for inside in parts.step_by(2) {
                let tag = inside.to_lowercase();
                if tag.starts_with('#') && tag.len() > 1 && !out.contains(&tag) {
                    out.push(tag);
                }
            }
        }
    }
    out
}

/// The text of the note's Dataview queries: its `dataview` and `dataviewjs` blocks, and with
/// `inline`, its inline queries (`` `= this.Status` ``, `` `$= dv.current().Status` ``) and
/// Meta Bind's fields, which read and write properties by name (`` `INPUT[text:Company]` ``,
/// `` `VIEW[{Company}]` ``, `meta-bind` blocks), and Obsidian Tracker's blocks, which look
/// properties up by their exact name (`searchTarget: Date, weight`).
fn queries<'n>(note: &'n Note, inline: bool) -> impl Iterator<Item = &'n str> + 'n {
    note.code
        .iter()
        .filter(move |c| match c.info.as_deref() {
            Some(info) => {
                matches!(info, "dataview" | "dataviewjs")
                    || (inline && (info.starts_with("meta-bind") || info == "tracker"))
            }
            None => {
                let code = note.text.get(c.span.clone()).unwrap_or("");
                let code = code.trim_start_matches('`');
                inline
                    && (code.starts_with(['=', '$'])
                        || code.starts_with("INPUT[")
                        || code.starts_with("VIEW["))
            }
        })
        .filter_map(|c| note.text.get(c.span.clone()))
        .chain(quoted_fences_run_on(note.body()))
}

/// The query a `dataview` fence opened in a callout or a quote (`> ```dataview`) holds in the
/// lines after it that lack the `> ` (up to the closing fence): Markdown ends the quote and its
/// block there, but vaults write queries so and read their tables, and a key the query names
/// is kept as written.
fn quoted_fences_run_on(body: &str) -> impl Iterator<Item = &str> + '_ {
    // Found by the fence's text, not by reading every line: the vault scan reads every note.
    memchr::memmem::find_iter(body.as_bytes(), "```dataview").filter_map(move |at| {
        let opening = crate::lines::line_at(body, at);
        let quoted = body.get(opening.start..at)?;
        if !quoted.starts_with('>') || !quoted.chars().all(|c| matches!(c, '>' | ' ' | '\t')) {
            return None;
        }
        let start = opening.end + 1;
        let mut end = start;
        for line in crate::lines::inclusive(body.get(start..)?) {
            if (end == start && line.starts_with('>')) || line.trim_start().starts_with("```") {
                break;
            }
            end += line.len();
        }
        body.get(start..end)
    })
}

/// The property names a note reads by name outside queries: Templater's `tp.frontmatter.Key`
/// and `tp.frontmatter["Key"]`, the fields a Metadata Menu fileClass defines (`fields:` of
/// entries with a `name`) and the targets of a Tracker block, quoted too (`searchTarget:
/// "Created", weight`).
fn named_reads<'n>(note: &'n Note) -> Vec<&'n str> {
    let mut out = Vec::new();
    let trackers = (note.code.iter()).filter(|c| c.info.as_deref() == Some("tracker"));
    for code in trackers.filter_map(|c| note.text.get(c.span.clone())) {
        let targets = (code.lines()).filter_map(|l| l.trim().strip_prefix("searchTarget:"));
        out.extend(
            targets
                .flat_map(|t| t.split(','))
                .map(|t| t.trim().trim_matches(['"', '\'', '[', ']']).trim()),
        );
    }
    const COMMAND: &str = "tp.frontmatter";
    for at in memchr::memmem::find_iter(note.text.as_bytes(), COMMAND) {
        let rest = note.text.get(at + COMMAND.len()..).unwrap_or("");
        let rest = rest
            .strip_prefix('.')
            .or_else(|| rest.strip_prefix("[\""))
            .or_else(|| rest.strip_prefix("['"))
            .unwrap_or("");
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        out.push(&rest[..end]);
    }
    let fields = note
        .property("fields")
        .and_then(|n| n.as_seq())
        .unwrap_or(&[]);
    out.extend(
        fields
            .iter()
            .filter_map(|field| field.get("name")?.value.as_str()),
    );
    out
}

/// The words of the note's Dataview queries (inline ones included), Meta Bind fields, Tracker
/// blocks, Templater commands and Metadata Menu fields that spell a property the key-case rule folds
/// with capitals (`Created`, `Status`), each once.
fn query_keys(note: &Note, settings: &Settings) -> Vec<String> {
    let words = queries(note, true)
        .flat_map(read_names)
        .chain(named_reads(note))
        .filter(|w| w.chars().any(char::is_uppercase) && folds(settings, &w.to_lowercase()));
    each_once(words)
}

/// The words a query's code reads as names: outside comments (`// …`) and string literals
/// (`AS "Title"` names a column), but for a string that indexes (`p["Status"]`).
fn read_names(query: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = query.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b >= 0x80;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
        } else if matches!(b, b'"' | b'\'') {
            let end = memchr::memchr(b, &bytes[i + 1..]).map_or(bytes.len(), |n| i + 1 + n);
            if i > 0 && bytes[i - 1] == b'[' {
                out.push(&query[i + 1..end]);
            }
            i = end + 1;
        } else if is_word(b) {
            let start = i;
            while i < bytes.len() && is_word(bytes[i]) {
                i += 1;
            }
            out.extend(query.get(start..i));
        } else {
            i += 1;
        }
    }
    out
}

/// `forms` in order, each once.
fn each_once<'a>(forms: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    forms
        .filter(|form| seen.insert(form))
        .map(str::to_string)
        .collect()
}

/// The tags the note's text writes as `#tags` (outside code, comments and quotes), without the `#`:
/// how the vault spells a tag is how its notes write it, in their `tags` property or in their
/// text (`#metrics` in three notes' text outweighs `Metrics` in two notes' properties). Only
/// what Obsidian reads as a whole tag counts — letters, digits, `_`, `-` and `/`.
fn text_tags<'n>(note: &'n Note) -> impl Iterator<Item = &'n str> {
    let body = note.body();
    crate::hashtags::find(body)
        .into_iter()
        .filter(move |span| !note.in_code_or_comment(note.body_start + span.start))
        .filter(move |span| !quoted(note, note.body_start + span.start))
        .filter_map(move |span| body.get(span.start + 1..span.end))
        .filter(|tag| {
            tag.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/'))
        })
}

/// True when the line holding byte `at` of the note is quoted (`> …`): words clipped from
/// someone else (a tweet's `#SEO`), not how the vault's owner writes.
fn quoted(note: &Note, at: usize) -> bool {
    let start = note.lines.line_start(note.line_of(at)).unwrap_or(0).min(at);
    note.text[start..at].trim_start().starts_with('>')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transcription_tools_speaker_label_is_no_participant() {
        for label in [
            "Speaker 1",
            "Speaker A",
            "SPEAKER_00",
            "Unknown Speaker",
            "Guest 2",
        ] {
            assert_eq!(participant_name(label), None, "{label}");
        }
        for label in [
            "Call-in User_2",
            "Kenji Watanabe's iPhone",
            "+1 415 555 0100",
        ] {
            assert_eq!(participant_name(label), None, "{label}");
        }
        for name in ["Speaker Pelosi", "Guest Ana", "Ana Lima", "Phone Kyaw"] {
            assert_eq!(participant_name(name), Some(name), "{name}");
        }
    }

    #[test]
    fn a_meeting_met_only_whom_its_body_lists_as_there() {
        let not_met = |body: &str| {
            let text = format!("---\ntype: meeting\ndate: 2026-11-20\n---\n{body}");
            let index =
                crate::VaultIndex::build(Settings::default(), [("Meetings/M.md", text.as_str())]);
            index
                .get("Meetings/M.md")
                .unwrap()
                .not_met
                .clone()
                .into_iter()
                .collect::<Vec<_>>()
        };
        let discussed = "\nReviewed [[Seun Adeyemi]]'s proposal.\n";
        for listing in [
            "## Attendees\n- [[Aoife Brennan]]\n- [x] Kenji Watanabe\n\n## Notes\n",
            "**Attendees:** [[Aoife Brennan]], Kenji Watanabe\n",
            "**Present:** Aoife Brennan\n",
            // Other languages' labels, with a full-width colon too.
            "**Teilnehmer:** [[Aoife Brennan]], Kenji Watanabe\n",
            "Asistentes: Aoife Brennan, Kenji Watanabe\n",
            "参加者：Aoife Brennan\n",
        ] {
            assert_eq!(
                not_met(&format!("{listing}{discussed}")),
                ["seun adeyemi"],
                "{listing}"
            );
        }
        assert!(not_met(discussed).is_empty());
    }

    #[test]
    fn an_entry_is_read_without_its_honorific_address_and_words_before_it() {
        for (entry, name) in [
            ("Aroha Ngata <aroha@example.nz>", Some("Aroha Ngata")),
            ("Dr. Dalia Haddad", Some("Dalia Haddad")),
            ("Prof Kofi Mensah (Chair)", Some("Kofi Mensah")),
            ("aroha@example.nz", None),
            ("Dr. zhivago", Some("Dr. zhivago")),
            // Everyday words of the line before the name, not a particle of it.
            ("bring Eyal Traitel (release)", Some("Eyal Traitel")),
            ("with Bo Chen", Some("Bo Chen")),
            ("de Vries", Some("de Vries")),
        ] {
            assert_eq!(participant_name(entry), name, "{entry}");
        }
    }

    #[test]
    fn a_meeting_date_is_its_own_lines_when_settled() {
        let date = |text: &str| note_date(&Note::parse("M.md", text)).map(|d| d.to_string());
        for settled in [
            "**Date:** 2025-11-05 (Wednesday)\n",
            "---\ndate: 2025-11-05T10:00\n---\n",
        ] {
            assert_eq!(date(settled).as_deref(), Some("2025-11-05"), "{settled}");
        }
        for open in [
            "---\ndate: 2025-11-27 (tentative)\n---\n",
            "---\ndate: 2025-11-26?\n---\n",
            "---\ndate: 2025-11-25 or 2025-11-30\n---\n",
        ] {
            assert_eq!(date(open), None, "{open}");
        }
        // A line in a code block is an example, not the note's.
        let example = "Template:\n\n```\n**Date:** 2024-01-01\n```\n**Date:** 2025-11-05\n";
        assert_eq!(date(example).as_deref(), Some("2025-11-05"));
    }

    #[test]
    fn a_kind_folder_is_found_at_any_depth_numbered_or_not() {
        let people = ["People".to_string()];
        for path in [
            "People/Ana Lima.md",
            "01. General/People/Matt Olsen.md",
            "20 People/Ana Lima.md",
            "Work/people/Ana Lima.md",
            "People/Jonsi Stefansson/README.md",
            "Personal/👤 People/Lori Kinney.md",
        ] {
            assert!(in_kind_folder(path, &people), "{path}");
        }
        for path in [
            "Ana Lima.md",
            "Peoples/Ana Lima.md",
            "People.md",
            "People/README.md",
            "Work/People/index.md",
            "04_PEOPLE/_GUIDE.md",
        ] {
            assert!(!in_kind_folder(path, &people), "{path}");
        }
        let nested = ["Work/People".to_string()];
        assert!(in_kind_folder("Work/People/Ana Lima.md", &nested));
        assert!(!in_kind_folder("Home/People/Ana Lima.md", &nested));
        assert!(!in_kind_folder("Work/People/README.md", &nested));
    }

    #[test]
    fn a_note_tagged_meeting_is_one_with_its_placeholders_unfilled_too() {
        let kind =
            |text: &str| summarize(&Note::parse("Notes/Sync.md", text), &Settings::default()).kind;
        for text in [
            "---\ntags: [meeting]\n---\n",
            "---\ntags: [meeting]\nattendees: [{{attendees}}]\n---\n",
            "---\ndate: {{date}}\ntags: [meetings]\n---\n",
        ] {
            assert_eq!(kind(text), NoteKind::Meeting, "{text}");
        }
        assert_eq!(kind("---\ntags: [meetup]\n---\n"), NoteKind::Other);
    }

    #[test]
    fn a_participants_entry_is_one_persons_name() {
        fn names(value: &str) -> Vec<&str> {
            (participant_entries(value).into_iter())
                .filter_map(|(_, entry)| participant_name(entry))
                .collect()
        }
        assert_eq!(
            names("Pedro Broglio, Ana Lima (lead), Bo Chen."),
            ["Pedro Broglio", "Ana Lima", "Bo Chen"]
        );
        assert_eq!(names("Gassen + Abner"), ["Gassen", "Abner"]);
        assert_eq!(names("Sansom, (opcional: Jean, Kris)"), ["Sansom"]);
        assert_eq!(
            names("Ruth Rose, Ana Lima Jr."),
            ["Ruth Rose", "Ana Lima Jr."]
        );
        assert_eq!(
            names("Aroha Ngata <aroha@example.nz>, aroha@example.nz"),
            ["Aroha Ngata"]
        );
    }

    #[test]
    fn a_label_is_read_bold_plain_or_as_a_dataview_field_at_a_line_or_items_start() {
        let value = |body: &str| {
            let text = format!("# Sync\n\n{body}\n\nNotes.\n");
            let note = Note::parse("Meetings/Sync.md", &text);
            labelled_line(&note, "Participants").map(|(span, v)| {
                assert_eq!(&text[span], v);
                v.to_string()
            })
        };
        for body in [
            "**Participants:** Ana Lima, Bo Chen",
            "**Participants**: Ana Lima, Bo Chen",
            "Participants: Ana Lima, Bo Chen",
            "participants:: Ana Lima, Bo Chen",
            "- **Participants:** Ana Lima, Bo Chen",
            "  * Participants: Ana Lima, Bo Chen",
            "The participants: none\n**Participants:** Ana Lima, Bo Chen",
            // French typography, a space before the colon.
            "**Participants :** Ana Lima, Bo Chen",
            "**Participants** : Ana Lima, Bo Chen",
            "Participants\u{a0}: Ana Lima, Bo Chen",
        ] {
            assert_eq!(value(body).as_deref(), Some("Ana Lima, Bo Chen"), "{body}");
        }
        for body in [
            "We thanked the participants: Ana and Bo.",
            "**Participants** Ana Lima",
            "```\n**Participants:** Ana Lima\n```",
            "- [ ] Participants: Ana Lima",
            "Participantsx: Ana Lima",
        ] {
            assert_eq!(value(body), None, "{body}");
        }
    }

    #[test]
    fn a_dates_shape_is_the_form_a_template_writes_whatever_the_date() {
        assert_eq!(date_shape("15th January 2026"), "9a a 9");
        assert_eq!(
            date_shape("1st March 2025"),
            date_shape("15th January 2026")
        );
        assert_eq!(date_shape(" November 16, 2026"), "a 9, 9");
        assert_eq!(date_shape("16.11.2026"), "9.9.9");
        assert_ne!(date_shape("4. März 2024"), date_shape("15th January 2026"));
    }

    #[test]
    fn a_meeting_is_one_by_who_it_lists_under_any_label() {
        let kind = |body: &str| {
            let text = format!("# Sync\n\n{body}\n");
            summarize(&Note::parse("Notes/Sync.md", &text), &Settings::default()).kind
        };
        for label in [
            "**Speakers:**",
            "**Present:**",
            "Attendees:",
            "participants::",
        ] {
            assert_eq!(
                kind(&format!("{label} Ana Lima, Bo Chen")),
                NoteKind::Meeting,
                "{label}"
            );
        }
        assert_eq!(kind("Speakers: none of note."), NoteKind::Other);
        // A timeline's `Present` (the day, not who was there) says a sentence, no names.
        let timeline = "- **2018**: The partner left.\n- **Present**: Every field office now \
                        uses the system. Nordland adopted a version in 2025.";
        assert_eq!(kind(timeline), NoteKind::Other);
        assert_eq!(
            kind("**Attendees:** Ana Lima from the sales team, Bo Chen"),
            NoteKind::Meeting
        );
    }

    #[test]
    fn a_sentence_written_where_names_go_names_no_one() {
        for sentence in [
            "Every field office now uses the system",
            "For voice feedback and interactions.",
            "joined late and left early",
        ] {
            assert!(reads_as_a_sentence(sentence), "{sentence}");
            assert_eq!(participant_name(sentence), None, "{sentence}");
        }
        for name in [
            "Ana Lima",
            "Luz Martínez y Dolores Ruiz",
            "Jan van der Berg",
            "US envoy Kit Moss and Ana Lima",
        ] {
            assert!(!reads_as_a_sentence(name), "{name}");
            assert!(participant_name(name).is_some(), "{name}");
        }
    }

    #[test]
    fn a_note_tagged_person_is_a_persons_where_its_title_is_a_name() {
        let kind =
            |path: &str, text: &str| summarize(&Note::parse(path, text), &Settings::default()).kind;
        let tagged = "---\ntags: [person]\n---\nMet at the summit.\n";
        assert_eq!(kind("Crew/Kwame Asante.md", tagged), NoteKind::Person);
        assert_eq!(
            kind(
                "Contacts/Laritza D'Amato.md",
                "---\ntags:\n  - people\n---\n"
            ),
            NoteKind::Person
        );
        assert_eq!(kind("Entities/Huankai_Chen.md", tagged), NoteKind::Person);
        // Metadata Menu's `fileClass` types a note as `type` does.
        let file_class = "---\nfileClass: person\n---\n";
        assert_eq!(
            kind("Personal/Lori Kinney.md", file_class),
            NoteKind::Person
        );
        // A people folder's README names a person's own folder, not a folder of people named
        // as no one is.
        let blank = "# Notes\n";
        assert_eq!(
            kind("People/Jonsi Stefansson/README.md", blank),
            NoteKind::Person
        );
        for path in [
            "People/Internal/README.md",
            "People/External Partners/index.md",
            // What AI agents read of a folder, named in capitals; `Claude.md` is a person's.
            "People/CLAUDE.md",
            "People/Jonsi Stefansson/AGENTS.md",
        ] {
            assert_eq!(kind(path, blank), NoteKind::Other, "{path}");
        }
        assert_eq!(kind("People/Claude.md", blank), NoteKind::Person);
        // Particles inside a name are written in lowercase.
        for path in ["Pessoas/João da Silva.md", "Crew/Pieter van der Berg.md"] {
            assert_eq!(kind(path, tagged), NoteKind::Person, "{path}");
        }
        // Tagged `organization` or `company`, a note titled as a firm is one.
        let firm = "---\ntags: [organization]\n---\nFood distribution.\n";
        for path in [
            "Directory/Orgs/Jordan Foods.md",
            "Directory/O'Brien & Daughters.md",
            "Clients/Bank of America.md",
            "3M.md",
        ] {
            assert_eq!(kind(path, firm), NoteKind::Org, "{path}");
        }
        for path in [
            "Companies.md",
            "Lists/organization.md",
            "crm-dashboard.md",
            "Q3: goals.md",
        ] {
            assert_eq!(kind(path, firm), NoteKind::Other, "{path}");
        }
        // A dashboard, a dated note or a topic tagged so is no one.
        for path in [
            "dashboard-people.md",
            "Board/Recon 2026-07-31.md",
            "People I admire.md",
            "da Silva.md",
            "Notes of the week.md",
        ] {
            assert_eq!(kind(path, tagged), NoteKind::Other, "{path}");
        }
        // A meeting tagged with the people it is about stays a meeting, and a `type` decides.
        let meeting = "---\ntags: [person]\nattendees: [Ana Lima]\n---\n";
        assert_eq!(kind("Notes/Ana Lima.md", meeting), NoteKind::Meeting);
        let project = "---\ntype: project\ntags: [person]\n---\n";
        assert_eq!(kind("Notes/Ana Lima.md", project), NoteKind::Other);
    }
}
