//! Review items the resolver raises: uncertain or ambiguous structured mentions and people
//! without a note (per note), and for the vault as a whole: two notes for one person, a person
//! note contradicting itself about their company, a facts block copied between people, and names
//! that recur across notes without a note.

use super::decide::{Query, Resolver};
use super::keys::{company_key, EntityKeys};
use super::mentions::Kind;
use super::normalize;
use super::score::{self, Level};
use super::{context::NoteContext, Decision, Resolved};
use crate::index::{NoteKind, NoteSummary, VaultIndex};
use crate::note::Note;
use crate::review::{Candidate, ReviewItem, ReviewReason};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Shared fact lines two people notes need before one looks copied from the other.
const COPIED_FACTS: usize = 3;
/// Notes a name without a note must recur in before the vault review suggests creating one.
const RECURRING_NOTES: usize = 2;

/// Review items for one note's mentions.
pub fn note_items(note: &Note, resolved: &[Resolved]) -> Vec<ReviewItem> {
    let mut seen: BTreeSet<(ReviewReason, String)> = BTreeSet::new();
    let mut out = Vec::new();
    for r in resolved {
        let (f, res) = (&r.found, &r.resolution);
        let structured = f.kind != Kind::Text;
        let person_slot = matches!(f.kind, Kind::Participant | Kind::Owner);
        let (reason, message) = match res.decision {
            Decision::Review if res.ambiguous => (
                ReviewReason::AmbiguousMention,
                format!(
                    "'{}' could be several people: {}. Link the right one, or add an alias.",
                    f.text,
                    names_of(&res.candidates)
                ),
            ),
            Decision::Review if structured && res.uncorroborated && f.name.contains(' ') => (
                ReviewReason::NewEntity,
                format!(
                    "'{}' has no note. It looks like {}, but nothing else in this note points to \
                     them: a new person (create a note), or a misspelling (accept the suggestion)?",
                    f.text,
                    names_of(&res.candidates)
                ),
            ),
            Decision::Review if structured => (
                ReviewReason::UncertainMention,
                format!(
                    "'{}' probably means {} ({}). Accept or reject the suggestion.",
                    f.text,
                    names_of(&res.candidates),
                    res.reasons.join("; ")
                ),
            ),
            Decision::Unknown if person_slot && f.name.contains(' ') => (
                ReviewReason::NewEntity,
                format!(
                    "'{}' is named here but has no note: create one if they matter.",
                    f.text
                ),
            ),
            _ => continue,
        };
        if !seen.insert((reason, normalize::name_key(&f.name))) {
            continue;
        }
        let mut item = ReviewItem::new(note.path, Some(f.line), reason, message);
        item.candidates = res.candidates.clone();
        out.push(item);
    }
    out
}

fn names_of(candidates: &[Candidate]) -> String {
    if candidates.is_empty() {
        return "nobody in the vault".into();
    }
    candidates
        .iter()
        .map(|c| format!("{} ({:.0}%)", c.name, c.score * 100.0))
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

/// A `company/…` tag naming another organisation than the Contact Information table.
fn company_conflicts(index: &VaultIndex) -> Vec<ReviewItem> {
    people(index)
        .filter_map(|n| {
            let (tag, table) = (n.company_tag.as_ref()?, n.company_table.as_ref()?);
            (company_key(tag) != company_key(table)).then(|| {
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

/// Two people notes sharing a run of fact lines, at least one of which no other note has.
fn copied_facts(index: &VaultIndex) -> Vec<ReviewItem> {
    let mut holders: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for n in people(index) {
        for fact in &n.facts {
            holders.entry(fact.as_str()).or_default().insert(n.path.as_str());
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
        let shared = na.facts.iter().filter(|f| nb.facts.contains(f)).count();
        if shared < COPIED_FACTS {
            continue;
        }
        for (this, other) in [(na, nb), (nb, na)] {
            out.push(ReviewItem::new(
                &this.path,
                None,
                ReviewReason::DuplicateFacts,
                format!(
                    "{shared} Key Facts lines also appear in {}'s note, some nowhere else: check \
                     which person they belong to",
                    other.title
                ),
            ));
        }
    }
    out
}

/// Two people notes whose names agree part for part (same surname, compatible given names) and
/// whose companies do not contradict: probably one person.
fn duplicate_people(index: &VaultIndex) -> Vec<ReviewItem> {
    let names = index.entity_names();
    let mut out = Vec::new();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    for a in names.all().filter(|e| e.kind == NoteKind::Person) {
        let Some(last) = a.forms.first().and_then(|f| f.tokens.last()) else {
            continue;
        };
        for b in names.by_token(&last.key).filter(|b| b.kind == NoteKind::Person) {
            if b.path <= a.path || !same_person(a, b) {
                continue;
            }
            if !seen.insert((a.path.clone(), b.path.clone())) {
                continue;
            }
            let mut item = ReviewItem::new(
                &b.path,
                None,
                ReviewReason::DuplicateEntity,
                format!(
                    "{} and {} look like one person: merge {} into {} and keep the other name \
                     as an alias",
                    a.title, b.title, b.title, a.title
                ),
            );
            item.candidates = vec![Candidate {
                name: a.title.clone(),
                score: 1.0,
            }];
            out.push(item);
        }
    }
    out
}

fn same_person(a: &EntityKeys, b: &EntityKeys) -> bool {
    if a.company.is_some() && b.company.is_some() && a.company != b.company {
        return false;
    }
    let (Some(fa), Some(fb)) = (a.forms.first(), b.forms.first()) else {
        return false;
    };
    if fa.tokens.len() < 2 || fb.tokens.len() < 2 {
        return false;
    }
    let (Some(la), Some(lb)) = (fa.tokens.last(), fb.tokens.last()) else {
        return false;
    };
    let (Some(ga), Some(gb)) = (fa.tokens.first(), fb.tokens.first()) else {
        return false;
    };
    la.same_letters(lb)
        && matches!(
            score::compare(ga, gb).min(score::compare(gb, ga)),
            Level::Exact | Level::Nickname | Level::ShortForm | Level::Initial
        )
}

/// Participant names without a note that recur in several notes.
fn recurring_unknowns(index: &VaultIndex) -> Vec<ReviewItem> {
    let resolver = Resolver {
        names: index.entity_names(),
        settings: index.settings(),
    };
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
        .filter(|(name, _)| {
            let q = Query {
                name,
                line: 0,
                in_list: true,
                with_locals: false,
            };
            resolver.resolve(q, &empty).decision == Decision::Unknown
        })
        .filter_map(|(name, paths)| {
            let first = paths.iter().next()?;
            Some(ReviewItem::new(
                first,
                None,
                ReviewReason::NewEntity,
                format!(
                    "{name} attends {} meetings but has no note: create one?",
                    paths.len()
                ),
            ))
        })
        .collect()
}
