//! What a rule is to the settings, a note's opt-outs and the settings tab. Each rule declares
//! itself next to its code (`pub const RULE: Rule`); [`crate::rules`] lists them all, in the
//! order they run.

use serde::Serialize;

/// One rule of the engine.
#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// Snake-case name: what a note's opt-out key lists (`curator: [dates]`).
    pub name: &'static str,
    /// Its switch under `rules` in the settings (`keyCase` in data.json).
    pub key: &'static str,
    /// Whether it runs when the settings do not say.
    pub default_on: bool,
    /// Its switch in the settings tab, in sentence case.
    pub title: &'static str,
    /// What it does, in one sentence.
    pub description: &'static str,
}
