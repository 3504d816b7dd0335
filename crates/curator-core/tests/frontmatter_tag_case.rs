//! The tags rule's case: Obsidian matches tags case-insensitively, so a tag the vault writes in
//! one case only is kept as written, and a tag written in several cases takes the spelling more
//! notes use than any other (on a tie, each note keeps its own). Each case is a small vault and
//! the exact text the note is fixed to.

mod frontmatter_common;

use curator_core::{Engine, Settings};
use frontmatter_common::{engine_with, fix_in};

/// `text` at `n.md` fixed in a vault of `notes` (plus the shared people), or `text` itself.
fn fixed_in(notes: &[(&str, &str)], text: &str) -> String {
    let out = fix_in(Settings::default(), notes, "n.md", text);
    assert!(out.error.is_none(), "{:?}", out.error);
    out.text.unwrap_or_else(|| text.to_string())
}

fn tags(list: &str) -> String {
    format!("---\ntags: {list}\n---\nBody.\n")
}

#[test]
fn a_camel_case_tag_the_vault_writes_one_way_is_kept() {
    let vault = [
        ("a.md", "---\ntags: [toolCode, draft]\n---\n"),
        ("b.md", "---\ntags: [toolCode]\n---\n"),
    ];
    let text = tags("[toolCode, draft]");
    assert_eq!(fixed_in(&vault, &text), text);
}

#[test]
fn an_upper_case_tag_the_vault_writes_one_way_is_kept() {
    let vault = [("a.md", "---\ntags: [HUB, reading]\n---\n")];
    let text = tags("[HUB]");
    assert_eq!(fixed_in(&vault, &text), text);
    // Written as a string, it becomes a list and keeps its case.
    assert_eq!(
        fixed_in(&vault, &tags("HUB, reading")),
        tags("[HUB, reading]")
    );
}

#[test]
fn a_tag_written_in_several_cases_takes_the_most_frequent_spelling() {
    let mostly_lower = [
        ("a.md", "---\ntags: [standup]\n---\n"),
        ("b.md", "---\ntags: [standup]\n---\n"),
    ];
    assert_eq!(
        fixed_in(&mostly_lower, &tags("[Standup]")),
        tags("[standup]")
    );
    // Three notes write `Roadmap`, two `roadmap` (this one included).
    let mostly_capital = [
        ("a.md", "---\ntags: [Roadmap]\n---\n"),
        ("b.md", "---\ntags: [Roadmap]\n---\n"),
        ("c.md", "---\ntags: [Roadmap, roadmap]\n---\n"),
    ];
    assert_eq!(
        fixed_in(&mostly_capital, &tags("[roadmap, q3]")),
        tags("[Roadmap, q3]")
    );
}

#[test]
fn on_a_tie_each_note_keeps_its_spelling() {
    // One note each way: no majority to follow, so neither moves, whichever has capitals.
    let vault = [("a.md", "---\ntags: [Kanban, garden]\n---\n")];
    let text = tags("[kanban, Garden]");
    assert_eq!(fixed_in(&vault, &text), text);
    let other = "---\ntags: [Kanban, garden]\n---\n";
    assert_eq!(fixed_in(&[("b.md", &text)], other), other);
    // Two spellings tied ahead of a third: the third is kept too.
    let three = [
        ("a.md", "---\ntags: [OKR]\n---\n"),
        ("b.md", "---\ntags: [OKR]\n---\n"),
        ("c.md", "---\ntags: [okr]\n---\n"),
        ("d.md", "---\ntags: [okr]\n---\n"),
    ];
    assert_eq!(fixed_in(&three, &tags("[Okr]")), tags("[Okr]"));
    // One note more is a majority, whatever its capitals; one note fewer, a tie.
    let two = [
        ("a.md", "---\ntags: [GraphQL]\n---\n"),
        ("b.md", "---\ntags: [GraphQL]\n---\n"),
    ];
    assert_eq!(fixed_in(&two, &tags("[graphql]")), tags("[GraphQL]"));
    assert_eq!(fixed_in(&two[..1], &tags("[graphql]")), tags("[graphql]"));
}

#[test]
fn a_tied_tag_listed_twice_keeps_the_spelling_written_first() {
    // `Triage` and `triage` are each written by two notes (this one writes both).
    let vault = [
        ("a.md", "---\ntags: [triage]\n---\n"),
        ("b.md", "---\ntags: [Triage]\n---\n"),
    ];
    assert_eq!(
        fixed_in(&vault, &tags("[Triage, inbox, triage]")),
        tags("[Triage, inbox]")
    );
    assert_eq!(
        fixed_in(&vault, &tags("[triage, inbox, Triage]")),
        tags("[triage, inbox]")
    );
    let block = "---\ntags:\n  - Inbox\n  - INBOX\n---\n";
    assert_eq!(fixed_in(&[], block), "---\ntags:\n  - Inbox\n---\n");
}

#[test]
fn one_tag_listed_twice_in_different_cases_is_kept_once() {
    let vault = [("a.md", "---\ntags: [idea]\n---\n")];
    assert_eq!(
        fixed_in(&vault, &tags("[Idea, idea, later]")),
        tags("[idea, later]")
    );
    let block = "---\ntags:\n  - Idea\n  - later # soon\n  - idea\n---\n";
    assert_eq!(
        fixed_in(&vault, block),
        "---\ntags:\n  - idea\n  - later # soon\n---\n"
    );
    // A string with the usual spelling and another one becomes one entry.
    let usual = [
        ("a.md", "---\ntags: [standup]\n---\n"),
        ("b.md", "---\ntags: [standup, client]\n---\n"),
    ];
    assert_eq!(
        fixed_in(&usual, "---\ntags: Standup, client, standup\n---\n"),
        "---\ntags: [standup, client]\n---\n"
    );
}

#[test]
fn nested_tags_are_compared_whole() {
    let consistent = [("a.md", "---\ntags: [area/AI, area/home]\n---\n")];
    let text = tags("[area/AI]");
    assert_eq!(fixed_in(&consistent, &text), text);
    let mixed = [
        ("a.md", "---\ntags: [Area/AI]\n---\n"),
        ("b.md", "---\ntags: [Area/AI]\n---\n"),
    ];
    assert_eq!(fixed_in(&mixed, &tags("[area/ai]")), tags("[Area/AI]"));
}

#[test]
fn non_ascii_tags_keep_their_letters() {
    let polish = [("a.md", "---\ntags: [Zażółć, gęślą]\n---\n")];
    let text = tags("[Zażółć]");
    assert_eq!(fixed_in(&polish, &text), text);
    let mixed = [
        ("a.md", "---\ntags: [zażółć]\n---\n"),
        ("b.md", "---\ntags: [zażółć]\n---\n"),
    ];
    assert_eq!(fixed_in(&mixed, &tags("[ZAŻÓŁĆ]")), tags("[zażółć]"));
    // Turkish: lowercasing `İzmir` would add a combining dot and `KIRMIZI` would read `kirmizi`,
    // a word nobody wrote; written one way, both stay.
    let turkish = [("a.md", "---\ntags: [İzmir, KIRMIZI]\n---\n")];
    let text = tags("[İzmir, KIRMIZI]");
    assert_eq!(fixed_in(&turkish, &text), text);
    // `Işık` and `IŞIK` differ in lowercase (`ışık`, `işik`), as they do to Obsidian: two tags,
    // each left as written.
    let two = [("a.md", "---\ntags: [IŞIK]\n---\n")];
    let text = tags("[Işık]");
    assert_eq!(fixed_in(&two, &text), text);
}

#[test]
fn fixing_a_vault_of_mixed_spellings_settles_at_once() {
    let notes = [
        ("a.md", "---\ntags: [Roadmap]\n---\n"),
        ("b.md", "---\ntags: [roadmap, Roadmap]\n---\n"),
        ("c.md", "---\ntags: [Roadmap, STANDUP]\n---\n"),
        ("d.md", "---\ntags: [standup]\n---\n"),
    ];
    let mut engine: Engine = engine_with(Settings::default(), &notes);
    let mut fixed = Vec::new();
    for (path, text) in notes {
        let new = engine
            .fix(path, text)
            .text
            .unwrap_or_else(|| text.to_string());
        fixed.push((path, new));
    }
    for (path, text) in &fixed {
        engine.index_mut().upsert(path, text);
    }
    let expected = [
        "---\ntags: [Roadmap]\n---\n",
        "---\ntags: [Roadmap]\n---\n",
        "---\ntags: [Roadmap, STANDUP]\n---\n",
        "---\ntags: [standup]\n---\n",
    ];
    for ((path, text), want) in fixed.iter().zip(expected) {
        assert_eq!(text, want, "{path}");
        assert!(
            engine.fix(path, text).text.is_none(),
            "{path} changes again"
        );
    }
}
