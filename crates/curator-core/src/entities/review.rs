//! Review items the resolver raises: uncertain or ambiguous structured mentions and people
//! without a note (per note), and for the vault as a whole: two notes for one person, a person
//! note contradicting itself about their company, a facts block copied between people, and names
//! that recur across notes without a note.

use super::decide::{Query, Resolver};
use super::garbled_text::GarbledLines;
use super::mentions::Kind;
use super::{context::NoteContext, Decision, Resolved};
use crate::index::{names_several_people, reads_as_a_sentence, NoteKind, NoteSummary, VaultIndex};
use crate::names::keys::{company_key, EntityKeys};
use crate::names::normalize::Token;
use crate::names::score::{self, Level};
use crate::names::{everyday, nicknames, normalize};
use crate::note::Note;
use crate::review::{Candidate, ReviewItem, ReviewReason};
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Shared fact lines two people notes need before one looks copied from the other.
const COPIED_FACTS: usize = 3;
/// Notes a name without a note must recur in before the vault review suggests creating one.
const RECURRING_NOTES: usize = 2;

/// Review items for one note's mentions, in a vault of `index`. In a meeting a participant or
/// owner without a note is probably someone new. A word the person said is not a name (in the
/// settings) is never asked about.
pub fn note_items(note: &Note, resolved: &[Resolved], index: &VaultIndex) -> Vec<ReviewItem> {
    let settings = index.settings();
    let meeting = (index.get(note.path)).is_some_and(|n| n.kind == NoteKind::Meeting);
    /// Which item a mention raises.
    enum Item {
        Ambiguous,
        LooksLike,
        Uncertain,
        Unknown,
    }
    // The item raised for each reason and name, by index into `out`.
    let mut seen: BTreeMap<(ReviewReason, String), usize> = BTreeMap::new();
    // A name's key, by the name as written (mentions repeat names).
    let mut keys: HashMap<&str, String> = HashMap::default();
    let mut garbled = GarbledLines::new(note);
    let mut out: Vec<ReviewItem> = Vec::new();
    for r in resolved {
        let (f, res) = (&r.found, &r.resolution);
        // Rewritable mentions get review items; a name in prose only when it is a given name
        // several people share.
        if !settings.not_names.is_empty() && crate::answers::is_not_a_name(settings, &f.name) {
            continue;
        }
        // A credit names its source on purpose, as a participant is listed: one in doubt is
        // asked about, unless it names a note as titled (`(via Pellucid Migration)`, a project).
        let credit = f.kind == Kind::Via && !index.has_title(&f.name);
        let structured =
            credit || matches!(f.kind, Kind::Participant | Kind::Owner | Kind::Wikilink);
        let new_slot = meeting && (credit || matches!(f.kind, Kind::Participant | Kind::Owner));
        let (reason, item) = match res.decision {
            Decision::Review if res.ambiguous && (structured || res.exact_name) => {
                (ReviewReason::AmbiguousMention, Item::Ambiguous)
            }
            // A link to a note not written yet that is less likely a misspelling than not
            // (`[[Arpit Mehta]]` beside a Diven Mehta) is as likely someone new: both are asked.
            Decision::Review
                if (new_slot || (f.kind == Kind::Wikilink && res.confidence < 0.5))
                    && res.uncorroborated
                    && f.name.contains(' ') =>
            {
                (ReviewReason::NewEntity, Item::LooksLike)
            }
            Decision::Review if structured => (ReviewReason::UncertainMention, Item::Uncertain),
            Decision::Unknown if new_slot && f.name.contains(' ') => {
                (ReviewReason::NewEntity, Item::Unknown)
            }
            _ => continue,
        };
        // `Development Team`, `Internal team review`: no one to create a note for.
        if matches!(item, Item::Unknown) && describes_no_one(&f.name) {
            continue;
        }
        // A link to a note not written yet that writes someone's whole name and more (`[[Priya
        // Raghunathan Onboarding]]`, `[[Onboarding Priya Raghunathan]]`) is a note about them,
        // no person to create nor a misspelling of theirs.
        if f.kind == Kind::Wikilink && about_a_candidate(&f.name, &res.candidates) {
            continue;
        }
        // A name garbled in transit (`SayÄ±n`, `Báº£o`) is asked about once the mojibake rule
        // has repaired it: asked now, its answer would be about text the fix rewrites, and
        // `someone new` would name a note after the garbled form.
        if garbled.overlaps(&f.span) {
            continue;
        }
        let key = keys
            .entry(f.name.as_str())
            .or_insert_with(|| normalize::name_key(&f.name));
        // A person reads every item: never ask about a bare initial (`H.`), nor about an
        // everyday word in prose (`Max throughput`) — neither is a name to settle.
        let word = !key.contains(' ');
        if word && (key.chars().count() == 1 || (!structured && everyday::is_common_word(key))) {
            continue;
        }
        // Nor about a word opening a sentence that only organisations' names open (`Gewoon
        // droog gooien…` beside Gewoon Sander and Gewoon Thuis, Dutch `just`): the sentence's
        // word in any language as likely as their name.
        let orgs_only = || {
            !res.candidates.is_empty()
                && (res.candidates.iter())
                    .all(|c| index.get(&c.path).is_some_and(|n| n.kind == NoteKind::Org))
        };
        if word && !structured && f.opens_sentence && orgs_only() {
            continue;
        }
        if let Some(&at) = seen.get(&(reason, key.clone())) {
            let earlier: &mut ReviewItem = &mut out[at];
            if earlier.line != Some(f.line) && !earlier.also.contains(&f.line) {
                earlier.also.push(f.line);
            }
            continue;
        }
        seen.insert((reason, key.clone()), out.len());
        let message = match item {
            Item::Ambiguous => format!(
                "'{}' could be several {}: {}. Link the right one, or add an alias.",
                f.text,
                if orgs_only() {
                    "organisations"
                } else {
                    "people"
                },
                names_of(&res.candidates)
            ),
            _ if index.has_title(&f.name) => format!(
                "'{}' is the title of a note that is no person's or organisation's: if it is \
                 theirs, give it `type: person` (or `type: organization`), or move it into a \
                 people folder.",
                f.text
            ),
            Item::LooksLike => format!(
                "'{}' has no note. It looks like {}, but nothing else in this note points to \
                 them: a new person (create a note), or a misspelling (accept the suggestion)?",
                f.text,
                names_of(&res.candidates)
            ),
            Item::Uncertain => format!(
                "'{}' probably means {} ({}). Accept or reject the suggestion.",
                f.text,
                names_of(&res.candidates),
                res.reasons.join("; ")
            ),
            // `Letícia e Lucas`, `Ana and Bo`: two people in one entry, each to list apart (or
            // one name joined so, `Ortega y Gasset`).
            Item::Unknown if names_several_people(&f.name) => {
                format!(
                    "'{}' may name more than one person in one entry: if so, list each apart; \
                     create a note for those who matter.",
                    f.text
                )
            }
            Item::Unknown => format!(
                "'{}' is named here but has no note: create one if they matter.",
                f.text
            ),
        };
        let mut item =
            ReviewItem::new(note.path, Some(f.line), reason, message).about_name(&f.name, key);
        item.candidates = res.candidates.clone();
        out.push(item);
    }
    out
}

/// True when `name` is a candidate's whole title with more words before or after it.
fn about_a_candidate(name: &str, candidates: &[Candidate]) -> bool {
    let name = crate::text::fold(name);
    candidates.iter().any(|c| {
        let title = crate::text::fold(&c.name);
        !title.is_empty()
            && (name
                .strip_prefix(&title)
                .is_some_and(|rest| rest.starts_with(' '))
                || name
                    .strip_suffix(&title)
                    .is_some_and(|rest| rest.ends_with(' ')))
    })
}

fn names_of(candidates: &[Candidate]) -> String {
    if candidates.is_empty() {
        return "nobody in the vault".into();
    }
    candidates
        .iter()
        .map(|c| c.described(candidates))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Review items about the vault as a whole.
pub fn vault_items(index: &VaultIndex) -> Vec<ReviewItem> {
    let mut out = Vec::new();
    out.extend(company_conflicts(index));
    out.extend(copied_facts(index));
    out.extend(duplicate_people(index));
    out.extend(recurring_unknowns(index));
    out
}

fn people(index: &VaultIndex) -> impl Iterator<Item = &NoteSummary> {
    index.notes().filter(|n| n.kind == NoteKind::Person)
}

/// True when two ways of writing a company name the same organisation: the same words, one the
/// leading words or the initials of the other (`Falconet`, `BWS`), or names of one note.
fn same_company(a: &str, b: &str, index: &VaultIndex) -> bool {
    let (ka, kb) = (company_key(a), company_key(b));
    let initials = |k: &str| {
        k.split(' ')
            .filter_map(|w| w.chars().next())
            .collect::<String>()
    };
    let org = |k: &str| {
        index
            .entity_names()
            .by_key(k)
            .chain(index.entity_names().by_acronym(k))
            .find(|e| e.kind == NoteKind::Org)
            .map(|e| e.path.clone())
    };
    let leading = |short: &str, long: &str| long.starts_with(&format!("{short} "));
    ka == kb
        || leading(&ka, &kb)
        || leading(&kb, &ka)
        || (!ka.contains(' ') && ka == initials(&kb))
        || (!kb.contains(' ') && kb == initials(&ka))
        || org(&ka).is_some_and(|p| org(&kb) == Some(p))
}

/// A `company/…` tag naming another organisation than the Contact Information table.
fn company_conflicts(index: &VaultIndex) -> Vec<ReviewItem> {
    people(index)
        .filter_map(|n| {
            let (tag, table) = (n.company_tag.as_ref()?, n.company_table.as_ref()?);
            (!same_company(tag, table, index)).then(|| {
                ReviewItem::new(
                    &n.path,
                    None,
                    ReviewReason::CompanyConflict,
                    format!(
                        "the tag company/{tag} and the Contact Information table ({table}) name \
                         different companies: keep the right one"
                    ),
                )
            })
        })
        .collect()
}

/// The longest run of consecutive lines two lists share.
fn longest_shared_run(a: &[String], b: &[String]) -> usize {
    let mut best = 0;
    for i in 0..a.len() {
        for j in 0..b.len() {
            let run = a[i..]
                .iter()
                .zip(&b[j..])
                .take_while(|(x, y)| x == y)
                .count();
            best = best.max(run);
        }
    }
    best
}

/// Two people notes sharing a run of fact lines, at least one of which no other note has.
fn copied_facts(index: &VaultIndex) -> Vec<ReviewItem> {
    let mut holders: HashMap<&str, BTreeSet<&str>> = HashMap::default();
    for n in people(index) {
        for fact in &n.facts {
            holders
                .entry(fact.as_str())
                .or_default()
                .insert(n.path.as_str());
        }
    }
    let mut pairs: BTreeSet<(&str, &str)> = BTreeSet::new();
    for paths in holders.values().filter(|p| p.len() == 2) {
        let mut it = paths.iter();
        if let (Some(a), Some(b)) = (it.next(), it.next()) {
            pairs.insert((a, b));
        }
    }
    let mut out = Vec::new();
    for (a, b) in pairs {
        let (Some(na), Some(nb)) = (index.get(a), index.get(b)) else {
            continue;
        };
        let shared = longest_shared_run(&na.facts, &nb.facts);
        if shared < COPIED_FACTS {
            continue;
        }
        for (this, other) in [(na, nb), (nb, na)] {
            out.push(
                ReviewItem::new(
                    &this.path,
                    None,
                    ReviewReason::DuplicateFacts,
                    format!(
                        "{shared} consecutive Key Facts lines also appear in {}'s note, some \
                         nowhere else: check which person they belong to",
                        other.title
                    ),
                )
                .in_group(format!("duplicate_facts:{}|{}", na.path, nb.path)),
            );
        }
    }
    out
}

/// Two people notes whose names agree part for part (same surname, compatible given names; a
/// name of one word, the same title) and whose companies do not contradict: probably one person.
fn duplicate_people(index: &VaultIndex) -> Vec<ReviewItem> {
    let names = index.entity_names();
    let mut out = Vec::new();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    // Built once, at the first pair asked about.
    let lists = std::cell::OnceCell::new();
    for a in names.all().filter(|e| e.kind == NoteKind::Person) {
        let Some(last) = a.forms.first().and_then(|f| f.tokens.last()) else {
            continue;
        };
        for b in names
            .by_token(&last.key)
            .filter(|b| b.kind == NoteKind::Person)
        {
            if b.path <= a.path
                || !same_person(a, b)
                || links_to(index, a, b)
                || met_together(lists.get_or_init(|| ListsOf::of(index)), a, b)
            {
                continue;
            }
            if !seen.insert((a.path.clone(), b.path.clone())) {
                continue;
            }
            // The fuller given name is kept (`Ilse Varga` over `I. Varga`); between two as
            // full, the title that is no numbered copy of the other's, else the first.
            let (keep, gone) = if given_letters(b) > given_letters(a)
                || (given_letters(b) == given_letters(a) && is_numbered_copy(a, b))
            {
                (b, a)
            } else {
                (a, b)
            };
            let mut item = ReviewItem::new(
                &gone.path,
                None,
                ReviewReason::DuplicateEntity,
                if a.title == b.title {
                    // Two notes of one name in different folders: the folders tell them apart.
                    format!(
                        "{} and {} are two notes of one person: merge {} into {}",
                        a.path, b.path, gone.path, keep.path
                    )
                } else {
                    format!(
                        "{} and {} look like one person: merge {} into {} and keep the other \
                         name as an alias",
                        a.title, b.title, gone.title, keep.title
                    )
                },
            )
            .in_group(ReviewItem::duplicate_group(&keep.path, &gone.path));
            item.candidates = vec![Candidate {
                name: keep.title.as_str().into(),
                path: keep.path.as_str().into(),
                score: 1.0,
                evidence: Default::default(),
            }];
            out.push(item);
        }
    }
    out
}

/// True when `copy`'s title is `of`'s followed by a number (`Eric Andersson 1`), as Obsidian
/// names a note created where one of that title exists: the copy, not the note to keep.
fn is_numbered_copy(copy: &EntityKeys, of: &EntityKeys) -> bool {
    (copy.title.strip_prefix(of.title.as_str()))
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// How many letters a person's given name has, as their note's title writes it.
fn given_letters(e: &EntityKeys) -> usize {
    (e.forms.first().and_then(|f| f.tokens.first())).map_or(0, |t| t.key.chars().count())
}

/// True when either person's note links the other's: a note names someone else, a son his
/// father, a cousin her cousin, and no one links their own note.
fn links_to(index: &VaultIndex, a: &EntityKeys, b: &EntityKeys) -> bool {
    let links = |from: &EntityKeys, to: &EntityKeys| {
        index.get(&from.path).is_some_and(|n| {
            let to = crate::text::fold(&to.title);
            (n.links.iter()).any(|l| crate::text::fold(crate::note::title_of(l)) == to)
        })
    };
    links(a, b) || links(b, a)
}

/// For each folded name, the meetings' lists of who was there that name it
/// ([`NoteSummary::lists`]), in ascending order.
struct ListsOf<'i>(HashMap<&'i str, Vec<usize>>);

impl<'i> ListsOf<'i> {
    /// The lists of every meeting of `index`, by the names they hold.
    fn of(index: &'i VaultIndex) -> Self {
        let mut of: HashMap<&str, Vec<usize>> = HashMap::default();
        let lists = index.notes().flat_map(|n| &n.lists).enumerate();
        for (at, list) in lists {
            for name in list {
                of.entry(name.as_str()).or_default().push(at);
            }
        }
        ListsOf(of)
    }

    /// The lists that name `e` by its title.
    fn naming(&self, e: &EntityKeys) -> &[usize] {
        self.0
            .get(crate::text::fold(&e.title).as_str())
            .map_or(&[], Vec::as_slice)
    }
}

/// True when one list of a meeting names both people as there (`**Attendees:** [[Jon Smith]],
/// [[John Smith]]`): two people, whatever their names share. Named in two lists (a
/// `participants` property and an `**Attendees:**` line), they may be one person written two
/// ways.
fn met_together(lists: &ListsOf, a: &EntityKeys, b: &EntityKeys) -> bool {
    let of_b = lists.naming(b);
    lists
        .naming(a)
        .iter()
        .any(|at| of_b.binary_search(at).is_ok())
}

/// True when two person notes' titles name one person: the same surname and given names that
/// agree (the same, a nickname, a short form or an initial), and middle names too where both
/// write one (`Stephen Joseph Copley` is not `Stephen Michael Copley`).
fn same_person(a: &EntityKeys, b: &EntityKeys) -> bool {
    if a.company.is_some() && b.company.is_some() && a.company != b.company {
        return false;
    }
    let (Some(fa), Some(fb)) = (a.forms.first(), b.forms.first()) else {
        return false;
    };
    // A name of one word (`Trajan`) tells a person apart only written the same: two notes
    // of one title in two folders are copies.
    if fa.tokens.len() < 2 || fb.tokens.len() < 2 {
        return a.title == b.title;
    }
    let (Some(la), Some(lb)) = (fa.tokens.last(), fb.tokens.last()) else {
        return false;
    };
    let (Some(ga), Some(gb)) = (fa.tokens.first(), fb.tokens.first()) else {
        return false;
    };
    let agree = |x: &Token, y: &Token| {
        matches!(
            score::compare(x, y).min(score::compare(y, x)),
            Level::Exact | Level::Nickname | Level::ShortForm | Level::Initial
        )
    };
    let (ma, mb) = (middle_names(&fa.tokens), middle_names(&fb.tokens));
    let middles_agree = ma.iter().zip(mb).all(|(x, y)| agree(x, y));
    la.same_letters(lb) && agree(ga, gb) && middles_agree
}

/// The words of a name between its first and its last.
fn middle_names(tokens: &[Token]) -> &[Token] {
    tokens.get(1..tokens.len().saturating_sub(1)).unwrap_or(&[])
}

/// Participant names without a note that recur in several notes.
fn recurring_unknowns(index: &VaultIndex) -> Vec<ReviewItem> {
    let resolver = Resolver::new(index.entity_names(), index.settings());
    let empty = NoteContext::default();
    let mut notes: BTreeMap<String, (String, BTreeSet<&str>)> = BTreeMap::new();
    for n in index.notes().filter(|n| n.kind == NoteKind::Meeting) {
        for p in &n.participants {
            let key = normalize::name_key(p);
            if key.is_empty() || !p.contains(' ') {
                continue;
            }
            notes
                .entry(key)
                .or_insert_with(|| (p.clone(), BTreeSet::new()))
                .1
                .insert(n.path.as_str());
        }
    }
    notes
        .into_values()
        .filter(|(_, paths)| paths.len() >= RECURRING_NOTES)
        .filter(|(name, _)| !crate::answers::is_not_a_name(index.settings(), name))
        .filter(|(name, _)| {
            let q = Query {
                name,
                line: 0,
                in_list: true,
                listed_link: false,
                with_locals: false,
                credits_line: false,
                in_prose: false,
                link: false,
                opens_sentence: false,
                owner: false,
                other_language: false,
            };
            resolver.resolve(q, &empty).decision == Decision::Unknown
        })
        .filter_map(|(name, paths)| {
            let first = paths.iter().next()?;
            Some(
                ReviewItem::new(
                    first,
                    None,
                    ReviewReason::NewEntity,
                    format!(
                        "{name} attends {} meetings but has no note: create one?",
                        paths.len()
                    ),
                )
                .about_name(&name, &normalize::name_key(&name)),
            )
        })
        .collect()
}

/// True when `name`, a participant whom no note names, describes a group, a role or a session
/// rather than someone to create a note for: one word that is a role's or a group's (`Guest`,
/// `Sales`, `Everyone`), a last word a group's (`Development Team`, `Steering Committee`), or
/// two lowercase everyday words after a capitalised first, neither a particle (`Internal team
/// review`; one may be a name misheard in pieces, `Sig rid Pals dottir`), a job's title with no
/// given name in it (`SRE Lead`, `Platform Engineer`, `AI Assistant`; `Nicole Parent` is a name),
/// a first word a group's in a Romance language (`Equipe Titanium`), or a template's
/// slot for a name (`Your Name`). An entry of two people joined (`Ana and Bo`) is left to be
/// asked about.
#[inline(never)]
pub(crate) fn describes_no_one(name: &str) -> bool {
    const GROUPS: &[&str] = &[
        "team",
        "teams",
        "group",
        "committee",
        "board",
        "squad",
        "department",
        "staff",
        "council",
        "everyone",
    ];
    // What a meeting's list writes for someone by their part in it, or for a department:
    // no one's name, written alone (`Guest`, `Sales`; `Grace`, `Hope` are names).
    const ROLES: &[&str] = &[
        "all",
        "attendee",
        "advisor",
        "candidate",
        "client",
        "contractor",
        "customer",
        "engineering",
        "everybody",
        "facilitator",
        "finance",
        "guest",
        "host",
        "intern",
        "interviewee",
        "interviewer",
        "legal",
        "marketing",
        "me",
        "member",
        "misc",
        "moderator",
        "other",
        "panelist",
        "parent",
        "participant",
        "presenter",
        "recruiter",
        "sales",
        "speaker",
        "stakeholder",
        "student",
        "support",
        "teacher",
        "vendor",
        "volunteer",
    ];
    // A role's or a group's word, in the singular or the plural.
    let role_or_group = |word: &str| {
        let word = word.trim_end_matches(['.', ':']).to_lowercase();
        let one = word.strip_suffix('s').unwrap_or(&word);
        [ROLES, GROUPS]
            .iter()
            .any(|list| list.contains(&word.as_str()) || list.contains(&one))
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let [first, rest @ ..] = words.as_slice() else {
        return false;
    };
    if rest.is_empty() {
        return role_or_group(first);
    }
    // Everyone somewhere (`All at HQ`, `All di LKC`, `Everyone from sales`): the word for all
    // of them, then a lowercase word saying where or which, in any language.
    const EVERYONE: &[&str] = &["all", "everyone", "everybody"];
    if EVERYONE.contains(&first.to_lowercase().as_str())
        && rest
            .first()
            .is_some_and(|w| w.chars().all(char::is_lowercase))
    {
        return true;
    }
    // A sentence where a list of people was expected (`**Speakers:** For voice feedback and
    // interactions.`).
    if reads_as_a_sentence(name) {
        return true;
    }
    if names_several_people(name) {
        return false;
    }
    let last = rest.last().map(|w| w.to_lowercase()).unwrap_or_default();
    // The words a template writes where a name goes, in English and other languages.
    const SLOTS: &[&str] = &[
        "first last",
        "full name",
        "my name",
        "name surname",
        "your name",
        "vorname nachname",
        "nombre apellido",
        "prénom nom",
        "имя фамилия",
    ];
    // A job's last word (`SRE Lead`, `Data Team Lead`, `Platform Engineer`).
    const JOBS: &[&str] = &[
        "administrator",
        "analyst",
        "architect",
        "assistant",
        "consultant",
        "coordinator",
        "designer",
        "developer",
        "director",
        "engineer",
        "lead",
        "manager",
        "master",
        "officer",
        "owner",
        "representative",
        "researcher",
        "scientist",
        "specialist",
    ];
    let job = || {
        let one = last.strip_suffix('s').unwrap_or(&last);
        (JOBS.contains(&last.as_str()) || JOBS.contains(&one))
            && words
                .iter()
                .all(|w| normalize::word_key(w).is_none_or(|key| nicknames::id(&key).is_none()))
    };
    if SLOTS.contains(&words.join(" ").to_lowercase().as_str()) || job() {
        return true;
    }
    // A name written all in lowercase (`rob banks`) is a name still; a role's word in
    // lowercase after a capitalised one is people of that role (`Chinese students`). Romance
    // languages write the group's word first (`Equipe Titanium`, `Equipo de ventas`), and
    // so do their words for a department (`Setor Marketplace`, `Departamento de Compras`).
    const LEADING_GROUPS: &[&str] = &[
        "equipe",
        "équipe",
        "equipo",
        "squadra",
        "team",
        "setor",
        "sector",
        "departamento",
        "département",
        "dipartimento",
    ];
    GROUPS.contains(&last.as_str())
        || LEADING_GROUPS.contains(&first.to_lowercase().as_str())
        || (first.starts_with(char::is_uppercase)
            && rest.iter().all(|w| w.chars().all(char::is_lowercase))
            && role_or_group(&last))
        || (first.starts_with(char::is_uppercase)
            && (rest.iter())
                .filter(|w| {
                    w.chars().all(char::is_lowercase)
                        && !crate::names::particles::is_particle(w)
                        && everyday::is_common_word(w)
                })
                .count()
                >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_or_a_session_is_no_one_to_create() {
        for entry in [
            "Development Team",
            "All di LKC",
            "Everyone from sales",
            "Internal team review",
            "Steering Committee",
            "Platform group",
            "Guest",
            "Guests",
            "Sales",
            "Everyone",
            "Moderator",
            "Others",
            "Chinese students",
            "Parents",
            "Student volunteers",
            "SRE Lead",
            "Data Team Lead",
            "Platform Engineers",
            "Your Name",
            "Имя Фамилия",
            "Equipe Titanium",
            "Setor Marketplace GB",
            "Departamento de Compras",
            "AI Assistant",
            "Scrum Master",
            // A sentence where a list of people was expected.
            "For voice feedback and interactions.",
            "the subsection body mentions names from the meeting summary",
        ] {
            assert!(describes_no_one(entry), "{entry}");
        }
        // One word that is a given name as well as a word is a name.
        for name in [
            "Grace", "Hope", "Sterling", "Ross", "Charles", "Summer", "Prince",
        ] {
            assert!(!describes_no_one(name), "{name}");
        }
        // Names with particles, lowercase names, and two people joined (asked about) stay.
        for name in [
            "Jan van der Berg",
            "Ali bin Omar",
            "rob banks",
            "Ana and the Team",
            "Teams Lindqvist",
            "Sig rid Pals dottir",
            "Nicole Parent",
            "Mark Director",
            "Victor Master",
            "Jessica Lead",
            "Rose and Mark and Grace",
        ] {
            assert!(!describes_no_one(name), "{name}");
        }
    }
}
