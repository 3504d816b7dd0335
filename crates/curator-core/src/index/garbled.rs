//! The note names (titles, aliases and the folders a note is in) that may hold mojibake: text
//! elsewhere writing such a garble may be naming the note (`[[Ã…rsplan/Budget]]` opens
//! `Ã…rsplan/Budget.md`), and repairing it would break the link. Only names
//! [`mojibake::may_contain`] flags are kept, not every name.

use super::NoteSummary;
use crate::deps::Dep;
use crate::mojibake;
use std::collections::BTreeMap;

/// Each name that may hold mojibake → how many times the vault's notes are named so.
#[derive(Debug, Clone, Default)]
pub(super) struct GarbledNames(BTreeMap<String, usize>);

impl GarbledNames {
    /// Counts the names of one more note.
    pub(super) fn add(&mut self, summary: &NoteSummary) {
        for name in garbled(summary) {
            *self.0.entry(name.to_string()).or_default() += 1;
        }
    }

    /// Counts the names of one note fewer.
    pub(super) fn remove(&mut self, summary: &NoteSummary) {
        for name in garbled(summary) {
            if let Some(n) = self.0.get_mut(name) {
                *n -= 1;
                if *n == 0 {
                    self.0.remove(name);
                }
            }
        }
    }

    /// The first name (in sorted order) that holds `garble` and that `line` writes.
    pub(super) fn holding(&self, garble: &str, line: &str) -> Option<&str> {
        self.0
            .keys()
            .find(|name| name.contains(garble) && line.contains(name.as_str()))
            .map(String::as_str)
    }
}

/// Adds what a note's names, when they come or go, change: which names hold a garble opening
/// with each character (not ASCII) of those that may hold mojibake ([`Dep::GarbledName`]).
pub(super) fn changes(summary: &NoteSummary, add: &mut dyn FnMut(Dep)) {
    for name in garbled(summary) {
        for c in name.chars().filter(|c| !c.is_ascii()) {
            add(Dep::GarbledName(c.encode_utf8(&mut [0u8; 4])));
        }
    }
}

/// The note's title, aliases and folders that may hold mojibake.
fn garbled(summary: &NoteSummary) -> impl Iterator<Item = &str> {
    let folders = summary
        .path
        .rsplit_once('/')
        .map_or("", |(folders, _)| folders);
    std::iter::once(&summary.title)
        .chain(&summary.aliases)
        .map(String::as_str)
        .chain(folders.split('/').filter(|f| !f.is_empty()))
        .filter(|name| mojibake::may_contain(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(title: &str, aliases: &[&str]) -> NoteSummary {
        NoteSummary {
            title: title.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            ..NoteSummary::default()
        }
    }

    #[test]
    fn keeps_garbled_names_until_no_note_is_named_so() {
        let statute = named("Idaho Code ┬º74-202", &["Café", "Idaho Code ┬º74-202"]);
        let mut names = GarbledNames::default();
        names.add(&statute);
        names.add(&named("Idaho Code ┬º74-202", &[]));
        assert_eq!(
            names.holding("┬º", "see Idaho Code ┬º74-202"),
            Some("Idaho Code ┬º74-202")
        );
        assert_eq!(names.holding("┬½", "Idaho Code ┬º74-202 ┬½"), None);
        assert_eq!(
            names.holding("┬º", "┬º74-207 alone"),
            None,
            "a line not writing it"
        );
        names.remove(&statute);
        assert!(
            names.holding("┬º", "Idaho Code ┬º74-202").is_some(),
            "one note still named so"
        );
        names.remove(&named("Idaho Code ┬º74-202", &[]));
        assert!(names.0.is_empty(), "{:?}", names.0);
    }

    #[test]
    fn a_folder_a_note_is_in_is_one_of_its_names() {
        let mut names = GarbledNames::default();
        names.add(&NoteSummary {
            path: "Projekty/Ã…rsplan/Budget.md".into(),
            ..named("Budget", &[])
        });
        assert_eq!(names.holding("Ã…", "[[Ã…rsplan/Budget]]"), Some("Ã…rsplan"));
    }

    #[test]
    fn only_names_that_may_hold_mojibake_are_kept() {
        let mut names = GarbledNames::default();
        names.add(&named("Café", &["JÃ¼rgen"]));
        assert_eq!(names.0, BTreeMap::from([("JÃ¼rgen".to_string(), 1)]));
    }
}
