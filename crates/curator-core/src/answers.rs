//! The answers a person gave in review, remembered in the settings (`data.json`, shared by the
//! plugin and the CLI): a written name is someone (`accepted`), is not someone (`rejected`), or
//! is not a name at all (`notNames`).
//!
//! The resolver reads the answers about a written name as a dep on that name
//! ([`crate::deps::Dep::Answer`]), so a new answer settles every occurrence of the name at once:
//! [`crate::vault::Vault::set_answers`] drops exactly the results of the notes that read a
//! changed answer, and nothing else is computed again.

use crate::deps::{self, Dep};
use crate::settings::{Resolution, Settings};
use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Every review answer, as the settings hold them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Answers {
    /// Written names confirmed as a note's entity: used exactly next time.
    pub accepted: Vec<Resolution>,
    /// Suggestions rejected: never made again.
    pub rejected: Vec<Resolution>,
    /// Written words that are not names: never resolved or asked about again.
    pub not_names: Vec<String>,
}

impl Answers {
    /// The answers `settings` hold.
    pub fn of(settings: &Settings) -> Self {
        Answers {
            accepted: settings.accepted.clone(),
            rejected: settings.rejected.clone(),
            not_names: settings.not_names.clone(),
        }
    }

    /// Puts these answers in `settings`.
    pub fn put_in(self, settings: &mut Settings) {
        settings.accepted = self.accepted;
        settings.rejected = self.rejected;
        settings.not_names = self.not_names;
    }

    /// The written names (folded) whose answers differ between `self` and `other`.
    pub fn changed_names(&self, other: &Answers) -> BTreeSet<String> {
        let (a, b) = (self.by_name(), other.by_name());
        a.keys()
            .chain(b.keys())
            .filter(|k| a.get(*k) != b.get(*k))
            .cloned()
            .collect()
    }

    /// Every answer, by the folded name it is about.
    fn by_name(&self) -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut add = |name: &str, answer: String| {
            out.entry(fold(name)).or_default().push(answer);
        };
        for r in &self.accepted {
            add(&r.text, format!("is {}", fold(&r.entity)));
        }
        for r in &self.rejected {
            add(&r.text, format!("is not {}", fold(&r.entity)));
        }
        for n in &self.not_names {
            add(n, "not a name".into());
        }
        for answers in out.values_mut() {
            answers.sort();
            answers.dedup();
        }
        out
    }
}

/// The settings without their answers and today: what every result depends on as a whole.
/// Answers are read per name instead; a result read with an earlier today can only have left
/// out a meeting held since, never counted one not held yet, and is computed again when its
/// note changes ([`crate::settings::Settings::today`]).
pub fn lasting(settings: &Settings) -> Settings {
    let mut rest = settings.clone();
    Answers::default().put_in(&mut rest);
    rest.today.clear();
    rest
}

/// Records that the computation under way read the answers about `name`, and returns the name
/// folded, as answers are matched.
pub fn read(name: &str) -> String {
    let key = fold(name);
    deps::read(Dep::Answer(&key));
    key
}

/// True when the person said `name` is not a name (recording the read).
pub fn is_not_a_name(settings: &Settings, name: &str) -> bool {
    let key = read(name);
    settings.not_names.iter().any(|n| fold(n) == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolution(text: &str, entity: &str) -> Resolution {
        Resolution {
            text: text.into(),
            entity: entity.into(),
        }
    }

    #[test]
    fn changed_names_are_those_whose_answers_differ() {
        let before = Answers {
            accepted: vec![resolution("Nico", "Niko Dukic")],
            rejected: vec![resolution("Ada", "Ada Park")],
            not_names: vec!["Need".into()],
        };
        let mut after = before.clone();
        after.accepted.push(resolution("Rob B.", "Rob Benoit"));
        after.not_names = vec!["need".into()];
        after.rejected.clear();
        let changed: Vec<String> = before.changed_names(&after).into_iter().collect();
        assert_eq!(changed, ["ada", "rob b."]);
        assert!(before.changed_names(&before).is_empty());
    }

    #[test]
    fn reading_an_answer_is_recorded_per_name() {
        let mut settings = Settings::default();
        settings.not_names.push("Need".into());
        let (answer, read) = deps::recording(|| is_not_a_name(&settings, "NEED"));
        assert!(answer);
        assert_eq!(read, [Dep::Answer("need").fingerprint()]);
        settings.today = "2026-11-26".into();
        assert_eq!(lasting(&settings), Settings::default());
    }
}
