//! What a rule gets to look at besides the note: the vault index, the settings, and which rules
//! the note opts out of.

use crate::index::VaultIndex;
use crate::note::Note;
use crate::rule::Rule;
use crate::settings::Settings;

/// The context of one note's check.
pub struct Context<'a> {
    /// The vault index (the note itself included, as last upserted).
    pub index: &'a VaultIndex,
    /// Rule switches and conventions.
    pub settings: &'a Settings,
    opt_out: OptOut,
}

/// Which rules a note switches off with its opt-out key.
enum OptOut {
    /// `curator: off` (or `true`, `all`, …): every rule.
    All,
    /// `curator: [dates, tags]`: these rules, by name.
    Rules(Vec<String>),
}

impl<'a> Context<'a> {
    /// The context for `note`: reads its opt-out key (`curator: off`, or a list of rule names).
    pub fn for_note(index: &'a VaultIndex, note: &Note) -> Self {
        let settings = index.settings();
        let opt_out = match note.property(&settings.opt_out_key) {
            None => OptOut::Rules(Vec::new()),
            Some(n) => match n.as_str().map(str::to_ascii_lowercase).as_deref() {
                Some("off" | "false" | "no" | "skip" | "true" | "all") => OptOut::All,
                _ => OptOut::Rules(n.strings().into_iter().map(str::to_string).collect()),
            },
        };
        Context {
            index,
            settings,
            opt_out,
        }
    }

    /// True when `rule` is switched on in the settings and the note does not opt out of it.
    pub fn enabled(&self, rule: &Rule) -> bool {
        self.settings.rule_on(rule)
            && match &self.opt_out {
                OptOut::All => false,
                OptOut::Rules(names) => !names.iter().any(|n| n == rule.name),
            }
    }
}
