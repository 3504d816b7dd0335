//! What kind of note a note is: a person, an organisation, a meeting or anything else.

/// What kind of note a note is (the index classifies every note, see [`crate::index`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// A person note (by folder, `type:` or `type/…` tag).
    Person,
    /// An organisation note.
    Org,
    /// A meeting note (`type: …meeting`, a `**Participants:**` line or a `participants` property).
    Meeting,
    /// Anything else.
    #[default]
    Other,
}
