//! The README's before/after example is exactly what `curator fix` does to that note in the
//! demo vault.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const NOTE: &str = "Meetings/20260114 1030 Vendor sync.md";

/// The first two ```markdown blocks of the README: the note before and after.
fn readme_example() -> (String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = fs::read_to_string(root.join("README.md")).expect("README.md");
    let mut blocks = readme
        .split("```markdown\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or("").to_string());
    (
        blocks.next().expect("before block"),
        blocks.next().expect("after block"),
    )
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

#[test]
fn readme_example_is_what_fix_does() {
    let (before, after) = readme_example();
    assert_ne!(before, after);
    let dir = tempfile::tempdir().expect("temp dir");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo-vault");
    copy_dir(&demo, dir.path());
    let _ = fs::remove_dir_all(dir.path().join(".obsidian/plugins"));
    fs::write(dir.path().join(NOTE), &before).expect("write note");
    Command::cargo_bin("curator")
        .expect("binary")
        .arg("fix")
        .arg(dir.path())
        .assert()
        .code(0);
    assert_eq!(
        fs::read_to_string(dir.path().join(NOTE)).expect("read"),
        after
    );
}
