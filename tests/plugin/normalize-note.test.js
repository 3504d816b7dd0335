"use strict";
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, readNote } = require("./harness");
const { ensurePlaceholderRule } = require("./helpers");

const COMMAND = "vault-curator:normalize-current-note";
const MEETING = "Meetings/20250312 1400 Roadmap sync.md";

afterEach(() => state.reset());

test("fills the placeholder through the editor and keeps the cursor on the same text", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	ensurePlaceholderRule(plugin.indexer.engine);
	const view = await app.workspace._openFile(MEETING);
	const { editor } = view;
	const before = editor.getValue();
	// Cursor inside "storage roadmap" in the body, below the edited frontmatter line.
	const at = before.indexOf("storage roadmap") + "storage ".length;
	editor.setCursor(editor.offsetToPos(at));
	assert.equal(app.commands.executeCommandById(COMMAND), true);
	const after = editor.getValue();
	assert.match(after, /^created: 2025-03-12$/m);
	assert.ok(editor.transactions.length >= 1, "edits go through editor.transaction");
	const cursor = editor.posToOffset(editor.getCursor());
	assert.equal(after.slice(cursor, cursor + "roadmap".length), "roadmap", "cursor still on the same word");
	assert.match(state.notices.at(-1), /^\d+ fix(es)?: .*placeholders/);
	// The body after the frontmatter is untouched.
	assert.equal(after.slice(after.indexOf("# 20250312")), before.slice(before.indexOf("# 20250312")));
	plugin.unload();
});

test("running it again finds nothing to fix", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	ensurePlaceholderRule(plugin.indexer.engine);
	await app.workspace._openFile(MEETING);
	app.commands.executeCommandById(COMMAND);
	const { editor } = app.workspace.activeEditor;
	const once = editor.getValue();
	const transactions = editor.transactions.length;
	app.commands.executeCommandById(COMMAND);
	assert.equal(editor.getValue(), once);
	assert.equal(editor.transactions.length, transactions);
	assert.equal(state.notices.at(-1), "Nothing to fix");
	plugin.unload();
});

test("a clean note is left byte-identical", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	const view = await app.workspace._openFile("Notes/Clean note.md");
	app.commands.executeCommandById(COMMAND);
	assert.equal(view.editor.getValue(), readNote(vault, "Notes/Clean note.md"));
	assert.equal(view.editor.transactions.length, 0);
	assert.deepEqual(state.notices, ["Nothing to fix"]);
	plugin.unload();
});

test("a note with invalid frontmatter shows the error and is not changed", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	const view = await app.workspace._openFile("Meetings/Broken frontmatter.md");
	app.commands.executeCommandById(COMMAND);
	assert.equal(view.editor.getValue(), readNote(vault, "Meetings/Broken frontmatter.md"));
	assert.equal(view.editor.transactions.length, 0);
	assert.equal(state.notices.length, 1);
	assert.match(state.notices[0], /^Not changed \(line \d+\): frontmatter is not valid YAML/);
	plugin.unload();
});

test("extract tasks lists the current note's tasks in a modal", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	await app.workspace._openFile(MEETING);
	assert.equal(app.commands.executeCommandById("vault-curator:extract-tasks"), true);
	const modal = state.modals.at(-1);
	assert.equal(modal.titleEl.textContent, "Tasks in 20250312 1400 Roadmap sync");
	const rows = modal.contentEl.querySelectorAll(".vault-curator-task");
	const expected = plugin.indexer.engine.tasks(MEETING, app.workspace.activeEditor.editor.getValue());
	assert.equal(rows.length, expected.length);
	if (expected.length === 0) assert.equal(modal.contentEl.textContent, "No tasks in this note.");
	else assert.match(rows[0].textContent, /owner: Mara Quist/);
	modal.close();
	assert.equal(state.modals.length, 0);
	plugin.unload();
});
