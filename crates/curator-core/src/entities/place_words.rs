//! One capitalised word that the words around it make a place: `Lake Balaton`, `the Tatra
//! mountains`, `Victoria Island`, `the Gulf of Riga`. Such a word names the lake, the range or
//! the island, not the company called after it (Balaton Foods, Tatra Analytics) nor the person
//! whose name it shares (Victor, Jordan).

/// Words for a landform or a body of water, lowercase, sorted: after a name they make it a
/// place's (`the Zagros mountains`, `Victoria Island`, `the Negev desert`).
const FEATURES_AFTER: &[&str] = &[
    "archipelago",
    "basin",
    "bay",
    "canyon",
    "coast",
    "delta",
    "desert",
    "fjord",
    "forest",
    "glacier",
    "gorge",
    "harbor",
    "harbour",
    "highlands",
    "hills",
    "island",
    "islands",
    "lagoon",
    "lake",
    "lowlands",
    "mountain",
    "mountains",
    "mts",
    "ocean",
    "peninsula",
    "plateau",
    "range",
    "river",
    "sea",
    "steppe",
    "strait",
    "valley",
    "volcano",
];

/// Words for a landform or a body of water that come before its name, lowercase, sorted
/// (`Lake Balaton`, `Mount Kenya`, `the river Morava`).
const FEATURES_BEFORE: &[&str] = &["cape", "lake", "loch", "mount", "mt", "river"];

/// Words for a body of water or a landform that come before `of` and its name, lowercase,
/// sorted (`the Gulf of Riga`, `Isle of Skye`).
const FEATURES_BEFORE_OF: &[&str] = &["bay", "gulf", "isle", "sea", "strait"];

/// True when the word at `span` of `text` is a place's name by the words around it: a landform
/// or a body of water written just after it, or just before it (past `of` for some).
pub fn names_a_place(text: &str, span: std::ops::Range<usize>) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    let before = text.get(..span.start).unwrap_or("");
    let next = after
        .strip_prefix(' ')
        .map(|rest| first_word(rest).to_lowercase());
    if next.is_some_and(|w| FEATURES_AFTER.binary_search(&w.as_str()).is_ok()) {
        return true;
    }
    let Some(before) = before.strip_suffix(' ') else {
        return false;
    };
    // `Mt. Kenya`; not the end of a sentence (`Kari Lake. Lamb lost`).
    let before = before
        .strip_suffix("Mt.")
        .map_or(before, |rest| &before[..rest.len() + 2]);
    let last = last_word(before).to_lowercase();
    if FEATURES_BEFORE.binary_search(&last.as_str()).is_ok() {
        return true;
    }
    last == "of"
        && before
            .get(..before.len() - last.len())
            .and_then(|rest| rest.strip_suffix(' '))
            .is_some_and(|rest| {
                let feature = last_word(rest).to_lowercase();
                FEATURES_BEFORE_OF.binary_search(&feature.as_str()).is_ok()
            })
}

/// The letters `text` opens with.
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    text.get(..end).unwrap_or("")
}

/// The letters `text` ends with.
fn last_word(text: &str) -> &str {
    let start = text.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    text.get(start..).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, word: &str) -> bool {
        let start = text.find(word).expect("the word is in the text");
        names_a_place(text, start..start + word.len())
    }

    #[test]
    fn the_words_around_a_name_make_it_a_place() {
        assert!(place("Hiking in the Tatra mountains.", "Tatra"));
        assert!(place(
            "The pilot in Victoria Island is on track.",
            "Victoria"
        ));
        assert!(place("A hotel on Lake Balaton.", "Balaton"));
        assert!(place("The river Morava was high.", "Morava"));
        assert!(place("We climbed Mt. Kenya.", "Kenya"));
        assert!(place("Ferries in the Gulf of Riga.", "Riga"));
        // A company or a person named as themselves.
        assert!(!place("We met Tatra about the lease.", "Tatra"));
        assert!(!place("The Tatra deployment is live.", "Tatra"));
        assert!(!place("Victoria will join, of course.", "Victoria"));
        assert!(!place("The head of Kestrel called.", "Kestrel"));
        assert!(!place("He ran against Kari Lake. Lamb lost.", "Lamb"));
    }

    #[test]
    fn the_lists_are_sorted_for_their_binary_searches() {
        for list in [FEATURES_AFTER, FEATURES_BEFORE, FEATURES_BEFORE_OF] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
