//! A helper shared by the integration tests that ask how one note's mentions are decided.

use curator_core::entities::Mention;
use curator_core::{Engine, Settings};

/// The mentions the engine finds in the note at `path` with `text`, in a vault of `vault`'s
/// notes (`(path, text)`) and that note, with default settings.
pub fn mentions_in(vault: &[(&str, &str)], path: &str, text: &str) -> Vec<Mention> {
    let mut engine = Engine::new(Settings::default());
    for (p, t) in vault {
        engine.index_mut().upsert(p, t);
    }
    engine.index_mut().upsert(path, text);
    engine.mentions(path, text)
}
