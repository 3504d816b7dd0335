//! Mojibake whose undefined bytes were dropped: `â«` was ⏫ (E2 8F AB) before a pipeline threw
//! away the 0x8F that windows-1252 cannot decode.
//!
//! Such a sequence is short of continuation bytes, so no decoder can read it. Recovery tries
//! every way of putting the missing bytes back (each undefined byte 0x81 0x8D 0x8F 0x90 0x9D at
//! each position) and keeps a reading only when it is a character from a small whitelist —
//! Tasks signifiers, a closing quote, a hyphen, emoji joiners — standing where that character
//! belongs, and no other whitelisted reading fits there too. The characters recoverable are
//! thus derived, not listed as mojibake forms: ⏫ ⏬ ⏳ ❌ 🔁 🏁 ” ‐ and the joiners.
//!
//! Decoders that replace undefined bytes with U+FFFD instead of dropping them (`â�«`) are
//! handled alike: the replacement character marks where an undefined byte goes.

use super::codepage::{continuations_after, is_continuation_byte, Reading, UNDEFINED};
use super::judge::is_pictograph;
use super::line::Piece;

/// What a Tasks signifier is followed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    /// Priorities stand alone.
    Nothing,
    /// Dates: `📅 2025-10-28`.
    Date,
    /// Recurrence rules: `🔁 every week`.
    Recurrence,
    /// On-completion actions: `🏁 delete`.
    OnCompletion,
    /// Ids and dependencies: `🆔 abc123`, `⛔ abc123,def456`.
    Id,
}

/// Where a whitelisted character belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A Tasks signifier: after a space or at line start, followed by its value.
    Signifier(Value),
    /// `”`: after a word, not before one, closing an open `“`.
    ClosingQuote,
    /// `‐`: between two ASCII letters (`high‐speed`).
    Hyphen,
    /// Zero-width joiner: between two pictographs.
    Joiner,
    /// Emoji presentation selector: after a pictograph.
    Presentation,
}

/// The whitelist: every character dropped-byte recovery may produce, and its role.
const WHITELIST: &[(char, Role)] = &[
    ('🔺', Role::Signifier(Value::Nothing)),
    ('⏫', Role::Signifier(Value::Nothing)),
    ('🔼', Role::Signifier(Value::Nothing)),
    ('🔽', Role::Signifier(Value::Nothing)),
    ('⏬', Role::Signifier(Value::Nothing)),
    ('📅', Role::Signifier(Value::Date)),
    ('📆', Role::Signifier(Value::Date)),
    ('🗓', Role::Signifier(Value::Date)),
    ('⏳', Role::Signifier(Value::Date)),
    ('⌛', Role::Signifier(Value::Date)),
    ('🛫', Role::Signifier(Value::Date)),
    ('➕', Role::Signifier(Value::Date)),
    ('✅', Role::Signifier(Value::Date)),
    ('❌', Role::Signifier(Value::Date)),
    ('🔁', Role::Signifier(Value::Recurrence)),
    ('🏁', Role::Signifier(Value::OnCompletion)),
    ('🆔', Role::Signifier(Value::Id)),
    ('⛔', Role::Signifier(Value::Id)),
    ('\u{201d}', Role::ClosingQuote),
    ('\u{2010}', Role::Hyphen),
    ('\u{200d}', Role::Joiner),
    ('\u{fe0f}', Role::Presentation),
];

/// The most bytes one character may have lost and still be restored (🏁 lost two).
const MAX_DROPPED: usize = 2;

/// What decoders that replace undefined bytes put in their place.
pub const REPLACEMENT: char = '\u{fffd}';

/// Marks a byte a decoder replaced with U+FFFD (`â�«`): an undefined byte, kept in place.
/// Zero is never a continuation byte, so it cannot be confused with one.
const HOLE: u8 = 0;

/// The windows-1252 (or latin-1) byte above 0x7F that `c` was decoded from.
fn high_byte(c: char) -> Option<u8> {
    Reading::WESTERN.byte_of(c).filter(|&b| b >= 0x80)
}

/// True when `bytes` (a lead and the continuation bytes after it) are a whitelisted
/// character's UTF-8 with its undefined windows-1252 bytes dropped: a sequence this module may
/// still read in its place, not a garble (`â€` before `?` may be `”`).
pub(super) fn may_recover(bytes: &[u8]) -> bool {
    WHITELIST.iter().any(|&(c, _)| {
        let mut buf = [0u8; 4];
        let mut kept = c
            .encode_utf8(&mut buf)
            .bytes()
            .filter(|b| !UNDEFINED.contains(b));
        bytes.iter().all(|&b| kept.next() == Some(b)) && kept.next().is_none()
    })
}

fn role_of(c: char) -> Option<Role> {
    WHITELIST
        .iter()
        .find(|(w, _)| *w == c)
        .map(|&(_, role)| role)
}

fn is_signifier(c: char) -> bool {
    matches!(role_of(c), Some(Role::Signifier(_)))
}

/// Restores dropped-byte sequences in `pieces`, right to left so that each one sees the
/// repaired text after it (`â« â³ 2025-10-28`). `task_line` tells whether the line is a task.
/// Returns whether anything changed.
pub(super) fn recover(pieces: &mut Vec<Piece>, task_line: bool) -> bool {
    let mut changed = false;
    for i in (0..pieces.len()).rev() {
        let Some((len, ch)) = recover_at(pieces, i, task_line) else {
            continue;
        };
        let (Some(first), Some(last)) = (pieces.get(i), pieces.get(i + len - 1)) else {
            continue;
        };
        let piece = Piece::repaired(first.src.start..last.src.end, ch);
        pieces.splice(i..i + len, [piece]);
        changed = true;
    }
    changed
}

/// The whitelisted character the incomplete sequence starting at `i` lost bytes from, and the
/// number of pieces it spans.
fn recover_at(pieces: &[Piece], i: usize, task_line: bool) -> Option<(usize, char)> {
    let lead = high_byte(pieces.get(i)?.ch)?;
    let needed = continuations_after(lead)?;
    let mut present = [0u8; 3];
    let mut count = 0;
    for piece in pieces.iter().skip(i + 1).take(needed) {
        let byte = match piece.ch {
            REPLACEMENT => Some(HOLE),
            c => high_byte(c).filter(|&b| is_continuation_byte(b)),
        };
        let (Some(b), Some(slot)) = (byte, present.get_mut(count)) else {
            break;
        };
        *slot = b;
        count += 1;
    }
    let missing = needed - count;
    let holes = present.iter().take(count).filter(|&&b| b == HOLE).count();
    if missing + holes == 0 || missing + holes > MAX_DROPPED {
        return None;
    }
    let len = 1 + count;
    let around = Around {
        before: pieces.get(..i)?,
        after: pieces.get(i + len..)?,
        task_line,
    };
    let mut found: Option<char> = None;
    let mut ambiguous = false;
    let mut buf = [lead, 0, 0, 0];
    interleave(&mut buf, 1, &present[..count], missing, &mut |bytes| {
        let Some(ch) = std::str::from_utf8(bytes)
            .ok()
            .and_then(|s| s.chars().next())
        else {
            return;
        };
        if role_of(ch).is_some_and(|role| around.fits(role)) {
            match found {
                Some(f) if f != ch => ambiguous = true,
                _ => found = Some(ch),
            }
        }
    });
    found.filter(|_| !ambiguous).map(|ch| (len, ch))
}

/// Calls `visit` with every byte sequence made of `buf[..filled]`, then `present` in order
/// (each [`HOLE`] filled with each undefined byte) with `missing` undefined bytes interleaved.
fn interleave(
    buf: &mut [u8; 4],
    filled: usize,
    present: &[u8],
    missing: usize,
    visit: &mut dyn FnMut(&[u8]),
) {
    if present.is_empty() && missing == 0 {
        if let Some(bytes) = buf.get(..filled) {
            visit(bytes);
        }
        return;
    }
    if let Some((&b, rest)) = present.split_first() {
        let choices: &[u8] = if b == HOLE { &UNDEFINED } else { &[b] };
        for &choice in choices {
            if let Some(slot) = buf.get_mut(filled) {
                *slot = choice;
                interleave(buf, filled + 1, rest, missing, visit);
            }
        }
    }
    if missing > 0 {
        for u in UNDEFINED {
            if let Some(slot) = buf.get_mut(filled) {
                *slot = u;
                interleave(buf, filled + 1, present, missing - 1, visit);
            }
        }
    }
}

/// The text around a candidate: the pieces before it, after it, and whether the line is a task.
struct Around<'a> {
    before: &'a [Piece],
    after: &'a [Piece],
    task_line: bool,
}

impl Around<'_> {
    fn fits(&self, role: Role) -> bool {
        let prev = self.before.last().map(|p| p.ch);
        let next = self.after.first().map(|p| p.ch);
        match role {
            Role::Signifier(value) => {
                let starts_token = match prev {
                    Some(c) => c.is_whitespace(),
                    None => true,
                };
                starts_token && self.value_follows(value)
            }
            Role::ClosingQuote => {
                prev.is_some_and(|c| !c.is_whitespace())
                    && !next.is_some_and(char::is_alphanumeric)
                    && self.quote_is_open()
            }
            Role::Hyphen => {
                prev.is_some_and(|c| c.is_ascii_alphabetic())
                    && next.is_some_and(|c| c.is_ascii_alphabetic())
                    && !self.contraction_follows()
            }
            Role::Joiner => prev.is_some_and(is_pictograph) && next.is_some_and(is_pictograph),
            Role::Presentation => prev.is_some_and(is_pictograph),
        }
    }

    /// True when the letters after the candidate end an English contraction (`don…t`, `it…s`,
    /// `we…ll`): an apostrophe lost its byte there, not a hyphen, and which one is unknown.
    fn contraction_follows(&self) -> bool {
        let word: String = (self.after.iter().map(|p| p.ch))
            .take_while(char::is_ascii_alphabetic)
            .take(3)
            .collect::<String>()
            .to_ascii_lowercase();
        ["t", "s", "d", "m", "ll", "re", "ve"].contains(&word.as_str())
    }

    /// True when what follows a signifier fits it: a space and its value or another
    /// signifier; for a priority on a task line, also a `#tag`, an `@owner`, a Dataview
    /// field in brackets (`(owner:: João)`) or the line's end.
    fn value_follows(&self, value: Value) -> bool {
        let chars = || self.after.iter().map(|p| p.ch);
        let spaces = chars().take_while(|c| c.is_whitespace()).count();
        let mut token = chars().skip(spaces);
        let Some(first) = token.next() else {
            return value == Value::Nothing && self.priority_may_stand();
        };
        if spaces == 0 {
            return false;
        }
        if is_signifier(first) {
            return true;
        }
        let token = || chars().skip(spaces);
        match value {
            Value::Nothing => {
                (first == '#' || first == '@' || opens_inline_field(token()))
                    && self.priority_may_stand()
            }
            Value::Date => is_date(token()),
            Value::Recurrence => starts_word(token(), "every"),
            Value::OnCompletion => starts_word(token(), "delete") || starts_word(token(), "keep"),
            Value::Id => first.is_ascii_alphanumeric() || first == '-' || first == '_',
        }
    }

    /// True where a priority may end a line or stand before a `#tag` or `@owner`: on a task
    /// line, and in prose after some text on a line whose every other non-ASCII character is a
    /// repair. Text written as is (`é`, `«…»`) shows the line was never misread, and then
    /// explains `â«` as written too.
    fn priority_may_stand(&self) -> bool {
        if self.task_line {
            return true;
        }
        let as_written = |p: &Piece| !p.changed && !p.ch.is_ascii();
        self.before.iter().any(|p| !p.ch.is_whitespace())
            && !self.before.iter().chain(self.after).any(as_written)
    }

    /// True when an opening `“` precedes on the line with no `”` after it.
    fn quote_is_open(&self) -> bool {
        self.before
            .iter()
            .rev()
            .map(|p| p.ch)
            .find(|&c| c == '\u{201c}' || c == '\u{201d}')
            == Some('\u{201c}')
    }
}

/// True when `chars` starts with a `YYYY-MM-DD` date not followed by another digit.
fn is_date(mut chars: impl Iterator<Item = char>) -> bool {
    "dddd-dd-dd".chars().all(|shape| {
        chars.next().is_some_and(|c| match shape {
            'd' => c.is_ascii_digit(),
            _ => c == shape,
        })
    }) && !chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// True when `chars` starts with a Dataview inline field in brackets: `[` or `(`, a key of
/// letters, digits, spaces, `-` or `_`, and `::` (`(owner:: João)`, `[due:: 2026-12-01]`).
fn opens_inline_field(mut chars: impl Iterator<Item = char>) -> bool {
    if !matches!(chars.next(), Some('[' | '(')) {
        return false;
    }
    let mut key = 0;
    for c in chars.by_ref() {
        match c {
            ':' => break,
            c if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_') => key += 1,
            _ => return false,
        }
    }
    key > 0 && chars.next() == Some(':')
}

/// True when `chars` starts with the word `word` (case-insensitive), not followed by a letter.
fn starts_word(mut chars: impl Iterator<Item = char>, word: &str) -> bool {
    word.chars()
        .all(|w| chars.next().is_some_and(|c| c.eq_ignore_ascii_case(&w)))
        && !chars.next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `c` encoded as UTF-8, its undefined bytes dropped, the rest read as windows-1252.
    fn dropped_form(c: char) -> String {
        let mut buf = [0u8; 4];
        c.encode_utf8(&mut buf)
            .bytes()
            .filter(|b| !UNDEFINED.contains(b))
            .map(|b| Reading::WESTERN.char_of(b))
            .collect()
    }

    fn recovered(line: &str, task_line: bool) -> String {
        let mut pieces = Piece::split(line, 0);
        recover(&mut pieces, task_line);
        pieces.iter().map(|p| p.ch).collect()
    }

    #[test]
    fn recovers_every_whitelisted_signifier_that_loses_bytes() {
        let mut recoverable = Vec::new();
        for &(c, role) in WHITELIST {
            let form = dropped_form(c);
            if form.chars().count() == c.len_utf8() {
                continue;
            }
            let line = match role {
                Role::Signifier(Value::Nothing) => format!("- [ ] do it {form}"),
                Role::Signifier(Value::Date) => format!("- [ ] do it {form} 2025-10-28"),
                Role::Signifier(Value::Recurrence) => format!("- [ ] do it {form} every week"),
                Role::Signifier(Value::OnCompletion) => format!("- [ ] do it {form} delete"),
                Role::Signifier(Value::Id) => format!("- [ ] do it {form} abc"),
                Role::ClosingQuote => format!("he said “yes{form} and left"),
                Role::Hyphen => format!("high{form}speed"),
                Role::Joiner => format!("👨{form}👩"),
                Role::Presentation => format!("✔{form}"),
            };
            let expected = line.replace(&form, &c.to_string());
            assert_eq!(recovered(&line, true), expected, "{c} from {form:?}");
            recoverable.push(c);
        }
        assert_eq!(
            recoverable,
            [
                '⏫', '⏬', '⏳', '❌', '🔁', '🏁', '\u{201d}', '\u{2010}', '\u{200d}', '\u{fe0f}'
            ]
        );
    }

    #[test]
    fn a_contraction_lost_its_apostrophe_not_a_hyphen() {
        for line in [
            "I don\u{e2}\u{20ac}\u{fffd}t know",
            "we\u{e2}\u{20ac}\u{fffd}ll see",
            "it\u{e2}\u{20ac}s late",
        ] {
            assert_eq!(recovered(line, false), line);
        }
        assert_eq!(
            recovered("high\u{e2}\u{20ac}\u{fffd}speed", false),
            "high\u{2010}speed"
        );
    }

    #[test]
    fn needs_the_right_context() {
        for line in [
            "- [ ] do it â«x",        // glued to a word
            "- [ ] doâ« it",          // after a letter
            "- [ ] ðŸ” weekly",       // recurrence rule must start with `every`
            "- [ ] ðŸ 2025-10-28",    // 🏁 takes delete/keep; other emoji lost bytes too
            "he said yesâ€ and left", // no opening quote
            "he said “yesâ€1",        // before a word
            "hyphen â€ alone",
        ] {
            assert_eq!(recovered(line, true), line, "{line}");
        }
    }

    #[test]
    fn priorities_stand_at_the_end_of_a_task_or_of_prose_nothing_else_explains() {
        assert_eq!(recovered("- [ ] a task â«", true), "- [ ] a task ⏫");
        assert_eq!(recovered("- [ ] crème â«", true), "- [ ] crème ⏫");
        // Before a Dataview field in brackets, where the Tasks plugin's Dataview format puts them.
        assert_eq!(
            recovered("- [ ] a task â¬ (owner:: João)", true),
            "- [ ] a task ⏬ (owner:: João)"
        );
        assert_eq!(
            recovered("- [ ] a task â« [due:: 2026-12-01]", true),
            "- [ ] a task ⏫ [due:: 2026-12-01]"
        );
        for line in [
            "- [ ] a task â« (see notes)",
            "- [ ] a task â« [[Link]]",
            "- [ ] a task â« (::)",
        ] {
            assert_eq!(recovered(line, true), line, "{line}");
        }
        for (line, fixed) in [
            ("Renew the lease â«", "Renew the lease ⏫"),
            ("Renew the lease â« #home", "Renew the lease ⏫ #home"),
            ("Renew the lease â«  @Ilse", "Renew the lease ⏫  @Ilse"),
            ("Renew â« â³ 2025-10-28", "Renew ⏫ ⏳ 2025-10-28"),
            ("Renew it â\u{fffd}«", "Renew it ⏫"),
        ] {
            assert_eq!(recovered(line, false), fixed, "{line}");
        }
        for line in [
            "â«",                   // annotates nothing
            "  â«",                 // nor here
            "Renew â« the lease",   // a word follows: no priority position
            "Renew the leaseâ«",    // glued to a word
            "Crème brûlée â«",      // the line was never misread
            "Il dit « non » â«",    // nor this one
            "Renew the lease â« x", // a word follows
        ] {
            assert_eq!(recovered(line, false), line, "{line}");
        }
    }

    #[test]
    fn replacement_characters_mark_the_lost_bytes() {
        assert_eq!(
            recovered("- [ ] x â\u{fffd}« â\u{fffd}³ 2025-10-28", true),
            "- [ ] x ⏫ ⏳ 2025-10-28"
        );
        assert_eq!(
            recovered("- [ ] ðŸ”\u{fffd} every day", true),
            "- [ ] 🔁 every day"
        );
        assert_eq!(recovered("“yesâ€\u{fffd} he said", false), "“yes” he said");
        assert_eq!(recovered("a â\u{fffd}« b", true), "a â\u{fffd}« b");
    }

    #[test]
    fn signifiers_chain_right_to_left() {
        assert_eq!(
            recovered("- [ ] x â« â³ 2025-10-28", true),
            "- [ ] x ⏫ ⏳ 2025-10-28"
        );
    }

    #[test]
    fn reads_dates_and_words() {
        assert!(is_date("2025-10-28".chars()));
        assert!(is_date("2025-10-28, then".chars()));
        assert!(!is_date("2025-10-281".chars()));
        assert!(!is_date("2025-1-28".chars()));
        assert!(starts_word("Every day".chars(), "every"));
        assert!(!starts_word("everyone".chars(), "every"));
    }
}
