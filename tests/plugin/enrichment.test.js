"use strict";
// Enrichment on its own: notes arriving on disk, the note being edited (on save and when left),
// what is never touched, the status bar, and two devices converging.
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test, afterEach } = require("node:test");
const { makeVault, state, waitFor, readNote } = require("./harness");
const { DATA, ROADMAP, PILOT, CLEAN, QUIET, SETTLE, arriving, enriched, start, settled } = require("./enrichment-vault");

afterEach(() => state.reset());

const statusText = (app) => [...app.statusBarEl.querySelectorAll(".vault-curator-enriched")].map((el) => el.textContent).join("");

test("a note that arrives on disk is enriched once, after it has been quiet, and its own write does not trigger it again", async () => {
	const vault = makeVault();
	const { app, plugin, writes } = await start(vault);
	const note = "Meetings/20250320 1000 Capacity check.md";
	const raw = arriving(vault);
	// A pipeline writes the note in two steps: nothing happens in between.
	await app.vault._externalWrite(note, raw.slice(0, 60));
	await new Promise((r) => setTimeout(r, QUIET / 3));
	await app.vault._externalWrite(note, raw);
	const arrived = performance.now();
	assert.equal(writes.count(note), 0);
	await waitFor(() => readNote(vault, note) !== raw, { timeout: SETTLE, message: "the note to be enriched" });
	console.log(`enriched ${(performance.now() - arrived).toFixed(0)} ms after it arrived (quiet period ${QUIET} ms)`);
	assert.equal(readNote(vault, note), enriched(raw));
	assert.equal(writes.count(note), 1, "written once, through Vault.process");
	await settled(plugin);
	assert.equal(writes.count(note), 1, "its own write is not enriched again");
	assert.equal(statusText(app), "Curator: enriched 20250320 1000 Capacity check: placeholders, mojibake · Undo");
	assert.deepEqual(state.notices, [], "no notice: the status bar says it");
	assert.deepEqual(state.errors, []);
	plugin.unload();
});

test("a clean note touched on disk, and notes already in the vault when it loads, are never written", async () => {
	const vault = makeVault();
	const { app, plugin, writes } = await start(vault, { layoutReady: false });
	// The load-time burst: Obsidian fires `create` for every file before the layout is ready.
	for (const file of app.vault.getMarkdownFiles()) app.vault.trigger("create", file);
	app.workspace._setLayoutReady();
	await plugin.indexer.idle();
	const clean = readNote(vault, CLEAN);
	await app.vault._externalWrite(CLEAN, clean);
	await app.vault._externalWrite(CLEAN, `${clean}\nOne more plain line.\n`);
	await settled(plugin);
	assert.deepEqual(writes.all, [], "nothing written");
	assert.equal(readNote(vault, CLEAN), `${clean}\nOne more plain line.\n`);
	assert.ok(readNote(vault, ROADMAP).includes("{ { DATE } }"), "a note of the load burst is left for the commands");
	assert.equal(statusText(app), "");
	plugin.unload();
});

test("nothing in templates, ignored folders, notes that opt out, or with the setting off", async () => {
	const vault = makeVault();
	fs.writeFileSync(path.join(vault, ".obsidian/templates.json"), JSON.stringify({ folder: "Templates" }));
	const { app, plugin, writes } = await start(vault, { data: { ignore: ["Inbox/"] } });
	const raw = arriving(vault);
	const optOut = raw.replace("tags: [meeting]", "tags: [meeting]\ncurator: off");
	const datesOff = raw.replace("tags: [meeting]", "tags: [meeting]\ncurator: [placeholders]");
	await app.vault._externalWrite("Templates/Meeting.md", raw);
	await app.vault._externalWrite("Inbox/From the pipeline.md", raw);
	await app.vault._externalWrite("Meetings/Opted out.md", optOut);
	await app.vault._externalWrite("Meetings/No placeholders.md", datesOff);
	await settled(plugin);
	assert.deepEqual(writes.all, ["Meetings/No placeholders.md"], "the only note enriched");
	assert.equal(readNote(vault, "Templates/Meeting.md"), raw);
	assert.equal(readNote(vault, "Inbox/From the pipeline.md"), raw);
	assert.equal(readNote(vault, "Meetings/Opted out.md"), optOut);
	const partly = readNote(vault, "Meetings/No placeholders.md");
	assert.ok(partly.includes("created: { { DATE } }"), "the opted-out rule is not applied");
	assert.ok(partly.includes("⏫ 📅"), "the other rules are");
	assert.deepEqual(state.errors, []);

	plugin.options.autoEnrich = false;
	await app.vault._externalWrite("Meetings/While off.md", raw);
	await settled(plugin);
	assert.equal(readNote(vault, "Meetings/While off.md"), raw, "the setting turns it off");
	plugin.unload();
});

test("the setting is a toggle in the settings tab, saved in data.json beside the engine's settings", async () => {
	const vault = makeVault();
	const { app, plugin } = await start(vault);
	const tab = app.setting.pluginTabs[0];
	tab.display();
	const row = tab.containerEl.querySelector('.setting-item[data-name="Enrich notes on their own"]');
	row.querySelector(".checkbox-container").click();
	const saved = () => JSON.parse(fs.readFileSync(path.join(vault, DATA), "utf8"));
	await waitFor(() => saved().autoEnrich === false, { message: "the toggle to save" });
	assert.equal(saved().enrichQuietMs, QUIET);
	assert.equal(saved().rules.dates, true, "the engine's settings are kept");
	plugin.unload();
});

/** Opens `file`, puts the cursor on the line starting with `lineStart` and types `typed` there. */
async function openAndType(app, file, lineStart, typed) {
	const view = await app.workspace._openFile(file);
	const { editor } = view;
	const line = editor.getValue().split("\n").findIndex((l) => l.startsWith(lineStart));
	editor.setCursor(line, 5);
	editor.replaceSelection(typed);
	return { view, editor, cursor: editor.getCursor() };
}

for (const shape of ["checkCallback", "editorCallback"]) {
	test(`the note being edited is enriched when saved (save command with ${shape}), cursor and selection kept`, async () => {
		const vault = makeVault();
		const { app, plugin, writes } = await start(vault, { save: shape });
		const original = readNote(vault, ROADMAP);
		const { view, editor } = await openAndType(app, ROADMAP, "Walked through", "X");
		const line = editor.getCursor().line;
		editor.setSelection({ line, ch: 0 }, { line, ch: 6 });
		const selection = editor.listSelections();
		await settled(plugin, 2);
		assert.equal(writes.count(ROADMAP), 0, "never while typing");
		assert.ok(editor.getValue().includes("{ { DATE } }"));

		assert.equal(app.commands.executeCommandById("editor:save-file"), true);
		await waitFor(() => !editor.getValue().includes("{ { DATE } }"), { timeout: SETTLE, message: "the saved note to be enriched" });
		const expected = original
			.replace("{ { DATE } }", "2025-03-12")
			.replace("{ { PARTICIPANTS } }", '"[[Mara Quist]]", "[[Tobias Fenn]]"')
			.replace("Walke", "WalkeX");
		assert.equal(editor.getValue(), expected);
		assert.deepEqual(editor.listSelections(), selection, "the selection stays on the same text");
		assert.equal(editor.getSelection(), "WalkeX");
		await waitFor(() => readNote(vault, ROADMAP) === expected, { timeout: SETTLE, message: "the enriched note to be saved" });
		assert.ok(editor.transactions.length >= 2, "applied as editor transactions");
		assert.equal(view._saves, 2, "Obsidian's save, then once more with the enrichment");
		await settled(plugin);
		assert.equal(writes.count(ROADMAP), 2);
		assert.deepEqual(state.errors, []);
		plugin.unload();
	});
}

test("the save command Obsidian replaces after load is wrapped again; without one, the note is enriched when left", async () => {
	const vault = makeVault();
	const { app, plugin } = await start(vault, { save: "checkCallback" });
	app.commands._setSaveCommand("editorCallback");
	const first = await openAndType(app, ROADMAP, "Walked through", "X");
	app.commands.executeCommandById("editor:save-file");
	await waitFor(() => !first.editor.getValue().includes("{ { DATE } }"), { timeout: SETTLE, message: "the replaced command to be wrapped" });

	app.commands._setSaveCommand(null);
	const second = await openAndType(app, PILOT, "## ", "Y");
	assert.equal(app.commands.executeCommandById("editor:save-file"), false, "no save command");
	await settled(plugin, 2);
	assert.ok(second.editor.getValue().includes("{ { DATE } }"), "not while it is being edited");
	// Leaving it for another pane: enriched through its editor, which stays open.
	await app.workspace._openFileInNewLeaf(CLEAN);
	await waitFor(() => !second.editor.getValue().includes("{ { DATE } }"), { timeout: SETTLE, message: "the note left to be enriched" });
	assert.deepEqual(second.editor.getCursor(), second.cursor, "the cursor stays on the same text");
	await waitFor(() => readNote(vault, PILOT) === second.editor.getValue(), { timeout: SETTLE, message: "the note left to be saved" });
	assert.deepEqual(state.errors, []);
	plugin.unload();
});

test("a note left by opening another in the same pane is enriched on disk; a note only looked at is not", async () => {
	const vault = makeVault();
	const { app, plugin, writes } = await start(vault, { save: null });
	const pilot = readNote(vault, PILOT);
	await app.workspace._openFile(PILOT);
	await openAndType(app, ROADMAP, "Walked through", "X");
	await app.workspace._openFile(CLEAN);
	await waitFor(() => !readNote(vault, ROADMAP).includes("{ { DATE } }"), { timeout: SETTLE, message: "the note left to be enriched" });
	assert.ok(readNote(vault, ROADMAP).includes("WalkeXd through"));
	await settled(plugin);
	assert.equal(readNote(vault, PILOT), pilot, "opened and left without an edit: untouched");
	assert.equal(writes.count(PILOT), 0);
	plugin.unload();
});

test("two devices enriching copies of one vault write the same bytes, and the synced note is not written again", async () => {
	const [a, b] = [makeVault(), makeVault()];
	const one = await start(a);
	const two = await start(b);
	const note = "Meetings/20250320 1000 Capacity check.md";
	const raw = arriving(a);
	await Promise.all([one.app.vault._externalWrite(note, raw), two.app.vault._externalWrite(note, raw)]);
	await waitFor(() => readNote(a, note) !== raw && readNote(b, note) !== raw, { timeout: SETTLE, message: "both devices to enrich" });
	assert.equal(readNote(a, note), readNote(b, note));
	// Sync brings each device the other's identical bytes.
	await one.app.vault._externalWrite(note, readNote(b, note));
	await two.app.vault._externalWrite(note, readNote(a, note));
	await Promise.all([settled(one.plugin), settled(two.plugin)]);
	assert.equal(one.writes.count(note), 1, "its own enrichment, nothing more");
	assert.equal(two.writes.count(note), 1);
	assert.equal(readNote(a, note), enriched(raw));
	one.plugin.unload();
	two.plugin.unload();
});

test("a save command another plugin wraps after this one keeps working after unload, without enriching", async () => {
	const vault = makeVault();
	const { app, plugin, writes } = await start(vault, { save: "checkCallback" });
	const command = app.commands.commands["editor:save-file"];
	const ours = command.checkCallback;
	let theirs = 0;
	command.checkCallback = (checking) => {
		if (!checking) theirs++;
		return ours(checking);
	};
	const wrappedByThem = command.checkCallback;
	plugin.unload();
	assert.equal(command.checkCallback, wrappedByThem, "their wrapper is left in place");
	const view = await app.workspace._openFile(ROADMAP);
	view.editor.replaceSelection("X");
	assert.equal(app.commands.executeCommandById("editor:save-file"), true);
	await new Promise((r) => setTimeout(r, QUIET * 4));
	assert.equal(theirs, 1);
	assert.equal(view._saves, 1, "Obsidian's own save still runs");
	assert.ok(readNote(vault, ROADMAP).startsWith("X---"), "saved as typed, not enriched");
	assert.deepEqual(writes.all, [ROADMAP]);
});
