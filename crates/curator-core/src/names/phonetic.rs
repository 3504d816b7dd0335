//! Phonetic keys and name variants: Double Metaphone codes, Caverphone 2 codes for lowercase
//! speech, and a small nickname table.
//!
//! Beider-Morse is deliberately not used: its rule tables would more than double the WASM
//! module, and Double Metaphone's primary/alternate pair already joins the speech-to-text
//! renderings seen in meeting transcripts (`Nico`/`Niko`, `Wamshi`/`Vamshi`).

use rphonetic::{Caverphone2, DoubleMetaphone, Encoder};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The Caverphone 2 code of a folded word. Caverphone models non-rhotic speech (a final `r` is
/// not heard), so `leo` and `lior` share a code where Double Metaphone keeps them apart; its
/// codes are coarse, so it only ever compares speech with the names of people a note names.
pub fn caverphone(key: &str) -> String {
    Caverphone2.encode(key)
}

/// The Double Metaphone primary and alternate codes of a folded word (one when they agree).
pub fn codes(key: &str) -> Vec<String> {
    let ascii: String = key.chars().filter(char::is_ascii_alphabetic).collect();
    if ascii.is_empty() {
        return Vec::new();
    }
    let result = DoubleMetaphone::default().double_metaphone(&ascii);
    let (primary, alternate) = (result.primary(), result.alternate());
    let mut out = Vec::with_capacity(2);
    if !primary.is_empty() {
        out.push(primary);
    }
    if !alternate.is_empty() && !out.contains(&alternate) {
        out.push(alternate);
    }
    out
}

/// Groups of given names that are the same name in everyday use (first entry: the formal name).
/// General European and English usage only: a short form that merely truncates a name (`Jon`,
/// `Seun`) is found by [`is_short_form`] instead.
const NICKNAMES: &[&[&str]] = &[
    &["alexander", "alex", "sasha", "sandy", "xander"],
    &["alexandra", "alex", "sasha", "sandra"],
    &["andrew", "andy", "drew"],
    &["anthony", "tony"],
    &["benjamin", "ben", "benny"],
    &["catherine", "cathy", "kate", "katie", "cat"],
    &["katherine", "kathy", "kate", "katie", "kat"],
    &["charles", "charlie", "chuck"],
    &["christopher", "chris", "kit"],
    &["daniel", "dan", "danny"],
    &["david", "dave"],
    &["deborah", "debbie", "deb"],
    &["edward", "ed", "eddie", "ted", "ned"],
    &["elizabeth", "liz", "beth", "betty", "lisa", "eliza"],
    &["francis", "frank"],
    &["frederick", "fred", "freddie"],
    &["gregory", "greg"],
    &["henry", "harry", "hank"],
    &["isabel", "isabella", "bella"],
    &["jacob", "jake"],
    &["james", "jim", "jimmy", "jamie"],
    &["jennifer", "jen", "jenny"],
    &["john", "jack", "johnny"],
    &["jonathan", "jon", "jonny"],
    &["joseph", "joe", "joey"],
    &["joshua", "josh"],
    &["kimberly", "kim"],
    &["lawrence", "larry"],
    &["margaret", "maggie", "meg", "peggy", "greta"],
    &["matthew", "matt"],
    &["michael", "mike", "mick", "mikey"],
    &["nicholas", "nick", "nicky"],
    &["nikolai", "kolya"],
    &["patricia", "pat", "patty", "trish"],
    &["patrick", "pat", "paddy"],
    &["peter", "pete"],
    &["rebecca", "becky", "becca"],
    &["richard", "rick", "rich", "dick", "richie"],
    &["robert", "rob", "bob", "bobby", "robbie", "bert"],
    &["samuel", "sam", "sammy"],
    &["stephen", "steve", "stevie"],
    &["steven", "steve", "stevie"],
    &["susan", "sue", "susie"],
    &["theodore", "ted", "teddy", "theo"],
    &["thomas", "tom", "tommy"],
    &["timothy", "tim", "timmy"],
    &["victoria", "vicky", "tori"],
    &["william", "will", "bill", "billy", "liam"],
    &["wojciech", "wojtek"],
    &["zachary", "zach", "zack"],
];

// Each group is one bit of [`nickname_groups`].
const _: () = assert!(NICKNAMES.len() <= 64);

/// The groups of [`NICKNAMES`] holding the folded name `key`, one bit per group: two different
/// names sharing a bit are the same name in everyday use.
pub fn nickname_groups(key: &str) -> u64 {
    static GROUPS: OnceLock<HashMap<&'static str, u64>> = OnceLock::new();
    let groups = GROUPS.get_or_init(|| {
        let mut map: HashMap<&'static str, u64> = HashMap::default();
        for (i, group) in NICKNAMES.iter().enumerate() {
            for name in *group {
                *map.entry(name).or_default() |= 1 << i;
            }
        }
        map
    });
    groups.get(key).copied().unwrap_or(0)
}

fn groups(mask: u64) -> impl Iterator<Item = &'static [&'static str]> {
    NICKNAMES
        .iter()
        .enumerate()
        .filter(move |(i, _)| mask & 1 << i != 0)
        .map(|(_, group)| *group)
}

/// The names a given name reaches as nicknames, `groups` being its [`nickname_groups`]: the
/// formal names it is a nickname of (`bill` → `william`) and, for a formal name, its nicknames
/// (`william` → `will`, `bill`, …).
pub fn formal_and_nicknames(
    key: &str,
    groups_of_key: u64,
) -> impl Iterator<Item = &'static str> + '_ {
    groups(groups_of_key)
        .flat_map(move |g| match g.split_first() {
            Some((formal, rest)) if *formal == key => rest,
            _ => g.get(..1).unwrap_or(&[]),
        })
        .copied()
}

/// Every other name sharing one of `key`'s [`nickname_groups`] `groups_of_key` (`bob` →
/// `robert`, `rob`, …): the names it is the same given name as.
pub fn nicknames(key: &str, groups_of_key: u64) -> impl Iterator<Item = &'static str> + '_ {
    groups(groups_of_key)
        .flat_map(|g| g.iter().copied())
        .filter(move |n| *n != key)
}

/// True when `short` truncates `full` at either end, the way short forms are made
/// (`jon` of `jonathan`, `seun` of `oluwaseun`): at least three letters, two fewer than `full`.
pub fn is_short_form(short: &str, full: &str) -> bool {
    let (s, f) = (short.chars().count(), full.chars().count());
    s >= 3 && f >= s + 2 && (full.starts_with(short) || (s >= 4 && full.ends_with(short)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_metaphone_keeps_both_codes() {
        assert_eq!(codes("vamshi"), ["FMX"]);
        assert!(codes("wamshi").contains(&"FMX".to_string()));
        assert!(codes("").is_empty());
    }

    fn are_nicknames(a: &str, b: &str) -> bool {
        a != b && nickname_groups(a) & nickname_groups(b) != 0
    }

    #[test]
    fn nicknames_are_symmetric_and_grouped() {
        assert!(are_nicknames("rob", "robert"));
        assert!(are_nicknames("robert", "bob"));
        assert!(are_nicknames("bob", "rob"));
        assert!(!are_nicknames("rob", "rob"));
        assert!(!are_nicknames("rob", "william"));
        let reach = |k: &str| formal_and_nicknames(k, nickname_groups(k)).collect::<Vec<_>>();
        assert_eq!(reach("bill"), ["william"]);
        assert!(reach("william").contains(&"bill"));
        assert!(!reach("bob").contains(&"rob"));
        let bob: Vec<_> = nicknames("bob", nickname_groups("bob")).collect();
        assert!(bob.contains(&"robert") && bob.contains(&"rob") && !bob.contains(&"bob"));
        assert!(bob.iter().all(|n| are_nicknames("bob", n)));
    }

    #[test]
    fn short_forms_truncate() {
        assert!(is_short_form("jon", "jonathan"));
        assert!(is_short_form("seun", "oluwaseun"));
        assert!(!is_short_form("jo", "jonathan"));
        assert!(!is_short_form("ann", "anne"));
        assert!(!is_short_form("eun", "oluwaseun"));
    }
}
