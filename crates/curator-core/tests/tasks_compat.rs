//! Compatibility with the Obsidian Tasks plugin's reading of a task line, table-driven.
//!
//! Each case is a task line and what Tasks makes of it (per the Tasks docs "Tasks Emoji
//! Format", "Dataview Format", "Priority", "Dates", "Recurring Tasks" and the plugin's
//! `DefaultTaskSerializer`/`DataviewTaskSerializer` regexes): fields are read from the end of
//! the line backwards in any order, each emoji may carry a U+FE0F variation selector, tags may
//! sit among the fields, a block id `^abc` ends the line, and parsing stops at the first text
//! from the end that is not a field.

use curator_core::context::Context;
use curator_core::tasks::{self, Priority, StatusType, Task};
use curator_core::{Note, Settings, VaultIndex};

fn task(line: &str) -> Task {
    let text = format!("{line}\n");
    let index = VaultIndex::new(Settings::default());
    let note = Note::parse("n.md", &text);
    let ctx = Context::for_note(&index, &note);
    let mut found = tasks::extract(&note, &ctx);
    assert_eq!(found.len(), 1, "expected one task in {line:?}");
    found.remove(0)
}

fn date(t: &Task, which: &str) -> Option<String> {
    let d = match which {
        "due" => t.due,
        "scheduled" => t.scheduled,
        "start" => t.start,
        "created" => t.created,
        "done" => t.done,
        "cancelled" => t.cancelled,
        other => panic!("no date field {other}"),
    };
    d.map(|d| d.to_string())
}

#[test]
fn statuses_and_list_markers() {
    let cases = [
        ("- [ ] a", ' ', StatusType::Todo),
        ("* [x] a", 'x', StatusType::Done),
        ("+ [X] a", 'X', StatusType::Done),
        ("1. [/] a", '/', StatusType::InProgress),
        ("2) [-] a", '-', StatusType::Cancelled),
        ("- [?] a", '?', StatusType::Todo),
        ("- [>] a", '>', StatusType::Todo),
    ];
    for (line, status, kind) in cases {
        let t = task(line);
        assert_eq!((t.status, t.status_type), (status, kind), "{line}");
        assert_eq!(t.description, "a", "{line}");
    }
}

#[test]
fn priorities() {
    let cases = [
        ("- [ ] a 🔺", Priority::Highest),
        ("- [ ] a ⏫", Priority::High),
        ("- [ ] a 🔼", Priority::Medium),
        ("- [ ] a", Priority::None),
        ("- [ ] a 🔽", Priority::Low),
        ("- [ ] a ⏬", Priority::Lowest),
        ("- [ ] a ⏬\u{fe0f}", Priority::Lowest),
        ("- [ ] a ⏫\u{fe0f} 📅 2025-01-02", Priority::High),
        ("- [ ] a🔼", Priority::Medium),
        ("- [ ] a [priority:: highest]", Priority::Highest),
        ("- [ ] a [priority:: high]", Priority::High),
        ("- [ ] a (priority:: medium)", Priority::Medium),
        ("- [ ] a [priority:: low]", Priority::Low),
        ("- [ ] a [priority:: lowest]", Priority::Lowest),
    ];
    for (line, priority) in cases {
        let t = task(line);
        assert_eq!(t.priority, priority, "{line}");
        assert_eq!(t.description, "a", "{line}");
    }
}

#[test]
fn every_date_signifier() {
    let cases = [
        ("- [ ] a 📅 2025-10-28", "due"),
        ("- [ ] a 📆 2025-10-28", "due"),
        ("- [ ] a 🗓 2025-10-28", "due"),
        ("- [ ] a 🗓\u{fe0f} 2025-10-28", "due"),
        ("- [ ] a 📅2025-10-28", "due"),
        ("- [ ] a 📅   2025-10-28", "due"),
        ("- [ ] a ⏳ 2025-10-28", "scheduled"),
        ("- [ ] a ⌛ 2025-10-28", "scheduled"),
        ("- [ ] a 🛫 2025-10-28", "start"),
        ("- [ ] a ➕ 2025-10-28", "created"),
        ("- [x] a ✅ 2025-10-28", "done"),
        ("- [-] a ❌ 2025-10-28", "cancelled"),
        ("- [ ] a [due:: 2025-10-28]", "due"),
        ("- [ ] a (due:: 2025-10-28)", "due"),
        ("- [ ] a [due::2025-10-28]", "due"),
        ("- [ ] a [due:: 2025-10-28],", "due"),
        ("- [ ] a [scheduled:: 2025-10-28]", "scheduled"),
        ("- [ ] a [start:: 2025-10-28]", "start"),
        ("- [ ] a [created:: 2025-10-28]", "created"),
        ("- [x] a [completion:: 2025-10-28]", "done"),
        ("- [-] a [cancelled:: 2025-10-28]", "cancelled"),
    ];
    for (line, which) in cases {
        let t = task(line);
        assert_eq!(date(&t, which).as_deref(), Some("2025-10-28"), "{line}");
        assert_eq!(t.description, "a", "{line}");
        for other in ["due", "scheduled", "start", "created", "done", "cancelled"] {
            if other != which {
                assert_eq!(date(&t, other), None, "{line}: {other}");
            }
        }
    }
}

#[test]
fn fields_in_any_order() {
    let orders = [
        "- [x] a 🔼 ➕ 2023-07-01 🛫 2023-07-02 ⏳ 2023-07-03 📅 2023-07-04 ✅ 2023-07-05",
        "- [x] a ✅ 2023-07-05 📅 2023-07-04 ⏳ 2023-07-03 🛫 2023-07-02 ➕ 2023-07-01 🔼",
        "- [x] a 📅 2023-07-04 🔼 ✅ 2023-07-05 ➕ 2023-07-01 ⏳ 2023-07-03 🛫 2023-07-02",
        "- [x] a [priority:: medium] [created:: 2023-07-01] [start:: 2023-07-02] [scheduled:: 2023-07-03] [due:: 2023-07-04] [completion:: 2023-07-05]",
    ];
    for line in orders {
        let t = task(line);
        assert_eq!(t.priority, Priority::Medium, "{line}");
        let dates: Vec<_> = ["created", "start", "scheduled", "due", "done"]
            .iter()
            .map(|w| date(&t, w).unwrap_or_default())
            .collect();
        assert_eq!(
            dates,
            [
                "2023-07-01",
                "2023-07-02",
                "2023-07-03",
                "2023-07-04",
                "2023-07-05"
            ],
            "{line}"
        );
        assert_eq!(t.description, "a", "{line}");
    }
}

#[test]
fn recurrence() {
    let cases = [
        ("- [ ] a 🔁 every day", "every day"),
        (
            "- [ ] a 🔁 every week on Monday when done",
            "every week on Monday when done",
        ),
        ("- [ ] a 🔁every 3 months", "every 3 months"),
        (
            "- [ ] a 🔁 every month on the 1st 📅 2025-01-01",
            "every month on the 1st",
        ),
        (
            "- [ ] a 📅 2025-01-01 🔁 every week on Tuesday, Friday",
            "every week on Tuesday, Friday",
        ),
        ("- [ ] a [repeat:: every weekday]", "every weekday"),
    ];
    for (line, rule) in cases {
        let t = task(line);
        assert_eq!(t.recurrence.as_deref(), Some(rule), "{line}");
        assert_eq!(t.description, "a", "{line}");
    }
}

#[test]
fn ids_dependencies_and_on_completion() {
    let t = task("- [ ] a 🆔 abc-1_x ⛔ dcf64c, 0h17ye 🏁 delete");
    assert_eq!(t.id.as_deref(), Some("abc-1_x"));
    assert_eq!(t.depends_on, vec!["dcf64c", "0h17ye"]);
    assert_eq!(t.on_completion.as_deref(), Some("delete"));
    assert_eq!(t.description, "a");

    let t = task("- [ ] a [id:: p1] [dependsOn:: q1,q2] [onCompletion:: keep]");
    assert_eq!(t.id.as_deref(), Some("p1"));
    assert_eq!(t.depends_on, vec!["q1", "q2"]);
    assert_eq!(t.on_completion.as_deref(), Some("keep"));

    let t = task("- [ ] a 🆔\u{fe0f} x9 ⛔\u{fe0f} y8");
    assert_eq!(
        (t.id.as_deref(), t.depends_on.clone()),
        (Some("x9"), vec!["y8".to_string()])
    );
}

#[test]
fn block_ids_end_the_line() {
    let t = task("- [ ] a 📅 2025-01-02 ^abc123");
    assert_eq!(t.block_id.as_deref(), Some("abc123"));
    assert_eq!(date(&t, "due").as_deref(), Some("2025-01-02"));
    assert_eq!(t.description, "a");

    let t = task("- [ ] a^abc");
    assert_eq!((t.block_id, t.description.as_str()), (None, "a^abc"));
}

#[test]
fn fields_before_free_text_are_free_text() {
    let t = task("- [ ] a 📅 2025-01-02 then b");
    assert_eq!(t.due, None);
    assert_eq!(t.description, "a 📅 2025-01-02 then b");

    let t = task("- [ ] a ⏫ b 📅 2025-01-02");
    assert_eq!(t.priority, Priority::None);
    assert_eq!(date(&t, "due").as_deref(), Some("2025-01-02"));
    assert_eq!(t.description, "a ⏫ b");

    let t = task("- [ ] a [due:: 2025-01-02] b");
    assert_eq!(t.due, None);

    let t = task("- [ ] a [owner:: Rob] [due:: 2025-01-02]");
    assert_eq!(date(&t, "due").as_deref(), Some("2025-01-02"));
    assert_eq!(t.description, "a [owner:: Rob]");
}

#[test]
fn tags_anywhere_and_among_fields() {
    let t = task("- [ ] Do exercises #todo #health 🔼 🔁 every day when done ➕ 2023-07-01 🛫 2023-07-02 ⏳ 2023-07-03 📅 2023-07-04 ✅ 2023-07-05 ^dcf64c");
    assert_eq!(t.description, "Do exercises");
    assert_eq!(t.tags, vec!["todo", "health"]);
    assert_eq!(t.priority, Priority::Medium);
    assert_eq!(t.recurrence.as_deref(), Some("every day when done"));
    assert_eq!(date(&t, "done").as_deref(), Some("2023-07-05"));
    assert_eq!(t.block_id.as_deref(), Some("dcf64c"));

    let t = task("- [ ] Ship #a/b the thing #c 📅 2025-01-02 #d ⏫");
    assert_eq!(t.description, "Ship the thing");
    assert_eq!(t.tags, vec!["a/b", "c", "d"]);
    assert_eq!(t.priority, Priority::High);
    assert_eq!(date(&t, "due").as_deref(), Some("2025-01-02"));

    let t = task("- [ ] Fix issue #123 and [[Note#Heading]]");
    assert!(t.tags.is_empty());
    assert_eq!(t.description, "Fix issue #123 and [[Note#Heading]]");
}

#[test]
fn malformed_values_are_not_fields() {
    let t = task("- [ ] a 📅 2025-1-2");
    assert_eq!((t.due, t.description.as_str()), (None, "a 📅 2025-1-2"));
    // The shape of a date that is not on the calendar: read as a field, with no date.
    let t = task("- [ ] a 📅 2025-02-30");
    assert_eq!((t.due, t.description.as_str()), (None, "a"));
    let t = task("- [ ] a [priority:: urgent]");
    assert_eq!(t.priority, Priority::None);
    assert_eq!(t.description, "a [priority:: urgent]");
}
