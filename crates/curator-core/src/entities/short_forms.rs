//! One word that names an organisation on its own: its acronym in capitals (`NDWA`, `N.D.W.A.`
//! for Northern Delta Water Authority), the short form people write for a company once everyone
//! knows it.
//!
//! A single word of prose otherwise counts as naming someone only beside another naming
//! ([`crate::links::about`]); an acronym spelling every initial of the name is as specific as
//! the name, so a resolution to the organisation that is confident already needs nothing more.
//! The opening word of a name is not (`Summit` of Summit Partners is most often the word).

use crate::index::NoteKind;
use crate::names::keys::EntityKeys;
use crate::names::normalize;
use crate::names::score::MIN_ACRONYM_LETTERS;

/// True when `written` is the organisation `entity`'s acronym: `NDWA` or `N.D.W.A.`, capitals
/// only (dots between them), at least [`MIN_ACRONYM_LETTERS`], spelling the initials of its
/// name. Capitals say the same at the start of a sentence as anywhere else.
pub fn is_acronym_of(written: &str, entity: &EntityKeys) -> bool {
    let letters: String = written.trim().chars().filter(|c| *c != '.').collect();
    entity.kind == NoteKind::Org
        && letters.chars().count() >= MIN_ACRONYM_LETTERS
        && letters.chars().all(char::is_uppercase)
        && entity
            .acronym
            .as_deref()
            .is_some_and(|a| normalize::name_key(&letters) == a)
}
