//! Finding mentions: wikilinks, task owners, participants, `(via Name)` and names in prose.
//!
//! Structured mentions are found by syntax. Names in prose are found as runs of capitalised
//! words (plus lowercase words that are exactly a person's name), split where a transcript glues
//! a speaker label to speech (`Jason ValleryYeah`), trimmed of sentence words (`Hey`, `Thanks`)
//! and cut into the longest spans that name someone in the vault or in the note. Code, `%%`
//! comments, URLs, links and the note's own title heading are not prose; a ```` ```text ````
//! block under a "Transcript" heading is.

use super::longer_name;
use super::place_words::Town;
use crate::handles;
use crate::index::{
    participant_entries, participant_name, who_met_labelled, NoteKind, VaultIndex, WHO_MET_LABELS,
};
use crate::names::everyday::is_common_word;
use crate::names::evidence::{reach, reach_locals, ProseReach};
use crate::names::keys::EntityNames;
use crate::names::nicknames;
use crate::names::normalize::{self, Token};
use crate::names::particles::{self, is_honorific, is_particle};
use crate::names::places;
use crate::names::qualifier;
use crate::names::score;
use crate::note::{LinkKind, Note};
use crate::text::fold;
use crate::yaml::{Node, NodeKind, Quoting};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;
use std::cell::OnceCell;
use std::ops::Range;

/// The most words one prose mention spans (`North Sea Grid Authority`).
const MAX_SPAN_WORDS: usize = 5;

/// Words that start sentences or fill speech rather than name anyone, compared lowercase;
/// sorted, for binary search.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "action",
    "actually",
    "after",
    "again",
    "agenda",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "april",
    "are",
    "as",
    "at",
    "august",
    "basically",
    "be",
    "because",
    "before",
    "both",
    "but",
    "by",
    "can",
    "could",
    "december",
    "decisions",
    "did",
    "do",
    "does",
    "done",
    "even",
    "every",
    "february",
    "for",
    "friday",
    "from",
    "good",
    "great",
    "had",
    "has",
    "have",
    "he",
    "hello",
    "her",
    "here",
    "hey",
    "hi",
    "him",
    "his",
    "honestly",
    "how",
    "i",
    "if",
    "in",
    "is",
    "it",
    "items",
    "its",
    "january",
    "july",
    "june",
    "just",
    "let",
    "lets",
    "like",
    "look",
    "march",
    "may",
    "maybe",
    "me",
    "mine",
    "monday",
    "more",
    "most",
    "my",
    "no",
    "nobody",
    "not",
    "note",
    "notes",
    "november",
    "now",
    "october",
    "of",
    "oh",
    "ok",
    "okay",
    "on",
    "one",
    "or",
    "our",
    "out",
    "please",
    "remote",
    "right",
    "risks",
    "saturday",
    "see",
    "september",
    "she",
    "should",
    "so",
    "some",
    "sorry",
    "speaker",
    "summary",
    "sunday",
    "sure",
    "team",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thursday",
    "to",
    "today",
    "tomorrow",
    "totally",
    "tuesday",
    "two",
    "uh",
    "um",
    "unknown",
    "up",
    "us",
    "very",
    "was",
    "we",
    "wednesday",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "who",
    "why",
    "will",
    "with",
    "would",
    "yeah",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// How a mention was written. Serialized lowercase (part of the CLI's JSON contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// `[[Name]]` or `[[Name|display]]`.
    Wikilink,
    /// A task owner `@Name`.
    Owner,
    /// A meeting participant (frontmatter or a `**Participants:**` line).
    Participant,
    /// `(via Name)`.
    Via,
    /// A name in prose or a transcript.
    Text,
}

/// One mention found in a note, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// How it was written.
    pub kind: Kind,
    /// Bytes of the name as written (a link's target, a handle without `@`).
    pub span: Range<usize>,
    /// The mention as reported (`Rob Banga|Rob` for a link with display text).
    pub text: String,
    /// The name to resolve (`Yasmin Ahmed` for `@YasminAhmed`).
    pub name: String,
    /// 1-based line.
    pub line: usize,
    /// One name of a participants list.
    pub in_list: bool,
    /// An owner handle written `@FirstLast`.
    pub camel: bool,
    /// The mention sits in the frontmatter.
    pub in_frontmatter: bool,
    /// How a frontmatter value is quoted (for rewriting it safely).
    pub quoting: Option<Quoting>,
    /// One capitalised word of prose opening its line or sentence, where everyday words are
    /// capitalised too (`Anchor tenants sign first`).
    pub opens_sentence: bool,
    /// A participant written as a link (`"[[Wang Wei]]"`): the note it opens is whom it names.
    pub linked: bool,
    /// For a participant in the frontmatter, which property lists it (its place in
    /// [`PARTICIPANT_KEYS`]): `participants` and `attendees` are two lists.
    pub property: usize,
    /// A link written as one entry of a participants line (`**Attendees:** [[Ana Lima]], …`).
    pub listed_link: bool,
}

impl Found {
    pub(super) fn new(kind: Kind, note: &Note, span: Range<usize>, name: &str) -> Found {
        Found {
            kind,
            line: note.line_of(span.start),
            text: note.text.get(span.clone()).unwrap_or(name).to_string(),
            span,
            name: name.to_string(),
            in_list: kind == Kind::Participant,
            camel: false,
            in_frontmatter: false,
            quoting: None,
            opens_sentence: false,
            linked: false,
            property: 0,
            listed_link: false,
        }
    }

    /// True when the mention is a transcript's speaker label (`**Grace Clarke:**`, `[00:14]
    /// Grace Clarke: ...`): a name written in prose that only decorations and a timestamp come
    /// before on its line, and a colon after.
    pub fn labels_speech(&self, note: &Note) -> bool {
        if self.kind != Kind::Text {
            return false;
        }
        let text = note.text;
        let line_start = text
            .get(..self.span.start)
            .and_then(|before| before.rfind('\n'))
            .map_or(0, |i| i + 1);
        let before = text.get(line_start..self.span.start).unwrap_or("");
        let after = text.get(self.span.end..).unwrap_or("");
        !before.contains(char::is_alphabetic)
            && after.trim_start_matches(['*', '_']).starts_with(':')
    }
}

/// The frontmatter keys that list a meeting's participants.
pub const PARTICIPANT_KEYS: &[&str] = &["participants", "attendees"];

/// The chat a chat export's note is of (`chat_name: CoLab App`), which it lists among its
/// members, in its `participants` and on its `**Participants:**` line: the chat, no one.
#[inline(never)]
fn chat_name<'a>(note: &'a Note) -> Option<&'a str> {
    ["chat_name", "group_name"]
        .iter()
        .find_map(|key| note.property(key)?.as_str())
        .map(str::trim)
}

/// Every structured mention: frontmatter participants, participants lines, wikilinks to people,
/// organisations or missing notes, owner handles and `(via Name)`.
pub fn structured(note: &Note, index: &VaultIndex) -> Vec<Found> {
    let mut out = frontmatter_participants(note);
    let chat_name = chat_name(note);
    let mut lines = Vec::new();
    for label in WHO_MET_LABELS {
        if let Some((span, value)) = who_met_labelled(note, label) {
            lines.push(span.clone());
            for (offset, entry) in participant_entries(value) {
                if entry.contains("[[") {
                    continue;
                }
                let Some(name) = participant_name(entry).filter(|n| chat_name != Some(n)) else {
                    continue;
                };
                let start = span.start + offset + entry.find(name).unwrap_or(0);
                out.push(Found::new(
                    Kind::Participant,
                    note,
                    start..start + name.len(),
                    name,
                ));
            }
        }
    }
    out.extend(wikilinks(note, index).into_iter().map(|mut f| {
        f.listed_link = lines.iter().any(|l| l.contains(&f.span.start));
        f
    }));
    out.extend(owners(note, index.entity_names()));
    out.extend(vias(note));
    out
}

/// Characters of link and emphasis markup, which no name holds.
const MARKUP: &[char] = &['[', ']', '~', '*', '|', '`'];

fn frontmatter_participants(note: &Note) -> Vec<Found> {
    let Some(fm) = note.frontmatter.as_ref() else {
        return Vec::new();
    };
    let chat_name = chat_name(note);
    let mut out = Vec::new();
    for (property, key) in PARTICIPANT_KEYS.iter().enumerate() {
        let Some(node) = note.property(key) else {
            continue;
        };
        let items: Vec<&Node> = match &node.kind {
            NodeKind::Seq { items, .. } => items.iter().collect(),
            NodeKind::Scalar { .. } => vec![node],
            NodeKind::Map { .. } => Vec::new(),
        };
        let one_value = matches!(node.kind, NodeKind::Scalar { .. });
        for item in items {
            let NodeKind::Scalar { value, quoting } = &item.kind else {
                continue;
            };
            let span = fm.to_note(&item.span);
            let Some(raw) = note.text.get(span.clone()) else {
                continue;
            };
            // One value may list them all (`participants: Ana Lima, Bo Chen`).
            let entries = match one_value {
                true => participant_entries(value),
                false => vec![(0, value.as_str())],
            };
            let mut from = 0;
            for (_, entry) in entries {
                // A link with more around it (`[[Fatou Diop|Fatou]] (regrets)`, `~~[[Fatou
                // Diop]]~~`, a Markdown link) is no name to rewrite: its brackets and marks say
                // more than a name, and a rewrite would break them.
                let Some(name) = participant_name(entry).filter(|n| !n.contains(MARKUP)) else {
                    continue;
                };
                if chat_name == Some(name) {
                    continue;
                }
                let Some(at) = raw.get(from..).and_then(|rest| rest.find(name)) else {
                    continue;
                };
                let start = span.start + from + at;
                from += at + name.len();
                let mut found =
                    Found::new(Kind::Participant, note, start..start + name.len(), name);
                found.in_frontmatter = true;
                found.quoting = Some(*quoting);
                found.linked = entry.trim_start().starts_with("[[");
                found.property = property;
                out.push(found);
            }
        }
    }
    out
}

fn wikilinks(note: &Note, index: &VaultIndex) -> Vec<Found> {
    let mut out = Vec::new();
    for link in note.links.iter().filter(|l| l.kind == LinkKind::Wiki) {
        if link.target.is_empty() || note.in_code_or_comment(link.span.start) {
            continue;
        }
        // A link by path opens that note: one other than a person's or an organisation's
        // (`[[Projects/Ana Lima]]`) names it, whoever shares its title.
        let stem = link.target.strip_suffix(".md").unwrap_or(&link.target);
        let opened = stem
            .contains('/')
            .then(|| index.get(&format!("{stem}.md")))
            .flatten();
        if opened.is_some_and(|n| !matches!(n.kind, NoteKind::Person | NoteKind::Org)) {
            continue;
        }
        let name = linked_name(&link.target, index);
        let key = fold(name);
        let (mut existing, mut entity, mut titled, mut opens_entity) = (false, false, false, false);
        for n in index.by_name(name) {
            let is_entity = matches!(n.kind, NoteKind::Person | NoteKind::Org);
            existing = true;
            entity |= is_entity;
            if fold(&n.title) == key {
                titled = true;
                opens_entity |= is_entity;
            }
        }
        // A link that opens a note other than a person's or an organisation's (`[[a16z]]`, a
        // stub, where a firm has the alias) names that note, whatever aliases others have.
        // A link to an attachment no note is named as (`[[Solis Abdir.pdf]]`) names the file.
        let attachment = !existing && crate::note::is_attachment(&link.target);
        if (titled && !opens_entity)
            || (!entity && (existing || !looks_like_name(name)))
            || attachment
        {
            continue;
        }
        let Some(src) = note.text.get(link.span.clone()) else {
            continue;
        };
        let Some(at) = src.find(link.target.as_str()) else {
            continue;
        };
        let start = link.span.start + at;
        let inner = src.trim_start_matches("[[").trim_end_matches("]]");
        let mut found = Found::new(Kind::Wikilink, note, start..start + link.target.len(), name);
        found.text = inner.to_string();
        out.push(found);
    }
    out
}

/// The name a link target gives its note: a target written as the note's file (`Jinx.md`) or
/// as the path of a note the vault has (`People/Jinx`, `People/Jinx.md`), as vaults set to write
/// absolute links do, names that note by its title (`Jinx`); any other target is the name.
fn linked_name<'t>(target: &'t str, index: &VaultIndex) -> &'t str {
    let title = crate::note::title_of(target);
    if title.len() == target.len() || title.is_empty() {
        return target;
    }
    let stem = target.strip_suffix(".md").unwrap_or(target);
    if !stem.contains('/') || index.get(&format!("{stem}.md")).is_some() {
        title
    } else {
        target
    }
}

/// True for a link target that could be a person's or organisation's name: capitalised words,
/// no digits.
fn looks_like_name(target: &str) -> bool {
    !target.chars().any(|c| c.is_ascii_digit())
        && target.split_whitespace().count() <= MAX_SPAN_WORDS
        && target
            .split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn owners(note: &Note, names: &EntityNames) -> Vec<Found> {
    let mut out = Vec::new();
    let body = note.body();
    let base = note.body_start;
    for handle in handles::find(body) {
        // A heading is a title, no task: `# @Daniel @NL` names a note, and owns nothing.
        if note.in_code_or_comment(base + handle.at)
            || note.in_heading(base + handle.at)
            || !handle.may_own(body)
        {
            continue;
        }
        let handle = handle.ending_before_the_sentence(body, |w| names.is_name_word(w));
        let is_a_name = |name: &String| names.by_key(&normalize::name_key(name)).next().is_some();
        let exact = handle.names(body).find_map(|(span, name)| {
            let hyphenated = || handles::hyphenated(&name).find(is_a_name);
            let name = Some(name.clone()).filter(is_a_name).or_else(hyphenated)?;
            Some((span, name))
        });
        // A whole title spelled out after the `@` reads further than a shorter name the handle's
        // first word is (`@ana silva` is Ana Silva, not `@ana` and the word `silva`).
        let spelled = names.title_spelled_at(body, handle.at);
        let reading = match (exact, spelled) {
            (Some(e), Some(s)) if s.0.end > e.0.end => Some(s),
            (e, s) => e.or(s),
        };
        // A handle whose name may go on past what it reads is taken only as a name exactly.
        let Some((span, name)) =
            reading.or_else(|| (!handle.cut).then(|| handle.default_reading(body)))
        else {
            continue;
        };
        let start = base + span.start + 1;
        let end = base + span.end;
        let mut found = Found::new(Kind::Owner, note, start..end, &name);
        found.camel = !found.text.contains(char::is_whitespace) && name.contains(' ');
        out.push(found);
    }
    out
}

/// Credits written `(via Name)`: the name after `via`, whole (see [`credits_a_name`]).
fn vias(note: &Note) -> Vec<Found> {
    let body = note.body();
    let base = note.body_start;
    let mut out = Vec::new();
    const MARKER: &str = "(via ";
    for at in memchr::memmem::find_iter(body.as_bytes(), MARKER) {
        let start = at + MARKER.len();
        let Some(rest) = body.get(start..) else {
            continue;
        };
        let Some(close) = rest.find(')') else {
            continue;
        };
        let inner = &rest[..close];
        // A credit names someone: one that holds code (``(via `brew install`, keg-only)``) is a
        // remark on how something was done.
        if inner.contains(['(', '[', ']', '\n', '`']) || note.in_code_or_comment(base + at) {
            continue;
        }
        let name = inner.trim();
        if !credits_a_name(name) {
            continue;
        }
        let name_start = base + start + (inner.len() - inner.trim_start().len());
        out.push(Found::new(
            Kind::Via,
            note,
            name_start..name_start + name.len(),
            name,
        ));
    }
    out
}

/// True when the text of a `(via …)` credit is one name: words that open with a capital, or
/// particles between them (`Yasmin Ahmed`, `Model Builder Turbine`, `Daan van der Berg`). A
/// credit that says more (`SCL US capitalisation`, `Stargate Project and Flock coverage`) is
/// prose: a name in it is found there, and the credit is never rewritten as a whole.
fn credits_a_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    words.first().is_some_and(capital)
        && words.last().is_some_and(capital)
        && !text.contains([',', ';', ':', '&'])
        && words.iter().all(|w| capital(w) || is_particle(w))
}

/// Byte ranges of the body that are not prose: code (except a transcript pasted in a block),
/// `%%` comments, links, link reference definitions, URLs, the title heading and the spans
/// structured mentions took.
pub(super) fn not_prose(note: &Note, taken: &[Range<usize>]) -> NotProse {
    NotProse::new(not_prose_ranges(note, taken))
}

fn not_prose_ranges(note: &Note, taken: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    if let Some(fm) = &note.frontmatter {
        out.push(fm.block.clone());
    }
    for code in &note.code {
        // A transcript pasted in a block right under its heading; a block after a transcript
        // written out under the heading is code again.
        let transcript = code
            .info
            .as_deref()
            .is_some_and(|i| i.is_empty() || i == "text")
            && note
                .headings
                .iter()
                .rev()
                .find(|h| h.span.start < code.span.start)
                .is_some_and(|h| {
                    h.text.to_lowercase().contains("transcript")
                        && (note.text.get(h.span.end..code.span.start))
                            .is_some_and(|between| between.trim().is_empty())
                });
        if !transcript {
            out.push(code.span.clone());
        }
    }
    // `%%` and HTML comments: hidden when the note is read, and what plugins keep there (a
    // serialized query, a path) is no prose.
    out.extend(note.comments.iter().cloned());
    out.extend(note.links.iter().map(|l| l.span.clone()));
    out.extend(note.definitions.iter().cloned());
    // URLs, and `#tags`: a tag line's `#Amsterdam` is a tag, not a name written in prose.
    // Those in code (SQL's `#temp` tables) are passed over as the code is, and not listed.
    let body = note.body();
    let tags = (crate::hashtags::find(body).into_iter())
        .filter(|r| !note.in_code_or_comment(note.body_start + r.start));
    out.extend(
        (crate::urls::spans(body).into_iter())
            .chain(tags)
            .map(|r| note.body_start + r.start..note.body_start + r.end),
    );
    let title = crate::text::fold(note.title());
    out.extend(
        note.headings
            .iter()
            .filter(|h| crate::text::fold(&h.text) == title)
            .map(|h| h.span.clone()),
    );
    for label in WHO_MET_LABELS {
        if let Some((span, _)) = who_met_labelled(note, label) {
            out.push(span);
        }
    }
    out.extend(taken.iter().cloned());
    out.sort_by_key(|r| (r.start, r.end));
    out
}

/// How many of the ranges starting last at or before an offset [`NotProse::covers`] looks at.
const COVER_WINDOW: usize = 64;

/// The ranges of a note that are not prose, sorted (they may overlap), ready to be asked about
/// every word of the note.
pub(super) struct NotProse {
    starts: Vec<usize>,
    /// `reach[i]`: the furthest end among the [`COVER_WINDOW`] ranges before the `i`-th.
    reach: Vec<usize>,
}

impl NotProse {
    fn new(ranges: Vec<Range<usize>>) -> Self {
        let mut reach = Vec::with_capacity(ranges.len() + 1);
        reach.push(0);
        // The window's furthest ends, decreasing (a monotonic queue), by index.
        let mut window: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
        for (i, r) in ranges.iter().enumerate() {
            while window
                .back()
                .is_some_and(|&j| ranges.get(j).is_some_and(|b| b.end <= r.end))
            {
                window.pop_back();
            }
            window.push_back(i);
            while window.front().is_some_and(|&j| j + COVER_WINDOW <= i) {
                window.pop_front();
            }
            let furthest = window
                .front()
                .and_then(|&j| ranges.get(j))
                .map_or(0, |b| b.end);
            reach.push(furthest);
        }
        NotProse {
            starts: ranges.iter().map(|r| r.start).collect(),
            reach,
        }
    }

    /// True when one of the [`COVER_WINDOW`] ranges starting last at or before `offset` covers
    /// it (ranges overlap, so an earlier one may still reach past a later one's end).
    pub(super) fn covers(&self, offset: usize) -> bool {
        let i = self.starts.partition_point(|&s| s <= offset);
        self.reach.get(i).is_some_and(|&end| end > offset)
    }

    /// The offsets of `span` it [`NotProse::covers`], as ranges from `span.start`, in order and
    /// apart.
    fn covered_in(&self, span: Range<usize>) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut at = span.start;
        let mut i = self.starts.partition_point(|&s| s <= at);
        while at < span.end {
            // Offsets from `at` to the next start are covered up to the same furthest end.
            let next = self.starts.get(i).map_or(span.end, |&s| s.min(span.end));
            let end = self.reach.get(i).map_or(at, |&r| r.min(next));
            if end > at {
                match out.last_mut() {
                    Some(last) if last.end == at - span.start => last.end = end - span.start,
                    _ => out.push(at - span.start..end - span.start),
                }
            }
            at = next;
            while self.starts.get(i).is_some_and(|&s| s <= at) {
                i += 1;
            }
        }
        out
    }
}

/// A word of prose.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) span: Range<usize>,
    /// Starts with a capital letter or has one inside (`VaST`).
    pub(super) capital: bool,
    /// Directly followed by one space and another word (no punctuation).
    pub(super) joined_to_next: bool,
    /// First word of the line or of a sentence, where ordinary words are capitalised too.
    pub(super) sentence_start: bool,
}

/// What prose scanning has learnt of the words of one note, each distinct word looked up once
/// per question: whether it holds a speaker label glued to speech ([`glue_point`]), whether it
/// is a person's name written in lowercase ([`is_lowercase_name`]) and whether it may open an
/// organisation's name written in lowercase ([`opens_lowercase_org`]). All depend on the word
/// and the vault's names alone, and each is computed only when first asked, so a word reads
/// of the vault exactly what the questions asked of it read; a word new to the note is looked
/// up in the vault's memos of the same questions ([`crate::names::keys::WordMemos`]) before it
/// is computed.
struct WordMemo<'t> {
    names: &'t EntityNames,
    words: HashMap<&'t str, WordFacts>,
}

/// The answers [`WordMemo`] has for one word (`None`: not asked yet).
#[derive(Default)]
struct WordFacts {
    glue: Option<Option<usize>>,
    speech_glue: Option<Option<usize>>,
    lowercase_name: Option<bool>,
    lowercase_org: Option<bool>,
}

impl<'t> WordMemo<'t> {
    /// A memo for the words of a text of `len` bytes (sized for them: a note writes a new word
    /// every dozen bytes or so, and growing the table rehashes it).
    fn new(names: &'t EntityNames, len: usize) -> Self {
        WordMemo {
            names,
            words: HashMap::with_capacity_and_hasher(len / 16, Default::default()),
        }
    }

    fn glue_point(&mut self, word: &'t str) -> Option<usize> {
        let names = self.names;
        let facts = self.words.entry(word).or_default();
        *facts.glue.get_or_insert_with(|| {
            (names.word_memos().glue).get_or(word, || glue_point(word, names))
        })
    }

    /// [`glued_to_speech`], asked once per word of the note.
    fn glued_to_speech(&mut self, word: &'t str) -> Option<usize> {
        let names = self.names;
        let facts = self.words.entry(word).or_default();
        *facts
            .speech_glue
            .get_or_insert_with(|| glued_to_speech(word, names))
    }

    /// Whether `word`, written in lowercase, is a person's name ([`is_lowercase_name`]; a
    /// stopword never is, but may open one, [`Lowercase::stopword_name`]) when `name` asks, and
    /// whether it may open an organisation's name ([`opens_lowercase_org`]) when `org` asks;
    /// false for what is not asked. The answers come from one look-up.
    fn lowercase(&mut self, word: &'t str, name: bool, org: bool) -> Lowercase {
        // Most words of prose are short (`a`, `of`, `we`): fewer than three bytes are fewer
        // than three letters, which no lowercase name is, and asking reads nothing of the vault.
        let name = name && word.len() >= 3;
        if !name && !org {
            return Lowercase::default();
        }
        let names = self.names;
        let facts = self.words.entry(word).or_default();
        let memos = names.word_memos();
        let name_part = name
            && *facts.lowercase_name.get_or_insert_with(|| {
                (memos.lowercase_name).get_or(word, || is_lowercase_name(word, names))
            });
        let opens_org = org
            && *facts.lowercase_org.get_or_insert_with(|| {
                (memos.lowercase_org).get_or(word, || opens_lowercase_org(word, names))
            });
        let stopword = name_part && is_stopword(word);
        Lowercase {
            name: name_part && !stopword,
            stopword_name: stopword,
            opens_org,
        }
    }
}

/// What [`WordMemo::lowercase`] answers of a word written in lowercase.
#[derive(Default)]
struct Lowercase {
    /// A person's name part, and no stopword (`leo`, `dewi`).
    name: bool,
    /// A stopword that is a person's name part (`april`, `may`): a mention only as the first
    /// word of a whole name of the vault (`april bernard`).
    stopword_name: bool,
    /// May open an organisation's name.
    opens_org: bool,
}

/// The character at byte `offset` of `text`, if one starts there.
fn char_at(text: &str, offset: usize) -> Option<char> {
    match text.as_bytes().get(offset) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(offset..)?.chars().next(),
    }
}

/// Splits one line of prose into words, cutting a speaker label glued to speech.
fn words<'t>(line: &'t str, base: usize, memo: &mut WordMemo<'t>) -> Vec<Word> {
    // Prose has a word every six bytes or so: room for them, grown rarely.
    let mut out: Vec<Word> = Vec::with_capacity(line.len() / 6 + 1);
    let bytes = line.as_bytes();
    let mut sentence_start = true;
    // The character before `pos`.
    let mut prev: Option<char> = None;
    let mut pos = 0;
    while let Some(c) = char_at(line, pos) {
        let start = pos;
        let after = start + c.len_utf8();
        if !c.is_alphabetic() {
            let initial = c == '.' && initial_before(line, start, &out, base);
            // `Zięcik, Łukasz`: a capitalised word, a comma and a capitalised word may be one
            // name written surname first (spans fall back to the words alone when not).
            let surname_comma = c == ','
                && out
                    .last()
                    .is_some_and(|w| w.capital && w.span.end == base + start)
                && char_at(line, after) == Some(' ')
                && char_at(line, after + 1).is_some_and(char::is_uppercase);
            // `Okafor & Sons Engineering`, `Zhang & Partners`: an organisation's name may join
            // capitalised words with an ampersand (spans keep it only when exact).
            let ampersand = c == '&'
                && prev == Some(' ')
                && out
                    .last()
                    .is_some_and(|w| w.capital && w.span.end + 1 == base + start)
                && char_at(line, after) == Some(' ')
                && char_at(line, after + 1).is_some_and(char::is_uppercase);
            if initial || surname_comma || ampersand {
                // `R. Benoit`: the initial stays with the name after it.
                if let Some(w) = out.last_mut() {
                    w.joined_to_next = true;
                }
            } else if opens_a_sentence_after(c, line, after) {
                sentence_start = true;
            }
            prev = Some(c);
            pos = after;
            continue;
        }
        if prev == Some('[') && char_at(line, after) == Some(']') {
            // A task's `[x]` opens its text, it is not a word of it.
            prev = Some(c);
            pos = after;
            continue;
        }
        let mut end = after;
        let mut last = c;
        let mut upper = c.is_uppercase();
        let mut hyphen = false;
        loop {
            // ASCII letters, most of every word, belong to it whatever surrounds them.
            while let Some(&b) = bytes.get(end).filter(|b| b.is_ascii_alphabetic()) {
                upper |= b.is_ascii_uppercase();
                last = char::from(b);
                end += 1;
            }
            let Some(d) = char_at(line, end) else {
                break;
            };
            let next = end + d.len_utf8();
            let takes = d.is_alphabetic()
                || (!d.is_ascii() && unicode_normalization::char::is_combining_mark(d))
                || ((d == '\'' || d == '’' || d == '-')
                    && char_at(line, next).is_some_and(char::is_alphabetic))
                || crate::mojibake::continues_sequence(last, d)
                || (matches!(d, '.' | '_')
                    && !upper
                    && last.is_ascii_lowercase()
                    && char_at(line, next).is_some_and(|n| n.is_ascii_lowercase()));
            if !takes {
                break;
            }
            upper |= d.is_uppercase();
            hyphen |= d == '-';
            last = d;
            end = next;
        }
        // `Takahashi-san`: a Japanese honorific after a name is no part of it.
        let word_end = match upper && hyphen {
            true => end - crate::handles::honorific_ending(&line[start..end]),
            false => end,
        };
        let following = char_at(line, end);
        let digit_next = following.is_some_and(|d| d.is_ascii_digit());
        let digit_before = prev.is_some_and(|d| d.is_ascii_digit());
        let next_is_word =
            following == Some(' ') && char_at(line, end + 1).is_some_and(char::is_alphabetic);
        if !(digit_next || digit_before) {
            let len = word_end - start;
            // Only a word with a capital can hold a speaker label glued to speech.
            let cut = if upper {
                let word = &line[start..word_end];
                let label = || at_speaker_label(line, start, base, &out);
                match memo.glue_point(word) {
                    // Out of a transcript's speaker label, a word a product's name ends
                    // (`ChatGPT`, `LiveMint`) is that product's name.
                    Some(cut) if !label() && ends_a_products_name(word, cut, memo.names) => None,
                    Some(cut) => Some(cut),
                    None => label().then(|| memo.glued_to_speech(word)).flatten(),
                }
            } else {
                None
            };
            match cut {
                // Most words: `upper` says already whether any of its letters is a capital.
                None => out.push(Word {
                    span: base + start..base + word_end,
                    capital: upper,
                    joined_to_next: next_is_word,
                    sentence_start,
                }),
                Some(cut) => {
                    for piece in [0..cut, cut..len] {
                        let piece_start = start + piece.start;
                        let word = &line[piece_start..start + piece.end];
                        let last = piece.end == len;
                        out.push(Word {
                            span: base + piece_start..base + start + piece.end,
                            capital: upper && word.chars().any(char::is_uppercase),
                            joined_to_next: last && next_is_word,
                            sentence_start,
                        });
                        sentence_start = false;
                    }
                }
            }
        }
        sentence_start = false;
        prev = Some(last);
        pos = end;
    }
    out
}

/// True when the word after `c`, at byte `after` of `line`, opens a sentence, where ordinary
/// words are capitalised too: after the end of a sentence, a colon, a quote or a bracket
/// opening, and at the start of a table's cell that holds a phrase, capitalised as a sentence
/// is (`| Lunar months |`), not a name alone (`| Kairos |`, `| Kairos Networks |`).
fn opens_a_sentence_after(c: char, line: &str, after: usize) -> bool {
    match c {
        '.' | '!' | '?' | ':' | ';' | '"' | '“' | '(' | '[' => true,
        '|' => {
            let cell = line
                .get(after..)
                .unwrap_or_default()
                .trim_start_matches(' ');
            let word_end = cell
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(cell.len());
            let rest = cell.get(word_end..).unwrap_or_default();
            word_end > 0
                && rest
                    .strip_prefix(' ')
                    .and_then(|next| next.chars().next())
                    .is_some_and(char::is_lowercase)
        }
        _ => false,
    }
}

/// True when the `.` at byte `dot` of `line` ends an initial written before a name (`R. Benoit`):
/// the last word, ending right there, is one capital letter, and a capitalised word follows after
/// one space. `out` are the line's words so far, `base` where the line starts in the note.
fn initial_before(line: &str, dot: usize, out: &[Word], base: usize) -> bool {
    let one_capital = out.last().is_some_and(|w| {
        w.span.end == base + dot
            && line
                .get(w.span.start - base..dot)
                .is_some_and(|t| t.chars().count() == 1 && t.chars().all(char::is_uppercase))
    });
    one_capital
        && char_at(line, dot + 1) == Some(' ')
        && char_at(line, dot + 2).is_some_and(char::is_uppercase)
}

/// True when `word` is a name the vault knows as a whole.
fn known_word(word: &str, names: &EntityNames) -> bool {
    normalize::with_word_key(word, |k| names.token_count(k) > 0) == Some(true)
}

/// True when the part of the camel-case `word` from byte `cut` on ends a product's name rather
/// than starts speech glued to a name: it is in capitals (`ChatGPT`) or an organisation's word
/// and no person's (`LiveMint` beside the organisation Mint).
fn ends_a_products_name(word: &str, cut: usize, names: &EntityNames) -> bool {
    let right = word.get(cut..).unwrap_or_default();
    let right = right
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let part_of =
        |kind| normalize::with_word_key(right, |k| names.has_part_of(k, kind)) == Some(true);
    (right.chars().nth(1).is_some() && right.chars().all(char::is_uppercase))
        || (part_of(NoteKind::Org) && !part_of(NoteKind::Person))
}

/// Cuts a known name glued to lowercase speech, as timestamped transcripts glue a speaker's
/// label (`Valleryit's`, `Valleryof`), where a known name starts the word and a stopword ends
/// it. Only a word no given name of the nickname tables and no everyday word (`Marcus` is no
/// Marc glued to `us`, nor `Proof` Pro and `of`), and only at a speaker label's place (see
/// [`words`]): elsewhere `Marshall` is a name, not Marsh glued to `all`.
fn glued_to_speech(word: &str, names: &EntityNames) -> Option<usize> {
    let whole = || {
        known_word(word, names)
            || is_common_word(word)
            || normalize::word_key(word)
                .and_then(|k| nicknames::id(&k))
                .is_some()
    };
    if !word.chars().next().is_some_and(char::is_uppercase) || whole() {
        return None;
    }
    word.char_indices().skip(3).map(|(i, _)| i).find(|&i| {
        let (left, right) = word.split_at(i);
        // One letter is a name's ending (`Al-Hassani`, `Giovanni`), not a word glued on.
        right.chars().next().is_some_and(char::is_lowercase)
            && right.chars().nth(1).is_some()
            && is_stopword(right)
            && known_word(left, names)
    })
}

/// True when a word starting at byte `start` of `line`, after the words `before`, sits where a
/// timestamped transcript writes its speaker's label: the line opens with a timestamp and only
/// capitalised words one space apart come before it (`[00:15:06] Jason Valleryit's`).
fn at_speaker_label(line: &str, start: usize, base: usize, before: &[Word]) -> bool {
    let first = before.first().map_or(start, |w| w.span.start - base);
    before.iter().all(|w| w.capital && w.joined_to_next)
        && (line.get(..first)).is_some_and(|lead| lead.bytes().any(|b| b.is_ascii_digit()))
}

/// Cuts `AhmedThe` into `Ahmed` + `The` when the left part is a known name part or the right
/// part starts with a sentence word; camel-case names (`McDonald`, `VaST`) stay whole.
fn glue_point(word: &str, names: &EntityNames) -> Option<usize> {
    let known = |w: &str| known_word(w, names);
    let person_part = |w: &str| {
        normalize::with_word_key(w, |k| names.has_part_of(k, NoteKind::Person)) == Some(true)
    };
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower && i >= 2 {
            let (left, right) = word.split_at(i);
            let right_word = right
                .find(|c: char| !c.is_alphabetic())
                .map_or(right, |end| &right[..end]);
            let known_right = left.chars().count() >= 3 && !known(word) && known(right_word);
            // A person's name glued to the next word is a speaker label (`NikoThe`); an
            // organisation's word starting a camel-case word is a product (`DataSpaces`).
            // One capital letter ending a word (`BrisA`) is case noise, unless a person's
            // name comes before it (`NikoI`).
            let letter = right_word.chars().nth(1).is_none();
            // `MacComisky`, `DeAndre`: one name, whatever else `Mac` or `De` may be; and so is
            // a word the vault writes whole (`HartWell` of Hartwell Aerospace, its case noise),
            // whoever else `Hart` may be.
            let one_name =
                (particles::opens_camel_name(left) && !is_stopword(right_word)) || known(word);
            if !one_name
                && (person_part(left) || known_right || (is_stopword(right_word) && !letter))
            {
                return Some(i);
            }
        }
        prev_lower = c.is_lowercase();
    }
    None
}

/// Where the [`STOPWORDS`] of each first letter start (see [`letter_starts`]).
const STOPWORD_STARTS: [usize; 27] = letter_starts(STOPWORDS);

/// Where the words of each first letter start in the sorted `words` (`a` at index 0, `b` at
/// index 1, …, the end of the list last), so a lookup compares a handful of words.
const fn letter_starts(words: &[&str]) -> [usize; 27] {
    let mut starts = [words.len(); 27];
    let mut i = words.len();
    while i > 0 {
        i -= 1;
        let first = words[i].as_bytes()[0];
        if first.is_ascii_lowercase() {
            starts[(first - b'a') as usize] = i;
        }
    }
    // A letter no word starts with starts where the next letter does.
    let mut letter = 26;
    while letter > 0 {
        letter -= 1;
        if starts[letter] > starts[letter + 1] {
            starts[letter] = starts[letter + 1];
        }
    }
    starts
}

/// True when the word's leading letters, lowercased, are a [`STOPWORDS`] entry.
pub(super) fn is_stopword(word: &str) -> bool {
    let mut buf = [0u8; 16];
    // Most words are ASCII: their leading letters end at the first byte that is no ASCII letter,
    // when that byte is ASCII too (or the word ends), with no character decoded.
    let bytes = word.as_bytes();
    let (ascii_letters, rest) = bytes.split_at(
        bytes
            .iter()
            .position(|b| !b.is_ascii_alphabetic())
            .unwrap_or(bytes.len()),
    );
    if rest.first().is_none_or(u8::is_ascii) {
        return buf.get_mut(..ascii_letters.len()).is_some_and(|lower| {
            lower.copy_from_slice(ascii_letters);
            lower.make_ascii_lowercase();
            in_word_list(STOPWORDS, &STOPWORD_STARTS, lower)
        });
    }
    let letters = word
        .find(|c: char| !c.is_alphabetic())
        .map_or(word, |end| &word[..end]);
    match buf.get_mut(..letters.len()) {
        Some(lower) if letters.is_ascii() => {
            lower.copy_from_slice(letters.as_bytes());
            lower.make_ascii_lowercase();
            in_word_list(STOPWORDS, &STOPWORD_STARTS, lower)
        }
        // A long ASCII word is no stopword; other letters may lowercase to ASCII (`K`).
        _ if letters.is_ascii() => false,
        _ => {
            // Stopwords are short and ASCII: a lowercase form that is neither is no stopword.
            let mut len = 0;
            for c in letters.chars().flat_map(char::to_lowercase) {
                match buf.get_mut(len) {
                    Some(b) if c.is_ascii() => *b = c as u8,
                    _ => return false,
                }
                len += 1;
            }
            buf.get(..len)
                .is_some_and(|lower| in_word_list(STOPWORDS, &STOPWORD_STARTS, lower))
        }
    }
}

/// True when `word` (lowercase ASCII) is in `list`, sorted, whose words of each first letter
/// start at `starts` ([`letter_starts`]): only the words of its first letter are compared.
fn in_word_list(list: &[&str], starts: &[usize; 27], word: &[u8]) -> bool {
    let Some(letter) = word.first().map(|b| b.wrapping_sub(b'a') as usize) else {
        return false;
    };
    let (Some(start), Some(end)) = (starts.get(letter), starts.get(letter + 1)) else {
        return false;
    };
    list.get(*start..*end)
        .unwrap_or(&[])
        .iter()
        .any(|w| w.len() == word.len() && w.as_bytes() == word)
}

/// True when the line of `note` holding byte `at` writes a capital letter anywhere.
fn line_capitalises(note: &Note, at: usize) -> bool {
    let line = crate::lines::line_at(note.text, at);
    (note.text.get(line)).is_some_and(|line| line.chars().any(char::is_uppercase))
}

/// A lowercase word that is part of an organisation's name (`hertrampf`, `eastern`) may open
/// that name written in lowercase ([`lowercase_org_names`]).
fn opens_lowercase_org(word: &str, names: &EntityNames) -> bool {
    let org_part = |k: &str| names.has_part_of(k, NoteKind::Org);
    word.chars().count() >= 2
        && !is_stopword(word)
        && normalize::with_word_key(word, org_part) == Some(true)
}

/// A lowercase word that is exactly part of a person's name (`leo`, `dewi`) may be a mention;
/// one that is a stopword too (`april`, `may`) only opening a whole name ([`WordMemo::lowercase`]).
fn is_lowercase_name(word: &str, names: &EntityNames) -> bool {
    let person_part = |k: &str| names.has_part_of(k, NoteKind::Person);
    word.chars().count() >= 3
        && normalize::with_word_key(word, person_part) == Some(true)
        && !is_particle(word)
}

/// The prose mentions of lines scanned before, for scanning the same note again after a fix
/// pass changed a few of its lines: a line reads the same when its text, the parts of it that
/// are not prose and the note's names without a note are the same, and the note answers the
/// same about the words it asked whether the note writes them in lowercase.
#[derive(Debug, Default)]
pub struct ProseMemo {
    /// Remember lines (off for a note scanned once).
    keep: bool,
    /// The note's names without a note the lines were read with.
    locals: Vec<Vec<Token>>,
    /// Whether the lines were read as heard (a meeting's) rather than typed.
    heard: bool,
    /// How spans of prose reach the vault's names or `locals`, by text.
    reach: HashMap<String, Option<ProseReach>>,
    /// Lines read, by a hash of their text and what of them is not prose.
    lines: HashMap<u64, Vec<ProseLine>>,
}

/// One line of prose read, and what was found on it.
#[derive(Debug)]
struct ProseLine {
    text: String,
    /// The bytes of the line that are not prose, from its start.
    covered: Vec<Range<usize>>,
    /// Mentions, as (span from the line's start, name to resolve, [`Found::opens_sentence`]).
    found: Vec<(Range<usize>, String, bool)>,
    /// Words asked of the note's lowercase words, and the answers.
    asked: Vec<(String, bool)>,
}

impl ProseMemo {
    /// A memo that remembers the lines it is given, for a note about to be scanned again.
    pub fn keeping() -> Self {
        ProseMemo {
            keep: true,
            ..ProseMemo::default()
        }
    }

    /// Starts over when the note's names without a note changed, or how its words were written.
    fn reading_with(&mut self, locals: &[Vec<Token>], heard: bool) {
        if self.locals != locals || self.heard != heard {
            self.locals = locals.to_vec();
            self.heard = heard;
            self.reach.clear();
            self.lines.clear();
        }
    }

    fn key(text: &str, covered: &[Range<usize>]) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        text.hash(&mut h);
        covered.hash(&mut h);
        h.finish()
    }

    /// The line read before with this text and these parts not prose.
    fn line(&self, key: u64, text: &str, covered: &[Range<usize>]) -> Option<&ProseLine> {
        self.lines
            .get(&key)?
            .iter()
            .find(|l| l.text == text && l.covered == covered)
    }
}

/// Finds name mentions in the note's prose. `locals` are names the note writes without a note;
/// `taken` are spans structured mentions already cover; `heard` says the note is a meeting,
/// whose prose may be a transcript (see [`spans`]).
pub fn prose(
    note: &Note,
    names: &EntityNames,
    locals: &[Vec<Token>],
    taken: &[Range<usize>],
    heard: bool,
) -> Vec<Found> {
    prose_with(
        note,
        names,
        (locals, taken, heard),
        &mut ProseMemo::default(),
    )
}

/// [`prose`], reading again from `memo` the lines read before (see [`ProseMemo`]).
pub fn prose_with(
    note: &Note,
    names: &EntityNames,
    (locals, taken, heard): (&[Vec<Token>], &[Range<usize>], bool),
    memo: &mut ProseMemo,
) -> Vec<Found> {
    let skip = not_prose(note, taken);
    // Built only if a sentence opener needs it.
    let lowercase: OnceCell<HashSet<&str>> = OnceCell::new();
    let writes_lowercase = |word: &str| {
        lowercase
            .get_or_init(|| lowercase_words(note.body()))
            .contains(word)
    };
    memo.reading_with(locals, heard);
    let body = note.body();
    let mut words_memo = WordMemo::new(names, body.len());
    let mut out = Vec::new();
    let mut line_start = note.body_start;
    for line in crate::lines::inclusive(body) {
        let text = line.trim_end_matches(['\n', '\r']);
        let base = line_start;
        line_start += line.len();
        let covered = skip.covered_in(base..base + text.len());
        // A memo that keeps no lines has none to look up: the line is not hashed for it.
        let key = (memo.keep || !memo.lines.is_empty()).then(|| ProseMemo::key(text, &covered));
        if let Some(seen) = key
            .and_then(|key| memo.line(key, text, &covered))
            .filter(|l| l.asked.iter().all(|(w, a)| writes_lowercase(w) == *a))
        {
            out.extend(seen.found.iter().map(|(span, name, opens_sentence)| {
                let mut found =
                    Found::new(Kind::Text, note, base + span.start..base + span.end, name);
                found.opens_sentence = *opens_sentence;
                found
            }));
            continue;
        }
        let asked: std::cell::RefCell<Vec<(String, bool)>> = Default::default();
        let asking = |word: &str| {
            let answer = writes_lowercase(word);
            if memo.keep {
                asked.borrow_mut().push((word.to_string(), answer));
            }
            answer
        };
        let first = out.len();
        let ws = words(text, base, &mut words_memo);
        let mut run: Vec<&Word> = Vec::new();
        // Whether each word may open an organisation's name written in lowercase (see
        // `lowercase_org_names`): asked with whether it is a lowercase name, in one look-up.
        let mut opens_org = Vec::with_capacity(ws.len());
        // What of the line is not prose, passed through as the words go right: a word is prose
        // where `skip` does not cover its start ([`NotProse::covered_in`] says so for the line).
        let mut not_prose = covered.iter().peekable();
        for (k, w) in ws.iter().enumerate() {
            let word = note.text.get(w.span.clone()).unwrap_or("");
            let at = w.span.start.saturating_sub(base);
            while not_prose.next_if(|r| r.end <= at).is_some() {}
            let prose = not_prose.peek().is_none_or(|r| r.start > at);
            // A name of two words or more: the word after must be lowercase too, or nothing
            // opens here whatever the word is (and the word is not asked about).
            let org =
                !w.capital && w.joined_to_next && ws.get(k + 1).is_some_and(|next| !next.capital);
            let name = prose && !w.capital && !is_particle(word);
            let lowercase = words_memo.lowercase(word, name, org);
            let lowercase_name = lowercase.name;
            opens_org.push(lowercase.opens_org);
            // `of`, `and` between capitalised words may join an organisation's name (`Bank of
            // America`, `Marks and Spencer`); spans keep them only in a name spelled exactly.
            let connects = prose
                && !w.capital
                && w.joined_to_next
                && run
                    .last()
                    .is_some_and(|last| last.joined_to_next && last.capital)
                && is_connector(word)
                && ws.get(k + 1).is_some_and(|next| {
                    next.capital
                        || (next.joined_to_next
                            && is_connector(note.text.get(next.span.clone()).unwrap_or("")))
                });
            // A stopword in lowercase that opens a whole name of the vault with the next word
            // (`april bernard`, `may baldwin` in a transcript) is that name's first word.
            let opens_a_name = lowercase.stopword_name
                && w.joined_to_next
                && ws.get(k + 1).is_some_and(|next| {
                    !next.capital
                        && note
                            .text
                            .get(w.span.start..next.span.end)
                            .is_some_and(|two| names.is_a_name(two))
                });
            let usable = prose
                && (w.capital || is_particle(word) || lowercase_name || connects || opens_a_name);
            if usable {
                run.push(w);
            }
            let breaks = !usable || !w.joined_to_next || k + 1 == ws.len();
            if breaks && !run.is_empty() {
                out.extend(spans(
                    note,
                    &run,
                    (names, locals, heard),
                    &asking,
                    &mut memo.reach,
                ));
                run.clear();
            }
        }
        let apart = orgs_written_apart(note, (base, text), (&ws, &opens_org), names, &skip, &out);
        out.extend(apart);
        if let Some(key) = key.filter(|_| memo.keep) {
            let found = out
                .get(first..)
                .unwrap_or(&[])
                .iter()
                .map(|f| {
                    let span = f.span.start - base..f.span.end - base;
                    (span, f.name.clone(), f.opens_sentence)
                })
                .collect();
            memo.lines.entry(key).or_default().push(ProseLine {
                text: text.to_string(),
                covered,
                found,
                asked: asked.into_inner(),
            });
        }
    }
    out
}

/// Organisations on one line (`base` is where its `text` starts) that are no run of
/// capitalised words: an acronym written with dots (`K.W.A.`, resolved as `KWA`), a
/// lowercase name after "the" (`the mirelle consortium`, see [`score::ends_org_name`]) and a
/// whole name in lowercase ([`lowercase_org_names`]). `ws` are the line's words and whether
/// each may open an organisation's name written in lowercase, `skip` what is not prose, `found`
/// the mentions found so far.
fn orgs_written_apart(
    note: &Note,
    (base, text): (usize, &str),
    (ws, opens_org): (&[Word], &[bool]),
    names: &EntityNames,
    skip: &NotProse,
    found: &[Found],
) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let overlaps =
        |f: &Found, span: &Range<usize>| f.span.start < span.end && span.start < f.span.end;
    let free = |span: &Range<usize>, out: &[Found]| {
        !skip.covers(span.start)
            && !skip.covers(span.end.saturating_sub(1))
            && !out.iter().any(|f| overlaps(f, span))
            && !found
                .iter()
                .rev()
                .take_while(|f| f.span.end > base)
                .any(|f| overlaps(f, span))
    };
    // An acronym of two letters or more starts with a capital followed by a dot: look before
    // each dot.
    const _: () = assert!(score::MIN_ACRONYM_LETTERS >= 2);
    for dot in memchr::memchr_iter(b'.', text.as_bytes()) {
        let before = text.get(..dot).unwrap_or_default();
        let mut back = before.chars();
        let Some(c) = back.next_back().filter(|c| c.is_uppercase()) else {
            continue;
        };
        let at = dot - c.len_utf8();
        // An acronym starts a word, or is glued to a speaker label (`Ada LovettK.W.A.`).
        let starts = back
            .next_back()
            .is_none_or(|p| p.is_lowercase() || !p.is_alphanumeric() && p != '.');
        let Some((letters, len)) = starts
            .then(|| text.get(at..))
            .flatten()
            .and_then(|rest| normalize::dotted_acronym(rest, score::MIN_ACRONYM_LETTERS))
        else {
            continue;
        };
        let key = letters.to_lowercase();
        let span = base + at..base + at + len;
        let known = names.by_acronym(&key).next().is_some() || names.by_key(&key).next().is_some();
        if known && free(&span, &out) {
            out.push(Found::new(Kind::Text, note, span, &letters));
        }
    }
    let word = |w: &Word| note.text.get(w.span.clone()).unwrap_or("");
    let mut k = 0;
    while k < ws.len() {
        k += 1;
        if !(word(&ws[k - 1]).eq_ignore_ascii_case("the") && ws[k - 1].joined_to_next) {
            continue;
        }
        // The lowercase words written after `the`, one space apart.
        let mut n = 0;
        while n < MAX_SPAN_WORDS
            && ws.get(k + n).is_some_and(|w| !w.capital)
            && (n == 0 || ws.get(k + n - 1).is_some_and(|w| w.joined_to_next))
        {
            n += 1;
        }
        // Most phrases after `the` start with no organisation's word: no need to fold them.
        let org_word = |w: &Word| {
            let org = |k: &str| names.has_part_of(k, NoteKind::Org);
            normalize::with_word_key(word(w), org) == Some(true)
        };
        if n < score::MIN_PARTIAL_ORG_WORDS || !ws.get(k).is_some_and(org_word) {
            continue;
        }
        for len in (score::MIN_PARTIAL_ORG_WORDS..=n).rev() {
            let (Some(first), Some(last)) = (ws.get(k), ws.get(k + len - 1)) else {
                continue;
            };
            let span = first.span.start..last.span.end;
            let phrase = note.text.get(span.clone()).unwrap_or("");
            let tokens = normalize::tokens(phrase);
            let names_org = tokens.first().is_some_and(|first| {
                names
                    .by_token(&first.key)
                    .any(|e| score::ends_org_name(&tokens, e))
            });
            if names_org && free(&span, &out) {
                out.push(Found::new(Kind::Text, note, span, phrase));
                k += len;
                break;
            }
        }
    }
    for (span, phrase) in lowercase_org_names(note, ws, opens_org, names) {
        if free(&span, &out) {
            out.push(Found::new(Kind::Text, note, span, phrase));
        }
    }
    out
}

/// Organisations' whole names written in lowercase, as speech-to-text and hurried notes write
/// them (`hertrampf bank`, `eastern delta water authority`): every word of one of its names of
/// two words or more, in order, one space apart, nothing capitalised. A name of two words needs
/// one that is no everyday word: `national partners` is a phrase before it is a company.
/// `opens_org` says of each of `ws` whether it may open such a name ([`opens_lowercase_org`]).
/// Returns each span and its text, longest names first, none overlapping.
fn lowercase_org_names<'t>(
    note: &'t Note,
    ws: &[Word],
    opens_org: &[bool],
    names: &EntityNames,
) -> Vec<(Range<usize>, &'t str)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let opens = opens_org.get(k).copied().unwrap_or(false);
        // The lowercase words from `k`, one space apart.
        let mut n = usize::from(opens);
        while opens
            && n < MAX_SPAN_WORDS
            && ws.get(k + n).is_some_and(|w| !w.capital)
            && ws.get(k + n - 1).is_some_and(|w| w.joined_to_next)
        {
            n += 1;
        }
        let hit = (2..=n).rev().find_map(|len| {
            let span = ws.get(k)?.span.start..ws.get(k + len - 1)?.span.end;
            let phrase = note.text.get(span.clone())?;
            let tokens = normalize::tokens(phrase);
            let key = normalize::key_of(&tokens);
            let distinctive = tokens.len() > 2 || tokens.iter().any(|t| !is_common_word(&t.key));
            let names_org = names.by_key(&key).any(|e| {
                e.kind == NoteKind::Org
                    && e.forms.iter().any(|f| f.key == key && f.tokens.len() >= 2)
            });
            (distinctive && names_org).then_some((span, phrase, len))
        });
        match hit {
            Some((span, phrase, len)) => {
                out.push((span, phrase));
                k += len;
            }
            None => k += 1,
        }
    }
    out
}

/// Cuts a run of name-like words into mention spans, longest first.
fn spans(
    note: &Note,
    run: &[&Word],
    (names, locals, heard): (&EntityNames, &[Vec<Token>], bool),
    writes_lowercase: &dyn Fn(&str) -> bool,
    cache: &mut HashMap<String, Option<ProseReach>>,
) -> Vec<Found> {
    let word_text = |w: &Word| note.text.get(w.span.clone()).unwrap_or("");
    let mut lo = 0;
    let mut hi = run.len();
    // A capital with a dot before more of the name is an initial (`A. Baptista`), never the
    // article: an article has no dot.
    let initial = |at: usize| {
        at + 1 < run.len()
            && one_letter(word_text(run[at]))
            && word_text(run[at]).chars().all(char::is_uppercase)
            && note
                .text
                .get(run[at].span.end..)
                .is_some_and(|after| after.starts_with('.'))
    };
    while lo < hi
        && (is_stopword(word_text(run[lo])) || is_particle(word_text(run[lo])))
        && !initial(lo)
    {
        lo += 1;
    }
    // A Roman numeral in capitals after a name the vault numbers (`Thutmose III`) is its
    // numeral, not the pronoun `I` nor a letter: `Thutmose I` is the first of the name and
    // `Ramesses V` the fifth, neither a mention of the third nor the second.
    let numeral = |at: usize| {
        let word = word_text(run[at]);
        at > 0
            && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
            && score::is_numeral(&word.to_ascii_lowercase())
            && {
                let key = normalize::name_key(word_text(run[at - 1]));
                names.by_token(&key).any(|e| score::numbers_after(e, &key))
            }
    };
    while hi > lo
        && (is_stopword(word_text(run[hi - 1])) || is_particle(word_text(run[hi - 1])))
        && !numeral(hi - 1)
    {
        hi -= 1;
    }
    // A word trimmed that is part of a name the vault has exactly (`May Baldwin`, `Seopa Ok`)
    // is kept: the whole name says it is no sentence word.
    let is_name = |from: usize, to: usize| {
        let text = note
            .text
            .get(run[from].span.start..run[to - 1].span.end)
            .unwrap_or("");
        names.is_a_name(text)
    };
    while lo > 0
        && lo < hi
        && (lo + 1..=hi.min(lo - 1 + MAX_SPAN_WORDS)).any(|to| is_name(lo - 1, to))
    {
        lo -= 1;
    }
    while hi < run.len()
        && lo < hi
        && ((hi + 1).saturating_sub(MAX_SPAN_WORDS).max(lo)..hi).any(|from| is_name(from, hi + 1))
    {
        hi += 1;
    }
    let mut out = Vec::new();
    let mut i = lo;
    while i < hi {
        // A connector joins the words of a name, it opens none (`of Akkad`).
        if is_connector(word_text(run[i])) {
            i += 1;
            continue;
        }
        let mut advanced = false;
        // The longest span that may start here: one word when the words after it are a whole
        // name the vault has (`Per BRENDA WHITE` is `Per` and Brenda White).
        let mut longest = MAX_SPAN_WORDS.min(hi - i);
        // Whether an honorific or a rank here opens a longer span: before a name the vault has
        // exactly it is none of it (`Empress Vlaakith the Eighth`, `Captain Stella Enrulon`),
        // and before another name it is part of it only as some name of the vault opens with
        // it (`Queen Regent`, `Ayatollah Ruhollah Khomeini` beside Ayatollah Khomeini; not
        // `Herr Müller`). `None` where the word is no title; worked out at the first span
        // here that reaches someone.
        let mut title_opens: Option<Option<bool>> = None;
        for len in (1..=MAX_SPAN_WORDS.min(hi - i)).rev() {
            if len > longest {
                continue;
            }
            let span = run[i].span.start..run[i + len - 1].span.end;
            let Some(text) = note.text.get(span.clone()) else {
                continue;
            };
            // A name after a saint's word (`St. Louis`, `St. Mary's Hospital`, `Saint Paul`,
            // `San Pablo`) is the saint's, or a town's or a building's named for them, not the
            // person of the vault called so; unless the vault has the whole name written after
            // it (`St. Thomas Aquinas` of Thomas Aquinas, `Saint Ives` of a guild so named).
            let saints = after_a_saints_word(note.text, span.start, names)
                || (len > 1 && is_saints_word(word_text(run[i]), names));
            if saints && !(len > 1 && names.is_a_name(text)) {
                continue;
            }
            // A connector joins only a name the vault has exactly (`Bank of America`), never
            // two names (`Yasmin Ahmed and Yasmin Ahmed`).
            if len > 1
                && run[i + 1..i + len]
                    .iter()
                    .any(|w| is_connector(word_text(w)))
                && !names.is_a_name(text)
            {
                continue;
            }
            if len > 1 && is_particle(word_text(run[i + len - 1])) {
                continue;
            }

            // Nor is the name without its numeral that name (`Thutmose` of `Thutmose I`).
            if i + len < hi && numeral(i + len) {
                continue;
            }
            let Some(reach) = cached_reach(text, names, locals, cache) else {
                continue;
            };
            // Whether the span is a whole name the vault has, which most tests below ask.
            let a_name = names.is_a_name(text);
            // A title opens a span the vault has as a name, or as `title_opens` says.
            if len > 1 && !a_name {
                let opens = *title_opens.get_or_insert_with(|| {
                    let word = word_text(run[i]);
                    (score::is_title_word(word))
                        .then(|| normalize::word_key(word))
                        .flatten()
                        .map(|k| {
                            names.opens_a_name(&k)
                                && !(i + 2..=hi.min(i + 1 + MAX_SPAN_WORDS))
                                    .any(|to| is_name(i + 1, to))
                        })
                });
                if opens == Some(false) {
                    continue;
                }
            }
            // A name the vault has inside a longer name it does not have is part of someone
            // else's name (see `in_a_strangers_name`): `Muhammad Ali` is no Ali of the vault.
            // A meeting's prose may be a transcript, where people's names run into the next
            // words and surnames are misheard (`Selin Wu` is Selin Vu): there the word after a
            // person's name says so only when it is no everyday word.
            // What reaches no one's whole name, an organisation's first words or a surname,
            // before other capitalised words of one name is another name there too (`Vistula
            // Power Group` beside a note on Vistula Energy Group, `Johnson Controls` beside
            // Mike Johnson).
            // A person's short name the vault has (`Liz`) is asked only about the word after
            // it: the word before may be a German noun (`Laut JP`, `Frage von Seb`).
            let short = a_name && a_persons_short_name(text, names);
            // Words of organisations' names that go on into another name, or close one (`the
            // Centrale Raad voor de Gezinsverzorging` beside Centrale Raad voor de
            // Volksgezondheid, `the Federal Board for Rail Transport` beside Rail Transport
            // Union).
            if len > 1
                && reach.only_orgs
                && !a_name
                && (longer_name::goes_on_as_another(note.text, (span.start, span.end), names)
                    || longer_name::follows_another(note.text, (span.start, span.end), names))
            {
                break;
            }
            if (!a_name || short)
                && in_a_strangers_name(
                    note,
                    run,
                    (lo, i, i + len, hi),
                    (names, locals, reach.surname, short),
                    cache,
                    (&out, heard && reach.whole_person),
                )
            {
                break;
            }
            if !reach.exact && len >= 3 && is_name(i + 1, i + len) {
                longest = 1;
                continue;
            }
            // An everyday word in lowercase is no part of a name it does not spell exactly
            // (`Kazuya said` is Kazuya), nor of one it spells only with everyday words in
            // lowercase on a line that capitalises (`At dawn field crews start`, `Mark field
            // values`, `We bill price per unit`, beside people called so): there the writer
            // capitalises names. A line in lowercase throughout (`grace park: hello all`, a
            // transcript's) says nothing by it. So is one everyday word in lowercase on such a
            // line, even a note's whole title (`maintain contact via email` beside a `Contact`
            // an importer made of an address).
            // Read twice at most, and only here: no list is built for every span tried.
            let lowercase = || {
                (run[i..i + len].iter())
                    .filter(|w| !w.capital)
                    .map(|w| word_text(w))
                    .filter(|word| !is_particle(word))
            };
            let everyday_only = || {
                let mut named = lowercase().filter(|word| !is_connector(word)).peekable();
                named.peek().is_some() && named.all(is_common_word)
            };
            if match (len, reach.exact) {
                (1, _) => {
                    !run[i].capital && everyday_only() && line_capitalises(note, run[i].span.start)
                }
                (_, false) => lowercase().any(is_common_word),
                (_, true) => everyday_only() && line_capitalises(note, run[i].span.start),
            } {
                continue;
            }
            // Across an ampersand, only a name the vault has exactly (`Okafor & Sons`), never
            // two names (`Ada & Bo`).
            if !reach.exact && text.contains(" & ") {
                continue;
            }
            // Across a comma, only a whole name written surname first (`Zięcik, Łukasz`, `de
            // Vries, Mohan`), never a name and the next word or name of a list (`Igal, UKMAT`,
            // `Tony B, Jonathan B`, `Kelly, Ryan and Morgan`).
            if let Some((surname, _)) = text.split_once(',') {
                let surname_words = surname
                    .split_whitespace()
                    .filter(|w| !is_particle(w))
                    .count();
                if !reach.exact || surname_words != 1 || ends_a_list_of_words(note, span.end) {
                    continue;
                }
            }
            // A capitalised sentence opener that only sounds like a name, and that the note
            // also writes in lowercase or that is an everyday word, is an ordinary word
            // (`Working`, `Align`, `Need`).
            if len == 1 && !reach.exact && {
                let lower = text.to_lowercase();
                (run[i].sentence_start && writes_lowercase(&lower)) || is_common_word(&lower)
            } {
                continue;
            }
            // An everyday word opening a sentence before an article or a possessive (`Chase the
            // vendor`, `Mark the date`, `Will the budget hold?`) is a verb, not a name.
            if len == 1
                && run[i].sentence_start
                && is_common_word(&text.to_lowercase())
                && followed_by_a_determiner(note, span.end)
            {
                continue;
            }
            // An acronym's plural (`RWAs`, `KPIs`) is a term, spelled as written or nothing: it
            // never names someone by sound (`RWAs` ~ Ryse); nor does a word with capitals run
            // together inside it (`GenAI` ~ Jenny, `AutoML`), as no name is written.
            if len == 1 && !reach.exact && (is_plural_acronym(text) || inner_capitals(text)) {
                continue;
            }
            // A name before a colour's word in lowercase (`Hunter green`, `Kelly green`, `Rose
            // gold`) names the colour, not the person called so.
            if len == 1 && !a_name && followed_by_colour(note, span.end) {
                continue;
            }
            // A name's word before a word for a family (`the Halloway family`, `Vess heirs`,
            // `the Qin dynasty`, whose surname opens Qin Shi Huang) names the family, not the
            // one of them who has a note; a given name's possessive (`Kyron's family`) names
            // them.
            let possessive = qualifier::is_possessive(text);
            if len == 1 && (reach.surname || !possessive) && followed_by_kin(note, span.end) {
                continue;
            }
            // A name's possessive before what is named for someone (`Conway's law`, `Parkinson's
            // disease`, `Brooks' law`, `Occam's razor`) names that, not the person of the vault
            // whose surname it is; a note titled with the word alone is theirs (`Hammurabi's
            // laws` of Hammurabi).
            if len == 1
                && names_an_eponym(note, text, span.end)
                && !names.is_a_name(normalize::without_possessive(text))
            {
                continue;
            }
            // A rank alone before `of` and a name (`the King of [[Grekosha]]`, `the Shah of
            // Persia`) names an office, whoever holds it: not the one of that rank who has a
            // note (King Berrigan of another kingdom, a Shah of another century).
            if len == 1 && !a_name && names_an_office(note, text, span.end) {
                continue;
            }
            // A word the words around it make a place's name (`Lake Balaton`, `the Tatra
            // mountains`) names the place, not the company or the person called so.
            if len == 1 && super::place_words::names_a_place(note.text, span.clone()) {
                continue;
            }
            // A name people have where the words around it make it a town's (`the regulator
            // in Jordan`, `in Georgia and Jordan`, `the Adelaide office`): the town, not the
            // person called so. A note titled with the word (`Lucy`, `Chusuqama`) is named as
            // written, and a word an organisation's name has may be theirs there (`the
            // Victoria office` of Victoria Rovers FC, `a bug in Beacon`), unless it is a
            // place's name after `in` (`in Jordan` beside Jordan Foods).
            let town = (len == 1 && !reach.only_orgs && !a_name)
                .then(|| super::place_words::names_a_town(note.text, span.clone()))
                .flatten();
            if let Some(town) = town {
                let key = normalize::word_key(text).unwrap_or_default();
                if (town == Town::In && places::is_place(&key))
                    || !names.by_token(&key).any(|e| e.kind == NoteKind::Org)
                {
                    continue;
                }
            }
            // A word in lowercase after a number is its unit (`31 min`), not Zhang Min.
            if len == 1 && !run[i].capital && after_a_number(note.text, span.start) {
                continue;
            }
            // A word opening a heading that only sounds like a name, before a word in
            // lowercase, is the heading's word (`## Temas tratados`, not Tomás).
            if len == 1 && !reach.exact && opens_a_heading_phrase(note.text, span.clone()) {
                continue;
            }
            // A month beside a number is a date (`moved to Jan 15`), not the name Jan.
            if len == 1 && crate::dates::names_a_date(note.text, span.clone()) {
                continue;
            }
            // A capitalised word just after an article is a noun (`to the Judge`, `an den
            // Richter`) or the thing a name qualifies (`the Ponzi scheme`), not a person by
            // their surname (Tom Judge, Thomas Richter). A one-word name (`the Wren`) or a
            // title opening one (`the Shah` of Shah Mohammad Reza Pahlavi) may be called so.
            // Words in lowercase or in capitals have tests of their own.
            if len == 1
                && reach.surname
                && run[i].capital
                && !normalize::is_all_caps(text)
                && !reach.only_orgs
                && !a_name
                && follows_an_article(note.text, span.start)
            {
                continue;
            }
            // One word written just before a link (`Marshal [[Odile Brant]]`, `a sergeant
            // [[Pell]]`) is a title or a name of whom the link names, not a mention of its own;
            // a possessive (`Odile's [[Lantern]]`) still names its owner.
            if len == 1
                && !qualifier::is_possessive(text)
                && note
                    .text
                    .get(span.end..)
                    .is_some_and(|after| after.trim_start_matches(' ').starts_with("[["))
            {
                continue;
            }
            // `Gosia Thorsen` names Gosia, not whoever else is called Thorsen: a surname keeps
            // the capitalised word before it, but not across an ampersand (`Graeber & Wengrow`
            // are two people).
            let after_ampersand = i > lo
                && (note.text.get(run[i - 1].span.end..run[i].span.start))
                    .is_some_and(|gap| gap.contains('&'));
            // An organisation's later words after another name and an ampersand are that
            // other firm's (`Klausen & Søn ApS` beside a note on Rasmussen & Søn ApS).
            if reach.surname && reach.only_orgs && after_ampersand {
                continue;
            }
            let joins_before =
                reach.surname && i > lo && !after_ampersand && !is_connector(word_text(run[i - 1]));
            // `President George Herbert Walker Bush`: a surname going on with a whole name the
            // vault has makes a longer name, someone else's (his grandson's), neither the name's
            // owner nor whoever else is called so.
            if joins_before
                && len == 1
                && in_one_name(note, run[i - 1], run[i])
                && out.last().is_some_and(|f: &Found| {
                    f.span.end == run[i - 1].span.end && names.is_a_name(&f.text)
                })
            {
                out.pop();
                i += len;
                advanced = true;
                break;
            }
            // `Ngozi Obi`, where Ngozi is someone else's given name and no note has the whole
            // name: the given name before, taken as a mention of its own, and the surname are
            // one stranger's name, not two mentions (nor Obi one of the Obis the vault has).
            let before = (joins_before && len == 1 && run[i].capital)
                .then(|| run[i - 1])
                .filter(|w| out.last().is_some_and(|f: &Found| f.span == w.span));
            if before.is_some_and(|w| {
                let given = word_text(w);
                name_like(given)
                    && in_one_name(note, w, run[i])
                    && !names.is_a_name(given)
                    && cached_reach(given, names, locals, cache)
                        .is_some_and(|r| r.whole_person && !r.surname)
                    && !part_of_whose_surname(given, text, names)
            }) {
                out.pop();
            }
            let keeps_before = joins_before && !consumed_before(&out, run[i - 1]);
            let start = if keeps_before {
                run[i - 1].span.start
            } else {
                span.start
            };
            let span = start..span.end;
            let text = note.text.get(span.clone()).unwrap_or(text);
            let mut found = Found::new(Kind::Text, note, span, text);
            found.opens_sentence = len == 1 && start == run[i].span.start && run[i].sentence_start;
            out.push(found);
            i += len;
            advanced = true;
            break;
        }
        if !advanced {
            i += 1;
        }
    }
    out
}

/// True for the lowercase words that join the words of an organisation's name (`Bank of
/// America`, `Marks and Spencer`, `Council on Foreign Relations`, `Bank of the West`).
fn is_connector(word: &str) -> bool {
    matches!(word, "of" | "and" | "for" | "on" | "the")
}

/// Every word the text writes starting in lowercase.
fn lowercase_words(text: &str) -> HashSet<&str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect()
}

/// True when `word` is two capitals or more and a final lowercase `s` (`RWAs`, `KPIs`).
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|caps| caps.len() >= 2 && caps.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Words for what is named for someone after their possessive, lowercase, sorted (`Conway's
/// law`, `Parkinson's disease`, `Occam's razor`).
const EPONYMS_WORDS: &[&str] = &[
    "conjecture",
    "constant",
    "disease",
    "hypothesis",
    "law",
    "laws",
    "paradox",
    "principle",
    "razor",
    "syndrome",
    "theorem",
];

/// Words after `law` that make it the first word of another noun (`Dana's law firm`), lowercase,
/// sorted: the law is then the person's, not named for them.
const LAW_COMPOUNDS: &[&str] = &[
    "career", "class", "clerk", "degree", "exam", "firm", "firms", "office", "partner", "practice",
    "school", "student", "students",
];

/// True when `word`, ending at byte `end` of the note, is a possessive (`Conway's`, `Brooks'`)
/// followed by one of [`EPONYMS_WORDS`]: what is named for someone (`Conway's law`).
fn names_an_eponym(note: &Note, word: &str, end: usize) -> bool {
    let after = note.text.get(end..).unwrap_or("");
    let apostrophe = after.strip_prefix(['\'', '’']);
    if !qualifier::is_possessive(word) && apostrophe.is_none_or(|_| !word.ends_with('s')) {
        return false;
    }
    let Some(rest) = apostrophe.unwrap_or(after).strip_prefix(' ') else {
        return false;
    };
    let eponym = leading_word(rest).to_lowercase();
    EPONYMS_WORDS.binary_search(&eponym.as_str()).is_ok()
        && (eponym != "law"
            || (rest.get(eponym.len()..).and_then(|r| r.strip_prefix(' '))).is_none_or(|r| {
                LAW_COMPOUNDS
                    .binary_search(&leading_word(r).to_lowercase().as_str())
                    .is_err()
            }))
}

/// Words for a family or some of its members, lowercase, sorted.
const KIN_WORDS: &[&str] = &[
    "brothers",
    "children",
    "clan",
    "cousins",
    "dynasty",
    "estate",
    "families",
    "family",
    "heirs",
    "household",
    "kids",
    "manor",
    "parents",
    "siblings",
    "sisters",
    "twins",
];

/// The ASCII letters that open `text` (the next word, where `text` starts with it).
fn leading_word(text: &str) -> &str {
    text.find(|c: char| !c.is_ascii_alphabetic())
        .map_or(text, |at| &text[..at])
}

/// Colours a name opens the name of (`Hunter green`, `Rose gold`), lowercase, sorted.
const COLOUR_WORDS: &[&str] = &[
    "black", "blue", "brown", "gold", "gray", "green", "grey", "orange", "pink", "purple", "red",
    "silver", "white", "yellow",
];

/// True when the word after byte `end` of the note, past one space, is one of [`COLOUR_WORDS`]
/// written in lowercase and ending there (`Hunter green is`, not `Hunter green-lit it`).
fn followed_by_colour(note: &Note, end: usize) -> bool {
    let Some(after) = note.text.get(end..).and_then(|a| a.strip_prefix(' ')) else {
        return false;
    };
    let word = leading_word(after);
    COLOUR_WORDS.binary_search(&word).is_ok()
        && !after[word.len()..].starts_with(|c: char| c == '-' || c.is_alphanumeric())
}

/// True when `word` has two capitals in a row after a lowercase letter (`GenAI`, `AutoML`).
fn inner_capitals(word: &str) -> bool {
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        let mut after = chars.clone();
        if c.is_lowercase()
            && after.next().is_some_and(char::is_uppercase)
            && after.next().is_some_and(char::is_uppercase)
        {
            return true;
        }
    }
    false
}

/// True when a number and one space come just before byte `start` of `text` (`31 min`).
fn after_a_number(text: &str, start: usize) -> bool {
    (text.get(..start).and_then(|b| b.strip_suffix(' ')))
        .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
}

/// True when the word at `span` of `text` opens a heading (`## Temas tratados`) and a word in
/// lowercase comes after it.
fn opens_a_heading_phrase(text: &str, span: Range<usize>) -> bool {
    let line_start = text
        .get(..span.start)
        .map_or(0, |b| b.rfind('\n').map_or(0, |i| i + 1));
    let opens = (text.get(line_start..span.start)).is_some_and(|before| {
        let marks = before.trim_end_matches(' ');
        marks.len() < before.len() && !marks.is_empty() && marks.bytes().all(|b| b == b'#')
    });
    let lowercase_after = (text.get(span.end..).and_then(|a| a.strip_prefix(' ')))
        .is_some_and(|a| a.starts_with(char::is_lowercase));
    opens && lowercase_after
}

/// True when the word after byte `end` of the note, past spaces, is one of [`KIN_WORDS`].
fn followed_by_kin(note: &Note, end: usize) -> bool {
    let after = note.text.get(end..).unwrap_or("").trim_start_matches(' ');
    KIN_WORDS.binary_search(&leading_word(after)).is_ok()
}

/// True when `word`, ending at byte `end` of the note, is a rank or a sovereign's title
/// ([`particles::is_office`]) followed by `of` and a name (`King of [[Grekosha]]`, `Shah of
/// Persia`): the title of an office, not a name.
fn names_an_office(note: &Note, word: &str, end: usize) -> bool {
    let after = note.text.get(end..).unwrap_or("");
    after
        .strip_prefix(" of ")
        .is_some_and(|name| name.starts_with(char::is_uppercase) || name.starts_with("[["))
        && particles::is_office(&word.to_lowercase())
}

/// Words for a saint before their name, as written, sorted: `St. Louis`, `Sainte Anne`, `San
/// Pablo`, `São Paulo`, `Sankt Gallen`.
const SAINTS_WORDS: &[&str] = &[
    "Saint", "Sainte", "San", "Sankt", "Sant", "Santa", "Santo", "Sao", "Sint", "St", "Ste", "São",
];

/// True when `word`, as written, is one of [`SAINTS_WORDS`] and no word of a person's name the
/// vault has, which it is there (`Sant` of Shaurya Sant, `Saint` of Saint Rhea the Martyr).
fn is_saints_word(word: &str, names: &EntityNames) -> bool {
    SAINTS_WORDS.binary_search(&word).is_ok()
        && names
            .by_token(&normalize::name_key(word))
            .all(|e| e.kind != NoteKind::Person)
}

/// True when the word before byte `start` of `text`, past one space and an abbreviation's dot,
/// is a saint's word ([`is_saints_word`]): `St. ` of `St. Louis`.
fn after_a_saints_word(text: &str, start: usize, names: &EntityNames) -> bool {
    let Some(before) = text.get(..start).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let before = before.strip_suffix('.').unwrap_or(before);
    is_saints_word(super::place_words::last_word(before), names)
}

/// Articles and possessive determiners, lowercase, sorted: what a verb opening a sentence has
/// after it (`Chase the vendor`), and a name rarely does.
const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "these", "this", "those",
    "your",
];

/// True when the word after byte `end` of the note, past one space, is one of [`DETERMINERS`].
fn followed_by_a_determiner(note: &Note, end: usize) -> bool {
    (note.text.get(end..).and_then(|a| a.strip_prefix(' ')))
        .is_some_and(|after| DETERMINERS.binary_search(&leading_word(after)).is_ok())
}

/// True when the words ending at `end` are followed by the last item of a list of single words,
/// `and` and one capitalised word (`Kelly, Ryan and Morgan`, `Morgan, Ryan and I`): the words
/// either side of the comma before are items of that list, not a name written surname first.
/// An author list goes on with a whole name (`Acemoglu, Daron, and James Robinson`), an initial
/// (`and J. Robinson`) or another name written surname first (`and Jones, Kate`).
fn ends_a_list_of_words(note: &Note, end: usize) -> bool {
    let after = note.text.get(end..).unwrap_or("");
    let after = after.strip_prefix(',').unwrap_or(after);
    let Some(item) = [" and ", " & ", " or "]
        .iter()
        .find_map(|joint| after.strip_prefix(joint))
    else {
        return false;
    };
    let word_end = item
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(item.len());
    let (word, rest) = item.split_at(word_end);
    let one_word = word.chars().next().is_some_and(char::is_uppercase)
        && (word.chars().count() > 1 || word == "I");
    let name_goes_on = rest.starts_with([',', '-', '\''])
        || rest
            .strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase);
    one_word && !name_goes_on
}

/// Articles, English and German (whose nouns are capitalised), sorted: a capitalised word just
/// after one is a noun or the name of a thing (`the Judge`, `den Richter`, `A Baker`).
const ARTICLES: &[&str] = &[
    "A", "An", "Das", "Dem", "Den", "Der", "Die", "Ein", "Eine", "Einem", "Einen", "Einer",
    "Eines", "The", "a", "an", "das", "dem", "den", "der", "die", "ein", "eine", "einem", "einen",
    "einer", "eines", "the",
];

/// True when the word at `start` of `text` follows an article ([`ARTICLES`]) and a space, one
/// that is no particle of a name (`van der Berg`, `van den Heuvel`).
fn follows_an_article(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let at = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let (rest, word) = before.split_at(at);
    let particle_before = rest
        .strip_suffix(' ')
        .and_then(|r| r.rsplit(' ').next())
        .is_some_and(is_particle);
    ARTICLES.binary_search(&word).is_ok() && !particle_before
}

/// True when `given`, one word, agrees with a name part (spelled alike, sounding alike, or a
/// nickname of it) of one of the entities `surname` reaches: `Francisco García` may be Francisco
/// Javier García López, `Chico Martins` Francisco Martins, but `Ngozi Obi` no Obi of the vault.
fn part_of_whose_surname(given: &str, surname: &str, names: &EntityNames) -> bool {
    let given = names.parts_of(given);
    let [given] = &given[..] else {
        return false;
    };
    names
        .candidates(&names.parts_of(surname), None, |_| false)
        .iter()
        .flat_map(|e| e.forms.iter().flat_map(|f| &f.tokens))
        .any(|part| score::compare(given, part).agrees())
}

/// True when `word`, written in a transcript just after the span of `run[from..to]`, may
/// belong with the people that span names rather than open a stranger's surname: it is a part
/// of a name the vault has (two people run together), or near a part of a name the span's
/// words are parts of, alone (`Selin Wu` misheard for Selin Vu) or joined to the span's last
/// word (`Oluwa Sean` for Oluwaseun). The answer depends on the two and the vault's names
/// alone: it is memoised across notes ([`crate::names::keys::WordMemos`]).
fn may_be_named_with(
    word: &str,
    run: &[&Word],
    (from, to): (usize, usize),
    note: &Note,
    names: &EntityNames,
) -> bool {
    let span = note
        .text
        .get(run[from].span.start..run[to - 1].span.end)
        .unwrap_or("");
    let key = format!("{span}\0{word}");
    (names.word_memos().named_with).get_or(&key, || named_with(word, span, names))
}

/// True when someone the words of `span` are parts of has the two words that follow it among
/// the other parts of their name, each written or misheard, or the two run together as one of
/// them (`Jung Ji Woo` for Jung Ji-woo): see `in_a_strangers_name`.
fn named_with_both((first, second): (&str, &str), span: &str, names: &EntityNames) -> bool {
    let (Some(first), Some(second)) = (Token::new(first), Token::new(second)) else {
        return true;
    };
    let joined = Token::new(&format!("{}{}", first.key, second.key));
    names.parts_of(span).iter().any(|part| {
        names.by_token(&part.key).any(|entity| {
            let theirs =
                || (entity.forms.iter().flat_map(|f| &f.tokens)).filter(|p| p.key != part.key);
            let fits = |word: &Token| theirs().any(|p| score::could_be_misheard(word, p));
            let spells = |word: &Token| theirs().any(|p| score::compare(word, p).agrees());
            fits(&first) && fits(&second) || joined.as_ref().is_some_and(spells)
        })
    })
}

/// [`may_be_named_with`], computed.
fn named_with(word: &str, span: &str, names: &EntityNames) -> bool {
    let Some(written) = Token::new(word) else {
        return true;
    };
    if names.has_part(&written) {
        return true;
    }
    let parts = names.parts_of(span);
    let joined = parts
        .last()
        .and_then(|last| Token::new(&format!("{}{}", last.key, written.key)));
    parts.iter().any(|part| {
        names.by_token(&part.key).any(|entity| {
            let mut theirs = entity.forms.iter().flat_map(|f| &f.tokens);
            // The span's own part aside: a word joined to it begins alike.
            theirs.any(|p| {
                p.key != part.key
                    && (score::could_be_misheard(&written, p)
                        || (joined.as_ref()).is_some_and(|j| score::could_be_misheard(j, p)))
            })
        })
    })
}

/// True when `word` is a compound whose hyphen joins a lowercase word (`Okonkwo-style`): it
/// describes what follows, as no surname does (`Okonkwo-Smith`).
fn modifies_what_follows(word: &str) -> bool {
    word.split('-')
        .skip(1)
        .any(|part| part.starts_with(|c: char| c.is_lowercase()))
}

fn consumed_before(found: &[Found], word: &Word) -> bool {
    found.last().is_some_and(|f| f.span.end > word.span.start)
}

/// True when the span of `run[from..to]` (its words from `lo` to `hi` being the run's prose)
/// is part of a longer name nobody of the vault has (`Robert Shaw`, `John H. Miller`, `James D.
/// Murray`, beside a note on Robert Axelrod): a capitalised word of the same name
/// ([`in_one_name`]) follows it, past any initials, and the longer span reaches nobody and
/// begins no name the vault has; or a name-like word ([`name_like`]) comes before it that no
/// mention in `found` took. Only initials after a name end one written surname first (`Arthur
/// W. B.`). The word just after may be an everyday word: typed prose capitalises one inside a
/// sentence as part of a name (`Lorenz Equations`, `the Whisperwind Quill`). A span that
/// reaches a name by its surname (`surname`) keeps the word before it (see [`spans`]), so only
/// the word after is asked about, and so is only the word after with `after_only`. In
/// `transcript`, a meeting's prose that may be one, a
/// person's name runs into the next words (`Alex Going forward`): there only a name-like word
/// after it is part of a longer name (`Alex Barrera`), and one that is the person's surname
/// misheard (`Selin Wu` for Selin Vu) makes a longer span that reaches them.
fn in_a_strangers_name(
    note: &Note,
    run: &[&Word],
    (lo, from, to, hi): (usize, usize, usize, usize),
    (names, locals, surname, after_only): (&EntityNames, &[Vec<Token>], bool, bool),
    cache: &mut HashMap<String, Option<ProseReach>>,
    (found, transcript): (&[Found], bool),
) -> bool {
    let word_text = |w: &Word| note.text.get(w.span.clone()).unwrap_or("");
    let word_text_span = |from: usize, to: usize| {
        (note.text.get(run[from].span.start..run[to - 1].span.end)).unwrap_or("")
    };
    let is_name = |from: usize, to: usize| {
        note.text
            .get(run[from].span.start..run[to - 1].span.end)
            .is_some_and(|text| names.is_a_name(text))
    };
    let initial = |w: &Word| one_letter(word_text(w));
    let particle = |k: usize| is_particle(word_text(run[k]));
    // A name-like word after `run[k]` in the same name, where none of the span's people has
    // both words among the other parts of their name, written or misheard, and the span through
    // it reaches nobody: a misheard surname explains one word, not two (`Nguyễn Thị Lan` is no
    // Nguyễn Tiến Dũng; `Phạm Hoàng Lan` is Phạm Hoàng Long).
    let goes_on_unnamed = |k: usize, cache: &mut HashMap<String, Option<ProseReach>>| {
        k + 1 < hi
            && name_like(word_text(run[k + 1]))
            && in_one_name(note, run[k], run[k + 1])
            && !named_with_both(
                (word_text(run[k]), word_text(run[k + 1])),
                word_text_span(from, to),
                names,
            )
            && note
                .text
                .get(run[from].span.start..run[k + 1].span.end)
                .is_none_or(|longer| cached_reach(longer, names, locals, cache).is_none())
    };
    let mut next = to;
    while next + 1 < hi && initial(run[next]) && in_one_name(note, run[next], run[next + 1]) {
        next += 1;
    }
    // Particles after the span (`Pieter van den Berg`) lead to the surname they belong to.
    let mut past = next;
    while past + 1 < hi && particle(past) && in_one_name(note, run[past], run[past + 1]) {
        past += 1;
    }
    if past > next && run[past].capital {
        next = past;
    }
    let after = next < hi
        && {
            let w = run[next];
            // The word that ends an organisation's name of the vault (`Borroni Networks`), in a
            // transcript too: no surname misheard, nor a second person.
            let org = next == to && transcript && closes_an_org_name(word_text(w), names);
            !initial(w)
            // Past initials, an everyday word opens what follows (`Arthur W. B. American
            // Economic Review`).
            && if next == to && !transcript {
                continues_a_name(word_text(w))
            } else {
                org || name_like(word_text(w)) && !(transcript && modifies_what_follows(word_text(w)))
            }
            && in_one_name(note, run[next - 1], w)
            && !(next + 1..=hi.min(next + MAX_SPAN_WORDS)).any(|end| is_name(next, end))
            && note
                .text
                .get(run[from].span.start..w.span.end)
                .is_none_or(|longer| cached_reach(longer, names, locals, cache).is_none())
            && (org
                || !(transcript
                    && (cached_reach(word_text(w), names, locals, cache).is_some()
                        || may_be_named_with(word_text(w), run, (from, to), note, names))
                    && !goes_on_unnamed(next, cache)))
        };
    // Particles before the span (`Berg` or `den Berg` of `Pieter van den Berg`) belong to the
    // name the word before them opens, also when the span reaches a name by its surname.
    let mut first = from;
    while first > lo && particle(first - 1) && in_one_name(note, run[first - 1], run[first]) {
        first -= 1;
    }
    let before = !after_only && (!surname || first < from) && first > lo && {
        let w = run[first - 1];
        name_like(word_text(w)) && in_one_name(note, w, run[first]) && !consumed_before(found, w)
    };
    after || before
}

/// True when the one word `text` is a name only as people of longer names are called (`Liz`,
/// Elizabeth Gray's alias): before a surname not theirs it is a stranger's name (`Liz Harrow`)
/// as another given name is. A one-word title (`Jürgen`) and an organisation's name are
/// whole names, whatever follows them.
fn a_persons_short_name(text: &str, names: &EntityNames) -> bool {
    !text.contains(' ')
        && names
            .by_key(&normalize::name_key(text))
            .all(|e| e.kind == NoteKind::Person && e.title.contains(' '))
}

/// [`names_someone`], remembered in `cache` for the note's spans.
fn cached_reach(
    text: &str,
    names: &EntityNames,
    locals: &[Vec<Token>],
    cache: &mut HashMap<String, Option<ProseReach>>,
) -> Option<ProseReach> {
    if let Some(reach) = cache.get(text) {
        return *reach;
    }
    let reach = names_someone(text, names, locals);
    cache.insert(text.to_string(), reach);
    reach
}

/// True when `next` follows `word` as the next word of one name: after a space, or after the
/// dot of an initial (`D. Murray`), not across a comma (`Before joining Kairos, Gaurav`) nor
/// after a possessive, which ends a name (`Norbert Wiener's Cybernetics`).
fn in_one_name(note: &Note, word: &Word, next: &Word) -> bool {
    if note
        .text
        .get(word.span.clone())
        .is_some_and(qualifier::is_possessive)
    {
        return false;
    }
    let gap = note.text.get(word.span.end..next.span.start).unwrap_or(",");
    let initial = note.text.get(word.span.clone()).is_some_and(one_letter);
    let gap = if initial {
        gap.strip_prefix('.').unwrap_or(gap)
    } else {
        gap
    };
    !gap.is_empty() && gap.chars().all(|c| c == ' ')
}

/// True when `word` is one letter (an initial, `H` of `John H. Miller`).
fn one_letter(word: &str) -> bool {
    word.chars().nth(1).is_none()
}

/// True when a capitalised `word` of a run reads as part of a person's name: no stopword,
/// particle, honorific or everyday word (`Shaw`, `Krakauer`, an initial `H`; not `About`,
/// `Budget`, `Dr`).
fn name_like(word: &str) -> bool {
    continues_a_name(word) && !is_common_word(&word.to_lowercase())
}

/// True when a capitalised `word` ends the name of several words of some organisation of the
/// vault (`Networks`, `Telecom`): after another capitalised word, in a transcript too, the two
/// are an organisation's name (`Borroni Networks`), whatever the first word sounds like.
fn closes_an_org_name(word: &str, names: &EntityNames) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && normalize::word_key(word).is_some_and(|key| names.closes_an_org_name(&key))
}

/// True when a capitalised `word` after a name may continue it: no stopword, particle or
/// honorific (`Shaw`, `Equations`; not `And`, `Dr`).
fn continues_a_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().next().is_some_and(char::is_uppercase)
        && !is_stopword(word)
        && !is_particle(&lower)
        && !is_honorific(&lower)
}

/// How `text` could name an entity of the vault or a name the note writes (see [`reach`]); the
/// vault's part is memoised across notes.
fn names_someone(text: &str, names: &EntityNames, locals: &[Vec<Token>]) -> Option<ProseReach> {
    let in_vault = names
        .prose_memo()
        .get_or(text, || reach(text, &names.parts_of(text), names, &[]));
    // Names without a note are people's: they change nothing of a best reach of a person.
    if locals.is_empty() || in_vault.is_some_and(|r| r.is_best() && !r.only_orgs) {
        return in_vault;
    }
    let in_note = reach_locals(text, &names.parts_of(text), locals);
    match (in_vault, in_note) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    fn index() -> VaultIndex {
        VaultIndex::build(
            Settings::default(),
            [
                ("People/Jason Vallery.md", "---\ntype: people\n---\n"),
                ("People/Yasmin Ahmed.md", "---\ntype: people\n---\n"),
                ("People/Niko Dukic.md", "---\ntype: people\n---\n"),
                ("Meetings/Old.md", "---\ntype: meeting\n---\n"),
            ],
        )
    }

    fn texts(found: &[Found]) -> Vec<(Kind, &str)> {
        found.iter().map(|f| (f.kind, f.text.as_str())).collect()
    }

    /// A vault of people notes titled `names`.
    fn people(names: &[&str]) -> VaultIndex {
        let paths: Vec<String> = names.iter().map(|n| format!("People/{n}.md")).collect();
        VaultIndex::build(
            Settings::default(),
            paths
                .iter()
                .map(|p| (p.as_str(), "---\ntype: people\n---\n")),
        )
    }

    /// The texts of the prose mentions of a note at `path` holding `text`; `heard` as for
    /// [`prose`].
    fn prose_texts(index: &VaultIndex, path: &str, text: &str, heard: bool) -> Vec<String> {
        let note = Note::parse(path, text);
        let found = prose(&note, index.entity_names(), &[], &[], heard);
        found.into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn a_surname_going_on_with_a_whole_name_makes_a_longer_one() {
        let index = people(&["George Herbert Walker", "Samuel Bush", "Ana Lima"]);
        let found = |text: &str| prose_texts(&index, "Notes/Family.md", text, false);
        assert!(found("President George Herbert Walker Bush spoke.\n").is_empty());
        // Apart, they are two mentions.
        assert_eq!(
            found("George Herbert Walker met Bush in May.\n"),
            ["George Herbert Walker", "Bush"]
        );
        assert_eq!(found("Ana Lima, Bush and I met.\n"), ["Ana Lima", "Bush"]);
    }

    #[test]
    fn a_name_opening_a_colours_name_is_the_colour() {
        let index = people(&["Hunter Cole", "Rose Okafor"]);
        let found = |text: &str| prose_texts(&index, "Notes/Brand.md", text, false);
        assert!(found("Hunter green is the new brand colour.\n").is_empty());
        assert!(found("The case comes in Rose gold.\n").is_empty());
        assert_eq!(found("Hunter green-lit the budget.\n"), ["Hunter"]);
        assert_eq!(
            found("Ask Hunter Cole about green energy.\n"),
            ["Hunter Cole"]
        );
    }

    #[test]
    fn a_japanese_honorific_after_a_name_is_no_part_of_it() {
        let index = people(&["Takahashi Ren", "Sachiko Mori"]);
        let found = |text: &str| prose_texts(&index, "Notes/Call.md", text, false);
        assert_eq!(
            found("We asked Takahashi-san about the budget.\n"),
            ["Takahashi"]
        );
        assert_eq!(found("Mori-sensei agreed.\n"), ["Mori"]);
        // A word that only ends so is whole.
        assert!(found("We met in Osan today.\n").is_empty());
    }

    #[test]
    fn a_name_glued_to_speech_is_cut_only_at_a_timestamped_speaker_label() {
        let index = people(&["Hope Marsh", "Jason Vallery", "Marc Petit"]);
        let found = |text: &str| prose_texts(&index, "Meetings/Sync.md", text, true);
        // `Marshall` is a surname of its own, not Marsh glued to `all`, outside a label.
        for text in [
            "Hope Marshall from procurement joined late.\n",
            "[00:15:06] Speaker 2: Hope Marshall from procurement\n",
        ] {
            assert!(found(text).iter().all(|t| t != "Hope Marsh"), "{text}");
        }
        // A given name the tables know is a whole word: `Marcus` is no Marc glued to `us`.
        assert!(found("[00:01:02] Marcus agreed.\n")
            .iter()
            .all(|t| t != "Marc"));
        // Where a timestamped transcript writes its speaker's label, the label is cut off.
        assert_eq!(
            found("[00:15:06.88]  Jason Valleryof office recently\n"),
            ["Jason Vallery"]
        );
        // Not in the middle of speech.
        assert!(found("[00:15:06.88]  we asked Jason Valleryof it\n")
            .iter()
            .all(|t| t != "Jason Vallery"));
    }

    #[test]
    fn a_place_or_a_date_the_words_around_make_is_no_mention() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Jan Novak.md", "---\ntype: people\n---\n"),
                ("Orgs/Balaton Foods.md", "---\ntype: organization\n---\n"),
            ],
        );
        let found = |text: &str| prose_texts(&index, "Notes/Offsite.md", text, false);
        assert_eq!(
            found("The offsite is at a hotel on Lake Balaton, moved to Jan 15.\n"),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Balaton sent the menu and Jan approved it.\n"),
            ["Balaton", "Jan"]
        );
    }

    #[test]
    fn a_capital_with_a_dot_before_a_name_is_an_initial_not_the_article() {
        let index = people(&["Amara Quist", "Bruno Quist"]);
        let found = |text: &str| prose_texts(&index, "Notes/Sync.md", text, false);
        assert_eq!(found("I think A. Quist has the draft.\n"), ["A. Quist"]);
        assert_eq!(found("A. Quist has the draft.\n"), ["A. Quist"]);
        // Without its dot, the capital is the article.
        let article = found("A Quist report came.\n");
        assert!(!article.iter().any(|t| t.starts_with('A')), "{article:?}");
    }

    #[test]
    fn a_given_name_belongs_with_a_surname_only_of_someone_it_reaches() {
        let person = "---\ntype: people\n---\n";
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Chinedu Obi.md", person),
                ("People/Francisco Javier García López.md", person),
                ("People/Ngozi Eze.md", person),
            ],
        );
        let names = index.entity_names();
        assert!(part_of_whose_surname("Chinedu", "Obi", names));
        assert!(part_of_whose_surname("Francisco", "García", names));
        assert!(!part_of_whose_surname("Ngozi", "Obi", names));
        assert!(!part_of_whose_surname("Ngozi", "Dimka", names));
    }

    #[test]
    fn a_name_glued_to_a_word_is_cut_but_not_at_its_last_letter() {
        let index = index();
        let names = index.entity_names();
        assert_eq!(glued_to_speech("Valleryof", names), Some(7));
        // `Ahmedi` is another name ending in `i`, not Ahmed and the word `I`.
        assert_eq!(glued_to_speech("Ahmedi", names), None);
    }

    #[test]
    fn in_a_transcript_a_word_ending_an_organisations_name_keeps_the_word_before() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Bruno Kade.md", "---\ntype: people\n---\n"),
                ("Orgs/Harlow Networks.md", "---\ntype: organization\n---\n"),
            ],
        );
        let found = |text: &str| prose_texts(&index, "Meetings/Sync.md", text, true);
        // `Borrono` sounds like Bruno; with `Networks` it is an organisation's name.
        assert_eq!(found("I think Borrono is right.\n"), ["Borrono"]);
        assert!(found("I think Borrono Networks is the reference customer.\n").is_empty());
    }

    #[test]
    fn an_everyday_word_opening_a_sentence_before_an_article_is_a_verb() {
        let index = people(&["Chase Okoro", "Mark Lindqvist"]);
        let found = |text: &str| prose_texts(&index, "Notes/Plan.md", text, false);
        assert!(found("Chase the vendor for the parts.\n").is_empty());
        assert!(found("Done. Mark your calendars.\n").is_empty());
        assert_eq!(found("Chase said the parts are late.\n"), ["Chase"]);
        assert_eq!(found("We asked Mark the day before.\n"), ["Mark"]);
    }

    #[test]
    fn a_stopword_in_lowercase_opens_a_whole_name_of_the_vault() {
        let index = people(&["April Bernard", "Berend Ouwerkerk"]);
        let found = |text: &str| prose_texts(&index, "Meetings/Sync.md", text, true);
        // `april` is a month, and a stopword; with `bernard` it is a whole name of the vault.
        assert_eq!(
            found("I'll loop in april bernard after this call.\n"),
            ["april bernard"]
        );
        assert!(!found("The release moved to april after all.\n")
            .iter()
            .any(|t| t.contains("april")));
    }

    #[test]
    fn a_products_name_in_camel_case_is_not_cut_out_of_a_speaker_label() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Chat.md", "---\ntype: people\n---\n"),
                ("People/Odile Brant.md", "---\ntype: people\n---\n"),
                ("Orgs/Mint.md", "---\ntype: organization\n---\n"),
            ],
        );
        let found = |text: &str| prose_texts(&index, "Meetings/Sync.md", text, true);
        assert!(found("We tried his ChatGPT-like tool and read LiveMint.\n").is_empty());
        // At a transcript's speaker label, the name is still cut from the speech after it.
        assert_eq!(
            found("[00:05:18.73]  Odile BrantGPU utilization is what we watch.\n"),
            ["Odile Brant"]
        );
    }

    #[test]
    fn a_unit_a_headings_first_word_and_a_term_in_capitals_are_no_names() {
        let index = people(&["Zhang Min", "Tomás Ferrer"]);
        let found = |text: &str| prose_texts(&index, "Meetings/Sync.md", text, true);
        assert!(found("Feb 11, 2026, 14:45 · 31 min\n").is_empty());
        assert!(found("## Temas tratados\n").is_empty());
        // Written as the name, or alone in the heading, it is still read.
        assert_eq!(found("## Tomas\n"), ["Tomas"]);
        assert_eq!(
            found("then min said so, and Zhang Min too.\n"),
            ["min", "Zhang Min"]
        );
        // Nor is a word with capitals run together inside it, which only sounds like a name.
        let index = people(&["Jenny Buddy"]);
        let found = |text: &str| prose_texts(&index, "Meetings/Sync.md", text, true);
        assert_eq!(
            found("Jenny offers help with the GenAI review.\n"),
            ["Jenny"]
        );
    }

    #[test]
    fn a_camel_case_surname_is_not_cut_after_its_prefix() {
        let index = people(&["Linh Mac", "Ana De", "Niko Dukic"]);
        let names = index.entity_names();
        // `Mac` and `De` are surnames here, and still open these names.
        assert_eq!(glue_point("MacAllister", names), None);
        assert_eq!(glue_point("DeAndre", names), None);
        // A speaker label glued to speech is still cut.
        assert_eq!(glue_point("NikoThe", names), Some(4));
        assert_eq!(glue_point("MacThe", names), Some(3));
    }

    #[test]
    fn a_word_the_vault_writes_whole_is_not_cut_at_a_capital_inside() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Kai Hart.md", "---\ntype: people\n---\n"),
                (
                    "Orgs/Hartwell Aerospace.md",
                    "---\ntype: organization\n---\n",
                ),
            ],
        );
        let names = index.entity_names();
        // `HartWell` is Hartwell in odd case, not Kai Hart glued to a word.
        assert_eq!(glue_point("HartWell", names), None);
        assert_eq!(glue_point("HartThe", names), Some(4));
        assert_eq!(glue_point("HartRoad", names), Some(4));
    }

    #[test]
    fn not_prose_covers_as_the_ranges_before_an_offset_do() {
        // What `NotProse::covers` answers, by looking at the ranges one by one.
        fn slow(ranges: &[Range<usize>], offset: usize) -> bool {
            let i = ranges.partition_point(|r| r.start <= offset);
            ranges[..i]
                .iter()
                .rev()
                .take(COVER_WINDOW)
                .any(|r| r.end > offset)
        }
        let mut rng = 7u64;
        let mut next = |n: usize| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % n as u64) as usize
        };
        for round in 0..200 {
            let count = next(if round % 2 == 0 { 10 } else { 200 });
            let mut ranges: Vec<Range<usize>> = (0..count)
                .map(|_| {
                    let start = next(1000);
                    let long = next(10) == 0;
                    start..start + next(if long { 900 } else { 20 })
                })
                .collect();
            ranges.sort_by_key(|r| (r.start, r.end));
            let skip = NotProse::new(ranges.clone());
            for offset in 0..1100 {
                assert_eq!(skip.covers(offset), slow(&ranges, offset), "{offset}");
            }
            let (lo, hi) = (next(1000), next(1000));
            let span = lo.min(hi)..lo.max(hi);
            let covered = skip.covered_in(span.clone());
            for offset in span.clone() {
                let inside = covered.iter().any(|r| r.contains(&(offset - span.start)));
                assert_eq!(inside, slow(&ranges, offset), "{offset} in {span:?}");
            }
            assert!(covered.windows(2).all(|w| w[0].end < w[1].start));
        }
    }

    /// How [`words`] splits a line, as it was first written: over a vector of the line's
    /// characters.
    fn words_by_chars(line: &str, base: usize, names: &EntityNames) -> Vec<Word> {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut out: Vec<Word> = Vec::new();
        let mut i = 0;
        let mut sentence_start = true;
        while i < chars.len() {
            let (start, c) = chars[i];
            if !c.is_alphabetic() {
                if opens_a_sentence_after(c, line, start + c.len_utf8()) {
                    sentence_start = true;
                }
                i += 1;
                continue;
            }
            let checkbox = i > 0
                && chars.get(i - 1).is_some_and(|(_, b)| *b == '[')
                && chars.get(i + 1).is_some_and(|(_, a)| *a == ']');
            if checkbox {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < chars.len() {
                let (_, d) = chars[j];
                let inner = ((d == '\'' || d == '’' || d == '-')
                    && chars.get(j + 1).is_some_and(|(_, e)| e.is_alphabetic()))
                    || chars
                        .get(j - 1)
                        .is_some_and(|(_, p)| crate::mojibake::continues_sequence(*p, d));
                if d.is_alphabetic() || unicode_normalization::char::is_combining_mark(d) || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(line.len(), |(o, _)| *o);
            let digit_next = chars.get(j).is_some_and(|(_, d)| d.is_ascii_digit());
            let digit_before = i > 0 && chars.get(i - 1).is_some_and(|(_, d)| d.is_ascii_digit());
            let next_is_word = chars.get(j).is_some_and(|(_, d)| *d == ' ')
                && chars.get(j + 1).is_some_and(|(_, d)| d.is_alphabetic());
            if !(digit_next || digit_before) {
                let len = end - start;
                let word = &line[start..end];
                let label = || at_speaker_label(line, start, base, &out);
                let cut = match glue_point(word, names) {
                    Some(cut) if !label() && ends_a_products_name(word, cut, names) => None,
                    Some(cut) => Some(cut),
                    None => label().then(|| glued_to_speech(word, names)).flatten(),
                };
                for piece in [Some(0..cut.unwrap_or(len)), cut.map(|i| i..len)]
                    .into_iter()
                    .flatten()
                {
                    let piece_start = start + piece.start;
                    let word = &line[piece_start..start + piece.end];
                    out.push(Word {
                        span: base + piece_start..base + start + piece.end,
                        capital: word.chars().any(char::is_uppercase),
                        joined_to_next: piece.end == end - start && next_is_word,
                        sentence_start,
                    });
                    sentence_start = false;
                }
            }
            sentence_start = false;
            i = j;
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::cases(256))]
        #[test]
        fn words_split_as_over_a_vector_of_characters(
            line in "([a-zA-Z]{1,6}|Niko|Jason|Vallery|NikoThe|ValleryYeah|[ .!?:;\"“(\\[\\]'’0-9-]|Ã¼|â€|â«|é|Ü|ß|\u{301}|😀|\u{93}){0,24}"
        ) {
            let index = index();
            let names = index.entity_names();
            let mut memo = WordMemo::new(names, line.len());
            let got: Vec<_> = words(&line, 7, &mut memo)
                .into_iter()
                .map(|w| (w.span, w.capital, w.joined_to_next, w.sentence_start))
                .collect();
            let want: Vec<_> = words_by_chars(&line, 7, names)
                .into_iter()
                .map(|w| (w.span, w.capital, w.joined_to_next, w.sentence_start))
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::cases(512))]

        #[test]
        fn a_stopword_is_its_leading_letters_lowercased(word in "[a-zA-ZİKéß'.0-9-]{0,20}") {
            let letters = word
                .find(|c: char| !c.is_alphabetic())
                .map_or(word.as_str(), |end| &word[..end]);
            let lower: String = letters.chars().flat_map(char::to_lowercase).collect();
            proptest::prop_assert_eq!(is_stopword(&word), STOPWORDS.contains(&lower.as_str()));
        }
    }

    #[test]
    fn stopwords_are_found_in_any_case_before_punctuation_only() {
        for word in STOPWORDS {
            let upper = word.to_uppercase();
            assert!(is_stopword(word) && is_stopword(&upper), "{word}");
            assert!(is_stopword(&format!("{upper}'s")) && is_stopword(&format!("{word}.")));
            assert!(!is_stopword(&format!("{word}é")) && !is_stopword(&format!("{word}x")));
        }
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(KIN_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(COLOUR_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(SAINTS_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(EPONYMS_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(LAW_COMPOUNDS.windows(2).all(|w| w[0] < w[1]));
        assert!(DETERMINERS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("Thanks,") && is_stopword("MONDAY") && !is_stopword("Niko"));
        for w in STOPWORDS {
            assert!(is_stopword(w) && is_stopword(&w.to_uppercase()), "{w}");
            assert!(!is_stopword(&format!("{w}q")), "{w}");
        }
        assert!(!is_stopword("") && !is_stopword("Zzz") && !is_stopword("Ünter"));
        // Letters that are not ASCII answer as their lowercase form does.
        for word in [
            "\u{212a}",
            "Tḧe",
            "İt",
            "ÀND",
            "Thé",
            "the\u{301}",
            "ＴＨＥ",
            "Ǳ",
        ] {
            let letters = word
                .find(|c: char| !c.is_alphabetic())
                .map_or(word, |end| &word[..end]);
            let lower: String = letters.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(
                is_stopword(word),
                STOPWORDS.binary_search(&lower.as_str()).is_ok(),
                "{word}"
            );
        }
    }

    #[test]
    fn finds_structured_mentions() {
        let index = index();
        let text = "---\nparticipants: [\"[[Jason Vallery]]\", Rob Banga]\n---\n**Participants:** Jason Vallery, [[Niko Dukic]]\n\n- [ ] ship @YasminAhmed 📅 2025-01-01\n- see [[Old]] and [[Rob Banga|Rob]] (via Niko Dukic)\n";
        let note = Note::parse("Meetings/M.md", text);
        let found = structured(&note, &index);
        assert_eq!(
            texts(&found),
            vec![
                (Kind::Participant, "Jason Vallery"),
                (Kind::Participant, "Rob Banga"),
                (Kind::Participant, "Jason Vallery"),
                (Kind::Wikilink, "Niko Dukic"),
                (Kind::Wikilink, "Rob Banga|Rob"),
                (Kind::Owner, "YasminAhmed"),
                (Kind::Via, "Niko Dukic"),
            ]
        );
        let owner = &found[5];
        assert!(owner.camel);
        assert_eq!(owner.name, "Yasmin Ahmed");
        assert_eq!(&text[found[4].span.clone()], "Rob Banga");
        assert!(found[1].in_frontmatter);
    }

    #[test]
    fn a_handle_in_a_heading_owns_nothing() {
        let index = index();
        let text = "# @Yasmin Ahmed @NL\n\n- [ ] ship @YasminAhmed\n";
        let note = Note::parse("People/@Yasmin Ahmed @NL.md", text);
        assert_eq!(
            texts(&structured(&note, &index)),
            vec![(Kind::Owner, "YasminAhmed")]
        );
    }

    #[test]
    fn a_participant_is_the_name_a_chat_export_writes() {
        let index = index();
        let text = "---\nparticipants:\n  - ~ Niko Dukic\n  - Niko | Flock team\n  - \"[[Rob Banga|Rob]]\"\n  - ~141 employees company-wide\n---\n";
        let note = Note::parse("Chats/Flock.md", text);
        let found = structured(&note, &index);
        assert_eq!(
            texts(&found),
            vec![
                (Kind::Participant, "Niko Dukic"),
                (Kind::Participant, "Rob Banga")
            ]
        );
        assert_eq!(&text[found[0].span.clone()], "Niko Dukic");
    }

    /// One value listing every participant is one participant per entry, each at its place,
    /// and the index reads the same names.
    #[test]
    fn a_participants_value_of_commas_names_each_entry() {
        let index = index();
        let text =
            "---\nparticipants: Aaron Chaisson, Jason Vallery (CTO, VAST), [[Niko Dukic]]\n---\n";
        let note = Note::parse("Meetings/Sync.md", text);
        let found = structured(&note, &index);
        let names = ["Aaron Chaisson", "Jason Vallery", "Niko Dukic"];
        let participants: Vec<&str> = (found.iter())
            .filter(|f| f.kind == Kind::Participant)
            .map(|f| &text[f.span.clone()])
            .collect();
        assert_eq!(participants, names);
        let summary = VaultIndex::build(Settings::default(), [("Meetings/Sync.md", text)]);
        let meeting = summary.get("Meetings/Sync.md").unwrap();
        assert_eq!(meeting.participants, names);
    }

    #[test]
    fn a_chat_exports_group_among_its_members_is_no_participant() {
        let index = index();
        let text = "---\nchat_name: Harbour Crew\nis_group: true\nparticipants:\n  - Ammar\n  \
                    - Harbour Crew\n  - Bram Halden\n---\n**Participants:** Harbour Crew, Ammar\n";
        let note = Note::parse("Inbox/WhatsApp/harbour-crew.md", text);
        assert_eq!(
            texts(&structured(&note, &index)),
            vec![
                (Kind::Participant, "Ammar"),
                (Kind::Participant, "Bram Halden"),
                (Kind::Participant, "Ammar")
            ]
        );
    }

    #[test]
    fn a_participants_line_names_each_person_once_without_their_role() {
        let index = index();
        let text = "**Attendees:** Ada Lovett (Product Manager, Corvid), Bram Halden; \
                    13 participants including Cleo, and Dara Quinn, and others\n";
        let note = Note::parse("Meetings/Sync.md", text);
        let found = structured(&note, &index);
        assert_eq!(
            texts(&found),
            vec![
                (Kind::Participant, "Ada Lovett"),
                (Kind::Participant, "Bram Halden"),
                (Kind::Participant, "Dara Quinn"),
            ]
        );
        let spans: Vec<&str> = found.iter().map(|f| &text[f.span.clone()]).collect();
        assert_eq!(spans, ["Ada Lovett", "Bram Halden", "Dara Quinn"]);
    }

    #[test]
    fn a_credit_holding_code_names_nobody() {
        let index = index();
        let text = "# Setup\n\nInstalled the client (via `brew install libpq`, keg-only) and (via Niko Dukic).\n";
        let note = Note::parse("Notes/Setup.md", text);
        assert_eq!(
            texts(&structured(&note, &index)),
            vec![(Kind::Via, "Niko Dukic")]
        );
    }

    #[test]
    fn a_credit_saying_more_than_a_name_is_prose() {
        let index = index();
        let text = "# Funding\n\nPaid (via Niko Dukic's capitalisation), (via Niko Dukic and \
                    Flock coverage), (via the Niko Dukic fund), (via Daan van der Berg).\n";
        let note = Note::parse("Notes/Funding.md", text);
        assert_eq!(
            texts(&structured(&note, &index)),
            vec![(Kind::Via, "Daan van der Berg")]
        );
    }

    #[test]
    fn finds_names_in_prose_and_transcripts() {
        let index = index();
        let text = "# Weekly\n\nHey Nico, thanks. `Niko Dukic` is code, see https://x.io/Niko.\n\n## Transcript\n\n```text\n[00:00:14.77]  Jason ValleryYeah, ask yasmin.\n```\n\n```python\nJason Vallery\n```\n";
        let note = Note::parse("Meetings/Weekly.md", text);
        let found = prose(&note, index.entity_names(), &[], &[], false);
        assert_eq!(
            texts(&found),
            vec![
                (Kind::Text, "Nico"),
                (Kind::Text, "Jason Vallery"),
                (Kind::Text, "yasmin")
            ]
        );
        assert_eq!(found[1].line, 8);
        // A block after a transcript written out under its heading is code.
        let text = "# Weekly\n\n## Transcript\n\nJason Vallery  0:04\nyeah ask yasmin\n\n```\nowner: Niko Dukic\n```\n";
        let note = Note::parse("Meetings/Weekly.md", text);
        let found = prose(&note, index.entity_names(), &[], &[], true);
        assert_eq!(
            texts(&found),
            vec![(Kind::Text, "Jason Vallery"), (Kind::Text, "yasmin")]
        );
    }

    #[test]
    fn a_url_without_a_scheme_is_no_prose() {
        let index = index();
        let text = "# Contact\n\nLinkedIn: linkedin.com/in/Nico (see docs.rs/Nico, e.g./Nico).\n";
        let note = Note::parse("Notes/Contact.md", text);
        let found = prose(&note, index.entity_names(), &[], &[], false);
        // Only the `Nico` after `e.g./`, which is no domain.
        assert_eq!(texts(&found), vec![(Kind::Text, "Nico")], "{found:#?}");
    }

    #[test]
    fn one_capital_ending_a_word_is_case_noise_unless_a_name_comes_before() {
        let index = index();
        let names = index.entity_names();
        assert_eq!(glue_point("TarsiA", names), None);
        assert_eq!(glue_point("NikoI", names), Some(4));
        assert_eq!(glue_point("TarsiThe", names), Some(5));
    }

    #[test]
    fn finds_organisations_written_with_dots_or_in_lowercase() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                (
                    "Organizations/Corvane Data Service.md",
                    "---\ntype: organization\n---\n",
                ),
                (
                    "Organizations/Mirelle Science Consortium.md",
                    "---\ntype: organization\n---\n",
                ),
                (
                    "Organizations/Jura Strand Utility.md",
                    "---\ntype: organization\n---\n",
                ),
                ("People/Jason Vallery.md", "---\ntype: people\n---\n"),
            ],
        );
        let text = "# Call\n\nC.D.S. signed, and C.D.S, J. Smith, e.g. U.S. and J.S.U too.\n\
                    Jason ValleryC.D.S. asked. A.B.C. is nobody; `C.D.S.` is code.\n\
                    The the mirelle consortium runs it; the consortium and the mirelle science \
                    work do not, nor the jura strand.\n";
        let note = Note::parse("Meetings/Call.md", text);
        let found = prose(&note, index.entity_names(), &[], &[], false);
        let names: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (f.text.as_str(), f.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("C.D.S.", "CDS"),
                ("C.D.S", "CDS"),
                ("J.S.U", "JSU"),
                ("Jason Vallery", "Jason Vallery"),
                ("C.D.S.", "CDS"),
                ("mirelle consortium", "mirelle consortium"),
            ]
        );
        assert_eq!(&text[found[0].span.clone()], "C.D.S.");
    }

    #[test]
    fn finds_whole_organisation_names_written_in_lowercase() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                (
                    "Organizations/Tolvern Bank.md",
                    "---\ntype: organization\n---\n",
                ),
                (
                    "Organizations/Northern Reach Water Authority.md",
                    "---\ntype: organization\n---\n",
                ),
                (
                    "Organizations/Royal Partners.md",
                    "---\ntype: organization\n---\n",
                ),
            ],
        );
        let found = |text: &str| prose_texts(&index, "Meetings/Call.md", text, false);
        assert_eq!(
            found("# Call\n\nIs tolvern bank still evaluating? northern reach water authority asked.\n"),
            ["tolvern bank", "northern reach water authority"]
        );
        // A phrase of everyday words, part of a name, a name broken by punctuation or code is
        // no mention.
        let none = "# Call\n\nour royal partners agreed. tolvern is late; tolvern, bank. \
                    northern reach. `tolvern bank`\n";
        assert!(found(none).is_empty(), "{:?}", found(none));
    }

    #[test]
    fn keeps_a_sentence_word_that_is_part_of_a_whole_name() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/May Lindqvist.md", "---\ntype: people\n---\n"),
                ("People/Teodor Ok.md", "---\ntype: people\n---\n"),
            ],
        );
        let note = Note::parse(
            "Meetings/Call.md",
            "# Call\n\nPer May Lindqvist, legal is fine. Thanks Teodor Ok, that helps.\n\
             May Lindqvistt join? Thanks Teodor. Ok Teodor.\n",
        );
        let found = prose(&note, index.entity_names(), &[], &[], false);
        assert_eq!(
            texts(&found),
            [
                (Kind::Text, "May Lindqvist"),
                (Kind::Text, "Teodor Ok"),
                (Kind::Text, "Lindqvistt"),
                (Kind::Text, "Teodor"),
                (Kind::Text, "Teodor"),
            ]
        );
    }

    #[test]
    fn a_whole_name_is_not_swallowed_by_the_word_before_it_nor_an_everyday_word_after() {
        // `said` (Said Amrani's given name) stays a word of its own: an everyday word in
        // lowercase on a line that capitalises, no mention at all.
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Per Vinde.md", "---\ntype: people\n---\n"),
                ("People/Marta Quill.md", "---\ntype: people\n---\n"),
                ("People/Hiroko Sado.md", "---\ntype: people\n---\n"),
                ("People/Said Amrani.md", "---\ntype: people\n---\n"),
            ],
        );
        let note = Note::parse(
            "Meetings/Call.md",
            "# Call\n\nIt was Per MARTA QUILL who asked. Hiroko said no. hiroko sado agreed.\n",
        );
        let found = prose(&note, index.entity_names(), &[], &[], false);
        assert_eq!(
            texts(&found),
            [
                (Kind::Text, "Per"),
                (Kind::Text, "MARTA QUILL"),
                (Kind::Text, "Hiroko"),
                (Kind::Text, "hiroko sado"),
            ]
        );
    }

    #[test]
    fn skips_the_title_heading_and_sentence_words() {
        let index = index();
        let note = Note::parse(
            "People/Niko Dukic.md",
            "# Niko Dukic\n\nThanks Niko. The Team met Azure.\n",
        );
        let found = prose(&note, index.entity_names(), &[], &[], false);
        assert_eq!(texts(&found), vec![(Kind::Text, "Niko")]);
    }
}
