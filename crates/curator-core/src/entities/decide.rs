//! Resolution of one mention: exact names and remembered answers first, then scored candidates
//! decided in three bands — `auto` (linked), `review` (asked), `unknown` (left alone).

use super::context::{self, NoteContext};
use super::prose_word;
use crate::answers;
use crate::index::NoteKind;
use crate::names::everyday;
use crate::names::evidence::NameEvidence;
use crate::names::keys::{EntityKeys, EntityNames, ExactHow, ExactName, FormOrigin};
use crate::names::nicknames;
use crate::names::normalize;
use crate::names::normalize::Token;
use crate::names::places;
use crate::names::score::{self, NameScore};
use crate::review::{Candidate, Weight};
use crate::settings::Settings;
use crate::text::fold;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::cell::RefCell;
use std::sync::Arc;

/// How a mention was resolved. Serialized as [`Decision::as_str`] names it (part of the CLI's
/// JSON contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The mention is a note's title.
    Exact,
    /// The mention is a note's alias, or an answer the user gave in review.
    Alias,
    /// Resolved with enough evidence to link without asking.
    Auto,
    /// Plausible: a person should confirm the suggestion.
    Review,
    /// Left alone: nobody in the vault, or nothing close enough.
    Unknown,
}

impl Decision {
    /// The decision's name, as JSON writes it (`exact`, `alias`, `auto`, `review`, `unknown`).
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Exact => "exact",
            Decision::Alias => "alias",
            Decision::Auto => "auto",
            Decision::Review => "review",
            Decision::Unknown => "unknown",
        }
    }

    /// True for decisions that link the mention without asking.
    pub fn is_confident(self) -> bool {
        matches!(self, Decision::Exact | Decision::Alias | Decision::Auto)
    }
}

impl Serialize for Decision {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// What one mention resolved to, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The decision band.
    pub decision: Decision,
    /// The entity resolved to (for `review`, the top suggestion).
    pub entity: Option<Arc<EntityKeys>>,
    /// Probability that `entity` is right; for `unknown`, that the mention names nobody with a note.
    pub confidence: f64,
    /// Ranked suggestions, best first.
    pub candidates: Vec<Candidate>,
    /// The evidence, in words.
    pub reasons: Vec<String>,
    /// Two or more candidates are about equally likely.
    pub ambiguous: bool,
    /// The top candidate's name is not written exactly and nothing else in the note points to
    /// it: the mention may well be someone new.
    pub uncorroborated: bool,
    /// The name evidence of the best candidate, in bits (how name-like the mention is).
    pub name_bits: f64,
    /// The top candidate's name matches without noise (exact parts, nicknames).
    pub exact_name: bool,
    /// One word of prose that names the entity without the note naming it another way: a chat
    /// handle writing the surname in full (`rbenoit`), or the opening word of the organisation
    /// the meeting's people work at (`Farrowby` for Farrowby Bank). Other single words name
    /// someone only beside another naming ([`crate::links::about`]).
    pub stands_alone: bool,
}

impl Resolution {
    /// No entity: the mention names nobody with a note, for `reasons`.
    pub(super) fn unknown(reasons: Vec<String>) -> Self {
        Resolution {
            decision: Decision::Unknown,
            entity: None,
            confidence: 1.0,
            candidates: Vec::new(),
            reasons,
            ambiguous: false,
            uncorroborated: false,
            name_bits: f64::NEG_INFINITY,
            exact_name: false,
            stands_alone: false,
        }
    }

    /// A word the person said is not a name.
    fn not_a_name(name: &str) -> Self {
        Resolution::unknown(vec![format!("you said '{name}' is not a name, in review")])
    }

    fn certain(decision: Decision, entity: &Arc<EntityKeys>, reason: String) -> Self {
        Resolution {
            decision,
            entity: Some(Arc::clone(entity)),
            confidence: 1.0,
            candidates: vec![Candidate {
                name: entity.title.as_str().into(),
                path: entity.path.as_str().into(),
                score: 1.0,
                evidence: Arc::default(),
            }],
            reasons: vec![reason],
            ambiguous: false,
            uncorroborated: false,
            name_bits: f64::INFINITY,
            exact_name: true,
            stands_alone: false,
        }
    }
}

/// One mention to resolve.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    /// The name as written (camel case already split).
    pub name: &'a str,
    /// 1-based line of the mention.
    pub line: usize,
    /// The mention is one name in a list of participants.
    pub in_list: bool,
    /// The mention is a link written as one entry of a participants line.
    pub listed_link: bool,
    /// Let names the note writes without a note compete (off while the note's own participants
    /// are being resolved).
    pub with_locals: bool,
    /// The mention credits its line to one person (`(via Name)`), so someone the line names in
    /// full is who it means, even with a misheard surname ([`score::misheard_surname`]).
    pub credits_line: bool,
    /// The mention is prose or a credit, which are never rewritten: a name damaged in transit
    /// may link there on its own ([`NameScore::spelled`]), never in what the user wrote as a
    /// link, an owner or a participant.
    pub in_prose: bool,
    /// The mention is a wikilink's target. Typed as a link outside a meeting, one word names
    /// someone only by their name as written: `[[Ionia]]` is a note not written yet, not John
    /// misheard.
    pub link: bool,
    /// One capitalised word opening its sentence ([`super::mentions::Found::opens_sentence`]):
    /// its capital says nothing, so it is never the organisation whose name it only opens
    /// (`Anchor tenants sign first` is not Anchor Water).
    pub opens_sentence: bool,
    /// The mention is a task's owner (`@Niko`): in a meeting, most often an attendee.
    pub owner: bool,
    /// A capitalised name of prose on a line in another language than English
    /// ([`everyday::in_another_language`]): one word of it may be an everyday word of that
    /// language.
    pub other_language: bool,
}

/// A candidate [`Resolver::resolve_inexact`] scores: its place in path order, the entity, its
/// name score, and its place in the name's reached entities when a lookup reached it.
type Picked<'e> = (u32, &'e Arc<EntityKeys>, NameScore, Option<usize>);

/// Everything resolution reads.
pub struct Resolver<'a> {
    /// The vault's candidate lookups.
    pub names: &'a EntityNames,
    /// Remembered review answers.
    pub settings: &'a Settings,
    /// What the vault's names answered about the names asked so far.
    asked: RefCell<Asked>,
}

/// What the vault's names say about written names one resolver has asked about: each is asked
/// of the vault's memos once (they are shared by every note, and lock).
#[derive(Debug, Default)]
pub struct Asked {
    evidence: HashMap<String, Arc<NameEvidence>>,
    exactly: HashMap<String, bool>,
}

struct Scored<'a> {
    entity: Option<&'a Arc<EntityKeys>>,
    local: Option<&'a context::Local>,
    name: NameScore,
    bits: f64,
    corroborated: bool,
    support: context::Support,
    /// The mention credits a line that names the entity in full, and its name is read as a
    /// misheard rendering of the entity's ([`Resolver::echoed`]).
    echo: bool,
    /// The mention is one word as likely something else as the entity
    /// ([`Resolver::resolve_inexact`]): the bits that took away, and why.
    opener: Option<(f64, Opener)>,
}

/// Why one word is as likely something else as the entity whose name it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// It opens a sentence, and the note names the entity only elsewhere.
    Sentence,
    /// It opens an organisation's name and is someone's name or a place's too, and the note
    /// names neither the organisation nor its people.
    NamesOtherwise,
}

impl<'a> Scored<'a> {
    /// An entity scored by its name and the note's support for it.
    fn candidate(entity: &'a Arc<EntityKeys>, name: NameScore, support: context::Support) -> Self {
        Scored {
            entity: Some(entity),
            local: None,
            bits: name.bits + support.bits,
            name,
            corroborated: support.corroborated,
            support,
            echo: false,
            opener: None,
        }
    }

    /// The note's evidence for the candidate, in words (`name` is the mention as written).
    fn reasons(&self, name: &str) -> Vec<String> {
        let Some(entity) = self.entity else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if self.echo {
            out.push(format!(
                "'{name}' credits a line that names {} in full: a misheard surname",
                entity.title
            ));
        }
        if let Some((_, why)) = self.opener {
            out.push(format!("'{name}' {}", opener_words(entity, why)));
        }
        out.extend(self.support.reasons(entity));
        out
    }

    /// What each piece of evidence weighed for the candidate: its name (`name`, from
    /// [`decide`]'s `describe`), a credit read as a misheard surname, and the note's support.
    fn evidence(&self, name: Vec<Weight>) -> Vec<Weight> {
        let Some(entity) = self.entity else {
            return name;
        };
        let mut out = name;
        if self.echo {
            out.push(Weight {
                factor: "credit".into(),
                bits: 0.0,
                words: format!("credits a line that names {} in full", entity.title).into(),
            });
        }
        if let Some((bits, why)) = self.opener {
            out.push(Weight {
                factor: "opener".into(),
                bits,
                words: format!("the word {}", opener_words(entity, why)).into(),
            });
        }
        out.extend(self.support.weights(entity));
        out
    }
}

impl<'a> Resolver<'a> {
    /// A resolver over the vault's `names`, with the review answers of `settings`: those of the
    /// index `names` belong to, whose memos hold what was decided under them.
    pub fn new(names: &'a EntityNames, settings: &'a Settings) -> Self {
        Resolver::asking(names, settings, Asked::default())
    }

    /// [`Resolver::new`], knowing what `asked` holds already (from a resolver over the same
    /// vault; see [`Resolver::into_asked`]).
    pub fn asking(names: &'a EntityNames, settings: &'a Settings, asked: Asked) -> Self {
        Resolver {
            names,
            settings,
            asked: RefCell::new(asked),
        }
    }

    /// What this resolver asked of the vault's names, for the next resolver over the same vault.
    pub fn into_asked(self) -> Asked {
        self.asked.into_inner()
    }

    fn rejected(&self, name: &str, title: &str) -> bool {
        self.settings
            .rejected
            .iter()
            .any(|r| fold(&r.text) == fold(name) && fold(&r.entity) == fold(title))
    }

    fn titled(&self, title: &str) -> Option<&'a Arc<EntityKeys>> {
        let key = normalize::name_key(title);
        let folded = fold(title);
        self.names.by_key(&key).find(|e| e.title_fold == folded)
    }

    /// The name score of a mention that credits its line to someone (`(via Rob Banga)`) when
    /// the line names `entity` in full and the mention is a misheard rendering of its name.
    fn echoed(
        &self,
        q: Query,
        tokens: &[Token],
        entity: &EntityKeys,
        ctx: &NoteContext,
    ) -> Option<NameScore> {
        if !q.credits_line || !ctx.names_on_line_entity(q.line, &entity.path) {
            return None;
        }
        score::misheard_surname(tokens, entity, self.names)
    }

    /// The entity the name is exactly (a title, an alias or a remembered answer), if only one is.
    /// The entity is looked up once per name in the vault ([`EntityNames::exact_memo`]).
    pub fn exact(&self, name: &str) -> Option<Resolution> {
        let ExactName { entity, how } = self
            .names
            .exact_memo()
            .get_or(name, || self.exact_name(name))?;
        let entity = &entity;
        Some(match how {
            ExactHow::Confirmed => Resolution::certain(
                Decision::Alias,
                entity,
                format!("you confirmed '{name}' as {} in review", entity.title),
            ),
            ExactHow::Alias(origin) => {
                Resolution::certain(Decision::Alias, entity, origin.explain(name, &entity.title))
            }
            ExactHow::Title => Resolution::certain(
                Decision::Exact,
                entity,
                FormOrigin::Title.explain(name, &entity.title),
            ),
            ExactHow::Folded => {
                let mut r = Resolution::certain(
                    Decision::Auto,
                    entity,
                    format!(
                        "'{name}' is {} written with other accents, case or punctuation",
                        entity.title
                    ),
                );
                r.reasons.push(
                    "spelled the same once accents, case and punctuation are set aside".into(),
                );
                r
            }
        })
    }

    /// The entity a `[[link]]` to `name` opens: the one whose note's title is `name`, compared
    /// in any case as Obsidian compares a link with file names. Obsidian opens the note so named
    /// whatever aliases other notes have, so where a title and another note's alias are the
    /// same words (`Rez's Dad`), a link to them is no question. A link by path
    /// (`[[People/Orinoco/Li Na]]`) opens the one note at the end of that path, whichever
    /// namesakes other folders hold. `None` when no entity's title is `name`, or several are.
    pub fn opened_by_link(&self, name: &str) -> Option<Resolution> {
        if answers::is_not_a_name(self.settings, name) {
            return None;
        }
        if let Some((_, title)) = name.rsplit_once('/') {
            return self.opened_by_path(name, title);
        }
        let lower = name.to_lowercase();
        let titled = self
            .names
            .by_key(&normalize::name_key(name))
            .filter(|e| e.title.to_lowercase() == lower && !self.rejected(name, &e.title));
        opened_only(titled, || {
            format!("'{name}' is the title of a note, which the link opens")
        })
    }

    /// The entity titled `title` whose note's path, without `.md`, is `path` or ends with it
    /// after a folder, as Obsidian opens a link by path; `None` unless exactly one is.
    fn opened_by_path(&self, path: &str, title: &str) -> Option<Resolution> {
        let lower = path.to_lowercase();
        let at = self.names.by_key(&normalize::name_key(title)).filter(|e| {
            let note = e.path.strip_suffix(".md").unwrap_or(&e.path).to_lowercase();
            (note == lower || note.ends_with(&format!("/{lower}")))
                && !self.rejected(title, &e.title)
        });
        opened_only(at, || {
            format!("'{path}' is the path of a note, which the link opens")
        })
    }

    /// [`Resolver::exact`]'s answer `r` for one word of prose opening its sentence, where
    /// every word is capitalised: an everyday word there (`Current plan is to wait`, `Anchor
    /// tenants sign first`) is as likely the word as the organisation named so exactly
    /// (Current), and asked about — unless the note names the organisation otherwise, writes
    /// the word as a name inside a sentence too, or the user confirmed it in review. A person
    /// titled with such a word (`Jack`, `Will`) is most often who the capital means there, and
    /// a word in capitals is an acronym (`ICE`), not the word.
    /// `None` when `r` stands.
    pub fn as_likely_the_word(
        &self,
        r: &Resolution,
        name: &str,
        ctx: &NoteContext,
    ) -> Option<Resolution> {
        let entity = r.entity.as_ref()?;
        let key = normalize::name_key(name);
        if !r.decision.is_confident()
            || entity.kind != NoteKind::Org
            || key.contains(' ')
            || name
                .split(['\'', '’'])
                .next()
                .is_some_and(normalize::is_all_caps)
            || !everyday::is_common_word(&key)
            || ctx.is_present(&entity.path)
            || ctx.writes_mid_sentence(name)
            || self.confirmed(name).is_some()
        {
            return None;
        }
        let mut word = r.clone();
        word.decision = Decision::Review;
        word.confidence = 0.5;
        for c in &mut word.candidates {
            c.score = 0.5;
        }
        word.uncorroborated = true;
        word.reasons.push(format!(
            "'{name}' opens a sentence, where every word is capitalised, and is an everyday \
             word the note does not write as {}'s name otherwise: as likely the word",
            entity.title
        ));
        Some(word)
    }

    /// The entity the user confirmed `name` as in review, if any.
    fn confirmed(&self, name: &str) -> Option<&Arc<EntityKeys>> {
        if self.settings.accepted.is_empty() {
            return None;
        }
        let folded = fold(name);
        let answer = (self.settings.accepted.iter()).find(|r| fold(&r.text) == folded)?;
        self.titled(&answer.entity)
    }

    /// What [`Resolver::exact`] decides, looked up in the vault and the review answers.
    fn exact_name(&self, name: &str) -> Option<ExactName> {
        if answers::is_not_a_name(self.settings, name) {
            return None;
        }
        if let Some(entity) = self.confirmed(name) {
            return Some(ExactName {
                entity: Arc::clone(entity),
                how: ExactHow::Confirmed,
            });
        }
        let key = normalize::name_key(name);
        if key.is_empty() {
            return None;
        }
        let mut hits = self
            .names
            .by_key(&key)
            .filter(|e| !self.rejected(name, &e.title));
        let entity = hits.next()?;
        if hits.next().is_some() {
            return None;
        }
        let form = entity.forms.iter().find(|f| f.key == key)?;
        // A key keeps no comma: `Uthman, Abdullah` is Abdullah Uthman written surname first,
        // not Uthman Abdullah, unless the name itself holds the comma.
        if name.contains(',') && !form.text.contains(',') {
            return None;
        }
        // A key keeps no number: `360 Media` is no `Media`, nor `1789 Capital` `Capital`.
        if !form.alias && numbers(name).ne(numbers(&entity.title)) {
            return None;
        }
        // Folded alike but written with other accents than the name's (`Nguyễn Thị Hường`
        // for Nguyễn Thị Hương): another name, scored as a likeness.
        if !name.is_ascii() && !form.text.is_ascii() {
            let written = normalize::tokens(name);
            if (written.iter().zip(&form.tokens)).any(|(w, f)| !w.same_letters(f)) {
                return None;
            }
        }
        if form.alias && form.tokens.len() < 2 && !handle_writing_the_surname(&form.key, entity) {
            // A one-word alias (`Seun`, `Jon`) may as well be someone else's short name: it is
            // scored with the note's context like any other word. Not a handle the note's owner
            // gave as the alias that writes the name's surname (`lhaddad` of Layla Haddad).
            return None;
        }
        let how = if form.alias {
            ExactHow::Alias(form.origin)
        } else if fold(name) == entity.title_fold {
            ExactHow::Title
        } else {
            ExactHow::Folded
        };
        Some(ExactName {
            entity: Arc::clone(entity),
            how,
        })
    }

    /// False when no candidate's name can match `name` without noise (every part exact or a
    /// nickname, or the acronym): then no resolution of `name` has an exact name. A cheap
    /// necessary condition, from lookups only: the first and last parts must each be some
    /// entity's name part, or a nickname of one.
    pub fn may_name_exactly(&self, name: &str) -> bool {
        if let Some(answer) = self.asked.borrow().exactly.get(name) {
            return *answer;
        }
        let answer = self.names.exactly_memo().get_or(name, || {
            let tokens = normalize::tokens(name);
            let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
                return false;
            };
            let acronym = tokens.len() == 1
                && normalize::is_all_caps(name)
                && self.names.by_acronym(&first.key).next().is_some();
            acronym || (self.names.has_part(first) && self.names.has_part(last))
        });
        self.asked
            .borrow_mut()
            .exactly
            .insert(name.to_string(), answer);
        answer
    }

    /// Resolves a mention: exactly when it can, else by scoring candidates in the note's context.
    pub fn resolve(&self, q: Query, ctx: &NoteContext) -> Resolution {
        self.exact(q.name)
            .unwrap_or_else(|| self.resolve_inexact(q, ctx))
    }

    /// Resolves a lowercase word of speech that sounds like the given name of `people`, who the
    /// note names for sure ([`super::spoken`]): scored like any mention, but only ever asked
    /// about — an everyday word heard as a name is too easy to mistake to link unasked.
    pub fn resolve_spoken(
        &self,
        q: Query,
        people: &[&Arc<EntityKeys>],
        ctx: &NoteContext,
    ) -> Resolution {
        if answers::is_not_a_name(self.settings, q.name) {
            return Resolution::not_a_name(q.name);
        }
        let scored: Vec<Scored> = people
            .iter()
            .filter(|e| !self.rejected(q.name, &e.title))
            .map(|entity| {
                let support = ctx.support(entity, self.names, q.line, q.in_list);
                let name = NameScore {
                    bits: score::SPOKEN_BITS,
                    exact: false,
                    plausible: true,
                    alias: false,
                    spelled: false,
                    handle: false,
                    respelled: false,
                    contradicted: false,
                    nicknamed: false,
                    by_nickname: false,
                };
                Scored::candidate(entity, name, support)
            })
            .collect();
        let unseen = score::UNSEEN_BITS + ctx.absence_bits(self.names, NoteKind::Person);
        let mut r = decide(q, scored, unseen, |s| {
            s.entity
                .map(|e| {
                    vec![Weight {
                        factor: "phonetics".into(),
                        bits: score::SPOKEN_BITS,
                        words: format!("'{}' is spoken like the given name of {}", q.name, e.title)
                            .into(),
                    }]
                })
                .unwrap_or_default()
        });
        if r.decision.is_confident() {
            r.decision = Decision::Review;
            r.reasons
                .push("written in lowercase in speech, so asked rather than linked".into());
        }
        r
    }

    /// What the vault's names say about `name`, memoised across notes.
    fn evidence(&self, name: &str) -> Arc<NameEvidence> {
        if let Some(evidence) = self.asked.borrow().evidence.get(name) {
            return Arc::clone(evidence);
        }
        let evidence = self
            .names
            .evidence_memo()
            .get_or(name, || Arc::new(NameEvidence::of(name, self.names)));
        self.asked
            .borrow_mut()
            .evidence
            .insert(name.to_string(), Arc::clone(&evidence));
        evidence
    }

    /// The paths of the entities the note names on the query's line that
    /// [`Resolver::resolve_inexact`] scores as candidates for it: the only way its line enters its
    /// resolution. Two queries of one name alike but for their lines resolve alike when this is
    /// the same for both (empty, most often).
    pub fn named_on_line_for(&self, q: Query, ctx: &NoteContext) -> Vec<String> {
        if q.in_list && !q.credits_line {
            return Vec::new();
        }
        let mut named = ctx.named_on_line(q.line).peekable();
        if named.peek().is_none() {
            return Vec::new();
        }
        let evidence = self.evidence(q.name);
        // Every entity named on a line is present in the note: it is a candidate when a lookup
        // reached it, or when it is a person whose name may agree with the mention.
        named
            .filter(|path| {
                evidence.position(path).is_some()
                    || ctx
                        .present_person(path)
                        .is_some_and(|e| score::may_agree(&evidence.tokens, e))
            })
            .map(str::to_string)
            .collect()
    }

    /// Resolves a mention [`Resolver::exact`] found no entity for, by scoring candidates in the
    /// note's context (for callers that already asked for an exact answer).
    pub fn resolve_inexact(&self, q: Query, ctx: &NoteContext) -> Resolution {
        if answers::is_not_a_name(self.settings, q.name) {
            return Resolution::not_a_name(q.name);
        }
        let evidence = self.evidence(q.name);
        let tokens = &evidence.tokens;
        if tokens.is_empty() {
            return Resolution::unknown(vec!["no name to resolve".into()]);
        }
        let lowercase_word = tokens.len() == 1 && !q.name.chars().any(char::is_uppercase);
        // A word in capitals is an acronym only where an organisation has those initials
        // (`NDWA`) or an entity is named so in capitals (`VAST`); any other (`FLED`, `DRAGON`)
        // is a word shouted, read as the word written in lowercase is: the everyday-word and
        // typed-word tests below hold for it too.
        let acronym = evidence.acronym.as_deref().filter(|a| {
            self.names.by_acronym(a).next().is_some()
                || evidence
                    .reached
                    .iter()
                    .any(|(_, e)| e.forms.iter().any(|f| f.text == q.name))
        });
        // An everyday word written as one (`National`, `Grace`, `NATIONAL`; not `VaST`, an
        // organisation's acronym, nor `Vân`, whose accent makes it no English word).
        let everyday_word = acronym.is_none()
            && q.name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_ascii())
            && (q.name.chars().skip(1).all(|c| !c.is_uppercase())
                || normalize::is_all_caps(q.name))
            && matches!(tokens.as_slice(), [only] if everyday::is_common_word(&only.key));
        // A word English writes with a capital, no one's name (`European`, `Chinese`): opening
        // an organisation's name (European Union) it is the word, as an everyday word is.
        // Asked only of an organisation whose name it may open.
        let proper_word = || {
            acronym.is_none()
                && matches!(tokens.as_slice(), [only] if everyday::is_proper_word(&only.key))
        };
        // Everyday words written in lowercase (`the water services`, `the health trust`): part
        // of an organisation's name for sure only where the note names it otherwise (Danube
        // Health Trust on a line before), else as likely a phrase (see below).
        let everyday_phrase = tokens.len() > 1
            && !q.name.chars().any(char::is_uppercase)
            && tokens.iter().all(|t| everyday::is_common_word(&t.key));
        // Everyday words shouted in capitals (`GOOD NEWS`, `BIG DRAGON`): no name, unless the
        // vault has it written so ([`Resolver::exact`] answered that before).
        if tokens.len() > 1
            && normalize::is_all_caps(q.name)
            && tokens.iter().all(|t| everyday::is_common_word(&t.key))
        {
            return Resolution::unknown(vec![format!(
                "'{}' is everyday words in capitals, not a name",
                q.name
            )]);
        }
        // A word opening a sentence, capitalised as any word is there (not `VaST`, not `NATO`).
        let sentence_word = q.opens_sentence
            && acronym.is_none()
            && q.name.chars().skip(1).all(|c| !c.is_uppercase());
        // A name written in prose (not a credit, not an acronym) never names an entity by its
        // qualifier alone; one word alone names it only by its own name words, and outside a
        // meeting only as written (see `prose_word`).
        let written = q.in_prose && !q.credits_line && acronym.is_none();
        // A title and one word (`Ayatollah Barujani`, `Captain Verrick`) are that word's name:
        // the title says what someone is, not who.
        let alone = match tokens.as_slice() {
            [word] if written => Some(word),
            [title, word] if written && score::is_title(&title.key) => Some(word),
            _ => None,
        };
        // One word typed as a link, outside a meeting: named as written, or nobody (`alone`'s
        // test, without the weight typed prose adds).
        let as_written = alone.or(match tokens.as_slice() {
            [word] if q.link && acronym.is_none() && !ctx.is_meeting() => Some(word),
            _ => None,
        });
        // The best reached candidates, and those the note names (see `EntityNames::candidates`).
        let best = evidence.reached.len().min(score::MAX_SCORED_CANDIDATES);
        let rest = evidence.reached.get(best..).unwrap_or_default();
        let beyond: Vec<usize> = if rest.len() <= ctx.present().len() {
            (best..evidence.reached.len())
                .zip(rest)
                .filter(|(_, (_, e))| ctx.is_present(&e.path))
                .map(|(i, _)| i)
                .collect()
        } else {
            // A name many entities share: the note's own are looked up among them instead.
            ctx.present()
                .filter_map(|path| evidence.position(path))
                .filter(|i| *i >= best)
                .collect()
        };
        let mut picked: Vec<Picked> = (0..best)
            .chain(beyond)
            .filter_map(|i| {
                let (place, e) = evidence.reached.get(i)?;
                let name = evidence.scores.get(i).copied().unwrap_or_else(|| {
                    evidence.score_of(e, || {
                        score::match_entity(tokens, e, self.names, acronym).map(|m| m.score())
                    })
                });
                Some((*place, e, name?, Some(i)))
            })
            .collect();
        // The reached entities are in path order (each has its own place), before the rest.
        picked.sort_unstable_by_key(|p| p.0);
        // The people the note names whom no lookup reached (`Seun` ends Oluwaseun): the note's
        // own people always compete, after the reached ones, in the order the note names them.
        for person in ctx.people_who_may_agree(tokens) {
            // Every reached entity the note names is picked already.
            if !evidence.reaches(person) {
                let name = evidence.score_of(person, || {
                    score::match_entity(tokens, person, self.names, acronym).map(|m| m.score())
                });
                if let Some(name) = name {
                    picked.push((u32::MAX, person, name, None));
                }
            }
        }
        // A task's owner is a person: `@Morgan` is no Morgan Stanley.
        if q.owner {
            picked.retain(|p| p.1.kind == NoteKind::Person);
        }
        // One word of typed prose that is a person's name in the vault (`Victoria` of Victoria
        // Hale) weighs as the person's word does where it opens an organisation's name
        // (Victoria Rovers FC): a place, a book or someone else of that name as often.
        let a_persons_word = alone.is_some_and(|word| {
            prose_word::names_a_person(word, evidence.reached.iter().map(|(_, e)| e.as_ref()))
        });
        // … or a given name the name tables know (`Victoria`, `Mercedes`), or a place's
        // (`Paris`, `Jordan`): the word has another reading than an organisation's.
        let another_reading = || {
            a_persons_word
                || alone.is_some_and(|word| {
                    nicknames::id(&word.key).is_some() || places::is_place(&word.key)
                })
        };
        // Words of prose that are a place's name (`New York`, `Den Haag`): where they are only
        // part of an organisation's name (the New York Times, Gemeente Den Haag), the place.
        let a_places_name = written && tokens.len() > 1 && places::is_place_name(q.name);
        // The name abbreviates a term (`KPI`, `GTM`; see below).
        let term = acronym.is_some_and(everyday::is_term_abbreviation)
            || (normalize::is_all_caps(q.name) && everyday::is_term_abbreviation(q.name));
        // One word of a meeting that is a place's name (`Kuwait`), linked or not: the place
        // heard, as speech-to-text writes a place it heard, so no Kateryna misheard. Someone
        // whose name it is as written (Jordan Pell) may still be named by it.
        let place_heard = match tokens.as_slice() {
            [word] if ctx.is_meeting() && acronym.is_none() && places::is_place(&word.key) => {
                Some(word)
            }
            _ => None,
        };
        let mut scored: Vec<Scored> = Vec::new();
        // Why the first candidate a written name cannot be was passed over (see `prose_word`).
        let mut passed_over: Option<String> = None;
        for (_, entity, mut name, reached_at) in picked {
            if self.rejected(q.name, &entity.title) {
                continue;
            }
            let echo = (!name.plausible)
                .then(|| self.echoed(q, tokens, entity, ctx))
                .flatten();
            if let Some(echo) = echo {
                name = echo;
            }
            if lowercase_word {
                // A lowercase word may be an ordinary word that happens to be a name.
                name.exact = false;
            }
            // A number is part of a name, though keys keep none: `Media` is no `360 Media`,
            // nor `Project` `Project 2025`.
            if !entity.forms.is_empty()
                && entity
                    .forms
                    .iter()
                    .all(|f| numbers(&f.text).any(|n| !numbers(q.name).any(|m| m == n)))
            {
                continue;
            }
            if written && prose_word::only_qualifier(tokens, entity) {
                // `Milan` of Ambrose of Milan, `Saint Ives` of Guild of Saint Ives.
                passed_over.get_or_insert_with(|| {
                    format!(
                        "'{}' is only in the qualifier of {}'s name",
                        q.name, entity.title
                    )
                });
                continue;
            }
            let typed = alone.is_some() && !name.spelled && !ctx.is_meeting();
            // A meeting's words may be heard; on a line of another language, a word that is no
            // given name the tables know may be that language's everyday word (`Ende August`
            // is no Andi misheard, `Frau Roth` no Reto), and is read as typed.
            let heard = |word: &Token| {
                ctx.is_meeting() && !(q.other_language && nicknames::id(&word.key).is_none())
            };
            // A place's name heard is no one it is not the name of as written (see `place_heard`).
            if place_heard
                .is_some_and(|word| prose_word::level(word, entity) != Some(score::Level::Exact))
            {
                passed_over.get_or_insert_with(|| {
                    format!(
                        "'{}' is the name of a place, not {}'s name as written",
                        q.name, entity.title
                    )
                });
                continue;
            }
            if as_written.is_some_and(|word| {
                // The word is the name's only token: how it compares with a reached entity is
                // the name's evidence's to remember.
                let level = || prose_word::level(word, entity);
                !name.spelled
                    && !prose_word::may_name(
                        match reached_at {
                            Some(i) => evidence.alone_level(i, level),
                            None => evidence.alone_of(entity, level),
                        },
                        heard(word),
                    )
                    && !prose_word::is_handle(word, entity)
            }) {
                // Typed, `Christianity` is not Christ misheard, nor `Amos` Moses's nickname.
                passed_over.get_or_insert_with(|| {
                    if as_written.is_some_and(|word| ctx.is_meeting() && !heard(word)) {
                        format!(
                            "'{}' is not {}'s name as written, and its line is in a language \
                             whose everyday words are not known",
                            q.name, entity.title
                        )
                    } else if ctx.is_meeting() {
                        format!("'{}' is like none of {}'s names", q.name, entity.title)
                    } else {
                        format!(
                            "'{}' is not {}'s name as written, and this note is typed, not heard",
                            q.name, entity.title
                        )
                    }
                });
                continue;
            }
            let mut support = if name.plausible {
                ctx.support(entity, self.names, q.line, q.in_list)
            } else {
                context::Support {
                    bits: ctx.absence_bits(self.names, entity.kind),
                    unheeded: ctx.presence_of(&entity.path),
                    ..Default::default()
                }
            };
            let persons_word =
                entity.kind == NoteKind::Person || (a_persons_word && opens_org_name(entity));
            if typed && persons_word && !support.corroborated {
                // `Judah` of a kingdom, `Alexander` of a book: see `score::TYPED_WORD_BITS`.
                support.bits += score::TYPED_WORD_BITS;
            }
            // A word opening a sentence is capitalised as any word is there. The opening word
            // of an organisation's name (`Lantern` of Lantern Foods) is the organisation
            // there only where the note says so for this occurrence: its line names it, the
            // note is its own, or its writer shortens the name to that word inside a sentence
            // too (`We met Beacon about the lease`).
            // So is one in a line of another language, whose everyday words the engine does
            // not know (`De Gemeente heeft…` beside Gemeente Den Haag, German `Stadt`).
            let other_language = q.other_language && alone.is_some() && acronym.is_none();
            let org_opener = opens_org_name(entity)
                && ((sentence_word && !ctx.writes_mid_sentence(q.name)) || other_language);
            if org_opener && name.exact && !support.corroborated {
                // `Anchor tenants`, `Beacon of hope`: where every word is capitalised, the
                // opening word of an organisation's name the note does not name otherwise is
                // the word — and no one else's name either.
                let (name, title) = (q.name, &entity.title);
                let why = match sentence_word {
                    true => format!("'{name}' opens a sentence and the name of {title}"),
                    false => format!(
                        "'{name}', in a line of a language whose everyday words are not known, \
                         opens the name of {title}"
                    ),
                };
                return Resolution::unknown(vec![format!(
                    "{why}, which the note does not name: read as the word"
                )]);
            }
            if term && !support.corroborated {
                // `the KPI dashboard`: a term's abbreviation is the organisation of those
                // initials (Keystone Partners Inc), or one whose name it opens (`GTM strategy`
                // beside GTM Labs), only where the note names it otherwise.
                passed_over.get_or_insert_with(|| {
                    format!(
                        "'{}' abbreviates a term, and this note does not name {} otherwise",
                        q.name, entity.title
                    )
                });
                continue;
            }
            if opens_org_name(entity) && proper_word() {
                // `European` of European Union, `Chinese` of Chinese Academy of Sciences: a
                // word English writes with a capital, never the organisation.
                passed_over.get_or_insert_with(|| {
                    format!(
                        "'{}' is a word English writes with a capital, and opens the name of {}",
                        q.name, entity.title
                    )
                });
                continue;
            }
            if everyday_word && !(name.exact && support.corroborated && !opens_org_name(entity)) {
                // `Grace period`, `Frank conversation`, `Slack`: an everyday word alone names
                // someone only when it is their name exactly and the note names them; opening
                // an organisation's name (`National` of National Biotech, `Royal`, `Gulf`) it
                // is the word, never the organisation.
                continue;
            }
            // What holds for this occurrence of a word the sentence capitalised is its line
            // naming the entity, or the note being the entity's own. The note naming it on
            // another line, linking it or listing them as attending says nothing about it
            // (`Lantern festivals draw crowds` in a note naming Lantern Foods, `Grace
            // period` in a meeting Grace attends): the word and the entity are then even.
            let elsewhere_only = name.exact
                && (org_opener || (everyday_word && sentence_word))
                && !support.same_line
                && support.presence != Some(context::Presence::Own);
            // One word opening an organisation's name that is someone's name or a place's too
            // (`Victoria` of Victoria Rovers, `Paris` of Paris Baguette), or words of its name
            // that are a place's (`Den Haag` of Gemeente Den Haag), where nothing in the note
            // names the organisation or its people: the person or the place as likely.
            let read_otherwise = name.exact
                && !support.corroborated
                && !support.home
                && ((opens_org_name(entity) && another_reading())
                    || (a_places_name && holds_more_than(entity, tokens.len())));
            let mut candidate = Scored::candidate(entity, name, support);
            candidate.echo = echo.is_some();
            if elsewhere_only || read_otherwise {
                let even = score::UNSEEN_BITS + ctx.absence_bits(self.names, entity.kind);
                let why = match elsewhere_only {
                    true => Opener::Sentence,
                    false => Opener::NamesOtherwise,
                };
                candidate.opener = Some((even - candidate.bits, why));
                candidate.bits = even;
            }
            scored.push(candidate);
        }
        if q.with_locals {
            let bits =
                ctx.presence_bits(self.names, NoteKind::Person, context::Presence::Participant);
            for local in ctx.locals() {
                if let Some(name) =
                    score::match_local(tokens, &local.tokens).filter(|n| n.plausible)
                {
                    scored.push(Scored {
                        entity: None,
                        local: Some(local),
                        bits: name.bits + bits,
                        name: name.score(),
                        corroborated: true,
                        support: context::Support::default(),
                        echo: false,
                        opener: None,
                    });
                }
            }
        }
        if scored.is_empty() && everyday_word {
            return Resolution::unknown(vec![format!(
                "'{}' is an everyday word, and the note names nobody called so",
                q.name
            )]);
        }
        if let Some(reason) = passed_over.filter(|_| scored.is_empty()) {
            return Resolution::unknown(vec![reason]);
        }
        let kind = scored
            .iter()
            .filter_map(|s| s.entity.map(|e| (s.name.bits, e.kind)))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map_or(NoteKind::Person, |(_, k)| k);
        let unseen = score::UNSEEN_BITS + ctx.absence_bits(self.names, kind);
        // The comparison in words, for the winner only.
        let describe = |s: &Scored| {
            let name = match (s.entity, s.local) {
                (Some(e), _) => {
                    let weights = || {
                        score::match_entity(tokens, e, self.names, acronym)
                            .map(|m| m.weights())
                            .unwrap_or_default()
                    };
                    // Scoring a reached entity read what the name's evidence read already.
                    return match evidence.position(&e.path) {
                        Some(i) => evidence.described(i, weights),
                        None => weights(),
                    };
                }
                (None, Some(l)) => score::match_local(tokens, &l.tokens),
                (None, None) => None,
            };
            name.map(|m| m.weights()).unwrap_or_default()
        };
        let mut r = decide(q, scored, unseen, describe);
        // Typed prose capitalises names: a word its writer left in lowercase (`gray hair`,
        // `dewi`) is as likely the word as a name, however sure the rest of the evidence is.
        if lowercase_word && written && !ctx.is_meeting() && r.decision.is_confident() {
            r.decision = Decision::Review;
            r.reasons
                .push("written in lowercase in typed prose, so asked rather than linked".into());
        }
        if everyday_phrase && r.decision.is_confident() {
            let named = (r.entity.as_ref())
                .is_some_and(|e| ctx.support(e, self.names, q.line, q.in_list).corroborated);
            if !named {
                r.decision = Decision::Review;
                r.reasons.push(
                    "everyday words in lowercase, and the note does not name it otherwise, so \
                     asked rather than linked"
                        .into(),
                );
            }
        }
        if q.owner && tokens.len() == 1 && ctx.is_meeting() && r.decision.is_confident() {
            ask_about_an_owner_nobody_attends(&mut r, ctx);
        }
        r
    }
}

fn decide(
    q: Query,
    mut scored: Vec<Scored>,
    unseen_bits: f64,
    describe: impl Fn(&Scored) -> Vec<Weight>,
) -> Resolution {
    let bits: Vec<f64> = scored.iter().map(|s| s.bits).collect();
    let (probs, unseen) = score::probabilities(&bits, unseen_bits);
    let mut ranked: Vec<(f64, Scored)> = probs.into_iter().zip(scored.drain(..)).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let suggested: Vec<&(f64, Scored)> = ranked
        .iter()
        .filter(|(p, s)| s.entity.is_some() && *p >= score::SUGGEST_PROBABILITY)
        .take(5)
        .collect();
    let mut candidates: Vec<Candidate> = suggested
        .iter()
        .filter_map(|(p, s)| {
            s.entity.map(|e| Candidate {
                name: e.title.as_str().into(),
                path: e.path.as_str().into(),
                score: round(*p),
                evidence: Arc::default(),
            })
        })
        .collect();
    let Some((p_top, top)) = ranked.first() else {
        return Resolution::unknown(vec![format!(
            "no person or organisation has a name like '{}'",
            q.name
        )]);
    };
    let runner_up = ranked
        .get(1)
        .map_or(unseen_bits, |(_, s)| s.bits.max(unseen_bits));
    let mut reasons: Vec<String> = describe(top)
        .into_iter()
        .map(|w| w.words.to_string())
        .collect();
    reasons.extend(top.reasons(q.name));
    let name_bits = ranked
        .iter()
        .filter(|(_, s)| s.entity.is_some())
        .map(|(_, s)| s.name.bits)
        .fold(f64::NEG_INFINITY, f64::max);
    if let Some(local) = top.local {
        reasons.insert(
            0,
            format!(
                "refers to {}, who is named in this note but has no note",
                local.text
            ),
        );
        return Resolution {
            decision: Decision::Unknown,
            entity: None,
            confidence: round(*p_top + unseen),
            candidates,
            reasons,
            ambiguous: false,
            uncorroborated: false,
            name_bits,
            exact_name: top.name.exact,
            stands_alone: false,
        };
    }
    let entity = top.entity.cloned();
    let second_entity = ranked
        .iter()
        .skip(1)
        .find(|(_, s)| s.entity.is_some())
        .map_or(0.0, |(p, _)| *p);
    let ambiguous = second_entity * score::AMBIGUOUS_RATIO >= *p_top;
    let margin = top.bits - runner_up;
    // In prose, a name of two parts or more written with one part changed by ear or by a letter
    // (`Tereza Mendes`) or shortened to an initial is evidence enough on its own: someone the
    // note names without a note competes as a name of its own. What the user wrote as a link,
    // an owner, a participant (where new people appear) or a credit takes the note's word: a
    // credit names its source on purpose, and `(via Omar Khalid)` is as likely a Khalid
    // without a note as a misspelt Omar Khalil.
    // In prose, a person's given name or surname alone (`Max`, `Gonzalez`) is theirs only where
    // the note says who is meant: they attend, are linked or named in full, or the line names
    // them. An owner (`@Lior`) or a participant is a person by how it is written. A chat handle
    // writing the surname in full (`rbenoit`) is no name alone: it is spelled like `R. Benoit`.
    // A title before the word changes nothing of it (`Mr Farouk`, `Frau Lindqvist`).
    let untitled = score::without_titles(q.name);
    let one_word_person = q.in_prose
        && top.entity.is_some_and(|e| e.kind == NoteKind::Person)
        && !untitled.trim().contains(char::is_whitespace)
        && !top.name.spelled;
    // A nickname about as long as the name the tables pair it with (`Anne` with Anna, `Clara`
    // with Claire) is as often a name of its own: written as a link, an owner or a participant, it
    // is that note's name only where the note says so (`@Anne Müller` is no Anna Müller whom
    // nothing else in the note names).
    let exact = top.name.exact && (q.in_prose || !top.name.nicknamed);
    let evidenced = if one_word_person {
        top.corroborated
    } else {
        exact || top.corroborated || (top.name.spelled && q.in_prose && !q.credits_line)
    };
    // A name written exactly as someone's (`Kyara`, of Kyara Vicente), or as their chat handle
    // (`haruka_h`, `lgarcia`), is as likely theirs as someone else's it only sounds or is
    // spelled like (`Gary`, `Haruka Ikeda`, `Gustavo Garcia`, who attend), however much
    // likelier the note makes them. So is a name only a nickname reaches (`Maximilian` for a
    // Max Vogel named elsewhere) beside someone it spells (Maximilian Hoffmann).
    let written_as_anothers = if top.name.respelled && !top.name.exact {
        (ranked.iter().skip(1))
            .find_map(|(_, s)| s.entity.filter(|_| s.name.exact || s.name.handle))
    } else if top.name.by_nickname {
        // One word none of the top's names spells, beside someone's it spells.
        let tokens = normalize::tokens(q.name);
        let spells = |e: &EntityKeys| {
            tokens.iter().all(|w| {
                spelled_part(w, e).is_some()
                    || (e.forms.iter()).any(|f| matches!(&f.tokens[..], [t] if w.same_letters(t)))
            })
        };
        (tokens.len() == 1 && top.entity.is_some_and(|e| !spells(e)))
            .then(|| {
                (ranked.iter().skip(1)).find_map(|(_, s)| {
                    s.entity
                        .filter(|e| s.name.exact && spells(e) || s.name.handle)
                })
            })
            .flatten()
    } else {
        None
    };
    // A name that is another's whole title (`Monad`, a note of its own, beside a Monad
    // Foundation the note names) is as likely theirs as the longer name's it opens.
    let written_as_anothers = written_as_anothers.or_else(|| {
        let others = ranked.iter().skip(1).any(|(_, s)| s.entity.is_some());
        let written = others.then(|| fold(q.name))?;
        (top.entity.is_some_and(|e| e.title_fold != written))
            .then(|| {
                (ranked.iter().skip(1))
                    .find_map(|(_, s)| s.entity.filter(|e| e.title_fold == written))
            })
            .flatten()
    });
    // One word that is only the top's surname and another's given name (`Per Noël`, beside an
    // Isaac Noël named elsewhere and a Noël Aubert): people are called by their given names, so
    // it is asked about, however much likelier the note makes the surname.
    let word = one_word_person
        .then(|| normalize::tokens(untitled))
        .filter(|tokens| tokens.len() == 1)
        .and_then(|mut tokens| tokens.pop());
    let given_name_of_another = word
        .filter(|w| {
            top.entity
                .is_some_and(|e| spelled_part(w, e) == Some(Part::Surname))
        })
        .and_then(|w| {
            (ranked.iter().skip(1)).find_map(|(_, s)| {
                s.entity
                    .filter(|e| e.kind == NoteKind::Person)
                    .filter(|e| spelled_part(&w, e) == Some(Part::Given))
            })
        });
    let spelled_as_anothers = spelled_almost_as_anothers(&q, top, &ranked);
    let decision = if *p_top >= score::AUTO_PROBABILITY
        && margin >= score::AUTO_MARGIN_BITS
        && evidenced
        && !ambiguous
        && written_as_anothers.is_none()
        && given_name_of_another.is_none()
        && spelled_as_anothers.is_none()
    {
        // Only a name written as the alias is (`[[Ana]]`), not one a nickname or a derived
        // form reaches (`Anna Silva` is no alias of Ana Silva because she goes by `Ana`).
        let written_as_alias = || {
            let key = normalize::name_key(q.name);
            top.entity
                .is_some_and(|e| e.forms.iter().any(|f| f.alias && f.key == key))
        };
        if top.name.alias && top.name.exact && written_as_alias() {
            Decision::Alias
        } else {
            Decision::Auto
        }
    } else if q.in_prose
        && !q.credits_line
        && !top.name.plausible
        && !evidenced
        && !ambiguous
        && top.entity.is_some_and(|e| only_like_a_word_of(q.name, e))
    {
        // A run of prose words of which one is only like a one-word name (`Deep Dive`, `Deep`
        // ending Pradeep's name; `Elon Musk` of an Elain) is some other name: nobody to suggest.
        Decision::Unknown
    } else if *p_top >= score::REVIEW_PROBABILITY || (ambiguous && top.name.plausible) {
        Decision::Review
    } else {
        Decision::Unknown
    };
    match decision {
        Decision::Auto | Decision::Alias => reasons.push(format!(
            "probability {:.2}, {margin:.1} bits ahead of the next explanation",
            p_top
        )),
        Decision::Review if ambiguous => reasons.push(format!(
            "{} candidates are about equally likely",
            ranked
                .iter()
                .filter(|(p, s)| s.entity.is_some() && p * score::AMBIGUOUS_RATIO >= *p_top)
                .count()
        )),
        Decision::Review if written_as_anothers.is_some() => {
            if let Some(other) = written_as_anothers {
                reasons.push(format!(
                    "'{}' spells {}'s name, where it is only like this one",
                    q.name, other.title
                ));
            }
        }
        Decision::Review if spelled_as_anothers.is_some() => {
            if let Some(other) = spelled_as_anothers {
                reasons.push(format!(
                    "'{}' is spelled almost as {}'s name, where it only sounds like this one",
                    q.name, other.title
                ));
            }
        }
        Decision::Review if given_name_of_another.is_some() => {
            if let Some(other) = given_name_of_another {
                reasons.push(format!(
                    "'{}' is {}'s given name, and only this one's surname",
                    q.name, other.title
                ));
            }
        }
        Decision::Review if !evidenced => reasons.push(
            "the name is not written exactly and nothing else in the note points to them".into(),
        ),
        Decision::Review => {
            reasons.push(format!("probability {p_top:.2} is below the bar to link"))
        }
        _ => reasons.push(format!(
            "more likely someone without a note (probability {unseen:.2})"
        )),
    }
    if decision == Decision::Review {
        // Asked about: each candidate shows what weighed for and against it.
        for (candidate, (_, s)) in candidates.iter_mut().zip(&suggested) {
            candidate.evidence = s.evidence(describe(s)).into();
        }
    }
    let uncorroborated = !evidenced && decision == Decision::Review;
    let lookalike =
        uncorroborated && (top.name.respelled || top.name.contradicted) && written_as_lookalike(&q);
    // Not where the note names the organisation otherwise, as its own note or its people's.
    let elsewhere =
        top.support.presence.is_some() || top.support.unheeded.is_some() || top.support.home;
    let extended = (uncorroborated && !elsewhere)
        .then(|| {
            top.entity
                .filter(|e| extends_an_organisations_name(q.name, e))
        })
        .flatten();
    let confidence = if decision == Decision::Unknown {
        unseen
    } else if (lookalike || extended.is_some() || spelled_as_anothers.is_some())
        && *p_top > score::LOOKALIKE_PROBABILITY
    {
        // Every suggestion is scaled alike, so they keep their order.
        let scale = score::LOOKALIKE_PROBABILITY / *p_top;
        for c in &mut candidates {
            c.score = round(c.score * scale);
        }
        reasons.push(match (extended, spelled_as_anothers) {
            (Some(org), _) => format!(
                "'{}' writes more than {}'s name: as often another organisation",
                q.name, org.title
            ),
            (None, Some(other)) if !lookalike => format!(
                "a word spelled almost as {}'s name is rarely someone it only sounds like",
                other.title
            ),
            _ => {
                "a participant only spelled like someone's is theirs about one time in four".into()
            }
        });
        score::LOOKALIKE_PROBABILITY
    } else {
        *p_top
    };
    Resolution {
        decision,
        entity: if decision == Decision::Unknown {
            None
        } else {
            entity
        },
        confidence: round(confidence),
        candidates,
        reasons,
        ambiguous: ambiguous && decision == Decision::Review,
        uncorroborated,
        name_bits,
        exact_name: top.name.exact,
        stands_alone: top.name.spelled || top.support.home,
    }
}

/// True when `key` is a chat handle of `entity`'s title that writes its surname in full
/// (`lhaddad`, `laylahaddad` of Layla Haddad; see [`score::handle_of`]): no one else's short
/// name, as a given name alone may be.
fn handle_writing_the_surname(key: &str, entity: &EntityKeys) -> bool {
    let title = entity.forms.iter().find(|f| f.origin == FormOrigin::Title);
    entity.kind == NoteKind::Person
        && title.is_some_and(|t| {
            score::handle_of(key, &t.tokens).is_some_and(score::Handle::writes_surname)
        })
}

/// The candidate after `top` whose name one written word (`Meridien`) is spelled almost as
/// (the organisation Meridian) where `top` is reached only by the word's sound (Maarten, who
/// attends): a word spelled and heard like one name is not taken for another it only sounds
/// like, however much likelier the note makes that one.
fn spelled_almost_as_anothers<'e>(
    q: &Query,
    top: &Scored<'e>,
    ranked: &[(f64, Scored<'e>)],
) -> Option<&'e Arc<EntityKeys>> {
    if !top.name.respelled || top.name.exact {
        return None;
    }
    let mut tokens = normalize::tokens(q.name);
    let word = tokens.pop().filter(|_| tokens.is_empty())?;
    let close = |e: &EntityKeys| {
        (e.forms.iter().flat_map(|f| &f.tokens))
            .any(|t| normalize::similarity(&word.key, &t.key) >= score::CLOSE_SIMILARITY)
    };
    if top.entity.is_none_or(|e| close(e)) {
        return None;
    }
    (ranked.iter().skip(1)).find_map(|(_, s)| s.entity.filter(|e| close(e)))
}

/// True when `name` is an organisation's whole name, in one of its forms, followed by more
/// capitalised words (`Meridian Bank`, `Atlas Copco` beside the notes Meridian and Atlas):
/// where nothing else in the note points to it, another firm of that first name as often as
/// theirs ([`score::LOOKALIKE_PROBABILITY`]).
fn extends_an_organisations_name(name: &str, entity: &EntityKeys) -> bool {
    let key = normalize::name_key(name);
    entity.kind == NoteKind::Org
        && (entity.forms.iter()).any(|f| {
            !f.key.is_empty()
                && key
                    .strip_prefix(f.key.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
        })
        && (name.split_whitespace().skip(1)).all(|w| w.starts_with(char::is_uppercase))
}

/// True for a mention written as a participant, in a list or as a link among them, where a
/// name spelled like someone's is more often someone without a note
/// ([`score::LOOKALIKE_PROBABILITY`]); an owner or a credit so spelled is the person it is like
/// nearly always.
fn written_as_lookalike(q: &Query) -> bool {
    (q.in_list || q.listed_link) && !q.owner && !q.credits_line && !q.in_prose
}

/// Asks about `r`, the confident resolution of a one-word owner in a meeting (`@Niko`), when it
/// names a person the note does not name and the word does not name them on its own (a handle
/// writing the surname, `@rbenoit`): an action item's owner is most often an attendee, and a
/// given name alone may be anyone's called so, or an attendee's nickname no table has.
fn ask_about_an_owner_nobody_attends(r: &mut Resolution, ctx: &NoteContext) {
    let absent = |e: &Arc<EntityKeys>| e.kind == NoteKind::Person && !ctx.is_present(&e.path);
    if r.stands_alone || !r.entity.as_ref().is_some_and(absent) {
        return;
    }
    r.decision = Decision::Review;
    r.uncorroborated = true;
    r.reasons.retain(|why| !why.starts_with("probability "));
    r.reasons.push(
        "one word names no one this meeting names: asked rather than linked to someone absent"
            .into(),
    );
}

/// Why one word is as likely something else as `entity` ([`Scored::opener`]).
fn opener_words(entity: &EntityKeys, why: Opener) -> String {
    match why {
        Opener::Sentence => format!(
            "opens a sentence, where any word is capitalised, and {} is named only elsewhere \
             in this note: as likely the word",
            entity.title
        ),
        Opener::NamesOtherwise => format!(
            "is part of the name of {} and a person's or a place's name too, and this note \
             names neither {} nor its people: as likely the person or the place",
            entity.title, entity.title
        ),
    }
}

/// True for an organisation all of whose names have more than one word: a single word can only
/// be the opening of its name.
fn opens_org_name(entity: &EntityKeys) -> bool {
    holds_more_than(entity, 1)
}

/// True for an organisation all of whose names have more than `words` words: so many words can
/// only be part of its name.
fn holds_more_than(entity: &EntityKeys, words: usize) -> bool {
    entity.kind == NoteKind::Org && entity.forms.iter().all(|f| f.tokens.len() > words)
}

/// Which part of a person's name one written word spells, letter for letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The first word of a name of theirs of two words or more.
    Given,
    /// The last word of such a name, and no first word of theirs.
    Surname,
}

/// The part of `entity`'s names the written word spells (see [`Part`]), if any.
fn spelled_part(word: &Token, entity: &EntityKeys) -> Option<Part> {
    let long = || entity.forms.iter().filter(|f| f.tokens.len() > 1);
    if long().any(|f| f.tokens.first().is_some_and(|t| word.same_letters(t))) {
        Some(Part::Given)
    } else if long().any(|f| f.tokens.last().is_some_and(|t| word.same_letters(t))) {
        Some(Part::Surname)
    } else {
        None
    }
}

/// True when `name` is a run of words (`Deep Dive`) and every name of `entity` is one word
/// that no word of the run is written as (Pradeep): at most one word of the run is only like it.
fn only_like_a_word_of(name: &str, entity: &EntityKeys) -> bool {
    let words: Vec<String> = name.split_whitespace().map(normalize::name_key).collect();
    words.len() > 1
        && (entity.forms.iter()).all(|f| !f.key.contains(' ') && !words.contains(&f.key))
}

/// The words of `name` that are numbers (`360`, `1789`), which its key leaves out.
fn numbers(name: &str) -> impl Iterator<Item = &str> {
    // Most names hold no digit: one pass over the bytes says so before any word is split.
    let digits = name.bytes().any(|b| b.is_ascii_digit());
    (if digits { name } else { "" })
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()) && !w.chars().any(char::is_alphabetic))
}

fn round(p: f64) -> f64 {
    (p * 1000.0).round() / 1000.0
}

/// The one entity of `found` a link opens, for the reason `why`; `None` when none is, or
/// several are.
fn opened_only<'a>(
    mut found: impl Iterator<Item = &'a Arc<EntityKeys>>,
    why: impl FnOnce() -> String,
) -> Option<Resolution> {
    let entity = found.next()?;
    if found.next().is_some() {
        return None;
    }
    Some(Resolution::certain(Decision::Exact, entity, why()))
}
