//! The review queue as a person reads it: one card per decision, not one row per occurrence.
//!
//! Every review item carries a `group` shared by the items one answer settles
//! ([`crate::review::ReviewItem::group`]): all the notes writing one uncertain name, both notes
//! of a likely duplicate person. A [`DecisionCard`] is one group with everything the pane shows —
//! its kind, the written name, how many times and in how many notes it is written, the
//! candidates ranked with what weighed for each, a few occurrences with their line, and the
//! actions that apply. [`decision_page`] answers a page of them, filtered by kind and search,
//! from the warm vault: only the page's cards read note text.

use crate::review::{Candidate, ReviewItem, ReviewReason};
use crate::text::fold;
use crate::vault::Vault;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Occurrences a card shows with their line.
const OCCURRENCES: usize = 3;
/// Characters of a line shown around an occurrence.
const CONTEXT_CHARS: usize = 160;

/// What a person can do about a decision. Serialized in snake_case (the pane's button ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The top candidate is right: remembered, so every occurrence resolves to it.
    Accept,
    /// Another candidate is right.
    Pick,
    /// Someone who has no note yet: create it in the vault's people-note layout.
    SomeoneNew,
    /// The suggested candidate is wrong: never suggested again for this name.
    NotThisPerson,
    /// The word is not a name: never asked about again.
    NotAName,
    /// Take `needs-review` off the note's tags.
    MarkReviewed,
    /// Open the note at the line (what nothing else can settle: the note must be edited).
    Open,
    /// Leave it for later.
    Skip,
}

/// The actions for a decision of `kind` with `candidates`.
fn actions(kind: ReviewReason, candidates: &[Candidate]) -> Vec<Action> {
    use Action::*;
    let has = !candidates.is_empty();
    let mut out = match kind {
        ReviewReason::AmbiguousMention | ReviewReason::UncertainMention => {
            vec![Accept, Pick, SomeoneNew, NotThisPerson, NotAName, Open]
        }
        ReviewReason::NewEntity => vec![SomeoneNew, Accept, Pick, NotAName, Open],
        ReviewReason::NeedsReview => vec![Open, MarkReviewed],
        _ => vec![Open],
    };
    if !has {
        out.retain(|a| !matches!(a, Accept | Pick | NotThisPerson));
    } else if candidates.len() < 2 {
        out.retain(|a| *a != Pick);
    }
    out.push(Skip);
    out
}

/// Where a decision's kinds come in the queue: names first (they settle the most), then people,
/// then notes to open.
const KIND_ORDER: [ReviewReason; 13] = [
    ReviewReason::AmbiguousMention,
    ReviewReason::UncertainMention,
    ReviewReason::NewEntity,
    ReviewReason::DuplicateEntity,
    ReviewReason::CompanyConflict,
    ReviewReason::DuplicateFacts,
    ReviewReason::NeedsReview,
    ReviewReason::UnfilledPlaceholder,
    ReviewReason::InvalidFrontmatter,
    ReviewReason::InvalidDate,
    ReviewReason::AmbiguousDate,
    ReviewReason::KeyConflict,
    ReviewReason::Mojibake,
];

fn kind_rank(reason: ReviewReason) -> usize {
    KIND_ORDER
        .iter()
        .position(|r| *r == reason)
        .unwrap_or(KIND_ORDER.len())
}

/// Which decisions to return.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct DecisionQuery {
    /// Index of the first card returned.
    pub offset: usize,
    /// How many cards at most; every one when absent.
    pub limit: Option<usize>,
    /// Only decisions of this kind.
    pub kind: Option<ReviewReason>,
    /// Only decisions whose name, candidates, message or notes contain this (case and accents
    /// folded).
    pub search: String,
    /// Groups left out (skipped for now).
    pub hide: Vec<String>,
}

/// One page of decisions.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionPage {
    /// Decisions matching the query, on every page.
    pub total: usize,
    /// Decisions of each kind in the whole queue (hidden ones aside), whatever the query's kind
    /// and search, in queue order.
    pub kinds: Vec<KindCount>,
    /// Review items in the whole queue (what the decisions settle).
    pub items: usize,
    /// The query's offset.
    pub offset: usize,
    /// The page's cards, in queue order.
    pub cards: Vec<DecisionCard>,
}

/// How many decisions of one kind the queue holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindCount {
    /// The kind.
    pub kind: ReviewReason,
    /// The kind in words.
    pub label: &'static str,
    /// How many decisions.
    pub count: usize,
}

/// Everything the pane shows of one decision.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionCard {
    /// The decision's group (what an answer is about, and what "skip" hides).
    pub group: String,
    /// Its kind (the most urgent reason among its items).
    pub kind: ReviewReason,
    /// The written name, for decisions about a name.
    pub name: Option<String>,
    /// The card's heading: "Nico → Niko Dukic?", or what is wrong.
    pub title: String,
    /// What is wrong and what can be done, in words (the first item's message).
    pub message: String,
    /// How many occurrences the decision settles (lines of notes).
    pub mentions: usize,
    /// In how many notes.
    pub notes: usize,
    /// The candidates, best first, with what weighed for each.
    pub candidates: Vec<Candidate>,
    /// A few occurrences with their line.
    pub occurrences: Vec<Occurrence>,
    /// Every note the decision is about (for "mark reviewed" and for opening).
    pub paths: Vec<String>,
    /// What can be done, in the order to offer it.
    pub actions: Vec<Action>,
}

/// One place a decision is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Occurrence {
    /// The note.
    pub path: String,
    /// The 1-based line, when about one line.
    pub line: Option<usize>,
    /// The line's text around the occurrence (empty when about the whole note).
    pub context: String,
}

/// The items of one decision, gathered from the queue.
struct Gathered<'a> {
    group: &'a str,
    items: Vec<&'a ReviewItem>,
    kind: ReviewReason,
    mentions: usize,
}

/// A page of the vault's review queue as decisions, from the warm state (computing what is
/// missing first).
pub fn decision_page(vault: &mut Vault, query: &DecisionQuery) -> DecisionPage {
    let reports = vault.all_reports();
    let vault_items = vault.vault_review();
    let all = reports
        .iter()
        .flat_map(|r| r.review.iter())
        .chain(vault_items.iter());
    let hidden: BTreeSet<&str> = query.hide.iter().map(String::as_str).collect();
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut gathered: Vec<Gathered> = Vec::new();
    let mut items = 0;
    for item in all {
        items += 1;
        if hidden.contains(item.group.as_str()) {
            continue;
        }
        let i = *at.entry(item.group.as_str()).or_insert_with(|| {
            gathered.push(Gathered {
                group: &item.group,
                items: Vec::new(),
                kind: item.reason,
                mentions: 0,
            });
            gathered.len() - 1
        });
        let g = &mut gathered[i];
        if kind_rank(item.reason) < kind_rank(g.kind) {
            g.kind = item.reason;
        }
        // An item about the whole vault (a name recurring without a note) adds no occurrence.
        if item.line.is_some() {
            g.mentions += 1 + item.also.len();
        }
        g.items.push(item);
    }
    let mut counts: BTreeMap<usize, (ReviewReason, usize)> = BTreeMap::new();
    for g in &gathered {
        counts.entry(kind_rank(g.kind)).or_insert((g.kind, 0)).1 += 1;
    }
    let kinds = counts
        .into_values()
        .map(|(kind, count)| KindCount {
            kind,
            label: kind_words(kind),
            count,
        })
        .collect();
    let search = fold(query.search.trim());
    gathered.retain(|g| {
        query.kind.is_none_or(|k| k == g.kind) && (search.is_empty() || matches(g, &search))
    });
    // Kinds in order; within a kind, what settles the most first.
    gathered.sort_by(|a, b| {
        kind_rank(a.kind)
            .cmp(&kind_rank(b.kind))
            .then(b.mentions.cmp(&a.mentions))
            .then(a.group.cmp(b.group))
    });
    let total = gathered.len();
    let cards = gathered
        .iter()
        .skip(query.offset)
        .take(query.limit.unwrap_or(usize::MAX))
        .map(|g| card(vault, g))
        .collect();
    DecisionPage {
        total,
        kinds,
        items,
        offset: query.offset,
        cards,
    }
}

/// True when the decision's name, candidates, message or notes contain `search` (folded).
fn matches(g: &Gathered, search: &str) -> bool {
    g.items.iter().any(|i| {
        i.name.as_deref().is_some_and(|n| fold(n).contains(search))
            || fold(&i.path).contains(search)
            || fold(&i.message).contains(search)
            || i.candidates.iter().any(|c| fold(&c.name).contains(search))
    })
}

fn card(vault: &Vault, g: &Gathered) -> DecisionCard {
    let first = g.items[0];
    // The item of the card's kind speaks for it (its candidates, its message).
    let lead = g
        .items
        .iter()
        .find(|i| i.reason == g.kind)
        .copied()
        .unwrap_or(first);
    let candidates = lead.candidates.clone();
    let name = g.items.iter().find_map(|i| i.name.clone());
    let paths: Vec<String> = g
        .items
        .iter()
        .map(|i| i.path.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let title = match (&name, candidates.first()) {
        (Some(n), Some(c)) if g.kind != ReviewReason::DuplicateEntity => {
            format!("{n} → {}?", c.name)
        }
        (Some(n), None) => format!("{n}: someone new?"),
        _ => format!("{}: {}", kind_words(g.kind), note_title(&first.path)),
    };
    // Occurrences on a line first; an item about a whole note only when it has no line.
    let mut placed: Vec<&&ReviewItem> = g.items.iter().collect();
    placed.sort_by_key(|i| i.line.is_none());
    let occurrences = placed
        .into_iter()
        .flat_map(|i| {
            std::iter::once(i.line)
                .chain(i.also.iter().map(|l| Some(*l)))
                .map(move |line| (i.path.as_str(), line))
        })
        .take(OCCURRENCES)
        .map(|(path, line)| Occurrence {
            path: path.to_string(),
            line,
            context: line
                .and_then(|l| vault.text(path).map(|t| context(t, l, name.as_deref())))
                .unwrap_or_default(),
        })
        .collect();
    DecisionCard {
        group: g.group.to_string(),
        kind: g.kind,
        title,
        message: lead.message.clone(),
        mentions: g.mentions.max(1),
        notes: paths.len(),
        actions: {
            let mut offered = actions(g.kind, &candidates);
            // Someone new only when their note can be created.
            let creatable = name
                .as_deref()
                .is_some_and(|n| crate::actions::person_note(vault.engine().index(), n).is_some());
            if !creatable {
                offered.retain(|a| *a != Action::SomeoneNew);
            }
            offered
        },
        candidates,
        occurrences,
        paths,
        name,
    }
}

/// A note's title: its file name without the folder and `.md`.
fn note_title(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md").unwrap_or(file)
}

/// A kind in words, for headings.
pub fn kind_words(kind: ReviewReason) -> &'static str {
    match kind {
        ReviewReason::NeedsReview => "Needs review",
        ReviewReason::CompanyConflict => "Company tag and table disagree",
        ReviewReason::DuplicateFacts => "Facts copied between people",
        ReviewReason::DuplicateEntity => "Likely the same person",
        ReviewReason::AmbiguousMention => "Could be several people",
        ReviewReason::UncertainMention => "Probably someone",
        ReviewReason::NewEntity => "Someone new",
        ReviewReason::InvalidFrontmatter => "Frontmatter cannot be read",
        ReviewReason::UnfilledPlaceholder => "Placeholder nothing can fill",
        ReviewReason::AmbiguousDate => "Ambiguous date",
        ReviewReason::KeyConflict => "Key written two ways",
        ReviewReason::Mojibake => "Uncertain mojibake",
        ReviewReason::InvalidDate => "Date not on the calendar",
    }
}

/// The text of line `line` (1-based) of `text`, trimmed, cut to about [`CONTEXT_CHARS`]
/// characters around `name` when it is longer.
fn context(text: &str, line: usize, name: Option<&str>) -> String {
    let Some(raw) = text.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let raw = raw.trim();
    let chars: Vec<char> = raw.chars().collect();
    if chars.len() <= CONTEXT_CHARS {
        return raw.to_string();
    }
    // Where the name starts, in characters (the line's start when it is not found as written).
    let at = name
        .and_then(|n| raw.find(n))
        .map_or(0, |byte| raw[..byte].chars().count());
    let start = at.saturating_sub(CONTEXT_CHARS / 3);
    let end = (start + CONTEXT_CHARS).min(chars.len());
    let start = end.saturating_sub(CONTEXT_CHARS);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{Resolution, Settings};

    const PERSON: &str = "---\ntype: people\n---\n";

    fn vault(notes: &[(&str, String)]) -> Vault {
        let owned = notes
            .iter()
            .map(|(p, t)| (p.to_string(), t.clone()))
            .collect();
        Vault::build(Settings::default(), owned)
    }

    /// Meetings naming Tobias Fenn as `[[Tobias Venn]]` (a misheard surname), twice per note.
    fn misheard(meetings: usize) -> Vec<(&'static str, String)> {
        let mut notes = vec![
            ("People/Tobias Fenn.md", PERSON.to_string()),
            ("People/Ada Park.md", PERSON.to_string()),
        ];
        let paths = ["m1.md", "m2.md", "m3.md", "m4.md"];
        for path in paths.iter().take(meetings) {
            notes.push((
                path,
                "---\ntype: meeting\n---\n\nWe asked [[Tobias Venn]] about it.\n\nLater [[Tobias Venn]] agreed.\n"
                    .to_string(),
            ));
        }
        notes
    }

    #[test]
    fn one_card_per_name_with_every_occurrence_counted() {
        let mut v = vault(&misheard(3));
        let page = decision_page(&mut v, &DecisionQuery::default());
        let names: Vec<&DecisionCard> = page.cards.iter().filter(|c| c.name.is_some()).collect();
        assert_eq!(names.len(), 1, "{page:#?}");
        let card = names[0];
        assert_eq!(card.title, "Tobias Venn → Tobias Fenn?");
        assert_eq!((card.mentions, card.notes), (6, 3));
        assert_eq!(card.occurrences.len(), OCCURRENCES);
        assert_eq!(
            card.occurrences[0].context,
            "We asked [[Tobias Venn]] about it."
        );
        assert_eq!(card.occurrences[1].line, Some(7));
        assert!(card.actions.contains(&Action::Accept));
        assert_eq!(card.actions.last(), Some(&Action::Skip));
        let evidence = &card.candidates[0].evidence;
        assert!(
            evidence.iter().any(|w| w.factor == "name" && w.bits > 0.0),
            "{evidence:#?}"
        );
        assert!(page.items >= 3);
    }

    #[test]
    fn pages_filter_by_kind_and_search_and_hide_skipped() {
        let mut notes = misheard(2);
        notes.push(("a.md", "---\ntags: [needs-review]\n---\n".into()));
        notes.push(("b.md", "---\ntags: [needs-review]\n---\n".into()));
        let mut v = vault(&notes);
        let all = decision_page(&mut v, &DecisionQuery::default());
        let count = |page: &DecisionPage, kind| {
            page.kinds
                .iter()
                .find(|k| k.kind == kind)
                .map_or(0, |k| k.count)
        };
        assert_eq!(count(&all, ReviewReason::NeedsReview), 2);
        assert_eq!(all.kinds[0].label, "Probably someone");
        // Names come first.
        assert!(all.cards[0].name.is_some());
        let query = DecisionQuery {
            kind: Some(ReviewReason::NeedsReview),
            offset: 1,
            limit: Some(5),
            ..DecisionQuery::default()
        };
        let page = decision_page(&mut v, &query);
        assert_eq!((page.total, page.cards.len()), (2, 1));
        assert_eq!(page.cards[0].title, "Needs review: b");
        assert_eq!(
            page.cards[0].actions,
            [Action::Open, Action::MarkReviewed, Action::Skip]
        );
        let search = DecisionQuery {
            search: "FENN".into(),
            ..DecisionQuery::default()
        };
        assert_eq!(decision_page(&mut v, &search).total, 1);
        let hide = DecisionQuery {
            hide: vec!["needs_review:a.md".into()],
            ..DecisionQuery::default()
        };
        let hidden = decision_page(&mut v, &hide);
        assert_eq!(count(&hidden, ReviewReason::NeedsReview), 1);
    }

    #[test]
    fn an_answer_settles_every_occurrence_without_reading_the_vault_again() {
        let mut v = vault(&misheard(4));
        v.refresh();
        let answered = |v: &mut Vault| {
            decision_page(v, &DecisionQuery::default())
                .cards
                .iter()
                .any(|c| c.name.as_deref() == Some("Tobias Venn"))
        };
        assert!(answered(&mut v));
        let mut settings = v.settings().clone();
        settings.accepted.push(Resolution {
            text: "Tobias Venn".into(),
            entity: "Tobias Fenn".into(),
        });
        v.set_settings(settings.clone());
        assert_eq!(v.stale(), 4, "only the meetings that read the answer");
        assert!(!answered(&mut v));
        // A word that is not a name is never asked about.
        let mut settings = Settings::default();
        settings.not_names.push("tobias venn".into());
        v.set_settings(settings);
        assert!(!answered(&mut v));
        assert!(v
            .mentions("m1.md")
            .unwrap()
            .iter()
            .all(|m| m.resolved.is_none() || m.text != "Tobias Venn"));
    }

    #[test]
    fn a_participant_said_not_to_be_a_name_is_not_someone_new() {
        let meeting = "---\ntype: meeting\nparticipants: [Ada Park, Room Four B]\n---\n";
        let mut notes = vec![("People/Ada Park.md", PERSON.to_string())];
        notes.push(("m1.md", meeting.to_string()));
        notes.push(("m2.md", meeting.to_string()));
        let mut v = vault(&notes);
        let names = |v: &mut Vault| -> Vec<String> {
            decision_page(v, &DecisionQuery::default())
                .cards
                .into_iter()
                .filter_map(|c| c.name)
                .collect()
        };
        assert_eq!(names(&mut v), ["Room Four B"]);
        let mut settings = Settings::default();
        settings.not_names.push("room four b".into());
        v.set_settings(settings.clone());
        assert!(names(&mut v).is_empty());
        let owned = notes
            .iter()
            .map(|(p, t)| (p.to_string(), t.clone()))
            .collect();
        assert!(names(&mut Vault::build(settings, owned)).is_empty());
    }

    #[test]
    fn long_lines_are_cut_around_the_name() {
        let line = format!("{} Nico said so {}", "a".repeat(300), "b".repeat(300));
        let cut = context(&line, 1, Some("Nico"));
        assert!(cut.starts_with('…') && cut.ends_with('…'));
        assert!(cut.contains("Nico said so"));
        assert!(cut.chars().count() <= CONTEXT_CHARS + 2);
        assert_eq!(context("x\n  short  \n", 2, None), "short");
    }
}
