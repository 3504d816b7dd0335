//! Task owners: `@handles` and wikilinks to person notes, resolved to person note titles.

use crate::context::Context;
use crate::entities::OwnerResolver;
use crate::handles::{self, Handle};
use crate::index::NoteKind;
use crate::names::particles::is_particle;
use crate::names::{everyday, nicknames, qualifier, score};
use crate::note::{title_of, LinkKind, Note};
use crate::text::fold;
use std::cell::Cell;
use std::ops::Range;

/// An owner handle found in task text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// Span of the handle's bytes, `@` included (the resolved reading, else the default one).
    pub span: Range<usize>,
    /// The person note's title, or the handle's default reading when no person note matches.
    pub name: String,
}

/// True when `title` names a person note.
pub fn is_person(title: &str, ctx: &Context) -> bool {
    person_titled(title, ctx).is_some()
}

/// The title of the person note `raw` names, if it resolves with confidence to one.
fn person_named(raw: &str, owners: &OwnerResolver, ctx: &Context) -> Option<String> {
    let entity = owners.resolve(raw)?;
    // A person entity's own note is a person note with its title.
    (entity.kind == NoteKind::Person || is_person(&entity.title, ctx)).then(|| entity.title.clone())
}

/// A handle reading that names a person note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Span of the reading's bytes, `@` included.
    pub span: Range<usize>,
    /// The name as read from the handle (`GlennLockwood` reads `Glenn Lockwood`).
    pub reading: String,
    /// The person note's title.
    pub title: String,
}

/// The longest reading of `handle` that resolves to a person note, in the note's context
/// (`owners` is built once per note).
///
/// A lone first word is not taken when capitalised words follow it: `@Seun Laurent` is not
/// the `Seun` some other person goes by. A shorter full name is (`@Niko Dukic Review …`),
/// unless the handle ends in a generation (`@Desmond Achterberg Jr.` is not his father).
pub fn resolve(
    handle: &Handle,
    text: &str,
    owners: &OwnerResolver,
    ctx: &Context,
) -> Option<Resolved> {
    let whole_end = handle.default_reading(text).0.end;
    let first_end = handle.words.first().map_or(whole_end, |w| w.end);
    // `@Desmond Achterberg Jr.` is the son: no shorter reading, the father's name, is him.
    let generation =
        (handle.words.last()).is_some_and(|w| handles::is_generation(&text[w.clone()]));
    // A whole name spelled out past what the handle reads (`@María José Castillo Herrera`).
    let spelled = spelled_past(handle, text, ctx).and_then(|(span, reading)| {
        let title = person_named(&reading, owners, ctx)?;
        Some(Resolved {
            span,
            reading,
            title,
        })
    });
    spelled.or_else(|| {
        handle.names(text).find_map(|(span, reading)| {
            if (span.end == first_end && first_end < whole_end)
                || (generation && span.end < whole_end)
            {
                return None;
            }
            // A handle whose name may go on past what it reads names a person by a reading only
            // when that reading is their name exactly.
            if handle.cut && ctx.index.entity_named(&reading).is_none() {
                return None;
            }
            person_named(&reading, owners, ctx).map(|title| Resolved {
                span,
                reading,
                title,
            })
        })
    })
}

/// A whole name of the vault the text after `handle`'s `@` spells out further than the
/// handle reads (see [`EntityNames::title_spelled_at`]): its span and the name.
///
/// [`EntityNames::title_spelled_at`]: crate::names::keys::EntityNames::title_spelled_at
fn spelled_past(handle: &Handle, text: &str, ctx: &Context) -> Option<(Range<usize>, String)> {
    let names = ctx.index.entity_names();
    (names.title_spelled_at(text, handle.at))
        .filter(|(span, _)| span.end > handle.default_reading(text).0.end)
}

/// The handles of `text` that may own its task ([`Handle::may_own`]).
pub fn owner_handles(text: &str) -> impl Iterator<Item = Handle> + '_ {
    handles::find(text).into_iter().filter(|h| h.may_own(text))
}

/// Every owner handle in `text` outside the `skip` spans (code), resolved where possible (see
/// [`owner_handles`]).
///
/// A handle just after a preposition or a conjunction is whom the task is about, as a link
/// there is (see [`linked_people`]): `Ask about @Transactional rollback` has no owner. One
/// joined by `and` or `or` to an owner handle before it owns the task with it (`@Ana and
/// @Bo`).
pub fn handles_in(
    (note, text): (&Note, &str),
    skip: &[Range<usize>],
    owners: &OwnerResolver,
    ctx: &Context,
) -> Vec<Owner> {
    let mut found: Vec<Owner> = Vec::new();
    // Where the handle before ends: a word of it is no linking word (`@Hahnse On @Mary`).
    let mut handle_end = None;
    // Where the work begins after owners labelling it before a colon (`@Ana: add @Bo as
    // reviewer`): a handle inside that work, with more of it after, is its object.
    let mut work_from = None;
    let names = ctx.index.entity_names();
    for h in owner_handles(text).filter(|h| !skip.iter().any(|s| s.contains(&h.at))) {
        if work_from.is_some_and(|from| h.at >= from) && continues_the_work(text, &h) {
            continue;
        }
        let h = h.ending_before_the_sentence(text, |w| names.is_name_word(w));
        let before = text.get(..h.at).unwrap_or("");
        let joined = found.last().is_some_and(|last| {
            is_joining_word(text.get(last.span.end..h.at).unwrap_or("").trim())
        });
        let end = spelled_past(&h, text, ctx).map_or(h.default_reading(text).0.end, |s| s.0.end);
        let next_to_handle = (handle_end.replace(end))
            .is_some_and(|e| text.get(e..h.at).is_some_and(|gap| gap.trim().is_empty()));
        let after = text.get(end..).unwrap_or("");
        let after_linking_word = follows_linking_word(before) && !joined && !next_to_handle;
        // `Send the deck to legal (@Aoife Brennan)`, as meeting tools end an action item: a
        // handle alone in parentheses closing the task names its assignee, when a person's.
        let assignee = before.trim_end().ends_with('(')
            && after
                .trim_start()
                .strip_prefix(')')
                .is_some_and(|r| r.trim().is_empty());
        // `Call @Ana Lima`, `Email @Ana about it`: whom the work is done to, as a link there is.
        let object = object_of_a_verb(before) && !joined;
        if after_linking_word || object || (in_parentheses(before) && !assignee) || is_code(after) {
            continue;
        }
        let resolved = resolve(&h, text, owners, ctx);
        if assignee && resolved.is_none() {
            continue;
        }
        let owner = match resolved {
            // `@Kenji-san`: the honorific after the name goes with it.
            Some(r) => Owner {
                span: r.span.start..r.span.end + handles::honorific_after(&text[r.span.end..]),
                name: r.title,
            },
            None if is_context(&h, text)
                || is_code_label(&h, text)
                || written_in_code(note, text.get(h.at..).unwrap_or("")) =>
            {
                continue
            }
            None if h.cut => continue,
            // A handle of no one the vault knows inside the work, with words of it before and
            // after, is whom or what the work is about (`welcome @danokwan as our new CMO`,
            // `Configure @Claude in PRs`), or a link's text (`[@AnthropicAI](…)`).
            None if after.starts_with("](")
                || inside_the_work(before) && continues_the_work(text, &h) =>
            {
                continue
            }
            None => {
                let (span, name) = h.default_reading(text);
                Owner { span, name }
            }
        };
        if work_from.is_none() {
            let rest = text.get(owner.span.end..).unwrap_or("");
            let label = rest.trim_start_matches([' ', '*', '_']);
            work_from = label.starts_with(':').then(|| text.len() - label.len() + 1);
        }
        found.push(owner);
    }
    found
}

/// True when `before`, the text before a handle, holds a word of the work and is no label
/// (`Twitter/X:`): the handle stands inside the sentence.
fn inside_the_work(before: &str) -> bool {
    !before.trim_end().ends_with(':') && before.split_whitespace().any(is_word)
}

/// True when a lowercase word of the sentence follows the handle `h` in `text`: the handle
/// stands inside the work (`add @Bo as reviewer`), not after it as its owner.
fn continues_the_work(text: &str, h: &Handle) -> bool {
    let end = h.default_reading(text).0.end;
    (text.get(end..).unwrap_or("").split_whitespace())
        .any(|w| is_word(w) && w.starts_with(char::is_lowercase))
}

/// The owners a Dataview inline field of the task names, `[owner:: [[Ana Lima]]]`,
/// `(assignee:: @Bo, Cy Diaz)`: in any case of the keys Dataview users write for it, each
/// entry of its value a link, a handle or a name. A link names its person note, as a link
/// labelling the task does ([`linked_people`]); a name or a handle the person note it resolves
/// to with confidence, else itself as written when it reads as a name (`Cy Diaz`, not `TBD`,
/// `me` or `team leads`). `skip` are the spans of `text` in code.
pub fn field_owners(
    text: &str,
    skip: &[Range<usize>],
    owners: &OwnerResolver,
    ctx: &Context,
) -> Vec<String> {
    let mut out = Vec::new();
    for (key, value) in super::fields::inline_fields(text, skip) {
        if !is_owner_key(key) {
            continue;
        }
        for entry in entries(value) {
            let named = match entry.strip_prefix("[[").and_then(|e| e.strip_suffix("]]")) {
                Some(link) => {
                    let title = title_of(link.split('|').next().unwrap_or(link));
                    match ctx.index.has_title(title) {
                        true => person_titled(title, ctx),
                        false => person_named(title, owners, ctx),
                    }
                }
                None => {
                    let name = entry.strip_prefix('@').unwrap_or(entry).trim();
                    // A name some note has that is no person's (`Becker GmbH`) owns nothing.
                    let stranger =
                        || reads_as_a_name(name) && ctx.index.entity_named(name).is_none();
                    person_named(name, owners, ctx).or_else(|| stranger().then(|| name.to_string()))
                }
            };
            out.extend(named);
        }
    }
    out
}

/// The person a task's text opens with as its owner, written as meeting notes write action
/// items: a label before a colon or a dash, `Priya: book the venue`, `Priya – book the venue`,
/// `**Rob Benoit**: confirm headcount`, or the subject of the sentence, `Rob to send the deck`,
/// `Niko will follow up`.
///
/// Only in a meeting's notes; the name names a person as written
/// ([`OwnerResolver::resolve_written`]), or a participant without a note the note lists, as
/// listed ([`OwnerResolver::listed_without_a_note`]); an everyday word alone (`Mark to market the book`) is
/// someone only where the note lists them as attending; the work opens with a word in lowercase,
/// and `to be`, `to the`, `Max: 3 seats`, `Mark: as done` open no one's work. Several people
/// (`Ana & Bo:`, `Ana and Bo to`) own nothing here, nor does text in code (`skip`).
pub fn written_owner(
    (note, text, item): (&Note, &str, usize),
    skip: &[Range<usize>],
    (owners, walked): (&OwnerResolver, &ListLabels),
    ctx: &Context,
) -> Option<String> {
    // A key says whose the task is in any note (`(owner: Vedant)`), whether they attend or
    // not, when it writes a person's title or alias.
    if let Some(person) = keyed_closing_name(text).and_then(|name| owners.exactly(name)) {
        return Some(person.title.clone());
    }
    // Elsewhere, a to-do list's or a journal's, a name opening a task is what it is about
    // (`Mom: call about Christmas`, `Strahd: find his tomb`).
    let meeting = (ctx.index.get(note.path)).is_some_and(|n| n.kind == NoteKind::Meeting);
    if !meeting {
        return None;
    }
    labelled_owner(text, skip, owners)
        .or_else(|| closing_owner(text, owners))
        .or_else(|| grouping_owner(note, item, owners, walked))
}

/// The owner a task's text opens with, as a label or a subject (see [`written_owner`]).
fn labelled_owner(text: &str, skip: &[Range<usize>], owners: &OwnerResolver) -> Option<String> {
    // A tag before the label (the Tasks plugin's global filter, `#task Priya: book it`) is
    // none of it.
    let mut rest = text.trim_start();
    while let Some(tag) = (rest.strip_prefix('#')).filter(|t| t.starts_with(char::is_alphanumeric))
    {
        rest = tag[tag.find(char::is_whitespace)?..].trim_start();
    }
    let start = text.len() - rest.len();
    let name = written_name(rest)?;
    // The name and what follows it up to the work (`**`, `:`, ` will `) are no code.
    let end = start + rest.find(name).unwrap_or(0) + name.len() + " will ".len();
    if skip.iter().any(|s| s.start < end && start < s.end) {
        return None;
    }
    owner_written(name, owners, false)
}

/// The person `name`, written in plain text as a task's owner, names: as written
/// ([`OwnerResolver::resolve_written`]; an everyday word alone, or any name with `attending`,
/// only someone the note lists as attending), or a participant without a note as the list writes
/// them (`Chris:` of `Chris Romandrem`), unless the list names a group.
fn owner_written(name: &str, owners: &OwnerResolver, attending: bool) -> Option<String> {
    let everyday_alone = !name.contains(' ') && everyday::is_common_word(name);
    match owners.resolve_written(name, attending || everyday_alone) {
        Some(person) => Some(person.title.clone()),
        None => owners.listed_without_a_note(name).map(str::to_string),
    }
}

/// The name a key in parentheses gives whoever owns a task (`owner: Vedant`, `Verantwortlich:
/// Jonas`, `responsable : Marie`), from the text inside them.
fn keyed_name(inside: &str) -> Option<&str> {
    (inside.split_once(':'))
        .filter(|(key, _)| is_owner_key(key))
        .map(|(_, name)| name.trim())
}

/// The text before the parentheses that close a task, and the text inside them.
fn closing_parentheses(text: &str) -> Option<(&str, &str)> {
    text.trim_end().strip_suffix(')')?.rsplit_once('(')
}

/// The name a key closing a task gives its owner, after some work: in parentheses (`Build the
/// UI (owner: Vedant)`), or as some meeting tools end an action item (`Review the redlines
/// Assignee: Béatrice Arnaud`).
fn keyed_closing_name(text: &str) -> Option<&str> {
    let (work, name) = match closing_parentheses(text) {
        Some((work, inside)) => (work, keyed_name(inside)?),
        None => closing_key(text)?,
    };
    (!work.trim().is_empty() && is_written_name(name)).then_some(name)
}

/// The work before a key that ends a task with its owner's name (`Review the redlines
/// Assignee: Béatrice Arnaud`), and the name.
fn closing_key(text: &str) -> Option<(&str, &str)> {
    let (before, name) = text.trim_end().rsplit_once(": ")?;
    let (work, key) = before.rsplit_once(' ')?;
    is_owner_key(key).then_some((work, name.trim()))
}

/// The attendee a name closing a task names, as meeting tools write an assignee: alone in
/// parentheses (`Prepare the board memo (Mai)`), keyed there or at the end (`Assignee: Mai`),
/// or after a dash (`Send the SOW — Jonas Müller`): only someone the meeting lists, named as
/// written.
fn closing_owner(text: &str, owners: &OwnerResolver) -> Option<String> {
    let text = text.trim_end();
    let (work, name) = match closing_parentheses(text) {
        Some((work, inside)) => (work, keyed_name(inside).unwrap_or(inside)),
        // `Send the revised SOW — Jonas Müller`, as Fathom ends an action item.
        None => closing_key(text)
            .or_else(|| text.rsplit_once(" — "))
            .or_else(|| text.rsplit_once(" – "))?,
    };
    (!work.trim().is_empty() && is_written_name(name))
        .then(|| owner_written(name, owners, true))
        .flatten()
}

/// Where the last walk up from a task's line to the line above its list began, and that line
/// (see [`grouping_owner`]): the next task of the list walks only up to the one before it, so a
/// long list is walked once, not once per task.
#[derive(Debug, Default)]
pub struct ListLabels(Cell<Option<(usize, usize, usize)>>);

/// The person a line of their name alone in bold right above the task's list names, as
/// meeting tools group action items by owner (`**Adebayo Ogunlesi**`, then his tasks): `item` is
/// the byte the task's line starts at.
fn grouping_owner(
    note: &Note,
    item: usize,
    owners: &OwnerResolver,
    walked: &ListLabels,
) -> Option<String> {
    let text = note.text;
    let mut at = item;
    let mut skipped_blank = false;
    // Up past the list's items and their continuation lines, to the line before the list.
    let label = loop {
        if let Some((_, start, end)) = walked.0.get().filter(|w| w.0 == at && !skipped_blank) {
            walked.0.set(Some((item, start, end)));
            break text.get(start..end)?;
        }
        let start = text
            .get(..at.checked_sub(1)?)?
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line = text.get(start..at)?.trim_end();
        let trimmed = line.trim_start();
        let numbered = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
        let in_list = ["- ", "* ", "+ "].iter().any(|m| trimmed.starts_with(m))
            || (numbered.len() < trimmed.len() && numbered.starts_with(['.', ')']))
            || (line.len() > trimmed.len() && !trimmed.is_empty());
        if !in_list && (!line.is_empty() || skipped_blank) {
            walked.0.set(Some((item, start, start + line.len())));
            break line;
        }
        // A blank line between items ends the group a label above them heads (Fireflies
        // groups each owner's items below their name, one group after another).
        if in_list && skipped_blank {
            return None;
        }
        // One blank line may stand between the label and its list.
        skipped_blank |= line.is_empty();
        at = start;
    };
    let name = label.strip_prefix("**")?.strip_suffix("**")?;
    let name = name.strip_suffix(':').unwrap_or(name);
    is_written_name(name)
        .then(|| owner_written(name, owners, false))
        .flatten()
}

/// The name a task's text (`rest`, from its first word) opens with as a label or a subject
/// (see [`written_owner`]).
fn written_name(rest: &str) -> Option<&str> {
    // A key saying whose the task is (`Owner: Mai — update the register`), then the label.
    if let Some((key, after)) = rest.split_once(": ") {
        if is_owner_key(key) {
            return written_name(after);
        }
    }
    if let Some(bold) = rest.strip_prefix("**") {
        let close = bold.find("**")?;
        let after = &bold[close + 2..];
        let label = match bold[..close].strip_suffix(':') {
            Some(name) => Some(name).filter(|_| after.starts_with(' ')),
            None => Some(&bold[..close]).filter(|_| {
                [": ", " : ", " - ", " – ", " — "]
                    .iter()
                    .any(|m| after.starts_with(m))
            }),
        };
        return label.filter(|n| is_written_name(n));
    }
    // A label before a colon or a dash (`Rob: send the deck`, `Rob – send the deck`); the work
    // may open with a capital there, as German nouns and some tools' items do (`Katrin Strauß:
    // Testplan validieren`, `Kyle – Book the venue`).
    for mark in [" :", ":", " -", " –", " —"] {
        if let Some((name, after)) = rest.split_once(mark) {
            let work = after.strip_prefix(' ');
            if is_written_name(name)
                && work.is_some_and(|w| opens_work(w) || w.starts_with(char::is_uppercase))
            {
                return Some(name);
            }
        }
    }
    // `Rob to send`, `Niko will follow up`, and other languages' `will` and `must`: `Katrin wird
    // den Bericht schicken`, `Marie doit envoyer le devis`.
    // Google Meet's notes bracket the name: `[Niamh Gallagher] will send the SOW`.
    OWNER_VERBS.iter().find_map(|verb| {
        let at = rest.find(verb)?;
        let name = &rest[..at];
        let name = (name.strip_prefix('[').and_then(|n| n.strip_suffix(']')))
            .filter(|n| !n.starts_with('['))
            .unwrap_or(name);
        (is_written_name(name) && opens_work(&rest[at + verb.len()..])).then_some(name)
    })
}

/// The words between an owner written as a subject and the work they will do, spaced: English
/// `to` and `will`, German `wird` and `soll`, French `doit` and `va`, Spanish `va a`, `debe` and
/// `se encarga de`, Portuguese `vai` and `deve`, Dutch `zal` and `gaat`, Swedish `ska`, Danish
/// and Norwegian `skal`; German `kümmert sich um` and `kümmert sich darum,`. A longer one comes
/// before a word it holds (`va a` before `va`).
const OWNER_VERBS: &[&str] = &[
    " to ",
    " will ",
    " wird ",
    " soll ",
    " kümmert sich um ",
    " kümmert sich darum, ",
    " doit ",
    " va a ",
    " va ",
    " debe ",
    " se encarga de ",
    " vai ",
    " deve ",
    " zal ",
    " gaat ",
    " ska ",
    " skal ",
];

/// True when `text` opens with a word of work: in lowercase, and no article, pronoun or passive
/// ([`NO_WORK_AFTER`]).
fn opens_work(text: &str) -> bool {
    let next = text.split(' ').next().unwrap_or("");
    !next.is_empty()
        && next.chars().all(char::is_lowercase)
        && NO_WORK_AFTER.binary_search(&next).is_err()
}

/// Words that, right after `to` or `will`, say the name before them does no work: the passive
/// (`be`) and the articles, pronouns and determiners of a preposition's object (`Bill to the
/// client`), sorted.
const NO_WORK_AFTER: &[&str] = &[
    "a", "all", "an", "as", "be", "each", "every", "her", "him", "his", "it", "its", "me", "my",
    "our", "that", "the", "their", "them", "these", "this", "those", "us", "your",
];

/// True when `name` reads as one person's name written out: one to four words of letters, each
/// capitalised, or a particle between two that are (`Jan van Dijk`); an honorific or a rank may
/// open it with a dot (`Dr. Ana Ruiz`).
fn is_written_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let letters = |w: &str| {
        let title = w.strip_suffix('.').filter(|t| score::is_title_word(t));
        let w = title.unwrap_or(w);
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    };
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    (1..=4).contains(&words.len())
        && words.iter().all(|w| letters(w))
        && words.first().is_some_and(|w| capital(w))
        && words.last().is_some_and(|w| capital(w))
        && words.iter().all(|w| capital(w) || is_particle(w))
}

/// True for the words naming whoever owns a task, however written, in English and other
/// languages (`owner`, `Assigned to`, `assigned_to`, `delegatedTo`, `Verantwortlich`,
/// `ответственный`, `担当者`): the keys of an inline field or a label, and, written as a handle,
/// a template's slot for an owner not chosen yet (`@assignee`, see [`is_context`]).
fn is_owner_key(key: &str) -> bool {
    let key: String = (key.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        key.as_str(),
        "owner"
            | "owners"
            | "assignee"
            | "assignees"
            | "assigned"
            | "assignedto"
            | "responsible"
            | "delegate"
            | "delegatedto"
            | "verantwortlich"
            | "zuständig"
            | "responsable"
            | "responsável"
            | "responsabile"
            | "verantwoordelijk"
            | "verantwoordelijke"
            | "verantwortliche"
            | "verantwortlicher"
            | "ansvarig"
            | "ansvarlig"
            | "dri"
            | "odpowiedzialny"
            | "отв"
            | "ответственная"
            | "ответственный"
            | "担当"
            | "担当者"
            | "負責人"
            | "负责人"
            | "담당자"
    )
}

/// The entries of a field's value, split at commas outside links and trimmed.
fn entries(value: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut depth) = (0, 0usize);
    for (i, c) in value.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                out.push(value[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(value[start..].trim());
    out.retain(|e| !e.is_empty());
    out
}

/// True when an owner written in a field and resolving to no person note is a name to show as
/// written: one to four capitalised words of letters (`Cy Diaz`, `Zoë`), none a placeholder
/// for an owner not chosen yet (`TBD`).
fn reads_as_a_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
        && CONTEXT_WORDS
            .binary_search(&name.to_lowercase().as_str())
            .is_err()
}

/// True when a handle followed by `after` is an annotation or a decorator of code: called
/// (`@Transactional(readOnly=true)`) or named as one (`Add @Repository annotation`, `the
/// @RepositoryCache decorators`).
fn is_code(after: &str) -> bool {
    let next = after.split_whitespace().next().unwrap_or("");
    let next = next
        .trim_end_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    after.starts_with('(')
        || ["annotation", "decorator"].iter().any(|w| {
            next.strip_prefix(w)
                .is_some_and(|s| s.is_empty() || s == "s")
        })
}

/// True when the handle that opens `from` (`@Autowired fields`) that names no person is
/// written in the note's code too (`@Autowired private Repo repo;` in a fenced block): a name
/// of code, such as a Java annotation or a Python decorator, not of a person.
fn written_in_code(note: &Note, from: &str) -> bool {
    let end = from
        .char_indices()
        .skip(1)
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_'))
        .map_or(from.len(), |(i, _)| i);
    let handle = &from[..end];
    note.code.iter().any(|code| {
        let code = note.text.get(code.span.clone()).unwrap_or("");
        code.match_indices(handle).any(|(at, _)| {
            !code[at + handle.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
    })
}

/// True when a handle that names no person is a context, as the GTD habit writes them
/// (`@home`, `@errands`, `@phone`), a label of code (`@RateLimited`, `@Value`) or a placeholder
/// for an owner not chosen yet (`@TBD`): everyday words, none a given name. It is no owner, and
/// stays in the task's text.
fn is_context(handle: &Handle, text: &str) -> bool {
    let reading = handle.default_reading(text).1;
    if is_owner_key(&reading)
        || CONTEXT_WORDS
            .binary_search(&reading.to_lowercase().as_str())
            .is_ok()
    {
        return true;
    }
    let everyday = |w: &str| everyday::is_common_word(w) || CONTEXT_WORDS.binary_search(&w).is_ok();
    reading.split_whitespace().all(|word| {
        let word = word.to_lowercase();
        word.chars().all(|c| c.is_ascii_lowercase())
            && (everyday(&word) || word.strip_suffix('s').is_some_and(everyday))
            && nicknames::id(&word).is_none()
    })
}

/// True when a handle that names no person is one word of everyday words and terms run
/// together, or opening with a prefix of code, and with no given name (`@ApiResponse`,
/// `@PreAuthorize`), in a task that writes code elsewhere, another name run together
/// (`SecurityConstants`): a label of code, a Java annotation or a Swift attribute, not a
/// person's name written joined (`@BillPrice` opens with a given name, `@KwameAsante` holds no
/// everyday word, `@DawnField to send the deck` is in a sentence of words).
fn is_code_label(handle: &Handle, text: &str) -> bool {
    let [word] = handle.words.as_slice() else {
        return false;
    };
    let split = handles::split_compound(text.get(word.clone()).unwrap_or(""));
    let parts: Vec<String> = split.split(' ').map(str::to_lowercase).collect();
    let term = |w: &str| everyday::is_common_word(w) || everyday::is_term_abbreviation(w);
    let first = parts.first().map_or("", String::as_str);
    // The task writes code elsewhere too: another name run together (`SecurityConstants`,
    // `operationId`).
    let codes_elsewhere = || {
        (text.split(|c: char| !c.is_alphanumeric() && c != '@'))
            .filter(|w| !w.starts_with('@'))
            .any(|w| {
                (w.chars().zip(w.chars().skip(1)))
                    .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
            })
    };
    parts.len() > 1
        && nicknames::id(first).is_none()
        && (CODE_PREFIXES.binary_search(&first).is_ok() || parts.iter().all(|w| term(w)))
        && codes_elsewhere()
}

/// Prefixes that code writes as words of its names (`PreAuthorize`, `NonNull`), sorted.
const CODE_PREFIXES: &[&str] = &["multi", "non", "post", "pre", "sub", "un"];

/// Contexts the GTD habit writes that are no everyday word of [`everyday`]'s list, and the
/// placeholders for an owner not chosen yet that name no owner's role ([`is_owner_key`] says
/// those: `@assignee`, `@担当者`): `@TBD`, `@unassigned`, sorted.
const CONTEXT_WORDS: &[&str] = &[
    "email",
    "errand",
    "laptop",
    "online",
    "someday",
    "tba",
    "tbc",
    "tbd",
    "teammate",
    "unassigned",
    "waitingfor",
];

/// Titles of the person notes that wikilinks labelling the task whose text is `span` of the
/// note, outside comments, point to. A link labels a task where it opens its text, after any
/// other labels (`[[Ana Lima]] [[Bo Chen]] review the draft`), or ends it, as an AI pipeline
/// writes action items (`Review the draft [[Ana Lima]] 📅 2025-01-02`), unless a preposition
/// or a conjunction comes just before it; there, and inside the sentence, it is whom the task
/// is about (`Deliver the letter to [[Tobias Wrenfield]]`, `Follow up with [[Jo]]`, `across
/// me/[[Mom]]`).
/// A link that opens a note names that note, a person or not (`[[Ysgard]]`, a place, is no
/// `Yskarat`); a link to no note yet names the person it resolves to with confidence.
pub fn linked_people(
    note: &Note,
    span: &Range<usize>,
    owners: &OwnerResolver,
    ctx: &Context,
) -> Vec<String> {
    note.links
        .iter()
        .filter(|l| {
            l.kind == LinkKind::Wiki
                && span.start <= l.span.start
                && l.span.end <= span.end
                && !note.in_comment(l.span.start)
                && !is_possessive_link(note.text, &l.target, l.span.end)
                && labels(note.text, span, &l.span)
                && !whose_earlier(note.text, span, l)
        })
        .filter_map(|l| {
            let title = title_of(&l.target);
            match ctx.index.has_title(title) {
                true => person_titled(title, ctx),
                false => person_named(title, owners, ctx),
            }
        })
        .collect()
}

/// True when the task says before the link that the work is the linked person's thing, by
/// their first name and a possessive (`Complete Ryan's evaluation — [[Ryan S]]`): the link
/// names whom the task is about, not who does it.
fn whose_earlier(text: &str, task: &Range<usize>, link: &crate::note::Link) -> bool {
    let shown = link.display.as_deref().unwrap_or(&link.target);
    let Some(first) = title_of(shown).split_whitespace().next() else {
        return false;
    };
    let before = text.get(task.start..link.span.start).unwrap_or("");
    ["'s", "’s"].iter().any(|s| {
        let possessive = format!("{first}{s}");
        before
            .match_indices(&possessive)
            .any(|(at, _)| !before[..at].ends_with(char::is_alphanumeric))
    })
}

/// True when the link at `link` of `text` labels the task whose text is `task` (see
/// [`linked_people`]).
fn labels(text: &str, task: &Range<usize>, link: &Range<usize>) -> bool {
    let (Some(before), Some(after)) = (
        text.get(task.start..link.start),
        text.get(link.end..task.end),
    ) else {
        return false;
    };
    let free = after
        .get(..super::parse::parse(after).free_len)
        .unwrap_or(after);
    let opens = no_words(before) && !asks_someone_else(after) && !is_contacted(free);
    let ends = no_words(free);
    opens
        || (ends
            && !follows_linking_word(before)
            && !in_parentheses(before)
            && !object_of_a_verb(before))
}

/// True when the text before a link ending a task is one verb of getting in touch with,
/// finding or working on someone right before it, the link its object (`Call [[Ana Lima]]`,
/// `Find [[Baba Fatt]]`, `Review [[Ana Lima]]`, `Coach [[Bo]]`); a label is written apart from a sentence (`Review it – [[Ana Lima]]`, `Review the
/// draft [[Ana Lima]]`, `Sooner [[Ada]] [[Bo]]`).
fn object_of_a_verb(before: &str) -> bool {
    // `Invite [[Ana Lima]] and [[Bo Chen]]`: a link joined to one before it is what that one is.
    let joined = (before.trim_end().rsplit_once(char::is_whitespace))
        .filter(|(_, word)| is_joining_word(word))
        .map(|(rest, _)| rest.trim_end());
    if let Some(open) = joined.and_then(|r| r.strip_suffix("]]").and_then(|r| r.rfind("[["))) {
        return object_of_a_verb(&before[..open]);
    }
    let mut words = before.split_whitespace().filter(|w| is_word(w));
    let verb = |w: &str| {
        PERSON_VERBS
            .binary_search(&w.to_lowercase().as_str())
            .is_ok()
    };
    words.next().is_some_and(verb)
        && words.next().is_none()
        && before.ends_with(char::is_whitespace)
}

/// Verbs whose object is a person (see [`object_of_a_verb`]), lowercase and sorted.
const PERSON_VERBS: &[&str] = &[
    "ask",
    "assist",
    "book",
    "brief",
    "call",
    "chase",
    "check",
    "coach",
    "congratulate",
    "contact",
    "dm",
    "email",
    "find",
    "follow-up",
    "help",
    "hire",
    "inform",
    "interview",
    "introduce",
    "invite",
    "mail",
    "meet",
    "mentor",
    "message",
    "notify",
    "nudge",
    "onboard",
    "pay",
    "phone",
    "ping",
    "remind",
    "review",
    "schedule",
    "support",
    "sync",
    "tell",
    "text",
    "thank",
    "train",
    "update",
    "visit",
    "welcome",
];

/// True when the word after a link opening a task (`free`, without its signifiers) is a verb
/// of getting in touch whose object it is, as German, Dutch, Swedish and Turkish write a to-do
/// with the verb after its object (`[[Anna Schmidt]] anrufen`, `[[Marieke]] bellen over de
/// offerte`, `[[Ayşe]] ara`): written in lowercase, in [`CONTACT_VERBS`]. A verb further on may
/// be the subject's work (`[[Anna]] soll Herrn Meier anrufen`).
fn is_contacted(free: &str) -> bool {
    // `[[Sven Berg]]: ringa kunden`: a link before a colon labels the work.
    let first = (free.split_whitespace()).find(|w| is_word(w)).unwrap_or("");
    !free.trim_start().starts_with(':') && CONTACT_VERBS.binary_search(&first).is_ok()
}

/// Infinitives of getting in touch with someone that follow their object in German, Dutch,
/// Swedish and Turkish to-dos (see [`is_contacted`]), lowercase and sorted.
const CONTACT_VERBS: &[&str] = &[
    "anrufen",
    "anschreiben",
    "ansprechen",
    "appen",
    "ara",
    "arayın",
    "bedanken",
    "bellen",
    "besuchen",
    "bezoeken",
    "bjuda",
    "contacteren",
    "einladen",
    "erinnern",
    "fragen",
    "fråga",
    "herinneren",
    "informeren",
    "informieren",
    "kontakta",
    "kontaktieren",
    "mailen",
    "mejla",
    "påminna",
    "ringa",
    "schreiben",
    "spreken",
    "terugbellen",
    "treffen",
    "träffa",
    "uitnodigen",
    "vragen",
    "zurückrufen",
];

/// True when the words after a link opening a task say its person asked for the work (`[[Murali]]
/// wants me to do the analysis`, `[[Surendra]] asked us to…`): one word, then `me` or `us`,
/// then `to`. The person asking owns nothing; `[[Rob]] sends me the deck` is Rob's to do.
fn asks_someone_else(after: &str) -> bool {
    let words: Vec<&str> = after
        .split_whitespace()
        .filter(|w| !w.starts_with('#'))
        .take(3)
        .collect();
    matches!(words.as_slice(), [_, me, to] if matches!(me.to_lowercase().as_str(), "me" | "us") && to.eq_ignore_ascii_case("to"))
}

/// True when what follows `before` is inside parentheses it opened: an aside (`(see
/// [[James Proctor]])`, `(@officialcosmoworld)`), not a label of the task.
fn in_parentheses(before: &str) -> bool {
    before.matches('(').count() > before.matches(')').count()
}

/// True when a label written right after `before` is the object of the sentence: `before`
/// ends with a preposition, a conjunction or an article (`Send the deck to`, `Ask about`,
/// `Write a`) or a slash (`me/`). A label joined by `and` or `or` to a link before it is what
/// that link is (`[[Ana Lima]] and [[Bo Chen]] review`, `Send it to [[Ana Lima]] and [[Bo
/// Chen]]`).
fn follows_linking_word(before: &str) -> bool {
    let before = before.trim_end();
    // The last word, whole: `over` of `cut-over` is no preposition, nor is the `s` of `Rob's`
    // the Czech `s` (with).
    let word_before = (before.rsplit(|c: char| !c.is_alphabetic()).next())
        .filter(|w| !w.is_empty() && before.ends_with(w))
        .filter(|w| {
            !before[..before.len() - w.len()].ends_with(['-', '\u{2010}', '\'', '\u{2019}'])
        });
    if let Some(word) = word_before.filter(|w| is_joining_word(w)) {
        let rest = before[..before.len() - word.len()].trim_end_matches([' ', '*', '_', ',']);
        if let Some(open) = rest.strip_suffix("]]").and_then(|r| r.rfind("[[")) {
            return follows_linking_word(&rest[..open]);
        }
    }
    before.ends_with('/')
        || word_before.is_some_and(|w| {
            LINKING_WORDS
                .binary_search(&w.to_lowercase().as_str())
                .is_ok()
        })
}

/// Prepositions, conjunctions and articles, lowercase and sorted: a link after one of them is
/// whom or what the task is about (`Send the deck to [[Niko Dukic]]`, `Ask Bo and [[Ana
/// Lima]]`, `Write a @WebMvcTest`), in English and in the prepositions of the other languages
/// vaults are written in (`Termin mit [[Anna]]`, `Afspraak met [[Marieke]]`, `Möte med
/// [[Sven]]`, `Schůzka s [[Jan]]`, `Rapat dengan [[Budi]]`, `Уточнить у [[Виталий]]`,
/// `Spotkanie z [[Ewa]]`), and whom a task only tells (`cc @ana`, `As an FYI @anand`). Not
/// `par`, `por` nor `da`: `revu par [[Ana]]` names who does it.
const LINKING_WORDS: &[&str] = &[
    "a", "aan", "about", "across", "after", "against", "among", "an", "and", "around", "at",
    "avec", "before", "behind", "bei", "beim", "bersama", "between", "bez", "bij", "by", "cc",
    "chez", "com", "con", "dari", "de", "dengan", "di", "dla", "do", "for", "from", "från", "fyi",
    "för", "für", "gegen", "hos", "in", "into", "k", "ke", "kepada", "like", "med", "met", "mit",
    "mot", "na", "naar", "nach", "od", "of", "ohne", "on", "onto", "or", "over", "para", "per",
    "pour", "pro", "przez", "s", "sans", "se", "sem", "sin", "tegen", "than", "the", "till", "to",
    "toward", "towards", "u", "under", "untuk", "utan", "v", "van", "ve", "via", "vom", "von",
    "voor", "w", "we", "with", "within", "without", "z", "ze", "zonder", "zu", "zum", "zur", "åt",
    "über", "без", "в", "во", "від", "для", "до", "з", "за", "зі", "к", "ко", "на", "о", "об",
    "от", "по", "при", "про", "с", "со", "у", "із",
];

/// True when `text` holds no word but links, handles and tags (`[[Ana Lima]] @bo #team –`).
fn no_words(text: &str) -> bool {
    let mut rest = text;
    while let Some(open) = rest.find("[[") {
        let Some(close) = rest[open..].find("]]") else {
            break;
        };
        if rest[..open].split_whitespace().any(is_word) {
            return false;
        }
        rest = &rest[open + close + 2..];
    }
    !rest.split_whitespace().any(is_word)
}

/// True when `token` is a word of the sentence: it holds a letter or a digit and is no handle,
/// no tag and no `and` or `or` joining labels.
fn is_word(token: &str) -> bool {
    !token.starts_with(['@', '#'])
        && token.chars().any(char::is_alphanumeric)
        && !is_joining_word(token.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// True for `and` and `or`, which join labels as they join the words of a sentence.
fn is_joining_word(word: &str) -> bool {
    word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("or")
}

/// True when the link to `target` that ends at `end` of `text` is written as a possessive
/// (`Return [[Ana Lima]]'s laptop`): as for a handle (see [`owner_handles`]), it names whose
/// thing the task is about, not who owns it.
fn is_possessive_link(text: &str, target: &str, end: usize) -> bool {
    let tail = qualifier::written_after(text.get(end..).unwrap_or(""));
    !tail.is_empty() && qualifier::is_possessive(&format!("{}{tail}", title_of(target)))
}

/// The title of the person note titled `title` (folded as [`VaultIndex::has_title`] folds), if
/// one is.
///
/// [`VaultIndex::has_title`]: crate::index::VaultIndex::has_title
fn person_titled(title: &str, ctx: &Context) -> Option<String> {
    let key = fold(title);
    (ctx.index.by_name(title))
        .find(|n| n.kind == NoteKind::Person && fold(&n.title) == key)
        .map(|n| n.title.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linking_words_are_sorted_for_binary_search() {
        assert!(LINKING_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(CONTACT_VERBS.windows(2).all(|w| w[0] < w[1]));
        assert!(PERSON_VERBS.windows(2).all(|w| w[0] < w[1]));
        assert!(CODE_PREFIXES.windows(2).all(|w| w[0] < w[1]));
        assert!(CONTEXT_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_link_labels_a_task_where_it_opens_or_ends_it() {
        let label = |task: &str| {
            let at = task.find("[[Ana]]").unwrap_or(0);
            labels(task, &(0..task.len()), &(at..at + "[[Ana]]".len()))
        };
        assert!(label("[[Bo]] [[Ana]] review it"));
        assert!(label("Review it [[Ana]] #team 📅 2025-01-02"));
        assert!(label("Review it – [[Ana]]"));
        assert!(!label("Send it to [[Ana]]"));
        assert!(!label("Ask [[Ana]] about it"));
        assert!(!label("me/[[Ana]]"));
        // Who asked for the work owns none of it; who does it, does.
        assert!(!label("[[Ana]] asked me to work with Bo on it"));
        assert!(!label("[[Ana]] #task wants us to review the CR"));
        assert!(label("[[Ana]] sends me the deck"));
        assert!(label("[[Ana]] to send me the deck"));
        // Text that is no task's cannot break it.
        assert!(!labels("x", &(0..1), &(3..9)));
    }
}
