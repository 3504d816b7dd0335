//! Who a meeting's attendees outweigh: a name written in a meeting that is almost an attendee's
//! is about the attendee before anyone else whose name it is spelled closer to. Speech-to-text
//! writes `Bianca Barges` for the attendee Bianca Vargas; that it is one letter from Bianca
//! Borges, who is not there, is no reason to link her.
//!
//! A resolution of a name of two parts or more to someone the note does not name becomes a
//! question when an attendee shares a part of the name exactly and every other part is at most
//! [`MAX_EDITS`] letters away: both are offered, the attendee first. So does a person's title
//! written exactly (`Shawn Murphy`) when that person neither attends nor is linked and an
//! attendee is written almost alike (Sean Murphy): a transcript spells what it hears, and the
//! namesake's note is no likelier than the attendee misspelled.

use super::context::{NoteContext, Presence};
use super::decide::{Decision, Resolution};
use crate::index::NoteKind;
use crate::names::keys::EntityKeys;
use crate::names::normalize;
use crate::review::Candidate;
use std::sync::Arc;

/// The most letters a part of the name may differ from the attendee's part (added, dropped or
/// changed).
pub const MAX_EDITS: usize = 2;

/// The shortest part compared by spelling: a shorter one is too easily a few letters from any.
const MIN_PART_LETTERS: usize = 4;

/// The question a resolution `r` of `name` becomes when an attendee is written almost alike
/// and the note does not otherwise say `r` names whom it means (see the module doc); `None`
/// when `r` stands.
pub fn vet(name: &str, r: &Resolution, ctx: &NoteContext) -> Option<Resolution> {
    let entity = r
        .entity
        .clone()
        .filter(|e| may_be_heard_for_an_attendee(r, e, ctx))?;
    // The parts' keys alone, read off the entity's name when written as it is: every exact
    // name of a meeting's prose comes here.
    let folded;
    let keys: Vec<&str> = match entity.forms.iter().find(|f| f.text == name) {
        Some(form) => form.tokens.iter().map(|t| t.key.as_str()).collect(),
        None => {
            folded = normalize::name_key(name);
            folded.split(' ').filter(|k| !k.is_empty()).collect()
        }
    };
    if keys.len() < 2 {
        return None;
    }
    let attendee = ctx.participants().iter().find(|p| {
        written_almost_alike(&keys, p) && ctx.presence_of(&p.path) == Some(Presence::Participant)
    })?;
    let mut r = r.clone();
    let score = (r.confidence / 2.0 * 1000.0).round() / 1000.0;
    r.candidates.retain(|c| *c.name != *attendee.title);
    for c in r.candidates.iter_mut().filter(|c| *c.name == *entity.title) {
        c.score = score;
    }
    r.candidates.insert(
        0,
        Candidate {
            name: attendee.title.as_str().into(),
            path: attendee.path.as_str().into(),
            score,
            evidence: Arc::default(),
        },
    );
    r.reasons.push(format!(
        "{} attends this meeting and is written almost alike: asked rather than linked to {}",
        attendee.title, entity.title
    ));
    r.decision = Decision::Review;
    r.ambiguous = true;
    r.confidence = score;
    r.entity = Some(Arc::clone(attendee));
    Some(r)
}

/// True when resolution `r` to `entity` may be a name heard for an attendee's: a person's title
/// written exactly when they neither attend, nor are linked, nor own the note; any other name,
/// linked or asked about, when the note does not name them at all.
fn may_be_heard_for_an_attendee(r: &Resolution, entity: &EntityKeys, ctx: &NoteContext) -> bool {
    match r.decision {
        Decision::Exact => {
            entity.kind == NoteKind::Person
                && !matches!(
                    ctx.presence_of(&entity.path),
                    Some(Presence::Participant | Presence::Linked | Presence::Own)
                )
        }
        Decision::Auto | Decision::Review => !r.exact_name && !ctx.is_present(&entity.path),
        _ => false,
    }
}

/// True when the parts `keys` ([`normalize::Token::key`]s) align with one of the person's names of as
/// many parts: one part the same, every other one at most [`MAX_EDITS`] letters away and long
/// enough to compare.
fn written_almost_alike(keys: &[&str], person: &EntityKeys) -> bool {
    person
        .forms
        .iter()
        .filter(|f| f.tokens.len() == keys.len())
        .any(|f| {
            let pairs = || keys.iter().zip(&f.tokens);
            pairs().any(|(m, p)| *m == p.key)
                && pairs().all(|(m, p)| {
                    *m == p.key
                        || (m.chars().count() >= MIN_PART_LETTERS
                            && p.key.chars().count() >= MIN_PART_LETTERS
                            && m.chars().count().abs_diff(p.key.chars().count()) <= MAX_EDITS
                            && strsim::levenshtein(m, &p.key) <= MAX_EDITS)
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{resolve_note, Scope};
    use crate::index::VaultIndex;
    use crate::note::Note;
    use crate::settings::Settings;

    fn resolved(participants: &str, body: &str) -> Vec<(String, Decision, Option<String>)> {
        let text = format!("---\ntype: meeting\nparticipants: [{participants}]\n---\n{body}\n");
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Livia Marquez.md", "---\ntype: people\n---\n"),
                ("People/Livia Barquer.md", "---\ntype: people\n---\n"),
                ("People/Otto Brandt.md", "---\ntype: people\n---\n"),
                ("Meetings/Sync.md", text.as_str()),
            ],
        );
        let note = Note::parse("Meetings/Sync.md", &text);
        resolve_note(&note, &index, Scope::All)
            .into_iter()
            .filter(|r| r.found.kind == crate::entities::mentions::Kind::Text)
            .map(|r| {
                let e = r.resolution.entity.as_ref().map(|e| e.title.clone());
                (r.found.text, r.resolution.decision, e)
            })
            .collect()
    }

    #[test]
    fn an_attendee_written_almost_alike_outweighs_a_closer_spelling() {
        // `Barques` is one letter from Barquer, two from the attendee's Marquez.
        let out = resolved(
            "Livia Marquez, Otto Brandt",
            "Livia Barques's team owns it.",
        );
        assert_eq!(
            out,
            [(
                "Livia Barques's".to_string(),
                Decision::Review,
                Some("Livia Marquez".to_string())
            )]
        );
    }

    #[test]
    fn without_such_an_attendee_the_closer_spelling_stands() {
        let out = resolved("Otto Brandt", "Livia Barques's team owns it.");
        assert_eq!(
            out,
            [(
                "Livia Barques's".to_string(),
                Decision::Auto,
                Some("Livia Barquer".to_string())
            )]
        );
    }
}
