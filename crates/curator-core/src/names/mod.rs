//! Names: how a written name is folded, spelled, sounded and compared, and the vault's people
//! and organisations entered under every key a mention could reach them by.
//!
//! Everything here depends on the vault's names alone, never on the note a name is written in:
//! the index keeps [`keys::EntityNames`] up to date note by note, and entity resolution
//! ([`crate::entities`]) adds each note's context on top.

pub mod everyday;
pub mod evidence;
pub mod keys;
pub mod nicknames;
pub mod normalize;
pub mod particles;
pub mod phonetic;
pub mod places;
pub mod qualifier;
pub mod score;
