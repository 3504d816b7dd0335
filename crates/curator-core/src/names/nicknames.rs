//! Given names that are the same name in everyday use: English nicknames (`Bill` for William,
//! the maintained `nicknames` data set) and the short forms other languages use (`Sepp` for
//! Josef, `Toni` for Anton), built into the module from `data/` (see `build.rs`).
//!
//! Each name the tables know has a [`NameId`]; two names are the same given name when one is a
//! nickname of the other, or both are English nicknames of one formal name (`Bob` and `Rob`).
//! Two short forms in other languages, or one of each, are not: `Jan` and `John` both come from
//! Johann, and are two names.

use super::normalize;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/nicknames.rs"));

/// A given name the nickname tables know.
pub type NameId = u16;

/// The tables, folded the way name parts are ([`normalize::word_key`]).
struct Table {
    ids: HashMap<String, NameId>,
    keys: Vec<String>,
    /// For each name, the formal names it is a nickname of, sorted.
    formal: Vec<Vec<NameId>>,
    /// For each name, its nicknames, sorted.
    nicknames: Vec<Vec<NameId>>,
    /// For each name, the formal names it is an English nickname of, sorted.
    english_formal: Vec<Vec<NameId>>,
    /// For each name, its English nicknames, sorted.
    english_nicknames: Vec<Vec<NameId>>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Two listed spellings may fold to one key (`Ági`, `Agi`): they share its id.
        let mut ids: HashMap<String, NameId> = HashMap::default();
        let mut keys: Vec<String> = Vec::new();
        let line_ids: Vec<Option<NameId>> = NAMES
            .split('\n')
            .map(|name| {
                let key = normalize::word_key(name)?;
                let next = NameId::try_from(keys.len()).ok()?;
                Some(*ids.entry(key.clone()).or_insert_with(|| {
                    keys.push(key);
                    next
                }))
            })
            .collect();
        let mut formal = vec![Vec::new(); keys.len()];
        let mut nicknames = vec![Vec::new(); keys.len()];
        let mut english_formal = vec![Vec::new(); keys.len()];
        let mut english_nicknames = vec![Vec::new(); keys.len()];
        let english = PAIRS.chunks_exact(2).map(|p| (p, true));
        for (pair, english) in english.chain(SHORT_FORMS.chunks_exact(2).map(|p| (p, false))) {
            let id = |i: u16| line_ids.get(usize::from(i)).copied().flatten();
            let (Some(nick), Some(full)) = (id(pair[0]), id(pair[1])) else {
                continue;
            };
            if nick == full {
                continue;
            }
            let mut lists = vec![(&mut formal, nick, full), (&mut nicknames, full, nick)];
            if english {
                lists.push((&mut english_formal, nick, full));
                lists.push((&mut english_nicknames, full, nick));
            }
            for (lists, of, name) in lists {
                if let Some(list) = lists.get_mut(usize::from(of)) {
                    list.push(name);
                }
            }
        }
        let all = [
            &mut formal,
            &mut nicknames,
            &mut english_formal,
            &mut english_nicknames,
        ];
        for list in all.into_iter().flat_map(|l| l.iter_mut()) {
            list.sort_unstable();
            list.dedup();
        }
        Table {
            ids,
            keys,
            formal,
            nicknames,
            english_formal,
            english_nicknames,
        }
    })
}

/// The id of the folded given name `key`, when the tables know it.
pub fn id(key: &str) -> Option<NameId> {
    table().ids.get(key).copied()
}

fn list(lists: &'static [Vec<NameId>], id: NameId) -> &'static [NameId] {
    lists.get(usize::from(id)).map_or(&[], Vec::as_slice)
}

fn key(id: NameId) -> Option<&'static str> {
    table().keys.get(usize::from(id)).map(String::as_str)
}

/// True when two different names are the same given name in everyday use: one is a nickname of
/// the other, or both are nicknames of one formal name, in English (`Bob` and `Rob`) or one
/// written as the other's start (`Rob` and `Robbie`).
pub fn same_name(a: NameId, b: NameId) -> bool {
    let t = table();
    let (fa, fb) = (list(&t.formal, a), list(&t.formal, b));
    let (ea, eb) = (list(&t.english_formal, a), list(&t.english_formal, b));
    let shared = |x: &[NameId], y: &[NameId]| x.iter().any(|f| y.binary_search(f).is_ok());
    // One written as the other's start (`Rob`, `Robbie`) is the same name from any source.
    let extends = || match (key(a), key(b)) {
        (Some(ka), Some(kb)) => ka.starts_with(kb) || kb.starts_with(ka),
        _ => false,
    };
    a != b
        && (fa.binary_search(&b).is_ok()
            || fb.binary_search(&a).is_ok()
            || shared(ea, eb)
            || (shared(fa, fb) && extends()))
}

/// True when `written`, a formal name, is written for `name`, a nickname of several formal
/// names that has no two letters in a row of it: `Robert` written for a Bill (whom the data set
/// also lists as Robert's, as it was once said) names a Robert, not the Bill a William is
/// called. A nickname written for a formal name (`Bill` for William, `Peggy` for Margaret) is
/// not asked about here.
pub fn names_another(written: NameId, name: NameId) -> bool {
    let t = table();
    let formal = list(&t.formal, name);
    let (Some(w), Some(n)) = (key(written), key(name)) else {
        return false;
    };
    let pairs = |s: &str| s.chars().zip(s.chars().skip(1)).collect::<Vec<_>>();
    let theirs = pairs(w);
    formal.len() >= 2
        && formal.binary_search(&written).is_ok()
        && !pairs(n).iter().any(|p| theirs.contains(p))
}

/// The names a given name reaches as a nickname: the formal names it is a nickname of (`bill` →
/// `william`) and its own nicknames (`william` → `will`, `bill`, …).
pub fn formal_and_nicknames(id: NameId) -> impl Iterator<Item = &'static str> {
    let t = table();
    list(&t.formal, id)
        .iter()
        .chain(list(&t.nicknames, id))
        .filter_map(|i| key(*i))
}

/// Every other name [`same_name`] joins to `id` (`bob` → `robert`, `rob`, …).
pub fn same_names(id: NameId) -> impl Iterator<Item = &'static str> {
    let t = table();
    let siblings = list(&t.english_formal, id)
        .iter()
        .flat_map(|f| list(&t.english_nicknames, *f))
        .filter(move |n| **n != id);
    formal_and_nicknames(id).chain(siblings.filter_map(|i| key(*i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        match (id(a), id(b)) {
            (Some(a), Some(b)) => same_name(a, b),
            _ => false,
        }
    }

    #[test]
    fn english_nicknames_and_other_short_forms_join_their_names() {
        assert!(same("bill", "william"));
        assert!(same("william", "bill"));
        assert!(same("bob", "rob"), "two nicknames of one name");
        assert!(same("sepp", "josef"));
        assert!(same("toni", "anton"));
        assert!(!same("bill", "bill"));
        assert!(!same("rob", "william"));
        // Two formal names the data set lists as nicknames of a nickname of both (`bill` has
        // the nicknames `robert` and `william`) are not one name.
        assert!(!same("robert", "william"));
        let names_another = |a: &str, b: &str| names_another(id(a).unwrap(), id(b).unwrap());
        assert!(names_another("robert", "bill"));
        assert!(!names_another("william", "bill"));
        assert!(
            !names_another("bill", "robert"),
            "a nickname written for a formal name"
        );
        assert!(!same("patrick", "william"));
        assert!(!same("bill", "nosuchname"));
        // Two names from one formal name in two languages are two names.
        assert!(!same("john", "jan"));
        assert!(!same("hans", "jan"));
        assert!(same("jan", "johann") && same("john", "johann"));
        assert!(same("robbie", "rob"), "one the other's start");
    }

    #[test]
    fn names_reach_their_formal_names_and_nicknames() {
        let reach = |k: &str| formal_and_nicknames(id(k).unwrap()).collect::<Vec<_>>();
        assert!(reach("bill").contains(&"william"));
        assert!(reach("william").contains(&"bill"));
        assert!(!reach("bill").contains(&"margaret"));
        let bob: Vec<_> = same_names(id("bob").unwrap()).collect();
        assert!(bob.contains(&"robert") && bob.contains(&"rob") && !bob.contains(&"bob"));
        assert!(bob.iter().all(|n| same("bob", n)));
    }

    #[test]
    fn accented_spellings_fold_like_name_parts() {
        let key = normalize::word_key("Ági").unwrap();
        assert_eq!(id(&key), id("agi"));
    }
}
