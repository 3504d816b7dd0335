//! The registry: every rule of the engine in one place — its name, its switch, its docs and the
//! function that runs it — in the order [`crate::engine::Engine::check`] runs them.
//!
//! A rule declares itself next to its code (`pub const RULE: Rule`, see [`crate::rule`]) and is
//! entered here once. The settings know rules only by their keys, the opt-out key by their
//! names, and the plugin's settings tab lists them from here, so adding a rule touches its own
//! module and one line below.
//!
//! Order matters where edits could touch the same bytes: the engine keeps the earlier edit and
//! the next fix pass proposes the other again. Key case runs first so that the other frontmatter
//! rules read a renamed key under its canonical spelling in the same pass; mojibake comes before
//! the value rules (a lowercased `KrakÃ³w` could no longer be repaired).

use crate::context::Context;
use crate::edit::Edit;
use crate::entities::{self, NoteMemo, Resolved};
use crate::frontmatter::{self, Doc, Findings};
use crate::note::Note;
use crate::rule::Rule;
use crate::settings::Settings;
use crate::{links, mojibake, named_garbles, tasks};
use std::cell::{OnceCell, RefCell};

/// One registered rule and how it runs on a note (`None`: it runs over the whole vault).
pub struct Entry {
    /// What the rule is.
    pub rule: &'static Rule,
    run: Option<fn(&mut Pass)>,
}

/// Every rule, in the order a note's check runs them.
pub const REGISTRY: &[Entry] = &[
    Entry {
        rule: &frontmatter::key_case::RULE,
        run: Some(|p| p.frontmatter_mut(frontmatter::key_case::check)),
    },
    Entry {
        rule: &mojibake::RULE,
        run: Some(|p| {
            let mut found = p.frontmatter_found(frontmatter::mojibake_values::check);
            let (edits, item) = mojibake::body_findings(p.note, &mut p.memo.borrow_mut().mojibake);
            found.edits.extend(edits);
            found.review.extend(item);
            named_garbles::keep_named(p.note, p.ctx.index, found, &mut p.findings);
        }),
    },
    Entry {
        rule: &frontmatter::placeholders::RULE,
        run: Some(|p| p.frontmatter_with_mentions(frontmatter::placeholders::check)),
    },
    Entry {
        rule: &frontmatter::last_contact::RULE,
        run: Some(|p| p.frontmatter(frontmatter::last_contact::check)),
    },
    Entry {
        rule: &frontmatter::date_values::RULE,
        run: Some(|p| p.frontmatter(frontmatter::date_values::check)),
    },
    Entry {
        rule: &frontmatter::tags::TAGS_RULE,
        run: Some(|p| p.frontmatter(frontmatter::tags::check_tags)),
    },
    Entry {
        rule: &frontmatter::tags::ALIASES_RULE,
        run: Some(|p| p.frontmatter(frontmatter::tags::check_aliases)),
    },
    Entry {
        rule: &tasks::owner_handles::RULE,
        run: Some(|p| {
            let edits = tasks::handle_edits(p.note, p.ctx);
            p.findings.edits.extend(edits);
        }),
    },
    Entry {
        rule: &entities::edits::RULE,
        run: Some(|p| {
            let edits = entities::edits::rewrites(p.note, p.resolved(), p.ctx.index);
            p.findings.edits.extend(edits);
        }),
    },
    Entry {
        rule: &links::property::RULE,
        run: Some(|p| p.with_mentions(links::property::check)),
    },
    Entry {
        rule: &tasks::section::RULE,
        run: None,
    },
    Entry {
        rule: &links::meetings::RULE,
        run: None,
    },
];

/// Every rule, in registry order.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    REGISTRY.iter().map(|e| e.rule)
}

/// The rule a note's opt-out key calls `name`.
pub fn named(name: &str) -> Option<&'static Rule> {
    all().find(|r| r.name == name)
}

/// `settings` with every rule's switch written out (its default where the settings do not say),
/// as the plugin shows and saves them.
pub fn complete(mut settings: Settings) -> Settings {
    for rule in all() {
        let on = settings.rule_on(rule);
        settings.set_rule(rule, on);
    }
    settings
}

/// One note's check as the rules see it: the note, its context, the views of it rules share
/// (built on first use), and what the rules found so far.
pub struct Pass<'n, 'a> {
    /// The note.
    pub note: &'n Note<'a>,
    /// Its context.
    pub ctx: &'n Context<'n>,
    /// Edits (in priority order) and review items found so far.
    pub findings: Findings,
    doc: Option<Option<Doc<'n, 'a>>>,
    resolved: OnceCell<Vec<Resolved>>,
    memo: RefCell<PassMemo>,
}

/// What a pass over a note learnt that a later pass over the same note can reuse: how its names
/// resolved ([`NoteMemo`]) and how its lines that may hold mojibake are repaired
/// ([`mojibake::LineMemo`]). Valid only while nothing the names read of the index changes.
#[derive(Debug, Default)]
pub struct PassMemo {
    names: NoteMemo,
    mojibake: mojibake::LineMemo,
}

impl PassMemo {
    /// A memo for a note that will be checked again: it remembers its lines too.
    pub fn keeping() -> Self {
        PassMemo {
            names: NoteMemo::keeping(),
            mojibake: mojibake::LineMemo::keeping(),
        }
    }
}

impl<'n, 'a> Pass<'n, 'a> {
    /// A pass over `note` that has found nothing yet.
    pub fn new(note: &'n Note<'a>, ctx: &'n Context<'n>) -> Self {
        Pass::with_memo(note, ctx, PassMemo::default())
    }

    /// A pass that reuses what `memo` holds of an earlier pass over the same note (see
    /// [`PassMemo`]); [`Pass::into_memo`] gives it back with what this pass learnt.
    pub fn with_memo(note: &'n Note<'a>, ctx: &'n Context<'n>, memo: PassMemo) -> Self {
        Pass {
            note,
            ctx,
            findings: Findings::default(),
            doc: None,
            resolved: OnceCell::new(),
            memo: RefCell::new(memo),
        }
    }

    /// What the pass learnt that a later pass over the same note can reuse.
    pub fn into_memo(self) -> PassMemo {
        self.memo.into_inner()
    }

    /// Runs every rule the settings and the note's opt-outs enable, in registry order.
    pub fn run_rules(&mut self) {
        for entry in REGISTRY {
            if let Some(run) = entry.run.filter(|_| self.ctx.enabled(entry.rule)) {
                run(self);
            }
        }
    }

    fn doc(&mut self) -> Option<&mut Doc<'n, 'a>> {
        let (note, ctx) = (self.note, self.ctx);
        self.doc.get_or_insert_with(|| Doc::new(note, ctx)).as_mut()
    }

    /// Runs a frontmatter rule, when the note has frontmatter that parsed.
    fn frontmatter(&mut self, check: fn(&Doc, &mut Findings)) {
        let found = self.frontmatter_found(check);
        self.findings.append(found);
    }

    /// What a frontmatter rule finds, when the note has frontmatter that parsed, kept apart.
    fn frontmatter_found(&mut self, check: fn(&Doc, &mut Findings)) -> Findings {
        let mut found = Findings::default();
        if let Some(doc) = self.doc() {
            check(doc, &mut found);
        }
        found
    }

    /// Runs a frontmatter rule that reads the note's mentions, resolved.
    fn frontmatter_with_mentions(&mut self, check: fn(&Doc, &[Resolved], &mut Findings)) {
        let (note, ctx) = (self.note, self.ctx);
        let mut found = Findings::default();
        let resolved = resolve_once(&self.resolved, note, ctx, &self.memo);
        if let Some(doc) = self.doc.get_or_insert_with(|| Doc::new(note, ctx)) {
            check(doc, resolved, &mut found);
        }
        self.findings.append(found);
    }

    /// Runs a rule that edits the frontmatter (or adds one) from the note's mentions, resolved.
    fn with_mentions(
        &mut self,
        check: fn(&Note, Option<&Doc>, &[Resolved], &Context) -> Vec<Edit>,
    ) {
        let (note, ctx) = (self.note, self.ctx);
        let resolved = resolve_once(&self.resolved, note, ctx, &self.memo);
        let doc = self.doc.get_or_insert_with(|| Doc::new(note, ctx)).as_ref();
        let edits = check(note, doc, resolved, ctx);
        self.findings.edits.extend(edits);
    }

    /// Runs a frontmatter rule that changes how the others read the frontmatter (key case).
    fn frontmatter_mut(&mut self, check: fn(&mut Doc, &mut Findings)) {
        let mut found = Findings::default();
        if let Some(doc) = self.doc() {
            check(doc, &mut found);
        }
        self.findings.append(found);
    }

    /// The note's structured mentions (and the prose names edits and review items can come
    /// from), resolved once for every rule that reads them.
    pub fn resolved(&self) -> &[Resolved] {
        resolve_once(&self.resolved, self.note, self.ctx, &self.memo)
    }
}

/// The note's mentions in `cell`, resolved on first use (the fields of a [`Pass`], borrowed
/// apart so that a rule can read them next to the pass's frontmatter view).
fn resolve_once<'c>(
    cell: &'c OnceCell<Vec<Resolved>>,
    note: &Note,
    ctx: &Context,
    memo: &RefCell<PassMemo>,
) -> &'c [Resolved] {
    cell.get_or_init(|| {
        // Mention links read every name; the other rules only those they could edit or ask
        // about, which resolve the same either way.
        let scope = if ctx.enabled(&links::property::RULE) && is_meeting(note, ctx) {
            entities::Scope::All
        } else {
            entities::Scope::Edits
        };
        entities::resolve_note_with(note, ctx.index, scope, &mut memo.borrow_mut().names)
    })
}

/// True when the index counts the note as a meeting.
fn is_meeting(note: &Note, ctx: &Context) -> bool {
    ctx.index
        .get(note.path)
        .is_some_and(|n| n.kind == crate::index::NoteKind::Meeting)
}
