//! Links from resolutions: what the engine resolves with confidence, made visible to Obsidian
//! without rewriting what the user wrote — a meeting's `mentions` property ([`property`]) and a
//! person's meetings section ([`meetings`]), both from one notion of who a meeting is about
//! ([`about`]).

pub mod about;
pub mod meetings;
pub mod property;
