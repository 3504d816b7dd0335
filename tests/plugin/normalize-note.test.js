"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, readNote, waitFor } = require("./harness");

const COMMAND = "vault-curator:normalize-current-note";
const MEETING = "Meetings/20250312 1400 Roadmap sync.md";
const PILOT_RACK = "Projects/Pilot rack.md";

afterEach(() => state.reset());

/** Runs an editor command like the palette and waits for the notice it ends with. */
async function run(app, id = COMMAND) {
	const before = state.notices.length;
	assert.equal(app.commands.executeCommandById(id), true);
	await waitFor(() => state.notices.length > before, { message: "the command's notice" });
	return state.notices.at(-1);
}

/** Runs "Extract tasks" and waits for its modal. */
async function extractTasks(app) {
	const before = state.modals.length;
	assert.equal(app.commands.executeCommandById("vault-curator:extract-tasks"), true);
	return waitFor(() => state.modals.length > before && state.modals.at(-1), { message: "the tasks modal" });
}

test("the fixture meeting has non-ASCII text and an emoji before the edited spans", () => {
	const text = readNote(makeVault(), MEETING);
	const topic = text.indexOf("topic: \"Storage roadmap ☕ café 📅\"");
	assert.ok(topic > 0 && topic < text.indexOf("created: { { DATE } }"));
	// UTF-8 bytes and UTF-16 indices disagree from here on: ☕ is 3 bytes/1 unit, é 2/1, 📅 4/2.
	const prefix = text.slice(0, text.indexOf("created:"));
	assert.equal(Buffer.byteLength(prefix, "utf8") - prefix.length, 2 + 1 + 2);
});

test("fills the placeholders through the editor: UTF-16 offsets, cursor and selection stay on their text", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	const view = await app.workspace._openFile(MEETING);
	const { editor } = view;
	const before = editor.getValue();
	// Anchor between the two edited spans (in the title), head in the body after both.
	const anchor = before.indexOf("1400 Roadmap sync\"\n");
	const head = before.indexOf("storage roadmap") + "storage ".length;
	editor.setSelection(editor.offsetToPos(anchor), editor.offsetToPos(head));
	assert.equal(await run(app), "2 fixes: placeholders");

	// Exactly the engine's fix (what `curator fix` writes for this note): both placeholders
	// filled from the **Date:** and **Participants:** lines, every other byte kept.
	const expected = before
		.replace("created: { { DATE } }\n", "created: 2025-03-12\n")
		.replace("participants: [{ { PARTICIPANTS } }]\n", "participants: [\"[[Mara Quist]]\", \"[[Tobias Fenn]]\"]\n");
	assert.notEqual(expected, before);
	assert.equal(editor.getValue(), expected);
	assert.equal(editor.transactions.length, 1, "one transaction: one undo step");
	// Positions of the placeholders in the note; UTF-8 byte offsets would land 5 columns later.
	assert.deepEqual(
		editor.transactions[0].tx.changes,
		[
			{ from: { line: 3, ch: 9 }, to: { line: 3, ch: 21 }, text: "2025-03-12" },
			{ from: { line: 5, ch: 15 }, to: { line: 5, ch: 35 }, text: '"[[Mara Quist]]", "[[Tobias Fenn]]"' },
		],
	);
	const after = editor.getValue();
	const anchorAt = editor.posToOffset(editor.getCursor("anchor"));
	const headAt = editor.posToOffset(editor.getCursor("head"));
	assert.equal(anchorAt, after.indexOf("1400 Roadmap sync\"\n"), "anchor on the same text");
	assert.equal(after.slice(headAt, headAt + "roadmap;".length), "roadmap;", "head on the same word");
	plugin.unload();
});

test("edits are applied only to the text they were computed for: a buffer changed meanwhile is checked again", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	const view = await app.workspace._openFile(MEETING);
	const { editor } = view;
	const typed = "Typed while the engine was checking.\n";
	// The user types once, after the engine received the buffer and before its answer.
	const edits = plugin.engine.edits;
	let typing = true;
	plugin.engine.edits = async (...args) => {
		const report = await edits(...args);
		if (typing) {
			typing = false;
			editor.replaceRange(typed, editor.offsetToPos(editor.getValue().length));
		}
		return report;
	};
	assert.equal(await run(app), "2 fixes: placeholders");
	const value = editor.getValue();
	assert.ok(value.endsWith(typed), "the typing is kept");
	assert.match(value, /^created: 2025-03-12$/m);
	assert.match(value, /^participants: \["\[\[Mara Quist\]\]", "\[\[Tobias Fenn\]\]"\]$/m);
	// The typing, then one fix computed for the typed text: the stale edits were never applied.
	assert.equal(editor.transactions.length, 2);
	assert.equal(editor.transactions[0].tx.changes[0].text, typed);
	plugin.unload();
});

test("running it again finds nothing to fix", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	await app.workspace._openFile(MEETING);
	await run(app);
	const { editor } = app.workspace.activeEditor;
	const once = editor.getValue();
	const transactions = editor.transactions.length;
	assert.equal(await run(app), "Nothing to fix");
	assert.equal(editor.getValue(), once);
	assert.equal(editor.transactions.length, transactions);
	plugin.unload();
});

test("a clean note is left byte-identical", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	const view = await app.workspace._openFile("Notes/Clean note.md");
	await run(app);
	assert.equal(view.editor.getValue(), readNote(vault, "Notes/Clean note.md"));
	assert.equal(view.editor.transactions.length, 0);
	assert.deepEqual(state.notices, ["Nothing to fix"]);
	plugin.unload();
});

test("a note with invalid frontmatter shows the error and is not changed", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	const view = await app.workspace._openFile("Meetings/Broken frontmatter.md");
	await run(app);
	assert.equal(view.editor.getValue(), readNote(vault, "Meetings/Broken frontmatter.md"));
	assert.equal(view.editor.transactions.length, 0);
	assert.deepEqual(state.notices, ["Not changed (line 4): frontmatter is not valid YAML: illegal placement of ':' indicator"]);
	plugin.unload();
});

/** The rows of the open tasks modal as text. */
function modalRows(modal) {
	return [...modal.contentEl.querySelectorAll(".vault-curator-task")].map((li) => li.textContent);
}

test("extract tasks lists the current note's tasks with owners, dates and priorities", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	await app.workspace._openFile(MEETING);
	const modal = await extractTasks(app);
	assert.equal(modal.titleEl.textContent, "Tasks in 20250312 1400 Roadmap sync");
	assert.deepEqual(modalRows(modal), [
		"[ ] Send the capacity plan to the team.owner: Mara Quist · due: 2025-03-20 · priority: high · line 21",
		"[ ] Draft the pilot success criteria.owner: Tobias Fenn · due: 2025-03-25 · priority: medium · line 22",
		"[x] Book the follow-up session.owner: Mara Quist · due: none · priority: none · line 23",
	]);
	modal.close();
	assert.equal(state.modals.length, 0);
	plugin.unload();
});

test("the fixture task line holds real mojibake bytes", () => {
	const bytes = fs.readFileSync(path.join(makeVault(), PILOT_RACK));
	// ⏫ 📅 (E2 8F AB, F0 9F 93 85) read as windows-1252, the undefined 0x8F dropped, saved as UTF-8.
	const mojibake = Buffer.from("c3a2c2ab20c3b0c5b8e2809ce280a6", "hex");
	assert.ok(bytes.includes(Buffer.concat([Buffer.from("@TobiasFenn "), mojibake, Buffer.from(" 2026-01-16\n")])));
});

test("extract tasks reads a task line with mojibake: its priority and due date", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	await app.workspace._openFile(PILOT_RACK);
	assert.deepEqual(modalRows(await extractTasks(app)), [
		"[ ] Order spare drives for the pilot rack.owner: Tobias Fenn · due: 2026-01-16 · priority: high · line 13",
		"[ ] Label the rack power feeds.owner: Tobias Fenn · due: none · priority: medium · line 14",
	]);
	plugin.unload();
});
