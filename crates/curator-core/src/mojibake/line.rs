//! Repairing one line: the text as pieces that decoding merges, read back through the code page
//! that explains the line best.
//!
//! Each piece is a span of the original text and the character it reads as now. A decoding pass
//! tries every reading (`codepage`), finds the sequences each one decodes, judges them
//! (`judge`), and merges the pieces of the best reading's accepted sequences into the characters
//! their bytes spell. Double-encoded text (`ÃƒÂ¼` → `Ã¼` → `ü`), even through two code pages
//! (`Г‚ВЈ` → `Â£` → `£`), comes apart over successive passes while every piece still knows
//! which original bytes it replaces. Passes repeat until nothing changes, which makes the result
//! a fixed point: repairing it again finds nothing.
//!
//! A reading's sequences are accepted together or not at all:
//! - a word (a stretch without spaces) is repaired only when the reading explains all of it: a
//!   lead it cannot decode there (`ã†â€™ãƒâ€`, a hopeless garble) leaves the word alone;
//! - weak sequences (`judge`) need a strong one on the line, or a line already repaired;
//! - a line that also holds intact text this code page could have garbled but did not
//!   (`Bremer/Mccoy – DrÃ¥ber`) reads consistently as single-byte text, so one odd two-byte
//!   sequence is not enough: it takes two, or a longer one (`ðŸ“…`);
//! - when two readings explain a line equally well and disagree, the line is left alone.
//!
//! Bytes lost on the way are read back last, after the dropped-byte recovery of whitelisted
//! symbols (`dropped`) had its chance: U+FFFD standing for lost continuation bytes collapses
//! with its lead into one U+FFFD (`Ñ�` → `�`), and a space that stood for a no-break space byte
//! 0xA0 goes back into its sequence (`Ð ` → `Р`, `à¸ ` → `ภ`).

use super::codepage::{continuations_after, is_continuation_byte, readings_at, Reading, UNDEFINED};
use super::dropped;
use super::judge::{self, Around, Sequence, Verdict};
use std::ops::Range;

/// A span of the original text and the character it reads as.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// Byte span in the original text.
    pub src: Range<usize>,
    /// The character the span reads as after the repairs so far.
    pub ch: char,
    /// True when `ch` is a repair rather than the original character.
    pub changed: bool,
}

impl Piece {
    /// A piece repairing `src` to `ch`.
    pub fn repaired(src: Range<usize>, ch: char) -> Self {
        Piece {
            src,
            ch,
            changed: true,
        }
    }

    /// One unchanged piece per character of `text`, which starts at byte `offset`.
    pub fn split(text: &str, offset: usize) -> Vec<Piece> {
        text.char_indices()
            .map(|(i, ch)| Piece {
                src: offset + i..offset + i + ch.len_utf8(),
                ch,
                changed: false,
            })
            .collect()
    }
}

/// How a sequence's bytes were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Every byte is in the text.
    Whole,
    /// Some bytes were lost (U+FFFD in the text): the repair is U+FFFD.
    Lossy,
    /// A space stands for the byte 0xA0 and belongs to the sequence.
    Spaced,
    /// `Ã` followed by a space: `à` whose 0xA0 was lost, the space being the word's end.
    KeepsSpace,
}

/// A sequence of pieces one reading decodes.
#[derive(Debug, Clone)]
struct Candidate {
    /// Index of its first piece.
    at: usize,
    /// How many pieces it spans.
    len: usize,
    /// The character it decodes to.
    ch: char,
    kind: Kind,
    verdict: Verdict,
}

/// What a pass may read as bytes lost on the way.
#[derive(Debug, Clone, Copy)]
struct Loss {
    /// U+FFFD standing for lost continuation bytes.
    holes: bool,
    /// A space standing for a no-break space's byte 0xA0.
    spaces: bool,
}

impl Loss {
    /// Every byte is in the text.
    const NONE: Loss = Loss {
        holes: false,
        spaces: false,
    };
}

/// True when the line, read through windows-1252, holds a sequence cut short inside a word: a
/// lead and at least one continuation, then neither a continuation nor a space nor U+FFFD
/// (`ì„ì`, `â€x`). Its missing bytes were dropped, as lossy decoders drop the five bytes
/// windows-1252 leaves undefined, rather than turned into anything.
fn drops_bytes(pieces: &[Piece]) -> bool {
    let byte = |i: usize| pieces.get(i).and_then(|p| Reading::WESTERN.byte_of(p.ch));
    (0..pieces.len()).any(|i| {
        let Some(need) = byte(i).and_then(continuations_after) else {
            return false;
        };
        let have = (1..=need)
            .take_while(|&k| byte(i + k).is_some_and(is_continuation_byte))
            .count();
        let next = pieces.get(i + have + 1).map(|p| p.ch);
        have >= 1 && have < need && next.is_some_and(|c| !c.is_whitespace() && c != '\u{fffd}')
    })
}

/// Marks a piece that is U+FFFD, standing for a byte some decoder replaced.
const HOLE: u16 = 0x100;

/// The sequences one reading accepts on a line, and how well it explains the line.
struct Plan {
    reading: Reading,
    accepted: Vec<Candidate>,
    strong: usize,
    covered: usize,
}

/// Appends the repairs of `text[line]` to `out`: spans of `text` and their replacements.
pub(super) fn repair(text: &str, line: Range<usize>, out: &mut Vec<(Range<usize>, String)>) {
    let Some(line_text) = text.get(line.clone()) else {
        return;
    };
    let task_line = is_task_line(line_text);
    let mut pieces = Piece::split(line_text, line.start);
    let mut supported = 0;
    // A space may stand for a lost 0xA0 only on a line that shows no byte dropped elsewhere:
    // there, `ì„ ìœ„` is as likely `을 위` with its 0x9D dropped as `선위` with its 0xA0 made a
    // space, and only the first keeps the words apart.
    let spaces = !drops_bytes(&pieces);
    for loss in [
        Loss::NONE,
        Loss {
            holes: true,
            spaces,
        },
    ] {
        loop {
            let decoded = decode_pass(&mut pieces, loss, &mut supported);
            let recovered = dropped::recover(&mut pieces, task_line);
            if !decoded && !recovered {
                break;
            }
        }
    }
    fix_c1_controls(&mut pieces);
    keep_half_repaired_words(&mut pieces);
    emit(&pieces, out);
}

/// Undoes the repairs of every word (a stretch between spaces) that still holds, written as it
/// was, a whole windows-1252 sequence of a non-ASCII character: half a word repaired is a new
/// garble no decoding undoes (`Ãƒâ€™g`, `Òg` encoded twice, is no `Ãƒ’g`), so the word stays as
/// written (a piece not marked changed is not emitted: its original bytes stay).
fn keep_half_repaired_words(pieces: &mut [Piece]) {
    for word in pieces.split_mut(|p| p.ch.is_whitespace()) {
        if word.iter().any(|p| p.changed) && holds_a_written_sequence(word) {
            word.iter_mut().for_each(|p| p.changed = false);
        }
    }
}

/// True when unchanged pieces of `word` spell a whole windows-1252 sequence of a non-ASCII
/// character: a lead byte's character and as many continuation bytes' as it needs (`Ãƒ`).
fn holds_a_written_sequence(word: &[Piece]) -> bool {
    let byte = |p: &Piece| {
        (!p.changed)
            .then(|| Reading::WESTERN.byte_of(p.ch))
            .flatten()
    };
    (0..word.len()).any(|i| {
        let (mut bytes, mut len) = ([0u8; 4], 0);
        for p in word.get(i..).unwrap_or_default().iter().take(4) {
            match byte(p) {
                Some(b) if len == 0 || is_continuation_byte(b) => bytes[len] = b,
                _ => break,
            }
            len += 1;
        }
        let need = continuations_after(bytes[0]).filter(|need| len > *need);
        need.is_some_and(|need| std::str::from_utf8(&bytes[..=need]).is_ok())
    })
}

/// Applies the reading that explains the line best, if any; `supported` records the readings
/// (one bit each) a pass found strong evidence for, which lets later passes of the same reading
/// accept weak sequences.
fn decode_pass(pieces: &mut Vec<Piece>, loss: Loss, supported: &mut u32) -> bool {
    let mut best: Option<Plan> = None;
    let mut contested = false;
    let possible = pieces
        .windows(2)
        .fold(0, |mask, pair| mask | readings_at(pair[0].ch, pair[1].ch));
    for reading in Reading::all().filter(|r| possible & r.bit() != 0) {
        let Some(plan) = plan(pieces, reading, loss, *supported & reading.bit() != 0) else {
            continue;
        };

        let better = match &best {
            None => true,
            Some(b) => {
                let (now, then) = ((plan.strong, plan.covered), (b.strong, b.covered));
                if now == then && !same_repairs(&plan, b) {
                    contested = true;
                }
                now > then
            }
        };
        if better {
            contested = false;
            best = Some(plan);
        }
    }
    let Some(plan) = best.filter(|p| !contested && !lone_foreign_letter(pieces, p)) else {
        return false;
    };
    if plan.strong > 0 {
        *supported |= plan.reading.bit();
    }
    let mut out = Vec::with_capacity(pieces.len());
    let mut next = 0;
    for cand in &plan.accepted {
        out.extend(
            pieces
                .get(next..cand.at)
                .unwrap_or_default()
                .iter()
                .cloned(),
        );
        let (Some(first), Some(last)) = (pieces.get(cand.at), pieces.get(cand.at + cand.len - 1))
        else {
            return false;
        };
        out.push(Piece::repaired(first.src.start..last.src.end, cand.ch));
        next = cand.at + cand.len;
    }
    out.extend(pieces.get(next..).unwrap_or_default().iter().cloned());
    *pieces = out;
    true
}

/// True when `plan` reads repairs made already as a further layer of mojibake (every piece of
/// a sequence changed before) into a letter of a script no other letter of the line is written
/// in: `“×”` is no garbled `“ה`, nor `Õ…` a garbled `Յ`. Text garbled twice comes back as
/// words of its script (`ÐŸÑ€Ð¸Ð²ÐµÑ‚` twice garbled is Привет, every letter Cyrillic);
/// one letter of another script amid Latin text is a second reading too many.
fn lone_foreign_letter(pieces: &[Piece], plan: &Plan) -> bool {
    let mut letters = pieces.iter().map(|p| p.ch).collect::<Vec<_>>();
    for cand in &plan.accepted {
        if let Some(first) = letters.get_mut(cand.at) {
            *first = cand.ch;
        }
        for taken in letters
            .iter_mut()
            .skip(cand.at + 1)
            .take(cand.len.saturating_sub(1))
        {
            *taken = ' ';
        }
    }
    plan.accepted.iter().any(|cand| {
        let later =
            (pieces.get(cand.at..cand.at + cand.len)).is_some_and(|p| p.iter().all(|p| p.changed));
        let Some(script) = later.then(|| foreign_script(cand.ch)).flatten() else {
            return false;
        };
        !(letters.iter().enumerate())
            .any(|(i, &c)| i != cand.at && foreign_script(c) == Some(script))
    })
}

/// [`judge::script`] of a letter outside the Latin and Greek scripts; `None` for Latin and
/// Greek letters, which Latin text writes as symbols (`IL2Rγ`, `5 μm`), and for what is no
/// letter.
fn foreign_script(c: char) -> Option<u32> {
    judge::script(c).filter(|&s| s != 0 && s != judge::GREEK)
}

fn same_repairs(a: &Plan, b: &Plan) -> bool {
    a.accepted.len() == b.accepted.len()
        && a.accepted
            .iter()
            .zip(&b.accepted)
            .all(|(x, y)| (x.at, x.len, x.ch) == (y.at, y.len, y.ch))
}

/// The sequences `reading` decodes on the line and accepts, or `None` when it does not explain
/// the line (see the module documentation).
fn plan(pieces: &[Piece], reading: Reading, loss: Loss, supported: bool) -> Option<Plan> {
    let bytes: Vec<Option<u16>> = pieces
        .iter()
        .map(|p| match p.ch {
            '\u{fffd}' => Some(HOLE),
            c => reading.byte_of(c).map(u16::from),
        })
        .collect();
    let mut cands = candidates(pieces, &bytes, loss);
    if cands.is_empty() {
        return None;
    }
    let leads = Leads::of(pieces, &cands);
    for _ in 0..=cands.len() {
        let owners = owners(pieces.len(), &cands);
        let mut changed = false;
        for k in 0..cands.len() {
            let Some(cand) = cands.get(k) else { continue };
            if cand.verdict == Verdict::Reject {
                continue;
            }
            let verdict = judge_candidate(pieces, &cands, (&owners, &leads), k, reading);
            if let Some(cand) = cands.get_mut(k) {
                changed |= cand.verdict != verdict;
                cand.verdict = verdict;
            }
        }
        changed |= reject_unexplained_words(pieces, &bytes, &mut cands, reading);
        changed |= reject_half_written_words(pieces, &bytes, &mut cands);
        if !changed {
            break;
        }
    }
    let intact = intact_runs(pieces, &bytes, &cands, reading);
    cands.retain(|c| c.verdict != Verdict::Reject);
    let strong = cands
        .iter()
        .filter(|c| c.verdict == Verdict::Strong)
        .count();
    if strong == 0 && !supported {
        return None;
    }
    // Evidence against intact text: each continuation byte of a strong sequence, so one
    // three- or four-byte sequence (`ðŸ“…`) outweighs it, one two-byte sequence does not. A
    // line an earlier pass of this reading repaired has passed this test already.
    let weight: usize = cands
        .iter()
        .filter(|c| c.verdict == Verdict::Strong)
        .map(|c| c.len - 1)
        .sum();
    if weight < 2 && intact > 0 && !supported {
        return None;
    }
    // Intermediate C1 controls explain nothing yet.
    let covered = cands
        .iter()
        .filter(|c| !judge::is_provisional(c.ch))
        .map(|c| c.len)
        .sum();
    (!cands.is_empty()).then_some(Plan {
        reading,
        accepted: cands,
        strong,
        covered,
    })
}

/// Every sequence the bytes spell, left to right without overlap.
fn candidates(pieces: &[Piece], bytes: &[Option<u16>], loss: Loss) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match sequence_at(pieces, bytes, i, loss) {
            Some(cand) => {
                i += cand.len;
                out.push(cand);
            }
            None => i += 1,
        }
    }
    out
}

/// The sequence whose lead is piece `i`, if its bytes decode.
fn sequence_at(pieces: &[Piece], bytes: &[Option<u16>], i: usize, loss: Loss) -> Option<Candidate> {
    let lead = u8::try_from(bytes.get(i).copied().flatten()?).ok()?;
    let need = continuations_after(lead)?;
    let mut buf = [lead, 0, 0, 0];
    let (mut holes, mut spaced) = (0, false);
    for k in 1..=need {
        let byte = bytes.get(i + k).copied().flatten();
        let slot = buf.get_mut(k)?;
        match byte {
            Some(HOLE) if loss.holes => {
                holes += 1;
                // The smallest byte that may stand there, so validity is checked on the rest.
                *slot = match (lead, k) {
                    (0xE0, 1) => 0xA0,
                    (0xF0, 1) => 0x90,
                    _ => 0x80,
                };
            }
            Some(0x20) if loss.spaces && !spaced && !pieces.get(i).is_some_and(|p| p.changed) => {
                spaced = true;
                *slot = 0xA0;
            }
            Some(b) => *slot = u8::try_from(b).ok().filter(|&b| is_continuation_byte(b))?,
            None => return None,
        }
    }
    let len = need + 1;
    let decoded = std::str::from_utf8(buf.get(..len)?)
        .ok()
        .and_then(|s| s.chars().next());
    let (ch, len) = match decoded {
        Some(_) if holes > 0 => ('\u{fffd}', len),
        Some(ch) => (ch, len),
        None if holes == 0 && !spaced => surrogate_pair(bytes, i, &buf)?,
        None => return None,
    };
    let kind = if holes > 0 {
        Kind::Lossy
    } else if !spaced {
        Kind::Whole
    } else if ch == 'à' && !a_grave_joins(pieces, i + 2) {
        // `voilÃ le`: the 0xA0 was lost and the space is the word's end; `voilÃ  le`: the
        // first space was the 0xA0, and so was the space of `Ã s` (`às`).
        return Some(Candidate {
            at: i,
            len: 1,
            ch,
            kind: Kind::KeepsSpace,
            verdict: Verdict::Strong,
        });
    } else {
        Kind::Spaced
    };
    Some(Candidate {
        at: i,
        len,
        ch,
        kind,
        verdict: Verdict::Strong,
    })
}

/// True when the space after an `Ã` read as `à` stood for its 0xA0, judging by what follows
/// at `next`: another space (`voilÃ  le`), or a single letter that is no word on its own and
/// no elided one (`Ã s` is `às`, `Ã s'éloigner` is `à s'éloigner`).
fn a_grave_joins(pieces: &[Piece], next: usize) -> bool {
    let ch = |k: usize| pieces.get(next + k).map(|p| p.ch);
    match ch(0) {
        Some(' ') => true,
        Some(c) if c.is_alphabetic() => {
            !ch(1).is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}'))
        }
        _ => false,
    }
}

/// CESU-8, as some pipelines write emoji: a high surrogate (ED A0–AF xx) at `i`, already in
/// `buf`, and a low one (ED B0–BF xx) after it make one character.
fn surrogate_pair(bytes: &[Option<u16>], i: usize, buf: &[u8; 4]) -> Option<(char, usize)> {
    let byte = |k: usize| bytes.get(i + k).copied().flatten();
    if buf[0] != 0xED || !(0xA0..=0xAF).contains(&buf[1]) || byte(3) != Some(0xED) {
        return None;
    }
    let (b4, b5) = (byte(4)?, byte(5)?);
    if !(0xB0..=0xBF).contains(&b4) || !(0x80..=0xBF).contains(&b5) {
        return None;
    }
    let high = 0xD000 | (u32::from(buf[1]) & 0x3F) << 6 | (u32::from(buf[2]) & 0x3F);
    let low = 0xD000 | (u32::from(b4) & 0x3F) << 6 | (u32::from(b5) & 0x3F);
    let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    Some((char::from_u32(code)?, 6))
}

/// For each piece, the accepted (not rejected) candidate covering it.
fn owners(len: usize, cands: &[Candidate]) -> Vec<Option<usize>> {
    let mut owners = vec![None; len];
    for (k, cand) in cands.iter().enumerate() {
        if cand.verdict == Verdict::Reject {
            continue;
        }
        for slot in owners.iter_mut().skip(cand.at).take(cand.len) {
            *slot = Some(k);
        }
    }
    owners
}

/// The UTF-8 lead bytes of the letters the line writes through a lead already (repaired
/// pieces) or may (candidates not read across a space): letters decoded through the same lead
/// share it (`Š` and `š`: 0xC5). Gathered once per plan, so judging a candidate by them does
/// not read the whole line again.
struct Leads([bool; 256]);

impl Leads {
    fn of(pieces: &[Piece], cands: &[Candidate]) -> Self {
        let mut leads = Leads([false; 256]);
        let written = (cands.iter())
            .filter(|c| c.kind != Kind::Spaced)
            .map(|c| c.ch)
            .chain(pieces.iter().filter(|p| p.changed).map(|p| p.ch));
        for c in written {
            leads.0[usize::from(lead_byte(c))] = true;
        }
        leads
    }

    /// True when the line writes a letter through `c`'s lead byte.
    fn has(&self, c: char) -> bool {
        self.0[usize::from(lead_byte(c))]
    }
}

/// The first byte of `c` in UTF-8.
fn lead_byte(c: char) -> u8 {
    c.encode_utf8(&mut [0; 4]).as_bytes()[0]
}

/// Judges candidate `k` with the line as it reads once the other accepted candidates are
/// repaired, and as it is written.
fn judge_candidate(
    pieces: &[Piece],
    cands: &[Candidate],
    (owners, leads): (&[Option<usize>], &Leads),
    k: usize,
    reading: Reading,
) -> Verdict {
    let Some(cand) = cands.get(k) else {
        return Verdict::Reject;
    };
    // One unit before or after a piece index: the repaired character of the candidate owning
    // it (a provisional C1 control shows as written), or the piece itself.
    let unit = |i: usize| -> Option<(char, bool, usize, usize)> {
        let piece = pieces.get(i)?;
        match owners.get(i).copied().flatten().and_then(|o| cands.get(o)) {
            Some(o) if !judge::is_provisional(o.ch) => Some((o.ch, true, o.at, o.at + o.len)),
            _ => Some((piece.ch, false, i, i + 1)),
        }
    };
    let before = cand.at.checked_sub(1).and_then(unit);
    let before2 = before.and_then(|(_, _, start, _)| start.checked_sub(1).and_then(unit));
    let after = unit(cand.at + cand.len);
    let decoded = Around {
        prev: before.map(|u| u.0),
        prev2: before2.map(|u| u.0),
        next: after.map(|u| u.0),
        prev_decoded: before.is_some_and(|u| u.1),
        next_decoded: after.is_some_and(|u| u.1),
        ..Around::default()
    };
    let literal_at = |i: Option<usize>| i.and_then(|i| pieces.get(i)).map(|p| p.ch);
    let end = cand.at + cand.len;
    let literal = Around {
        prev: literal_at(cand.at.checked_sub(1)),
        prev2: literal_at(cand.at.checked_sub(2)),
        next: literal_at(Some(end)),
        next2: literal_at(Some(end + 1)),
        next3: literal_at(Some(end + 2)),
        ..Around::default()
    };
    if cand.kind == Kind::KeepsSpace || (cand.kind == Kind::Spaced && cand.ch == 'à') {
        let word_after: String = (pieces.iter().skip(cand.at + cand.len))
            .map(|p| p.ch)
            .skip_while(|c| c.is_whitespace())
            .take_while(|c| c.is_alphabetic())
            .take(16)
            .collect();
        let before = pieces.get(..cand.at).unwrap_or_default();
        let end = (before.iter())
            .rposition(|p| !p.ch.is_whitespace())
            .map_or(0, |i| i + 1);
        let start = (before[..end].iter())
            .rposition(|p| !p.ch.is_alphabetic())
            .map_or(0, |i| i + 1)
            .max(end.saturating_sub(16));
        let word_before: String = before[start..end].iter().map(|p| p.ch).collect();
        let lead = pieces.get(cand.at).map_or(' ', |p| p.ch);
        return judge::a_grave_word(lead, decoded, (&word_before, &word_after));
    }
    let chars: Vec<char> = pieces
        .iter()
        .skip(cand.at)
        .take(cand.len)
        .map(|p| p.ch)
        .collect();
    let seq = Sequence {
        decoded: cand.ch,
        chars: &chars,
        lossy: cand.kind == Kind::Lossy,
        western: reading.is_western(),
    };
    let verdict = judge::judge(seq, decoded, literal);
    if cand.kind != Kind::Spaced {
        return verdict;
    }
    // A space read back as 0xA0 joins what follows: a letter must join a word of its own
    // script (`Šveices`, not `3 נ4` nor `систе쳠лише`) and be one text writes (`SELKÄ EDELLÄ`
    // is Finnish, not `SELKĠEDELLÄ`), a no-break space stays a space, and a symbol must not
    // swallow the space before a word (`ðŸ” every` is not `🔠every`).
    // A lead that is a word of its own before the space (`til Å i Lofoten`, `1.5 Å in`) is
    // that word, not `Ši`, unless the line writes other letters through the same lead
    // (`Å koda jede, Å¡ofÃ©r` is Czech: `Škoda`, `šofér`).
    let lead = chars.first().copied().unwrap_or(' ');
    // The candidate is spaced: any other the line writes through its lead is elsewhere.
    let same_lead_elsewhere = leads.has(cand.ch);
    let a_word = judge::is_standalone_word(lead)
        && !literal.prev.is_some_and(char::is_alphanumeric)
        && !same_lead_elsewhere;
    let next = decoded.next;
    // The space may be a real one after a character whose last byte was dropped (`RyÅ ÅŒno` is
    // `Ryō Ōno` without its 0x8D, not `RyŠŌno`): where that reading ends the word of the
    // letters before it as well, the line cannot tell the two apart, and the space stays.
    // The sequence's bytes before its space, and room for the one dropped.
    let (mut bytes, mut len) = ([0u8; 4], 0);
    for c in chars.iter().filter(|c| !c.is_whitespace()) {
        match (reading.byte_of(*c), bytes.get_mut(len)) {
            (Some(b), Some(slot)) => *slot = b,
            _ => len = bytes.len(),
        }
        len += 1;
    }
    let ends_the_word_before = decoded.prev.filter(|p| p.is_alphabetic()).is_some_and(|p| {
        len < bytes.len()
            && UNDEFINED.iter().any(|&b| {
                bytes[len] = b;
                let dropped = std::str::from_utf8(&bytes[..=len])
                    .ok()
                    .and_then(|s| s.chars().next());
                dropped.is_some_and(|d| {
                    d.is_alphabetic()
                        && judge::same_script(d, p)
                        && !(d.is_uppercase() && p.is_lowercase())
                })
            })
    });
    if ends_the_word_before {
        return Verdict::Reject;
    }
    let joins = if cand.ch.is_alphabetic() {
        next.is_some_and(|n| n.is_alphabetic() && judge::same_script(n, cand.ch))
            && !judge::is_rare_letter(cand.ch)
            && !a_word
    } else {
        cand.ch.is_whitespace() || !next.is_some_and(char::is_alphanumeric)
    };
    if joins {
        verdict.min(Verdict::Weak)
    } else {
        Verdict::Reject
    }
}

/// Rejects every candidate in a word (a stretch between spaces) that holds a lead the reading
/// cannot decode there, followed by a continuation byte, a lost byte or `?`: a reading must
/// explain the whole word. A windows-1252 sequence that dropped-byte recovery may still read
/// (`â€` was `”`) is not unexplained. Returns whether anything changed.
fn reject_unexplained_words(
    pieces: &[Piece],
    bytes: &[Option<u16>],
    cands: &mut [Candidate],
    reading: Reading,
) -> bool {
    let owners = owners(pieces.len(), cands);
    let byte = |i: usize| bytes.get(i).copied().flatten();
    let high = |i: usize| byte(i).and_then(|b| u8::try_from(b).ok());
    let mut changed = false;
    let mut start = 0;
    while start < pieces.len() {
        let end = (start..pieces.len())
            .find(|&i| pieces.get(i).is_some_and(|p| p.ch == ' ' || p.ch == '\t'))
            .unwrap_or(pieces.len());
        let unexplained = (start..end).any(|i| {
            let Some(lead) = high(i).filter(|&b| continuations_after(b).is_some()) else {
                return false;
            };
            if owners.get(i).copied().flatten().is_some() || i + 1 >= end {
                return false;
            }
            let lost = byte(i + 1) == Some(HOLE) || pieces.get(i + 1).is_some_and(|p| p.ch == '?');
            let mut run = [lead, 0, 0, 0];
            let mut len = 1;
            for (slot, j) in run.iter_mut().skip(1).zip(i + 1..end) {
                match high(j).filter(|&b| is_continuation_byte(b)) {
                    Some(b) => *slot = b,
                    None => break,
                }
                len += 1;
            }
            let run = run.get(..len).unwrap_or_default();
            let recoverable = reading.is_western() && dropped::may_recover(run);
            lost || (len > 1 && !recoverable)
        });
        if unexplained {
            // Candidates are in line order: those of the word are one run of them.
            let first = cands.partition_point(|c| c.at < start);
            let last = cands.partition_point(|c| c.at < end);
            for cand in cands.get_mut(first..last).unwrap_or_default() {
                if cand.verdict != Verdict::Reject {
                    cand.verdict = Verdict::Reject;
                    changed = true;
                }
            }
        }
        start = end + 1;
    }
    changed
}

/// How many runs of original non-ASCII characters `reading` could have garbled but did not:
/// characters outside any candidate (even a rejected one) and outside anything shaped like a
/// sequence (a lead and a continuation, even one nothing decodes), which contradict the
/// hypothesis that the line was misread (`–` in `Bremer/Mccoy – DrÃ¥ber`). A word written as
/// the repair of another word on the line makes the line no consistent single-byte text: it
/// is the same word written both ways (`[[Jürgen]]` beside `@JÃ¼rgen`), and counts for nothing.
fn intact_runs(
    pieces: &[Piece],
    bytes: &[Option<u16>],
    cands: &[Candidate],
    reading: Reading,
) -> usize {
    let high = |i: usize| {
        bytes
            .get(i)
            .copied()
            .flatten()
            .and_then(|b| u8::try_from(b).ok())
    };
    let mut shaped = vec![false; pieces.len()];
    for cand in cands {
        for slot in shaped.iter_mut().skip(cand.at).take(cand.len) {
            *slot = true;
        }
    }
    for i in 0..pieces.len() {
        let Some(need) = high(i).and_then(continuations_after) else {
            continue;
        };
        let conts = (i + 1..pieces.len())
            .take(need)
            .take_while(|&j| high(j).is_some_and(is_continuation_byte))
            .count();
        if conts > 0 {
            for slot in shaped.iter_mut().skip(i).take(conts + 1) {
                *slot = true;
            }
        }
    }
    let repaired: rustc_hash::FxHashSet<String> =
        repaired_words(pieces, cands).into_iter().collect();
    if !repaired.is_empty() {
        for (start, end) in words_of(pieces.len(), |i| pieces.get(i).map(|p| p.ch)) {
            let word: String = pieces.iter().take(end).skip(start).map(|p| p.ch).collect();
            if repaired.contains(&word) {
                for slot in shaped.iter_mut().take(end).skip(start) {
                    *slot = true;
                }
            }
        }
    }
    let mut runs = 0;
    let mut in_run = false;
    for (piece, shaped) in pieces.iter().zip(shaped) {
        let intact = !shaped
            && !piece.changed
            && !piece.ch.is_ascii()
            && !judge::is_provisional(piece.ch)
            && piece.ch != '\u{fffd}'
            && reading.byte_of(piece.ch).is_some();
        if intact && !in_run {
            runs += 1;
        }
        in_run = intact;
    }
    runs
}

/// A character of the line as it reads once the sequences not rejected are repaired.
struct Unit {
    ch: char,
    /// The candidate it is the repair of, if any.
    cand: Option<usize>,
    /// The piece it starts at.
    piece: usize,
}

/// The line as it reads once the candidates not rejected are repaired.
fn units(pieces: &[Piece], cands: &[Candidate]) -> Vec<Unit> {
    let mut units = Vec::with_capacity(pieces.len());
    let mut i = 0;
    let mut accepted = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.verdict != Verdict::Reject)
        .peekable();
    while let Some(piece) = pieces.get(i) {
        match accepted.next_if(|(_, c)| c.at == i) {
            Some((k, cand)) => {
                units.push(Unit {
                    ch: cand.ch,
                    cand: Some(k),
                    piece: i,
                });
                i += cand.len.max(1);
            }
            None => {
                units.push(Unit {
                    ch: piece.ch,
                    cand: None,
                    piece: i,
                });
                i += 1;
            }
        }
    }
    units
}

/// The words (runs of letters and digits) holding a sequence not rejected, as they read once
/// every such sequence is repaired.
fn repaired_words(pieces: &[Piece], cands: &[Candidate]) -> Vec<String> {
    let units = units(pieces, cands);
    words_of(units.len(), |k| units.get(k).map(|u| u.ch))
        .filter_map(|(start, end)| units.get(start..end))
        .filter(|word| word.iter().any(|u| u.cand.is_some()))
        .map(|word| word.iter().map(|u| u.ch).collect())
        .collect()
}

/// Rejects the sequences of every word (a run of letters and digits, as repaired) in which a
/// decoded letter is glued to a letter written as it is that the reading could have garbled:
/// a reading must explain whole words, and half a word read right is a word read right
/// (`Рёбра` beside windows-1251 mojibake is no `ибра`). Returns whether anything changed.
fn reject_half_written_words(
    pieces: &[Piece],
    bytes: &[Option<u16>],
    cands: &mut [Candidate],
) -> bool {
    let units = units(pieces, cands);
    let written = |u: &Unit| {
        u.cand.is_none()
            && u.ch.is_alphabetic()
            && !u.ch.is_ascii()
            && pieces.get(u.piece).is_some_and(|p| !p.changed)
            && bytes.get(u.piece).copied().flatten().is_some()
    };
    let decoded_letter = |u: &Unit| u.cand.is_some() && u.ch.is_alphabetic();
    let mut changed = false;
    for (start, end) in words_of(units.len(), |k| units.get(k).map(|u| u.ch)) {
        let Some(word) = units.get(start..end) else {
            continue;
        };
        if word.iter().any(decoded_letter) && word.iter().any(written) {
            for k in word.iter().filter_map(|u| u.cand) {
                if let Some(cand) = cands.get_mut(k) {
                    changed |= cand.verdict != Verdict::Reject;
                    cand.verdict = Verdict::Reject;
                }
            }
        }
    }
    changed
}

/// The spans `start..end` of the runs of letters and digits among `len` characters.
fn words_of(
    len: usize,
    ch: impl Fn(usize) -> Option<char>,
) -> impl Iterator<Item = (usize, usize)> {
    let word = move |i: usize| ch(i).is_some_and(char::is_alphanumeric);
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < len && !word(i) {
            i += 1;
        }
        let start = i;
        while i < len && word(i) {
            i += 1;
        }
        (start < i).then_some((start, i))
    })
}

/// Reads C1 controls still in the text as windows-1252 (`parlé\u{85}` is `parlé…`): the
/// latin-1 misreading of single-byte text. Bytes windows-1252 leaves undefined stay, and so
/// does a control between two letters whose windows-1252 character cannot stand inside a word
/// (`Veri\u{80}cation` is a PDF's lost `ﬁ`, not `Veri€cation`), and one reading `€` or `‰`
/// beside no number.
fn fix_c1_controls(pieces: &mut [Piece]) {
    let kept = in_unread_sequences(pieces);
    for at in 0..pieces.len() {
        if kept.get(at).copied().unwrap_or(false) {
            continue;
        }
        let Some(piece) = pieces.get(at).filter(|p| !p.changed) else {
            continue;
        };
        let Ok(byte) = u8::try_from(u32::from(piece.ch)) else {
            continue;
        };
        if !(0x80..=0x9F).contains(&byte) {
            continue;
        }
        let ch = Reading::WESTERN.char_of(byte);
        let letter = |i: Option<usize>| {
            i.and_then(|i| pieces.get(i))
                .is_some_and(|p| p.ch.is_alphabetic())
        };
        let inside_word = letter(at.checked_sub(1)) && letter(at.checked_add(1));
        // `€` and `‰` go with an amount (`\u{80}50`, `5 \u{89}`): elsewhere (`## =\u{80}
        // Advanced`, an emoji's last byte) the control is a lost byte of something else.
        let digit = |i: Option<usize>| {
            i.and_then(|i| pieces.get(i))
                .is_some_and(|p| p.ch.is_ascii_digit())
        };
        let space = |i: Option<usize>| i.and_then(|i| pieces.get(i)).is_some_and(|p| p.ch == ' ');
        let amount = digit(at.checked_sub(1))
            || digit(at.checked_add(1))
            || (space(at.checked_sub(1)) && digit(at.checked_sub(2)))
            || (space(at.checked_add(1)) && digit(at.checked_add(2)));
        if ch == piece.ch
            || (inside_word && !stands_in_word(ch))
            || is_spacing_modifier(ch)
            || (matches!(ch, '€' | '‰') && !amount)
        {
            continue;
        }
        if let Some(piece) = pieces.get_mut(at) {
            piece.ch = ch;
            piece.changed = true;
        }
    }
}

/// Marks the pieces that, one byte per character as latin-1 reads them, spell a whole UTF-8
/// sequence no reading repaired and that windows-1252 text cannot be: one of four bytes (a
/// letter followed by three C1 controls or latin-1 symbols, `ó°\u{80}\u{80}`, U+F0000 of
/// a private-use plane), one holding a byte windows-1252 leaves undefined
/// (`ð\u{9d}\u{84}\u{86}`), or one of three bytes led by `â` (`â\u{80}\u{8b}`, a zero-width
/// space no reading repairs). Their C1 controls are bytes of that sequence, not punctuation:
/// reading them so would leave a character half repaired (`ð\u{9d}„†`, `â\u{80}‹`), so they
/// stay as written with the rest of their sequence. Other sequences may well be windows-1252 text (`résumé\u{85}\u{94}` is
/// `résumé…”`, though `é\u{85}\u{94}` also spells U+9154), and are read as such.
fn in_unread_sequences(pieces: &[Piece]) -> Vec<bool> {
    let mut marked = vec![false; pieces.len()];
    let mut at = 0;
    while at < pieces.len() {
        match unread_sequence_at(pieces, at) {
            Some(len) => {
                if let Some(run) = marked.get_mut(at..at + len) {
                    run.fill(true);
                }
                at += len;
            }
            None => at += 1,
        }
    }
    marked
}

/// The length of the sequence [`in_unread_sequences`] marks that starts at piece `at`, if one
/// does.
fn unread_sequence_at(pieces: &[Piece], at: usize) -> Option<usize> {
    let byte = |p: &Piece| {
        (!p.changed)
            .then(|| u8::try_from(u32::from(p.ch)).ok())
            .flatten()
    };
    let len = continuations_after(byte(pieces.get(at)?)?)? + 1;
    // A four-byte sequence cut after its third byte (`ð\u{93}\u{86}` and no more): its C1
    // controls are bytes of a character lost, no punctuation.
    let continues = |i: usize| (pieces.get(i).and_then(byte)).is_some_and(is_continuation_byte);
    if len == 4
        && continues(at + 1)
        && continues(at + 2)
        && !continues(at + 3)
        && (at + 1..at + 3).any(|i| {
            pieces
                .get(i)
                .is_some_and(|p| ('\u{80}'..='\u{9f}').contains(&p.ch))
        })
    {
        return Some(3);
    }
    let mut bytes = [0u8; 4];
    for (b, piece) in bytes.iter_mut().zip(pieces.get(at..at + len)?) {
        *b = byte(piece)?;
    }
    let bytes = bytes.get(..len)?;
    // `â` and two controls or symbols is no windows-1252 text: it is U+2000–U+2FFF, most
    // often an invisible character no reading repairs (`â\u{80}\u{8b}`, a zero-width space).
    let punctuation = len == 3 && bytes.first() == Some(&0xE2);
    ((len == 4 || punctuation || bytes.iter().any(|b| UNDEFINED.contains(b)))
        && std::str::from_utf8(bytes).is_ok())
    .then_some(len)
}

/// True for `ˆ` and `˜`, windows-1252's spacing accents: no text writes one alone, so a
/// control read as one (`Programmatori \u{88}`) is stray junk, not a character lost.
fn is_spacing_modifier(ch: char) -> bool {
    matches!(ch, 'ˆ' | '˜')
}

/// True when a windows-1252 character of the C1 range can stand between two letters of a
/// word: a letter (`Š`, `œ`, `Ÿ`, …) or an apostrophe (`don’t`). `€`, `†`, `•`, `™`, a dash
/// or a quote there is no reading of the text.
fn stands_in_word(ch: char) -> bool {
    matches!(ch, 'Š' | 'Œ' | 'Ž' | 'š' | 'œ' | 'ž' | 'Ÿ' | '’' | '‘')
}

/// Appends runs of adjacent repaired pieces as spans and replacements. A provisional C1
/// control no later pass consumed is no repair: its piece keeps its original text.
fn emit(pieces: &[Piece], out: &mut Vec<(Range<usize>, String)>) {
    let mut current: Option<(Range<usize>, String)> = None;
    for piece in pieces {
        if !piece.changed || judge::is_provisional(piece.ch) {
            out.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some((span, replacement)) if span.end == piece.src.start => {
                span.end = piece.src.end;
                replacement.push(piece.ch);
            }
            _ => {
                out.extend(current.take());
                current = Some((piece.src.clone(), piece.ch.to_string()));
            }
        }
    }
    out.extend(current);
}

/// True when `line` is a Markdown task (`- [ ] …`, `> * [x] …`, `1. [/] …`).
fn is_task_line(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_whitespace() || c == '>');
    let rest = match rest.strip_prefix(['-', '*', '+']) {
        Some(rest) => rest,
        None => {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            match rest.get(digits..).filter(|_| digits > 0) {
                Some(rest) => match rest.strip_prefix(['.', ')']) {
                    Some(rest) => rest,
                    None => return false,
                },
                None => return false,
            }
        }
    };
    let mut chars = rest.chars();
    chars.next().is_some_and(char::is_whitespace)
        && chars.as_str().trim_start().starts_with('[')
        && chars.as_str().trim_start().chars().nth(2) == Some(']')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_task_lines() {
        for line in ["- [ ] a", "  * [x] a", "> - [/] a", "1. [-] a", "+ [X]"] {
            assert!(is_task_line(line), "{line}");
        }
        for line in ["- a", "-[ ] a", "[ ] a", "- [ab] a", "1 [ ] a", "text"] {
            assert!(!is_task_line(line), "{line}");
        }
    }
}
