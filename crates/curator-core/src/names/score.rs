//! Evidence weights, in the Fellegi–Sunter style: every comparison adds or removes bits
//! (log2 likelihood ratios) of evidence that a mention names a candidate. Every number the
//! resolver uses lives in this file.
//!
//! A name part agrees with a candidate's at one [`Level`] (exact, nickname, phonetic,
//! Jaro-Winkler ≥ 0.92, short form, Jaro-Winkler ≥ 0.88, initial) or disagrees. Agreement on a
//! part many entities share is worth less: the bits of an exact, nickname or phonetic agreement
//! drop by log2 of how many entities hold that part (a common first name counts for less).
//! Context — the candidate attends the meeting, is linked or named exactly in the note, works at
//! an organisation the note names — adds bits only to a candidate whose name already agrees.
//! The bits of every candidate compete with [`UNSEEN_BITS`], the evidence mass of "someone who
//! has no note", in a softmax, which gives each candidate a probability.

use super::keys::{self, EntityKeys, EntityNames, NameForm};
use super::normalize::{self, Token};
use super::particles::{self, is_particle};
use super::{everyday, nicknames, phonetic};
use crate::kind::NoteKind;

/// Exact agreement of a name part held by a single entity.
pub const EXACT_BITS: f64 = 6.0;
/// The parts are the same given name in everyday use (`Bill` ~ `William`).
pub const NICKNAME_BITS: f64 = 5.0;
/// The parts share a Double Metaphone code (`Nico` ~ `Niko`).
pub const PHONETIC_BITS: f64 = 3.0;
/// Jaro-Winkler similarity at least [`CLOSE_SIMILARITY`].
pub const CLOSE_BITS: f64 = 3.0;
/// The mention part truncates the candidate's (`Jon` of `Jonathan`, `Seun` of `Oluwaseun`).
pub const SHORT_FORM_BITS: f64 = 3.0;
/// Jaro-Winkler similarity at least [`NEAR_SIMILARITY`].
pub const NEAR_BITS: f64 = 2.0;
/// One part is the other's initial (`R.` for `Rob`; `Ryan S` for `Ryan Schubert`).
pub const INITIAL_BITS: f64 = 1.0;
/// The parts disagree: a contradicting surname counts against.
pub const DISAGREE_BITS: f64 = -7.0;
/// The mention has a part the candidate's name has no place for (`Vamshi Rao` vs `Vamshi`).
pub const EXTRA_PART_BITS: f64 = -2.0;
/// A single word matching a person's surname rather than their given name: people are named
/// by given name far more often.
pub const SURNAME_ONLY_BITS: f64 = -1.5;
/// A person named surname first (`Zięcik Łukasz`, `Zięcik, Łukasz`, `NAM Jiueun`), as forms,
/// exports and East Asian order write them: a little less likely than the usual order.
pub const SWAPPED_ORDER_BITS: f64 = -1.0;
/// A surname misheard beyond recognition (`Banga` for `Benoit`, same first letter) in a mention
/// that credits a line naming the person in full: weak evidence against, where a contradicting
/// surname is strong ([`DISAGREE_BITS`]).
pub const MISHEARD_SURNAME_BITS: f64 = -1.0;
/// A lowercase word of speech that sounds like the given name of someone the note names
/// (`leo` for Lior): weak name evidence, which context must carry.
pub const SPOKEN_BITS: f64 = 1.0;
/// The most edits a lowercase word of speech may be from a given name it sounds like only by
/// Caverphone (`leo` ~ `lior`).
pub const SPOKEN_MAX_EDITS: usize = 2;
/// A written-out organisation acronym (`ARC` for Alpine Research Consortium).
pub const ACRONYM_BITS: f64 = 6.0;
/// An organisation named by some of its words but not from its first one on (`Water Authority`
/// for Kelpford Water Authority, `Mirelle Consortium` for Mirelle Science Consortium), or by
/// all of them in another order: the words left out often tell two organisations apart, so such
/// a match is worth a little less than the same words written from the start.
pub const PARTIAL_ORG_BITS: f64 = -1.0;

/// Letters an organisation's initials need to count as an acronym (`ARC`); two letters (`US`,
/// `UK`, `e.g.`) are too often something else.
pub const MIN_ACRONYM_LETTERS: usize = 3;
/// Words (other than joining words like `of`) a mention needs to name an organisation by words
/// that are not its leading ones: one word (`Service`, `Data`, `Trust`) is too generic.
pub const MIN_PARTIAL_ORG_WORDS: usize = 2;

/// Jaro-Winkler similarity for the [`Level::Close`] level.
pub const CLOSE_SIMILARITY: f64 = 0.92;
/// Jaro-Winkler similarity two spellings sharing a phonetic code need to count as phonetic.
pub const PHONETIC_SIMILARITY: f64 = 0.6;
/// Jaro-Winkler similarity two short spellings (four letters or fewer) beginning with other
/// letters (two vowels count alike) need, sharing a phonetic code, to count as phonetic: the
/// code of a short word is mostly its consonants' (`Ying` and `Wang` share one).
pub const SHORT_PHONETIC_SIMILARITY: f64 = 0.75;
/// Jaro-Winkler similarity for the [`Level::Near`] level.
pub const NEAR_SIMILARITY: f64 = 0.88;

/// Evidence mass of "the mention names someone with no note" (log2 of its prior weight
/// against one candidate whose name gives no evidence either way).
pub const UNSEEN_BITS: f64 = 0.0;
/// How likely a mentioned entity is among the note's own people (participants, links, exact
/// names) — the m-probability of the context comparison. Its u-probability is the share of the
/// vault's entities the note names, so context is worth more in a larger vault.
pub const CONTEXT_M: f64 = 0.8;
/// The m-probability for an entity the note only names in its text (not a participant, not
/// linked): a name dropped in passing says less about who else is meant.
pub const NAMED_M: f64 = 0.5;
/// Bounds on the bits context can add.
pub const CONTEXT_MIN_BITS: f64 = 3.0;
/// Upper bound on context bits, so context never outweighs a contradicting name.
pub const CONTEXT_MAX_BITS: f64 = 8.0;
/// The candidate is named exactly on the same line (outside a list of participants).
pub const SAME_LINE_BITS: f64 = 2.0;
/// The candidate works at an organisation the note names or is tagged with.
pub const COMPANY_BITS: f64 = 1.5;
/// What a person loses as the candidate for one word of typed prose (outside a meeting) when
/// the note does not name them otherwise: in written notes a capitalised word that is one part of
/// someone's name is as often a place, a book or someone else of that name (on a real history
/// vault, 8 of 23 such suggestions were right at a stated 0.985; the evidence of a meeting's
/// attendees, which these weights are calibrated on, is not there).
pub const TYPED_WORD_BITS: f64 = -6.0;

/// The most candidates one mention is scored against, however many share its name parts in a
/// large vault (besides those the note names): the ones its parts reach best.
pub const MAX_SCORED_CANDIDATES: usize = 32;

/// Probability a candidate needs to be linked without asking.
pub const AUTO_PROBABILITY: f64 = 0.95;
/// Bits the winner needs over the runner-up (or over "someone new") to be linked without asking.
pub const AUTO_MARGIN_BITS: f64 = 3.0;
/// Probability below which a candidate is not worth suggesting.
pub const SUGGEST_PROBABILITY: f64 = 0.02;
/// Probability a top candidate needs for a review suggestion rather than "unknown".
pub const REVIEW_PROBABILITY: f64 = 0.3;
pub use crate::review::AMBIGUOUS_RATIO;
/// How often a participant that only sounds or is spelled like someone's, or writes one of
/// their words otherwise (`van den` for van der), with nothing else in the note pointing to them,
/// is theirs: the rest are people without a note. Measured on the
/// shared corpus and three generated vaults of other names: 37 of 197 such participants (19 %)
/// were the suggested person, though the name's likeness scored 193 of them 0.8 or more. The
/// likeness says who it would be, never how likely that is.
pub const LOOKALIKE_PROBABILITY: f64 = 0.25;
/// Name bits (before frequency discounts) a plain-text span needs before it is taken for a
/// mention at all: a phonetic, close or short-form agreement for one word.
pub const TEXT_MENTION_BITS: f64 = 3.0;

/// How well one mention part agrees with one name part, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Same letters once case and accents are folded.
    Exact,
    /// The same given name in everyday use.
    Nickname,
    /// Same Double Metaphone code.
    Phonetic,
    /// Jaro-Winkler ≥ [`CLOSE_SIMILARITY`].
    Close,
    /// A truncation of the name.
    ShortForm,
    /// Jaro-Winkler ≥ [`NEAR_SIMILARITY`].
    Near,
    /// An initial.
    Initial,
    /// No agreement.
    Disagree,
}

impl Level {
    /// The evidence bits of this level before frequency adjustment.
    pub fn bits(self) -> f64 {
        match self {
            Level::Exact => EXACT_BITS,
            Level::Nickname => NICKNAME_BITS,
            Level::Phonetic => PHONETIC_BITS,
            Level::Close => CLOSE_BITS,
            Level::ShortForm => SHORT_FORM_BITS,
            Level::Near => NEAR_BITS,
            Level::Initial => INITIAL_BITS,
            Level::Disagree => DISAGREE_BITS,
        }
    }

    /// True for renderings that explain the mention without any noise (exact or a nickname).
    pub fn is_exact(self) -> bool {
        matches!(self, Level::Exact | Level::Nickname)
    }

    /// True when the level is real agreement (not an initial, not a disagreement).
    pub fn agrees(self) -> bool {
        self <= Level::Near
    }

    fn words(self) -> &'static str {
        match self {
            Level::Exact => "matches",
            Level::Nickname => "is a nickname of",
            Level::Phonetic => "sounds like",
            Level::Close => "is spelled almost like",
            Level::ShortForm => "is a short form of",
            Level::Near => "is spelled like",
            Level::Initial => "is the initial of",
            Level::Disagree => "contradicts",
        }
    }
}

/// Compares one mention part with one name part.
pub fn compare(m: &Token, e: &Token) -> Level {
    if m.same_letters(e) {
        return Level::Exact;
    }
    // `al-Harbi` and `al-Farsi`: the particle they share says nothing of the names after it,
    // which are compared alone.
    fn joined(t: &Token) -> Option<(&str, &str)> {
        (t.key.split_once('-')).filter(|(particle, rest)| is_particle(particle) && !rest.is_empty())
    }
    if let (Some((mp, mr)), Some((ep, er))) = (joined(m), joined(e)) {
        if mp == ep {
            if let (Some(m), Some(e)) = (Token::new(mr), Token::new(er)) {
                return compare(&m, &e);
            }
        }
    }
    // A number is the same or another, never spelled like one (`Ramesses III` is not Ramesses
    // II); one letter is an initial before it is a numeral.
    if [m, e]
        .iter()
        .any(|t| t.key.chars().nth(1).is_some() && is_numeral(&t.key))
    {
        return Level::Disagree;
    }
    if m.is_nickname_of(e) {
        return Level::Nickname;
    }
    if [m, e].iter().any(|t| written_in_syllables(&t.key)) {
        // A character of a Chinese, Japanese or Korean name is a syllable of it: `王明天` is
        // another name than `王明`, not a spelling of it.
        return Level::Disagree;
    }
    if m.key.chars().count() == 1 {
        return if e.key.starts_with(&m.key) {
            Level::Initial
        } else {
            Level::Disagree
        };
    }
    if another_given_name(m, e) {
        // `Victoria` is no Victor, `Paula` no Paul, however alike they sound.
        return Level::Disagree;
    }
    if extends_name(&e.key, &m.key) {
        // `Stanley` of `Stanley-Reyes`: the written part is the start of a longer one, at most
        // that name written short, never the same sounds misheard.
        return Level::ShortForm;
    }
    if extends_name(&m.key, &e.key) {
        // `gustavosswald` is no Gustav: a word that only starts or ends with a name is another
        // word, however alike the two sound or begin.
        return Level::Disagree;
    }
    let sim = normalize::similarity(&m.key, &e.key);
    if m.sounds_like(e) && phonetic_is_telling(m, e, sim) {
        return Level::Phonetic;
    }
    if sim >= CLOSE_SIMILARITY {
        Level::Close
    } else if phonetic::is_short_form(&m.key, &e.key) {
        Level::ShortForm
    } else if sim >= NEAR_SIMILARITY {
        Level::Near
    } else {
        Level::Disagree
    }
}

/// True when `key` is written in Han characters, kana or Hangul, whose every character is a
/// syllable: no spelling of a name differs from it by a character.
fn written_in_syllables(key: &str) -> bool {
    key.chars().any(|c| {
        matches!(c,
            '\u{1100}'..='\u{11FF}' // Hangul jamo
            | '\u{3040}'..='\u{30FF}' // hiragana, katakana
            | '\u{3400}'..='\u{4DBF}' // Han, extension A
            | '\u{4E00}'..='\u{9FFF}' // Han
            | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
            | '\u{F900}'..='\u{FAFF}' // Han compatibility
            | '\u{20000}'..='\u{2FA1F}') // Han, supplementary planes
    })
}

/// Jaro-Winkler similarity from which a written part may be a name part misheard (see
/// [`could_be_misheard`]): speech-to-text's surnames measured 0.76–0.87 against the names they
/// stand for (`Mulagami` for Murakami, `Ocolo` for Okoro), strangers' surnames beside a person's
/// 0.67 at most (`Bílková` beside Matějková).
pub const MISHEARD_SIMILARITY: f64 = 0.75;

/// True when the written part `m` may be the name part `e` misheard: it agrees with it
/// ([`compare`]: `Espositu` for `Esposito`) other than as its end (`Raman` of Venkataraman), is
/// one letter from it (`Wu` for `Vu`), or is spelled alike enough ([`MISHEARD_SIMILARITY`]:
/// `Piikach` for `Piekacz`); never another name made of it ([`another_given_name`]: `Grantham`
/// is no Grant misheard).
pub fn could_be_misheard(m: &Token, e: &Token) -> bool {
    !ends_another_surname(m, e) && compare(m, e).agrees()
        || !another_given_name(m, e)
            && (strsim::levenshtein(&m.key, &e.key) <= 1
                || normalize::similarity(&m.key, &e.key) >= MISHEARD_SIMILARITY)
}

/// Letters a written part may add to a name part it starts or ends with and still be compared
/// with it by sound and spelling (`Robbie` of Rob; not `Gustavosswald` of Gustav).
const MAX_LETTERS_ADDED: usize = 3;

/// True when the written part `m` is the name part `e` with more than [`MAX_LETTERS_ADDED`]
/// letters added before or after it: a longer word (a handle written whole, another name that
/// begins alike), never the name misheard.
fn extends_name(m: &str, e: &str) -> bool {
    phonetic::is_short_form(e, m) && m.chars().count() > e.chars().count() + MAX_LETTERS_ADDED
}

/// True when the one written word `m` is `part` of the name `name` (three letters or more)
/// with up to [`MAX_LETTERS_ADDED`] letters written before it, no particle (`DeJong`), that
/// do not open with the initial of another of its parts: someone else's handle (`xmwang`
/// beside Wang Lei, `preddy` beside Srinivas Reddy) or another name (`McDonald` beside Donald
/// Ruiz), not `part` misspelled, which keeps its start. `rlin` of Robert Lin and `asmoreau` of
/// Anne-Sophie Moreau keep theirs.
fn written_on_before(m: &Token, part: &Token, name: &[Token]) -> bool {
    let Some(before) = m.key.strip_suffix(part.key.as_str()) else {
        return false;
    };
    let initial = before.chars().next();
    part.key.chars().count() >= 3
        && (1..=MAX_LETTERS_ADDED).contains(&before.chars().count())
        && !is_particle(before)
        && !(name.iter())
            .filter(|p| p.key != part.key)
            .any(|p| initial.is_some_and(|c| p.key.starts_with(c)))
}

/// True when `m` and `e` are two names, not the same name, one the other with a vowel sound
/// added or its final `o` an `a`: another person's name, never a misspelling. For given names
/// the nickname tables know, up to three letters holding a vowel (`Victor` and `Victoria`,
/// `Paul` and `Paula`) or a syllable ending in a silent `e` (`Daniel` and `Danielle`); one
/// silent `e` or `h` added (`Louis` and `Louise`, `Hanna` and `Hannah`) may be a spelling of
/// the same name. For any other, a final `a` after a consonant (`Samir` and `Samira`), or a
/// syllable of two or three letters that `m` writes on (`Marshall` for Marsh). For
/// any name of four letters or more, the final `o` and `a` of the two genders (`Mario` and
/// `Maria`). [`compare`] asks only of parts that are no nickname of each other (`Anna` and
/// `Ann`).
fn another_given_name(m: &Token, e: &Token) -> bool {
    let known = m.nickname.is_some() && e.nickname.is_some();
    let added = |short: &str, long: &str, written_longer: bool| {
        long.strip_prefix(short).is_some_and(|rest| {
            if known {
                // A vowel added, or a syllable ending in a silent `e` (`Daniel` and
                // `Danielle`, `Michel` and `Michelle`); one silent letter is a spelling.
                rest.chars().count() <= MAX_LETTERS_ADDED
                    && (rest
                        .trim_end_matches('e')
                        .contains(['a', 'e', 'i', 'o', 'u', 'y'])
                        || (rest.chars().count() >= 2 && rest.ends_with('e')))
            } else {
                // A final `a` after a consonant makes another name of any name, the tables'
                // or not (`Samir` and `Samira`, `Karim` and `Karima`, `Jan` and `Jana`); so
                // does a syllable of two or three letters written on (`Marshall` for Marsh,
                // `Grantham` for Grant). Written short, a name may be a syllable heard apart
                // (`Fem Ka` for Femke).
                let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
                let letters = rest.chars().count();
                short.chars().count() >= 3
                    && ((rest == "a" && short.chars().last().is_some_and(|c| !vowel(c)))
                        || (written_longer
                            && (2..=MAX_LETTERS_ADDED).contains(&letters)
                            && rest.contains(vowel)
                            // `SannedeVries`: a particle glued on is the name's next part.
                            && !is_particle(rest)))
            }
        })
    };
    // The ending that makes a Romance name the other gender's (`Mario` and `Maria`,
    // `Francesco` and `Francesca`).
    let gendered = || {
        let (mut a, mut b) = (m.key.chars(), e.key.chars());
        let (la, lb) = (a.next_back(), b.next_back());
        m.key.chars().count() >= 4
            && a.as_str() == b.as_str()
            && matches!((la, lb), (Some('a'), Some('o')) | (Some('o'), Some('a')))
    };
    added(&m.key, &e.key, false) || added(&e.key, &m.key, true) || gendered()
}

/// A shared phonetic code says something only when it has two letters or more (one-letter
/// codes join half the names in a vault), the spellings are not wholly different
/// (`Working` and `Jürgen` share a code; nor, short, begin and go on otherwise, `Ying` and
/// `Wang`), a short part is not heard for one of other syllables more than half as long again
/// (`Greg` is no hearing of `Georgiou`, while `Amy` may be of `Aimee`, `Paul` of `Powell`) and
/// both are spoken as words: a part without vowels is spelled out
/// letter by letter (`DHT` is not `Data`). A code cut at its last sound says only that the two
/// begin alike: the written part must sound like the whole name part, or like its beginning
/// ([`phonetic::sounds_like_throughout`]).
fn phonetic_is_telling(m: &Token, e: &Token, similarity: f64) -> bool {
    let spoken = |t: &Token| t.key.contains(['a', 'e', 'i', 'o', 'u', 'y']);
    let shared = || {
        m.codes
            .iter()
            .filter(|c| c.chars().count() >= 2 && e.codes.contains(c))
    };
    let short = |t: &Token| t.key.chars().count() <= 4;
    // Two vowels begin alike (`eagle`, heard for Igal).
    let opening = |t: &Token| {
        let first = t.key.chars().next();
        first.filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
    };
    let begin_alike = opening(m) == opening(e);
    let (lm, le) = (m.key.chars().count(), e.key.chars().count());
    let other_word = (short(m) || short(e))
        && syllables(&m.key) != syllables(&e.key)
        && 2 * lm.max(le) > 3 * lm.min(le);
    similarity >= PHONETIC_SIMILARITY
        && !other_word
        && (similarity >= SHORT_PHONETIC_SIMILARITY || begin_alike || !(short(m) || short(e)))
        && spoken(m)
        && spoken(e)
        && shared().next().is_some()
        && (shared().any(|c| c.chars().count() < phonetic::CODE_SOUNDS)
            || phonetic::sounds_like_throughout(
                &[m.key.as_str(), m.alt.as_str()],
                &[e.key.as_str(), e.alt.as_str()],
            ))
}

/// How many syllables a folded name part is spoken in, counted as its runs of vowels: a `y`
/// before no vowel is one (`Amy`, `Lynn`), an `e` ending the word after a consonant is silent
/// (`Kate`), but for a closing `le` after one (`Eagle`).
fn syllables(key: &str) -> usize {
    let chars: Vec<char> = key.chars().collect();
    let vowel = |i: usize| match chars.get(i) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => true,
        Some('y') => !matches!(chars.get(i + 1), Some('a' | 'e' | 'i' | 'o' | 'u')),
        _ => false,
    };
    let n = chars.len();
    let silent_end = n > 2 && chars.last() == Some(&'e') && !vowel(n - 2) && {
        let closing_le = chars.get(n - 2) == Some(&'l') && !vowel(n - 3);
        !closing_le
    };
    let spoken = chars.len() - usize::from(silent_end);
    let runs = (0..spoken)
        .filter(|&i| vowel(i) && (i == 0 || !vowel(i - 1)))
        .count();
    runs.max(1)
}

/// One aligned pair of parts and how they compared.
#[derive(Debug, Clone, PartialEq)]
pub struct PartMatch<'a> {
    /// The mention's part as folded.
    pub mention: &'a str,
    /// The candidate's part as folded.
    pub name: &'a str,
    /// How they compared.
    pub level: Level,
    /// The bits this pair contributed.
    pub bits: f64,
}

impl PartMatch<'_> {
    /// The comparison in words: `'r' is the initial of 'rob'`, and the other way round `'s'
    /// (the name's) is the initial of 'schubert'`.
    fn in_words(&self) -> String {
        let (m, e) = (self.mention, self.name);
        if self.level == Level::Initial && e.chars().count() < m.chars().count() {
            return format!("'{e}' (the name's) is the initial of '{m}'");
        }
        format!("'{m}' {} '{e}'", self.level.words())
    }
}

/// How a mention's name compares with one candidate's best name form.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMatch<'a> {
    /// Total name evidence in bits.
    pub bits: f64,
    /// Every part explained without noise (exact parts, nicknames, an acronym).
    pub exact: bool,
    /// At least one part really agrees and none contradicts, so context may strengthen the
    /// match.
    pub plausible: bool,
    /// The best form compared is an alias (not the title).
    pub alias: bool,
    /// See [`NameScore::spelled`].
    pub spelled: bool,
    /// See [`NameScore::handle`].
    pub handle: bool,
    /// Only the end of the name matched: one word matched only the person's surname, or the
    /// mention left out the leading words of an organisation's name (`Water Authority`).
    pub tail_only: bool,
    /// The aligned parts.
    pub parts: Vec<PartMatch<'a>>,
    /// The name form compared (the title, or the alias that matched best).
    pub form: &'a str,
}

/// The figures of a [`NameMatch`] a decision reads (its parts aside).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NameScore {
    /// Total name evidence in bits.
    pub bits: f64,
    /// Every part explained without noise.
    pub exact: bool,
    /// Context may strengthen the match.
    pub plausible: bool,
    /// The best form compared is an alias.
    pub alias: bool,
    /// Every part of a name of two parts or more is there in order, each spelled the same,
    /// almost (a sound or a letter changed) or as its initial, at least one exactly: a name
    /// damaged in transit or shortened (`Tereza Mendes`, `R. Benoit`) — or one word that is a
    /// chat handle writing the surname in full ([`Handle::writes_surname`]: `robbenoit`,
    /// `rbenoit`).
    pub spelled: bool,
    /// One word that is a chat handle of the name, spelled as the name is (`harukah` of
    /// Haruka Hashimoto, `rbenoit` of Rob Benoit; see [`handle_of`]).
    pub handle: bool,
    /// Some part only sounds or is spelled like the name's (`Kyara` for Gary, `lgarcia` for
    /// Garcia): [`Level::Phonetic`], [`Level::Close`] or [`Level::Near`].
    pub respelled: bool,
    /// Some part contradicts the name's ([`Level::Disagree`]): a middle word of its own
    /// (`Maarten van den Berg` of Maarten van der Berg, another family) or an initial not theirs.
    pub contradicted: bool,
    /// Some part is a nickname of the name's about as long as it ([`Level::Nickname`]: `Anne`
    /// for Anna, `Clara` for Claire, `Sara` for Sarah, which the nickname tables pair but are
    /// names of their own), not a short form of it (`Tiff` for Tiffany, `Bill` for William).
    pub nicknamed: bool,
    /// Some part is any nickname of the name's, or it of the part ([`Level::Nickname`]:
    /// `Maximilian` for Max, `Bill` for William): the name is reached, not written.
    pub by_nickname: bool,
}

impl NameMatch<'_> {
    /// The figures a decision reads.
    pub fn score(&self) -> NameScore {
        NameScore {
            bits: self.bits,
            exact: self.exact,
            plausible: self.plausible,
            alias: self.alias,
            spelled: self.spelled,
            handle: self.handle,
            respelled: self
                .parts
                .iter()
                .any(|p| matches!(p.level, Level::Phonetic | Level::Close | Level::Near)),
            contradicted: self.parts.iter().any(|p| p.level == Level::Disagree),
            nicknamed: self.parts.iter().any(|p| {
                p.level == Level::Nickname
                    && p.mention.chars().count().abs_diff(p.name.chars().count()) <= 1
            }),
            by_nickname: self.parts.iter().any(|p| p.level == Level::Nickname),
        }
    }

    /// The comparison in words, for a mention's reasons.
    pub fn describe(&self) -> Vec<String> {
        self.weights()
            .into_iter()
            .map(|w| w.words.to_string())
            .collect()
    }

    /// Each part's comparison and what it weighed: `phonetics` for a part that only sounds
    /// alike, `name` otherwise; what the name's frequency took off or added, as `name` too.
    pub fn weights(&self) -> Vec<crate::review::Weight> {
        let mut out: Vec<crate::review::Weight> = self
            .parts
            .iter()
            .map(|p| crate::review::Weight {
                factor: if p.level == Level::Phonetic {
                    "phonetics"
                } else {
                    "name"
                }
                .into(),
                bits: p.bits,
                words: p.in_words().into(),
            })
            .collect();
        let rest = self.bits - out.iter().map(|w| w.bits).sum::<f64>();
        if rest.abs() >= 0.05 {
            out.push(crate::review::Weight {
                factor: "name".into(),
                bits: rest,
                words: format!("how many names in the vault are like '{}'", self.form).into(),
            });
        }
        out
    }
}

/// True when `key`, a folded word, is an honorific or a rank no name table knows as a given
/// name (`dr`, `lord`, `captain`, `ayatollah`; not `earl`): it says what someone is, not who.
pub fn is_title(key: &str) -> bool {
    particles::is_honorific(key) || particles::is_rank(key) && nicknames::id(key).is_none()
}

/// True when the written `word` (`Dr.`, `Herr`, `Captain`) is a title ([`is_title`]): folded
/// only where it is short enough to be one, as most words of prose are not.
pub fn is_title_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    if word.len() > 12 || !word.starts_with(char::is_alphabetic) {
        return false;
    }
    if word.is_ascii() {
        let mut lower = [0u8; 12];
        let lower = &mut lower[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(is_title);
    }
    normalize::word_key(word).is_some_and(|k| is_title(&k))
}

/// `name` without the honorifics and ranks that open it (`Müller` of `Herr Müller`, `Wolfgang
/// Öhlinger` of `Prof. Dr. Wolfgang Öhlinger`); `name` itself where nothing else would be left.
pub fn without_titles(name: &str) -> &str {
    let mut rest = name.trim_start();
    while let Some((first, after)) = rest.split_once(char::is_whitespace) {
        let after = after.trim_start();
        if after.is_empty() || !is_title_word(first) {
            break;
        }
        rest = after;
    }
    rest
}

/// True when a name's last word is written in lowercase and is no particle (`Homo
/// heidelbergensis`): a term, not a given name and a surname.
fn names_a_term(name: &str) -> bool {
    name.split_whitespace().last().is_some_and(|last| {
        last.chars().next().is_some_and(char::is_lowercase) && !is_particle(last)
    })
}

/// Scores the mention parts against every name form of `entity`, keeping the best.
/// `acronym` is the mention written in capitals (`ARC`), when it is one word.
pub fn match_entity<'a>(
    mention: &'a [Token],
    entity: &'a EntityKeys,
    names: &EntityNames,
    acronym: Option<&'a str>,
) -> Option<NameMatch<'a>> {
    // A one-word alias (`Seun`) answers one-word mentions; longer mentions meet the forms that
    // carry a surname (`Seun Wieczorek`).
    let long_forms = entity.forms.iter().any(|f| f.tokens.len() > 1);
    // An everyday word alone is no part of an alias of several words: such an alias is an
    // epithet or a title (`Raven Lord`, `The Scarlet Raven`), and `Lord` or `Raven` in prose is
    // someone else's or a word.
    let everyday_word = matches!(mention, [word] if everyday::is_common_word(&word.key));
    // Nor is a person's first word alone them where it is an honorific or a rank (`Lord`,
    // `Captain`; a rank some name table knows as a given name, `Earl`, may be one): "Duties of a
    // Lord" is about any lord, not Lord Edmar Vayne. Nor where the name's last word is written
    // in lowercase and is no particle (`Homo heidelbergensis`, a species): the name is a term,
    // no given name and surname, and `Homo` of `Homo erectus` is another.
    let first_word_names_no_one = |f: &NameForm| match (mention, f.tokens.as_slice()) {
        ([word], [first, _, ..]) => {
            entity.kind == NoteKind::Person
                && word.key == first.key
                && (is_title(&word.key) || names_a_term(&f.text))
        }
        _ => false,
    };
    // Honorifics and ranks before a person's name say what they are, not who (`Herr Müller`,
    // `Prof. Dr. Wolfgang Öhlinger`): the name after them is scored too.
    let untitled = (entity.kind == NoteKind::Person && mention.len() > 1)
        .then(|| mention.iter().take_while(|t| is_title(&t.key)).count())
        .filter(|titles| *titles > 0)
        .and_then(|titles| mention.get(titles..))
        .filter(|rest| !rest.is_empty());
    let mut best = entity
        .forms
        .iter()
        .filter(|f| mention.len() < 2 || f.tokens.len() > 1 || !long_forms)
        .filter(|f| !(everyday_word && f.alias && f.tokens.len() > 1))
        .filter(|f| !first_word_names_no_one(f))
        .filter(|f| !f.whole_only)
        .flat_map(|form| {
            let written = match_form(mention, Form::of(form), entity.kind, names);
            let named = untitled.and_then(|rest| {
                let fits = rest.len() < 2 || form.tokens.len() > 1 || !long_forms;
                fits.then(|| match_form(rest, Form::of(form), entity.kind, names))
                    .flatten()
            });
            [written, named]
        })
        .flatten()
        .max_by(|a, b| a.bits.total_cmp(&b.bits));
    if let (Some(a), Some(own)) = (acronym, entity.acronym.as_deref()) {
        if a == own && best.as_ref().is_none_or(|b| b.bits < ACRONYM_BITS) {
            let bits = ACRONYM_BITS - log2_count(names.by_acronym(own).count());
            best = Some(NameMatch {
                bits,
                exact: true,
                plausible: true,
                alias: false,
                spelled: false,
                handle: false,
                tail_only: false,
                parts: vec![PartMatch {
                    mention: a,
                    name: &entity.title,
                    level: Level::Exact,
                    bits,
                }],
                form: &entity.title,
            });
        }
    }
    best
}

/// False when no part of `mention` can agree with a part of the entity's names beyond what the
/// name lookups find: a cheap test before scoring someone no lookup reached. A part that agrees
/// starts with the same letter, or ends the other (`Seun` of `Oluwaseun`).
pub fn may_agree(mention: &[Token], entity: &EntityKeys) -> bool {
    mention.iter().any(|m| {
        entity.forms.iter().flat_map(|f| &f.tokens).any(|e| {
            m.key.chars().next() == e.key.chars().next()
                || e.key.ends_with(m.key.as_str())
                || m.key.ends_with(e.key.as_str())
        })
    })
}

/// The name score of `mention` as a misheard rendering of a person's name: the given name agrees
/// exactly (or as a nickname) and the surname, though it contradicts, starts with the same
/// letter (`Rob Banga` for Rob Benoit). Only a mention crediting a line that names the person in
/// full may be read this way (see [`MISHEARD_SURNAME_BITS`]).
pub fn misheard_surname(
    mention: &[Token],
    entity: &EntityKeys,
    names: &EntityNames,
) -> Option<NameScore> {
    let [first_m, last_m] = mention else {
        return None;
    };
    if entity.kind != NoteKind::Person {
        return None;
    }
    entity
        .forms
        .iter()
        .filter(|f| f.tokens.len() > 1)
        .filter_map(|f| {
            let (first_e, last_e) = (f.tokens.first()?, f.tokens.last()?);
            let given = pair(first_m, first_e, names);
            let same_initial = last_m.key.chars().next() == last_e.key.chars().next();
            (given.level.is_exact() && same_initial).then_some(NameScore {
                bits: given.bits + MISHEARD_SURNAME_BITS,
                exact: false,
                plausible: true,
                alias: f.alias,
                spelled: false,
                handle: false,
                respelled: true,
                contradicted: false,
                nicknamed: false,
                by_nickname: given.level == Level::Nickname,
            })
        })
        .max_by(|a, b| a.bits.total_cmp(&b.bits))
}

/// True when `mention` is one of `entity`'s whole names damaged in transit, the only kind of
/// difference a link the user wrote may be corrected for: every part is there, in order, at
/// least one is spelled the same, and each other one sounds or is spelled almost like its
/// counterpart (`Nico Dukic` for Niko Dukic). Never a numeral that differs (`Ramesses III` is
/// not Ramesses II), never a part that is itself an everyday word or someone's name part (a
/// different word, not a damaged one), never a nickname (a name the writer chose).
pub fn same_whole_name(mention: &[Token], entity: &EntityKeys, names: &EntityNames) -> bool {
    mention.len() >= 2
        && entity
            .forms
            .iter()
            .filter(|f| f.tokens.len() == mention.len())
            .any(|f| {
                let levels: Vec<Level> = mention
                    .iter()
                    .zip(&f.tokens)
                    .map(|(m, e)| compare(m, e))
                    .collect();
                levels.contains(&Level::Exact)
                    && mention
                        .iter()
                        .zip(&f.tokens)
                        .zip(&levels)
                        .all(|((m, e), level)| {
                            *level == Level::Exact
                                || (matches!(level, Level::Phonetic | Level::Close)
                                    && !is_numeral(&m.key)
                                    && !is_numeral(&e.key)
                                    && !everyday::is_common_word(&m.key)
                                    && !names.has_part(m))
                        })
            })
}

/// True when one of `entity`'s names writes the part `key` before a Roman numeral (`Thutmose
/// III` for `thutmose`): the vault numbers those of that name.
pub fn numbers_after(entity: &EntityKeys, key: &str) -> bool {
    entity.forms.iter().any(|f| {
        f.tokens.windows(2).any(|w| {
            w[0].key == key
                && !w[1].key.bytes().any(|b| b.is_ascii_digit())
                && is_numeral(&w[1].key)
        })
    })
}

/// A part that counts rather than names: digits, or a Roman numeral up to 39 (`II`, `xiv`), the
/// numbers of rulers, popes and sequels.
pub fn is_numeral(key: &str) -> bool {
    // Most parts are neither: a Roman numeral starts with `i`, `v` or `x`, and a part holding a
    // digit is taken as a number wherever the digit is.
    if !matches!(key.as_bytes().first(), Some(b'i' | b'v' | b'x'))
        && !key.bytes().any(|b| b.is_ascii_digit())
    {
        return false;
    }
    if key.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let units = key.trim_start_matches('x');
    key.len() - units.len() <= 3
        && !key.is_empty()
        && ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"].contains(&units)
}

/// Scores mention parts against a name that has no note yet (a participant without one).
pub fn match_local<'a>(mention: &'a [Token], name: &'a [Token]) -> Option<NameMatch<'a>> {
    let form = Form {
        text: "",
        alias: false,
        tokens: name,
        joined: None,
    };
    match_form(mention, form, NoteKind::Person, no_names())
}

/// A vault without names, which a name without a note is scored in: made once, not per score.
fn no_names() -> &'static EntityNames {
    static NO_NAMES: std::sync::LazyLock<EntityNames> =
        std::sync::LazyLock::new(EntityNames::default);
    &NO_NAMES
}

/// What scoring reads of a name form.
#[derive(Clone, Copy)]
struct Form<'a> {
    text: &'a str,
    alias: bool,
    tokens: &'a [Token],
    joined: Option<&'a Token>,
}

impl<'a> Form<'a> {
    fn of(form: &'a NameForm) -> Self {
        Form {
            text: &form.text,
            alias: form.alias,
            tokens: form.own_tokens(),
            joined: form.joined.as_ref(),
        }
    }
}

fn log2_count(n: usize) -> f64 {
    (n.max(1) as f64).log2()
}

/// Bits of one aligned pair, lowered for parts many entities share.
fn pair<'a>(m: &'a Token, e: &'a Token, names: &EntityNames) -> PartMatch<'a> {
    let level = compare(m, e);
    let shared = match level {
        Level::Exact | Level::Nickname => names.token_count(&e.key).max(names.token_count(&e.alt)),
        Level::Phonetic => m
            .codes
            .iter()
            .filter(|c| e.codes.contains(c))
            .map(|c| names.code_count(c))
            .min()
            .unwrap_or(1),
        _ => 1,
    };
    let bits = if level == Level::Exact && is_numeral(&e.key) {
        // The same number says which of a name's bearers, not who (`Agesilaus II` and
        // Ramesses II share only it).
        0.0
    } else if level.agrees() {
        level.bits() - log2_count(shared)
    } else {
        level.bits()
    };
    PartMatch {
        mention: &m.key,
        name: &e.key,
        level,
        bits,
    }
}

/// The first middle word of a person's name written with as many words as the name has that
/// contradicts the name's word there, or, written with fewer, that is like none of the name's
/// middle words (`Nguyễn Văn Anh` of Nguyễn Thị Ngọc Anh): `Pieter van den Berg` is not Pieter van
/// der Berg (a particle is a closed word, and another one is another family) and `Mary Louise
/// Smith` is not Mary Jane Smith: two given names the name tables know that are only spelled alike
/// ([`Level::Near`]) or not at all, or any two words alike in nothing, not even their first sound
/// (`María Luisa García López` is not María José García López). A middle word spelled, heard or
/// abbreviated alike agrees (`John F. Kennedy`), and so does one that starts with the same sound
/// and is no given name the tables know (a transcript's `Trần Dook Hải` of Trần Đức Hải, `Tran
/// Knock Huong` of Trần Ngọc Hương).
fn middle_contradiction<'a>(mention: &'a [Token], name: &'a [Token]) -> Option<PartMatch<'a>> {
    if mention.len() < 3 || name.len() < mention.len() {
        return None;
    }
    let middle = |words: &'a [Token]| words.get(1..words.len() - 1).unwrap_or_default();
    let unlike = |m: &Token, e: &Token| {
        if is_particle(&m.key) && is_particle(&e.key) {
            !m.same_letters(e)
        } else {
            // Two given names the name tables know, not alike, or two words alike in
            // nothing, not even their first sound (`María Luisa` of María José, `Lê Thi
            // Hung` of Lê Minh Hùng): a misheard or garbled middle word (`Trần Dook Hải`,
            // `Tran Knock Huong` of Trần Ngọc Hương) or an initial written out (`John
            // Davison Rockefeller` of John D.) is no name.
            let level = compare(m, e);
            let known = m.nickname.is_some() && e.nickname.is_some();
            (known && matches!(level, Level::Near | Level::Disagree))
                || (level == Level::Disagree && !same_first_sound(m, e))
        }
    };
    let (ms, es) = (middle(mention), middle(name));
    let found = if mention.len() == name.len() {
        ms.iter().zip(es).find(|(m, e)| unlike(m, e))
    } else {
        // Written with fewer middle words than the name has, each is one of them, or some of
        // the name's words run together (`pierredela` of Jean-Pierre de la Fontaine): `Nguyễn
        // Văn Anh` is no Nguyễn Thị Ngọc Anh, who may be written `Nguyễn Ngọc Anh`.
        let run_together = || -> String {
            (name.iter())
                .flat_map(|e| e.key.chars().filter(|c| c.is_alphanumeric()))
                .collect()
        };
        ms.iter()
            .find(|m| es.iter().all(|e| unlike(m, e)) && !run_together().contains(m.key.as_str()))
            .zip(es.first())
    };
    found.map(|(m, e)| PartMatch {
        mention: &m.key,
        name: &e.key,
        level: Level::Disagree,
        bits: DISAGREE_BITS,
    })
}

/// The first middle word of a person's name written with more words than the name has that
/// starts with another letter than the initial the name writes there, run together with the
/// first (`T.W. Ashgrove`, folded to one part `tw`): `T. Rowan Ashgrove` is not T.W.
/// Ashgrove, whose second initial is W, while `T. Wendell Ashgrove` may be.
fn initials_contradiction<'a>(
    mention: &'a [Token],
    name: &'a [Token],
    text: &str,
) -> Option<PartMatch<'a>> {
    let first = name.first()?;
    if mention.len() < 3 || name.len() >= mention.len() {
        return None;
    }
    let initials: Vec<char> = text.split_whitespace().find_map(|word| {
        if !word.contains('.') {
            return None;
        }
        let letters = word
            .split('.')
            .filter(|piece| !piece.is_empty())
            .map(|piece| {
                let mut chars = piece.chars();
                match (chars.next(), chars.next()) {
                    (Some(letter), None) if letter.is_alphabetic() => {
                        Some(letter.to_lowercase().next().unwrap_or(letter))
                    }
                    _ => None,
                }
            })
            .collect::<Option<Vec<char>>>()?;
        (letters.len() >= 2 && letters.iter().copied().eq(first.key.chars())).then_some(letters)
    })?;
    mention
        .get(1..mention.len() - 1)?
        .iter()
        .zip(initials.iter().skip(1))
        .find(|(m, initial)| !m.key.starts_with(**initial))
        .map(|(m, _)| PartMatch {
            mention: &m.key,
            name: &first.key,
            level: Level::Disagree,
            bits: DISAGREE_BITS,
        })
}

/// True when the two parts may start with one sound: a phonetic code of each starts alike
/// (`Knock` heard for Ngọc, both `N`), or, where one has no code, their first letters.
fn same_first_sound(m: &Token, e: &Token) -> bool {
    if m.codes.is_empty() || e.codes.is_empty() {
        return m.key.chars().next() == e.key.chars().next();
    }
    let theirs = || e.codes.iter().filter_map(|c| c.chars().next());
    (m.codes.iter().filter_map(|c| c.chars().next())).any(|a| theirs().any(|b| a == b))
}

/// True when `initial` is one letter that `full`, a longer part and no number, starts with
/// (`III` of Darius III has no initial `I`).
fn is_initial_of(initial: &Token, full: &Token) -> bool {
    initial.key.chars().count() == 1
        && full.key.chars().count() > 1
        && full.key.starts_with(&initial.key)
        && !is_numeral(&full.key)
}

/// True when `mention` is the last words of a person's name, from a particle the name writes
/// in lowercase on (`Van der Berg` of Pieter van der Berg, `de la Cruz`): the surname written
/// alone, with the particles that are part of it. A particle the name capitalises (`Noura Al
/// Mansouri`) may open another's name as well (`May Al Mansouri`, `May` read as the month).
fn writes_the_surname_with_particles(mention: &[Token], form: Form) -> bool {
    let name = form.tokens;
    let Some(tail) = name
        .len()
        .checked_sub(mention.len())
        .and_then(|at| name.get(at..))
    else {
        return false;
    };
    let lowercase_particle = (form.text.split_whitespace().rev().nth(mention.len() - 1))
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    mention.len() >= 2
        && tail.len() < name.len()
        && lowercase_particle
        && mention.first().is_some_and(|m| is_particle(&m.key))
        && mention.iter().zip(tail).all(|(m, e)| m.same_letters(e))
}

/// True when the written part `m` is the end of the longer surname `e` and not one half of a
/// double surname (`Raman` of Venkataraman; not `Reyes` of Stanley-Reyes).
fn ends_another_surname(m: &Token, e: &Token) -> bool {
    (e.key.strip_suffix(m.key.as_str()))
        .is_some_and(|rest| !rest.is_empty() && !rest.ends_with(['-', ' ']))
}

/// [`pair`] for a person's surname, which has no nicknames (`Frank` is no nickname of the
/// surname Francis).
fn surname_pair<'a>(m: &'a Token, e: &'a Token, names: &EntityNames) -> PartMatch<'a> {
    let mut p = pair(m, e, names);
    if p.level == Level::Nickname {
        p.level = Level::Disagree;
        p.bits = DISAGREE_BITS;
    }
    p
}

fn match_form<'a>(
    mention: &'a [Token],
    form: Form<'a>,
    kind: NoteKind,
    names: &EntityNames,
) -> Option<NameMatch<'a>> {
    let name = form.tokens;
    let (first_m, last_m) = (mention.first()?, mention.last()?);
    let (first_e, last_e) = (name.first()?, name.last()?);
    let mut parts: Vec<PartMatch> = Vec::with_capacity(mention.len().min(name.len()).max(1));
    let mut extra = 0usize;
    let mut tail_only = false;
    let mut partial = false;
    let mut order = 0.0;
    // Where a handle reading sits among the one-word options, and how it writes the name.
    let mut handle_at: Option<(usize, Handle)> = None;
    let mut handle_spelled = false;
    let mut handle_read = false;
    if mention.len() == 1 {
        // One word: a given name or surname of a person, the leading word of an organisation,
        // or the whole name run together.
        // Letters before a part that are no initials of the name's others make another name.
        let spelled_on = |mut p: PartMatch<'a>, e: &Token| {
            if kind == NoteKind::Person && written_on_before(first_m, e, name) {
                p.level = Level::Disagree;
                p.bits = DISAGREE_BITS;
            }
            p
        };
        let mut options = vec![spelled_on(pair(first_m, first_e, names), first_e)];
        if kind == NoteKind::Person && name.len() > 1 {
            let mut surname = spelled_on(surname_pair(first_m, last_e, names), last_e);
            // A word alone is no short form of a surname (`Anson` of Stefanson), however
            // speech-to-text may split one (`Wen Delin` for Wendelin); and a given name the
            // name tables know, alone, is someone's given name, only by chance like a surname
            // (`Dave` of Amy Davies, `Ian` of Sara Ewan).
            let given_name = first_m.nickname.is_some() && surname.level != Level::Exact;
            if surname.level == Level::ShortForm || given_name {
                surname.level = Level::Disagree;
                surname.bits = DISAGREE_BITS;
            }
            surname.bits += SURNAME_ONLY_BITS;
            options.push(surname);
        }
        let handled = (kind == NoteKind::Person)
            .then(|| handle(first_m, name, names))
            .flatten();
        if let Some((part, form)) = handled {
            handle_at = Some((options.len(), form));
            options.push(part);
        }
        if let Some(joined) = form.joined.filter(|_| kind == NoteKind::Org) {
            // A name run together (`UKMAT`) must sound like all of it, not end like it.
            let whole = pair(first_m, joined, names);
            if whole.level <= Level::Close {
                options.push(whole);
            }
        }
        let best = options
            .into_iter()
            .enumerate()
            .max_by(|a, b| a.1.bits.total_cmp(&b.1.bits))?;
        tail_only = kind == NoteKind::Person && name.len() > 1 && best.0 == 1;
        handle_read = handle_at.is_some_and(|(at, _)| at == best.0);
        handle_spelled = handle_at.is_some_and(|(at, form)| at == best.0 && form.writes_surname());
        parts.push(best.1);
    } else if kind == NoteKind::Person && writes_the_surname_with_particles(mention, form) {
        // `Van der Berg` of Pieter van der Berg: the surname alone, as one word of it is.
        let mut surname = surname_pair(last_m, last_e, names);
        surname.bits += SURNAME_ONLY_BITS;
        parts.push(surname);
        tail_only = true;
    } else if kind == NoteKind::Person || name.len() == 1 {
        let given = pair(first_m, first_e, names);
        let given_agrees = matches!(given.level, Level::Exact | Level::Nickname);
        parts.push(given);
        if name.len() > 1 {
            parts.push(if kind == NoteKind::Person {
                let mut surname = surname_pair(last_m, last_e, names);
                // Spanish names are written with the first of two surnames alone (`Rodrigo
                // Hernández` of Rodrigo Hernández Cano): the name as written, but its last word,
                // a surname and not an initial (`John D` is no surname of John D. Rockefeller).
                if surname.level == Level::Disagree && mention.len() + 1 == name.len() {
                    let first_surname = name
                        .get(mention.len() - 1)
                        .filter(|e| e.key.chars().nth(1).is_some())
                        .filter(|_| mention.iter().zip(name).all(|(m, e)| m.same_letters(e)));
                    if let Some(e) = first_surname {
                        surname = surname_pair(last_m, e, names);
                    }
                }
                // Nor is a surname written short by its end, part for part (`Priya Raman` is
                // no Priya Venkataraman), as speech-to-text may split one (`Wen Delin`).
                if surname.level == Level::ShortForm
                    && mention.len() == name.len()
                    && ends_another_surname(last_m, last_e)
                {
                    surname.level = Level::Disagree;
                    surname.bits = DISAGREE_BITS;
                }
                if given_agrees && mention.len() == name.len() && is_initial_of(last_e, last_m) {
                    // A note named with the surname's initial (`Ryan S`), the name written in
                    // full, part for part, its given name as the note's (`Ryan Schubert`).
                    surname.level = Level::Initial;
                    surname.bits = INITIAL_BITS;
                }
                surname
            } else {
                pair(last_m, last_e, names)
            });
            if let Some(swapped) = surname_first(mention, name, &parts, names) {
                parts = swapped;
                order = SWAPPED_ORDER_BITS;
            } else if kind == NoteKind::Person {
                parts.extend(middle_contradiction(mention, name));
                parts.extend(initials_contradiction(mention, name, form.text));
            }
        } else {
            extra = mention.len() - 1;
        }
    } else {
        for (m, e) in mention.iter().zip(name) {
            parts.push(pair(m, e, names));
        }
        extra = mention.len().saturating_sub(name.len());
        if let Some(at) = words_ending(mention, name).or_else(|| reordered(mention, name)) {
            let from_start: f64 =
                parts.iter().map(|p| p.bits).sum::<f64>() + extra as f64 * EXTRA_PART_BITS;
            let words: Vec<PartMatch> = mention
                .iter()
                .zip(&at)
                .filter_map(|(m, i)| Some(pair(m, name.get(*i)?, names)))
                .collect();
            if words.iter().map(|p| p.bits).sum::<f64>() + PARTIAL_ORG_BITS > from_start {
                tail_only = mention.len() < name.len() && at.first().is_some_and(|i| *i > 0);
                partial = true;
                parts = words;
                extra = 0;
            }
        }
    }
    if kind == NoteKind::Org {
        // Organisation names are not shortened the way given names are, nor is a word that
        // starts with one of their words a spelling of it (`Open` ≠ `OpenAI`, `DataSpaces` ≠
        // `Data`).
        // Where the name's words end in its run-together form (`ukmet|office`): `UKMet` drops
        // a word, as organisations are shortened, rather than cutting one.
        let word_ends: Vec<usize> = name
            .iter()
            .scan(0, |end, t| {
                *end += t.key.len();
                Some(*end)
            })
            .collect();
        let truncated = |p: &PartMatch| {
            let (short, long) = if p.mention.len() <= p.name.len() {
                (p.mention, p.name)
            } else {
                (p.name, p.mention)
            };
            let drops_words =
                form.joined.is_some_and(|j| j.key == p.name) && word_ends.contains(&short.len());
            p.level == Level::ShortForm
                || (p.level != Level::Exact
                    && long.len() >= short.len() + 2
                    && long.starts_with(short)
                    && !drops_words)
        };
        for p in parts.iter_mut().filter(|p| truncated(p)) {
            p.level = Level::Disagree;
            p.bits = DISAGREE_BITS;
        }
    }
    let bits = parts.iter().map(|p| p.bits).sum::<f64>()
        + extra as f64 * EXTRA_PART_BITS
        + order
        + if partial { PARTIAL_ORG_BITS } else { 0.0 };
    // A person's name written with more parts than it has, the ones between unplaced: a name
    // split or misheard (`Oskar Wen Delin`) still writes one of its parts as the name does;
    // words that only sound like a given name and a surname around another
    // (`Donna Hill Krauss` ~ Dana Kraus) are some other name.
    let loose = kind == NoteKind::Person
        && name.len() > 1
        && mention.len() > name.len()
        && !parts.iter().any(|p| p.level.is_exact());
    // A name of one word written inside a longer run (`Wren Tower`, `Vale Sisters` ~ Vale):
    // the run's other words are none of the name's, so the run is some other name.
    let longer = name.len() == 1 && mention.len() > 1;
    let spelled = handle_spelled
        || parts.len() >= 2
            && extra == 0
            && !partial
            && order == 0.0
            // A title the same (`Ayatollah`, `Captain`) says what someone is, not who.
            && parts
                .iter()
                .any(|p| p.level == Level::Exact && !is_title(p.name))
            && parts
                .iter()
                .all(|p| p.level <= Level::Close || p.level == Level::Initial);
    Some(NameMatch {
        bits,
        spelled,
        handle: handle_read,
        exact: extra == 0 && parts.iter().all(|p| p.level.is_exact()),
        plausible: !loose
            && !longer
            && parts.iter().any(|p| p.level.agrees())
            && parts.iter().all(|p| p.level != Level::Disagree),
        alias: form.alias,
        tail_only,
        parts,
        form: form.text,
    })
}

/// How a chat handle writes a person's name ([`handles`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handle {
    /// Given name and surname run together: `robbenoit` (`rob.benoit`, `rob_benoit` folded).
    Whole,
    /// The given name's initial and the surname: `rbenoit`.
    InitialSurname,
    /// The given name and the surname's initial: `robb`, `rob_b`.
    GivenInitial,
}

impl Handle {
    /// True when the handle writes the surname in full: like `R. Benoit`, it names the person
    /// on its own in prose; `robb` needs the note to say who is meant, as `Rob B.` does.
    pub fn writes_surname(self) -> bool {
        matches!(self, Handle::Whole | Handle::InitialSurname)
    }
}

/// The chat handles a person with name parts `name` is written as in prose ([`Handle`]).
/// None for a one-part name, nor a handle of fewer than five letters or that is an everyday
/// word.
pub fn handles(name: &[Token]) -> impl Iterator<Item = (String, Handle)> + '_ {
    let parts = match name {
        [given, .., surname] => Some((given.key.as_str(), surname.key.as_str())),
        _ => None,
    };
    parts
        .into_iter()
        .flat_map(|(g, s)| {
            let initial = |w: &str| w.chars().next().map(String::from).unwrap_or_default();
            [
                (format!("{g}{s}"), Handle::Whole),
                (format!("{}{s}", initial(g)), Handle::InitialSurname),
                (format!("{g}{}", initial(s)), Handle::GivenInitial),
            ]
        })
        // Short handles (`al` + `l`) and everyday words are words first.
        .filter(|(h, _)| h.len() >= 5 && !everyday::is_common_word(h))
}

/// True when `word` is written as chat handles with an initial are typed, in letters without
/// accents: `nhieu` may be Nguyễn Minh Hiếu's handle, the Vietnamese word `NHIỀU` ("more") is
/// not. A whole name run together keeps its accents (`AdébáyọÒgúnlẹsì`).
pub fn typed_as_handles_are(word: &Token) -> bool {
    word.marked.as_deref().is_none_or(|m| m == word.key)
}

/// Which of the [`handles`] of a person named `name` the word `key` is, if any: the first of
/// them it equals, recognised without writing them out (a word is compared with every person's
/// name parts).
pub fn handle_of(key: &str, name: &[Token]) -> Option<Handle> {
    let [given, .., surname] = name else {
        return None;
    };
    if key.len() < 5 || everyday::is_common_word(key) {
        return None;
    }
    let (g, s) = (given.key.as_str(), surname.key.as_str());
    fn initial(w: &str) -> &str {
        w.get(..w.chars().next().map_or(0, char::len_utf8))
            .unwrap_or("")
    }
    let is = |head: &str, tail: &str| key.strip_prefix(head) == Some(tail);
    if is(g, s) {
        Some(Handle::Whole)
    } else if is(initial(g), s) {
        Some(Handle::InitialSurname)
    } else if is(g, initial(s)) {
        Some(Handle::GivenInitial)
    } else {
        None
    }
}

/// The best reading of one word as a handle of a person named `name` ([`handles`]), and how it
/// writes the name: the whole name run together matches exactly; a handle with an initial is a
/// short form of it, worth the part written in full and an initial.
fn handle<'a>(
    word: &'a Token,
    name: &'a [Token],
    names: &EntityNames,
) -> Option<(PartMatch<'a>, Handle)> {
    let (given, surname) = (name.first()?, name.last()?);
    let form = handle_of(&word.key, name)?;
    if form != Handle::Whole && !typed_as_handles_are(word) {
        return None;
    }
    let bits = match form {
        Handle::Whole => pair(given, given, names).bits + pair(surname, surname, names).bits,
        Handle::InitialSurname => pair(surname, surname, names).bits + INITIAL_BITS,
        Handle::GivenInitial => pair(given, given, names).bits + INITIAL_BITS,
    };
    let part = PartMatch {
        mention: &word.key,
        name: &surname.key,
        level: if form == Handle::Whole {
            Level::Exact
        } else {
            Level::ShortForm
        },
        bits,
    };
    Some((part, form))
}

/// The parts of a two-word `mention` aligned surname first with a person's `name` (`Zięcik
/// Łukasz` for Łukasz Zięcik), when that order explains the mention better than `straight`, the
/// parts in the usual order: both parts agree, at least one of them exactly.
fn surname_first<'a>(
    mention: &'a [Token],
    name: &'a [Token],
    straight: &[PartMatch],
    names: &EntityNames,
) -> Option<Vec<PartMatch<'a>>> {
    let ([first_m, last_m], (Some(first_e), Some(last_e))) = (mention, (name.first(), name.last()))
    else {
        return None;
    };
    let swapped = vec![
        surname_pair(first_m, last_e, names),
        pair(last_m, first_e, names),
    ];
    let sum = |parts: &[PartMatch]| parts.iter().map(|p| p.bits).sum::<f64>();
    (swapped.iter().all(|p| p.level.agrees())
        && swapped.iter().any(|p| p.level == Level::Exact)
        && sum(&swapped) + SWAPPED_ORDER_BITS > sum(straight))
    .then_some(swapped)
}

/// Where the words of `mention` stand in `name` when the mention is some of the name's words
/// but not its opening ones (`Water Authority`, `Mirelle Consortium`): each spelled as the name
/// spells it, in the name's order, the last being the name's last word, and at least
/// [`MIN_PARTIAL_ORG_WORDS`] of them more than joining words (`of Spain` is not enough).
/// `None` for a mention that is the name or its opening words, or anything else.
fn words_ending(mention: &[Token], name: &[Token]) -> Option<Vec<usize>> {
    if !enough_words(mention) || mention.len() >= name.len() {
        return None;
    }
    let (last_m, rest) = mention.split_last()?;
    let mut end = name.len().checked_sub(1)?;
    if !last_m.same_letters(name.get(end)?) {
        return None;
    }
    // The other words, right to left, each at the last place before the word after it.
    let mut at = vec![end];
    for m in rest.iter().rev() {
        end = name.get(..end)?.iter().rposition(|e| m.same_letters(e))?;
        at.push(end);
    }
    at.reverse();
    Some(at)
}

/// Where the words of `mention` stand in `name` when the mention is every word of the name,
/// each spelled as the name spells it, in another order (`Water Authority Kelpford`), and at
/// least [`MIN_PARTIAL_ORG_WORDS`] of them more than joining words.
fn reordered(mention: &[Token], name: &[Token]) -> Option<Vec<usize>> {
    if !enough_words(mention) || mention.len() != name.len() {
        return None;
    }
    let mut at: Vec<usize> = Vec::with_capacity(mention.len());
    for m in mention {
        let i = (0..name.len())
            .find(|i| !at.contains(i) && name.get(*i).is_some_and(|e| m.same_letters(e)))?;
        at.push(i);
    }
    at.windows(2).any(|w| w[0] > w[1]).then_some(at)
}

/// True when at least [`MIN_PARTIAL_ORG_WORDS`] of the words are more than joining words.
fn enough_words(mention: &[Token]) -> bool {
    mention
        .iter()
        .filter(|t| !keys::is_joining_word(&t.key))
        .count()
        >= MIN_PARTIAL_ORG_WORDS
}

/// True when `mention` names the organisation `entity` by at least [`MIN_PARTIAL_ORG_WORDS`]
/// words of one of its names, each spelled as the name spells it, ending with the name's last
/// word: the whole name, or some of its words as [`words_ending`] takes them (`mirelle
/// consortium`, `science consortium`; not `north ferro` of North Ferro Sound, which could be a
/// place).
pub fn ends_org_name(mention: &[Token], entity: &EntityKeys) -> bool {
    entity.kind == NoteKind::Org
        && enough_words(mention)
        && entity.forms.iter().any(|f| {
            let whole = f.tokens.len() == mention.len()
                && f.tokens.iter().zip(mention).all(|(e, m)| m.same_letters(e));
            whole || words_ending(mention, &f.tokens).is_some()
        })
}

/// The bits context adds in a note naming `named` entities of a kind the vault holds
/// `population` of: log2 of `CONTEXT_M` over the chance a random entity is among them.
pub fn context_bits(m: f64, population: usize, named: usize) -> f64 {
    let ratio = m * population.max(1) as f64 / named.max(1) as f64;
    ratio.log2().clamp(CONTEXT_MIN_BITS, CONTEXT_MAX_BITS)
}

/// The bits a candidate the note does *not* name loses (as does "someone new") when the note
/// names some entities of its kind: the context comparison disagrees, log2 of
/// `(1 - CONTEXT_M) / (1 - share named)`.
pub fn absent_bits(population: usize, named: usize) -> f64 {
    if named == 0 {
        return 0.0;
    }
    let share = (named as f64 / population.max(1) as f64).min(0.5);
    ((1.0 - CONTEXT_M) / (1.0 - share))
        .log2()
        .max(-CONTEXT_MAX_BITS)
}

/// Turns evidence bits into probabilities: a softmax over the candidates and "someone new",
/// whose evidence is `unseen_bits` ([`UNSEEN_BITS`] plus any context disagreement).
/// Returns the candidates' probabilities (same order) and the probability of "someone new".
pub fn probabilities(bits: &[f64], unseen_bits: f64) -> (Vec<f64>, f64) {
    let top = bits.iter().copied().fold(unseen_bits, f64::max);
    let weights: Vec<f64> = bits.iter().map(|b| (b - top).exp2()).collect();
    let unseen = (unseen_bits - top).exp2();
    let total: f64 = weights.iter().sum::<f64>() + unseen;
    (weights.iter().map(|w| w / total).collect(), unseen / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Token {
        Token::new(s).unwrap()
    }

    #[test]
    fn a_surname_misheard_is_told_from_a_strangers() {
        for (heard, name) in [
            ("Wu", "Vu"),
            ("Espositu", "Esposito"),
            ("Piikach", "Piekacz"),
            ("Mulagami", "Murakami"),
            ("Ocolo", "Okoro"),
        ] {
            assert!(could_be_misheard(&t(heard), &t(name)), "{heard} {name}");
        }
        for (stranger, name) in [
            ("Bílková", "Matějková"),
            ("Hiltunen", "Järvinen"),
            ("Barrera", "Portillo"),
            ("Grantham", "Grant"),
            ("Marshall", "Marsh"),
            // The end of a longer surname is another surname.
            ("Raman", "Venkataraman"),
        ] {
            assert!(
                !could_be_misheard(&t(stranger), &t(name)),
                "{stranger} {name}"
            );
        }
    }

    #[test]
    fn a_shared_particle_says_nothing_of_the_names_after_it() {
        assert_eq!(compare(&t("al-Harbi"), &t("al-Farsi")), Level::Disagree);
        assert_eq!(
            compare(&t("al-Farsy"), &t("al-Farsi")),
            compare(&t("Farsy"), &t("Farsi"))
        );
    }

    #[test]
    fn levels_rank_renderings() {
        assert_eq!(compare(&t("JÜRGEN"), &t("Jürgen")), Level::Exact);
        assert_eq!(compare(&t("Bill"), &t("William")), Level::Nickname);
        assert_eq!(compare(&t("Nico"), &t("Niko")), Level::Phonetic);
        assert_eq!(compare(&t("Jon"), &t("Jonathan")), Level::Nickname);
        assert_eq!(compare(&t("Seun"), &t("Oluwaseun")), Level::ShortForm);
        assert_eq!(
            compare(&t("Stanley"), &t("Stanley-Reyes")),
            Level::ShortForm
        );
        assert_eq!(compare(&t("Mario"), &t("Maria")), Level::Disagree);
        assert_eq!(compare(&t("Danielle"), &t("Daniel")), Level::Disagree);
        assert_eq!(compare(&t("R"), &t("Rob")), Level::Initial);
        assert_eq!(compare(&t("Banga"), &t("Benoit")), Level::Disagree);
        assert_eq!(compare(&t("gustavosswald"), &t("Gustav")), Level::Disagree);
        assert_ne!(compare(&t("Robbie"), &t("Rob")), Level::Disagree);
        assert!(Level::Near.agrees() && !Level::Initial.agrees());
        // A syllable more or another is another name in Chinese, Japanese or Korean.
        assert_eq!(compare(&t("王明天"), &t("王明")), Level::Disagree);
        assert_eq!(compare(&t("김민준"), &t("김민수")), Level::Disagree);
        assert_eq!(compare(&t("王明"), &t("王明")), Level::Exact);
    }

    #[test]
    fn short_words_alike_only_in_their_consonants_do_not_sound_alike() {
        assert_ne!(compare(&t("Ying"), &t("Wang")), Level::Phonetic);
        for (heard, name) in [("Nico", "Niko"), ("Jing", "Ying")] {
            assert_eq!(compare(&t(heard), &t(name)), Level::Phonetic, "{heard}");
        }
    }

    #[test]
    fn a_short_word_does_not_sound_like_a_longer_one_of_more_syllables() {
        for (heard, name) in [
            ("Greg", "Georgiou"),
            ("Jon", "Johansson"),
            ("Tal", "Twilio"),
        ] {
            assert_ne!(compare(&t(heard), &t(name)), Level::Phonetic, "{heard}");
        }
        for (heard, name) in [("Igal", "eagle"), ("Aimee", "Amy"), ("Paul", "Powell")] {
            assert_eq!(compare(&t(heard), &t(name)), Level::Phonetic, "{heard}");
        }
    }

    #[test]
    fn syllables_are_runs_of_vowels_spoken() {
        for (word, n) in [
            ("greg", 1),
            ("georgiou", 2),
            ("aimee", 2),
            ("amy", 2),
            ("eagle", 2),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
        assert_eq!(syllables("maya"), 2);
        assert_eq!((syllables("e"), syllables("le"), syllables("")), (1, 1, 1));
        assert_eq!(syllables("kate"), 1);
    }

    #[test]
    fn words_that_only_begin_alike_do_not_sound_alike() {
        // Double Metaphone codes stop at four sounds: these pairs share theirs.
        for (written, name) in [
            ("Hebrides", "Hubert"),
            ("Pemberton", "pembrokeshirecouncil"),
            ("Christopher", "Christensen"),
        ] {
            assert_ne!(compare(&t(written), &t(name)), Level::Phonetic, "{written}");
        }
        // Heard as the whole name part, or as its beginning (a name said in part).
        for (heard, name) in [("Mikkelsn", "Mikkelsen"), ("Halvorsn", "halvorsenshipping")] {
            assert_eq!(compare(&t(heard), &t(name)), Level::Phonetic, "{heard}");
        }
    }

    #[test]
    fn a_given_name_with_a_vowel_added_is_another_name() {
        for (written, name) in [
            ("Victoria", "Victor"),
            ("Paula", "Paul"),
            ("Daniel", "Daniela"),
        ] {
            assert_eq!(compare(&t(written), &t(name)), Level::Disagree, "{written}");
        }
        // The same name, or a spelling of it.
        assert_eq!(compare(&t("Anna"), &t("Ann")), Level::Nickname);
        assert_ne!(compare(&t("Hannah"), &t("Hanna")), Level::Disagree);
        assert_ne!(compare(&t("Louise"), &t("Louis")), Level::Disagree);
        // Another name ends in `a` where one ends in a consonant, whatever the tables know.
        assert_eq!(compare(&t("Samira"), &t("Samir")), Level::Disagree);
        assert_eq!(compare(&t("Karim"), &t("Karima")), Level::Disagree);
        assert_ne!(compare(&t("Marco"), &t("Marc")), Level::Disagree);
        // A syllable written on makes another surname; written short, a name may be heard
        // apart (`Fem Ka` for Femke), and a particle glued on is the name's next part.
        assert_eq!(compare(&t("Marshall"), &t("Marsh")), Level::Disagree);
        assert_eq!(compare(&t("Grantham"), &t("Grant")), Level::Disagree);
        assert_ne!(compare(&t("Fem"), &t("Femke")), Level::Disagree);
        assert_ne!(compare(&t("Sannede"), &t("Sanne")), Level::Disagree);
        assert_ne!(compare(&t("Bishopp"), &t("Bishop")), Level::Disagree);
        // Letters written before a part are another's handle or name, unless they open with
        // the initial of another part of the name.
        for (written, part, name, another) in [
            ("xmwang", "Wang", "Wang Lei", true),
            ("preddy", "Reddy", "Srinivas Reddy", true),
            ("McDonald", "Donald", "Donald Ruiz", true),
            ("rlin", "Lin", "Robert Lin", false),
            ("ytzhao", "Zhao", "Zhao Yuting", false),
            ("asmoreau", "Moreau", "Anne-Sophie Moreau", false),
            ("DeJong", "Jong", "Bram Jong", false),
        ] {
            let tokens = normalize::tokens(name);
            assert_eq!(
                written_on_before(&t(written), &t(part), &tokens),
                another,
                "{written} of {name}"
            );
        }
    }

    #[test]
    fn a_number_is_the_same_or_another() {
        assert_eq!(compare(&t("III"), &t("II")), Level::Disagree);
        assert_eq!(compare(&t("II"), &t("III")), Level::Disagree);
        assert_eq!(compare(&t("I"), &t("II")), Level::Disagree);
        assert_eq!(compare(&t("XIV"), &t("xiv")), Level::Exact);
        assert_eq!(compare(&t("V"), &t("Vance")), Level::Initial);
        // A shared number alone says nothing of who.
        let (agesilaus, ramesses) = (
            normalize::tokens("Agesilaus II"),
            normalize::tokens("Ramesses II"),
        );
        let shared = pair(&agesilaus[1], &ramesses[1], no_names());
        assert_eq!((shared.level, shared.bits), (Level::Exact, 0.0));
    }

    #[test]
    fn exact_full_names_outweigh_look_alikes() {
        let (rob, banga) = (
            normalize::tokens("Rob Benoit"),
            normalize::tokens("Rob Banga"),
        );
        let exact = match_local(&rob, &rob).unwrap();
        let fuzzy = match_local(&banga, &rob).unwrap();
        assert!(exact.exact && exact.bits == 2.0 * EXACT_BITS);
        assert!(!fuzzy.exact && !fuzzy.plausible);
        assert_eq!(fuzzy.bits, EXACT_BITS + DISAGREE_BITS);
    }

    #[test]
    fn context_is_bounded() {
        assert_eq!(context_bits(CONTEXT_M, 10, 10), CONTEXT_MIN_BITS);
        assert_eq!(context_bits(CONTEXT_M, 100_000, 1), CONTEXT_MAX_BITS);
        assert!((context_bits(CONTEXT_M, 150, 5) - (0.8f64 * 30.0).log2()).abs() < 1e-9);
        assert!(context_bits(NAMED_M, 150, 5) < context_bits(CONTEXT_M, 150, 5));
    }

    #[test]
    fn probabilities_include_someone_new() {
        let (p, unseen) = probabilities(&[6.0, 6.0], UNSEEN_BITS);
        assert!((p[0] - p[1]).abs() < 1e-12);
        assert!((p[0] + p[1] + unseen - 1.0).abs() < 1e-12);
        let (p, unseen) = probabilities(&[], UNSEEN_BITS);
        assert!(p.is_empty() && unseen == 1.0);
        let (p, _) = probabilities(&[UNSEEN_BITS + 6.0], UNSEEN_BITS);
        assert!(p[0] > AUTO_PROBABILITY);
    }

    fn org_index(orgs: &[&str]) -> crate::index::VaultIndex {
        let notes: Vec<(String, &str)> = orgs
            .iter()
            .map(|o| {
                (
                    format!("Organizations/{o}.md"),
                    "---\ntype: organization\n---\n",
                )
            })
            .collect();
        crate::index::VaultIndex::build(
            crate::settings::Settings::default(),
            notes.iter().map(|(p, t)| (p.as_str(), *t)),
        )
    }

    fn best<'a>(
        mention: &'a [Token],
        index: &'a crate::index::VaultIndex,
        title: &str,
    ) -> Option<NameMatch<'a>> {
        let names = index.entity_names();
        let entity = names.get(&format!("Organizations/{title}.md"))?;
        match_entity(mention, entity, names, None)
    }

    #[test]
    fn organisations_match_by_their_later_words() {
        let index = org_index(&["Kelpford Water Authority", "Mirelle Science Consortium"]);
        let grid = normalize::tokens("Water Authority");
        let m = best(&grid, &index, "Kelpford Water Authority").unwrap();
        assert!(m.exact && m.plausible && m.tail_only);
        assert_eq!(m.bits, 2.0 * EXACT_BITS + PARTIAL_ORG_BITS);
        // Leaving out an inner word keeps the leading one: nothing is cut before it.
        let inner = normalize::tokens("mirelle consortium");
        let m = best(&inner, &index, "Mirelle Science Consortium").unwrap();
        assert!(m.exact && !m.tail_only);
        assert_eq!(m.bits, 2.0 * EXACT_BITS + PARTIAL_ORG_BITS);
        // Every word in another order.
        let swapped = normalize::tokens("Water Authority Kelpford");
        let m = best(&swapped, &index, "Kelpford Water Authority").unwrap();
        assert!(m.exact && m.bits == 3.0 * EXACT_BITS + PARTIAL_ORG_BITS);
        // The opening words match as before, without the penalty.
        let opening = normalize::tokens("Kelpford Water");
        assert_eq!(
            best(&opening, &index, "Kelpford Water Authority")
                .unwrap()
                .bits,
            2.0 * EXACT_BITS
        );
    }

    #[test]
    fn one_generic_word_or_a_misspelt_one_is_no_partial_name() {
        let index = org_index(&["Kelpford Water Authority", "Bank of Tarsia"]);
        for (mention, title) in [
            ("Authority", "Kelpford Water Authority"),
            ("Watter Authority", "Kelpford Water Authority"),
            ("Water Kelpford", "Kelpford Water Authority"),
            ("of Tarsia", "Bank of Tarsia"),
        ] {
            let tokens = normalize::tokens(mention);
            let m = best(&tokens, &index, title).unwrap();
            assert!(!m.plausible && !m.exact, "{mention}");
        }
    }

    #[test]
    fn lowercase_phrases_must_end_an_organisation_name() {
        let index = org_index(&["Mirelle Science Consortium", "North Ferro Sound"]);
        let names = index.entity_names();
        let ends = |phrase: &str, title: &str| {
            let entity = names.get(&format!("Organizations/{title}.md")).unwrap();
            ends_org_name(&normalize::tokens(phrase), entity)
        };
        assert!(ends("mirelle consortium", "Mirelle Science Consortium"));
        assert!(ends("science consortium", "Mirelle Science Consortium"));
        assert!(ends(
            "mirelle science consortium",
            "Mirelle Science Consortium"
        ));
        assert!(!ends("consortium", "Mirelle Science Consortium"));
        assert!(!ends("mirelle science", "Mirelle Science Consortium"));
        assert!(!ends("north ferro", "North Ferro Sound"));
        assert!(!ends("consortium mirelle", "Mirelle Science Consortium"));
    }

    #[test]
    fn partial_organisation_names_link_only_when_one_organisation_fits() {
        use crate::entities::{resolve_note, Decision, Scope};
        let decide = |orgs: &[&str], text: &str| {
            let index = org_index(orgs);
            let note = crate::note::Note::parse("Notes/Call.md", text);
            resolve_note(&note, &index, Scope::All)
                .into_iter()
                .map(|r| {
                    let title = r.resolution.entity.as_ref().map(|e| e.title.clone());
                    (r.found.text, r.resolution.decision, title)
                })
                .collect::<Vec<_>>()
        };
        let one = decide(
            &["Kelpford Water Authority", "Danvik Health Trust"],
            "We met Water Authority today.\nthe health trust signed.\n",
        );
        assert_eq!(
            one,
            [
                (
                    "Water Authority".to_string(),
                    Decision::Auto,
                    Some("Kelpford Water Authority".to_string())
                ),
                // Everyday words in lowercase the note names no other way: asked.
                (
                    "health trust".to_string(),
                    Decision::Review,
                    Some("Danvik Health Trust".to_string())
                ),
            ]
        );
        let two = decide(
            &[
                "Kelpford Water Authority",
                "Ostrand Water Authority",
                "Danvik Health Trust",
                "Lerwin Health Trust",
            ],
            "We met Water Authority today.\nthe health trust signed.\n",
        );
        assert_eq!(two.len(), 2);
        assert!(
            two.iter().all(|(_, d, _)| *d == Decision::Review),
            "{two:?}"
        );
        // A capitalised word before the later words is part of another name, not left out.
        let other = decide(
            &["Kelpford Water Authority"],
            "We met Yorvik Water Authority today.\n",
        );
        assert!(other.iter().all(|(_, d, _)| !d.is_confident()), "{other:?}");
        assert!(
            other.iter().all(|(t, _, _)| t != "Water Authority"),
            "{other:?}"
        );
    }

    fn people_index(people: &[&str], extra: &[(&str, &str)]) -> crate::index::VaultIndex {
        let mut notes: Vec<(String, String)> = people
            .iter()
            .map(|p| {
                (
                    format!("People/{p}.md"),
                    "---\ntype: people\n---\n".to_string(),
                )
            })
            .collect();
        notes.extend(extra.iter().map(|(p, t)| (p.to_string(), t.to_string())));
        crate::index::VaultIndex::build(
            crate::settings::Settings::default(),
            notes.iter().map(|(p, t)| (p.as_str(), t.as_str())),
        )
    }

    fn resolve(
        index: &crate::index::VaultIndex,
        text: &str,
    ) -> Vec<(String, crate::entities::Decision, Option<String>)> {
        use crate::entities::{resolve_note, Scope};
        let note = crate::note::Note::parse("Notes/Call.md", text);
        resolve_note(&note, index, Scope::All)
            .into_iter()
            .map(|r| {
                let title = r.resolution.entity.as_ref().map(|e| e.title.clone());
                (r.found.text, r.resolution.decision, title)
            })
            .collect()
    }

    #[test]
    fn names_written_surname_first_or_with_initials_match() {
        use crate::entities::Decision;
        let index = people_index(&["Ilse Vandermeer", "Tarek Oyelaran"], &[]);
        let one = |text: &str| {
            let found = resolve(&index, text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            found.into_iter().next().unwrap()
        };
        for text in [
            "The form says Vandermeer, Ilse today.\n",
            "Ask VANDERMEER Ilse today.\n",
            "Ask I. Vandermeer today.\n",
            "Ask Ilse Vandemeer today.\n",
        ] {
            let (_, decision, title) = one(text);
            assert_eq!(decision, Decision::Auto, "{text}");
            assert_eq!(title.as_deref(), Some("Ilse Vandermeer"), "{text}");
        }
        // An initial that is not theirs contradicts.
        let (_, decision, _) = one("Ask K. Vandermeer today.\n");
        assert!(!decision.is_confident());
    }

    #[test]
    fn handles_are_recognised_as_they_are_written_out() {
        let names = [
            "Ilse Vandermeer",
            "Al Li",
            "Rob Benoit",
            "Ana María Ruiz",
            "Öz Çelik",
            "Bo",
        ];
        let words = [
            "ilsevandermeer",
            "ivandermeer",
            "ilsev",
            "ilse",
            "robbenoit",
            "rbenoit",
            "robb",
            "allil",
            "alli",
            "anaruiz",
            "aruiz",
            "anar",
            "ozcelik",
            "ocelik",
            "ozc",
            "bobo",
            "benoit",
            "robbenoitx",
            "",
        ];
        for name in names {
            let tokens = normalize::tokens(name);
            for word in words {
                let written = handles(&tokens).find(|(h, _)| h == word).map(|(_, s)| s);
                assert_eq!(handle_of(word, &tokens), written, "{word} of {name}");
            }
            for (h, spelled) in handles(&tokens) {
                assert_eq!(handle_of(&h, &tokens), Some(spelled), "{h} of {name}");
            }
        }
    }

    #[test]
    fn handles_in_prose_match_a_persons_name_parts() {
        let index = people_index(&["Ilse Vandermeer", "Tarek Oyelaran"], &[]);
        for handle in ["ilsevandermeer", "ivandermeer", "ilse.vandermeer", "ilse_v"] {
            let found = resolve(&index, &format!("Got a DM from {handle} today.\n"));
            assert_eq!(found.len(), 1, "{handle}: {found:?}");
            assert_eq!(found[0].0, handle);
            assert_eq!(found[0].2.as_deref(), Some("Ilse Vandermeer"), "{handle}");
        }
        assert!(handles(&normalize::tokens("Al Li")).next().is_none());
    }

    #[test]
    fn everyday_words_are_not_names_without_the_note_saying_so() {
        let index = people_index(&["Hope Castellan"], &[]);
        let orgs = org_index(&["Northern Ledger Bank", "Kelpford Water Authority"]);
        assert!(resolve(&index, "Hope this helps.\n")
            .iter()
            .all(|(_, d, _)| !d.is_confident()));
        assert!(resolve(&orgs, "Northern sites go live first.\n")
            .iter()
            .all(|(_, d, _)| !d.is_confident()));
        // A distinctive first word still names its organisation where its capital means a
        // name (mid-sentence); opening a sentence, it takes the note naming the organisation.
        let kelp = resolve(&orgs, "Today Kelpford signed.\n");
        assert!(kelp.iter().any(|(_, d, _)| d.is_confident()), "{kelp:?}");
        let kelp = resolve(&orgs, "Kelpford signed today.\n");
        assert!(kelp.iter().all(|(_, d, _)| !d.is_confident()), "{kelp:?}");
        // Named in full in the note, the person is who the word means.
        let named = resolve(&index, "Hope Castellan joined. Hope agreed.\n");
        assert!(named.iter().all(|(_, d, _)| d.is_confident()), "{named:?}");
    }

    #[test]
    fn a_longer_name_needs_a_part_written_as_the_persons() {
        let index = people_index(&["Oskar Wendelin", "Dana Kraus"], &[]);
        let names = index.entity_names();
        let plausible = |mention: &str, path: &str| {
            let entity = names.get(path).unwrap();
            match_entity(&normalize::tokens(mention), entity, names, None)
                .is_some_and(|m| m.plausible)
        };
        // Split by speech-to-text, with a part as written: the person.
        assert!(plausible("Oskar Wen Delin", "People/Oskar Wendelin.md"));
        // Every part respelled, as names are misheard: still the person.
        assert!(plausible("Donna Krauss", "People/Dana Kraus.md"));
        // Respelled around a word the name has no place for: some other name.
        assert!(!plausible("Donna Hill Krauss", "People/Dana Kraus.md"));
    }

    #[test]
    fn surnames_have_no_nicknames() {
        let tokens = normalize::tokens("Frank");
        let index = people_index(&["Kathleen Francis"], &[]);
        let names = index.entity_names();
        let entity = names.get("People/Kathleen Francis.md").unwrap();
        let m = match_entity(&tokens, entity, names, None).unwrap();
        assert!(!m.plausible);
    }

    #[test]
    fn a_surname_with_its_particles_names_its_bearer_as_one_word_of_it_does() {
        let index = people_index(&["Pieter van der Berg", "Berg Larsen"], &[]);
        let names = index.entity_names();
        let score = |mention: &str, path: &str| {
            let entity = names.get(path).unwrap();
            let tokens = normalize::tokens(mention);
            let m = match_entity(&tokens, entity, names, None).unwrap();
            (m.tail_only, m.score())
        };
        let pieter = "People/Pieter van der Berg.md";
        let (tail_only, whole) = score("Van der Berg", pieter);
        assert!(whole.plausible && tail_only, "{whole:?}");
        assert_eq!(whole, score("Berg", pieter).1);
        // Not the same words from the particle on: another surname.
        assert!(!score("Van den Berg", pieter).1.plausible);
        assert!(!score("van der Berg", "People/Berg Larsen.md").1.plausible);
        // A particle the name capitalises may open another's name: no surname alone.
        let index = people_index(&["Noura Al Mansouri"], &[]);
        let names = index.entity_names();
        let noura = names.get("People/Noura Al Mansouri.md").unwrap();
        let tokens = normalize::tokens("Al Mansouri");
        assert!(!match_entity(&tokens, noura, names, None).unwrap().tail_only);
    }

    #[test]
    fn absent_candidates_lose_what_present_ones_gain() {
        assert_eq!(absent_bits(150, 0), 0.0);
        assert!(absent_bits(150, 10) < -2.0);
        assert!(absent_bits(150, 10) > -CONTEXT_MAX_BITS);
    }
}
