//! What may change a link the user wrote.
//!
//! An unresolved `[[link]]` is often a note not written yet, so its target is corrected only when
//! it is unmistakably the same whole name damaged in transit: spelled the same once case, accents
//! and mojibake are folded, or a speech-to-text rendering where every part of the name agrees
//! and the note itself names that person (`[[Nico Dukic]]` in a meeting Niko Dukic attends).
//! Anything else the resolver would link — by sound alone, by one part of the name, across a
//! numeral, to a different word — is asked about instead. And it is asked about only when every
//! part of the link is some part of the suggested entity's name, exactly or nearly: a link with a
//! part no name of theirs has (`[[Buck Eamonson]]` for Becca, `[[Church of Tyr]]` for the Church
//! of Corellon Larethian) names someone else, most likely a note not written yet — outside a
//! meeting, where a link may be a pipeline's rendering of what it heard.

use super::context::NoteContext;
use super::decide::{Decision, Resolution};
use crate::names::keys::EntityNames;
use crate::names::normalize;
use crate::names::score::{self, Level};

/// Turns an `auto` resolution of a written link into a `review` one unless the link is the
/// resolved entity's name damaged in transit (see the module doc).
pub fn vet(name: &str, mut r: Resolution, ctx: &NoteContext, names: &EntityNames) -> Resolution {
    let Some(entity) = r.entity.as_ref().filter(|_| r.decision == Decision::Auto) else {
        return r;
    };
    let key = normalize::name_key(name);
    let folded_alike = entity.forms.iter().any(|f| f.key == key);
    let rendering = ctx.is_present(&entity.path)
        && score::same_whole_name(&normalize::tokens(name), entity, names);
    if folded_alike || rendering {
        return r;
    }
    r.decision = Decision::Review;
    r.reasons.push(
        "a link you wrote is only changed when it is the same whole name misspelt in transit: \
         it may be a note not written yet"
            .into(),
    );
    r
}

/// Turns a `review` resolution of a written link on `line` into an `unknown` one when a part of
/// the link agrees with no part of any name of the suggested entity (see the module doc), or
/// when the line links that entity by its own name too (`go to [[Majorca]] to weaken [[Armando
/// de Majorca]]`: two links, two things): no question. In a meeting, whose links a pipeline may
/// have written from what it heard (`[[Declan Burrow]]` for Declan Mburu), a part misheard
/// beyond recognition is still asked about.
pub fn ask(name: &str, line: usize, r: Resolution, ctx: &NoteContext) -> Resolution {
    let Some(entity) = r.entity.as_ref().filter(|_| r.decision == Decision::Review) else {
        return r;
    };
    if ctx.names_on_line_entity(line, &entity.path) {
        return Resolution::unknown(vec![format!(
            "'{name}' is linked on a line that links {} by name: a link to something else, most \
             likely a note not written yet",
            entity.title
        )]);
    }
    if ctx.is_meeting() {
        return r;
    }
    let tokens = normalize::tokens(name);
    let unmatched: Vec<&str> = tokens
        .iter()
        .filter(|m| {
            !entity
                .forms
                .iter()
                .flat_map(|f| &f.tokens)
                .any(|e| score::compare(m, e) != Level::Disagree)
        })
        .map(|m| m.key.as_str())
        .collect();
    if unmatched.is_empty() {
        return r;
    }
    Resolution::unknown(vec![format!(
        "'{name}' has parts no name of {} has ({}): a link to someone else, most likely a note \
         not written yet",
        entity.title,
        unmatched.join(", ")
    )])
}
