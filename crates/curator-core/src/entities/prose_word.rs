//! One word of prose standing alone (`Augustine`, `Milan`, `Christianity`): which of an entity's
//! names it can be.
//!
//! A name's own words are those before a qualifier: a word such as "of" or "the" after its
//! first word (`Ambrose of Milan`, `Hillel the Elder`, `Bank of Lisbon`) or a parenthesis
//! (`Ananias (Acts)`, `James (Brother of Jesus)`). A word of the qualifier alone is a place, a
//! title or another entity, never the entity: `Milan` is not Ambrose of Milan.
//!
//! Outside a meeting the words are typed, not heard: a word that only sounds or is spelled like
//! a name (`Christianity` ~ Christ, `Tiresias` ~ Tarsus) is another word, and a given name that
//! is only a nickname of someone's (`Amos` ~ Moses, `Luke` ~ Luther) is someone else's name.

use crate::index::NoteKind;
use crate::names::keys::EntityKeys;
use crate::names::normalize::Token;
use crate::names::score::{self, Level};

/// How one word of prose compares with the best of an entity's own name words (over its title
/// and aliases); `None` when it agrees with none of them — it is a qualifier's word, or no
/// name's.
pub fn level(word: &Token, entity: &EntityKeys) -> Option<Level> {
    let qualifiers = qualifier_keys(entity);
    own_parts(entity, &qualifiers)
        .map(|part| score::compare(word, part))
        .filter(|l| l.agrees())
        .min()
}

/// True when no word of a name written in prose agrees with any of the entity's own name
/// words: all it shares with the entity is a qualifier (`Saint Ives` of Guild of Saint Ives).
pub fn only_qualifier(words: &[Token], entity: &EntityKeys) -> bool {
    // A name without a qualifier leaves the comparison to the name's own score.
    if !entity.has_qualifier() {
        return false;
    }
    let qualifiers = qualifier_keys(entity);
    let own: Vec<&Token> = own_parts(entity, &qualifiers).collect();
    words
        .iter()
        .all(|word| own.iter().all(|part| !score::compare(word, part).agrees()))
}

/// The folded words any of the entity's names holds in a qualifier (`of` and `milan` of
/// Ambrose of Milan): a form written without the joining word (`Theophilus Antioch`) still
/// has them as qualifiers.
fn qualifier_keys(entity: &EntityKeys) -> Vec<&str> {
    entity
        .forms
        .iter()
        .flat_map(|form| form.tokens.get(form.own_words..).unwrap_or_default())
        .map(|t| t.key.as_str())
        .collect()
}

/// The parts of the entity's names that are no qualifier's words, and the names without a
/// qualifier run together (`ukmetoffice`).
fn own_parts<'a>(
    entity: &'a EntityKeys,
    qualifiers: &'a [&str],
) -> impl Iterator<Item = &'a Token> {
    let joined = entity
        .forms
        .iter()
        .filter(|form| form.own_words >= form.tokens.len())
        .filter_map(|form| form.joined.as_ref());
    entity
        .forms
        .iter()
        .flat_map(|form| &form.tokens)
        .filter(|t| !qualifiers.contains(&t.key.as_str()))
        .chain(joined)
}

/// True when one word of prose is a chat handle of one of the entity's names (`ilse_v`,
/// `rbenoit`): typed as handles are, compared as [`score::handle_of`] compares them.
pub fn is_handle(word: &Token, entity: &EntityKeys) -> bool {
    entity.forms.iter().any(|form| {
        score::handle_of(&word.key, &form.tokens)
            .is_some_and(|h| h == score::Handle::Whole || score::typed_as_handles_are(word))
    })
}

/// True when one word of prose is, as written, a name word of a person among `entities`
/// (`Victoria` of Victoria Hale, `Raman` of Priya Raman): the vault calls people so, and the
/// organisation whose name the word opens (Victoria Rovers FC) is no likelier than they are.
pub fn names_a_person<'a>(
    word: &Token,
    mut entities: impl Iterator<Item = &'a EntityKeys>,
) -> bool {
    entities.any(|e| e.kind == NoteKind::Person && level(word, e) == Some(Level::Exact))
}

/// True when a word of prose that is `level` of an entity's name may name it: written as the
/// name is, or — in a meeting, whose words may be heard — agreeing with it any other way.
pub fn may_name(level: Option<Level>, meeting: bool) -> bool {
    match level {
        Some(Level::Exact) => true,
        Some(_) => meeting,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_a_meeting_only_the_name_as_written_names_someone() {
        assert!(may_name(Some(Level::Exact), false));
        assert!(!may_name(Some(Level::Nickname), false));
        assert!(!may_name(Some(Level::Phonetic), false));
        assert!(may_name(Some(Level::Near), true));
        assert!(may_name(Some(Level::Nickname), true));
        assert!(!may_name(None, true));
    }
}
