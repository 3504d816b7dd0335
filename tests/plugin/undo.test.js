"use strict";
// "Undo last enrichment" and the journal shared with `curator undo`: bytes restored exactly, a
// note changed since left alone and named, a CLI run undone by the plugin and the other way.
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test, afterEach } = require("node:test");
const { makeVault, state, waitFor, readNote } = require("./harness");
const { curatorBinary, runCurator } = require("./curator-cli");
const { ROADMAP, PILOT, RACK, SETTLE, arriving, enriched, start, settled } = require("./enrichment-vault");

const JOURNAL = ".obsidian/plugins/vault-curator/journal";
const UNDO = "vault-curator:undo-last-enrichment";

afterEach(() => state.reset());

/** The runs in the vault's journal, parsed, oldest first. */
function journal(vault) {
	const dir = path.join(vault, JOURNAL);
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")))
		.sort((a, b) => a.time - b.time);
}

/** Runs "Undo last enrichment" and returns its notice. */
async function undo(app) {
	const before = state.notices.length;
	assert.equal(app.commands.executeCommandById(UNDO), true);
	await waitFor(() => state.notices.length > before, { timeout: SETTLE, message: "the undo notice" });
	return state.notices.at(-1);
}

/** Writes two meetings as a pipeline does and waits until both are enriched. */
async function twoArrive(app, vault) {
	const notes = ["Meetings/20250320 1000 Capacity check.md", "Meetings/20250321 0900 Rack review.md"];
	const raws = notes.map((note) => arriving(vault, path.basename(note, ".md")));
	for (const [i, note] of notes.entries()) await app.vault._externalWrite(note, raws[i]);
	await waitFor(() => notes.every((note, i) => readNote(vault, note) === enriched(raws[i])), { timeout: SETTLE, message: "both notes to be enriched" });
	// Recorded in the journal right after each write, then said in the status bar.
	await waitFor(() => app.statusBarEl.querySelector(".vault-curator-enriched")?.textContent === "Curator: enriched 2 notes · Undo", { timeout: SETTLE, message: "the status" });
	return { notes, raws };
}

test("undo restores what automatic enrichment wrote, byte for byte, and the note is not enriched again", async () => {
	const vault = makeVault();
	const { app, plugin, writes } = await start(vault);
	const { notes, raws } = await twoArrive(app, vault);
	const runs = journal(vault);
	assert.equal(runs.length, 1, "a burst of automatic writes is one run");
	assert.equal(runs[0].source, "enrich");
	assert.deepEqual(runs[0].notes.map((n) => n.path), notes);
	assert.match(runs[0].notes[0].after, /^[0-9a-f]{16}$/, "the hash is a string of hex digits");
	assert.equal(runs[0].notes[0].before, raws[0]);

	const notice = await undo(app);
	assert.match(notice, /^Undid automatic enrichment of .*: restored 2 notes\.$/);
	for (const [i, note] of notes.entries()) assert.equal(readNote(vault, note), raws[i]);
	assert.deepEqual(journal(vault), [], "the run leaves the journal");
	await settled(plugin);
	for (const [i, note] of notes.entries()) assert.equal(readNote(vault, note), raws[i], "put back on purpose: left as it is");
	assert.equal(writes.count(notes[0]), 2, "the enrichment and the undo");
	assert.equal(app.statusBarEl.querySelector(".vault-curator-enriched").textContent, "Curator: undid 2 notes");
	assert.equal(await undo(app), "Nothing to undo: nothing has written notes in this vault");
	plugin.unload();
});

test("a burst of 60 arriving notes is one run of the journal, undone at once", async () => {
	const vault = makeVault();
	const { app, plugin } = await start(vault);
	let journalWrites = 0;
	const write = app.vault.adapter.write.bind(app.vault.adapter);
	app.vault.adapter.write = (p, data) => {
		if (p.startsWith(JOURNAL)) journalWrites++;
		return write(p, data);
	};
	const notes = Array.from({ length: 60 }, (_, i) => `Inbox/20250320 ${String(1000 + i)} Sync.md`);
	const raws = notes.map((note) => arriving(vault, path.basename(note, ".md")));
	for (const [i, note] of notes.entries()) await app.vault._externalWrite(note, raws[i]);
	await waitFor(() => journal(vault)[0]?.notes.length === notes.length, { timeout: 30_000, message: "every note in the journal" });
	assert.equal(journal(vault).length, 1);
	// At most ten writes a second: a burst rewrites the run's file a few times, not once per note.
	assert.ok(journalWrites < notes.length / 3, `${journalWrites} writes of the run's file`);
	console.log(`60 notes enriched at once: the run's file written ${journalWrites} times`);
	const notice = await undo(app);
	assert.match(notice, /restored 60 notes\.$/);
	for (const [i, note] of notes.entries()) assert.equal(readNote(vault, note), raws[i]);
	plugin.unload();
});

test("undo refuses, per note, to overwrite a note changed since, and says which", async () => {
	const vault = makeVault();
	const { app, plugin } = await start(vault);
	const { notes, raws } = await twoArrive(app, vault);
	const edited = `${readNote(vault, notes[1])}\nA line added by hand.\n`;
	await app.vault._externalWrite(notes[1], edited);
	const notice = await undo(app);
	assert.deepEqual(notice.split("\n").slice(1), [`Left alone: ${notes[1]}, changed since the run wrote it: left as it is.`]);
	assert.match(notice, /restored 1 note\./);
	assert.equal(readNote(vault, notes[0]), raws[0]);
	assert.equal(readNote(vault, notes[1]), edited);
	plugin.unload();
});

test("the status bar's Undo undoes the last enrichment", async () => {
	const vault = makeVault();
	const { app, plugin } = await start(vault);
	const { notes, raws } = await twoArrive(app, vault);
	const status = app.statusBarEl.querySelector(".vault-curator-enriched");
	assert.equal(status.textContent, "Curator: enriched 2 notes · Undo");
	assert.equal(status.getAttribute("aria-label"), `Enriched:\n${notes.map((n) => `${n}: placeholders, mojibake`).join("\n")}`);
	status.querySelector("a.vault-curator-undo").click();
	await waitFor(() => notes.every((note, i) => readNote(vault, note) === raws[i]), { timeout: SETTLE, message: "the undo" });
	// The notice comes once the engine has remembered what was put back: not in the next test.
	await waitFor(() => state.notices.some((n) => n.startsWith("Undid")), { timeout: SETTLE, message: "the undo notice" });
	plugin.unload();
});

test("Enrich current note is undone with the note's editor, cursor kept", async () => {
	const vault = makeVault();
	const { app, plugin } = await start(vault, { save: null });
	const original = readNote(vault, ROADMAP);
	const view = await app.workspace._openFile(ROADMAP);
	view.editor.setCursor(16, 4);
	assert.equal(app.commands.executeCommandById("vault-curator:enrich-current-note"), true);
	await waitFor(() => state.notices.length > 0, { timeout: SETTLE, message: "the notice" });
	assert.equal(state.notices[0], "2 fixes: placeholders");
	assert.deepEqual(journal(vault).map((r) => r.source), ["plugin"]);
	await undo(app);
	assert.equal(view.editor.getValue(), original);
	assert.deepEqual(view.editor.getCursor(), { line: 16, ch: 4 });
	plugin.unload();
});

test("a newest run that does not read back is named, and nothing is written", async () => {
	const vault = makeVault();
	const { app, plugin, writes } = await start(vault);
	const dir = path.join(vault, JOURNAL);
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, "1700000000000-cli.json"), JSON.stringify({ id: "1700000000000-cli", source: "cli", time: 1, notes: [{ path: ROADMAP, before: "x", after: 12 }] }));
	const notice = await undo(app);
	assert.match(notice, /^Vault Curator: "Undo last enrichment" failed: \.obsidian\/plugins\/vault-curator\/journal\/1700000000000-cli\.json: the newest run of the undo journal does not read back \(.*\); delete it to undo the one before$/);
	assert.deepEqual(writes.all, []);
	assert.ok(fs.existsSync(path.join(dir, "1700000000000-cli.json")), "kept for the person to look at");
	plugin.unload();
});

test("the journal keeps its 20 newest runs", async () => {
	const vault = makeVault();
	const dir = path.join(vault, JOURNAL);
	fs.mkdirSync(dir, { recursive: true });
	for (let i = 0; i < 25; i++) {
		const id = `${1_700_000_000_000 + i}-cli`;
		fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ id, source: "cli", time: 1_700_000_000_000 + i, notes: [] }));
	}
	const { app, plugin } = await start(vault);
	await twoArrive(app, vault);
	const kept = journal(vault);
	assert.equal(kept.length, 20);
	assert.equal(kept.at(-1).source, "enrich");
	assert.equal(kept[0].id, "1700000000006-cli", "the oldest are dropped first");
	plugin.unload();
});

/** The CLI's binary, or skips the test with the reason. */
function cli(t) {
	const binary = curatorBinary();
	if (binary.skip) t.skip(binary.skip);
	return binary.path;
}

/** Every note's bytes, by vault-relative path (the configuration folder left out). */
function snapshot(vault) {
	const notes = {};
	const walk = (dir) => {
		for (const entry of fs.readdirSync(path.join(vault, dir), { withFileTypes: true })) {
			const rel = dir ? `${dir}/${entry.name}` : entry.name;
			if (entry.name.startsWith(".")) continue;
			if (entry.isDirectory()) walk(rel);
			else notes[rel] = fs.readFileSync(path.join(vault, rel), "utf8");
		}
	};
	walk("");
	return notes;
}

test("Undo last enrichment undoes a `curator fix` run, and `curator undo` undoes the plugin's", async (t) => {
	const binary = cli(t);
	if (!binary) return;
	const vault = makeVault();
	const original = snapshot(vault);
	runCurator(binary, ["fix", vault]);
	const fixed = snapshot(vault);
	assert.notEqual(fixed[ROADMAP], original[ROADMAP]);
	assert.deepEqual(journal(vault).map((r) => r.source), ["cli"]);

	const { app, plugin } = await start(vault);
	const notice = await undo(app);
	assert.match(notice, /^Undid curator fix of .*: restored \d+ notes\.$/);
	assert.deepEqual(snapshot(vault), original, "every note as it was before `curator fix`");

	// The plugin writes (the vault enriched through its preview), the CLI undoes.
	assert.equal(app.commands.executeCommandById("vault-curator:enrich-vault"), true);
	const preview = await waitFor(() => state.modals.find((m) => m.contentEl.hasClass("vault-curator-preview")), { timeout: SETTLE, message: "the preview" });
	[...preview.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Apply").click();
	await waitFor(() => state.notices.some((n) => n.startsWith("Fixed")), { timeout: SETTLE, message: "the apply notice" });
	assert.deepEqual(snapshot(vault), fixed, "the plugin writes what `curator fix` writes");
	plugin.unload();

	const undone = JSON.parse(runCurator(binary, ["undo", vault, "--json"]));
	assert.deepEqual([...undone.restored].sort(), [PILOT, ROADMAP, RACK, "People/Mara Quist.md"].sort());
	assert.deepEqual(undone.refused, []);
	assert.deepEqual(snapshot(vault), original);
	assert.deepEqual(journal(vault), []);
});

test("notes `curator undo` put back while Obsidian runs are not enriched again, nor after a restart", async (t) => {
	const binary = cli(t);
	if (!binary) return;
	const vault = makeVault();
	const raw = arriving(vault);
	const note = "Meetings/20250320 1000 Capacity check.md";
	fs.writeFileSync(path.join(vault, note), raw);
	const { app, plugin, writes } = await start(vault);
	runCurator(binary, ["fix", vault]);
	await app.vault._externalWrite(note, readNote(vault, note));
	assert.equal(readNote(vault, note), enriched(raw), "`curator fix` wrote it");
	const undone = JSON.parse(runCurator(binary, ["undo", vault, "--json"]));
	assert.ok(undone.restored.includes(note));
	// Obsidian reports the file the CLI wrote back: a note arriving on disk, as any other.
	await app.vault._externalWrite(note, readNote(vault, note));
	await settled(plugin);
	assert.equal(readNote(vault, note), raw, "put back on purpose: left as it is");
	assert.equal(writes.count(note), 0);
	plugin.unload();

	// A restart reads the notes again: still left as the person wants them.
	const again = await start(vault);
	await again.app.vault._externalWrite(note, raw);
	await settled(again.plugin);
	assert.equal(readNote(vault, note), raw);
	assert.equal(again.writes.count(note), 0);
	// The note edited afterwards is the person's new text: enriched as any other.
	const edited = raw.replace("# 20250320 1000 Capacity check", "# Capacity check");
	await again.app.vault._externalWrite(note, edited);
	await waitFor(() => readNote(vault, note) === enriched(edited), { timeout: SETTLE, message: "the edited note to be enriched" });
	again.plugin.unload();
});
