//! Entity resolution: mentions of people and organisations linked to the right note, with a
//! calibrated confidence — or queued for review, never guessed.
//!
//! A note is resolved in passes, so that what it says for sure becomes context for what it says
//! loosely: exact names and links first, then its participants and links, then the names it
//! writes that have no note, then owners, `(via …)` and prose. See [`score`] for the evidence
//! weights and [`decide`] for the three decision bands.

pub mod attendees;
pub mod context;
pub mod decide;
pub mod edits;
pub mod garbled_text;
pub mod link_policy;
pub mod longer_name;
pub mod mentions;
pub mod place_words;
pub mod prose_word;
pub mod review;
pub mod short_forms;
pub mod spoken;

use crate::context::Context;
use crate::edit::Edit;
use crate::handles;
use crate::index::{NoteKind, VaultIndex};
use crate::names::keys::{EntityKeys, FormOrigin};
use crate::names::{everyday, normalize, places, score};
use crate::note::{LinkKind, Note};
use crate::review::{Candidate, ReviewItem};
use context::{NoteContext, Presence};
use decide::{Query, Resolution, Resolver};
use mentions::{Found, Kind};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::cell::OnceCell;
use std::sync::Arc;

pub use decide::Decision;

/// One mention of a person or organisation, with the field names of the CLI's JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Vault-relative path.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// The mention as written (a link's inner text, a handle without `@`).
    pub text: String,
    /// How it was written: `wikilink`, `owner`, `participant`, `via` or `text`.
    pub kind: Kind,
    /// The canonical note title, or null; for a `review` decision, the top suggestion.
    pub resolved: Option<String>,
    /// `exact`, `alias`, `auto`, `review` or `unknown`.
    pub decision: Decision,
    /// Probability that `resolved` is right; for `unknown`, that the mention names nobody with a
    /// note.
    pub confidence: f64,
    /// Ranked candidates, best first.
    pub candidates: Vec<Candidate>,
    /// The evidence for the decision, in words.
    pub reasons: Vec<String>,
    /// One word of prose that names the entity on its own where it is written
    /// ([`Resolved::stands_alone`]).
    #[serde(skip)]
    pub stands_alone: bool,
}

/// A mention found and resolved, with what edits and review items need.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// Where and how it was written.
    pub found: Found,
    /// What it resolved to (shared by the mentions of a name that resolve alike).
    pub resolution: Arc<Resolution>,
}

impl Resolved {
    /// One word of prose that names the entity on its own where it is written: what
    /// [`Resolution::stands_alone`] says does, or a name the user gave it (an alias, an answer
    /// in review), not as a sentence's first word (capitalised as any word is there); and an
    /// organisation's acronym in capitals anywhere ([`short_forms::is_acronym_of`]).
    pub fn stands_alone(&self) -> bool {
        let given = self.resolution.decision == Decision::Alias;
        ((self.resolution.stands_alone || given) && !self.found.opens_sentence)
            || self
                .resolution
                .entity
                .as_ref()
                .is_some_and(|e| short_forms::is_acronym_of(&self.found.text, e))
    }

    fn mention(&self, path: &str) -> Mention {
        let r = &self.resolution;
        Mention {
            path: path.to_string(),
            line: self.found.line,
            text: self.found.text.clone(),
            kind: self.found.kind,
            resolved: r.entity.as_ref().map(|e| e.title.clone()),
            decision: r.decision,
            confidence: r.confidence,
            candidates: r.candidates.clone(),
            reasons: r.reasons.clone(),
            stands_alone: self.stands_alone(),
        }
    }
}

/// Every mention in the note, resolved.
pub fn mentions(note: &Note, ctx: &Context) -> Vec<Mention> {
    resolve_note(note, ctx.index, Scope::All)
        .iter()
        .map(|r| r.mention(note.path))
        .collect()
}

/// Edits rewriting structured mentions (link targets, owners, frontmatter participants) that
/// resolve with confidence, and review items for those that do not.
pub fn link_edits(note: &Note, ctx: &Context) -> (Vec<Edit>, Vec<ReviewItem>) {
    let resolved = resolve_note(note, ctx.index, Scope::Edits);
    (
        edits::rewrites(note, &resolved, ctx.index),
        review::note_items(note, &resolved, ctx.index),
    )
}

/// Resolves a note's task owners in the note's context. The context (the note's structured
/// mentions, resolved) is built once, on the first owner, and reused for every other owner of
/// the note.
pub struct OwnerResolver<'a> {
    note: &'a Note<'a>,
    index: &'a VaultIndex,
    resolver: Resolver<'a>,
    context: OnceCell<NoteContext>,
}

impl<'a> OwnerResolver<'a> {
    /// A resolver for the owners written in `note`.
    pub fn new(note: &'a Note<'a>, ctx: &Context<'a>) -> Self {
        OwnerResolver {
            note,
            index: ctx.index,
            resolver: Resolver::new(ctx.index.entity_names(), ctx.index.settings()),
            context: OnceCell::new(),
        }
    }

    /// The entity an owner handle (`@NikoDukic`, `Niko Dukic`) names, if it resolves with
    /// confidence (exact, alias or auto).
    pub fn resolve(&self, raw: &str) -> Option<Arc<EntityKeys>> {
        let raw = raw.trim_start_matches('@');
        let name = handles::split_compound(raw);
        // A name that is exactly one entity's needs no context (most owners), outside a
        // meeting, where it may be an attendee's heard ([`attendees::vet`]).
        // A handle drops a name's hyphen (`@SaeedAlAli`, `@Saeed Al Ali` for Saeed Al-Ali).
        let exact = (self.resolver.exact(&name))
            .or_else(|| handles::hyphenated(&name).find_map(|n| self.resolver.exact(&n)))
            .filter(names_a_person);
        if let Some(r) = exact {
            let r = self.vetted(&name, r);
            return r.decision.is_confident().then_some(r.entity).flatten();
        }
        let r = self.inexact(&name);
        r.decision.is_confident().then_some(r.entity).flatten()
    }

    /// The person whose title or alias `name` is, written as it is or without accents or case
    /// (`CJ` of a note titled Cj): no likeness, no context.
    pub fn exactly(&self, name: &str) -> Option<Arc<EntityKeys>> {
        let r = self.resolver.exact(name).filter(names_a_person)?;
        r.decision.is_confident().then_some(r.entity).flatten()
    }

    /// How `name`, written as an owner, resolves by likeness in the note's context.
    fn inexact(&self, name: &str) -> Resolution {
        let query = Query {
            name,
            line: 0,
            in_list: false,
            listed_link: false,
            with_locals: true,
            credits_line: false,
            in_prose: false,
            link: false,
            opens_sentence: false,
            owner: true,
            other_language: false,
        };
        self.resolver.resolve_inexact(query, self.context())
    }

    /// The person a name written in plain text as a task's owner names (`Priya: book the
    /// venue`, `Rob to send the deck`): only as written — a title, an alias, a given name the
    /// vault or the meeting's attendees settle, or the word that ends an attendee's name — never
    /// by sound, spelling or a nickname table (`Will` is no Bill), as plain text, unlike a
    /// handle's `@`, does not say that a person is meant. With `attending`, only someone the
    /// note lists as attending.
    pub fn resolve_written(&self, name: &str, attending: bool) -> Option<Arc<EntityKeys>> {
        // Honorifics and ranks are no part of the name (`Herr Müller`, `Dr. Ana Ruiz`).
        let name = score::without_titles(name);
        let r = match self.resolver.exact(name).filter(names_a_person) {
            Some(r) => self.vetted(name, r),
            // A given name as written (`Rob` of Rob Benoit, who attends): no nickname table's.
            None => Some(self.inexact(name)).filter(|r| r.exact_name)?,
        };
        let person = (r.decision.is_confident().then_some(r.entity).flatten())
            .filter(|e| e.kind == NoteKind::Person)?;
        let key = normalize::name_key(name);
        let first = key.split(' ').next().unwrap_or("");
        let forms = || person.forms.iter().filter(|f| f.origin != FormOrigin::Slug);
        // A title's words naming the note's kind are no part of the name (`Person - Sarah Chen`).
        let written = forms().any(|f| f.own_tokens().first().is_some_and(|t| t.key == first));
        let attends = || self.context().presence_of(&person.path) == Some(Presence::Participant);
        // One word that ends an attendee's name (`Ji-hoon` of Park Ji-hoon, `Mai` of Nguyễn
        // Thị Mai, whose given names come last): the meeting says whom it names.
        let ends_an_attendees = || {
            !key.contains(' ')
                && forms().any(|f| {
                    f.own_tokens().len() > 1 && f.tokens.last().is_some_and(|t| t.key == key)
                })
                && attends()
        };
        if !written && !ends_an_attendees() {
            return None;
        }
        (!attending || attends()).then_some(person)
    }

    /// The entry of the note's participants without a note that `name` writes, as the list
    /// writes it: in full (`Oksana Hrytsenko`), or by a given name no other such entry has
    /// (`Chris` of `Chris Romandrem`). Never a group (`Development Team`): no one to own work.
    pub fn listed_without_a_note(&self, name: &str) -> Option<&str> {
        let key = normalize::name_key(name);
        let locals = self.context().locals();
        let local = match locals.iter().find(|l| normalize::name_key(&l.text) == key) {
            Some(whole) => whole,
            None if !key.contains(' ') => {
                let mut given = locals.iter().filter(|l| {
                    l.tokens.len() > 1 && l.tokens.first().is_some_and(|t| t.key == key)
                });
                match (given.next(), given.next()) {
                    (Some(one), None) => one,
                    _ => return None,
                }
            }
            None => return None,
        };
        (!review::describes_no_one(&local.text)).then_some(local.text.as_str())
    }

    /// `r`, how `name` resolves exactly, as a meeting's attendees settle it
    /// ([`attendees::vet`]); outside a meeting, `r`.
    fn vetted(&self, name: &str, r: Resolution) -> Resolution {
        let meeting = (self.index.get(self.note.path)).is_some_and(|n| n.kind == NoteKind::Meeting);
        match meeting {
            true => attendees::vet(name, &r, self.context()).unwrap_or(r),
            false => r,
        }
    }

    /// The note's context, built on first use.
    fn context(&self) -> &NoteContext {
        self.context.get_or_init(|| {
            let found = mentions::structured(self.note, self.index);
            let mut exact = HashMap::default();
            note_context(self.note, self.index, &self.resolver, &found, &mut exact).0
        })
    }
}

/// True when `r` names a person, or nobody: what an owner may be resolved as.
fn names_a_person(r: &Resolution) -> bool {
    r.entity.as_ref().is_none_or(|e| e.kind == NoteKind::Person)
}

/// Review items about the vault as a whole: duplicate people, contradicting facts, recurring
/// names without a note.
pub fn vault_review(index: &VaultIndex) -> Vec<ReviewItem> {
    review::vault_items(index)
}

/// What [`Resolver::exact`] answered, by name: it depends on the vault's names alone.
type ExactMemo = HashMap<String, Option<Arc<Resolution>>>;

/// True unless `name` is exactly the title or an alias of a note other than a person's or an
/// organisation's (`Colorado`, a place's alias), or its possessive (`China's` beside a
/// country's note `China`), and no entity's name or acronym as a whole: then it names that
/// note.
fn may_name_an_entity(index: &VaultIndex, name: &str) -> bool {
    // Most names title no note: the one lookup says so before any key is made.
    let titles_another = |name: &str| {
        (index.by_name(name)).any(|n| !matches!(n.kind, NoteKind::Person | NoteKind::Org))
    };
    let stem = crate::names::normalize::without_possessive(name);
    let names_another = titles_another(name) || (stem != name && titles_another(stem));
    if !names_another {
        return true;
    }
    let key = crate::names::normalize::name_key(name);
    let names = index.entity_names();
    names.by_key(&key).next().is_some() || names.by_acronym(&key).next().is_some()
}

/// [`Resolver::exact`], asked once per name.
fn exact(resolver: &Resolver, memo: &mut ExactMemo, name: &str) -> Option<Arc<Resolution>> {
    if let Some(r) = memo.get(name) {
        return r.clone();
    }
    let r = resolver.exact(name).map(Arc::new);
    memo.insert(name.to_string(), r.clone());
    r
}

/// The note's context from its structured mentions: exact ones first, then participants and
/// links resolved in that context. Returns the context and the structured mentions resolved so
/// far (participants and links), by index into `found`.
fn note_context(
    note: &Note,
    index: &VaultIndex,
    resolver: &Resolver,
    found: &[Found],
    exact_memo: &mut ExactMemo,
) -> (NoteContext, Vec<Option<Arc<Resolution>>>) {
    let names = index.entity_names();
    let mut ctx = NoteContext::new(note, names);
    ctx.set_meeting(
        index
            .get(note.path)
            .is_some_and(|n| n.kind == NoteKind::Meeting),
    );
    let mut done: Vec<Option<Arc<Resolution>>> = vec![None; found.len()];
    for (slot, f) in done.iter_mut().zip(found) {
        // A link by path (`[[People/Orinoco/Li Na|Li Na]]`) opens the note at its path.
        let target = (note.text.get(f.span.clone())).filter(|t| t.contains('/'));
        let linked = || {
            (f.kind == Kind::Wikilink || f.linked)
                .then(|| {
                    resolver
                        .opened_by_link(target.unwrap_or(&f.name))
                        .map(Arc::new)
                })
                .flatten()
        };
        // A task's owner is a person: `@Ford` is no organisation Ford beside Ford Adeyemi.
        let exact = exact(resolver, exact_memo, &f.name)
            .filter(|r| f.kind != Kind::Owner || names_a_person(r));
        if let Some(r) = exact.or_else(linked) {
            let r = heard_for_an_attendee(f, r, &ctx);
            if let Some(e) = r.entity.as_ref().filter(|_| r.decision.is_confident()) {
                ctx.add(e, f.line, presence(f.kind), f.in_list);
            }
            *slot = Some(r);
        }
    }
    // An entry resolved by likeness alone to someone another entry of its list names as
    // written is someone else, a name of its own (see [`ask_about_listed_twice`]).
    let written_so_far =
        listed((done.iter().zip(found)).filter_map(|(r, f)| Some((f, r.as_deref()?))));
    for (slot, f) in done.iter_mut().zip(found) {
        if slot.is_some() || !matches!(f.kind, Kind::Participant | Kind::Wikilink) {
            continue;
        }
        let r = resolve_inexact((resolver, names), f, false, &ctx);
        if r.decision.is_confident() && !listed_twice(&written_so_far, f, &r) {
            if let Some(e) = &r.entity {
                ctx.add(e, f.line, presence(f.kind), f.in_list);
            }
        }
        *slot = Some(Arc::new(r));
    }
    // Now that every entry is resolved, two entries resolved by likeness to one person are
    // known too.
    let listed = listed((done.iter().zip(found)).filter_map(|(r, f)| Some((f, r.as_deref()?))));
    for (slot, f) in done.iter().zip(found) {
        let unresolved = (slot.as_ref())
            .is_some_and(|r| !r.decision.is_confident() || listed_twice(&listed, f, r));
        if unresolved && f.kind == Kind::Participant {
            ctx.add_local(&f.name);
        }
    }
    for name in linked_meetings_newcomers(note, index, resolver, exact_memo) {
        ctx.add_local(&name);
    }
    // A link written as an entry of the participants that has no note (`[[Peter Zielinski]]`
    // beside the entry Peter Zielinski) is that entry, and so is an entry of the other list
    // (`Liu Yan` beside `[[Liu Yan]]`, asked about beside `[[Liu Yang]]`): asked again with
    // those names competing. An entry asked about as listed twice stays asked about.
    for (slot, f) in done.iter_mut().zip(found) {
        let auto = (slot.as_deref())
            .is_some_and(|r| r.decision == Decision::Auto && !listed_twice(&listed, f, r));
        if matches!(f.kind, Kind::Wikilink | Kind::Participant) && auto && ctx.has_local(&f.name) {
            *slot = Some(Arc::new(resolve_inexact((resolver, names), f, true, &ctx)));
        }
    }
    (ctx, done)
}

/// `f`, a participant or a link no name matches exactly, resolved in the note's context `ctx`
/// (with its names without a note competing, `with_locals`); a link as its policy has it.
fn resolve_inexact(
    (resolver, names): (&Resolver, &crate::names::keys::EntityNames),
    f: &Found,
    with_locals: bool,
    ctx: &NoteContext,
) -> Resolution {
    let r = resolver.resolve_inexact(query(f, with_locals), ctx);
    match f.kind {
        Kind::Wikilink => {
            let vetted = link_policy::vet(&f.name, r, ctx, names);
            link_policy::ask(&f.name, f.line, vetted, ctx)
        }
        _ => r,
    }
}

/// The participants without a note of the meetings `note` links to (a person's `Recent Context`
/// line linking the meeting they attended): names of their own, which a name written like them
/// in the note means rather than someone with a note it only sounds like.
fn linked_meetings_newcomers(
    note: &Note,
    index: &VaultIndex,
    resolver: &Resolver,
    exact_memo: &mut ExactMemo,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for link in note.links.iter().filter(|l| l.kind == LinkKind::Wiki) {
        if seen.contains(&link.target.as_str()) || note.in_code_or_comment(link.span.start) {
            continue;
        }
        seen.push(&link.target);
        let meetings = index
            .by_name(&link.target)
            .filter(|n| n.kind == NoteKind::Meeting && n.path != note.path);
        for meeting in meetings {
            for p in &meeting.participants {
                let name = crate::index::link_target(p);
                let multi_word = name.split_whitespace().nth(1).is_some();
                if multi_word && exact(resolver, exact_memo, name).is_none() {
                    out.push(name.to_string());
                }
            }
        }
    }
    out
}

/// `r`, or nobody where `f`, prose, names an organisation of the vault whose name holds a town
/// of the list ([`places`]) that `f` leaves out, and the text puts it in another town right
/// after (`the Gezondheidsdienst te Utrecht` is no Gezondheidsdienst Haarlem; see
/// [`place_words::town_after`]).
fn in_another_town(note: &Note, f: &Found, r: Arc<Resolution>) -> Arc<Resolution> {
    let Some(entity) = r.entity.as_ref().filter(|e| e.kind == NoteKind::Org) else {
        return r;
    };
    if f.kind != Kind::Text || r.decision == decide::Decision::Unknown {
        return r;
    }
    let Some(after) = place_words::town_after(note.text, f.span.end) else {
        return r;
    };
    let town = after.town;
    // A town of the list; after a preposition, any word that is no everyday word (`te
    // Rotterdam`, not `in May`).
    let Some(key) = normalize::word_key(town).filter(|k| {
        places::is_place(k)
            || !(after.after_comma || everyday::is_common_word(&town.to_lowercase()))
    }) else {
        return r;
    };
    let written = normalize::tokens(&f.name);
    let theirs = (entity.forms.first().map(|f| f.tokens.as_slice()))
        .unwrap_or_default()
        .iter()
        .find(|t| places::is_place(&t.key) && !written.iter().any(|w| w.key == t.key));
    match theirs {
        Some(t) if t.key != key => Arc::new(Resolution::unknown(vec![format!(
            "'{}' is written with {town}, and {} is in another town",
            f.name, entity.title
        )])),
        _ => r,
    }
}

/// `r`, an exact resolution of `f`, or the question it is in a meeting whose attendee `f`'s
/// name is written almost alike ([`attendees::vet`]): only what a transcript spells, prose and
/// owners, is heard.
fn heard_for_an_attendee(f: &Found, r: Arc<Resolution>, ctx: &NoteContext) -> Arc<Resolution> {
    if !ctx.is_meeting() || !matches!(f.kind, Kind::Text | Kind::Owner) {
        return r;
    }
    attendees::vet(&f.name, &r, ctx).map_or(r, Arc::new)
}

/// [`heard_for_an_attendee`] of each name of prose once per note, `memo` holding the answers:
/// the context is whole by then, and transcripts repeat their speakers' names.
fn heard_once(
    memo: &mut HashMap<String, Arc<Resolution>>,
    f: &Found,
    r: Arc<Resolution>,
    ctx: &NoteContext,
) -> Arc<Resolution> {
    if !ctx.is_meeting() {
        return r;
    }
    if let Some(heard) = memo.get(&f.name) {
        return Arc::clone(heard);
    }
    let heard = heard_for_an_attendee(f, r, ctx);
    memo.insert(f.name.clone(), Arc::clone(&heard));
    heard
}

fn presence(kind: Kind) -> Presence {
    match kind {
        Kind::Participant => Presence::Participant,
        Kind::Wikilink => Presence::Linked,
        _ => Presence::Named,
    }
}

/// Two entries of a note's participants are two people, as are two owners of one task: an
/// entry resolved without being written as a name (`Li`) to someone another entry names as
/// written (`[[Li Na]]`) is asked about, not linked (it may be Huang Li, whose given name it
/// is); so are two entries resolved by likeness alone to one person (`Doğa Şahin` beside
/// `Dogan Sahin`, one of whom has no note), unless one of them writes the name (accents and
/// case aside), and an owner spelled like the one beside it (`@Jordan van Dijk @Jordan van
/// Dyk`).
fn ask_about_listed_twice(out: &mut [Resolved]) {
    let listed = listed(out.iter().map(|r| (&r.found, &*r.resolution)));
    for r in out.iter_mut() {
        let Some(entity) = (r.resolution.entity.as_ref())
            .filter(|_| listed_twice(&listed, &r.found, &r.resolution))
        else {
            continue;
        };
        let mut asked = (*r.resolution).clone();
        asked.decision = Decision::Review;
        // What made it likely, the entity attending, is the other entry: as likely not.
        asked.confidence = asked.confidence.min(0.5);
        asked.reasons.retain(|why| !why.starts_with("probability "));
        for c in asked
            .candidates
            .iter_mut()
            .filter(|c| *c.path == *entity.path)
        {
            c.score = c.score.min(0.5);
        }
        asked.reasons.push(match people_list(&r.found) {
            Some(PeopleList::Owners(_)) => format!(
                "another owner of the task is {} already: two owners are two people",
                entity.title
            ),
            _ => format!(
                "another participant is {} already: two entries are two people",
                entity.title
            ),
        });
        r.resolution = Arc::new(asked);
    }
}

/// A list of people that names each once, while two lists name the same people.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PeopleList {
    /// A frontmatter property's participants (`participants`, `attendees`), by the property's
    /// index.
    Property(usize),
    /// A `**Participants:**` line's, by its line.
    Line(usize),
    /// A task's owners, by its line.
    Owners(usize),
}

/// The list of people `f` is an entry of, if any.
fn people_list(f: &Found) -> Option<PeopleList> {
    match f.kind {
        Kind::Participant if f.in_frontmatter => Some(PeopleList::Property(f.property)),
        Kind::Participant => Some(PeopleList::Line(f.line)),
        Kind::Owner => Some(PeopleList::Owners(f.line)),
        _ => None,
    }
}

/// One entry of a list of people resolved to someone.
struct Listed {
    /// The list it is an entry of.
    list: PeopleList,
    /// Where it is written.
    at: usize,
    /// The person's note.
    path: String,
}

/// The people the entries of lists of people resolve to confidently, with their lists, and
/// those a task's other owners are asked about as (`@Owen`, maybe Owen Hughes, beside `@Owain`).
fn listed<'a>(resolved: impl Iterator<Item = (&'a Found, &'a Resolution)>) -> Vec<Listed> {
    resolved
        .filter(|(f, r)| r.decision.is_confident() || f.kind == Kind::Owner)
        .filter_map(|(f, r)| {
            let entity = r.entity.as_ref()?;
            Some(Listed {
                list: people_list(f)?,
                at: f.span.start,
                path: entity.path.clone(),
            })
        })
        .collect()
}

/// True when the entry `f` writes the name of `entity`, whom it resolves to (`r`).
fn written_as(f: &Found, r: &Resolution, entity: &EntityKeys) -> bool {
    match r.decision {
        Decision::Exact | Decision::Alias => true,
        _ => {
            let key = crate::names::normalize::name_key(&f.name);
            entity.forms.iter().any(|form| form.key == key)
        }
    }
}

/// True when `f`, an entry of a list of people resolved by likeness alone (`r`, auto),
/// resolved to someone another entry of its list names as written, or another entry resolves
/// to by likeness too ([`listed`]).
fn listed_twice(listed: &[Listed], f: &Found, r: &Resolution) -> bool {
    let list = people_list(f);
    list.is_some()
        && r.decision == Decision::Auto
        && (r.entity.as_ref()).is_some_and(|e| {
            !written_as(f, r, e)
                && (listed.iter())
                    .any(|l| Some(l.list) == list && l.path == e.path && l.at != f.span.start)
        })
}

fn query(f: &Found, with_locals: bool) -> Query<'_> {
    Query {
        name: &f.name,
        line: f.line,
        in_list: f.in_list,
        listed_link: f.listed_link,
        with_locals,
        credits_line: f.kind == Kind::Via,
        in_prose: matches!(f.kind, Kind::Text | Kind::Via),
        link: f.kind == Kind::Wikilink,
        opens_sentence: f.opens_sentence,
        owner: f.kind == Kind::Owner,
        other_language: false,
    }
}

/// Lowercase words a line needs to be judged on its own ([`in_another_language`]).
const WORDS_OF_A_LINE: usize = 8;

/// Lowercase words of a note's body its language is judged on.
const WORDS_OF_A_NOTE: usize = 200;

/// The language judged of a note's lines, by line, and of its body, once asked.
#[derive(Default)]
struct Languages {
    lines: HashMap<usize, bool>,
    body: Option<bool>,
    /// [`everyday::english_words`] of the lines judged, by their text: kept in the note's
    /// memo, so a fix pass counts again only the lines it changed.
    words: HashMap<String, (usize, usize)>,
    /// Those of the pass before, taken as their lines are judged again: the memo keeps the
    /// lines of the last pass only.
    before: HashMap<String, (usize, usize)>,
}

/// True when `f` is a capitalised name of prose on a line in another language than English
/// ([`everyday::in_another_language`]): a line of eight lowercase words or more is judged on its
/// own, a shorter one as the note's body is. Each is judged once (`languages`).
fn in_another_language(note: &Note, f: &Found, languages: &mut Languages) -> bool {
    let capitalised = |name: &str| {
        name.chars().next().is_some_and(char::is_uppercase)
            && !name.chars().skip(1).any(char::is_uppercase)
    };
    if f.kind != Kind::Text || !capitalised(&f.name) {
        return false;
    }
    let Languages {
        lines,
        body,
        words,
        before,
    } = languages;
    *lines.entry(f.line).or_insert_with(|| {
        let line = crate::lines::line_at(note.text, f.span.start);
        let text = note.text.get(line).unwrap_or_default();
        let line = match words.get(text) {
            Some(counted) => *counted,
            None => {
                let counted = (before.remove(text))
                    .unwrap_or_else(|| everyday::english_words(text, usize::MAX));
                *words.entry(text.to_string()).or_insert(counted)
            }
        };
        if line.0 >= WORDS_OF_A_LINE {
            return everyday::in_another_language(line);
        }
        *body.get_or_insert_with(|| {
            everyday::in_another_language(everyday::english_words(note.body(), WORDS_OF_A_NOTE))
        })
    })
}

/// Which of a note's mentions a caller needs resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every mention (what `curator entities` reports).
    All,
    /// The mentions edits and review items can come from: every structured mention, and the
    /// names in prose that could name someone exactly — prose is never rewritten and raises a
    /// review item only for an exact name several people share ([`review::note_items`]).
    Edits,
}

/// What resolving a note can reuse when the same note is resolved again, after a fix pass
/// changed a few of its bytes: the lines of prose read ([`mentions::ProseMemo`]), what names
/// are exactly, and how names resolved in a context that says the same.
#[derive(Debug, Default)]
pub struct NoteMemo {
    prose: mentions::ProseMemo,
    exact: ExactMemo,
    asked: decide::Asked,
    /// Resolutions alike on every line that names none of their candidates (see
    /// [`Resolver::named_on_line_for`]), with the context they were decided in.
    alike: Option<(NoteContext, HashMap<AlikeKey, Arc<Resolution>>)>,
    /// How many words of the lines the last pass judged for their language are everyday
    /// English, by the line's text (see [`in_another_language`]).
    line_words: HashMap<String, (usize, usize)>,
}

/// A mention's name, whether it is in a participants list, whether it credits its line,
/// whether it opens a sentence, whether its line is in another language, whether it is a link,
/// and the entities its line names that are among its candidates.
type AlikeKey = (String, bool, bool, bool, bool, bool, Vec<String>);

/// A mention's name, whether it is in a participants list, whether it opens a sentence,
/// whether its line is in another language, whether it is a link, and its line where the note
/// names someone for sure there (else 0).
type LineKey = (String, bool, bool, bool, bool, usize);

impl NoteMemo {
    /// A memo for a note that will be resolved again: it remembers its lines of prose too.
    pub fn keeping() -> Self {
        NoteMemo {
            prose: mentions::ProseMemo::keeping(),
            ..NoteMemo::default()
        }
    }
}

/// Finds the note's mentions and resolves those `scope` asks for, in line order.
pub fn resolve_note(note: &Note, index: &VaultIndex, scope: Scope) -> Vec<Resolved> {
    resolve_note_with(note, index, scope, &mut NoteMemo::default())
}

/// [`resolve_note`], reusing what `memo` holds of an earlier resolution of the same note and
/// leaving in it what this one learns.
pub fn resolve_note_with(
    note: &Note,
    index: &VaultIndex,
    scope: Scope,
    memo: &mut NoteMemo,
) -> Vec<Resolved> {
    let names = index.entity_names();
    let resolver = Resolver::asking(names, index.settings(), std::mem::take(&mut memo.asked));
    let mut found = mentions::structured(note, index);
    let (mut ctx, mut done) = note_context(note, index, &resolver, &found, &mut memo.exact);
    let taken: Vec<_> = found.iter().map(|f| f.span.clone()).collect();
    let locals: Vec<_> = ctx.locals().iter().map(|l| l.tokens.clone()).collect();
    let heard = ctx.is_meeting();
    let mut prose = mentions::prose_with(note, names, (&locals, &taken, heard), &mut memo.prose);
    // Prose that is exactly the title of a note other than a person's or an organisation's,
    // and no entity's whole name (`Saltmere`, the city, beside Saltmere Watch), names that note.
    prose.retain(|f| {
        f.kind != Kind::Text
            || exact(&resolver, &mut memo.exact, &f.name).is_some()
            || may_name_an_entity(index, &f.name)
    });
    for f in &prose {
        if f.kind == Kind::Text && !f.opens_sentence && !f.name.contains(char::is_whitespace) {
            ctx.add_mid_sentence(&f.name);
        }
    }
    let mut heard = HashMap::default();
    for f in &prose {
        let mut r = (exact(&resolver, &mut memo.exact, &f.name))
            .map(|r| heard_once(&mut heard, f, r, &ctx));
        if f.kind == Kind::Text && f.opens_sentence {
            if let Some(word) = r
                .as_ref()
                .and_then(|r| resolver.as_likely_the_word(r, &f.name, &ctx))
            {
                r = Some(Arc::new(word));
            }
        }
        let confident = r.as_ref().filter(|r| r.decision.is_confident());
        if let Some(e) = confident.and_then(|r| r.entity.as_ref()) {
            // A speaker's label says nothing of the names in their speech on its line: people
            // do not name themselves (`**Grace Clarke:** Grace period ends Friday`).
            ctx.add(e, f.line, Presence::Named, f.labels_speech(note));
        }
        done.push(r);
    }
    found.extend(prose);
    let meeting = index
        .get(note.path)
        .is_some_and(|n| n.kind == NoteKind::Meeting);
    if scope == Scope::All && meeting {
        // Lowercase speech naming people the note names for sure (`leo`, `with eagle`): never
        // edited, so only the full listing looks for it.
        let people = ctx.present_people();
        let taken: Vec<_> = found.iter().map(|f| f.span.clone()).collect();
        for s in spoken::spoken(note, people, &taken) {
            let who: Vec<&Arc<EntityKeys>> =
                s.people.iter().filter_map(|i| people.get(*i)).collect();
            done.push(Some(Arc::new(resolver.resolve_spoken(
                query(&s.found, false),
                &who,
                &ctx,
            ))));
            found.push(s.found);
        }
    }
    // A name written again resolves the same, unless its line names someone: the first mention
    // of a name on a line decides for the others there (`memo`). Lines whose names make no
    // difference to it — none of its candidates among them — share one resolution (`alike`).
    let mut memo_by_line: HashMap<LineKey, Arc<Resolution>> = HashMap::default();
    let mut languages = Languages {
        before: std::mem::take(&mut memo.line_words),
        ..Languages::default()
    };
    let mut alike = match memo.alike.take() {
        Some((before, alike)) if before.same_but_lines(&ctx) => alike,
        _ => HashMap::default(),
    };
    let mut out: Vec<Resolved> = found
        .into_iter()
        .zip(done)
        .filter(|(f, r)| {
            scope == Scope::All
                || r.is_some()
                || f.kind != Kind::Text
                || resolver.may_name_exactly(&f.name)
        })
        .map(|(f, r)| {
            let resolution = r.unwrap_or_else(|| {
                let line = if ctx.names_on_line(f.line) { f.line } else { 0 };
                let mut q = query(&f, true);
                q.other_language = in_another_language(note, &f, &mut languages);
                memo_by_line
                    .entry((
                        f.name.clone(),
                        q.in_list,
                        q.opens_sentence,
                        q.other_language,
                        q.link,
                        line,
                    ))
                    .or_insert_with(|| {
                        let named = resolver.named_on_line_for(q, &ctx);
                        alike
                            .entry((
                                f.name.clone(),
                                q.in_list,
                                q.credits_line,
                                q.opens_sentence,
                                q.other_language,
                                q.link,
                                named,
                            ))
                            .or_insert_with(|| {
                                let r = resolver.resolve_inexact(q, &ctx);
                                Arc::new(match meeting && q.in_prose {
                                    true => attendees::vet(q.name, &r, &ctx).unwrap_or(r),
                                    false => r,
                                })
                            })
                            .clone()
                    })
                    .clone()
            });
            let resolution = in_another_town(note, &f, resolution);
            Resolved {
                found: f,
                resolution,
            }
        })
        .collect();
    out.sort_by_key(|r| (r.found.line, r.found.span.start));
    ask_about_listed_twice(&mut out);
    memo.alike = Some((ctx, alike));
    memo.asked = resolver.into_asked();
    memo.line_words = languages.words;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::ReviewReason;
    use crate::settings::Settings;

    #[test]
    fn a_linked_meetings_newcomer_is_not_someone_it_sounds_like() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Oona Petrakis.md", "---\ntype: people\n---\n"),
                (
                    "Meetings/2025-04-02 Sync.md",
                    "---\ntype: meeting\nparticipants: [Oona Petrakes]\n---\n",
                ),
            ],
        );
        let decide = |text: &str| {
            let note = Note::parse("People/Someone.md", text);
            resolve_note(&note, &index, Scope::All)
                .into_iter()
                .filter(|r| r.found.text == "Oona Petrakes")
                .map(|r| r.resolution.decision)
                .collect::<Vec<_>>()
        };
        // Written in prose alone, the name is Oona Petrakis damaged in transit.
        assert_eq!(decide("Met Oona Petrakes today.\n"), [Decision::Auto]);
        // On a line linking the meeting Oona Petrakes attended, it is her.
        let linked = decide("- [[2025-04-02 Sync]] - met Oona Petrakes (via Oona Petrakes)\n");
        assert!(
            !linked.is_empty() && linked.iter().all(|d| !d.is_confident()),
            "{linked:?}"
        );
    }

    #[test]
    fn a_strangers_given_and_surname_are_one_name_not_a_surname_of_the_vault() {
        let person = "---\ntype: people\n---\n";
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Adaeze Nwosu.md", person),
                ("People/Emeka Okafor.md", person),
                ("People/Ines Pereira Duarte.md", person),
                (
                    "People/Tomas Ferreira.md",
                    "---\ntype: people\ncompany: Harlow Foods\n---\n",
                ),
                (
                    "Meetings/2025-05-06 Intake.md",
                    "---\ntype: meeting\nparticipants: [Emeka Okafor, Tomas Ferreira]\n---\n",
                ),
            ],
        );
        let linked = |text: &str| {
            let note = Note::parse("Meetings/2025-05-06 Intake.md", text);
            resolve_note(&note, &index, Scope::All)
                .into_iter()
                .filter(|r| r.found.kind == Kind::Text && r.resolution.decision.is_confident())
                .map(|r| {
                    let title = r.resolution.entity.as_ref().map(|e| e.title.clone());
                    (r.found.text, title.unwrap_or_default())
                })
                .collect::<Vec<_>>()
        };
        let head = "---\ntype: meeting\nparticipants: [Emeka Okafor, Tomas Ferreira]\n---\n";
        // Adaeze and Ines are given names of the vault, Okafor and Ferreira surnames of the
        // meeting's people: together they are people the vault has no note on.
        assert_eq!(
            linked(&format!(
                "{head}Adaeze Okafor, a recruiter, sent three CVs.\n"
            )),
            []
        );
        assert_eq!(
            linked(&format!(
                "{head}Ines Ferreira from the notary office called.\n"
            )),
            []
        );
    }

    #[test]
    fn a_comma_is_no_part_of_a_name_written_exactly() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Nasser Karim.md", "---\ntype: people\n---\n"),
                (
                    "Orgs/Kant, Roy and Banik.md",
                    "---\ntype: organization\n---\n",
                ),
            ],
        );
        let resolver = Resolver::new(index.entity_names(), index.settings());
        let exactly = |name: &str| resolver.exact(name).and_then(|r| r.entity);
        // `Nasser, Karim` is Karim Nasser written surname first, not Nasser Karim in any case.
        assert!(exactly("Nasser, Karim").is_none());
        assert!(exactly("nasser karim").is_some());
        // A name that holds its comma is still written exactly.
        assert!(exactly("Kant, Roy and Banik").is_some());
    }

    #[test]
    fn a_name_written_as_someones_is_not_linked_to_an_attendee_it_sounds_like() {
        let person = "---\ntype: people\n---\n";
        let text = "---\ntype: meeting\nparticipants: [Carey Mills, Amaka Obi, Tomas Ferreira]\n\
                    tags: [company/harlow-foods]\n---\n\
                    **Carey Mills:** Did Kiara send the contract yet?\n\
                    **Carey Mills:** Amaka Obi and I will ping amaka_h about it.\n\
                    **Tomas Ferreira:** Send it to lferreira today.\n";
        // A vault of some size, where a person the note does not name is unlikely.
        let others: Vec<String> = (0..60)
            .map(|i| format!("People/Member{i} Tollund.md"))
            .collect();
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Carey Mills.md", person),
                ("People/Amaka Obi.md", person),
                ("People/Amaka Hale.md", person),
                ("People/Kiara Stone.md", person),
                (
                    "People/Tomas Ferreira.md",
                    "---\ntype: people\ncompany: Harlow Foods\n---\n",
                ),
                ("People/Luana Ferreira.md", person),
                ("Meetings/2025-06-03 Sync.md", text),
            ]
            .into_iter()
            .chain(others.iter().map(|p| (p.as_str(), person))),
        );
        let note = Note::parse("Meetings/2025-06-03 Sync.md", text);
        let resolved = resolve_note(&note, &index, Scope::All);
        let decision = |text: &str| {
            resolved
                .iter()
                .find(|r| r.found.text == text)
                .map(|r| r.resolution.decision)
        };
        // `Kiara` sounds like Carey, who attends and speaks on the line, and is written exactly
        // as Kiara Stone's given name: asked, not linked to either. `amaka_h` sounds like the
        // given name of Amaka Obi, named on its line, and is Amaka Hale's handle.
        assert_eq!(decision("Kiara"), Some(Decision::Review));
        assert_eq!(decision("amaka_h"), Some(Decision::Review));
        // `lferreira` is Luana Ferreira's handle: the letter before the surname is her initial,
        // never Tomas Ferreira's surname misspelled, however much he speaks and works at the
        // meeting's company.
        let handle = resolved.iter().find(|r| r.found.text == "lferreira");
        let handle = handle.map(|r| (r.resolution.decision, r.resolution.entity.clone()));
        assert!(
            matches!(&handle, Some((Decision::Auto, Some(e))) if e.title == "Luana Ferreira"),
            "{handle:?}"
        );
    }

    #[test]
    fn a_speakers_label_says_nothing_of_the_names_in_their_speech() {
        let meeting = "---\ntype: meeting\nparticipants: [Grace Clarke, Tom Hale]\n---\n";
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Grace Clarke.md", "---\ntype: people\n---\n"),
                ("People/Tom Hale.md", "---\ntype: people\n---\n"),
                ("Meetings/2025-05-06 Sync.md", meeting),
            ],
        );
        let decision = |line: &str| {
            let text = format!("{meeting}{line}\n");
            let note = Note::parse("Meetings/2025-05-06 Sync.md", &text);
            resolve_note(&note, &index, Scope::All)
                .into_iter()
                .find(|r| r.found.text == "Grace")
                .map(|r| r.resolution.decision)
        };
        // Grace Clarke does not name herself in her own speech: `Grace period` opening a
        // sentence is the word as likely as her name, as it is on anyone else's line.
        let own = decision("**Grace Clarke:** Grace period on the invoice ends Friday.");
        let other = decision("**Tom Hale:** Grace period on the invoice ends Friday.");
        assert_eq!(own, other);
        assert!(own.is_some_and(|d| !d.is_confident()), "{own:?}");
    }

    #[test]
    fn an_everyday_word_opening_a_sentence_is_as_likely_the_word_as_the_organisation() {
        let org = "---\ntype: organization\n---\n";
        let decisions = |text: &str| {
            let index = VaultIndex::build(
                Settings::default(),
                [
                    ("Orgs/Current.md", org),
                    ("Orgs/ICE.md", org),
                    ("People/Jack.md", "---\ntype: people\n---\n"),
                    ("Notes/Plan.md", text),
                ],
            );
            let note = Note::parse("Notes/Plan.md", text);
            resolve_note(&note, &index, Scope::All)
                .into_iter()
                .map(|r| (r.found.text, r.resolution.decision))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            decisions("Current plan is to wait for the audit.\n"),
            [("Current".to_string(), Decision::Review)]
        );
        // Named inside a sentence too, the word is the organisation wherever it stands.
        assert_eq!(
            decisions("We met Current in May. Current signed.\n"),
            [
                ("Current".to_string(), Decision::Exact),
                ("Current".to_string(), Decision::Exact)
            ]
        );
        // An acronym is no word, and a person called Jack is who the capital means.
        assert_eq!(
            decisions("- ICE \"ImmigrationOS\" — automated system\n- Jack, can you see it?\n"),
            [
                ("ICE".to_string(), Decision::Exact),
                ("Jack".to_string(), Decision::Exact)
            ]
        );
    }

    #[test]
    fn in_a_meeting_a_name_after_a_strangers_given_name_is_part_of_it() {
        let person = "---\ntype: people\n---\n";
        let head = "---\ntype: meeting\nparticipants: [Ali Hamdan, Siti Rahmawati]\n---\n";
        let linked = |body: &str| {
            let text = format!("{head}{body}");
            let index = VaultIndex::build(
                Settings::default(),
                [
                    ("People/Ali Hamdan.md", person),
                    ("People/Siti Rahmawati.md", person),
                    ("Meetings/2025-06-02 Sync.md", text.as_str()),
                ],
            );
            let note = Note::parse("Meetings/2025-06-02 Sync.md", &text);
            resolve_note(&note, &index, Scope::All)
                .into_iter()
                .filter(|r| r.found.kind == Kind::Text && r.resolution.decision.is_confident())
                .map(|r| r.found.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            linked("A documentary on Muhammad Ali was on last night.\n"),
            Vec::<String>::new()
        );
        // An honorific is no given name: Ibu Siti is Siti.
        assert_eq!(linked("I spoke to Ibu Siti yesterday.\n"), ["Siti"]);
        // A name running into the words after it, as a transcript writes it, is still hers,
        // and so is her name with its surname misheard.
        assert_eq!(
            linked("**Ali Hamdan:** Siti Okonkwo-style budgets again\n"),
            ["Ali Hamdan", "Siti"]
        );
        assert_eq!(
            linked("**Ali Hamdan:** Siti Going forward\n"),
            ["Ali Hamdan", "Siti"]
        );
        assert_eq!(
            linked("**Ali Hamdan:** Siti Rahmawaty joined\n"),
            ["Ali Hamdan", "Siti Rahmawaty"]
        );
        // A surname of no one the vault has after her given name is another Siti's.
        assert_eq!(
            linked("**Ali Hamdan:** Siti Okafor joined from the vendor\n"),
            ["Ali Hamdan"]
        );
    }

    #[test]
    fn a_word_titling_a_note_of_another_kind_names_that_note() {
        let text = "Grain ships leave Saltmere every spring; later Tidewatch sent word. We \
                    drove through Colorado. Analysts fear China's rise.\n";
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("Orgs/Saltmere Watch.md", "---\ntype: organization\n---\n"),
                (
                    "Places/Saltmere.md",
                    "---\ntype: place\n---\nA harbour city.\n",
                ),
                (
                    "Orgs/Tidewatch Company.md",
                    "---\ntype: organization\naliases: [Tidewatch]\n---\n",
                ),
                ("Sources/Tidewatch.md", "---\ntype: redirect\n---\n"),
                // A place's alias names the place, as its title would.
                (
                    "Places/CO.md",
                    "---\ntype: place\naliases: [Colorado]\n---\n",
                ),
                (
                    "Orgs/Colorado Resiliency Office.md",
                    "---\ntype: organization\n---\n",
                ),
                ("Places/China.md", "---\ntype: country\n---\n"),
                ("Orgs/China Mobile.md", "---\ntype: organization\n---\n"),
                ("Orgs/China Telecom.md", "---\ntype: organization\n---\n"),
                ("Notes/Trade.md", text),
            ],
        );
        let note = Note::parse("Notes/Trade.md", text);
        let texts: Vec<String> = resolve_note(&note, &index, Scope::All)
            .into_iter()
            .map(|r| r.found.text)
            .collect();
        // The city, not the company called after it, also in its possessive; an
        // organisation's own whole name stays its, whatever other note is titled so.
        assert_eq!(texts, ["Tidewatch"]);
    }

    #[test]
    fn a_link_opens_the_note_titled_so_whatever_aliases_other_notes_have() {
        // One note's title is another's alias, and its own alias the other's first name.
        let index = VaultIndex::build(
            Settings::default(),
            [
                (
                    "People/Azir Daraxia.md",
                    "---\ntype: people\naliases: [Saint Goldborn, Rez's Dad]\n---\n",
                ),
                (
                    "People/Rez's Dad.md",
                    "---\ntype: people\naliases: [Azir]\n---\n",
                ),
            ],
        );
        let note = Note::parse(
            "Events/Gate.md",
            "We met [[Rez's Dad]] and [[rez's dad|Azir]] at the gate. Rez's Dad waved.\n",
        );
        let resolved = resolve_note(&note, &index, Scope::All);
        let links: Vec<_> = resolved
            .iter()
            .filter(|r| r.found.kind == Kind::Wikilink)
            .map(|r| {
                let title = r.resolution.entity.as_ref().map(|e| e.title.as_str());
                (r.resolution.decision, title)
            })
            .collect();
        assert_eq!(
            links,
            [(Decision::Exact, Some("Rez's Dad")); 2],
            "{resolved:#?}"
        );
        // Written in prose, the words are both notes' names: still a question.
        let prose = resolved
            .iter()
            .find(|r| r.found.kind == Kind::Text && r.found.text == "Rez's Dad")
            .map(|r| r.resolution.decision);
        assert_ne!(prose, Some(Decision::Exact), "{resolved:#?}");
    }

    #[test]
    fn a_link_beside_a_link_to_the_suggestion_on_its_line_is_not_asked_about() {
        let index = VaultIndex::build(
            Settings::default(),
            [("People/Armando de Majorca.md", "---\ntype: people\n---\n")],
        );
        let decision = |text: &str| {
            let note = Note::parse("Sessions/Session 04.md", text);
            resolve_note(&note, &index, Scope::All)
                .into_iter()
                .find(|r| r.found.name == "Majorca")
                .map(|r| r.resolution.decision)
        };
        // The line links Armando de Majorca by name: `[[Majorca]]` beside it is the island.
        assert_eq!(
            decision("[[Luca]] goes to [[Majorca]] to weaken [[Armando de Majorca]].\n"),
            Some(Decision::Unknown)
        );
        // Alone on its line, the link may still be his name shortened: asked about.
        assert_eq!(
            decision("[[Luca]] goes to [[Majorca]].\n\nWe fought [[Armando de Majorca]].\n"),
            Some(Decision::Review)
        );
    }

    #[test]
    fn a_word_that_is_ones_surname_and_anothers_given_name_is_asked_about() {
        let person = "---\ntype: people\n---\n";
        let decision = |people: &[&str]| {
            let mut notes: Vec<(String, &str)> = people
                .iter()
                .map(|p| (format!("People/{p}.md"), person))
                .collect();
            let isaac = "---\ntype: people\ncompany: Standard Media\n---\n";
            let org = "---\ntype: organization\n---\n";
            let text =
                "---\ntype: meeting\nparticipants: [Ada Park]\n---\nIsaac Noël joined late. \
                        Standard Media sent the draft.\n\nLegal is fine with it, said Noël.\n";
            notes.extend([
                ("People/Isaac Noël.md".to_string(), isaac),
                ("Organizations/Standard Media.md".to_string(), org),
                ("Meetings/Sync.md".to_string(), text),
            ]);
            let index = VaultIndex::build(
                Settings::default(),
                notes.iter().map(|(p, t)| (p.as_str(), *t)),
            );
            let note = Note::parse("Meetings/Sync.md", text);
            resolve_note(&note, &index, Scope::All)
                .into_iter()
                .find(|r| r.found.text == "Noël")
                .map(|r| r.resolution.decision)
        };
        let others = ["Ada Park", "Bo Chen", "Cy Dunn", "Di Evans"];
        // Isaac Noël is named in the note and works at the firm it names; but people are
        // called by their given names, and Noël is Noël Aubert's.
        let with_noel: Vec<&str> = others.iter().copied().chain(["Noël Aubert"]).collect();
        assert_eq!(decision(&with_noel), Some(Decision::Review));
        // With no one called Noël, the surname is Isaac Noël's.
        assert_eq!(decision(&others), Some(Decision::Auto));
    }

    #[test]
    fn no_word_of_an_alias_that_describes_someone_names_them() {
        let person =
            "---\ntype: people\naliases:\n  - Nagaraju qcom\n  - Nagaraju - Sync-up\n---\n";
        let index = VaultIndex::build(Settings::default(), [("People/Nagaraju.md", person)]);
        let note = Note::parse(
            "Logs/Work.md",
            "Met Nagaraju. Refresh existing QCOM training.\n\n**Title** : Weekly Sync-up\n\n\
             See [[Nagaraju qcom]].\n",
        );
        let named: Vec<_> = resolve_note(&note, &index, Scope::All)
            .into_iter()
            .filter(|r| r.resolution.entity.is_some())
            .map(|r| (r.found.text, r.resolution.decision))
            .collect();
        // `qcom` and `Sync-up` describe him in his aliases; they are no name of his alone. The
        // whole alias still opens his note.
        assert_eq!(
            named,
            [
                ("Nagaraju".to_string(), Decision::Exact),
                ("Nagaraju qcom".to_string(), Decision::Alias),
            ]
        );
    }

    #[test]
    fn a_link_with_a_part_no_name_of_the_suggestion_has_is_not_asked_about() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Becca.md", "---\ntype: people\n---\n"),
                ("People/Niko Dukic.md", "---\ntype: people\n---\n"),
                (
                    "Orgs/Church of Corellon Larethian.md",
                    "---\ntype: organization\n---\n",
                ),
            ],
        );
        let note = Note::parse(
            "Sessions/Docks.md",
            "We met [[Buck Eamonson]] and [[Church of Tyr]]; [[Nico Dukics]] came too.\n",
        );
        let decisions: Vec<_> = resolve_note(&note, &index, Scope::All)
            .into_iter()
            .filter(|r| r.found.kind == Kind::Wikilink)
            .map(|r| (r.found.name.clone(), r.resolution.decision))
            .collect();
        // `eamonson` is no part of Becca's name, `tyr` none of the church's: notes not written
        // yet. Every part of `Nico Dukics` is nearly Niko Dukic's: asked about.
        assert_eq!(
            decisions,
            [
                ("Buck Eamonson".to_string(), Decision::Unknown),
                ("Church of Tyr".to_string(), Decision::Unknown),
                ("Nico Dukics".to_string(), Decision::Review),
            ]
        );
        // In a meeting a pipeline may have linked what it misheard: still asked about.
        let meeting = Note::parse(
            "Meetings/Docks.md",
            "---\ntype: meeting\n---\nWe met [[Buck Eamonson]] at the docks.\n",
        );
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Becca.md", "---\ntype: people\n---\n"),
                (
                    "Meetings/Docks.md",
                    "---\ntype: meeting\n---\nWe met [[Buck Eamonson]] at the docks.\n",
                ),
            ],
        );
        let asked: Vec<_> = resolve_note(&meeting, &index, Scope::All)
            .into_iter()
            .filter(|r| r.found.kind == Kind::Wikilink)
            .map(|r| r.resolution.decision)
            .collect();
        assert_eq!(asked, [Decision::Review]);
    }

    #[test]
    fn edits_scope_gives_what_full_resolution_gives() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Ada Halden.md", "---\ntype: people\n---\n"),
                ("People/Ada Brask.md", "---\ntype: people\n---\n"),
                ("People/Bram Corvel.md", "---\ntype: people\n---\n"),
                (
                    "Meetings/Sync.md",
                    "---\ntype: meeting\nparticipants: [Bram Corvell]\n---\n",
                ),
            ],
        );
        let text = "---\ntype: meeting\nparticipants: [Bram Corvell]\n---\n\nAda asked Brem and \
                    Adda about it. Bram agreed.\n\n- [ ] plan @Ada\n";
        let note = Note::parse("Meetings/Sync.md", text);
        let ctx = Context::for_note(&index, &note);
        let all = resolve_note(&note, &index, Scope::All);
        let (edits, items) = link_edits(&note, &ctx);
        assert_eq!(edits, edits::rewrites(&note, &all, &index));
        assert_eq!(items, review::note_items(&note, &all, &index));
        assert!(
            items
                .iter()
                .any(|i| i.reason == ReviewReason::AmbiguousMention),
            "{items:#?}"
        );
        let scoped = resolve_note(&note, &index, Scope::Edits);
        assert!(scoped.len() < all.len(), "misspelt prose names are skipped");
    }
}
