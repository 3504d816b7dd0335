//! `tags` and `aliases` as clean YAML lists.
//!
//! Tags become unique and `#`-free (`a/b` hierarchy kept), spelled as the vault spells them.
//! Obsidian matches tags case-insensitively, so a tag the vault writes in one case only
//! (`narzędzia-AI`, `HUB`, `toolCode`) is consistent and keeps its case; a tag written in several
//! cases (`Meeting` here, `meeting` there) takes the spelling more notes use than any other
//! ([`vault_spelling`]; on a tie the spelling in lowercase, where there is one and no tied
//! spelling has a word cased on purpose, `NotebookLM`, `JMeter`, or is an acronym, `VARA`; else
//! each note keeps its own), and a
//! note listing one tag in two cases keeps it once. A comma separated string, or one of
//! `#`-words, becomes a list (one tag written as a string is valid and stays; a string holding
//! a phrase, `Shell Scripting`, is asked about, as its words would be lost); a list item
//! is split on commas only ([`crate::properties::written_tags`]). Aliases are deduplicated, keeping case and order; a single alias
//! written as a string is valid and stays. The note's list style is kept unless the settings ask
//! for flow or block (a string split into a list takes the style of the note's other lists).
//! Where the items alone change, only those items' bytes change (a duplicate in a block list
//! loses its line), so comments and quoting elsewhere in the list survive, and a changed item
//! keeps the quotes its writer chose (`"India"` respelled is `"india"`; `"#meeting"`, quoted
//! for YAML's sake, is `meeting`).

use super::doc::{Doc, Findings};
use super::emit::{rewrite_scalar, scalar, Layout, Place};
use super::split_number;
use crate::names::{everyday, normalize};
use crate::properties::written_tags;
use crate::review::ReviewReason;
use crate::rule::Rule;
use crate::settings::ListStyle;
use crate::yaml::{Node, NodeKind, Quoting};
use rustc_hash::FxHashSet as HashSet;
use std::collections::BTreeMap;

/// The `tags` rule.
pub const TAGS_RULE: Rule = Rule {
    name: "tags",
    key: "tags",
    default_on: true,
    title: "Normalize tags",
    description: "Make tags a list of unique tags without #; a tag the vault writes in several cases takes the spelling most notes use, when most agree.",
};

/// The `aliases` rule.
pub const ALIASES_RULE: Rule = Rule {
    name: "aliases",
    key: "aliases",
    default_on: true,
    title: "Deduplicate aliases",
    description: "Remove repeated aliases.",
};

/// A list property and how its items are normalized.
struct ListRule {
    /// Rule name, e.g. `tags`.
    rule: &'static str,
    /// The property key.
    key: &'static str,
    /// The normalized entries one written list item (`true`) or string value stands for, in the
    /// vault `doc` is part of.
    entries: fn(&Doc, &str, bool) -> Vec<String>,
    /// Whether a string value is split into a list.
    split_string: bool,
    /// Whether entries differing only in case are one entry (tags: Obsidian reads them so).
    case_blind: bool,
    /// What a normalized list is, for reasons.
    convention: &'static str,
}

/// Tags: split on commas and blanks, `#` stripped, each spelled as the vault spells it (see the
/// module's doc).
const TAGS: ListRule = ListRule {
    rule: "tags",
    key: "tags",
    entries: tag_entries,
    split_string: true,
    case_blind: true,
    convention:
        "tags are a list of unique tags without `#`, a tag most notes spell one way spelled so",
};

/// Aliases: trimmed, case kept.
const ALIASES: ListRule = ListRule {
    rule: "aliases",
    key: "aliases",
    entries: alias_entries,
    split_string: false,
    case_blind: false,
    convention: "aliases are listed once each",
};

/// The tags a written tag item or tag string stands for, each spelled as the vault spells it.
fn tag_entries(doc: &Doc, s: &str, item: bool) -> Vec<String> {
    written_tags(s, item)
        .map(|t| vault_spelling(t, doc.ctx.index.tag_spellings(t)).to_string())
        .collect()
}

/// The spelling of `written` (a tag, or a property name) in a vault that writes it as
/// `spellings` (each written form and in how many notes). A word written in one case only is
/// left as written. One written in several cases takes the spelling more notes use than any
/// other. On a tie, case noise (`Meeting`, `MEETING`, `meeting`) goes to the spelling in
/// lowercase, as Obsidian folds tags; where no tied spelling is in lowercase (`CRLF-Injection`
/// in one note, `CRLF-injection` in another) or one has a word cased on purpose (`NotebookLM`,
/// `JMeter`, a brand's name, against `notebooklm`; an acronym, `VARA` against `vara`), nothing
/// says which the owner means, and each note
/// keeps its own (a query may compare tags in case, as Dataview's `contains` does). The result
/// is always a spelling the owner wrote, and fixing notes only moves them to the chosen
/// spelling, which so stays chosen.
pub fn vault_spelling<'a>(
    written: &'a str,
    spellings: Option<&'a BTreeMap<String, usize>>,
) -> &'a str {
    let Some(forms) = spellings.filter(|forms| forms.len() > 1) else {
        return written;
    };
    let most = forms.values().copied().max().unwrap_or(0);
    let tied = || {
        forms
            .iter()
            .filter(|(_, n)| **n == most)
            .map(|(f, _)| f.as_str())
    };
    if tied().nth(1).is_none() {
        return tied().next().unwrap_or(written);
    }
    if tied().any(cased_on_purpose) {
        return written;
    }
    tied()
        .find(|f| !f.chars().any(char::is_uppercase))
        .unwrap_or(written)
}

/// True when a word of `s` mixes capitals and lowercase letters otherwise than with a capital
/// initial (`NotebookLM`, `JMeter`, `SQLite`, `iOS`, `toolCode`), or is an acronym, two to
/// five letters in capitals that are no everyday word (`ADGM`, `MVP`, `API-integration`; not
/// `RETRO`, nor `STANDUP`, a word run together): a spelling no case noise makes, as noise
/// writes a word in lowercase, in capitals or with a capital initial.
fn cased_on_purpose(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric()).any(|word| {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        letters.next();
        let mixed = word.chars().any(char::is_lowercase) && letters.any(char::is_uppercase);
        let acronym = (2..=5).contains(&word.chars().filter(|c| c.is_alphabetic()).count())
            && normalize::is_all_caps(word)
            && !everyday::is_common_word(&word.to_lowercase());
        mixed || acronym
    })
}

fn alias_entries(_: &Doc, s: &str, _: bool) -> Vec<String> {
    let t = s.trim();
    if t.is_empty() {
        Vec::new()
    } else {
        vec![t.to_string()]
    }
}

/// Proposes the normalization of `tags`.
pub fn check_tags(doc: &Doc, out: &mut Findings) {
    check(doc, out, &TAGS);
}

/// Proposes the deduplication of `aliases`.
pub fn check_aliases(doc: &Doc, out: &mut Findings) {
    check(doc, out, &ALIASES);
}

/// True when `item` is an empty item of a block list whose line holds a comment after its
/// dash (`- #Type/Area`): what its owner meant as an entry.
fn only_a_comment(doc: &Doc, item: &Node) -> bool {
    if !item.is_null() {
        return false;
    }
    let text = doc.note.text;
    let at = item.span.start.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[start..end].trim_start();
    line.strip_prefix('-')
        .is_some_and(|rest| rest.starts_with([' ', '\t']) && rest.trim_start().starts_with('#'))
}

/// The first phrase of a tag string: an entry between commas (`Diffusion Models, image
/// quality`) holding blanks between words that are not each a `#`-tag, or the whole string
/// of words of letters alone (`Shell Scripting`, `Operating System`; `Resources/Articles
/// To_process`, `DS💻 Learning🧑‍🎓` are tags). Obsidian reads each word a tag, but nothing says
/// the owner did not write one phrase: split, it is lost.
fn phrase_in_tags(text: &str) -> Option<&str> {
    let letters = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\''))
    };
    if !text.contains(',') && !text.split_whitespace().all(letters) {
        return None;
    }
    text.split(',').map(str::trim).find(|entry| {
        let mut words = entry.split_whitespace();
        words.clone().nth(1).is_some() && !words.all(|w| w.starts_with('#'))
    })
}

/// True when a tag `value` writes with its `#` is one the vault's Dataview queries look for so
/// ([`crate::index::VaultIndex::queries_tag_with_hash`]).
fn queried_with_hash(doc: &Doc, value: &Node) -> bool {
    let items = match &value.kind {
        NodeKind::Seq { items, .. } => items.as_slice(),
        _ => std::slice::from_ref(value),
    };
    (items.iter().filter_map(Node::as_str))
        .flat_map(|s| s.split([',', ' ', '\t']))
        .map(str::trim)
        .filter(|t| t.starts_with('#'))
        .any(|t| doc.ctx.index.queries_tag_with_hash(t))
}

/// Scalars a list rule must not touch: block scalars and unfilled placeholders.
fn untouchable(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Scalar { value, quoting } => *quoting == Quoting::Block || value.contains("{{"),
        _ => true,
    }
}

fn check(doc: &Doc, out: &mut Findings, rule: &ListRule) {
    let Some(prop) = doc.prop(rule.key) else {
        return;
    };
    let value = &prop.entry.value;
    if rule.split_string && queried_with_hash(doc, value) {
        // `WHERE icontains(tags, "#type/")`: a query of the vault reads these tags with their
        // `#`; written without it, the note would drop out of the query's results.
        return;
    }
    match &value.kind {
        NodeKind::Scalar { value: text, .. } => {
            if !rule.split_string || value.is_null() || untouchable(value) {
                return;
            }
            if let Some(phrase) = phrase_in_tags(text) {
                // `Diffusion Models, score distillation`: Obsidian reads a word a tag, but its
                // owner wrote phrases. Split and deduplicated, the phrases would be lost.
                out.review.push(doc.review(
                    value,
                    ReviewReason::InvalidFrontmatter,
                    format!(
                        "`{}` holds a phrase (`{phrase}`), and a tag cannot hold a space: \
                         Obsidian reads each word as a tag. Write each phrase as one tag \
                         (`{}`), or keep the words as tags of their own",
                        rule.key,
                        phrase.split_whitespace().collect::<Vec<_>>().join("-")
                    ),
                ));
                return;
            }
            let mut seen = Seen::default();
            let entries = (rule.entries)(doc, text, false);
            let one_written = entries.len() == 1;
            let wanted = fresh(rule, entries, &mut seen);
            match &wanted[..] {
                // One tag written as a string (`tags: poems`) is valid as it stands,
                [one] if one_written && one == text => {}
                // and one only respelled (`structure` as the vault spells it) stays one string.
                [one] if one_written && one.to_lowercase() == text.to_lowercase() => {
                    out.edits.push(doc.edit(
                        value.span.clone(),
                        scalar(one, Place::Block),
                        rule.rule,
                        format!("`{}` → `{one}`: {}", doc.raw(value).trim(), rule.convention),
                    ))
                }
                _ => rewrite(doc, out, rule, prop.entry, &wanted, doc.layout(None)),
            }
        }
        NodeKind::Seq { items, flow } => {
            if let Some(item) = items.iter().find(|item| only_a_comment(doc, item)) {
                // `- #Type/Area` is an item holding nothing and a YAML comment: Obsidian reads
                // no tag there, and rewriting the list would drop what its owner wrote.
                out.review.push(doc.review(
                    item,
                    ReviewReason::InvalidFrontmatter,
                    format!(
                        "`{}` has an item written `- #…`, which YAML reads as a comment, not an \
                         entry: write it without the `#` or in quotes",
                        rule.key
                    ),
                ));
                return;
            }
            if items.iter().any(untouchable) {
                return;
            }
            if let Some(item) = split_number::review(doc, rule.key, value) {
                out.review.push(item);
                return;
            }
            let mut seen = Seen::default();
            // An empty item (`tags:` then `- `) is the slot a template or a generator leaves for
            // its owner to fill in: it stays as written while the other items are cleaned.
            let empty =
                |item: &Node| item.is_null() || item.as_str().is_some_and(|s| s.trim().is_empty());
            let plan: Vec<(&Node, Vec<String>)> = items
                .iter()
                .map(|item| {
                    let text = item.as_str().unwrap_or("");
                    let new = if empty(item) {
                        vec![text.to_string()]
                    } else {
                        fresh(rule, (rule.entries)(doc, text, true), &mut seen)
                    };
                    (item, new)
                })
                .collect();
            let keep_flow = match doc.ctx.settings.list_style {
                ListStyle::Flow => true,
                ListStyle::Block => false,
                ListStyle::Keep => *flow,
            };
            let unchanged = plan.iter().all(
                |(item, new)| matches!(&new[..], [one] if Some(one.as_str()) == item.as_str()),
            );
            if unchanged && keep_flow == *flow {
                return;
            }
            let item_edits = (keep_flow == *flow && !seen.kept.is_empty())
                .then(|| item_edits(doc, rule, &plan, *flow))
                .flatten();
            match item_edits {
                Some(edits) => out.edits.extend(edits),
                // Rewritten whole, the list would lose its empty slots.
                None if items.iter().any(empty) => {}
                None => {
                    // A block list rewritten as a block list keeps its own indent.
                    let layout = match doc.indent_at(value.span.start) {
                        _ if keep_flow || *flow => doc.layout(Some(keep_flow)),
                        Some(indent) => Layout::Block {
                            indent: indent.to_string(),
                            line_ending: doc.note.line_ending(),
                        },
                        None => return,
                    };
                    rewrite(doc, out, rule, prop.entry, &seen.kept, layout);
                }
            }
        }
        NodeKind::Map { .. } => {}
    }
}

/// The entries of a list kept so far, in order, and the keys they are known by: themselves, or
/// under a case-blind rule their lowercase form. A list of thousands of entries is checked in
/// time linear in them.
#[derive(Default)]
struct Seen {
    kept: Vec<String>,
    keys: HashSet<String>,
}

/// The entries not seen before, recording them as seen. Under a case-blind rule an entry seen
/// in another case was seen: the note keeps the one written first (the vault's spelling, when
/// most notes agree on one, is already what every entry of the tag reads).
fn fresh(rule: &ListRule, entries: Vec<String>, seen: &mut Seen) -> Vec<String> {
    entries
        .into_iter()
        .filter(|e| {
            let key = if rule.case_blind {
                e.to_lowercase()
            } else {
                e.clone()
            };
            let new = seen.keys.insert(key);
            if new {
                seen.kept.push(e.clone());
            }
            new
        })
        .collect()
}

/// Edits of single items: rewrite an item in place, or drop a block item's line. `None` when
/// the change needs the whole list rewritten (an item standing for several entries, a dropped
/// flow item, a block item sharing its line).
fn item_edits(
    doc: &Doc,
    rule: &ListRule,
    plan: &[(&Node, Vec<String>)],
    flow: bool,
) -> Option<Vec<crate::edit::Edit>> {
    let place = if flow { Place::Flow } else { Place::Block };
    let mut edits = Vec::new();
    for (item, new) in plan {
        let was = doc.raw(item);
        match &new[..] {
            [one] if Some(one.as_str()) == item.as_str() => {}
            [one] => {
                // Only spaces around it taken off (`"Rdv 17h "`): the list was fine otherwise.
                let why = match item.as_str().map(str::trim) == Some(one.as_str()) {
                    true => "the spaces around an entry are no part of it",
                    false => rule.convention,
                };
                edits.push(doc.edit(
                    item.span.clone(),
                    rewrite_scalar(one, item.as_str().unwrap_or(""), item.quoting(), place),
                    rule.rule,
                    format!("`{was}` → `{one}`: {why}"),
                ))
            }
            [] if !flow => edits.push(doc.edit(
                doc.own_line(item)?,
                "",
                rule.rule,
                format!("dropped `{was}`, already listed: {}", rule.convention),
            )),
            _ => return None,
        }
    }
    Some(edits)
}

/// Replaces the whole value with `items` laid out as `layout`.
fn rewrite(
    doc: &Doc,
    out: &mut Findings,
    rule: &ListRule,
    entry: &crate::yaml::Entry,
    items: &[String],
    layout: Layout,
) {
    let value = &entry.value;
    let written: Vec<String> = items.iter().map(|i| scalar(i, layout.place())).collect();
    let was_block = matches!(value.kind, NodeKind::Seq { flow: false, .. });
    let (span, replacement) = match &layout {
        Layout::Flow if !was_block => (value.span.clone(), format!("[{}]", layout.join(&written))),
        Layout::Block { .. } if was_block && !written.is_empty() => {
            (value.span.clone(), format!("- {}", layout.join(&written)))
        }
        _ => match doc.colon_to_value_end(entry) {
            Some(span) => (span, layout.value_after_colon(&written)),
            None => return,
        },
    };
    out.edits.push(doc.edit(
        span,
        replacement,
        rule.rule,
        format!(
            "`{}` → {}: {}",
            doc.raw(value).trim(),
            // As the edit writes it: in brackets, or one item a line (`- a`, `- b`), as the
            // note's other lists are.
            match layout {
                Layout::Block { .. } if !items.is_empty() => {
                    format!("`- {}`", items.join("`, `- "))
                }
                _ => format!("`[{}]`", items.join(", ")),
            },
            rule.convention
        ),
    ));
}
