"use strict";
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, readNote, waitFor } = require("./harness");

const COMMAND = "vault-curator:normalize-folder";
const ROADMAP = "Meetings/20250312 1400 Roadmap sync.md";
const PILOT = "Meetings/20250318 0900 Pilot review.md";
const PLACEHOLDER = "{ { DATE } }";

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
	const [roadmap, pilot] = [readNote(vault, ROADMAP), readNote(vault, PILOT)];
	const processed = spyOnProcess(app.vault);
	const preview = await openPreview(app, "Meetings");
	assert.equal(preview.titleEl.textContent, "Normalize frontmatter in Meetings");
	const notes = [...preview.contentEl.querySelectorAll(".vault-curator-preview-note")];
	assert.deepEqual(
		notes.map((n) => n.querySelector(".vault-curator-group-title").textContent),
		[ROADMAP, PILOT],
	);
	const diff = (note) => [...note.querySelectorAll(".vault-curator-diff > div")].map((el) => el.textContent);
	const reasons = (note) => [...note.querySelectorAll(".vault-curator-reasons li")].map((el) => el.textContent);
	assert.deepEqual(diff(notes[0]), [
		"  ---",
		"  type: \"group-meeting\"",
		"  topic: \"Storage roadmap ☕ café 📅\"",
		`- created: ${PLACEHOLDER}`,
		"+ created: 2025-03-12",
		"  title: \"20250312 1400 Roadmap sync\"",
		"- participants: [{ { PARTICIPANTS } }]",
		"+ participants: [\"[[Mara Quist]]\", \"[[Tobias Fenn]]\"]",
		"  tags: [meeting, group]",
		"  ---",
		"… 15 unchanged lines",
	]);
	assert.deepEqual(reasons(notes[0]), [
		"`{ { DATE } }` → `2025-03-12`: filled the template placeholder from the note's **Date:** line",
		"`[{ { PARTICIPANTS } }]` → [[Mara Quist]], [[Tobias Fenn]]: filled the template placeholder from the note's **Participants:** line",
	]);
	assert.deepEqual(diff(notes[1]), [
		"  ---",
		"  type: \"1-1-meeting\"",
		`- created: ${PLACEHOLDER}`,
		"+ created: 2025-03-18",
		"  tags: [meeting]",
		"  ---",
		"… 18 unchanged lines",
	]);
	assert.equal(preview.contentEl.querySelector("p").textContent, "2 notes would change.");
	assert.equal(
		preview.contentEl.querySelector(".vault-curator-preview-errors li").textContent,
		"Meetings/Broken frontmatter.md:4: frontmatter is not valid YAML: illegal placement of ':' indicator",
	);
	assert.equal(readNote(vault, ROADMAP).includes(PLACEHOLDER), true, "nothing written before Apply");

	const apply = [...preview.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Apply");
	apply.click();
	await waitFor(() => state.notices.some((n) => n.startsWith("Fixed")), { message: "the apply notice" });
	assert.equal(state.notices.at(-1), "Fixed 2 notes");
	assert.deepEqual(processed, [ROADMAP, PILOT]);
	assert.equal(readNote(vault, ROADMAP), roadmap.replace(PLACEHOLDER, "2025-03-12").replace("{ { PARTICIPANTS } }", '"[[Mara Quist]]", "[[Tobias Fenn]]"'));
	assert.equal(readNote(vault, PILOT), pilot.replace(PLACEHOLDER, "2025-03-18"));
	assert.equal(state.modals.length, 0, "the preview closes");
	plugin.unload();
});

test("a note edited between preview and apply is skipped, not overwritten", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
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
