//! Who a meeting is about: the one notion the `mentions` property ([`super::property`]) and a
//! person's meetings section ([`super::meetings`]) share.
//!
//! A meeting is about every person and organisation it names with confidence (exact, alias or
//! auto) — participants, links, owners, credits, prose and transcripts. A single word of prose
//! (`Grace`, `General`) counts only when the meeting also names the entity another way: on its
//! own it is too often an everyday word or a name the note never settles.

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
}

/// An entity a meeting is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    /// The title of the entity's note.
    pub title: String,
    /// The forms the meeting wrote the name in that differ from the title (`Nico` for Niko
    /// Dukic), in the order it first wrote them.
    pub written: Vec<String>,
}

/// The entities `seen` (a meeting's confident mentions, in note order) say the meeting is
/// about, in the order it first names them. Titles a link cannot hold are left out.
pub fn about(seen: &[Seen]) -> Vec<About> {
    let usable = |s: &&Seen| !s.title.contains(['[', ']', '|', '#', '^']);
    let named: Vec<&str> = seen
        .iter()
        .filter(usable)
        .filter(|s| s.kind != Kind::Text || s.written.trim().contains(' '))
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
        let key = compact(form);
        let entry = &mut out[at];
        if key != compact(s.title) && !entry.written.iter().any(|w| compact(w) == key) {
            entry.written.push(form.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen<'m>(kind: Kind, written: &'m str, title: &'m str) -> Seen<'m> {
        Seen {
            kind,
            written,
            title,
        }
    }

    #[test]
    fn names_each_entity_once_with_the_forms_that_differ() {
        let out = about(&[
            seen(Kind::Participant, "Niko Dukic", "Niko Dukic"),
            seen(Kind::Text, "Nico", "Niko Dukic"),
            seen(Kind::Owner, "NikoDukic", "Niko Dukic"),
            seen(Kind::Wikilink, "Nikko Dukic|Niko", "Niko Dukic"),
            seen(Kind::Text, "nico", "Niko Dukic"),
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
        assert_eq!(out[0].written, ["Ada"]);
    }
}
