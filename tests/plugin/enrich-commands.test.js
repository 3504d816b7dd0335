"use strict";
// "Enrich folder…", "Enrich vault…" and "Rebuild index": the preview lets notes be left out,
// Apply comes before the diffs, long lines wrap, and what is applied is one run of the journal.
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor, readNote, obsidian, ROOT } = require("./harness");

const ROADMAP = "Meetings/20250312 1400 Roadmap sync.md";
const PILOT = "Meetings/20250318 0900 Pilot review.md";
const RACK = "Projects/Pilot rack.md";
const JOURNAL = ".obsidian/plugins/vault-curator/journal";

afterEach(() => state.reset());

function preview() {
	return waitFor(() => state.modals.find((m) => m.contentEl.hasClass("vault-curator-preview")), { timeout: 10_000, message: "the preview" });
}

const button = (modal, text) => [...modal.contentEl.querySelectorAll("button")].find((b) => b.textContent === text);

test("Enrich vault… previews every note; a note left out is not written; Apply comes before the diffs", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	const pilot = readNote(vault, PILOT);
	assert.equal(app.commands.executeCommandById("vault-curator:enrich-vault"), true);
	const modal = await preview();
	assert.equal(modal.titleEl.textContent, "Enrich the vault");
	const notes = [...modal.contentEl.querySelectorAll(".vault-curator-preview-note")];
	assert.deepEqual(
		notes.map((n) => n.querySelector(".vault-curator-group-title").textContent),
		[ROADMAP, PILOT, RACK],
	);
	const actions = modal.contentEl.querySelector(".vault-curator-preview-actions");
	assert.ok(actions.compareDocumentPosition(notes[0]) & window.Node.DOCUMENT_POSITION_FOLLOWING, "Apply is above the first diff");
	assert.ok(actions.contains(button(modal, "Apply")));
	assert.equal(actions.querySelector(".vault-curator-preview-count").textContent, "All 3 notes selected");

	const pilotBox = notes[1].querySelector("input[type=checkbox]");
	assert.equal(pilotBox.getAttribute("aria-label"), `Apply to ${PILOT}`);
	pilotBox.click();
	assert.equal(actions.querySelector(".vault-curator-preview-count").textContent, "2 of 3 notes selected");
	assert.ok(notes[1].hasClass("is-left-out"));
	// The mojibake repair sits at the end of a long task line: the line is shown whole.
	const rackLines = [...notes[2].querySelectorAll(".vault-curator-diff-added")].map((el) => el.textContent);
	assert.ok(rackLines.some((l) => l.startsWith("+ - [ ] Order spare drives") && l.includes("⏫ 📅 2026-01-16")), rackLines.join("\n"));

	button(modal, "Apply").click();
	await waitFor(() => state.notices.some((n) => n.startsWith("Fixed")), { timeout: 10_000, message: "the apply notice" });
	// Mara Quist's last_contact follows from the meeting's participants, now links: fixed after,
	// as `curator fix` settles a vault.
	assert.equal(state.notices.at(-1), "Fixed 2 notes, then 1 note that reads them: People/Mara Quist.md");
	assert.equal(readNote(vault, PILOT), pilot, "left out: not written");
	assert.ok(!readNote(vault, ROADMAP).includes("{ { DATE } }"));
	const runs = fs.readdirSync(path.join(vault, JOURNAL)).map((f) => JSON.parse(fs.readFileSync(path.join(vault, JOURNAL, f), "utf8")));
	assert.deepEqual(runs.map((r) => [r.source, r.notes.map((n) => n.path)]), [["plugin", [ROADMAP, RACK, "People/Mara Quist.md"]]]);
	plugin.unload();
});

test("Apply is disabled when every note is left out; the diff's long lines wrap", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	app.commands.executeCommandById("vault-curator:enrich-folder");
	const suggest = state.modals.at(-1);
	assert.equal(suggest.inputEl.placeholder, "Choose a folder to enrich");
	await suggest._setQuery("Projects");
	[...suggest.resultContainerEl.querySelectorAll(".suggestion-item")].find((el) => el.textContent === "Projects").click();
	const modal = await preview();
	assert.equal(modal.titleEl.textContent, "Enrich Projects");
	modal.contentEl.querySelector(".vault-curator-preview-note input[type=checkbox]").click();
	assert.equal(button(modal, "Apply").disabled, true);
	const css = fs.readFileSync(path.join(ROOT, "styles.css"), "utf8");
	const diffRule = css.slice(css.indexOf(".vault-curator-diff {"), css.indexOf("}", css.indexOf(".vault-curator-diff {")));
	assert.match(diffRule, /white-space: pre-wrap;/);
	assert.match(diffRule, /overflow-wrap: anywhere;/);
	assert.match(css, /\.vault-curator-preview-actions \{[^}]*position: sticky;/);
	plugin.unload();
});

test("Rebuild index forgets every note and reads the vault again", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	// A note the index never heard of (written while nothing watched the folder).
	fs.writeFileSync(path.join(vault, "Notes/Unseen.md"), "# Unseen\n");
	app.vault._stat(app.vault._add(new obsidian.TFile(app.vault, "Notes/Unseen.md"), app.vault.getFolderByPath("Notes")));
	assert.equal(await plugin.engine.noteCount(), 8);
	assert.equal(app.commands.executeCommandById("vault-curator:rebuild-index"), true);
	await waitFor(() => state.notices.length > 0, { timeout: 10_000, message: "the notice" });
	assert.equal(state.notices[0], "Rebuilt the index: 9 notes");
	assert.equal(await plugin.engine.noteCount(), 9);
	plugin.unload();
});
