//! Owner handles in task text: `@First Last`, `@FirstLast`, `@first.last`.
//!
//! A handle's end is not marked in the text (`@Niko Dukic ⏫` vs `@Niko Dukic said`), so
//! [`find`] reports every name-like word after the `@` and [`Handle::names`] offers the
//! readings from longest to shortest; the resolver picks the first that names a note.

use crate::names::everyday::is_term_abbreviation;
use crate::names::normalize;
use crate::names::particles::is_particle;
use crate::names::qualifier;
use std::ops::Range;

/// The most capitalised words a spaced handle can take (`@Mary Ann Smith`).
const MAX_WORDS: usize = 3;

/// An `@` handle and the name-like words that follow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handle {
    /// Byte offset of the `@`.
    pub at: usize,
    /// Spans of the words after the `@` (the first directly follows it): at most three
    /// capitalised words, with any name particles between them.
    pub words: Vec<Range<usize>>,
    /// True when more capitalised words follow than a handle takes (`@Maria Clara Souza
    /// Lima`): the name may go on, so only a reading that is a name exactly may be taken, and
    /// none is guessed at.
    pub cut: bool,
}

impl Handle {
    /// The readings of the handle, longest first: `(span including the @, name)`.
    /// `@GlennLockwood` reads as `Glenn Lockwood`; `@first.last` as `first last`.
    pub fn names<'t>(&self, text: &'t str) -> impl Iterator<Item = (Range<usize>, String)> + 't {
        let at = self.at;
        let words = self.words.clone();
        (1..=words.len()).rev().filter_map(move |n| {
            let last = &text[words[n - 1].clone()];
            // A reading never ends in a particle (`Mohan de`).
            if n > 1 && last.chars().next().is_some_and(char::is_lowercase) && !joins_a_name(last) {
                return None;
            }
            Some((at..words[n - 1].end, reading(&words[..n], text)))
        })
    }

    /// True when the handle's last word, with what is written right after it up to a space or
    /// a punctuation mark, is a possessive ([`qualifier::is_possessive`]: `from @ana_quill's
    /// comment`, `@Rob’s deck`; a typographic apostrophe is no part of a handle's word). It
    /// names whose thing the text is about: no owner, and no handle to rewrite.
    fn is_possessive(&self, text: &str) -> bool {
        self.words.last().is_some_and(|last| {
            let tail = qualifier::written_after(text.get(last.end..).unwrap_or(""));
            qualifier::is_possessive(text.get(last.start..last.end + tail.len()).unwrap_or(""))
        })
    }

    /// True when the handle may name whoever owns its task: a possessive (`from @regit_zein's
    /// comment`, `@Rob’s deck`) names whose thing the task is about, and a handle opening a
    /// firm's name (`@Ernst & Young`) names no person. Neither is an owner, and both stay in
    /// the text.
    pub fn may_own(&self, text: &str) -> bool {
        !self.is_possessive(text) && !self.opens_a_joined_name(text)
    }

    /// True when `&` and a capitalised word follow the handle (`@Ernst & Young`, `@Marks &
    /// Spencer`): it opens a name joined by `&`, a firm's, whose first word names no one.
    fn opens_a_joined_name(&self, text: &str) -> bool {
        let end = self.words.last().map_or(self.at + 1, |w| w.end);
        let after = text
            .get(end..)
            .unwrap_or("")
            .trim_start_matches([' ', '\u{a0}']);
        (after.strip_prefix('&')).is_some_and(|rest| {
            rest.trim_start_matches([' ', '\u{a0}'])
                .starts_with(char::is_uppercase)
        })
    }

    /// The handle without the sentence written after it: a capitalised verb an action item
    /// opens with ([`ACTION_VERBS`]), a pronoun opening a sentence ([`SUBJECT_PRONOUNS`]:
    /// `@Jason He means audio`) or a business or technical term's abbreviation in capitals
    /// ([`is_term_abbreviation`]; a surname in capitals, `@Hana KIM`, is none) followed by a
    /// lowercase word (`@Tomasz Review the doc`, `@Priya QBR deck for Acme`),
    /// and a German article followed by a noun (`@Thomas den Raum buchen`), end it, unless
    /// `is_name_word` says the vault's names hold the word after. At the task's end or before
    /// `to` the verb may be a surname (`@Beatrice Ask`), and stays the handle's.
    pub fn ending_before_the_sentence(
        mut self,
        text: &str,
        is_name_word: impl Fn(&str) -> bool,
    ) -> Self {
        // The verb goes on with the sentence's next word, in lowercase (`Review the doc`): at
        // the task's end, before a mark or before `to` (`@Beatrice Ask to …`), it may well be
        // a surname.
        let sentence = self.words.iter().skip(1).position(|w| {
            let word = &text[w.clone()];
            let next = text
                .get(w.end..)
                .unwrap_or("")
                .strip_prefix(' ')
                .unwrap_or("");
            let next = next.split(' ').next().unwrap_or("");
            // An action verb or a pronoun opening the sentence; asked of a capitalised word only,
            // so no other word is lowercased.
            let opens_a_sentence = || {
                let lower = word.to_lowercase();
                ACTION_VERBS.binary_search(&lower.as_str()).is_ok()
                    || SUBJECT_PRONOUNS.contains(&lower.as_str())
            };
            starts_upper(word)
                && (opens_a_sentence()
                    || (normalize::is_all_caps(word) && is_term_abbreviation(word)))
                && !is_name_word(word)
                && next.starts_with(char::is_lowercase)
                && !matches!(next, "to" | "and" | "or")
        });
        if let Some(at) = sentence {
            self.words.truncate(at + 1);
            self.cut = false;
        }
        // `@Thomas den Raum buchen`: a German article right after a name, before a capitalised
        // word no name of the vault has, opens the sentence (German capitalises its nouns); after
        // another particle it is a name's (`van den Berg`, `von der Leyen`).
        let article = self.words.iter().enumerate().skip(1).find_map(|(i, w)| {
            let word = &text[w.clone()];
            let before = &text[self.words[i - 1].clone()];
            let next = self.words.get(i + 1).map(|n| &text[n.clone()]);
            (GERMAN_ARTICLES.contains(&word)
                && !is_particle(before)
                && next.is_some_and(|n| !is_name_word(n)))
            .then_some(i)
        });
        if let Some(at) = article {
            self.words.truncate(at);
            self.cut = false;
        }
        self
    }

    /// The default reading when no note matches: every word of the handle, that is the first
    /// word plus the capitalised words (and particles between them) that follow
    /// (`@Niko Dukic ⏫` → `Niko Dukic`).
    pub fn default_reading(&self, text: &str) -> (Range<usize>, String) {
        let end = self.words.last().map_or(self.at + 1, |w| w.end);
        (self.at..end, reading(&self.words, text))
    }
}

/// The name `words` of `text` read as: each word [split](split_compound), initials with their
/// dots kept (`@M. Rice` reads `M. Rice`, `@A.K. Rapsone` `A.K. Rapsone`).
fn reading(words: &[Range<usize>], text: &str) -> String {
    (words.iter())
        .map(|w| {
            let word = &text[w.clone()];
            match word.strip_suffix('.').is_some_and(is_initials) {
                true => word.to_string(),
                false => split_compound(word),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Japanese honorifics written after a name with a hyphen (`Kenji-san`, `Tanaka-sensei`).
const HONORIFIC_SUFFIXES: &[&str] = &["-san", "-sama", "-kun", "-chan", "-sensei", "-senpai"];

/// The length of the Japanese honorific `text` opens with (`-san` of `-san, please`), if any.
pub fn honorific_after(text: &str) -> usize {
    HONORIFIC_SUFFIXES
        .iter()
        .find(|suffix| {
            text.strip_prefix(**suffix)
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
        .map_or(0, |suffix| suffix.len())
}

/// The length of the Japanese honorific `word` ends with after a name of two letters or more
/// (`-san` of `Takahashi-san`), if any.
pub fn honorific_ending(word: &str) -> usize {
    // Most words hold no hyphen: one scan says so.
    let Some(dash) = word.rfind('-') else {
        return 0;
    };
    let (name, suffix) = word.split_at(dash);
    let named = name.chars().filter(|c| c.is_alphabetic()).nth(1).is_some();
    if named && HONORIFIC_SUFFIXES.contains(&suffix) {
        suffix.len()
    } else {
        0
    }
}

/// German definite articles that are also particles of names (`van den`, `von der`).
const GERMAN_ARTICLES: &[&str] = &["das", "dem", "den", "der", "des", "die"];

/// English pronouns a sentence opens with: after a handle's given name, with the sentence
/// going on in lowercase (`@Jason He means audio`), no surname, unless the vault's names hold
/// the word (Jason He, whose note says so).
const SUBJECT_PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "you"];

/// Verbs an action item opens with (`Review the doc`), lowercase and sorted: none is a given
/// name, and after an owner's given name with the sentence going on in lowercase (`@Tomasz
/// Review the doc`) each opens the task; a few are surnames too (`Ask`), which is why
/// [`Handle::ending_before_the_sentence`] asks for the lowercase word after.
const ACTION_VERBS: &[&str] = &[
    "add",
    "arrange",
    "ask",
    "book",
    "build",
    "check",
    "circulate",
    "clarify",
    "collect",
    "compile",
    "confirm",
    "contact",
    "coordinate",
    "create",
    "deploy",
    "discuss",
    "document",
    "draft",
    "email",
    "escalate",
    "evaluate",
    "explore",
    "finalise",
    "finalize",
    "finish",
    "fix",
    "follow",
    "gather",
    "get",
    "implement",
    "investigate",
    "look",
    "merge",
    "organise",
    "organize",
    "plan",
    "prepare",
    "provide",
    "publish",
    "reach",
    "remind",
    "reply",
    "research",
    "respond",
    "review",
    "schedule",
    "send",
    "set",
    "share",
    "submit",
    "summarise",
    "summarize",
    "sync",
    "test",
    "update",
    "verify",
    "write",
];

/// True when `word` names a generation after a name (`Jr.`, `Sr`, `III`): with it, the name
/// is someone else than without it.
pub fn is_generation(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    ["Jr", "Sr", "II", "III", "IV"].contains(&word)
}

/// True when `word` is one capital letter: an initial (`M` of `@M. Rice`).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// True when `word` is one initial or several joined by dots, without the last dot (`M`,
/// `A.K` of `A.K. Rapsone`).
fn is_initials(word: &str) -> bool {
    word.split('.').all(is_initial)
}

/// True when `word` is a particle joined to a capitalised name (`al-Mansour`, `el-Sayed`): a
/// name's word, for all its lowercase start.
fn joins_a_name(word: &str) -> bool {
    (word.split_once('-'))
        .is_some_and(|(particle, name)| is_particle(particle) && starts_upper(name))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Splits `GlennLockwood` → `Glenn Lockwood` and `first.last`/`first_last` → `first last`.
/// A surname's `Mc` or `Mac` stays with the capital after it (`AndreaMcCauley` → `Andrea
/// McCauley`).
pub fn split_compound(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    let mut prev: Option<char> = None;
    // Where the part being written starts in `out`.
    let mut part = 0;
    for c in word.chars() {
        if c == '.' || c == '_' {
            out.push(' ');
            part = out.len();
        } else {
            let scottish = matches!(&out[part..], "Mc" | "Mac");
            if c.is_uppercase() && prev.is_some_and(char::is_lowercase) && !scottish {
                out.push(' ');
                part = out.len();
            }
            out.push(c);
        }
        prev = Some(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `name` with one space between its words made a hyphen, each way: the names a handle that
/// dropped a hyphen may write (`@SaeedAlAli` reads `Saeed Al Ali`, for `Saeed Al-Ali`).
pub fn hyphenated(name: &str) -> impl Iterator<Item = String> + '_ {
    (name.match_indices(' ')).map(move |(at, _)| format!("{}-{}", &name[..at], &name[at + 1..]))
}

/// A name reduced to its folded letters and digits: `Margaret O'Connell`, `MargaretOConnell`
/// and `@Margaret OConnell` compare equal. Two handles with the same compact form differ only in
/// how they are written, never in whom they name.
pub fn compact(name: &str) -> String {
    crate::text::fold(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The camel-case handle of a name, without the `@`: every word capitalised, apostrophes
/// dropped (`Mohan de Vries` → `MohanDeVries`, `Margaret O'Connell` → `MargaretOConnell`), so
/// that [`split_compound`] reads it back as the name.
pub fn camel(title: &str) -> String {
    title
        .split_whitespace()
        .map(|w| {
            let w = w.replace(['\'', '’'], "");
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// [`camel`] of `title` in the case `written` has each letter in, where `written` is the same
/// handle letter for letter, accents aside: `@InesdaCostaMoura` for Inês da Costa Moura reads
/// `InêsdaCostaMoura`, its accent restored and its particle left as the writer wrote it.
pub fn camel_as_written(title: &str, written: &str) -> String {
    let camel = camel(title);
    // A letter without its accents, in lowercase.
    let base = |c: char| {
        use unicode_normalization::UnicodeNormalization;
        std::iter::once(c)
            .nfd()
            .next()
            .and_then(|b| b.to_lowercase().next())
    };
    let letters = camel.chars().count() == written.chars().count()
        && camel
            .chars()
            .zip(written.chars())
            .all(|(a, b)| base(a) == base(b));
    if !letters {
        return camel;
    }
    let mut out = String::with_capacity(camel.len());
    for (c, w) in camel.chars().zip(written.chars()) {
        match (c.is_uppercase(), w.is_uppercase()) {
            (true, false) => out.extend(c.to_lowercase()),
            (false, true) => out.extend(c.to_uppercase()),
            _ => out.push(c),
        }
    }
    out
}

/// A character a handle's word may hold: letters, with the accents text written decomposed
/// puts after them (`Zoe\u{308}`, as macOS writes `Zoë`), the joiners of `first.last` and
/// `O'Neil`, and digits, which make the word a user name (`@rob2`, `@trq212`) to be kept whole.
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric()
        || c == '.'
        || c == '_'
        || c == '-'
        || c == '\u{2010}'
        || c == '\u{2011}'
        || c == '\''
        || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c))
}

/// Characters that glue a handle to a token it is part of (`@Hakon#1234`, `@hakon+@owen`).
const GLUED: &[char] = &['#', '+', '=', '/', '\\', '@', '%', '$', '^', '&'];

/// True when byte `end` of `text`, where a handle's name ends, glues it to what follows
/// ([`GLUED`]): `@hakon+@owen` names two owners in one token, neither to be rewritten alone.
pub fn glued_at(text: &str, end: usize) -> bool {
    text.get(end..).is_some_and(|rest| rest.starts_with(GLUED))
}

/// Characters that show nothing and join or split a word (zero-width space and joiners, a
/// soft hyphen, the word joiner, a byte-order mark): a handle's word never stops at one.
const INVISIBLE: &[char] = &[
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{ad}', '\u{2060}', '\u{feff}',
];

/// The length of the one space `text` opens with before a word (a no-break space is one), when
/// it opens with exactly one.
fn one_space(text: &str) -> Option<usize> {
    let first = text
        .chars()
        .next()
        .filter(|c| [' ', '\u{a0}', '\u{202f}'].contains(c))?;
    let after = &text[first.len_utf8()..];
    (!after.starts_with(char::is_whitespace)).then_some(first.len_utf8())
}

/// True when `word` is a citation key as Pandoc and Zotero's Better BibTeX write them: letters,
/// then a year, then perhaps one letter (`zavalaruiz2022`, `smith2020a`). It cites a work.
fn is_citekey(word: &str) -> bool {
    let letters = word.bytes().take_while(u8::is_ascii_alphabetic).count();
    let rest = &word.as_bytes()[letters..];
    let (year, tail) = rest.split_at(rest.len().min(4));
    letters >= 3
        && year.len() == 4
        && year.iter().all(u8::is_ascii_digit)
        && (year.starts_with(b"19") || year.starts_with(b"20"))
        && (tail.is_empty() || (tail.len() == 1 && tail[0].is_ascii_lowercase()))
}

/// Every `@handle` in `text` that starts a line or follows whitespace or `(`, with up to three
/// following name-like words. E-mail addresses (`a@b.c`) and package scopes (`@angular/cli`)
/// are not handles.
pub fn find(text: &str) -> Vec<Handle> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('@') {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| !(c.is_whitespace() || c == '(' || c == '[')) {
            continue;
        }
        // Inside a wikilink (`[[@John]]`, `[[Notes|@John]]`), it is part of a link; a link
        // opens and closes on one line.
        let line = &text[memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1)..at];
        let opened = line.rfind("[[");
        if opened.is_some_and(|o| line.rfind("]]").is_none_or(|c| c < o)) {
            continue;
        }
        let mut words = Vec::new();
        // Particles (`de`, `van der`) join the handle only when a capitalised word follows.
        let mut particles = Vec::new();
        let mut names = 0;
        let mut pos = at + 1;
        while names < MAX_WORDS {
            let rest = &text[pos..];
            let len: usize = rest
                .chars()
                .take_while(|c| is_name_char(*c))
                .map(char::len_utf8)
                .sum();
            let word = rest[..len].trim_end_matches(['.', '-', '\'']);
            // `@Kenji-san`: a Japanese honorific after the name is no part of it.
            let word = HONORIFIC_SUFFIXES
                .iter()
                .find_map(|suffix| word.strip_suffix(suffix).filter(|w| !w.is_empty()))
                .unwrap_or(word);
            if word.is_empty() || !word.chars().next().is_some_and(char::is_alphabetic) {
                break;
            }
            // `@angular/cli`, `@iva/design-system`: a package's scope or a path, no one's name;
            // `@zavalaruiz2022`: a citation key.
            if words.is_empty() && (rest[word.len()..].starts_with('/') || is_citekey(word)) {
                break;
            }
            let span = pos..pos + word.len();
            if words.is_empty() || starts_upper(word) || joins_a_name(word) {
                words.append(&mut particles);
                words.push(span);
                names += 1;
            } else if is_particle(word) && particles.len() < 2 {
                particles.push(span);
            } else {
                break;
            }
            pos += word.len();
            // An initial's dot joins it to the name it opens (`@M. Rice`, `@A.K. Rapsone`).
            if is_initials(word) && text[pos..].starts_with(". ") {
                let next = text[pos + 2..].chars().next();
                if next.is_some_and(char::is_uppercase) {
                    if let Some(last) = words.last_mut() {
                        last.end += 1;
                    }
                    pos += 1;
                }
            }
            // A handle written in lowercase (`@euclid-wong`, a note's slug) is that one word:
            // what follows is the task (`@euclid-wong Stand up the drive`).
            if words.len() == 1 && !starts_upper(word) && !is_particle(word) {
                break;
            }
            // Another word only after exactly one space (a no-break space is one).
            let Some(space) = one_space(&text[pos..]) else {
                break;
            };
            pos += space;
        }
        // A word the handle stops inside, at an invisible character (`@Mohammad\u{200c}reza`),
        // is not read: a reading of it would be rewritten in place, its rest left after.
        let rest = &text[pos..];
        let cut_in_word = rest
            .strip_prefix(INVISIBLE)
            .is_some_and(|r| r.starts_with(char::is_alphanumeric));
        // Nor is a handle glued to a token that goes on after it (`@Hakon#1234`, a Discord
        // tag): a name written in its place would break the token.
        // So is one a colon joins to a word (`@superpowers:requesting-code-review`, a
        // namespaced name); `@Ana: add it` labels the work after.
        let glued = (words.last()).is_some_and(|w| {
            let rest = text[w.end..].strip_prefix(GLUED).unwrap_or("");
            let named = text[w.end..].strip_prefix(':').unwrap_or("");
            (glued_at(text, w.end) && rest.starts_with(char::is_alphanumeric))
                || named.starts_with(char::is_alphanumeric)
        });
        let spaced = words.last().is_some_and(|w| pos > w.end);
        // A capitalised word after more than one space, a tab or a wider space (`@Mariana  Costa`)
        // may be the name's next word too, written apart: the name may go on.
        let gap = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() && c != '\n' && c != '\r')
                .len();
        let apart = gap > 0 && rest[gap..].starts_with(char::is_uppercase);
        let cut = (names == MAX_WORDS && spaced && rest.starts_with(char::is_uppercase)) || apart;
        if !words.is_empty() && !cut_in_word && !glued {
            out.push(Handle { at, words, cut });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readings(text: &str) -> Vec<Vec<String>> {
        find(text)
            .iter()
            .map(|h| h.names(text).map(|(_, n)| n).collect())
            .collect()
    }

    #[test]
    fn a_handle_glued_to_another_token_is_none() {
        assert!(readings("Add @Hakon#1234 on Discord").is_empty());
        assert!(readings("Review it using @superpowers:requesting-code-review").is_empty());
        assert!(!readings("@Hakon: add the logs").is_empty());
        assert_eq!(readings("@Hakon, #urgent"), [["Hakon"]]);
        // Glued to no more of a token: still the owner, in a task or at its end.
        assert_eq!(readings("@hakon+@owen pair on it"), [["hakon"]]);
        assert_eq!(readings("ship it @Owen&"), [["Owen"]]);
        assert!(glued_at("@hakon+@owen", 6));
    }

    #[test]
    fn action_verbs_are_sorted_for_binary_search() {
        assert!(ACTION_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn an_action_verb_after_the_given_name_opens_the_task() {
        let read = |text: &str, known: &[&str]| {
            let h = find(text)
                .remove(0)
                .ending_before_the_sentence(text, |w| known.contains(&w));
            h.default_reading(text).1
        };
        assert_eq!(read("@Tomasz Review the doc", &[]), "Tomasz");
        assert_eq!(read("@Ana Lima Send it", &[]), "Ana Lima");
        assert_eq!(read("@Ana Baker fix it", &[]), "Ana Baker");
        assert_eq!(read("@Ana Review fix it", &["Review"]), "Ana Review");
        assert_eq!(read("@Thomas den Raum buchen", &[]), "Thomas");
        assert_eq!(read("@Mohan de Vries", &["Vries"]), "Mohan de Vries");
        assert_eq!(read("@Jan van Dijk sends it", &[]), "Jan van Dijk");
        assert_eq!(read("@Hans van den Berg", &[]), "Hans van den Berg");
        assert_eq!(read("@Beatrice Ask to circulate", &[]), "Beatrice Ask");
        assert_eq!(read("Get it @Beatrice Ask", &[]), "Beatrice Ask");
        // A pronoun opening the sentence after the given name is no surname, unless a note
        // says it is one.
        assert_eq!(read("@Jason He means audio", &[]), "Jason");
        assert_eq!(read("@Ana We should ship it", &[]), "Ana");
        assert_eq!(read("@Jason He means audio", &["He"]), "Jason He");
        // A term's abbreviation the sentence goes on after is the task's subject, no surname;
        // a surname in capitals stays the handle's.
        assert_eq!(read("@Priya QBR deck for Acme", &[]), "Priya");
        assert_eq!(read("@Mei-Ling QA plan for rollback", &[]), "Mei-Ling");
        assert_eq!(read("@Priya SSO rollback plan", &[]), "Priya");
        assert_eq!(read("@Priya QBR deck", &["QBR"]), "Priya QBR");
        assert_eq!(read("Send @Hana KIM the deck", &[]), "Hana KIM");
        assert_eq!(read("@Li WEI ships it", &[]), "Li WEI");
        assert_eq!(read("@Fatou Sow reviews it", &[]), "Fatou Sow");
        assert_eq!(read("@Jean DUPONT envoie le devis", &[]), "Jean DUPONT");
        assert_eq!(read("Review the plan @Hana KIM", &[]), "Hana KIM");
    }

    #[test]
    fn a_handle_in_lowercase_is_one_word() {
        assert_eq!(
            readings("@euclid-wong Stand up the drive"),
            [["euclid-wong"]]
        );
        assert_eq!(readings("@ana Review it"), [["ana"]]);
        assert_eq!(readings("@van Dijk"), [["van Dijk", "van"]]);
    }

    #[test]
    fn a_no_break_space_parts_words_and_a_name_cut_short_is_no_handle() {
        assert_eq!(readings("@Aino\u{a0}Virtanen ⏫")[0][0], "Aino Virtanen");
        assert!(find("@Mohammad\u{200c}reza Karimi").is_empty());
        assert!(find("@Aino\u{ad}nen").is_empty());
        assert!(find("@Maria Clara Souza Lima")[0].cut);
        assert!(find("@Mariana  Costa")[0].cut && find("@Mariana\tCosta")[0].cut);
        assert_eq!(
            readings("@Abdullah al-Mansour relancer")[0][0],
            "Abdullah al-Mansour"
        );
        assert_eq!(readings("@Kenji-san please check")[0][0], "Kenji");
        assert!(!find("@Mariana  review")[0].cut && !find("@Mariana\nCosta")[0].cut);
        assert_eq!(
            readings("@Zoe A\u{30a}ngstro\u{308}m")[0][0],
            "Zoe A\u{30a}ngstro\u{308}m"
        );
        assert!(!find("@Maria Clara Souza said")[0].cut);
        assert_eq!(
            readings("@Maria Clara Souza said")[0][0],
            "Maria Clara Souza"
        );
        assert_eq!(readings("@Ana Lima\u{200b} ok")[0][0], "Ana Lima");
    }

    #[test]
    fn malay_and_welsh_particles_join_a_handle() {
        assert_eq!(
            readings("@Nur Aisyah binti Abdullah ⏫")[0][0],
            "Nur Aisyah binti Abdullah"
        );
        assert_eq!(readings("@Gruffudd ap Rhys")[0][0], "Gruffudd ap Rhys");
    }

    #[test]
    fn a_citation_key_is_no_handle() {
        let text = "Read @zavalaruiz2022 and [@smith2020a, p. 3], ask @rob2 and @Ana2 Lee";
        let found: Vec<&str> = find(text)
            .iter()
            .map(|h| &text[h.words[0].clone()])
            .collect();
        assert_eq!(found, ["rob2", "Ana2"]);
    }

    #[test]
    fn reads_spaced_camel_and_dotted_handles() {
        assert_eq!(
            readings("Ship it @Niko Dukic ⏫ 📅 2025-10-28"),
            vec![vec!["Niko Dukic", "Niko"]]
        );
        assert_eq!(readings("@GlennLockwood"), vec![vec!["Glenn Lockwood"]]);
        assert_eq!(readings("(@first.last)"), vec![vec!["first last"]]);
        assert_eq!(readings("@AndreaMcCauley"), vec![vec!["Andrea McCauley"]]);
        assert_eq!(
            readings("@Andree McCauley #x"),
            vec![vec!["Andree McCauley", "Andree"]]
        );
        assert_eq!(
            readings("@Désirée Bergström #x"),
            vec![vec!["Désirée Bergström", "Désirée"]]
        );
    }

    #[test]
    fn an_initial_opens_the_name_after_its_dot() {
        assert_eq!(
            readings("Circulate the agenda @M. Rice #budget"),
            vec![vec!["M. Rice", "M."]]
        );
        // No name after the dot: the initial alone, its dot ending the sentence.
        assert_eq!(readings("ask @M. then"), vec![vec!["M"]]);
    }

    #[test]
    fn a_package_scope_is_no_handle() {
        assert_eq!(
            readings("npm i @angular/cli and @vitejs/plugin-react, ask @Ana"),
            vec![vec!["Ana"]]
        );
    }

    #[test]
    fn a_word_with_digits_is_one_user_name() {
        assert_eq!(readings("ask @trq212 now"), vec![vec!["trq212"]]);
        assert_eq!(readings("@rob2 📅 2025-01-02"), vec![vec!["rob2"]]);
        assert_eq!(readings("@Ana Lee2 and"), vec![vec!["Ana Lee2", "Ana"]]);
        // A handle starts with a letter: `@10am` is no handle.
        assert_eq!(readings("at @10am"), Vec::<Vec<String>>::new());
    }

    #[test]
    fn reads_particles_between_capitalised_words() {
        assert_eq!(
            readings("@Mohan de Vries @Ulrike Banerjee"),
            vec![
                vec!["Mohan de Vries", "Mohan"],
                vec!["Ulrike Banerjee", "Ulrike"]
            ]
        );
        assert_eq!(
            readings("@Anna van der Merwe ✅"),
            vec![vec!["Anna van der Merwe", "Anna"]]
        );
        let text = "ask @Mohan de la casa";
        let h = &find(text)[0];
        assert_eq!(h.default_reading(text).1, "Mohan");
    }

    #[test]
    fn camel_capitalises_every_word_and_drops_apostrophes() {
        assert_eq!(camel("Mohan de Vries"), "MohanDeVries");
        assert_eq!(camel("Margaret O'Connell"), "MargaretOConnell");
        assert_eq!(split_compound(&camel("Mohan de Vries")), "Mohan De Vries");
        let restored = |title, written| camel_as_written(title, written);
        assert_eq!(
            restored("Inês da Costa Moura", "InesdaCostaMoura"),
            "InêsdaCostaMoura"
        );
        assert_eq!(restored("Zoë Ådahl", "ZoeAdahl"), "ZoëÅdahl");
        // Other letters than the title's: the title's camel case.
        assert_eq!(restored("Mohan de Vries", "MohanVries"), "MohanDeVries");
        assert_eq!(compact("Tal Bar-Lev"), compact("TalBarLev"));
        assert_ne!(compact("Håkon Lindvik"), compact("Hakon Lindvik"));
    }

    #[test]
    fn skips_emails_and_bare_at() {
        assert!(find("mail a@b.com or @ 12").is_empty());
    }

    #[test]
    fn initials_joined_by_dots_open_the_name_they_go_with() {
        let text = "Upload the key @A.K. Rapsone 📅 2025-11-08";
        let h = &find(text)[0];
        assert_eq!(h.default_reading(text).1, "A.K. Rapsone");
        assert_eq!(&text[h.default_reading(text).0], "@A.K. Rapsone");
        assert_eq!(
            readings("@J.R.R. Tolkien wrote"),
            [["J.R.R. Tolkien", "J.R.R."]]
        );
    }

    #[test]
    fn default_reading_takes_capitalised_words() {
        let text = "@Lior Genzel said so";
        let h = &find(text)[0];
        assert_eq!(h.default_reading(text).1, "Lior Genzel");
        assert_eq!(&text[h.default_reading(text).0], "@Lior Genzel");
    }
}
