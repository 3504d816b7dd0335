//! Rewrites of structured mentions that resolved with confidence but are not written as the
//! note's title: a link target (`[[Rob Banga|Rob]]` → `[[Rob Benoit|Rob]]`), an owner handle
//! (`@Yazmin Ahmed` → `@Yasmin Ahmed`, camel stays camel), a frontmatter participant and a
//! plain-text credit (`(via Rob Banga)` → `(via Rob Benoit)`; a credit written as a link is a
//! link target). A link whose target is an alias opens no note in Obsidian: it becomes the
//! link Obsidian itself writes for an alias (`[[Bobby T]]` → `[[Robert Tan|Bobby T]]`).
//! Prose and transcripts are never rewritten; exact names, and aliases anywhere but a link's
//! target, are already right.

use super::garbled_text::GarbledLines;
use super::mentions::Kind;
use super::{Decision, Resolved};
use crate::edit::Edit;
use crate::handles;
use crate::index::{NoteKind, VaultIndex};
use crate::names::keys::{EntityKeys, FormOrigin, NameForm};
use crate::names::score::{self, Level};
use crate::names::{normalize, particles, qualifier};
use crate::note::Note;
use crate::rule::Rule;
use crate::task_status::checkbox;
use crate::wikilink;
use crate::yaml::Quoting;
use std::ops::Range;

/// The `entity_links` rule.
pub const RULE: Rule = Rule {
    name: "entity_links",
    key: "entityLinks",
    default_on: true,
    title: "Correct misheard names",
    description:
        "Rewrite links, owners, participants and (via …) credits that resolve to a person note with confidence, and point links to an alias at its note.",
};

/// The rule name edits carry.
pub const EDIT_RULE: &str = "entities.links";

/// Edits for the note's structured mentions decided `auto`, and for its links to an alias.
pub fn rewrites(note: &Note, resolved: &[Resolved], index: &VaultIndex) -> Vec<Edit> {
    let mut garbled = GarbledLines::new(note);
    resolved
        .iter()
        .filter(|r| match r.resolution.decision {
            Decision::Auto => true,
            Decision::Alias => links_to_alias(r, resolved, index),
            _ => false,
        })
        .filter_map(|r| {
            let entity =
                (r.resolution.entity.as_ref()).filter(|e| !names_two(e) && !garbled_title(e))?;
            let f = &r.found;
            // A link in a heading is part of the heading's text, which links to the heading
            // name.
            if note.in_heading(f.span.start) {
                return None;
            }
            let current = note.text.get(f.span.clone())?;
            let mut end = f.span.end;
            let replacement = match f.kind {
                // The name written again beside the link, plain (`[[Jay Paul]] (the Jay Paul
                // Company)`): the link says what the writer meant, however like another it
                // sounds.
                Kind::Wikilink
                    if r.resolution.decision == Decision::Auto
                        && written_beside(note, f.span.clone(), current) =>
                {
                    return None
                }
                Kind::Wikilink if opens_with_extension(current, &entity.title) => return None,
                // A link in the person's own note would open the note it is in; one after an
                // article (`The [[Roadmaster]] is …`) names an office or a thing the person may
                // be called by, not them.
                Kind::Wikilink
                    if entity.path == note.path
                        || (entity.kind == NoteKind::Person
                            && after_an_article(note, f.span.start)) =>
                {
                    return None
                }
                Kind::Wikilink => {
                    let target = index.link_target(entity);
                    // A title two notes share opens one of them already: which, its writer knew.
                    if target != entity.link_target() && index.has_title(current) {
                        return None;
                    }
                    match shown_as_written(note, f.span.clone(), current, (entity, target)) {
                        Some((inside, inside_end)) => {
                            end = inside_end;
                            inside
                        }
                        None => target.to_string(),
                    }
                }
                // The same letters written another way name the same person: how a handle is
                // written is the opt-in `owner_handles` rule's to decide, never this one's.
                Kind::Owner if handles::compact(current) == handles::compact(&entity.title) => {
                    return None
                }
                // A handle outside a task (`@Tiffany, let's sync` in a quoted e-mail) is the
                // writer's text: only a task's owner is written as the vault names them.
                Kind::Owner if !on_a_task(note, f.span.start) => return None,
                // An account's name (`@bruno_t`, `@ana.silva`, `@rob2`) is written as its owner
                // chose it, and a name with an `s` run on (`@Brunos notes`) is a possessive.
                Kind::Owner if is_account(current) || runs_on_an_s(current, entity) => return None,
                // `@Ernst B.`: the dot may be the initial's or the sentence's, and completed
                // either way one of them reads wrong (`@Ernst Becker. prüfen`).
                Kind::Owner if ends_with_an_initial(note, f.span.end) => return None,
                // `@Abdullah al-mansour` read as `@Abdullah`: the name goes on after the
                // handle as written, and completing it would write its end twice.
                Kind::Owner if goes_on(note, f.span.end, current, entity) => return None,
                // A handle glued to what follows (`@hakon+@owen`) is one of a token's parts.
                Kind::Owner if handles::glued_at(note.text, f.span.end) => return None,
                Kind::Owner => match (index.queried_handle(&entity.title), entity.spelled_name()) {
                    (Some(queried), _) => queried.to_string(),
                    // A handle ends before a qualifier (`Wang Wei (Lotus Dynamics)`): written
                    // with one, it would name a namesake and leave the rest in the task.
                    (None, Some(name)) if name.contains(['(', ')', ',']) => return None,
                    (None, Some(name)) if f.camel => handles::camel_as_written(name, current),
                    (None, Some(name)) => name.to_string(),
                    // A note titled by a slug that spells no name out: a handle is not made a slug.
                    (None, None) => return None,
                },
                // A participant or a credit written by the name they go by (`Josh Cameron` for
                // Joshua Cameron) is written right: only a misheard or misspelled name is
                // corrected.
                Kind::Participant | Kind::Via
                    if goes_by(current, entity) || completes(current, entity) =>
                {
                    return None
                }
                Kind::Participant if f.in_frontmatter => match entity.spelled_name() {
                    Some(name) if yaml_safe(name, f.quoting) => name.to_string(),
                    _ => return None,
                },
                // A credit names one person in plain text: their name, still plain.
                Kind::Via if entity.kind == NoteKind::Person => match entity.spelled_name() {
                    Some(name) if !name.contains([')', '(', '\n']) => name.to_string(),
                    _ => return None,
                },
                _ => return None,
            };
            // A handle a task query of the vault searches for (`description includes @owen`) is
            // how the vault finds the task: it stays unless the name still opens with it as
            // written (`@Owen` → `@Owen Hughes`), which the query finds as well.
            if f.kind == Kind::Owner
                && index.queries_handle(current)
                && !replacement.starts_with(current)
            {
                return None;
            }
            // A name spelled with letters the replacement spells in ASCII (`@Jürgen` for the
            // note Jurgen Muller) is spelled better than the note: it stays as written.
            if f.kind != Kind::Wikilink && accented(current) > accented(&replacement) {
                return None;
            }
            // A name read out of garbled text is rewritten by the mojibake rule or kept with
            // it, never by a guess at what its garble says.
            if garbled.overlaps(&f.span) {
                return None;
            }
            let reason = match r.resolution.decision {
                Decision::Alias => format!(
                    "{}, and Obsidian opens a note by its title alone: the link opens {} and \
                     still shows '{current}'",
                    r.resolution.reasons.join("; "),
                    entity.title
                ),
                _ => format!(
                    "'{current}' is {} ({})",
                    entity.title,
                    r.resolution.reasons.join("; ")
                ),
            };
            // Written already, and more after it (`Anson (Qi)`, whose `Anson` resolves to the
            // note of that title): nothing to write, and writing it would repeat its tail.
            let written = replacement.len() >= end - f.span.start
                && (note.text.get(f.span.start..)).is_some_and(|t| t.starts_with(&replacement));
            (!written).then(|| Edit::new(f.span.start, end, replacement, EDIT_RULE, reason))
        })
        .collect()
}

/// True when the name written as the handle `current`, ending at `end`, may go on after it,
/// so that completing the handle to `entity`'s name would write words of it twice or split
/// it: a letter, a dash or an apostrophe right after (`@Jean‑Luc`, its hyphen no ASCII one;
/// `@Siobhán O’Brien` read as `@Siobhán O`) or the rest of a garbled word (`@Nguyá»…n` read as
/// `@Nguyá`), the word after ending the name, accents aside (`@Abdullah al-mansour` for
/// Abdullah Al Mansour, `@Kristin Olafs dottir` for Kristín Ólafsdóttir), or, where the handle
/// would gain words, a capitalised word or a particle after it (`@Beatrice Ask`, `@Jan van`),
/// or a word in lowercase before the name's last word: a particle misheard or run together
/// (`@Sanne the Vries`, `@Maarten vander Linden`).
fn goes_on(note: &Note, end: usize, current: &str, entity: &EntityKeys) -> bool {
    let after = note.text.get(end..).unwrap_or("");
    // The whole word the handle ends in, up to the next space, when it may be garbled.
    let garbled = || {
        let before = note.text.get(..end).unwrap_or("");
        let head = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let tail = after.split(char::is_whitespace).next().unwrap_or("");
        crate::mojibake::may_contain(&format!("{head}{tail}"))
    };
    if after.starts_with(|c: char| {
        c.is_alphanumeric()
            || matches!(c, '-' | '‐' | '‑' | '–' | '—' | '\'' | '’' | 'ʼ')
            || (!c.is_ascii() && !c.is_whitespace() && garbled())
    }) {
        return true;
    }
    let rest = after.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
    let written: &str = rest
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
        .next()
        .unwrap_or("");
    let word = handles::compact(written);
    let Some(name) = entity.spelled_name() else {
        return false;
    };
    let gains_words = name.split_whitespace().count() > current.split_whitespace().count();
    // Accents aside too, where the handle's last word and the word after end the name
    // together: `@Kristin Olafs dottir` for Kristín Ólafsdóttir (never `@Hiroshi Sato to`).
    let unaccented = |s: &str| handles::compact(&normalize::name_key(s));
    let last = current.split_whitespace().next_back().unwrap_or("");
    // `@Sanne the Vries` for Sanne de Vries: a word in lowercase, particles misheard or run
    // together (`vander`), then the name's last word.
    let then = (rest.get(written.len()..).unwrap_or(""))
        .strip_prefix(' ')
        .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next())
        .filter(|w| w.starts_with(char::is_uppercase));
    let misheard_particle = written.chars().all(char::is_lowercase)
        && then.is_some_and(|w| unaccented(name).ends_with(&unaccented(w)));
    rest.len() < after.len()
        && !word.is_empty()
        && (handles::compact(name).ends_with(&word)
            || unaccented(name).ends_with(&unaccented(&format!("{last}{written}")))
            || (gains_words
                && (written.starts_with(char::is_uppercase)
                    || particles::is_particle(written)
                    || misheard_particle)))
}

/// True when the handle ending at `end` ends with an initial and its dot (`@Ernst B.`).
fn ends_with_an_initial(note: &Note, end: usize) -> bool {
    let text = note.text;
    let word_start = (text[..end].char_indices().rev())
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    text[end..].starts_with('.') && text[word_start..end].chars().count() == 1
}

/// True when a link target is `title` written with its `.md` (`[[Diffusion Labs.md]]`): it
/// opens that note already.
fn opens_with_extension(target: &str, title: &str) -> bool {
    (target.strip_suffix(".md")).is_some_and(|t| crate::text::fold(t) == crate::text::fold(title))
}

/// True when the line of the link target at `target` writes `written` again as plain text,
/// in no link.
fn written_beside(note: &Note, target: Range<usize>, written: &str) -> bool {
    let text = note.text;
    let start = text[..target.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[target.end..]
        .find('\n')
        .map_or(text.len(), |i| target.end + i);
    let in_a_link = |at: usize| note.links.iter().any(|l| l.span.contains(&at));
    (text[start..end].match_indices(written)).any(|(i, _)| !in_a_link(start + i))
}

/// True when the link whose target starts at byte `target` follows an article or a
/// possessive (`the`, `a`, `our`, …): what it names is a thing or an office.
fn after_an_article(note: &Note, target: usize) -> bool {
    // Not `that`, which joins clauses as often (`after that [[Taylor]] went`).
    const ARTICLES: [&str; 10] = [
        "the", "a", "an", "this", "our", "my", "your", "his", "her", "their",
    ];
    let before = (note.text.get(..target).unwrap_or(""))
        .trim_end_matches('[')
        .trim_end_matches('!');
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next();
    before.ends_with(char::is_whitespace)
        && word.is_some_and(|w| ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(w)))
}

/// True when a handle's text is an account's name rather than a person's: it holds `_`, `.` or
/// a digit.
fn is_account(handle: &str) -> bool {
    handle.contains(|c: char| c == '_' || c == '.' || c.is_ascii_digit())
}

/// True when a one-word handle is a word of `entity`'s title with an `s` after it (`Brunos`
/// for Bruno Tavares): a possessive written without its apostrophe.
fn runs_on_an_s(handle: &str, entity: &EntityKeys) -> bool {
    let stem = handle.strip_suffix('s').map(crate::text::fold);
    stem.is_some_and(|stem| {
        !handle.contains(' ')
            && (entity.title.split_whitespace()).any(|w| crate::text::fold(w) == stem)
    })
}

/// True when byte `at` of the note is on a task's first line (`- [ ] … @Ana`).
fn on_a_task(note: &Note, at: usize) -> bool {
    (note.list_items.iter()).any(|item| {
        item.line.contains(&at)
            && (note.text.get(item.line.clone())).is_some_and(|l| checkbox(l).is_some())
    })
}

/// True when `r`, decided `alias`, is a link whose target no note is titled: Obsidian opens no
/// note by an alias, and a note titled so is what the link opens, whatever aliases others have.
/// A title without its qualifier is no name the note declares: `[[Wang Fang]]` beside the note
/// `Wang Fang (Hanoi)` may be a namesake's note not written yet, which the qualifier is there to
/// tell apart, so such a link stays as written; so does one by an alias that may name an
/// office, a role or a thing as well as the person ([`names_a_role`]), and one by a name another
/// note has too (a fund's note beside the company's of the same name), whichever it means.
fn links_to_alias(r: &Resolved, resolved: &[Resolved], index: &VaultIndex) -> bool {
    let unqualified_only = || {
        (r.resolution.entity.as_ref()).is_some_and(|e| {
            let key = normalize::name_key(&r.found.name);
            let mut named = e.forms.iter().filter(|f| f.key == key).peekable();
            named.peek().is_some() && named.all(|f| f.origin == FormOrigin::WithoutQualifier)
        })
    };
    // The line names them by their title too (`[[Dana Kim]] retires; the board wants an
    // external [[CFO]]`).
    let titled_on_line = |e: &EntityKeys| {
        resolved.iter().any(|o| {
            o.found.line == r.found.line
                && o.resolution.decision == Decision::Exact
                && (o.resolution.entity.as_ref()).is_some_and(|t| t.path == e.path)
        })
    };
    r.found.kind == Kind::Wikilink
        && !index.has_title(&r.found.name)
        && !(r.resolution.entity.as_ref())
            .is_some_and(|e| index.names_another(&r.found.name, &e.path))
        && !unqualified_only()
        && !(r.resolution.entity.as_ref())
            .is_some_and(|e| names_a_role(&r.found.name, e, || titled_on_line(e)))
}

/// Words for the writer's family, which an alias on a person's note gives that one person
/// (`[[Mom]]` for the note of the writer's mother), unlike an office or a title.
const KIN: &[&str] = &[
    "mom", "mum", "mommy", "mummy", "mother", "mama", "mamma", "momma", "ma", "dad", "daddy",
    "father", "papa", "pa", "pop", "grandma", "grandpa", "granny", "gran", "nan", "nana",
    "grandad", "granddad", "sis", "bro", "wife", "husband", "hubby",
];

/// True when `alias`, a person's alias, may as well name an office, a role or a thing as them.
/// Not when it writes a name of theirs: one of its words is part of their name (`Quill` of
/// `mquill`, `Gwen` of Gwendolyn, `Jim` of James) or a word for family ([`KIN`]), or it opens
/// with a given name (`Bobby`, `Will Smith`). Otherwise, everyday words (`Blue Rose`, `The
/// Boss`), a term's abbreviation (`CFO`), or an everyday word or two run together on a line
/// that names them by their title (`[[Gulsindip Desindever]] led the outpost, a feeder to
/// [[Roadmaster]]`; not `[[Finn]]` beside `[[Hugh]]`, a name of its own). A link written so
/// may be a note not written yet about that office or thing: it stays as written.
fn names_a_role(alias: &str, entity: &EntityKeys, titled_on_line: impl Fn() -> bool) -> bool {
    if entity.kind != NoteKind::Person {
        return false;
    }
    let given = |key: &str| crate::names::nicknames::id(key);
    let theirs: Vec<&str> = (entity.forms.iter().filter(|f| !f.alias))
        .flat_map(|f| &f.tokens)
        .map(|t| t.key.as_str())
        .collect();
    let writes_theirs = |word: &str| {
        KIN.contains(&word)
            || theirs.iter().any(|t| {
                (word.len() > 2 && t.len() > 2 && (word.contains(t) || t.contains(word)))
                    || given(word).is_some_and(|id| given(t) == Some(id))
            })
    };
    let tokens = normalize::tokens(alias);
    let named = match tokens.first() {
        Some(first) => given(&first.key).is_some() || tokens.iter().any(|t| writes_theirs(&t.key)),
        None => true,
    };
    !named
        && match tokens.as_slice() {
            [word] => {
                crate::names::everyday::is_term_abbreviation(alias)
                    || (everyday_words(&word.key) && titled_on_line())
            }
            _ => (tokens.iter()).all(|t| crate::names::everyday::is_common_word(&t.key)),
        }
}

/// True when `word` is an everyday word, or two of three letters or more run together
/// (`roadmaster`, `portmaster`).
fn everyday_words(word: &str) -> bool {
    use crate::names::everyday::is_common_word;
    is_common_word(word)
        || word.char_indices().any(|(i, _)| {
            i >= 3
                && word.len() - i >= 3
                && is_common_word(&word[..i])
                && is_common_word(&word[i..])
        })
}

/// The link's new inside from its target on, and where the inside ends, when the corrected
/// link must keep showing what it showed: a link with no display of its own shows its target,
/// and a target naming the entity other than by its title (`[[Aunt Gwenn]]` for Gwendolyn
/// Ashworth, alias Aunt Gwen; `[[Gwendolyn Ashworth's]]`) becomes
/// `[[Gwendolyn Ashworth|Aunt Gwenn]]`. `None` when retargeting alone is right: the link has a
/// display, or `written` is the title spelled another way (`[[Hakon Lindvik]]` →
/// `[[Håkon Lindvik]]`) and `link_target` is the title.
fn shown_as_written(
    note: &Note,
    target: Range<usize>,
    written: &str,
    (entity, link_target): (&EntityKeys, &str),
) -> Option<(String, usize)> {
    let text = note.text;
    let close = target.end + text.get(target.end..)?.find("]]")?;
    let suffix = &text[target.end..close];
    if suffix.contains('|') {
        return None;
    }
    // A link to a path (a title two notes share, a folder note) shows its title, not the path.
    let shown = match means_title(written, entity) {
        true if link_target == entity.title => return None,
        true => entity.title.as_str(),
        false => written,
    };
    let sep = wikilink::separator(text, target.start);
    let inside = wikilink::showing_as_written(link_target, suffix, shown, sep);
    Some((inside, close))
}

/// True when a link target written `written` means the entity's title itself, misspelled or
/// spelled with other accents or case: of the entity's names its title is the nearest to it,
/// and it says nothing more (a possessive, `Gwendolyn Ashworth's`, says more). A name written
/// with accents the title lacks (`Renée DiResta` for the note `Renee DiResta`) is spelled
/// better than the title: it keeps showing as written.
fn means_title(written: &str, entity: &EntityKeys) -> bool {
    if (written.split_whitespace().last()).is_some_and(qualifier::is_possessive)
        || accented(written) > accented(&entity.title)
        || marked_otherwise(written, &entity.title)
    {
        return false;
    }
    let key = normalize::name_key(written);
    let mut nearest: Option<(&NameForm, f64)> = None;
    for form in &entity.forms {
        let near = normalize::similarity(&key, &form.key);
        // The title comes first: an alias must be nearer, not as near, to win.
        if nearest.is_none_or(|(_, best)| near > best) {
            nearest = Some((form, near));
        }
    }
    nearest.is_some_and(|(form, _)| !form.alias)
}

/// True when `written` holds a mark the title does not: a link written `[[??? Blue Cultist]]`,
/// `[["Old Man Josef"]]` or `[[(Blue Cultist)]]` shows its writer's doubt or quotes, and one
/// written `[[Robert Gabriel Jr.]]`, `[[Acme, Inc.]]` or `[[Dr. Jane Roe]]` spells the name
/// more fully than a title a file name allows; the link keeps showing either. An underscore
/// stands for a space, and either apostrophe matches the title's.
fn marked_otherwise(written: &str, title: &str) -> bool {
    let apostrophe = title.contains(['\'', '’']);
    written.chars().any(|c| {
        !(c.is_alphanumeric()
            || c.is_whitespace()
            || unicode_normalization::char::is_combining_mark(c)
            || c == '_'
            || (apostrophe && matches!(c, '\'' | '’'))
            || title.contains(c))
    })
}

/// How many letters of `s` are not ASCII, or accents written apart from their letter (`u\u{308}`
/// for `ü`): a name written with more of them than the note's title (`Jürgen` for Jurgen
/// Muller) is spelled better than the title.
fn accented(s: &str) -> usize {
    s.chars()
        .filter(|&c| {
            !c.is_ascii()
                && (c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c))
        })
        .count()
}

/// True when `written` is one of the entity's names (its title or an alias) with a nickname
/// or a short form for one part or more and every other part as that name writes it (`Josh
/// Cameron` for Joshua Cameron, `Morgan Stanley` for Morgan Stanley-Reyes, `William Larsen` for
/// a note `bill-larsen` named Bill Larsen): the name the person goes by, no misspelling of theirs.
fn goes_by(written: &str, entity: &EntityKeys) -> bool {
    let parts = normalize::tokens(written);
    let shortened = |l: &Level| matches!(l, Level::Nickname | Level::ShortForm);
    (entity.forms.iter().filter(|f| !f.whole_only)).any(|form| {
        let levels: Vec<Level> = (parts.iter().zip(&form.tokens))
            .map(|(m, e)| score::compare(m, e))
            .collect();
        parts.len() == form.tokens.len()
            && levels.iter().all(|l| l.is_exact() || shortened(l))
            && levels.iter().any(shortened)
    })
}

/// True when `entity` is a note of two people together (`Brandon & Priscilla Dodsworth`):
/// a name written for one of them is that one's, never rewritten to both.
fn names_two(entity: &EntityKeys) -> bool {
    entity.kind == NoteKind::Person
        && [" & ", " and ", " + "]
            .iter()
            .any(|j| entity.title.contains(j))
}

/// True when `written` is one word and `entity`'s name more (`Jürgen` for Juergen Willis, or
/// for a note titled `juergen-willis`): a participant written by the given name alone may be
/// anyone called so, and the writer who knew no more (`Jürgen (last name unknown)`) is not to
/// be corrected by a guess.
pub fn completes(written: &str, entity: &EntityKeys) -> bool {
    !written.trim().contains(char::is_whitespace)
        && (entity.forms.iter())
            .filter(|f| !f.alias || f.origin == FormOrigin::Slug)
            .any(|f| f.tokens.len() > 1)
}

/// True when the entity's title was itself garbled in transit (`SÃ¸ren KjÃ¦rgaard`, which
/// the review queue asks to rename): no name is rewritten into it.
fn garbled_title(entity: &EntityKeys) -> bool {
    crate::mojibake::may_contain(&entity.title)
        && !crate::mojibake::repairs(&entity.title).is_empty()
}

/// True when `title` can replace part of a scalar written with `quoting` and keep the YAML valid.
fn yaml_safe(title: &str, quoting: Option<Quoting>) -> bool {
    match quoting {
        Some(Quoting::Double) => !title.contains(['"', '\\']),
        Some(Quoting::Single) => !title.contains('\''),
        Some(Quoting::Plain) => {
            !title.contains([':', '#', ',', '[', ']', '{', '}', '"', '\''])
                && !title.starts_with(['-', '?', '!', '&', '*', '|', '>', '%', '@', '`'])
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_titles_that_would_break_yaml() {
        assert!(yaml_safe("Rob Benoit", Some(Quoting::Plain)));
        assert!(!yaml_safe("Re: Rob", Some(Quoting::Plain)));
        assert!(!yaml_safe("Margaret O'Connell", Some(Quoting::Single)));
        assert!(yaml_safe("Margaret O'Connell", Some(Quoting::Double)));
        assert!(!yaml_safe("Rob", Some(Quoting::Block)));
    }
}
