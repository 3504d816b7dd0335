"use strict";
// Loading and unloading the plugin 50 times over one app leaves nothing behind: no vault or
// workspace listeners, no timers or intervals, no wrapped save command, no status bar items,
// and an enrichment pending at unload never runs.
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const { makeApp, makeVault, loadPlugin, state, readNote } = require("./harness");
const { QUIET, arriving } = require("./enrichment-vault");
const fs = require("node:fs");
const path = require("node:path");

afterEach(() => state.reset());

/** Counts the timers and intervals alive (created, not yet fired or cleared) from now on. */
function trackTimers() {
	const live = new Map();
	const restores = [];
	for (const scope of new Set([globalThis, window])) {
		const { setTimeout: set, clearTimeout: clear, setInterval: every, clearInterval: stop } = scope;
		scope.setTimeout = (fn, ms, ...args) => {
			const id = set.call(scope, (...a) => {
				live.delete(id);
				if (typeof fn === "function") fn(...a);
			}, ms, ...args);
			live.set(id, "timeout");
			return id;
		};
		scope.clearTimeout = (id) => {
			live.delete(id);
			clear.call(scope, id);
		};
		scope.setInterval = (fn, ms, ...args) => {
			const id = every.call(scope, fn, ms, ...args);
			live.set(id, "interval");
			return id;
		};
		scope.clearInterval = (id) => {
			live.delete(id);
			stop.call(scope, id);
		};
		restores.push(() => Object.assign(scope, { setTimeout: set, clearTimeout: clear, setInterval: every, clearInterval: stop }));
	}
	return {
		count: (kind) => [...live.values()].filter((k) => k === kind).length,
		restore: () => restores.forEach((r) => r()),
	};
}

test("50 loads and unloads leave no listeners, timers, intervals or wrapped commands behind", async () => {
	const vault = makeVault();
	fs.mkdirSync(path.join(vault, ".obsidian/plugins/vault-curator"), { recursive: true });
	fs.writeFileSync(path.join(vault, ".obsidian/plugins/vault-curator/data.json"), JSON.stringify({ enrichQuietMs: QUIET }));
	const app = makeApp(vault);
	app.commands._setSaveCommand("checkCallback");
	const save = app.commands.commands["editor:save-file"];
	const original = save.checkCallback;
	const note = "Meetings/20250320 1000 Capacity check.md";
	const raw = arriving(vault);
	const timers = trackTimers();
	try {
		const start = performance.now();
		for (let i = 0; i < 50; i++) {
			const { plugin } = await loadPlugin(app);
			assert.notEqual(save.checkCallback, original, "wrapped while loaded");
			// An enrichment is pending when the plugin unloads.
			await app.vault._externalWrite(note, `${raw}${"\n".repeat(i % 2)}`);
			assert.ok(timers.count("timeout") > 0, "the quiet period's timer is seen");
			plugin.unload();
			assert.equal(save.checkCallback, original, `put back at unload ${i + 1}`);
		}
		const perCycle = (performance.now() - start) / 50;
		await new Promise((r) => setTimeout(r, QUIET * 3));
		for (const name of ["create", "modify", "rename", "delete"]) assert.equal(app.vault._listenerCount(name), 0, `vault ${name}`);
		for (const name of ["editor-change", "active-leaf-change", "file-open", "layout-change"]) {
			assert.equal(app.workspace._listenerCount(name), 0, `workspace ${name}`);
		}
		assert.equal(timers.count("interval"), 0, "intervals");
		assert.equal(timers.count("timeout"), 0, "timers");
		assert.equal(app.commands.commands["editor:save-file"], save);
		assert.deepEqual(app.commands.listCommands(), [save]);
		assert.equal(app.statusBarEl.childElementCount, 0, "status bar items");
		assert.ok(readNote(vault, note).includes("{ { DATE } }"), "no enrichment ran after an unload");
		assert.deepEqual(state.errors, []);
		console.log(`a load and unload took ${perCycle.toFixed(0)} ms`);
	} finally {
		timers.restore();
	}
});
