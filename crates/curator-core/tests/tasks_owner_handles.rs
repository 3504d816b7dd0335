//! The opt-in `owner_handles` rule: owner handles rewritten to the form the vault's people
//! notes query, touching only the handle's bytes, idempotently.

use curator_core::context::Context;
use curator_core::settings::HandleStyle;
use curator_core::{apply_edits, tasks, Engine, Note, Settings, VaultIndex};

fn person(title: &str, query: Option<&str>) -> (String, String) {
    let body = match query {
        Some(q) => format!(
            "---\ntype: people\n---\n# {title}\n\n```dataview\nTASK\nWHERE contains(text, \"{q}\") AND !completed\n```\n"
        ),
        None => "---\ntype: people\n---\n".to_string(),
    };
    (format!("People/{title}.md"), body)
}

fn rule_on() -> Settings {
    let mut settings = Settings::default();
    settings.set_rule(&curator_core::tasks::owner_handles::RULE, true);
    settings
}

fn rewrite(settings: Settings, people: &[(String, String)], text: &str) -> String {
    let index = VaultIndex::build(
        settings,
        people.iter().map(|(p, t)| (p.as_str(), t.as_str())),
    );
    let note = Note::parse("Meetings/m.md", text);
    let ctx = Context::for_note(&index, &note);
    let edits = tasks::handle_edits(&note, &ctx);
    assert!(edits.iter().all(|e| e.rule == "tasks.owner_handles"));
    apply_edits(text, &edits).unwrap()
}

#[test]
fn camel_queries_turn_spaced_handles_camel() {
    let people = [
        person("Glenn Lockwood", Some("@GlennLockwood")),
        person("Niko Dukic", Some("@NikoDukic")),
    ];
    let text = "- [ ] Ask @Glenn Lockwood about it ⏫ 📅 2025-10-28\n- [x] Ship @NikoDukic ✅ 2025-10-29\nNot a task @Glenn Lockwood\n";
    let out = rewrite(rule_on(), &people, text);
    assert_eq!(
        out,
        "- [ ] Ask @GlennLockwood about it ⏫ 📅 2025-10-28\n- [x] Ship @NikoDukic ✅ 2025-10-29\nNot a task @Glenn Lockwood\n"
    );
}

#[test]
fn each_person_gets_their_own_notes_form_else_the_vault_majority() {
    let people = [
        person("Glenn Lockwood", Some("@GlennLockwood")),
        person("Niko Dukic", Some("@NikoDukic")),
        person("Lior Genzel", Some("@Lior Genzel")),
        person("Jason Vallery", None),
    ];
    let text = "- [ ] a @Glenn Lockwood @LiorGenzel @Jason Vallery\n";
    let out = rewrite(rule_on(), &people, text);
    assert_eq!(out, "- [ ] a @GlennLockwood @Lior Genzel @JasonVallery\n");
}

#[test]
fn settings_can_force_a_form() {
    let people = [person("Glenn Lockwood", Some("@GlennLockwood"))];
    let mut settings = rule_on();
    settings.handle_style = HandleStyle::Spaced;
    let out = rewrite(settings, &people, "- [ ] a @GlennLockwood #x\n");
    assert_eq!(out, "- [ ] a @Glenn Lockwood #x\n");
}

#[test]
fn leaves_unknown_misheard_coded_and_undetectable_handles_alone() {
    let people = [
        person("Glenn Lockwood", Some("@GlennLockwood")),
        person("Niko Dukic", None),
    ];
    let text = "\
- [ ] a @Jane Roe
- [ ] b `@Glenn Lockwood`
```
- [ ] c @Glenn Lockwood
```
- [ ] d @glenn lockwood, @glenn.lockwood.
";
    let out = rewrite(rule_on(), &people, text);
    assert_eq!(out, text.replace("@glenn.lockwood", "@GlennLockwood"));
    // No people-note queries at all: nothing to detect, nothing changes.
    let silent = [person("Glenn Lockwood", None)];
    let text = "- [ ] a @Glenn Lockwood\n";
    assert_eq!(rewrite(rule_on(), &silent, text), text);
}

#[test]
fn handles_and_queries_in_comments_are_left_alone() {
    let people = [person("Glenn Lockwood", Some("@GlennLockwood"))];
    let text = "\
- [ ] a %%for @Glenn Lockwood%% @Glenn Lockwood
%%
- [ ] b @Glenn Lockwood
%%
";
    let out = rewrite(rule_on(), &people, text);
    assert_eq!(
        out,
        text.replacen("%% @Glenn Lockwood", "%% @GlennLockwood", 1)
    );
    // A query commented out is not the form the person's note asks for.
    let commented = format!(
        "%%\n{}%%\n",
        person("Glenn Lockwood", Some("@GlennLockwood")).1
    );
    let note = Note::parse("People/Glenn Lockwood.md", &commented);
    assert_eq!(curator_core::index::query_handle(&note), None);
    let live = person("Glenn Lockwood", Some("@GlennLockwood")).1;
    let note = Note::parse("People/Glenn Lockwood.md", &live);
    assert_eq!(
        curator_core::index::query_handle(&note).as_deref(),
        Some("GlennLockwood")
    );
}

#[test]
fn engine_fix_is_idempotent_and_off_by_default() {
    let people = [person("Glenn Lockwood", Some("@GlennLockwood"))];
    let text = "# M\n\n- [ ] Ask @Glenn Lockwood ⏫\n";
    let mut off = Engine::new(Settings::default());
    let mut on = Engine::new(rule_on());
    for engine in [&mut off, &mut on] {
        for (path, body) in &people {
            engine.index_mut().upsert(path, body);
        }
    }
    assert!(off
        .check("Meetings/m.md", text)
        .edits
        .iter()
        .all(|e| e.rule != "tasks.owner_handles"));
    let fixed = on.fix("Meetings/m.md", text).text.unwrap();
    assert_eq!(fixed, "# M\n\n- [ ] Ask @GlennLockwood ⏫\n");
    assert!(on.fix("Meetings/m.md", &fixed).text.is_none());
}

#[test]
fn the_persons_own_query_handle_is_written_as_queried() {
    let people = [
        person("Margaret O'Connell", Some("@MargaretOConnell")),
        person("Glenn Lockwood", Some("@GlennLockwood")),
        person("Anna Berg", None),
    ];
    let text = "- [ ] a @Margaret O'Connell\n- [ ] b @Anna Berg\n";
    let out = rewrite(rule_on(), &people, text);
    assert_eq!(out, "- [ ] a @MargaretOConnell\n- [ ] b @AnnaBerg\n");
    // Written as queried, the handle no longer resolves exactly and is left alone next time.
    assert_eq!(rewrite(rule_on(), &people, &out), out);
}

/// A person note that queries its own tasks by `handle`, and a meeting assigning tasks to them.
fn fix_all(settings: Settings, people: &[(String, String)], text: &str) -> String {
    let mut engine = Engine::new(settings);
    for (p, t) in people {
        engine.index_mut().upsert(p, t);
    }
    engine.index_mut().upsert("Meetings/m.md", text);
    engine
        .fix("Meetings/m.md", text)
        .text
        .unwrap_or_else(|| text.to_string())
}

#[test]
fn handles_the_persons_own_query_finds_are_never_rewritten() {
    let people = [
        person("Aoife O'Brien", Some("@AoifeOBrien")),
        person("Tal Bar-Lev", Some("@TalBarLev")),
        person("Seán Ó Dálaigh", None),
    ];
    let text = "---\ntype: meeting\n---\n- [ ] Draft @AoifeOBrien 📅 2025-03-04\n- [ ] Review @TalBarLev\n- [ ] Call @Aoife OBrien\n- [ ] Book @SeanODalaigh\n";
    for settings in [Settings::default(), rule_on()] {
        assert_eq!(fix_all(settings, &people, text), text);
    }
}

#[test]
fn a_misheard_owner_is_written_the_way_the_persons_note_queries() {
    let people = [
        person("Aoife O'Brien", Some("@AoifeOBrien")),
        person("Margaret O'Connell", None),
    ];
    let text = "---\ntype: meeting\nparticipants: [\"[[Aoife O'Brien]]\", \"[[Margaret O'Connell]]\"]\n---\n- [ ] Draft @AoifeOBrian\n- [ ] Review @MargaretOConnel\n";
    assert_eq!(
        fix_all(Settings::default(), &people, text),
        "---\ntype: meeting\nparticipants: [\"[[Aoife O'Brien]]\", \"[[Margaret O'Connell]]\"]\n---\n- [ ] Draft @AoifeOBrien\n- [ ] Review @MargaretOConnell\n"
    );
}

#[test]
fn a_possessive_handle_is_no_owner_and_stays_as_written() {
    let people = [person("Glenn Lockwood", Some("@GlennLockwood"))];
    let text = "- [ ] Read @Glenn Lockwood’s draft\n- [ ] Answer @Glenn Lockwood's note\n";
    assert_eq!(rewrite(rule_on(), &people, text), text);
}
