//! Who a meeting is about: the one notion the `mentions` property ([`super::property`]) and a
//! person's meetings section ([`super::meetings`]) share.
//!
//! A meeting is about every person and organisation it names with confidence (exact, alias or
//! auto) — participants, links, owners, credits, prose and transcripts. A single word of prose
//! (`Grace`, `General`) counts only when the meeting also names the entity another way: on its
//! own it is too often an everyday word or a name the note never settles — unless it names
//! the entity on its own: a chat handle writing the surname (`rbenoit`), or the opening word of
//! the organisation the meeting's people work at (`Farrowby`).

use crate::entities::mentions::Kind;
use crate::handles::compact;
use crate::index::link_target;

/// One confident mention of an entity, as a meeting wrote it.
#[derive(Debug, Clone, Copy)]
pub struct Seen<'m> {
    /// How it was written.
    pub kind: Kind,
    /// The mention as written (`Rob Banga|Rob` for a link with display text).
    pub written: &'m str,
    /// The title of the entity's note.
    pub title: &'m str,
    /// The mention wrote one of the entity's names (title or alias): decided `exact` or `alias`.
    pub as_named: bool,
    /// One word of prose that names the entity on its own where it is written
    /// ([`crate::entities::Resolved::stands_alone`]).
    pub stands_alone: bool,
}

/// An entity a meeting is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    /// The title of the entity's note.
    pub title: String,
    /// The forms the meeting wrote the name in that are not one of the entity's names nor
    /// words of its title (`Nico` or `Niko Dukovic` for Niko Dukic, not `Niko`, `DUKIC` or
    /// `Niko's`): how it was misheard or misspelt, in the order it first wrote them.
    pub written: Vec<String>,
}

/// The entities `seen` (a meeting's confident mentions, in note order) say the meeting is
/// about, in the order it first names them. Titles a link cannot hold are left out.
pub fn about(seen: &[Seen]) -> Vec<About> {
    let usable = |s: &&Seen| !s.title.contains(['[', ']', '|', '#', '^']);
    let named: Vec<&str> = seen
        .iter()
        .filter(usable)
        .filter(|s| s.kind != Kind::Text || s.stands_alone || s.written.trim().contains(' '))
        .map(|s| s.title)
        .collect();
    let mut out: Vec<About> = Vec::new();
    for s in seen.iter().filter(usable) {
        if !named.contains(&s.title) {
            continue;
        }
        let at = match out.iter().position(|a| a.title == s.title) {
            Some(at) => at,
            None => {
                out.push(About {
                    title: s.title.to_string(),
                    written: Vec::new(),
                });
                out.len() - 1
            }
        };
        let form = if s.kind == Kind::Wikilink {
            link_target(s.written)
        } else {
            s.written.trim()
        };
        let entry = &mut out[at];
        if !s.as_named
            && !in_title(form, s.title)
            && !entry.written.iter().any(|w| words(w) == words(form))
        {
            entry.written.push(form.to_string());
        }
    }
    out
}

/// True when `form` is the title run together (`NikoDukic`) or every word of it is a word of
/// `title` ([`words`]): a short, shouted or possessive form of the name, not a different one.
fn in_title(form: &str, title: &str) -> bool {
    let title_words = words(title);
    compact(form) == compact(title) || words(form).iter().all(|w| title_words.contains(w))
}

/// The words of a name, each without a possessive `'s` and compared case- and accent-blind:
/// `Alca Bobal's` and `alca bobal` are one form.
fn words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            compact(w)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen<'m>(kind: Kind, written: &'m str, title: &'m str) -> Seen<'m> {
        Seen {
            kind,
            written,
            title,
            as_named: false,
            stands_alone: false,
        }
    }

    #[test]
    fn names_each_entity_once_with_the_forms_that_differ() {
        let alias = Seen {
            as_named: true,
            ..seen(Kind::Text, "Nikki", "Niko Dukic")
        };
        let out = about(&[
            seen(Kind::Participant, "Niko Dukic", "Niko Dukic"),
            seen(Kind::Text, "Nico", "Niko Dukic"),
            seen(Kind::Owner, "NikoDukic", "Niko Dukic"),
            seen(Kind::Wikilink, "Nikko Dukic|Niko", "Niko Dukic"),
            seen(Kind::Text, "Nikko Dukic's", "Niko Dukic"),
            seen(Kind::Text, "nico", "Niko Dukic"),
            seen(Kind::Text, "Niko's", "Niko Dukic"),
            seen(Kind::Text, "DUKIC", "Niko Dukic"),
            seen(Kind::Text, "Niko Dukic’s", "Niko Dukic"),
            alias,
        ]);
        assert_eq!(
            out,
            vec![About {
                title: "Niko Dukic".into(),
                written: vec!["Nico".into(), "Nikko Dukic".into()],
            }]
        );
    }

    #[test]
    fn a_lone_word_of_prose_needs_another_naming() {
        let out = about(&[
            seen(Kind::Text, "Grace", "Grace Hopper"),
            seen(Kind::Text, "Ada", "Ada Lovelace"),
            seen(Kind::Via, "Ada Lovelace", "Ada Lovelace"),
            seen(Kind::Wikilink, "A|B", "A|B"),
        ]);
        let titles: Vec<&str> = out.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Ada Lovelace"]);
        assert!(out[0].written.is_empty());
    }
}
