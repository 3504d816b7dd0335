//! The `curator` command's contract, exercised on small vaults in temporary folders.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

/// The curator binary, with its cache in a folder of the test run's own.
fn curator() -> Command {
    let mut cmd = Command::cargo_bin("curator").expect("the curator binary is built");
    cmd.env("CURATOR_CACHE_DIR", cache_dir());
    cmd
}

/// The cache folder the tests' curator runs use: in Cargo's folder for test files, so a run
/// leaves nothing behind outside `target/`.
fn cache_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("curator-test-cache-{}", std::process::id()))
}

fn vault(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        let full = dir.path().join(path);
        fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        fs::write(full, text).expect("write");
    }
    dir
}

fn read(dir: &Path, path: &str) -> String {
    fs::read_to_string(dir.join(path)).expect("read")
}

const CLEAN: &str = "---\ntype: people\ntags: [type/people]\n---\n# Ada Park\n";
const REVIEW: &str = "---\ntype: people\ntags: [type/people, needs-review]\n---\n# Bo Lind\n";
const BROKEN: &str = "---\ntitle: [unclosed\n---\nBody stays.\n";

#[test]
fn check_exit_status_tells_clean_from_work_to_do() {
    let clean = vault(&[("People/Ada Park.md", CLEAN)]);
    curator().args(["check"]).arg(clean.path()).assert().code(0);
    let review = vault(&[("People/Ada Park.md", CLEAN), ("People/Bo Lind.md", REVIEW)]);
    curator()
        .args(["check"])
        .arg(review.path())
        .assert()
        .code(1)
        .stdout(predicates::str::contains("needs review"));
    curator()
        .args(["check", "/definitely/not/a/vault"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a folder"));
}

#[test]
fn malformed_frontmatter_is_reported_and_left_untouched() {
    let dir = vault(&[("Broken.md", BROKEN)]);
    let out = curator()
        .args(["check", "--json"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let error = &report["notes"][0]["error"];
    assert_eq!(error["path"], "Broken.md");
    let line = error["line"].as_u64().expect("the error names a line");
    assert!(
        (2..=3).contains(&line),
        "the line lies in the frontmatter: {error}"
    );
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("YAML")),
        "{error}"
    );
    curator()
        .args(["fix"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicates::str::contains("left untouched"));
    assert_eq!(read(dir.path(), "Broken.md"), BROKEN);
}

#[test]
fn never_reads_or_writes_dot_folders() {
    let dir = vault(&[
        ("People/Bo Lind.md", REVIEW),
        (".obsidian/snippet.md", REVIEW),
        (".trash/old.md", REVIEW),
    ]);
    let out = curator()
        .args(["review", "--json"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out).expect("JSON");
    assert!(
        items.iter().all(|i| i["path"] == "People/Bo Lind.md"),
        "{items:?}"
    );
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    assert_eq!(read(dir.path(), ".obsidian/snippet.md"), REVIEW);
}

#[test]
fn reads_the_plugin_settings() {
    let dir = vault(&[
        ("People/Bo Lind.md", REVIEW),
        ("Archive/Old.md", REVIEW),
        (
            ".obsidian/plugins/vault-curator/data.json",
            r#"{"ignore": ["Archive/"], "somethingNewer": 1}"#,
        ),
    ]);
    let out = curator()
        .args(["review", "--json"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(items.len(), 1, "{items:?}");
    let bad = vault(&[(".obsidian/plugins/vault-curator/data.json", "{not json")]);
    curator()
        .args(["check"])
        .arg(bad.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("data.json"));
}

#[test]
fn an_empty_settings_file_declares_nothing() {
    // Obsidian can leave `types.json` empty and writes it again on start: the vault is read
    // as if it had none, where a malformed one stops the run with the file named.
    let note = ("Notes/Plan.md", "---\ncreated: 2026/03/04\n---\nPlan.\n");
    let empty = vault(&[note, (".obsidian/types.json", "\n")]);
    curator().arg("fix").arg(empty.path()).assert().code(0);
    assert!(read(empty.path(), "Notes/Plan.md").contains("created: 2026-03-04"));
    let broken = vault(&[note, (".obsidian/types.json", "{\"types\":")]);
    curator()
        .arg("check")
        .arg(broken.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("types.json"));
}

#[test]
fn json_outputs_are_arrays() {
    let dir = vault(&[("People/Bo Lind.md", REVIEW)]);
    for cmd in ["tasks", "entities", "review"] {
        let out = curator()
            .args([cmd, "--json"])
            .arg(dir.path())
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let v: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
        assert!(v.is_array(), "{cmd} --json prints an array: {v}");
    }
}

#[test]
fn fix_dry_run_writes_nothing_and_fix_is_idempotent() {
    let files: Vec<(&str, &str)> = vec![
        ("Broken.md", BROKEN),
        ("People/Bo Lind.md", REVIEW),
        ("People/Ada Park.md", CLEAN),
    ];
    let dir = vault(&files);
    curator()
        .args(["fix", "--dry-run"])
        .arg(dir.path())
        .assert()
        .code(0);
    for (path, text) in &files {
        assert_eq!(&read(dir.path(), path), text);
    }
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    let once: Vec<String> = files.iter().map(|(p, _)| read(dir.path(), p)).collect();
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    let twice: Vec<String> = files.iter().map(|(p, _)| read(dir.path(), p)).collect();
    assert_eq!(once, twice);
}

#[test]
fn one_fix_settles_what_fixes_change_in_other_notes() {
    // The placeholder is filled with a link to Ada, which makes the meeting her newest contact.
    let files: Vec<(&str, &str)> = vec![
        (
            "People/Ada Park.md",
            "---\ntype: people\nlast_contact: 2025-01-02\n---\n# Ada Park\n",
        ),
        (
            "Meetings/2025-03-04 Sync.md",
            "---\ntype: meeting\nparticipants: [{{PARTICIPANTS}}]\n---\n**Date:** 2025-03-04\n**Participants:** Ada Park, Someone New\n",
        ),
    ];
    let dir = vault(&files);
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    assert!(read(dir.path(), files[1].0).contains("participants: [\"[[Ada Park]]\", Someone New]"));
    assert!(read(dir.path(), files[0].0).contains("last_contact: 2025-03-04"));
    let once: Vec<String> = files.iter().map(|(p, _)| read(dir.path(), p)).collect();
    curator()
        .args(["fix", "--no-cache"])
        .arg(dir.path())
        .assert()
        .code(0);
    let twice: Vec<String> = files.iter().map(|(p, _)| read(dir.path(), p)).collect();
    assert_eq!(once, twice);
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for cmd in ["check", "fix", "tasks", "entities", "review", "merge"] {
        curator()
            .args([cmd, "--help"])
            .assert()
            .code(0)
            .stdout(predicates::str::contains("Example"));
    }
}

#[test]
fn tasks_filters_by_owner_openness_and_due_date() {
    let dir = vault(&[
        ("People/Ada Park.md", CLEAN),
        (
            "Meetings/2026-01-05 - Sync.md",
            "# Sync\n\n- [ ] Draft the plan @Ada Park 📅 2026-01-10\n- [x] Book the room @Ada Park 📅 2026-01-02\n- [ ] Order lunch 📅 2026-03-01\n",
        ),
    ]);
    let lines = |args: &[&str]| -> Vec<u64> {
        let out = curator()
            .arg("tasks")
            .arg(dir.path())
            .arg("--json")
            .args(args)
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let tasks: Vec<serde_json::Value> = serde_json::from_slice(&out).expect("JSON");
        tasks.iter().filter_map(|t| t["line"].as_u64()).collect()
    };
    assert_eq!(lines(&[]), vec![3, 4, 5]);
    assert_eq!(lines(&["--owner", "ada park"]), vec![3, 4]);
    assert_eq!(lines(&["--open"]), vec![3, 5]);
    assert_eq!(lines(&["--due-before", "2026-02-01", "--open"]), vec![3]);
    curator()
        .arg("tasks")
        .arg(dir.path())
        .args(["--due-before", "soon"])
        .assert()
        .code(2);
}

#[test]
fn tasks_take_the_status_types_the_tasks_plugins_settings_give() {
    let note = "# Sync\n\n- [d] Delegated\n- [!] Dropped\n- [?] Waiting\n- [~] A note, not a task\n- [x] Done\n- [ ] Open\n";
    let tasks_plugin = r#"{"statusSettings": {
        "coreStatuses": [{"symbol": "x", "name": "Done", "type": "DONE"}],
        "customStatuses": [
            {"symbol": "d", "name": "Delegated", "type": "DONE"},
            {"symbol": "!", "name": "Dropped", "type": "CANCELLED"},
            {"symbol": "?", "name": "Waiting", "type": "ON_HOLD"},
            {"symbol": "~", "name": "Note", "type": "NON_TASK"},
            {"symbol": "??", "name": "Two characters", "type": "DONE"},
            {"symbol": "o", "name": "Unknown type", "type": "SOMEDAY"}]}}"#;
    let dir = vault(&[
        ("Meetings/Sync.md", note),
        (
            ".obsidian/plugins/obsidian-tasks-plugin/data.json",
            tasks_plugin,
        ),
    ]);
    let types = |args: &[&str]| -> Vec<(u64, String)> {
        let out = curator()
            .args(["tasks", "--json"])
            .args(args)
            .arg(dir.path())
            .assert()
            .get_output()
            .stdout
            .clone();
        let tasks: Vec<serde_json::Value> = serde_json::from_slice(&out).expect("JSON");
        tasks
            .iter()
            .map(|t| {
                (
                    t["line"].as_u64().unwrap_or(0),
                    t["status_type"].to_string(),
                )
            })
            .collect()
    };
    let all = types(&[]);
    let expected: Vec<(u64, String)> = [
        (3, "DONE"),
        (4, "CANCELLED"),
        (5, "ON_HOLD"),
        (7, "DONE"),
        (8, "TODO"),
    ]
    .iter()
    .map(|(l, t)| (*l, format!("\"{t}\"")))
    .collect();
    assert_eq!(all, expected);
    let open: Vec<u64> = types(&["--open"]).iter().map(|(l, _)| *l).collect();
    assert_eq!(open, vec![5, 8]);
}

#[test]
fn tasks_honour_the_tasks_plugins_global_filter() {
    let note = "# Sync\n\n- [ ] #task Draft the plan @Ada Park 📅 2026-01-10\n- [ ] Order lunch 📅 2026-03-01\n- [ ] #task/home Fix the gate #task\n- [ ] Plain item 📅 2023-12-32\n- [ ] #task Book the room 📅 2023-12-32\n";
    let tasks_plugin = r##"{"globalFilter": "#task", "removeGlobalFilter": true, "taskFormat": "tasksPluginEmoji", "statusSettings": {"coreStatuses": []}}"##;
    let run = |dir: &Path, cmd: &str| -> Vec<serde_json::Value> {
        let out = curator()
            .args([cmd, "--json"])
            .arg(dir)
            .assert()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).expect("JSON")
    };
    let plain = vault(&[("People/Ada Park.md", CLEAN), ("Meetings/Sync.md", note)]);
    assert_eq!(run(plain.path(), "tasks").len(), 5);

    let filtered = vault(&[
        ("People/Ada Park.md", CLEAN),
        ("Meetings/Sync.md", note),
        (
            ".obsidian/plugins/obsidian-tasks-plugin/data.json",
            tasks_plugin,
        ),
    ]);
    let tasks = run(filtered.path(), "tasks");
    let lines: Vec<u64> = tasks.iter().filter_map(|t| t["line"].as_u64()).collect();
    assert_eq!(lines, vec![3, 5, 7]);
    assert_eq!(tasks[0]["description"], "Draft the plan");
    assert_eq!(tasks[0]["tags"], serde_json::json!([]));
    assert_eq!(tasks[1]["tags"], serde_json::json!(["task/home"]));
    assert_eq!(tasks[2]["due"], serde_json::Value::Null);
    assert_eq!(
        tasks[2]["invalid_dates"],
        serde_json::json!([{"field": "due", "text": "📅 2023-12-32"}])
    );
    // Only the task's invalid date is reviewed; the plain checklist item is no task.
    let review = run(filtered.path(), "review");
    let dates: Vec<(u64, &str)> = review
        .iter()
        .filter(|r| r["reason"] == "invalid_date")
        .filter_map(|r| Some((r["line"].as_u64()?, r["message"].as_str()?)))
        .collect();
    assert_eq!(dates.len(), 1, "{review:?}");
    assert_eq!(dates[0].0, 7);
    assert!(
        dates[0].1.starts_with("`📅 2023-12-32` is not a date"),
        "{}",
        dates[0].1
    );

    let bad = vault(&[(
        ".obsidian/plugins/obsidian-tasks-plugin/data.json",
        "{not json",
    )]);
    curator()
        .args(["tasks"])
        .arg(bad.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("obsidian-tasks-plugin/data.json"));
}

/// Runs `curator fix --json` on `dir` again and asserts it succeeds and changes no note.
fn second_fix_changes_nothing(dir: &Path) {
    let out = curator()
        .args(["fix", "--json"])
        .arg(dir)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(report["changed"], serde_json::json!([]));
}

#[test]
fn fix_updates_open_tasks_sections_when_switched_on() {
    let person = "---\ntype: people\ntags: [type/people]\n---\n# Ada Park\n\n## Open tasks\n<!-- curator:open-tasks -->\n<!-- /curator:open-tasks -->\n\nNotes stay.\n";
    let meeting = "# Sync\n- [ ] Send the plan @Ada Park ⏫ 📅 2026-01-16\n- [ ] Book a room @Ada Park\n- [x] Done already @Ada Park\n";
    let files = [
        ("People/Ada Park.md", person),
        ("Meetings/2026-01-14 Sync.md", meeting),
    ];
    let off = vault(&files);
    curator().args(["fix"]).arg(off.path()).assert().code(0);
    assert_eq!(read(off.path(), "People/Ada Park.md"), person);

    let dir = vault(&files);
    fs::create_dir_all(dir.path().join(".obsidian/plugins/vault-curator")).expect("mkdir");
    fs::write(
        dir.path().join(".obsidian/plugins/vault-curator/data.json"),
        r#"{"rules":{"openTasksSection":true}}"#,
    )
    .expect("write");
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    let fixed = read(dir.path(), "People/Ada Park.md");
    assert_eq!(
        fixed,
        "---\ntype: people\ntags: [type/people]\n---\n# Ada Park\n\n## Open tasks\n<!-- curator:open-tasks -->\n\
         - Send the plan — [[2026-01-14 Sync]] · due 2026-01-16 · high\n\
         - Book a room — [[2026-01-14 Sync]]\n\
         <!-- /curator:open-tasks -->\n\nNotes stay.\n"
    );
    let meeting_after = read(dir.path(), "Meetings/2026-01-14 Sync.md");
    second_fix_changes_nothing(dir.path());
    assert_eq!(read(dir.path(), "People/Ada Park.md"), fixed);
    assert_eq!(
        read(dir.path(), "Meetings/2026-01-14 Sync.md"),
        meeting_after
    );
}

#[test]
fn fix_updates_both_sections_of_a_person_note_at_once_and_settles() {
    let person = "---\ntype: people\naliases: [Ada]\n---\n# Ada Park\n\n<!-- curator:open-tasks -->\n<!-- /curator:open-tasks -->\n\n<!-- curator:meetings -->\n<!-- /curator:meetings -->\n";
    let meeting = "---\ntype: meeting\n---\n**Date:** 2026-01-14\n**Participants:** Ada Park, Bo Lind\n\nAda will book a room.\n- [ ] Send the plan @Ada Park 📅 2026-01-16\n";
    let files = [
        ("People/Ada Park.md", person),
        ("People/Bo Lind.md", "---\ntype: people\n---\n# Bo Lind\n"),
        ("Meetings/2026-01-14 Sync.md", meeting),
    ];
    let dir = vault(&files);
    fs::create_dir_all(dir.path().join(".obsidian/plugins/vault-curator")).expect("mkdir");
    fs::write(
        dir.path().join(".obsidian/plugins/vault-curator/data.json"),
        r#"{"rules":{"openTasksSection":true,"meetingsSection":true,"mentionLinks":true}}"#,
    )
    .expect("write");
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    let fixed = read(dir.path(), "People/Ada Park.md");
    assert_eq!(
        fixed,
        "---\ntype: people\naliases: [Ada]\n---\n# Ada Park\n\n<!-- curator:open-tasks -->\n\
         - Send the plan — [[2026-01-14 Sync]] · due 2026-01-16\n\
         <!-- /curator:open-tasks -->\n\n<!-- curator:meetings -->\n\
         - [[2026-01-14 Sync]] · 2026-01-14\n\
         <!-- /curator:meetings -->\n"
    );
    second_fix_changes_nothing(dir.path());
    assert_eq!(read(dir.path(), "People/Ada Park.md"), fixed);
}

/// A template whose placeholders, people and owners would all be "fixed" if it were a note.
const TEMPLATE: &str = "---\ntitle: \"{{title}}\"\ncreated: {{date}}\ntype: person\ntags: Person, person\n---\n# {{title}}\n\n- [ ] Introduce @Rob Benoitt\n";

#[test]
fn templates_the_vault_declares_are_never_edited_reviewed_or_indexed() {
    let dir = vault(&[
        (
            ".obsidian/templates.json",
            "{\"folder\": \"Meta/Core templates\"}",
        ),
        (
            ".obsidian/plugins/templater-obsidian/data.json",
            "{\"templates_folder\": \"/Meta/Templater/\"}",
        ),
        (
            ".obsidian/daily-notes.json",
            "{\"folder\": \"Daily\", \"template\": \"Meta/Daily\"}",
        ),
        // Template files named deeper in plugins' settings.
        (
            ".obsidian/plugins/periodic-notes/data.json",
            "{\"weekly\": {\"enabled\": true, \"template\": \"Meta/Weekly Template\"}}",
        ),
        (
            ".obsidian/plugins/quickadd/data.json",
            "{\"choices\": [{\"type\": \"Template\", \"templatePath\": \"Meta/Book.md\"}]}",
        ),
        // Metadata Menu's fileClass definitions.
        (
            ".obsidian/plugins/metadata-menu/data.json",
            "{\"classFilesPath\": \"Meta/fileClass/\"}",
        ),
        ("Meta/fileClass/people/person.md", TEMPLATE),
        ("Meta/Core templates/Person.md", TEMPLATE),
        ("Meta/Templater/Person.md", TEMPLATE),
        ("Meta/Daily.md", TEMPLATE),
        ("Meta/Weekly Template.md", TEMPLATE),
        ("Meta/Book.md", TEMPLATE),
        ("Templates/Meeting.md", TEMPLATE),
        ("People/Rob Benoit.md", CLEAN),
    ]);
    curator().args(["check"]).arg(dir.path()).assert().code(0);
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    for path in [
        "Meta/fileClass/people/person.md",
        "Meta/Core templates/Person.md",
        "Meta/Templater/Person.md",
        "Meta/Daily.md",
        "Meta/Weekly Template.md",
        "Meta/Book.md",
        "Templates/Meeting.md",
    ] {
        assert_eq!(read(dir.path(), path), TEMPLATE, "{path}");
    }
    let out = curator()
        .args(["entities", "--json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let mentions: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(mentions, serde_json::json!([]), "{mentions:#}");
    // Not a person: no "likely duplicate" of the template for the real person notes.
    let out = curator()
        .args(["review", "--json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON"),
        serde_json::json!([])
    );
}

#[test]
fn a_declared_template_folder_the_vault_does_not_have_leaves_folders_named_so_templates() {
    // Templater's default folder, where the vault keeps its templates elsewhere.
    let dir = vault(&[
        (
            ".obsidian/plugins/templater-obsidian/data.json",
            "{\"templates_folder\": \"Templates\"}",
        ),
        ("99 - Meta/Templates/Person.md", TEMPLATE),
        ("People/Rob Benoit.md", CLEAN),
    ]);
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    assert_eq!(read(dir.path(), "99 - Meta/Templates/Person.md"), TEMPLATE);
}

const MEETING: &str = "---\ntype: meeting\ncreated: {{date}}\n---\n**Date:** 2025-03-04\n\n- [ ] Ship it @Ada Park 📅 2025-03-09\n";

fn json_of(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = curator().args(args).arg(dir).output().expect("runs");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn a_second_run_answers_from_the_cache_and_sees_what_changed_since() {
    let dir = vault(&[("People/Ada Park.md", CLEAN), ("Meetings/M.md", MEETING)]);
    let cold = json_of(dir.path(), &["check", "--json", "--no-cache"]);
    let first = json_of(dir.path(), &["check", "--json"]);
    assert_eq!(first, cold);
    assert!(cache_dir()
        .read_dir()
        .expect("the cache is written")
        .next()
        .is_some());
    assert_eq!(
        json_of(dir.path(), &["check", "--json"]),
        cold,
        "from the cache"
    );
    // A note changed between runs is read again; so is what depended on it.
    fs::write(
        dir.path().join("People/Ada Park.md"),
        "---\ntype: people\n---\n# Ada Park\n",
    )
    .expect("write");
    fs::rename(
        dir.path().join("People/Ada Park.md"),
        dir.path().join("People/Ada Parker.md"),
    )
    .expect("rename");
    let changed = json_of(dir.path(), &["tasks", "--json"]);
    assert_eq!(
        changed,
        json_of(dir.path(), &["tasks", "--json", "--no-cache"])
    );
    assert_eq!(
        changed[0]["owners"],
        serde_json::json!(["Ada Park"]),
        "nobody named so any more"
    );
}

#[test]
fn fix_leaves_garbles_a_file_name_carries_until_the_file_is_renamed() {
    // The statute's file name was garbled when it was made (`§` read as code page 437): the
    // notes naming it write the garble too, and repairing them would name no note.
    let citing = "---\nrelated:\n- Idaho Code ┬º74-202\n---\n# Idaho Code ┬º74-202\n\
        See [[Idaho Code ┬º74-202]].\nNotes from the cafÃ©.\n";
    let dir = vault(&[
        ("Idaho Code ┬º74-202.md", "Deliberation, defined.\n"),
        ("Notes/Open meetings.md", citing),
    ]);
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    assert_eq!(
        read(dir.path(), "Notes/Open meetings.md"),
        citing.replace("cafÃ©", "café"),
        "only the prose no file name explains is repaired"
    );
    let review = json_of(dir.path(), &["review", "--json"]);
    let items: Vec<&serde_json::Value> = (review.as_array().expect("an array").iter())
        .filter(|i| i["reason"] == "mojibake")
        .collect();
    assert_eq!(items.len(), 1, "one question for the note: {review}");
    assert_eq!(items[0]["path"], "Notes/Open meetings.md");
    assert!(
        items[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("Idaho Code ┬º74-202") && m.contains("Rename")),
        "{}",
        items[0]
    );
    // Renamed (Obsidian would update the links; here the file alone): the garble names no note
    // any more, and the next run, from the cache, repairs it.
    fs::rename(
        dir.path().join("Idaho Code ┬º74-202.md"),
        dir.path().join("Idaho Code §74-202.md"),
    )
    .expect("rename");
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    assert_eq!(
        read(dir.path(), "Notes/Open meetings.md"),
        citing.replace("┬º", "§").replace("cafÃ©", "café")
    );
    second_fix_changes_nothing(dir.path());
}

/// Stdout and exit status of `curator ARGS DIR`.
fn output_of(dir: &Path, args: &[&str]) -> (String, Option<i32>) {
    let out = curator().args(args).arg(dir).output().expect("runs");
    (
        String::from_utf8(out.stdout).expect("UTF-8"),
        out.status.code(),
    )
}

#[test]
fn check_and_review_of_an_unchanged_vault_print_from_the_cache_what_a_cold_run_prints() {
    let person = |name: &str| format!("---\ntype: people\n---\n# {name}\n");
    let dir = vault(&[
        ("People/Bram Halden.md", &person("Bram Halden")),
        ("People/Bram Kestrel.md", &person("Bram Kestrel")),
        ("People/Bo Lind.md", REVIEW),
        ("Archive/Old.md", REVIEW),
        ("Meetings/M.md", MEETING),
        (
            "Meetings/N.md",
            "---\ntype: meeting\n---\nBram said the plan is late.\n",
        ),
    ]);
    let commands: [&[&str]; 4] = [
        &["check", "--json"],
        &["check"],
        &["review", "--json"],
        &["review"],
    ];
    let cold = |args: &[&str]| output_of(dir.path(), &[args, &["--no-cache"]].concat());
    let (json, _) = cold(&["check", "--json"]);
    assert!(
        json.contains("\"evidence\""),
        "candidates with evidence: {json}"
    );
    assert!(json.contains("\"diff\""), "a note to fix: {json}");
    for args in commands {
        let expected = cold(args);
        assert_eq!(
            output_of(dir.path(), args),
            expected,
            "{args:?}, cache written"
        );
        assert_eq!(
            output_of(dir.path(), args),
            expected,
            "{args:?}, from the cache"
        );
    }
    // `review` answered from the cache `check` wrote, and left it as it was.
    assert_eq!(output_of(dir.path(), &["check"]), cold(&["check"]));
    // A note edited, then other settings: what is printed follows, whichever command ran first.
    fs::write(
        dir.path().join("People/Bram Kestrel.md"),
        "---\ntype: people\naliases: [Bram]\n---\n# Bram Kestrel\n",
    )
    .expect("write");
    for args in commands.iter().rev() {
        assert_eq!(output_of(dir.path(), args), cold(args), "{args:?}, edited");
    }
    fs::create_dir_all(dir.path().join(".obsidian/plugins/vault-curator")).expect("mkdir");
    fs::write(
        dir.path().join(".obsidian/plugins/vault-curator/data.json"),
        r#"{"ignore": ["Archive/"]}"#,
    )
    .expect("write");
    for args in commands {
        assert_eq!(
            output_of(dir.path(), args),
            cold(args),
            "{args:?}, settings"
        );
    }
}

#[test]
fn a_note_that_cannot_be_read_is_warned_about_once_whether_or_not_the_cache_answers() {
    let dir = vault(&[("People/Bo Lind.md", REVIEW)]);
    fs::write(dir.path().join("Latin1.md"), b"caf\xe9\n").expect("write");
    for args in [["check"], ["check"], ["review"], ["review"]] {
        let out = curator().args(args).arg(dir.path()).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.matches("Latin1.md").count(), 1, "{args:?}: {stderr}");
    }
}

#[test]
fn a_corrupt_or_foreign_cache_is_ignored_and_rebuilt() {
    let dir = vault(&[("People/Ada Park.md", CLEAN), ("Meetings/M.md", MEETING)]);
    let cold = json_of(dir.path(), &["check", "--json", "--no-cache"]);
    json_of(dir.path(), &["check", "--json"]);
    // The cache files only: a folder there is an undo journal of a folder with no `.obsidian/`.
    let caches = || {
        (cache_dir().read_dir().expect("cache").flatten())
            .map(|f| f.path())
            .filter(|p| p.extension().is_some_and(|e| e == "cache"))
    };
    for file in caches() {
        let mut bytes = fs::read(&file).expect("read");
        let middle = bytes.len() / 2;
        bytes.truncate(middle);
        fs::write(&file, &bytes).expect("corrupt it");
    }
    assert_eq!(
        json_of(dir.path(), &["check", "--json"]),
        cold,
        "truncated cache"
    );
    for file in caches() {
        fs::write(&file, b"not ours at all").expect("overwrite");
    }
    assert_eq!(
        json_of(dir.path(), &["check", "--json"]),
        cold,
        "foreign cache"
    );
}

#[test]
fn undo_restores_the_last_fix_byte_for_byte_and_leaves_notes_edited_since() {
    let other = MEETING
        .replace("M.md", "N.md")
        .replace("2025-03-04", "2025-04-05");
    let dir = vault(&[
        ("People/Ada Park.md", CLEAN),
        ("Meetings/M.md", MEETING),
        ("Meetings/N.md", &other),
    ]);
    fs::create_dir_all(dir.path().join(".obsidian")).expect("an Obsidian vault");
    curator()
        .args(["undo"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicates::str::contains("nothing to undo"));
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    let fixed = read(dir.path(), "Meetings/M.md");
    assert_ne!(fixed, MEETING);
    // The journal is the plugin's too.
    let journal = dir.path().join(".obsidian/plugins/vault-curator/journal");
    assert_eq!(journal.read_dir().expect("journal").count(), 1);
    // One note edited by hand after the fix: undo leaves it and says so.
    fs::write(dir.path().join("Meetings/N.md"), "edited by hand\n").expect("write");
    let out = json_of(dir.path(), &["undo", "--json"]);
    assert_eq!(out["restored"], serde_json::json!(["Meetings/M.md"]));
    assert_eq!(out["refused"][0]["path"], "Meetings/N.md");
    assert_eq!(read(dir.path(), "Meetings/M.md"), MEETING, "byte for byte");
    assert_eq!(read(dir.path(), "Meetings/N.md"), "edited by hand\n");
    assert_eq!(
        read(dir.path(), "People/Ada Park.md"),
        CLEAN,
        "never written, never touched"
    );
    assert_eq!(
        journal.read_dir().expect("journal").count(),
        0,
        "that run is undone"
    );
    // The plugin's automatic enrichment reads which notes were put back, to leave them be.
    let put_back: curator_core::journal::PutBack = serde_json::from_str(&read(
        dir.path(),
        ".obsidian/plugins/vault-curator/put-back.json",
    ))
    .expect("put-back notes");
    assert!(put_back.holds("Meetings/M.md", MEETING));
    assert!(!put_back.holds("Meetings/N.md", "edited by hand\n"));
}

#[test]
fn a_folder_that_is_no_obsidian_vault_keeps_its_journal_outside_it() {
    // A Foam or plain Markdown folder: `fix` writes notes but no `.obsidian/` of its own.
    let dir = vault(&[("People/Ada Park.md", CLEAN), ("Meetings/M.md", MEETING)]);
    curator().args(["fix"]).arg(dir.path()).assert().code(0);
    assert_ne!(read(dir.path(), "Meetings/M.md"), MEETING);
    assert!(
        !dir.path().join(".obsidian").exists(),
        "no configuration folder made"
    );
    let out = json_of(dir.path(), &["undo", "--json"]);
    assert_eq!(out["restored"], serde_json::json!(["Meetings/M.md"]));
    assert_eq!(read(dir.path(), "Meetings/M.md"), MEETING, "byte for byte");
    assert!(!dir.path().join(".obsidian").exists());
}

#[test]
fn merge_shows_first_writes_with_write_and_undo_puts_the_notes_back() {
    let keep = "---\ntype: people\nrole: Engineer\n---\n# Ilse Varga\n- Runs the lab\n";
    let gone = "---\ntype: people\nrole: Manager\n---\n# I. Varga\n- Moved to Porto\n";
    let meeting = "# Lab sync\n[[I. Varga]] and [notes](People/I.%20Varga.md#Notes).\n";
    let files = [
        ("People/Ilse Varga.md", keep),
        ("People/I. Varga.md", gone),
        ("Meetings/Lab sync.md", meeting),
    ];
    let dir = vault(&files);
    let args = [
        "merge",
        "--keep",
        "People/Ilse Varga",
        "--from",
        "People/I. Varga",
    ];
    let out = curator().args(args).arg(dir.path()).output().expect("runs");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(
        shown.contains("+[[Ilse Varga|I. Varga]] and [notes](People/Ilse%20Varga.md#Notes)."),
        "{shown}"
    );
    assert!(shown.contains("would rewrite 2 notes"), "{shown}");
    for (path, text) in files {
        assert_eq!(read(dir.path(), path), text, "a dry run writes nothing");
    }

    let report = json_of(dir.path(), &[&args[..], &["--write", "--json"]].concat());
    assert_eq!(
        report["notes"],
        serde_json::json!(["Meetings/Lab sync.md", "People/Ilse Varga.md"])
    );
    assert_eq!(
        report["conflicts"],
        serde_json::json!(["I. Varga says role: Manager (this note keeps Engineer)"])
    );
    assert_eq!(report["trashed"], ".trash/I. Varga.md");
    assert!(!dir.path().join("People/I. Varga.md").exists());
    assert_eq!(read(dir.path(), ".trash/I. Varga.md"), gone);
    assert!(read(dir.path(), "People/Ilse Varga.md").contains("## Merged from I. Varga"));

    curator().args(["undo"]).arg(dir.path()).assert().code(0);
    assert_eq!(read(dir.path(), "People/Ilse Varga.md"), keep);
    assert_eq!(read(dir.path(), "Meetings/Lab sync.md"), meeting);

    let missing = ["merge", "--keep", "People/Ilse Varga", "--from", "Nobody"];
    curator()
        .args(missing)
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no such note"));
}

#[test]
fn check_colours_its_diffs_only_where_colours_are_taken() {
    let dir = vault(&[("Notes/a.md", "# A\nIt\u{e2}\u{20ac}\u{2122}s done.\n")]);
    let piped = curator().args(["check"]).arg(dir.path()).assert().code(1);
    let piped = String::from_utf8_lossy(&piped.get_output().stdout).to_string();
    assert!(piped.contains("+It\u{2019}s done."), "{piped}");
    assert!(
        !piped.contains('\u{1b}'),
        "no colour codes in a pipe: {piped:?}"
    );
    let forced = curator()
        .env("CLICOLOR_FORCE", "1")
        .args(["check"])
        .arg(dir.path())
        .assert()
        .code(1);
    let forced = String::from_utf8_lossy(&forced.get_output().stdout).to_string();
    assert!(
        forced.contains("\u{1b}["),
        "colours when forced: {forced:?}"
    );
}

#[test]
#[cfg(unix)]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    // Enough tasks that the output outgrows the pipe's buffer.
    let tasks: String = (0..4000)
        .map(|i| format!("- [ ] Task number {i} for the quarterly review @Ada\n"))
        .collect();
    let dir = vault(&[("Tasks.md", &tasks)]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_curator"))
        .env("CURATOR_CACHE_DIR", cache_dir())
        .arg("tasks")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("curator starts");
    let mut first = [0u8; 64];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // The reader goes away, as `head` does once it has its lines.
    let out = child.wait_with_output().expect("curator ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(out.status.code(), Some(101), "{stderr}");
}

#[test]
fn a_decision_counts_every_place_it_settles() {
    let person = "---\ntype: people\n---\n";
    let dir = vault(&[
        ("People/Ines Duarte.md", person),
        ("People/Ines Morel.md", person),
        (
            "Daily/2026-03-02.md",
            "# 2026-03-02\n\n- Sent the report to Ines.\n- Ines is drafting the persona.\n",
        ),
        ("notes.md", "Out this week: Ines.\n"),
    ]);
    let out = curator()
        .args(["review", "--no-cache"])
        .arg(dir.path())
        .output()
        .expect("review runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Two lines of the daily note and one of the other: three places, not one per note.
    assert!(
        stdout.contains("3 places in 2 notes, one answer for all"),
        "{stdout}"
    );
}

/// Edits that share a reason (the repairs of one garbled word, each quoting the word) print it
/// once under the note's diff.
#[test]
fn check_prints_a_shared_reason_once() {
    let dir = vault(&[(
        "Notes/Menu.md",
        "---\ntitle: \"CafÃ© crÃ¨me\"\n---\nThe menu.\n",
    )]);
    let out = curator()
        .args(["check", "--no-cache"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.matches("frontmatter.mojibake").count(),
        1,
        "{stdout}"
    );
}

/// A meeting dated after today has not taken place: `CURATOR_TODAY` fixes the day, else the
/// clock gives it, and a date that is none is an error that names the variable.
#[test]
fn last_contact_counts_no_meeting_after_today() {
    let files = [
        (
            "People/Ada Park.md",
            "---\ntype: people\nlast_contact: 2025-01-05\n---\n",
        ),
        (
            "Meetings/2025-03-01 Sync.md",
            "---\ntype: meeting\ndate: 2025-03-01\n---\nWith [[Ada Park]].\n",
        ),
        (
            "Meetings/2999-01-01 Plan.md",
            "---\ntype: meeting\ndate: 2999-01-01\n---\nWith [[Ada Park]].\n",
        ),
    ];
    let fixed = |today: Option<&str>| {
        let dir = vault(&files);
        let mut cmd = curator();
        match today {
            Some(today) => cmd.env("CURATOR_TODAY", today),
            None => cmd.env_remove("CURATOR_TODAY"),
        };
        cmd.arg("fix").arg(dir.path()).assert().code(0);
        read(dir.path(), "People/Ada Park.md")
    };
    let moved = |to: &str| format!("---\ntype: people\nlast_contact: {to}\n---\n");
    assert_eq!(fixed(Some("2025-02-01")), files[0].1);
    assert_eq!(fixed(Some("2025-06-01")), moved("2025-03-01"));
    assert_eq!(fixed(None), moved("2025-03-01"));
    let dir = vault(&files);
    curator()
        .env("CURATOR_TODAY", "tomorrow")
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("CURATOR_TODAY"));
}

#[test]
fn entities_say_how_each_mention_resolves() {
    let meeting = "---\ntype: meeting\n---\n# Sync\n\nAttendees: [[Ada Park]], Bo\n\nAda Park \
                   presented.\n";
    let dir = vault(&[("People/Ada Park.md", CLEAN), ("Meetings/Sync.md", meeting)]);
    let (out, code) = output_of(dir.path(), &["entities", "--no-cache"]);
    assert_eq!(code, Some(0), "{out}");
    let row = |text: &str| {
        out.lines()
            .find(|l| l.split("  ").map(str::trim).any(|cell| cell == text))
            .unwrap_or_else(|| panic!("a row for {text} in {out}"))
            .split("  ")
            .map(str::trim)
            .filter(|cell| !cell.is_empty())
            .collect::<Vec<_>>()
    };
    assert_eq!(row("Ada Park")[2..], ["exact 100%", "Ada Park"], "{out}");
    assert_eq!(row("Bo")[2..], ["unknown 100%", "—"], "{out}");
}
