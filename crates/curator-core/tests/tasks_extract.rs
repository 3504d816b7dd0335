//! Where tasks are found (markers, nesting, quotes, callouts; never in code), their owners,
//! headings and parents, and the JSON field names the CLI prints.

use curator_core::context::Context;
use curator_core::tasks::{self, Task};
use curator_core::{Note, Settings, VaultIndex};

const PEOPLE: &[(&str, &str)] = &[
    (
        "People/Niko Dukic.md",
        "---\ntype: people\n---\n# Niko Dukic\n",
    ),
    (
        "People/Lior Genzel.md",
        "---\ntype: people\naliases: [Lior]\n---\n# Lior Genzel\n",
    ),
    ("People/Mohan de Vries.md", "---\ntype: people\n---\n"),
    (
        "Organizations/Kairos Networks.md",
        "---\ntype: organization\n---\n",
    ),
];

fn extract(text: &str) -> Vec<Task> {
    let index = VaultIndex::build(Settings::default(), PEOPLE.iter().copied());
    let note = Note::parse("Meetings/m.md", text);
    let ctx = Context::for_note(&index, &note);
    tasks::extract(&note, &ctx)
}

/// Each task's owners in the note `text` at `path`, in a vault of `notes`.
fn task_owners<'n>(
    notes: impl IntoIterator<Item = (&'n str, &'n str)>,
    path: &str,
    text: &str,
) -> Vec<Vec<String>> {
    let index = VaultIndex::build(Settings::default(), notes);
    let note = Note::parse(path, text);
    let ctx = Context::for_note(&index, &note);
    (tasks::extract(&note, &ctx).iter())
        .map(|t| t.owners.iter().map(|o| o.to_string()).collect())
        .collect()
}

fn lines(tasks: &[Task]) -> Vec<usize> {
    tasks.iter().map(|t| t.line).collect()
}

#[test]
fn finds_tasks_at_any_nesting_and_in_quotes_and_callouts() {
    let text = "\
# Actions
- [ ] top
  - [x] two spaces
    - [/] four spaces
\t- [-] tab
1. [ ] numbered
   1) [ ] nested numbered
* [ ] star
+ [ ] plus

> - [ ] quoted
>   - [x] quoted nested

> [!todo] Follow-ups
> - [ ] in callout
";
    let found = extract(text);
    assert_eq!(lines(&found), vec![2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 15]);
    let descriptions: Vec<&str> = found.iter().map(|t| t.description.as_str()).collect();
    assert_eq!(descriptions[3], "tab");
    assert_eq!(descriptions[10], "in callout");
    assert!(found
        .iter()
        .all(|t| t.heading.as_deref() == Some("Actions")));
}

#[test]
fn parents_are_the_nearest_enclosing_task() {
    let text = "\
- [ ] parent
  - [ ] child
    - note
      - [ ] grandchild under a plain bullet
- plain
  - [ ] under plain
";
    let found = extract(text);
    let parents: Vec<Option<usize>> = found.iter().map(|t| t.parent_line).collect();
    assert_eq!(lines(&found), vec![1, 2, 4, 6]);
    assert_eq!(parents, vec![None, Some(1), Some(2), None]);
}

#[test]
fn task_syntax_in_code_and_lookalikes_are_not_tasks() {
    let text = "\
```markdown
- [ ] Example follow-up 📅 2025-01-23
```

    - [ ] indented code

Use `- [ ] text` to add a task; `[ ]` inside prose is not a checkbox.

- ✅ Decision: ship it.
- [Meeting recording](https://example.invalid/rec/1)
- [x](https://example.invalid/x)
- [[Kairos Networks]]
- [] empty box
- [ab] two characters
-[ ] no space
";
    assert!(extract(text).is_empty());
}

#[test]
fn headings_are_the_nearest_above() {
    let text = "- [ ] before\n# One\n- [ ] a\n## Two\n- [ ] b\n";
    let headings: Vec<Option<Box<str>>> = extract(text).into_iter().map(|t| t.heading).collect();
    assert_eq!(headings, vec![None, Some("One".into()), Some("Two".into())]);
}

#[test]
fn owners_resolve_to_person_notes() {
    let cases: &[(&str, &[&str], &str)] = &[
        ("- [ ] Ship it @Niko Dukic ⏫", &["Niko Dukic"], "Ship it"),
        ("- [ ] Ship it @NikoDukic", &["Niko Dukic"], "Ship it"),
        ("- [ ] Ship it @niko.dukic", &["Niko Dukic"], "Ship it"),
        ("- [ ] Ship it @Lior", &["Lior Genzel"], "Ship it"),
        ("- [ ] @Lior Genzel said so", &["Lior Genzel"], "said so"),
        (
            "- [ ] Ship it @Mohan de Vries 📅 2025-01-02",
            &["Mohan de Vries"],
            "Ship it",
        ),
        (
            "- [ ] Ship it @Niko Dukic @Jane Roe",
            &["Niko Dukic", "Jane Roe"],
            "Ship it",
        ),
        ("- [ ] Ship it @JaneRoe", &["Jane Roe"], "Ship it"),
        // An alias that is only a first name does not swallow a different surname.
        ("- [ ] Ship it @Lior Smith", &["Lior Smith"], "Ship it"),
        // An action verb after a given name opens the task: the owner is who the name is.
        (
            "- [ ] @Lior Review the doc",
            &["Lior Genzel"],
            "Review the doc",
        ),
        (
            "- [ ] @Niko Dukic Review the doc",
            &["Niko Dukic"],
            "Review the doc",
        ),
        // A link labels the task where it opens it or ends it after a mark; inside the
        // sentence it is whom the task is about, and the text keeps every link.
        (
            "- [ ] Send to [[Niko Dukic]] at [[Kairos Networks]]",
            &[],
            "Send to [[Niko Dukic]] at [[Kairos Networks]]",
        ),
        (
            "- [ ] [[Niko Dukic]] sends the deck to [[Lior Genzel]]",
            &["Niko Dukic"],
            "[[Niko Dukic]] sends the deck to [[Lior Genzel]]",
        ),
        (
            "- [ ] Send the deck – [[Niko Dukic]] #team 📅 2025-01-02",
            &["Niko Dukic"],
            "Send the deck – [[Niko Dukic]]",
        ),
        // Links joined by `and` label the task together, or are its object together; a link
        // in parentheses is an aside.
        (
            "- [ ] **[[Niko Dukic]]** and **[[Lior Genzel]]** — talk it through",
            &["Niko Dukic", "Lior Genzel"],
            "**[[Niko Dukic]]** and **[[Lior Genzel]]** — talk it through",
        ),
        (
            "- [ ] Send the deck to [[Niko Dukic]] and [[Lior Genzel]]",
            &[],
            "Send the deck to [[Niko Dukic]] and [[Lior Genzel]]",
        ),
        (
            "- [ ] Plan the workflows (see [[Niko Dukic]])",
            &[],
            "Plan the workflows (see [[Niko Dukic]])",
        ),
        (
            "- [ ] Follow up with [[Niko Dukic]] #waiting",
            &[],
            "Follow up with [[Niko Dukic]]",
        ),
        (
            "- [ ] Go/no-go for the rollout [[Niko Dukic]] ⏫ 📅 2026-03-27",
            &["Niko Dukic"],
            "Go/no-go for the rollout [[Niko Dukic]]",
        ),
        (
            "- [ ] Mail a@b.com about `@Niko`",
            &[],
            "Mail a@b.com about `@Niko`",
        ),
        // A handle inside the sentence keeps its name, its `@` goes; one opening or ending the
        // task is a label, gone whole.
        (
            "- [ ] Both @Niko Dukic and @NikoDukic",
            &["Niko Dukic"],
            "Both Niko Dukic and",
        ),
        (
            "- [ ] Ask (@Niko Dukic) about it, then @Lior.",
            &["Lior Genzel"],
            "Ask (@Niko Dukic) about it, then Lior.",
        ),
        // A person's handle alone in parentheses closing the task is its assignee, as meeting
        // tools write them; an account's there is an aside.
        (
            "- [ ] Send the deck to legal (@Niko Dukic) 📅 2025-01-02",
            &["Niko Dukic"],
            "Send the deck to legal (Niko Dukic)",
        ),
        (
            "- [ ] Read the thread (@officialcosmoworld)",
            &[],
            "Read the thread (@officialcosmoworld)",
        ),
        // A Japanese honorific after the handle goes with it.
        ("- [ ] @Niko-san review it", &["Niko Dukic"], "review it"),
        // Inside a wikilink, `@` is part of the link.
        (
            "- [ ] Mention [[@Nobody]] here",
            &[],
            "Mention [[@Nobody]] here",
        ),
        // A handle with digits is a user name, kept whole: no digits left in the description,
        // and no person read out of its letters (`@niko2` is not Niko Dukic).
        ("- [ ] Check logs @trq212", &["trq212"], "Check logs"),
        ("- [ ] Ship it @niko2 📅 2025-01-02", &["niko2"], "Ship it"),
        // A GTD context is no owner, and stays in the text; a given name still is one.
        (
            "- [ ] Call the bank @phone @home",
            &[],
            "Call the bank @phone @home",
        ),
        ("- [ ] Review it @mark", &["mark"], "Review it"),
        // After one verb of getting in touch, a handle is whom to reach, as a link is.
        ("- [ ] Ask @mark about it", &[], "Ask @mark about it"),
        ("- [ ] Call @Niko Dukic", &[], "Call @Niko Dukic"),
        // Handles listed together as the label, and what separates it from the work, leave.
        (
            "- [ ] @Niko Dukic : review it",
            &["Niko Dukic"],
            "review it",
        ),
        (
            "- [ ] @Rob Benoit, @Niko Dukic: review it",
            &["Rob Benoit", "Niko Dukic"],
            "review it",
        ),
        (
            "- [ ] @Rob Benoit + @Niko Dukic - review it",
            &["Rob Benoit", "Niko Dukic"],
            "review it",
        ),
        // A handle of no one the vault knows inside the work is what the work is about, and so
        // is a link's text; a person's handle there is theirs still.
        (
            "- [ ] Welcome @danokwan as our new CMO",
            &[],
            "Welcome @danokwan as our new CMO",
        ),
        (
            "- [ ] Check [@AnthropicAI](https://x.com/AnthropicAI) for news",
            &[],
            "Check [@AnthropicAI](https://x.com/AnthropicAI) for news",
        ),
        (
            "- [ ] Send @Niko Dukic the deck",
            &["Niko Dukic"],
            "Send Niko Dukic the deck",
        ),
        // A placeholder for an owner not chosen yet owns nothing.
        (
            "- [ ] Draft the brief @TBD, review it @unassigned",
            &[],
            "Draft the brief @TBD, review it @unassigned",
        ),
        // A template's slot for the owner, in any language, is none either.
        (
            "- [ ] Draft the brief @assignee, review it @Verantwortlicher",
            &[],
            "Draft the brief @assignee, review it @Verantwortlicher",
        ),
        ("- [ ] タスク1 @担当者 期限:", &[], "タスク1 @担当者 期限:"),
        ("- [ ] Отчёт @ответственный", &[], "Отчёт @ответственный"),
        (
            "- [ ] Buy stamps @errands, reply @email",
            &[],
            "Buy stamps @errands, reply @email",
        ),
        // A Dataview owner field names its owners, in parentheses too, whatever the key's
        // case: a link, a name resolving to a person note, or a name as written; a
        // placeholder or a field in code names nobody.
        (
            "- [ ] Book the room (owner:: [[Niko Dukic]])",
            &["Niko Dukic"],
            "Book the room (owner:: [[Niko Dukic]])",
        ),
        (
            "- [ ] Pair on it [Assigned to:: Lior, Cy Diaz] 📅 2025-01-02",
            &["Lior Genzel", "Cy Diaz"],
            "Pair on it [Assigned to:: Lior, Cy Diaz]",
        ),
        (
            "- [ ] Sign it [owner:: Kairos Networks]",
            &[],
            "Sign it [owner:: Kairos Networks]",
        ),
        (
            "- [ ] Ship it [owner:: TBD] `[owner:: [[Niko Dukic]]]` [reviewer:: Lior]",
            &[],
            "Ship it [owner:: TBD] `[owner:: [[Niko Dukic]]]` [reviewer:: Lior]",
        ),
        // An annotation of code, everyday words or called, and a handle in parentheses, own
        // nothing.
        (
            "- [ ] Use @Transactional(readOnly=true) on reads, not @RateLimited",
            &[],
            "Use @Transactional(readOnly=true) on reads, not @RateLimited",
        ),
        (
            "- [ ] Add @Repository annotations, the @RepositoryCache decorator",
            &[],
            "Add @Repository annotations, the @RepositoryCache decorator",
        ),
        (
            "- [ ] Write a @WebMvcTest for the controller",
            &[],
            "Write a @WebMvcTest for the controller",
        ),
        (
            "- [ ] Launch the promotion (@cosmoworld)",
            &[],
            "Launch the promotion (@cosmoworld)",
        ),
        // A word ending a hyphenated one is no preposition (`cut-over`, `sign-off`).
        (
            "- [ ] Dry run of the cut-over @mark",
            &["mark"],
            "Dry run of the cut-over",
        ),
        // A handle after a preposition or a conjunction is whom the task is about, unless
        // `and` joins it to an owner before it.
        (
            "- [ ] Ask about @Transactional rollback, sync with @mark",
            &[],
            "Ask about @Transactional rollback, sync with @mark",
        ),
        (
            "- [ ] @Ana and @Bo review the draft",
            &["Ana", "Bo"],
            "and Bo review the draft",
        ),
        // A package's scope is no one's handle.
        (
            "- [ ] Ask the @iva/design-system team, install @angular/cli",
            &[],
            "Ask the @iva/design-system team, install @angular/cli",
        ),
        // Issue numbers are no tags, joined by `/`, `+` or `=` or not: the text stays whole.
        (
            "- [ ] Merge #1+#2 and #140/#141, keep #142=0.1.4 #urgent",
            &[],
            "Merge #1+#2 and #140/#141, keep #142=0.1.4",
        ),
        // A possessive handle says whose thing the task is about: no owner, the text whole.
        (
            "- [ ] Review the prompt from @ana_quill's comment",
            &[],
            "Review the prompt from @ana_quill's comment",
        ),
        (
            "- [ ] Read @Niko Dukic’s draft",
            &[],
            "Read @Niko Dukic’s draft",
        ),
    ];
    for (line, owners, description) in cases {
        let found = extract(&format!("{line}\n"));
        let found_owners: Vec<&str> = found[0].owners.iter().map(|o| &**o).collect();
        assert_eq!(found_owners, *owners, "{line}");
        assert_eq!(found[0].description, *description, "{line}");
    }
}

#[test]
fn a_handle_the_note_writes_in_code_is_code_not_an_owner() {
    let owners = |text: &str| -> Vec<String> {
        let found = extract(text);
        found[0].owners.iter().map(|o| o.to_string()).collect()
    };
    let code = "\n```java\n@Autowired\nprivate OrderRepo orders;\n```\n";
    assert!(owners(&format!("- [ ] Replace @Autowired fields\n{code}")).is_empty());
    // Only the handle the code writes, as a whole word: `@Auto` is someone still, and so is a
    // handle in a note without code.
    assert_eq!(
        owners(&format!("- [ ] Replace them @Auto\n{code}")),
        ["Auto"]
    );
    assert_eq!(
        owners("- [ ] Replace the fields @Autowired\n"),
        ["Autowired"]
    );
}

/// Owners of one task line, with `PEOPLE` and the `extra` notes in the vault, in a note that
/// links Veskarin too.
fn owners_with(extra: &[(&str, &str)], line: &str) -> Vec<String> {
    let notes = PEOPLE.iter().chain(extra).copied();
    let text = format!("{line}\n\nWe met [[Veskarin]] there.\n");
    task_owners(notes, "Meetings/m.md", &text).remove(0)
}

#[test]
fn a_link_owns_a_task_only_when_it_opens_a_person_note() {
    let extra = [
        ("People/Veskarin.md", "---\ntype: people\n---\n# Veskarin\n"),
        ("People/ZhaoQM.md", "---\ntype: people\n---\n"),
        ("Places/Vesgard.md", "---\ntags: [place]\n---\n# Vesgard\n"),
    ];
    let cases: &[(&str, &[&str])] = &[
        // A place whose name sounds like a person's is the place.
        ("- [ ] [[Vesgard]]: scout the ruins", &[]),
        ("- [ ] [[Places/Vesgard|the ruins]] to scout", &[]),
        // A link to no note, by a person's alias, is that person.
        ("- [ ] [[Lior]] scouts the ruins", &["Lior Genzel"]),
        // A title of one word is read as written, not split where its case changes.
        (
            "- [ ] [[ZhaoQM]] [[Veskarin]] write it up",
            &["ZhaoQM", "Veskarin"],
        ),
        // A possessive says whose thing it is, as for a handle.
        (
            "- [ ] [[Veskarin]]'s sword – [[Niko Dukic]]",
            &["Niko Dukic"],
        ),
        ("- [ ] Return [[Niko Dukic|Niko]]’s laptop", &[]),
        ("- [ ] [[Veskarin]]: sharpen it", &["Veskarin"]),
        // Whom a task is about is no owner of it.
        ("- [ ] Deliver the letter to [[Veskarin]] by noon", &[]),
        ("- [ ] Ask [[Veskarin]]: sharpen it", &[]),
        // Nor is whom it only tells.
        (
            "- [ ] Agents still loop. As an FYI @Veskarin it is slow",
            &[],
        ),
        ("- [ ] Sharpen it, cc [[Veskarin]]", &[]),
    ];
    for (line, owners) in cases {
        assert_eq!(owners_with(&extra, line), *owners, "{line}");
    }
}

#[test]
fn json_has_the_cli_contract_fields() {
    let found = extract("# H\n- [x] Ship @Niko Dukic #t ⏫ 📅 2025-10-28 ✅ 2025-11-08 ^b1\n");
    let json = serde_json::to_value(&found[0]).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec![
        "path",
        "line",
        "status",
        "status_type",
        "description",
        "owners",
        "priority",
        "due",
        "scheduled",
        "start",
        "created",
        "done",
        "cancelled",
        "recurrence",
        "tags",
        "id",
        "depends_on",
        "on_completion",
        "heading",
        "parent_line",
        "block_id",
    ];
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    expected.sort_unstable();
    assert_eq!(keys_sorted, expected);
    assert_eq!(
        json,
        serde_json::json!({
            "path": "Meetings/m.md", "line": 2, "status": "x", "status_type": "DONE",
            "description": "Ship", "owners": ["Niko Dukic"], "priority": "high",
            "due": "2025-10-28", "scheduled": null, "start": null, "created": null,
            "done": "2025-11-08", "cancelled": null, "recurrence": null, "tags": ["t"],
            "id": null, "depends_on": [], "on_completion": null, "heading": "H",
            "parent_line": null, "block_id": "b1"
        })
    );
    assert!(!found[0].is_open());
}

#[test]
fn an_invalid_date_keeps_the_task_and_adds_one_json_field() {
    let found = extract("- [ ] Ship @Niko Dukic 📅 2022-02-29 ⏫\n");
    assert_eq!(found[0].description, "Ship");
    assert_eq!(found[0].priority, tasks::Priority::High);
    let json = serde_json::to_value(&found[0]).unwrap();
    assert_eq!(json["due"], serde_json::Value::Null);
    assert_eq!(
        json["invalid_dates"],
        serde_json::json!([{"field": "due", "text": "📅 2022-02-29"}])
    );
    assert_eq!(json.as_object().unwrap().len(), 22);
}

#[test]
fn crlf_and_odd_input_do_not_break_reading() {
    let found = extract("- [ ] a 📅 2025-01-02\r\n- [x]\r\n- [ ] @\r\n- [ ] 📅\r\n");
    assert_eq!(lines(&found), vec![1, 2, 3, 4]);
    assert_eq!(
        found[0].due.map(|d| d.to_string()).as_deref(),
        Some("2025-01-02")
    );
    assert_eq!(found[1].description, "");
    assert_eq!(found[2].description, "@");
}

/// Handles written as people write them, not only as the vault's titles: an initial with its
/// dot (`@M. Rice`, in a meeting Melissa Rice attends), a handle right after another whose last word is also a preposition
/// (`@Hahnse On @MaryWilliams`), a camel handle that drops a hyphen (`@SaeedAlAli`) or splits
/// at a `Mc` (`@AndreaMcCauley`). Each owns the task whole, and leaves its description.
#[test]
fn handles_as_written_own_their_task_whole() {
    let people = [
        ("People/Melissa Rice.md", "---\ntype: people\n---\n"),
        ("People/Hahnse On.md", "---\ntype: people\n---\n"),
        ("People/Mary Williams.md", "---\ntype: people\n---\n"),
        ("People/Saeed Al-Ali.md", "---\ntype: people\n---\n"),
        ("People/Andrea McCauley.md", "---\ntype: people\n---\n"),
        (
            "People/Ana Luísa Prado Ferraz.md",
            "---\ntype: people\n---\n",
        ),
    ];
    let task = |line: &str| {
        let notes = PEOPLE.iter().chain(&people).copied();
        let index = VaultIndex::build(Settings::default(), notes);
        let text = format!("---\ntype: meeting\nparticipants: [Melissa Rice]\n---\n{line}\n");
        let note = Note::parse("Meetings/m.md", &text);
        let ctx = Context::for_note(&index, &note);
        let found = tasks::extract(&note, &ctx);
        let owners: Vec<String> = found[0].owners.iter().map(|o| o.to_string()).collect();
        (found[0].description.to_string(), owners)
    };
    let cases: &[(&str, &[&str])] = &[
        (
            "- [ ] Circulate the agenda @M. Rice #budget",
            &["Melissa Rice"],
        ),
        (
            "- [ ] Estimate the costs @Hahnse On @MaryWilliams #pilot",
            &["Hahnse On", "Mary Williams"],
        ),
        ("- [ ] Collect sizing inputs @SaeedAlAli", &["Saeed Al-Ali"]),
        ("- [ ] Send the quote @AndreaMcCauley", &["Andrea McCauley"]),
        // A name of more words than a handle reads, spelled out whole.
        (
            "- [ ] Compartir las métricas @Ana Luísa Prado Ferraz 📅 2026-11-03",
            &["Ana Luísa Prado Ferraz"],
        ),
        (
            "- [ ] @ana luísa prado ferraz comparte las métricas",
            &["Ana Luísa Prado Ferraz"],
        ),
        (
            "- [ ] Share the metrics (@Ana Luísa Prado Ferraz)",
            &["Ana Luísa Prado Ferraz"],
        ),
    ];
    for (line, owners) in cases {
        let (description, found) = task(line);
        assert_eq!(found, *owners, "{line}");
        assert!(!description.contains(['@', '.']), "{line}: {description}");
    }
}

/// `@Desmond Achterberg Jr.` is the son: without a note of his own, the task is his by the
/// name written, never his father's, whose note the vault has.
#[test]
fn a_generation_after_a_name_is_someone_else() {
    let father = [("People/Desmond Achterberg.md", "---\ntype: people\n---\n")];
    let notes = PEOPLE.iter().chain(&father).copied();
    let text = "- [ ] Sign the papers @Desmond Achterberg Jr.\n- [ ] File it @Desmond Achterberg\n";
    let owners = task_owners(notes, "Meetings/m.md", text);
    assert_eq!(
        owners,
        [vec!["Desmond Achterberg Jr"], vec!["Desmond Achterberg"]]
    );
}

#[test]
fn a_name_that_opens_an_action_item_as_its_label_or_subject_owns_it() {
    let extra = [
        ("People/Rob Benoit.md", "---\ntype: people\n---\n"),
        ("People/Mark Field.md", "---\ntype: people\n---\n"),
        ("People/Will Baker.md", "---\ntype: people\n---\n"),
        ("People/Park Ji-hoon.md", "---\ntype: people\n---\n"),
        ("People/Person - Sarah Chen.md", "---\ntype: Person\n---\n"),
    ];
    let notes: Vec<(&str, &str)> = PEOPLE.iter().chain(&extra).copied().collect();
    let owners_in = |path: &str, text: &str| -> Vec<String> {
        let mut vault = notes.clone();
        vault.push((path, text));
        task_owners(vault, path, text).remove(0)
    };
    let owners = |attending: &str, line: &str| {
        let text = format!(
            "---\ntype: meeting\nparticipants: [{attending}]\n---\n## Action items\n{line}\n"
        );
        owners_in("Meetings/2025-11-20 Sync.md", &text)
    };
    let team = "\"[[Rob Benoit]]\", \"[[Niko Dukic]]\"";
    let cases: &[(&str, &str, &[&str])] = &[
        // A label before a colon, bold or not, and the subject of the sentence.
        (team, "- [ ] Rob: book the venue", &["Rob Benoit"]),
        (team, "- [ ] Rob – book the venue", &["Rob Benoit"]),
        (team, "- [ ] Niko Dukic - send the minutes", &["Niko Dukic"]),
        (team, "- [ ] Budget - review with Rob", &[]),
        (
            team,
            "- [ ] **Niko Dukic**: confirm headcount",
            &["Niko Dukic"],
        ),
        (team, "- [ ] **Niko:** confirm headcount", &["Niko Dukic"]),
        (
            team,
            "- [ ] Rob to send the revised deck by Friday",
            &["Rob Benoit"],
        ),
        (
            team,
            "- [ ] Niko will follow up with legal 📅 2025-11-28",
            &["Niko Dukic"],
        ),
        (
            team,
            "- [ ] Mohan de Vries to draft the budget",
            &["Mohan de Vries"],
        ),
        // A bold label before a dash, and work opening with a capital after a label, as
        // German nouns and meeting tools write it.
        (team, "- [ ] **Rob** - Finir la revue", &["Rob Benoit"]),
        (
            team,
            "- [ ] Niko Dukic: Testplan validieren",
            &["Niko Dukic"],
        ),
        (
            team,
            "- [ ] **Niko** : confirmer le budget",
            &["Niko Dukic"],
        ),
        // Other languages' `will` and `must`.
        (team, "- [ ] Rob wird den Bericht schicken", &["Rob Benoit"]),
        (team, "- [ ] Niko doit envoyer le devis", &["Niko Dukic"]),
        (
            team,
            "- [ ] Rob va a enviar el presupuesto",
            &["Rob Benoit"],
        ),
        (
            team,
            "- [ ] Niko Dukic se encarga de actualizar el calendario",
            &["Niko Dukic"],
        ),
        (
            team,
            "- [ ] Niko Dukic kümmert sich darum, den Plan zu teilen",
            &["Niko Dukic"],
        ),
        (
            team,
            "- [ ] Rob kümmert sich um die Rechnung",
            &["Rob Benoit"],
        ),
        // Honorifics and ranks before the name are none of it.
        (
            team,
            "- [ ] Herr Dukic: den Vertrag prüfen",
            &["Niko Dukic"],
        ),
        (
            team,
            "- [ ] Prof. Dr. Niko Dukic wird den Plan teilen",
            &["Niko Dukic"],
        ),
        (
            team,
            "- [ ] Den Plan validieren — Dr. Rob Benoit",
            &["Rob Benoit"],
        ),
        // Google Meet's notes bracket the name.
        (
            team,
            "- [ ] [Rob Benoit] will send the SOW",
            &["Rob Benoit"],
        ),
        (team, "- [ ] El equipo va a revisar el plan", &[]),
        // An assignee keyed in closing parentheses, or after a closing dash (Fathom's).
        (
            team,
            "- [ ] Aufgabe: Protokoll verteilen (Verantwortlich: Niko)",
            &["Niko Dukic"],
        ),
        (
            team,
            "- [ ] Send the revised SOW — Rob Benoit",
            &["Rob Benoit"],
        ),
        (team, "- [ ] Send the revised SOW — Legal", &[]),
        // Written as plain text, a name names someone only as written: never by likeness.
        (team, "- [ ] Robb: book the venue", &[]),
        // Not a person, not one person, not the work's doer, not the task's opening.
        (team, "- [ ] Decision: go with vendor B", &[]),
        (team, "- [ ] Kairos Networks: send the contract", &[]),
        (team, "- [ ] Rob and Niko to review the SOW", &[]),
        (team, "- [ ] Rob to be confirmed as lead", &[]),
        (team, "- [ ] Rob to the board meeting", &[]),
        (team, "- [ ] Send the deck to Rob", &[]),
        (team, "- [ ] `Rob: run` the script", &[]),
        // An everyday word alone is its person's only where they attend.
        (team, "- [ ] Mark to market the portfolio", &[]),
        (
            "\"[[Mark Field]]\"",
            "- [ ] Mark to review the pricing",
            &["Mark Field"],
        ),
        (team, "- [ ] Will Baker to sign the lease", &["Will Baker"]),
        // Said twice, owned once.
        (team, "- [ ] Rob to send it @Rob Benoit", &["Rob Benoit"]),
        // No nickname table's (`Will` is no Bill), no work that opens otherwise.
        (
            "\"[[Will Baker]]\"",
            "- [ ] Will: keep the old endpoint",
            &["Will Baker"],
        ),
        (team, "- [ ] Robert to send the deck", &[]),
        (team, "- [ ] Rob: 3 seats per session", &[]),
        // A participant without a note owns it as listed: written in full, or by a given name
        // no other entry without a note has; a group listed so owns nothing.
        (
            "\"[[Rob Benoit]]\", Oksana Hrytsenko",
            "- [ ] Oksana Hrytsenko: send the plan",
            &["Oksana Hrytsenko"],
        ),
        (
            "\"[[Rob Benoit]]\", Oksana Hrytsenko",
            "- [ ] Oksana: send the plan",
            &["Oksana Hrytsenko"],
        ),
        (
            "David, Chris Romandrem, Development Team",
            "- [ ] **David:** compile the requirements",
            &["David"],
        ),
        (
            "Chris Romandrem, Chris Odum",
            "- [ ] **Chris:** follow up by Monday",
            &[],
        ),
        (
            "David, Chris Romandrem, Development Team",
            "- [ ] **Development Team:** continue building the MVP",
            &[],
        ),
        (team, "- [ ] Marta Kowalska: send the plan", &[]),
        // As meeting tools write an assignee: under their name in bold, after an owner key, or
        // alone in parentheses closing the task (an attendee, as written).
        (
            team,
            "**Rob Benoit**\n- [ ] Send the revised deck\n- [ ] Book the room",
            &["Rob Benoit"],
        ),
        (team, "**Niko:**\n\n- [ ] Send the minutes", &["Niko Dukic"]),
        (team, "**Decisions**\n- [ ] Send the revised deck", &[]),
        (
            team,
            "- [ ] Owner: Niko Dukic — update the register",
            &["Niko Dukic"],
        ),
        (team, "- [ ] Prepare the board memo (Niko)", &["Niko Dukic"]),
        (
            "\"[[Rob Benoit]]\"",
            "- [ ] Prepare the board memo (Niko)",
            &[],
        ),
        (team, "- [ ] Book the flights (Paris)", &[]),
        // A given name written last, as Korean and Vietnamese names are: an attendee's only.
        (
            "\"[[Park Ji-hoon]]\"",
            "- [ ] Ji-hoon: file the ticket",
            &["Park Ji-hoon"],
        ),
        (team, "- [ ] Ji-hoon: file the ticket", &[]),
        // A title's words naming the note's kind are no part of the name.
        (
            "\"[[Person - Sarah Chen]]\"",
            "- [ ] Sarah to finalise the gateway design",
            &["Person - Sarah Chen"],
        ),
        // A tag before the label, as the Tasks plugin's global filter stands, is none of it.
        (team, "- [ ] #task Rob: book the venue", &["Rob Benoit"]),
        (team, "- [ ] #task #work Niko to draft it", &["Niko Dukic"]),
        (
            "\"[[Mark Field]]\"",
            "- [ ] Mark: as done in Jira once merged",
            &[],
        ),
    ];
    for (attending, line, expected) in cases {
        assert_eq!(owners(attending, line), *expected, "{line}");
    }
    // A note that lists who attended is a meeting, whatever its type says.
    for text in [
        "---\ndate: 2026-03-01\nattendees:\n  - \"[[Rob Benoit]]\"\n---\n- [ ] Rob: book the room\n",
        "# Sync\n\n**Attendees:** Rob Benoit, Niko Dukic\n\n- [ ] Rob to book the room\n",
        // Under the labels transcription tools write, plain or as a Dataview field.
        "# Sync\n\n**Speakers:** Rob Benoit, Niko Dukic\n\n- [ ] Rob to book the room\n",
        "# Sync\n\nParticipants: Rob Benoit, Niko Dukic\n\n- [ ] Rob to book the room\n",
        "# Sync\n\nparticipants:: Rob Benoit, Niko Dukic\n\n- [ ] Rob to book the room\n",
    ] {
        assert_eq!(owners_in("Notes/Sync.md", text), ["Rob Benoit"], "{text}");
    }
    // Outside a meeting, a name opening a task is what it is about (`Mom: call about it`).
    let daily = owners_in(
        "Daily/2025-11-20.md",
        "- [ ] Rob Benoit: send the wedding gift\n",
    );
    assert!(daily.is_empty(), "{daily:?}");
    // A key says whose it is in any note, whether they attend or not, where it writes a
    // person's title or alias: a given name alone may be anyone's there.
    for path in ["Daily/2025-11-20.md", "People/Niko Dukic.md"] {
        let text = "- [ ] Deliver the mockups (owner: Rob Benoit)\n";
        assert_eq!(owners_in(path, text), ["Rob Benoit"], "{path}");
    }
    for text in [
        "- [ ] Ship the release (owner: Dev team)\n",
        "- [ ] Send the deck (owner: Rob)\n",
    ] {
        let none = owners_in("Daily/2025-11-20.md", text);
        assert!(none.is_empty(), "{none:?}");
    }
}

#[test]
fn whom_a_task_gets_in_touch_with_is_no_owner_in_any_language() {
    let extra = [
        ("People/Anna Schmidt.md", "---\ntype: people\n---\n"),
        ("People/Sven Berg.md", "---\ntype: people\n---\n"),
    ];
    let cases: &[(&str, &[&str])] = &[
        // A verb alone before the link: its object.
        ("- [ ] Call [[Anna Schmidt]]", &[]),
        ("- [ ] Email [[Anna Schmidt]] 📅 2026-12-01", &[]),
        ("- [ ] Review [[Anna Schmidt]]", &[]),
        ("- [ ] Follow-up [[Anna Schmidt]]", &[]),
        // A label apart from the sentence still owns it.
        ("- [ ] Review it – [[Anna Schmidt]]", &["Anna Schmidt"]),
        ("- [ ] Review the draft [[Anna Schmidt]]", &["Anna Schmidt"]),
        // Unless the task says before it that the work is theirs to receive.
        ("- [ ] Complete Anna's evaluation — [[Anna Schmidt]]", &[]),
        (
            "- [ ] Review Joanna's draft — [[Anna Schmidt]]",
            &["Anna Schmidt"],
        ),
        // The verb after its object, as German, Dutch and Turkish to-dos write it.
        ("- [ ] [[Anna Schmidt]] anrufen 📅 2026-12-01", &[]),
        // A verb further on may be the subject's work.
        (
            "- [ ] [[Anna Schmidt]] soll Herrn Meier anrufen",
            &["Anna Schmidt"],
        ),
        ("- [ ] [[Anna Schmidt]]: Kunden anrufen", &["Anna Schmidt"]),
        ("- [ ] [[Sven Berg]]: ringa kunden", &["Sven Berg"]),
        // Links joined to the verb's object are objects too.
        ("- [ ] Invite [[Anna Schmidt]] and [[Sven Berg]]", &[]),
        // `par`, `por` name whom the work is done by.
        (
            "- [ ] Revue du contrat par [[Anna Schmidt]]",
            &["Anna Schmidt"],
        ),
        ("- [ ] Check it's [[Anna Schmidt]]", &["Anna Schmidt"]),
        ("- [ ] [[Sven Berg]] bellen over de offerte", &[]),
        ("- [ ] [[Sven Berg]] ara", &[]),
        (
            "- [ ] [[Anna Schmidt]] to send the contract",
            &["Anna Schmidt"],
        ),
        // Prepositions of other languages, as English ones.
        ("- [ ] Termin mit [[Anna Schmidt]]", &[]),
        ("- [ ] Offerte sturen naar [[Sven Berg]]", &[]),
        ("- [ ] Möte med [[Sven Berg]]", &[]),
        ("- [ ] Schůzka se [[Sven Berg]]", &[]),
        ("- [ ] Rapat dengan [[Sven Berg]]", &[]),
        ("- [ ] Spotkanie z [[Sven Berg]]", &[]),
        ("- [ ] Schůzka s [[Sven Berg]]", &[]),
        ("- [ ] Организовать PBR вместе с [[Sven Berg]]", &[]),
        ("- [ ] Уточнить у @Lior статус", &[]),
        // An apostrophe's `s` is no Czech `s`.
        ("- [ ] Review Bo's [[Sven Berg]]", &["Sven Berg"]),
        (
            "- [ ] @Niko Dukic : se retrouver avec @Lior sur le fix",
            &["Niko Dukic"],
        ),
        // Handles inside the work an owner labels are its objects.
        (
            "- [ ] @Niko Dukic: add @Lior and @Mohan as reviewers",
            &["Niko Dukic"],
        ),
        (
            "- [ ] @Niko Dukic: draft the plan @Lior",
            &["Niko Dukic", "Lior Genzel"],
        ),
    ];
    for (line, owners) in cases {
        assert_eq!(owners_with(&extra, line), *owners, "{line}");
    }
}

#[test]
fn a_label_of_code_run_together_is_no_owner() {
    let cases: &[(&str, &[&str])] = &[
        ("- [ ] @PreAuthorize using SecurityConstants", &[]),
        (
            "- [ ] Full @Operation description, @ApiResponse per operationId",
            &[],
        ),
        ("- [ ] Mark the view model @MainActor in SwiftUI", &[]),
        // In a sentence of words, a name run together is a person's.
        ("- [ ] @DawnField to send the deck", &["Dawn Field"]),
        ("- [ ] Ship it @PostMalone", &["Post Malone"]),
        // A person's name written joined, known or not, stays an owner.
        ("- [ ] Ship it @NikoDukic", &["Niko Dukic"]),
        ("- [ ] Ship it @BillPrice", &["Bill Price"]),
        ("- [ ] Ship it @KwameAsante", &["Kwame Asante"]),
    ];
    for (line, owners) in cases {
        assert_eq!(owners_with(&[], line), *owners, "{line}");
    }
}

#[test]
fn action_items_grouped_under_bold_names_are_each_owners() {
    let mut vault: Vec<(&str, &str)> = PEOPLE.to_vec();
    vault.push(("People/Rob Benoit.md", "---\ntype: people\n---\n"));
    let text = "---\ntype: meeting\nparticipants: [\"[[Rob Benoit]]\", \"[[Niko Dukic]]\"]\n---\n\
                ## Action items\n\n**Rob Benoit**\n- [ ] Send the deck\n  more on it\n- Note\n\
                - [ ] Book the room\n\n**Niko Dukic**\n\n- [ ] Draft the memo\n- [ ] File it\n\n\
                - [ ] Review the redlines Assignee: Rob Benoit\n- [ ] Open a ticket\n";
    vault.push(("Meetings/2025-11-20 Sync.md", text));
    let owners = task_owners(vault, "Meetings/2025-11-20 Sync.md", text);
    assert_eq!(
        owners,
        [
            vec!["Rob Benoit"],
            vec!["Rob Benoit"],
            vec!["Niko Dukic"],
            vec!["Niko Dukic"],
            // Past a blank line between items, the group is over: a task's own assignee
            // owns it, and one without is nobody's.
            vec!["Rob Benoit"],
            vec![],
        ]
    );
}
