//! The tags rule's case: Obsidian matches tags case-insensitively, so a tag the vault writes in
//! one case only is kept as written, and a tag written in several cases takes the spelling more
//! notes use than any other (on a tie, the spelling in lowercase, unless none is or a tied
//! spelling has a word cased on purpose, `JMeter`: then each note keeps its own). Each case is a small vault and
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
fn a_tag_string_split_into_a_list_takes_the_style_of_the_notes_other_lists() {
    let vault = [("a.md", "---\ntags: [metrics]\n---\n")];
    // The note writes its aliases as a block list: its tags become one too, indented alike.
    let block = "---\naliases:\n  - Where teams lose money\ntags: metrics, strategy\n---\n";
    assert_eq!(
        fixed_in(&vault, block),
        "---\naliases:\n  - Where teams lose money\ntags:\n  - metrics\n  - strategy\n---\n"
    );
    // A note with no block list gets a flow list.
    let flow = "---\naliases: [Where teams lose money]\ntags: metrics, strategy\n---\n";
    assert_eq!(
        fixed_in(&vault, flow),
        "---\naliases: [Where teams lose money]\ntags: [metrics, strategy]\n---\n"
    );
}

#[test]
fn tags_written_in_the_text_count_as_the_vault_spelling_them() {
    // Two notes' properties say `Metrics`; three notes write `#metrics` in their text, and the
    // note fixed writes `metrics`: the vault spells it in lowercase.
    let vault = [
        ("a.md", "---\ntags: [Metrics]\n---\n"),
        ("b.md", "---\ntags: [Metrics]\n---\n"),
        ("c.md", "Platform numbers #metrics\n"),
        ("d.md", "- [ ] Weekly review #metrics #ops\n"),
        ("e.md", "# Notes\n\nSee #metrics/q3 and #metrics.\n"),
    ];
    let text = tags("metrics, strategy");
    assert_eq!(fixed_in(&vault, &text), tags("[metrics, strategy]"));
    assert_eq!(fixed_in(&vault, &tags("[Metrics]")), tags("[metrics]"));
    // A `#tag` in code is no tag: here two notes to one write `Metrics`.
    let in_code = [
        ("a.md", "---\ntags: [Metrics]\n---\n"),
        ("b.md", "---\ntags: [Metrics]\n---\n"),
        ("c.md", "Run `grep #metrics` and\n\n```\n#metrics\n```\n"),
        ("d.md", "```sh\necho #metrics\n```\n"),
    ];
    assert_eq!(fixed_in(&in_code, &tags("[metrics]")), tags("[Metrics]"));
    // Nor is one in quoted text, clipped from someone else: here the vault writes `seo`.
    let clipped = [
        ("a.md", "---\ntags: [seo]\n---\n"),
        ("b.md", "> Ship it #SEO #growth\n"),
        ("c.md", "Saved:\n\n> #SEO tips\n> more #SEO\n"),
        ("d.md", ">> #SEO, quoted twice\n"),
    ];
    assert_eq!(fixed_in(&clipped, &tags("[seo]")), tags("[seo]"));
}

#[test]
fn a_tie_between_case_variants_goes_to_the_spelling_in_lowercase() {
    // One note each way, neither with a capital inside a word: case noise, so lowercase wins.
    let vault = [("a.md", "---\ntags: [Kanban, garden]\n---\n")];
    assert_eq!(
        fixed_in(&vault, &tags("[kanban, Garden]")),
        tags("[kanban, garden]")
    );
    let shouted = [
        ("a.md", "---\ntags: [RETRO]\n---\n"),
        ("b.md", "---\ntags: [Retro]\n---\n"),
    ];
    assert_eq!(fixed_in(&shouted, &tags("[retro]")), tags("[retro]"));
    // Where no tied spelling is in lowercase, nothing says which the owner means, and a query may
    // compare tags in case (Dataview's `contains(file.tags, "#CRLF-Injection")`): each note
    // keeps its own.
    let vault = [("a.md", "---\ntags: [CRLF-Injection, Retro]\n---\n")];
    let text = tags("[CRLF-injection, RETRO]");
    assert_eq!(fixed_in(&vault, &text), text);
    // One note more is a majority, whatever its capitals.
    let two = [
        ("a.md", "---\ntags: [GraphQL]\n---\n"),
        ("b.md", "---\ntags: [GraphQL]\n---\n"),
    ];
    assert_eq!(fixed_in(&two, &tags("[graphql]")), tags("[GraphQL]"));
}

#[test]
fn on_a_tie_a_spelling_with_a_word_cased_on_purpose_is_kept_by_each_note() {
    // `GraphQL` and `graphql` one note each: the capitals inside the word are on purpose (a
    // brand's name), so neither note moves.
    let vault = [("a.md", "---\ntags: [GraphQL, notes]\n---\n")];
    let text = tags("[graphql, notes]");
    assert_eq!(fixed_in(&vault, &text), text);
    let other = "---\ntags: [GraphQL, notes]\n---\n";
    assert_eq!(fixed_in(&[("b.md", &text)], other), other);
    // Two spellings tied ahead of a third: the third is kept too.
    let three = [
        ("a.md", "---\ntags: [YouTube]\n---\n"),
        ("b.md", "---\ntags: [YouTube]\n---\n"),
        ("c.md", "---\ntags: [youtube]\n---\n"),
        ("d.md", "---\ntags: [youtube]\n---\n"),
    ];
    assert_eq!(fixed_in(&three, &tags("[Youtube]")), tags("[Youtube]"));
    // A capital after a capital is on purpose too where the word has lowercase letters
    // (`JMeter`, `SQLite`, `iOS`), unlike a word in capitals (`RETRO`) or with a capital
    // initial (`Retro`).
    // So is an acronym, capitals that are no everyday word (`VARA`, `MVP`), unlike `RETRO`.
    for name in [
        "JMeter",
        "SQLite",
        "XMind",
        "iOS",
        "VARA",
        "MVP",
        "API-integration",
    ] {
        let vault = [(
            "a.md",
            format!("---\ntags: [{}]\n---\n", name.to_lowercase()),
        )];
        let vault: Vec<(&str, &str)> = vault.iter().map(|(p, t)| (*p, t.as_str())).collect();
        let text = tags(&format!("[{name}]"));
        assert_eq!(fixed_in(&vault, &text), text, "{name}");
    }
}

#[test]
fn a_tag_listed_twice_in_a_tie_keeps_the_vaults_choice_or_the_spelling_written_first() {
    // `Triage` and `triage` are each written by two notes (this one writes both): case noise,
    // so the spelling in lowercase.
    let vault = [
        ("a.md", "---\ntags: [triage]\n---\n"),
        ("b.md", "---\ntags: [Triage]\n---\n"),
    ];
    assert_eq!(
        fixed_in(&vault, &tags("[Triage, inbox, triage]")),
        tags("[triage, inbox]")
    );
    // `DevOps` and `devops` tied: no choice to follow, so the one this note writes first.
    let vault = [
        ("a.md", "---\ntags: [devops]\n---\n"),
        ("b.md", "---\ntags: [DevOps]\n---\n"),
    ];
    assert_eq!(
        fixed_in(&vault, &tags("[DevOps, inbox, devops]")),
        tags("[DevOps, inbox]")
    );
    assert_eq!(
        fixed_in(&vault, &tags("[devops, inbox, DevOps]")),
        tags("[devops, inbox]")
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
        "---\ntags: [Roadmap, standup]\n---\n",
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

#[test]
fn one_tag_written_as_a_string_and_respelled_stays_a_string() {
    let vault = [
        ("a.md", "---\ntags: [Structure]\n---\n"),
        ("b.md", "---\ntags: [Structure, x]\n---\n"),
    ];
    assert_eq!(fixed_in(&vault, &tags("structure")), tags("Structure"));
    // With a `#`, it becomes a list (see `a_tag_string_becomes_a_flow_list`).
    assert_eq!(
        fixed_in(&vault, &tags("\"#structure\"")),
        tags("[Structure]")
    );
    // Two entries written as one string that are one tag become a list of it.
    assert_eq!(
        fixed_in(&vault, &tags("\"#structure, Structure\"")),
        tags("[Structure]")
    );
}

#[test]
fn a_respelled_tag_keeps_the_quotes_it_was_written_in() {
    // `["Ashoka", "India"]` was fixed into `["Ashoka", india]`: only the letters had to change.
    let vault = [
        ("a.md", "---\ntags: [india, history]\n---\n"),
        ("b.md", "---\ntags: [india, history]\n---\n"),
    ];
    assert_eq!(
        fixed_in(&vault, &tags(r#"["Ashoka", "India", 'History']"#)),
        tags(r#"["Ashoka", "india", 'history']"#)
    );
    let block = "---\ntags:\n  - \"India\"\n  - 'History'\n---\nBody.\n";
    assert_eq!(
        fixed_in(&vault, block),
        "---\ntags:\n  - \"india\"\n  - 'history'\n---\nBody.\n"
    );
}
