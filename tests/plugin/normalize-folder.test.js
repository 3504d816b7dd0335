"use strict";
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, readNote, waitFor } = require("./harness");
const { ensurePlaceholderRule, PLACEHOLDER } = require("./helpers");

const COMMAND = "vault-curator:normalize-folder";
const ROADMAP = "Meetings/20250312 1400 Roadmap sync.md";
const PILOT = "Meetings/20250318 0900 Pilot review.md";

afterEach(() => state.reset());

/** Runs the command, picks `folder` in the suggester like a user, returns the preview modal. */
async function openPreview(app, folder) {
	assert.equal(app.commands.executeCommandById(COMMAND), true);
	const suggest = state.modals.at(-1);
	assert.equal(suggest.inputEl.placeholder, "Choose a folder to normalize");
	await suggest._setQuery(folder);
	const item = [...suggest.resultContainerEl.querySelectorAll(".suggestion-item")].find((el) => el.textContent === folder);
	assert.ok(item, `${folder} is suggested`);
	item.click();
	return waitFor(() => state.modals.find((m) => m.contentEl.hasClass("vault-curator-preview")), { message: "the preview" });
}

function spyOnProcess(vault) {
	const calls = [];
	const process = vault.process.bind(vault);
	vault.process = (file, fn) => {
		calls.push(file.path);
		return process(file, fn);
	};
	return calls;
}

test("previews each note's diff, then applies through Vault.process", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	ensurePlaceholderRule(plugin.indexer.engine);
	const processed = spyOnProcess(app.vault);
	const preview = await openPreview(app, "Meetings");
	assert.equal(preview.titleEl.textContent, "Normalize frontmatter in Meetings");
	const notes = [...preview.contentEl.querySelectorAll(".vault-curator-preview-note")];
	assert.deepEqual(
		notes.map((n) => n.querySelector(".vault-curator-group-title").textContent),
		[ROADMAP, PILOT],
	);
	const removed = [...notes[0].querySelectorAll(".vault-curator-diff-removed")].map((el) => el.textContent);
	const added = [...notes[0].querySelectorAll(".vault-curator-diff-added")].map((el) => el.textContent);
	assert.ok(removed.includes(`- created: ${PLACEHOLDER}`), removed.join("\n"));
	assert.ok(added.includes("+ created: 2025-03-12"), added.join("\n"));
	assert.match(preview.contentEl.querySelector(".vault-curator-preview-errors").textContent, /Broken frontmatter\.md:\d+: frontmatter is not valid YAML/);
	assert.equal(readNote(vault, ROADMAP).includes(PLACEHOLDER), true, "nothing written before Apply");

	const apply = [...preview.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Apply");
	apply.click();
	await waitFor(() => state.notices.some((n) => n.startsWith("Fixed")), { message: "the apply notice" });
	assert.equal(state.notices.at(-1), "Fixed 2 notes");
	assert.deepEqual(processed, [ROADMAP, PILOT]);
	assert.match(readNote(vault, ROADMAP), /^created: 2025-03-12$/m);
	assert.match(readNote(vault, PILOT), /^created: 2025-03-18$/m);
	assert.equal(state.modals.length, 0, "the preview closes");
	plugin.unload();
});

test("a note edited between preview and apply is skipped, not overwritten", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	ensurePlaceholderRule(plugin.indexer.engine);
	const preview = await openPreview(app, "Meetings");
	const edited = `${readNote(vault, PILOT)}\n- [ ] Added while the preview was open. @Mara Quist\n`;
	await app.vault.modify(app.vault.getFileByPath(PILOT), edited);
	[...preview.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Apply").click();
	await waitFor(() => state.notices.some((n) => n.startsWith("Fixed")), { message: "the apply notice" });
	assert.equal(state.notices.at(-1), `Fixed 1 note; skipped 1 changed since the preview: ${PILOT}`);
	assert.equal(readNote(vault, PILOT), edited, "the concurrent edit survives byte for byte");
	assert.match(readNote(vault, ROADMAP), /^created: 2025-03-12$/m);
	plugin.unload();
});

test("cancel writes nothing", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	ensurePlaceholderRule(plugin.indexer.engine);
	const before = readNote(vault, ROADMAP);
	const processed = spyOnProcess(app.vault);
	const preview = await openPreview(app, "Meetings");
	[...preview.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Cancel").click();
	assert.equal(state.modals.length, 0);
	assert.deepEqual(processed, []);
	assert.equal(readNote(vault, ROADMAP), before);
	plugin.unload();
});

test("a folder with nothing to fix says so without a preview", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	app.commands.executeCommandById(COMMAND);
	const suggest = state.modals.at(-1);
	await suggest._setQuery("Notes");
	[...suggest.resultContainerEl.querySelectorAll(".suggestion-item")].find((el) => el.textContent === "Notes").click();
	await waitFor(() => state.notices.length > 0, { message: "a notice" });
	assert.deepEqual(state.notices, ["Nothing to fix in Notes"]);
	assert.equal(state.modals.length, 0);
	plugin.unload();
});
