//! Links from resolutions: what the engine resolves with confidence, made visible to Obsidian
//! without rewriting what the user wrote — a meeting's `mentions` property ([`property`]).

pub mod property;
