//! The binding as JS sees it, run in Node by wasm-bindgen-test-runner
//! (`cargo test -p curator-wasm --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use curator_wasm::{apply_edits, default_settings, version, Curator};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn js(value: Value) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

fn rust(value: JsValue) -> Value {
    Value::deserialize(serde_wasm_bindgen::Deserializer::from(value)).unwrap()
}

fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}

#[wasm_bindgen_test]
fn missing_settings_take_defaults_and_partial_rules_merge() {
    let curator = Curator::new(js(
        json!({"rules": {"dates": false}, "ignore": ["Archive/"]}),
    ))
    .unwrap();
    let settings = rust(curator.settings().unwrap());
    assert_eq!(settings["rules"]["dates"], json!(false));
    assert_eq!(settings["rules"]["tags"], json!(true));
    assert_eq!(settings["ignore"], json!(["Archive/"]));
    assert_eq!(settings["optOutKey"], json!("curator"));
    let defaults = rust(default_settings().unwrap());
    assert_eq!(
        rust(
            Curator::new(JsValue::UNDEFINED)
                .unwrap()
                .settings()
                .unwrap()
        ),
        defaults
    );
    assert_eq!(
        defaults["propertyTypes"],
        json!({}),
        "maps become plain objects"
    );
}

#[wasm_bindgen_test]
fn bad_arguments_throw_with_clear_messages() {
    let err = Curator::new(js(json!({"rules": 5}))).err().unwrap();
    assert!(format!("{:?}", JsValue::from(err)).contains("invalid settings"));
    let mut curator = Curator::new(JsValue::NULL).unwrap();
    let err = curator.check(JsValue::from_f64(1.0), s("x")).err().unwrap();
    assert!(format!("{:?}", JsValue::from(err)).contains("path must be a string"));
}

#[wasm_bindgen_test]
fn index_follows_upsert_rename_remove_and_set_settings_restages_it() {
    let mut curator = Curator::new(JsValue::NULL).unwrap();
    curator.upsert_note(s("People/A.md"), s("# A\n")).unwrap();
    curator
        .upsert_note(s("Meetings/m.md"), s("body\n"))
        .unwrap();
    curator
        .upsert_note(s(".obsidian/x.md"), s("ignored\n"))
        .unwrap();
    assert_eq!(curator.note_count(), 2);
    curator
        .rename_note(s("Meetings/m.md"), s("Meetings/n.md"), s("body\n"))
        .unwrap();
    assert_eq!(curator.note_count(), 2);
    curator.remove_note(s("People/A.md")).unwrap();
    curator.remove_note(s("Nowhere.md")).unwrap();
    assert_eq!(curator.note_count(), 1);
    curator
        .set_settings(js(json!({"listStyle": "flow"})))
        .unwrap();
    assert_eq!(curator.note_count(), 0, "staged again, not indexed yet");
    assert_eq!(rust(curator.progress().unwrap())["staged"], json!(2));
    assert_eq!(curator.index_staged(u32::MAX), 0);
    assert_eq!(curator.note_count(), 1);
    assert_eq!(
        rust(curator.settings().unwrap())["listStyle"],
        json!("flow")
    );
}

#[wasm_bindgen_test]
fn broken_frontmatter_is_an_error_value_not_a_throw() {
    let mut curator = Curator::new(JsValue::NULL).unwrap();
    let report = rust(
        curator
            .check(s("n.md"), s("---\na: [1\n---\nbody\n"))
            .unwrap(),
    );
    assert_eq!(report["path"], json!("n.md"));
    assert_eq!(report["edits"], json!([]));
    assert!(report["error"]["message"]
        .as_str()
        .unwrap()
        .contains("YAML"));
    assert_eq!(report["review"][0]["reason"], json!("invalid_frontmatter"));
    let fixed = rust(
        curator
            .fix(s("n.md"), s("---\na: [1\n---\nbody\n"))
            .unwrap(),
    );
    assert_eq!(fixed["text"], Value::Null);
    assert_eq!(fixed["applied"], json!([]));
    assert!(fixed["error"]["line"].is_number());
}

#[wasm_bindgen_test]
fn clean_note_has_null_text_and_null_error() {
    let mut curator = Curator::new(JsValue::NULL).unwrap();
    let text = "---\ntags: [needs-review]\n---\n# Person\n";
    let fixed = rust(curator.fix(s("p.md"), s(text)).unwrap());
    assert_eq!(fixed["text"], Value::Null);
    assert_eq!(fixed["error"], Value::Null);
    assert_eq!(fixed["review"][0]["reason"], json!("needs_review"));
    assert_eq!(fixed["review"][0]["line"], Value::Null);
    let report = rust(curator.check(s("p.md"), s(text)).unwrap());
    assert_eq!(report["error"], Value::Null);
    assert!(rust(curator.tasks(s("p.md"), s(text)).unwrap()).is_array());
    assert!(rust(curator.mentions(s("p.md"), s(text)).unwrap()).is_array());
    assert!(rust(curator.vault_review().unwrap()).is_array());
}

#[wasm_bindgen_test]
fn edits_are_the_reports_edits_without_its_review_items() {
    let mut curator = Curator::new(JsValue::NULL).unwrap();
    // The emoji before the garble is two UTF-16 units: the edit is in JS string indices.
    let text = "---\ntags: [needs-review]\n---\n📅 It doesnâ€™t work.\n";
    let broken = "---\na: [1\n---\nbody\n";
    curator.upsert_note(s("p.md"), s(text)).unwrap();
    // The indexed note (answered from the warm state), a buffer the index does not hold, and
    // a note that cannot be edited.
    for (path, text) in [("p.md", text), ("other.md", text), ("n.md", broken)] {
        let report = rust(curator.check(s(path), s(text)).unwrap());
        let edits = rust(curator.edits(s(path), s(text)).unwrap());
        assert_eq!(
            edits,
            json!({"path": path, "edits": report["edits"], "error": report["error"]}),
            "{path}"
        );
    }
    let edits = rust(curator.edits(s("p.md"), s(text)).unwrap());
    assert_eq!(edits["edits"][0]["start"], json!(40));
    assert_eq!(edits["edits"][0]["replacement"], json!("’"));
    assert!(rust(curator.check(s("p.md"), s(text)).unwrap())["review"][0].is_object());
    assert!(rust(curator.edits(s("n.md"), s(broken)).unwrap())["error"]["line"].is_number());
    assert!(curator.edits(JsValue::from_f64(1.0), s("x")).is_err());
}

#[wasm_bindgen_test]
fn apply_edits_takes_js_string_indices() {
    // "📅" is two UTF-16 units: the date starts at index 3.
    let text = "📅 2025-10-28 ok";
    let out = apply_edits(
        s(text),
        js(json!([{"start": 3, "end": 13, "replacement": "2025-10-29"}])),
    )
    .unwrap();
    assert_eq!(out, "📅 2025-10-29 ok");
    let split = apply_edits(
        s(text),
        js(json!([{"start": 1, "end": 2, "replacement": ""}])),
    );
    assert!(format!("{:?}", JsValue::from(split.err().unwrap())).contains("surrogate"));
    let overlap = apply_edits(
        s("abcdef"),
        js(json!([
            {"start": 0, "end": 3, "replacement": "x", "rule": "a"},
            {"start": 2, "end": 4, "replacement": "y", "rule": "b"}
        ])),
    );
    assert!(format!("{:?}", JsValue::from(overlap.err().unwrap())).contains("overlap"));
    let not_edits = apply_edits(s("a"), js(json!({"start": 0})));
    assert!(format!("{:?}", JsValue::from(not_edits.err().unwrap())).contains("array of edits"));
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn section_updates_come_from_the_indexed_notes() {
    let mut curator = Curator::new(js(json!({"rules": {"openTasksSection": true}}))).unwrap();
    let person = "---\ntype: people\n---\n📅 ☕\n<!-- curator:open-tasks -->\n<!-- /curator:open-tasks -->\n";
    curator
        .upsert_note(s("People/Ada Park.md"), s(person))
        .unwrap();
    curator
        .upsert_note(s("m.md"), s("- [ ] Call back @Ada Park\n"))
        .unwrap();
    let out = rust(curator.section_updates().unwrap());
    assert_eq!(
        out,
        json!([{
            "path": "People/Ada Park.md",
            "original": person,
            "text": person.replace("-->\n<!-- /", "-->\n- Call back — [[m]]\n<!-- /"),
        }])
    );
}

#[wasm_bindgen_test]
fn staged_notes_are_indexed_warmed_and_queried() {
    let mut curator = Curator::new(JsValue::NULL).unwrap();
    let staged = curator
        .stage_notes(js(json!([
            {"path": "People/Tobias Fenn.md", "text": "---\ntype: people\n---\n# Tobias Fenn\n"},
            {"path": "m.md", "text": "---\ntype: meeting\n---\n\nWe asked [[Tobias Venn]] about it.\n"},
            {"path": "t.md", "text": "- [ ] Book the venue @Tobias Fenn 📅 2026-01-02\n"},
        ])))
        .unwrap();
    assert_eq!(staged, 3);
    assert_eq!(curator.index_staged(1), 2);
    assert_eq!(curator.index_staged(2), 0);
    let progress = rust(curator.warm(1000.0).unwrap());
    assert_eq!(
        progress,
        json!({"notes": 3, "staged": 0, "stale": 0, "unread": 0, "waiting": 0})
    );

    // The texts went once computed: a card's line asks for its note's text, lent for the page.
    let meeting = "---\ntype: meeting\n---\n\nWe asked [[Tobias Venn]] about it.\n";
    let needs = rust(curator.review_decisions(js(json!({"limit": 1}))).unwrap());
    assert_eq!(needs, json!({"needsTexts": ["m.md"]}));
    curator
        .lend_notes(js(json!([{"path": "m.md", "text": meeting}])))
        .unwrap();
    let page = rust(curator.review_decisions(js(json!({"limit": 1}))).unwrap());
    assert_eq!(
        page["cards"][0]["occurrences"][0]["context"],
        json!("We asked [[Tobias Venn]] about it.")
    );
    curator.release_lent();

    // Opening a note reads it ahead of its saves, and keeps its text while it is edited; an
    // unknown path is no error.
    let text = JsValue::from_str(meeting);
    curator
        .open_note(JsValue::from_str("m.md"), text.clone())
        .unwrap();
    curator
        .open_note(JsValue::from_str("nowhere.md"), text)
        .unwrap();
    assert!(curator
        .open_note(JsValue::from(1), JsValue::from_str(""))
        .is_err());
    curator
        .open_note(JsValue::from_str("m.md"), JsValue::from_str(meeting))
        .unwrap();

    let page = rust(curator.review_decisions(js(json!({"limit": 1}))).unwrap());
    assert_eq!(page["total"], json!(1));
    assert_eq!(page["kinds"][0]["kind"], json!("uncertain_mention"));
    assert_eq!(page["kinds"][0]["count"], json!(1));
    assert_eq!(page["cards"][0]["name"], json!("Tobias Venn"));
    assert_eq!(page["cards"][0]["notes"], json!(1));
    assert_eq!(
        page["cards"][0]["paths"],
        json!([]),
        "a name is answered once for its notes"
    );

    let page = rust(curator.tasks_by_owner(JsValue::UNDEFINED).unwrap());
    assert_eq!(page["total"], json!(1));
    let groups = &page["groups"];
    assert_eq!(groups[0]["owner"], json!("Tobias Fenn"));
    assert_eq!(groups[0]["count"], json!(1));
    assert_eq!(groups[0]["tasks"][0]["due"], json!("2026-01-02"));
    assert_eq!(
        rust(curator.all_tasks().unwrap()).as_array().unwrap().len(),
        1
    );

    let bad = curator.review_decisions(js(json!({"kind": "no_such_reason"})));
    assert!(format!("{:?}", JsValue::from(bad.err().unwrap()))
        .contains("reviewDecisions: invalid query"));
    let bad = curator.stage_notes(js(json!([{"path": 1}])));
    assert!(format!("{:?}", JsValue::from(bad.err().unwrap())).contains("stageNotes"));
}
