//! The opt-in `owner_handles` rule: owner handles written the way the vault's people notes
//! query them.
//!
//! People notes list their tasks with Dataview queries such as
//! `WHERE contains(text, "@GlennLockwood")`, which miss a task written `@Glenn Lockwood`. The
//! rule rewrites the handle bytes of task owners who resolve to a person note (by title or
//! alias) into the form that person's own note queries (else the form most people notes
//! query, else [`Settings::handle_style`](crate::settings::Settings::handle_style)). Nothing
//! else on the line changes, and a handle already in that form is left alone.

use super::{owners, task_body};
use crate::context::Context;
use crate::edit::Edit;
use crate::entities::OwnerResolver;
use crate::handles;
use crate::index::NoteKind;
use crate::note::Note;
use crate::rule::Rule;
use crate::settings::HandleStyle;

/// The opt-in `owner_handles` rule.
pub const RULE: Rule = Rule {
    name: "owner_handles",
    key: "ownerHandles",
    default_on: false,
    title: "Rewrite owner handles",
    description: "Write task owners in the form the vault's queries use.",
};

/// The rule name on the edits this rule makes.
const EDIT_RULE: &str = "tasks.owner_handles";

/// Edits rewriting owner handles to the vault's query form (the opt-in `owner_handles` rule).
pub fn handle_edits(note: &Note, ctx: &Context) -> Vec<Edit> {
    let mut vault: Option<Option<HandleStyle>> = None;
    let mut edits = Vec::new();
    let resolver = OwnerResolver::new(note, ctx);
    for item in &note.list_items {
        let Some((_, body)) = task_body(note, item) else {
            continue;
        };
        let text = note.text.get(body.clone()).unwrap_or("");
        for handle in owners::owner_handles(text) {
            if note.in_code_or_comment(body.start + handle.at) {
                continue;
            }
            let Some(owner) = owners::resolve(&handle, text, &resolver, ctx) else {
                continue;
            };
            // Only a change of form: a misheard name is the entity rules' to correct, and a
            // name read past what the handle reads (`@glenn lockwood`) is left as written.
            if owner.span.end > handle.default_reading(text).0.end
                || !ctx
                    .index
                    .by_name(&owner.reading)
                    .any(|n| n.title == owner.title)
            {
                continue;
            }
            let Some(wanted) = wanted_handle(&owner.title, ctx, &mut vault) else {
                continue;
            };
            let written = text.get(owner.span.clone()).unwrap_or("");
            if written == wanted || !reads_back(&wanted, &owner.title) {
                continue;
            }
            edits.push(Edit::new(
                body.start + owner.span.start,
                body.start + owner.span.end,
                wanted.clone(),
                EDIT_RULE,
                format!("write the owner as `{wanted}`, the form the vault's people-note task queries search for"),
            ));
        }
    }
    edits
}

/// `@GlennLockwood` is camel, `@Glenn Lockwood` spaced; one-word and dotted handles tell nothing.
fn style_of(handle: &str) -> Option<HandleStyle> {
    if handle.contains(['.', '_']) {
        None
    } else if handle.contains(' ') {
        Some(HandleStyle::Spaced)
    } else if handles::split_compound(handle).contains(' ') {
        Some(HandleStyle::Camel)
    } else {
        None
    }
}

/// The handle to write for the person titled `title`: in the settings' form; else the handle
/// their own note queries; else their name in the form of their note's query or, failing
/// that, the form most people notes query.
fn wanted_handle(
    title: &str,
    ctx: &Context,
    vault: &mut Option<Option<HandleStyle>>,
) -> Option<String> {
    if ctx.settings.handle_style != HandleStyle::Detect {
        return Some(render(title, ctx.settings.handle_style));
    }
    if let Some(handle) = ctx.index.queried_handle(title) {
        return Some(format!("@{handle}"));
    }
    let own = ctx
        .index
        .by_name(title)
        .find(|n| n.kind == NoteKind::Person && n.title == title)
        .and_then(|n| n.owner_query_handle.as_deref());
    let style = own
        .and_then(style_of)
        .or_else(|| *vault.get_or_insert_with(|| vault_style(ctx)))?;
    Some(render(title, style))
}

/// The form most people notes query, when one form is in the majority.
fn vault_style(ctx: &Context) -> Option<HandleStyle> {
    let (mut spaced, mut camel) = (0usize, 0usize);
    for style in ctx
        .index
        .notes()
        .filter(|n| n.kind == NoteKind::Person)
        .filter_map(|n| n.owner_query_handle.as_deref().and_then(style_of))
    {
        match style {
            HandleStyle::Spaced => spaced += 1,
            HandleStyle::Camel => camel += 1,
            HandleStyle::Detect => {}
        }
    }
    match spaced.cmp(&camel) {
        std::cmp::Ordering::Greater => Some(HandleStyle::Spaced),
        std::cmp::Ordering::Less => Some(HandleStyle::Camel),
        std::cmp::Ordering::Equal => None,
    }
}

/// `@Glenn Lockwood` or `@GlennLockwood` (see [`handles::camel`]).
fn render(title: &str, style: HandleStyle) -> String {
    match style {
        HandleStyle::Camel => format!("@{}", handles::camel(title)),
        _ => format!(
            "@{}",
            title.split_whitespace().collect::<Vec<_>>().join(" ")
        ),
    }
}

/// True when `handle`, read back as a whole, names `title` (so the rewrite is stable).
fn reads_back(handle: &str, title: &str) -> bool {
    handles::find(handle).first().is_some_and(|h| {
        h.names(handle).any(|(span, name)| {
            span == (0..handle.len()) && handles::compact(&name) == handles::compact(title)
        })
    })
}
