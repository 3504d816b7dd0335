use super::*;
use crate::settings::Settings;
use std::collections::BTreeMap;

const KEEP: &str = "People/Maren Tallis.md";
const GONE: &str = "People/Mary Tallis.md";

const KEPT: &str = "---
type: people
aliases: [Mare]
tags: [type/people, company/quill-labs]
role: Engineer
---
# Maren Tallis

## Notes
- Leads the storage team
- Likes rowing
";

const OTHER: &str = "---
type: people
aliases: [Maren T., \"mare\"]
tags: [type/people, Company/Quill-Labs, needs-review]
role: Manager
phone: \"+44 20 7946 0000\"
reports:
  - \"[[Otto Brand]]\"
---
# Mary Tallis

Met at the 2024 offsite.

## Notes
- Leads the storage team
- Moved to Lisbon in 2025

## Contact Information
| Field | Value |
|---|---|
| **Company** | [[Quill Labs]] |
| **Email** | mary@quill.example |

```text
desk 4B
```
";

const MEETING: &str = "---
participants:
  - \"[[Mary Tallis]]\"
  - \"[[Otto Brand]]\"
---
# Sync
Talked with [[Mary Tallis]] and [[Mary Tallis|Mary]] about [[Mary Tallis#Notes]].
![[Mary Tallis]]
Also [[people/mary tallis]] and [[Mary Tallison]].
`[[Mary Tallis]]` stays in code.

| Who | Role |
|---|---|
| [[Mary Tallis]] | lead |
| [[Mary Tallis\\|M.]] | lead |
";

fn vault() -> BTreeMap<String, String> {
    [
        (KEEP, KEPT),
        (GONE, OTHER),
        ("Meetings/2026-03-02 Sync.md", MEETING),
        ("People/Otto Brand.md", "# Otto Brand\nReports to nobody.\n"),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect()
}

fn plan_of(notes: &BTreeMap<String, String>) -> Result<MergePlan, NoteError> {
    let index = VaultIndex::build(
        Settings::default(),
        notes.iter().map(|(p, t)| (p.as_str(), t.as_str())),
    );
    merge_plan(&index, &|p| notes.get(p).map(String::as_str), KEEP, GONE)
}

/// The vault with `plan` applied.
fn merged(notes: &BTreeMap<String, String>, plan: &MergePlan) -> BTreeMap<String, String> {
    let mut out = notes.clone();
    for n in &plan.notes {
        let text = apply_edits(&notes[&n.path], &n.edits).expect("applies");
        out.insert(n.path.clone(), text);
    }
    out
}

#[test]
fn the_kept_note_gains_names_tags_properties_and_facts() {
    let notes = vault();
    let plan = plan_of(&notes).expect("plan");
    let after = merged(&notes, &plan);
    assert_eq!(
        after[KEEP],
        "---
type: people
aliases: [Mare, Mary Tallis, Maren T.]
tags: [type/people, company/quill-labs, needs-review]
role: Engineer
phone: \"+44 20 7946 0000\"
reports:
  - \"[[Otto Brand]]\"
---
# Maren Tallis

## Notes
- Leads the storage team
- Likes rowing

## Merged from Mary Tallis

- Mary Tallis says role: Manager (this note keeps Engineer)

Met at the 2024 offsite.

### Notes

- Moved to Lisbon in 2025

### Contact Information

| Field | Value |
|---|---|
| **Company** | [[Quill Labs]] |
| **Email** | mary@quill.example |

```text
desk 4B
```
"
    );
    assert_eq!(
        plan.conflicts,
        vec![Conflict {
            property: "role".into(),
            kept: "Engineer".into(),
            other: "Manager".into(),
        }],
        "a differing value is named, never dropped"
    );
}

#[test]
fn links_point_at_the_kept_note_showing_the_same_text() {
    let notes = vault();
    let plan = plan_of(&notes).expect("plan");
    let paths: Vec<&str> = plan.notes.iter().map(|n| n.path.as_str()).collect();
    assert_eq!(paths, ["Meetings/2026-03-02 Sync.md", KEEP]);
    assert_eq!(
        merged(&notes, &plan)["Meetings/2026-03-02 Sync.md"],
        "---
participants:
  - \"[[Maren Tallis|Mary Tallis]]\"
  - \"[[Otto Brand]]\"
---
# Sync
Talked with [[Maren Tallis|Mary Tallis]] and [[Maren Tallis|Mary]] about [[Maren Tallis#Notes|Mary Tallis > Notes]].
![[Maren Tallis]]
Also [[People/Maren Tallis|people/mary tallis]] and [[Mary Tallison]].
`[[Mary Tallis]]` stays in code.

| Who | Role |
|---|---|
| [[Maren Tallis\\|Mary Tallis]] | lead |
| [[Maren Tallis\\|M.]] | lead |
"
    );
    for n in &plan.notes {
        assert!(n
            .edits
            .iter()
            .all(|e| e.rule == RULE && !e.reason.is_empty()));
    }
}

#[test]
fn merging_again_changes_nothing() {
    let notes = vault();
    let once = merged(&notes, &plan_of(&notes).expect("plan"));
    let again = plan_of(&once).expect("plan");
    assert!(again.is_empty(), "{:#?}", again.notes);
    assert_eq!(
        again.conflicts.len(),
        1,
        "the conflict is still there to settle"
    );
}

#[test]
fn nothing_the_merged_note_says_is_lost() {
    let notes = vault();
    let plan = plan_of(&notes).expect("plan");
    let kept = &merged(&notes, &plan)[KEEP];
    let index = VaultIndex::build(
        Settings::default(),
        notes.iter().map(|(p, t)| (p.as_str(), t.as_str())),
    );
    let relink = Relink::new(&index, KEEP, GONE);
    let other = Note::parse(GONE, OTHER);
    for line in other.body().lines().filter(|l| !l.trim().is_empty()) {
        let line = relink.line(line.trim(), line.starts_with('|'));
        let line = line.trim_start_matches('#').trim();
        assert!(
            kept.contains(line) || line == "Mary Tallis",
            "{line:?} is lost"
        );
    }
    for value in [
        "Maren T.",
        "+44 20 7946 0000",
        "[[Otto Brand]]",
        "needs-review",
    ] {
        assert!(kept.contains(value), "{value} is lost");
    }
    assert!(
        kept.contains("role: Manager"),
        "a conflicting value stays, in words"
    );
}

#[test]
fn a_conflict_puts_the_kept_note_in_the_review_queue() {
    let mut notes = vault();
    let calm = OTHER.replace(", needs-review]", "]");
    notes.insert(GONE.into(), calm.clone());
    let kept = merged(&notes, &plan_of(&notes).expect("plan"))[KEEP].clone();
    assert!(
        kept.contains("tags: [type/people, company/quill-labs, needs-review]"),
        "{kept}"
    );
    // Without a conflict, nothing asks for review.
    notes.insert(
        GONE.into(),
        calm.replace("role: Manager\n", "role: Engineer\n"),
    );
    let plan = plan_of(&notes).expect("plan");
    assert!(plan.conflicts.is_empty());
    assert!(!merged(&notes, &plan)[KEEP].contains("needs-review"));
}

#[test]
fn a_note_without_frontmatter_gets_one() {
    let mut notes = vault();
    notes.insert(KEEP.into(), "Maren's page.".into());
    notes.insert(
        GONE.into(),
        "---\nrole: Manager\n---\n- Rows on Sundays\n".into(),
    );
    let after = merged(&notes, &plan_of(&notes).expect("plan"));
    assert_eq!(
        after[KEEP],
        "---\naliases: [Mary Tallis]\nrole: Manager\n---\nMaren's page.\n\n\
         ## Merged from Mary Tallis\n\n- Rows on Sundays\n"
    );
}

#[test]
fn what_cannot_be_merged_says_why() {
    let mut notes = vault();
    let index = VaultIndex::build(Settings::default(), []);
    let err = merge_plan(&index, &|_| None, KEEP, KEEP).expect_err("same note");
    assert!(err.to_string().contains("into itself"), "{err}");
    let err = merge_plan(&index, &|_| None, KEEP, GONE).expect_err("missing");
    assert!(err.to_string().contains("no such note"), "{err}");
    notes.insert(GONE.into(), "---\ntags: [a\n---\n".into());
    let err = plan_of(&notes).expect_err("broken YAML");
    assert!(err.to_string().contains("not valid YAML"), "{err}");
}

#[test]
fn a_duplicate_group_names_the_pair() {
    let group = crate::review::ReviewItem::duplicate_group(KEEP, GONE);
    assert_eq!(
        crate::review::ReviewItem::duplicate_pair(&group),
        Some((KEEP, GONE))
    );
    assert_eq!(crate::review::ReviewItem::duplicate_pair("name:mary"), None);
}

#[test]
fn line_endings_and_accents_are_respected() {
    let mut notes = vault();
    notes.insert(
        KEEP.into(),
        "---\r\naliases: [Mary Tallís]\r\n---\r\n- Rows\r\n".into(),
    );
    notes.insert(
        GONE.into(),
        "---\r\naliases: [MARY TALLIS]\r\n---\r\n- Rows\r\n- Swims\r\n".into(),
    );
    let plan = plan_of(&notes).expect("plan");
    let after = merged(&notes, &plan);
    assert_eq!(
        after[KEEP],
        "---\r\naliases: [Mary Tallís]\r\n---\r\n- Rows\r\n\r\n## Merged from Mary Tallis\r\n\r\n- Swims\r\n",
        "the title is an alias already, accents aside"
    );
    assert!(plan_of(&after).expect("plan").is_empty());
}

#[test]
fn markdown_links_point_at_the_kept_note_written_as_they_were() {
    let mut notes = vault();
    notes.insert(
        "Meetings/Notes/2026-03-09 Review.md".into(),
        "See [her page](Mary%20Tallis.md), [again](People/Mary%20Tallis.md#Notes \"t\"),\n\
         [angled](<Mary Tallis.md>), [up](../../People/Mary%20Tallis.md),\n\
         [other](Mary%20Tallison.md), [site](https://x.example/Mary%20Tallis.md),\n\
         `[code](Mary%20Tallis.md)` and [[Otto Brand]].\n"
            .into(),
    );
    let plan = plan_of(&notes).expect("plan");
    assert_eq!(
        merged(&notes, &plan)["Meetings/Notes/2026-03-09 Review.md"],
        "See [her page](Maren%20Tallis.md), [again](People/Maren%20Tallis.md#Notes \"t\"),\n\
         [angled](<Maren Tallis.md>), [up](People/Maren%20Tallis.md),\n\
         [other](Mary%20Tallison.md), [site](https://x.example/Mary%20Tallis.md),\n\
         `[code](Mary%20Tallis.md)` and [[Otto Brand]].\n"
    );
}

/// Two notes titled `Kofi Mensah`, one in `People/` (kept) and one in `Archive/`.
fn namesakes() -> BTreeMap<String, String> {
    [
        (
            "People/Kofi Mensah.md",
            "---\ntype: people\n---\n- Runs the lab\n",
        ),
        (
            "Archive/Kofi Mensah.md",
            "---\ntype: people\n---\n- Left in 2024\n",
        ),
        (
            "Meetings/Lab.md",
            "[[Kofi Mensah]], [[Archive/Kofi Mensah]], [[People/Kofi Mensah]],\n\
             [a](Archive/Kofi%20Mensah.md), [b](Kofi%20Mensah.md).\n",
        ),
        (
            "Archive/Old sync.md",
            "[[Kofi Mensah]] and [c](Kofi%20Mensah.md) then.\n",
        ),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect()
}

#[test]
fn notes_of_one_title_are_told_apart_by_their_paths() {
    let notes = namesakes();
    let index = VaultIndex::build(
        Settings::default(),
        notes.iter().map(|(p, t)| (p.as_str(), t.as_str())),
    );
    let (keep, gone) = ("People/Kofi Mensah.md", "Archive/Kofi Mensah.md");
    assert_eq!(
        merge_names(keep, gone),
        (
            "People/Kofi Mensah".to_string(),
            "Archive/Kofi Mensah".to_string()
        )
    );
    assert_eq!(
        merge_names(KEEP, GONE),
        ("Maren Tallis".to_string(), "Mary Tallis".to_string())
    );
    let plan = merge_plan(&index, &|p| notes.get(p).map(String::as_str), keep, gone).expect("plan");
    let after = merged(&notes, &plan);
    // From Meetings/, a bare link opens the shorter path, the kept note: left alone.
    assert_eq!(
        after["Meetings/Lab.md"],
        "[[Kofi Mensah]], [[People/Kofi Mensah|Archive/Kofi Mensah]], [[People/Kofi Mensah]],\n\
         [a](People/Kofi%20Mensah.md), [b](Kofi%20Mensah.md).\n"
    );
    // From Archive/, a bare link opens the note beside it, the merged one: it gets the path.
    assert_eq!(
        after["Archive/Old sync.md"],
        "[[People/Kofi Mensah|Kofi Mensah]] and [c](People/Kofi%20Mensah.md) then.\n"
    );
    assert_eq!(
        after["People/Kofi Mensah.md"],
        "---\ntype: people\n---\n- Runs the lab\n\n## Merged from Archive/Kofi Mensah\n\n- Left in 2024\n"
    );
    let again =
        merge_plan(&index, &|p| after.get(p).map(String::as_str), keep, gone).expect("plan");
    assert!(again.is_empty(), "{:#?}", again.notes);
}
