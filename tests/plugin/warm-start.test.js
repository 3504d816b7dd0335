"use strict";
// The plugin saves the engine's state in its folder and starts warm from it: notes changed,
// added and removed while Obsidian was closed are read first, the others taken on trust and
// read behind them, and the result equals a cold start. A state the engine cannot use (cut
// short, other settings) is ignored: the vault loads cold. Only the engine in a worker keeps
// a state: on the UI thread, encoding or restoring it would block Obsidian for one long step,
// so there the vault loads cold (the last test), and the others are skipped.
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const fs = require("node:fs");
const path = require("node:path");
const { makeApp, makeVault, loadPlugin, state, waitFor, ENGINE_WORKER } = require("./harness");

afterEach(() => state.reset());

const STATE = ".obsidian/plugins/vault-curator/vault-state.bin";
const MARA = "People/Mara Quist.md";
const ROADMAP = "Meetings/20250312 1400 Roadmap sync.md";
const PILOT = "Meetings/20250318 0900 Pilot review.md";
const CLEAN = "Notes/Clean note.md";
const NEW = "Meetings/20250401 1000 Storage follow-up.md";

/** The tests of a kept state run with the engine in a worker only. */
const KEPT = ENGINE_WORKER === "thread" ? {} : { skip: "on the UI thread the engine keeps no state" };

/** Loads the plugin over `vault`, spying on the engine's load requests; waits until every note is handed over. */
async function start(vault, worker = ENGINE_WORKER) {
	const { app, plugin } = await loadPlugin(makeApp(vault), { layoutReady: false, worker });
	const calls = [];
	const { engine } = plugin;
	for (const method of ["warmStart", "supplyNotes", "stageNotes"]) {
		const original = engine[method];
		engine[method] = async (...args) => {
			const result = await original(...args);
			calls.push({ method, args, result });
			return result;
		};
	}
	app.workspace._setLayoutReady();
	await plugin.indexer.idle();
	return { app, plugin, calls };
}

/** Unloads the plugin and waits until its engine has stopped (after saving what was unsaved). */
async function stop(plugin) {
	plugin.unload();
	await waitFor(() => plugin.client.stopped, { message: "the engine to stop" });
}

/** Starts the plugin over `vault` and stops it once its state is saved. */
async function saveState(vault, worker = ENGINE_WORKER) {
	const { plugin } = await start(vault, worker);
	await waitFor(() => fs.existsSync(path.join(vault, STATE)), { timeout: 10000, message: "the saved state" });
	await stop(plugin);
}

/** Everything the engine says about the vault, as the views and commands ask it. */
async function everything(app, plugin) {
	const { engine } = plugin;
	const notes = {};
	const files = app.vault.getMarkdownFiles().sort((a, b) => a.path.localeCompare(b.path));
	for (const file of files) {
		const text = await app.vault.read(file);
		notes[file.path] = {
			check: await engine.check(file.path, text),
			fix: await engine.fix(file.path, text),
			tasks: await engine.tasks(file.path, text),
			mentions: await engine.mentions(file.path, text),
		};
	}
	return {
		notes,
		count: await engine.noteCount(),
		decisions: await engine.reviewDecisions({}),
		byOwner: await engine.tasksByOwner({}),
		tasks: await engine.allTasks(),
		sections: await engine.sectionUpdates(),
	};
}

/** Changes the vault on disk while no plugin runs: a person's company, a new meeting, a note removed, one touched. */
function changeWhileClosed(vault) {
	const mara = path.join(vault, MARA);
	fs.writeFileSync(mara, fs.readFileSync(mara, "utf8").replaceAll("Harbor Labs", "Northwind").replace("company/harbor-labs", "company/northwind"));
	fs.writeFileSync(
		path.join(vault, NEW),
		"---\ntype: meeting\n---\n\n# Storage follow-up\n\n- [ ] Review the rack quotes @Tobias Fenn 📅 2025-04-08\n\nMara Quist and Tobias Fenn agreed on the pilot.\n",
	);
	fs.rmSync(path.join(vault, PILOT));
	const later = new Date(Date.now() + 60_000);
	fs.utimesSync(path.join(vault, CLEAN), later, later);
}

test("a warm start over notes changed while closed equals a cold start", KEPT, async () => {
	const vault = makeVault();
	await saveState(vault);
	changeWhileClosed(vault);

	const warm = await start(vault);
	const started = warm.calls.find((c) => c.method === "warmStart");
	assert.ok(started?.result, "the saved state is used");
	assert.deepEqual(started.result.changed, [CLEAN, NEW, MARA].sort(), "changed and new notes are read first");
	assert.equal(started.result.trusted, 5, "the other notes are taken on trust");
	assert.ok(!warm.calls.some((c) => c.method === "stageNotes"), "no cold load");
	const supplied = warm.calls.filter((c) => c.method === "supplyNotes").flatMap((c) => c.args[0].map((n) => n.path));
	assert.deepEqual(supplied.slice(0, 3), started.result.changed, "the changed notes are handed over first");
	assert.equal(new Set(supplied).size, 8, "then every other note");
	const fromWarm = await everything(warm.app, warm.plugin);
	await stop(warm.plugin);

	fs.rmSync(path.join(vault, STATE));
	const cold = await start(vault);
	assert.ok(cold.calls.some((c) => c.method === "stageNotes"), "a cold load without the state");
	assert.ok(!cold.calls.some((c) => c.method === "warmStart"), "nothing to start from");
	const fromCold = await everything(cold.app, cold.plugin);
	await stop(cold.plugin);

	assert.equal(fromWarm.count, 8);
	assert.deepEqual(fromWarm, fromCold);
	assert.ok(JSON.stringify(fromWarm.notes[NEW].mentions).includes("Tobias Fenn"), "the new note is read");
	assert.deepEqual(state.errors, []);
});

test("the views answer from the saved state before the notes are read again", KEPT, async () => {
	const vault = makeVault();
	await saveState(vault);
	const { app, plugin } = await loadPlugin(makeApp(vault), { layoutReady: false });
	const { engine } = plugin;
	let answeredBeforeRead = null;
	const supply = engine.supplyNotes;
	engine.supplyNotes = async (notes) => {
		// The queue of decisions is asked for before any note is handed over.
		if (answeredBeforeRead === null) answeredBeforeRead = (await engine.reviewDecisions({ limit: 0 })).items;
		return supply(notes);
	};
	app.workspace._setLayoutReady();
	await plugin.indexer.idle();
	const after = (await engine.reviewDecisions({ limit: 0 })).items;
	assert.ok(after > 0, "the fixture vault has review items");
	assert.equal(answeredBeforeRead, after);
	await stop(plugin);
});

test("changes are saved on unload, and the next start reads only what changed since", KEPT, async () => {
	const vault = makeVault();
	await saveState(vault);
	const first = await start(vault);
	const file = first.app.vault.getFileByPath(ROADMAP);
	const text = await first.app.vault.read(file);
	await first.app.vault.modify(file, text.replace("Walked through", "We walked through"));
	await first.plugin.indexer.idle();
	await stop(first.plugin);

	const second = await start(vault);
	const started = second.calls.find((c) => c.method === "warmStart");
	assert.deepEqual(started?.result?.changed, [], "the edit was saved at unload");
	const report = await second.plugin.engine.check(ROADMAP, await second.app.vault.read(second.app.vault.getFileByPath(ROADMAP)));
	assert.equal(report.error, null);
	await stop(second.plugin);
});

test("a state cut short or saved with other settings is ignored: the vault loads cold", KEPT, async () => {
	const vault = makeVault();
	await saveState(vault);
	const file = path.join(vault, STATE);
	const bytes = fs.readFileSync(file);
	fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
	const cut = await start(vault);
	assert.equal(cut.calls.find((c) => c.method === "warmStart")?.result, null);
	assert.ok(cut.calls.some((c) => c.method === "stageNotes"), "loaded cold");
	assert.equal(await cut.plugin.engine.noteCount(), 8);
	// Saved again once checked, whole.
	await waitFor(() => fs.existsSync(file) && fs.statSync(file).size > bytes.length >> 1, { timeout: 10000, message: "the state saved again" });
	await stop(cut.plugin);

	const data = path.join(vault, ".obsidian/plugins/vault-curator/data.json");
	fs.writeFileSync(data, JSON.stringify({ peopleFolders: ["Contacts"] }));
	const other = await start(vault);
	assert.equal(other.calls.find((c) => c.method === "warmStart")?.result, null, "other settings");
	assert.ok(other.calls.some((c) => c.method === "stageNotes"), "loaded cold");
	await stop(other.plugin);
	assert.deepEqual(state.errors, []);
});

test("on the UI thread the state is neither read nor saved: the vault loads cold in short steps", async () => {
	const vault = makeVault();
	await saveState(vault, "thread");
	const file = path.join(vault, STATE);
	const saved = fs.readFileSync(file);
	const inThread = await start(vault, "none");
	assert.equal(inThread.calls.find((c) => c.method === "warmStart")?.result, null);
	assert.ok(inThread.calls.some((c) => c.method === "stageNotes"), "loaded cold");
	assert.equal(await inThread.plugin.engine.noteCount(), 8);
	const roadmap = inThread.app.vault.getFileByPath(ROADMAP);
	await inThread.app.vault.modify(roadmap, (await inThread.app.vault.read(roadmap)).replace("Walked through", "We walked through"));
	await inThread.plugin.indexer.idle();
	await stop(inThread.plugin);
	assert.deepEqual(fs.readFileSync(file), saved, "the worker's state is left as it was");
	assert.deepEqual(state.errors, []);
});
