"use strict";
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor, ENGINE_WORKER } = require("./harness");
const { lastWorker } = require("./harness/worker");

afterEach(() => state.reset());

test("a failing handler is reported once as a notice and never escapes into Obsidian", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	const file = app.vault.getAbstractFileByPath("Notes/Clean note.md");
	const cachedRead = app.vault.cachedRead.bind(app.vault);
	app.vault.cachedRead = async (f) => {
		if (f.path === file.path) throw new Error("disk on fire");
		return cachedRead(f);
	};
	app.vault.trigger("modify", file);
	app.vault.trigger("modify", file);
	await waitFor(() => state.notices.length > 0, { message: "the notice" });
	await plugin.indexer.idle();
	assert.deepEqual(state.notices, ["Vault Curator: updating the index failed: disk on fire"]);
	assert.deepEqual(state.errors, [], "nothing thrown into the event loop");
	// The index keeps working for every other note.
	app.vault.cachedRead = cachedRead;
	await app.vault.modify(file, "# Clean again\n");
	await plugin.indexer.idle();
	assert.equal(await plugin.engine.noteCount(), 8);
	plugin.unload();
});

/**
 * Starts the plugin in a fresh Node process with `worker` (see harness/worker.js); with
 * `uiThreadBroken` the UI thread cannot run the engine's module either.
 */
function startIn(worker, uiThreadBroken) {
	const script = `
		const { makeVault, startPlugin, state } = require(${JSON.stringify(path.join(__dirname, "harness"))});
		if (${uiThreadBroken}) delete globalThis.WebAssembly;
		startPlugin(makeVault(), { worker: ${JSON.stringify(worker)}, ready: false }).then(async ({ app, plugin }) => {
			const ready = await plugin.whenReady().then(() => "ready", (e) => e.message);
			app.workspace._setLayoutReady();
			await plugin.indexer.idle();
			const engine = ready === "ready" ? { notes: await plugin.engine.noteCount(), inWorker: (await plugin.engine.info()).inWorker } : null;
			// A whole-vault query answers once every note is checked: the status line is clear.
			if (engine) await plugin.engine.reviewDecisions({ limit: 0 });
			process.stdout.write(JSON.stringify({ ready, engine, notices: state.notices, commands: app.commands.listCommands().length, status: app.statusBarEl.querySelector(".vault-curator-status").textContent }));
			plugin.unload();
		});`;
	return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

test("an engine that cannot start leaves the plugin inert with a message", () => {
	for (const worker of ["none", "broken"]) {
		const out = startIn(worker, true);
		assert.match(out.ready, /no WebAssembly/, worker);
		assert.equal(out.commands, 0, worker);
		assert.equal(out.notices.length, 1, worker);
		assert.match(out.notices[0], /^Vault Curator is off: its engine could not start \(.*no WebAssembly.*\)\. Reload the plugin or reinstall it\.$/);
		assert.equal(out.status, "Curator: off");
	}
});

test("an engine that cannot start in a worker runs on the UI thread; one that can, runs in the worker", () => {
	const expected = (inWorker) => ({ ready: "ready", engine: { notes: 8, inWorker }, notices: [], commands: 12, status: "" });
	assert.deepEqual(startIn("broken", false), expected(false));
	assert.deepEqual(startIn("thread", true), expected(true), "the UI thread never needs the module");
});

test("a worker that dies is reported once; every request then fails with that message", async (t) => {
	if (ENGINE_WORKER !== "thread") {
		t.skip("the engine runs on the UI thread in this run");
		return;
	}
	const { app, plugin } = await startPlugin(makeVault());
	lastWorker()._crash();
	await waitFor(async () => (await plugin.engine.noteCount().catch((e) => e.message)) !== 8, { message: "the failure" });
	await assert.rejects(plugin.engine.noteCount(), { name: "EngineFailedError", message: /^the engine stopped working \(.*the worker crashed.*\); reload the plugin$/ });
	app.vault.trigger("modify", app.vault.getAbstractFileByPath("Notes/Clean note.md"));
	await plugin.indexer.idle();
	assert.equal(app.commands.executeCommandById("vault-curator:open-review-queue"), true);
	const view = await waitFor(() => app.workspace.getLeavesOfType("vault-curator-review")[0]?.view, { message: "the review view" });
	await view.refresh();
	assert.equal(view.contentEl.textContent, "Vault Curator stopped: its engine failed. Reload the plugin.");
	assert.deepEqual(state.notices, ["Vault Curator: the engine stopped working (the worker crashed); reload the plugin."]);
	assert.equal(app.statusBarEl.querySelector(".vault-curator-status").textContent, "Curator: off");
	assert.deepEqual(state.errors, []);
	plugin.unload();
});
