//! Prose whose words are like none of a person's names taken whole is someone or something
//! else: `Deep Dive` is no Sandeep because one word of it ends his name, nor `Alon Marsh` an
//! Alina because one word sounds like hers. Nobody is suggested for such a run, in the note's
//! mentions or anywhere else; a name written as the person's own is still theirs.

mod mentions_common;

use curator_core::entities::Decision;
use mentions_common::mentions_in;

const VAULT: &[(&str, &str)] = &[
    ("People/Sandeep.md", "---\ntype: person\n---\n"),
    ("People/Alina.md", "---\ntype: person\n---\n"),
    ("People/Marit Olsen.md", "---\ntype: person\n---\n"),
];

#[test]
fn a_run_of_words_like_none_of_a_name_taken_whole_suggests_no_one() {
    let note = "# Reading list\n\n\
                A Deep Dive into sensor fusion. Deep Learning keeps coming up.\n\
                Alon Marsh wrote about it on Friday.\n\
                Marit Olsen sent the draft.\n";
    let got = mentions_in(VAULT, "Reading list.md", note);
    for text in ["Deep Dive", "Deep Learning", "Alon Marsh"] {
        let runs: Vec<_> = got.iter().filter(|m| m.text == text).collect();
        assert!(!runs.is_empty(), "{text}: {got:?}");
        for m in runs {
            assert_eq!(m.decision, Decision::Unknown, "{m:?}");
            assert!(m.resolved.is_none(), "{m:?}");
        }
    }
    assert!(
        got.iter()
            .any(|m| m.text == "Marit Olsen" && m.resolved.as_deref() == Some("Marit Olsen")),
        "{got:?}"
    );
}
