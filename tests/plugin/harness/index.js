"use strict";
/**
 * Test entry to the harness: makes `require("obsidian")` resolve to the harness, copies the
 * fixture vault to a temporary folder, and loads the BUILT main.js into a fresh App.
 */
const fs = require("node:fs");
const Module = require("node:module");
const os = require("node:os");
const path = require("node:path");

const OBSIDIAN = path.join(__dirname, "obsidian.js");
const ROOT = path.resolve(__dirname, "../../..");
const MAIN_JS = path.join(ROOT, "main.js");
const FIXTURE_VAULT = path.join(__dirname, "..", "fixtures", "vault");

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
	if (request === "obsidian") return OBSIDIAN;
	return resolve.call(this, request, ...rest);
};

const obsidian = require(OBSIDIAN);
const { state } = require("./state");
const { installWorker, terminateWorkers } = require("./worker");

/**
 * Where the engine runs unless a test says otherwise: "thread" (a Web Worker over
 * worker_threads) or "none" (no Worker: on the UI thread). `npm run test:plugin` runs the
 * suite both ways.
 */
const ENGINE_WORKER = process.env.CURATOR_TEST_WORKER ?? "thread";

/** The temporary folders made for this test process: removed when it exits. */
const temporary = [];
process.on("exit", () => {
	for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder named `prefix…`, removed when the test process exits. */
function makeTempDir(prefix) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	temporary.push(dir);
	return dir;
}

/** A temporary copy of the fixture vault (or an empty vault with `files`). */
function makeVault(files) {
	const dir = makeTempDir("vault-curator-test-");
	if (files) {
		for (const [rel, text] of Object.entries(files)) {
			fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
			fs.writeFileSync(path.join(dir, rel), text);
		}
	} else {
		fs.cpSync(FIXTURE_VAULT, dir, { recursive: true });
	}
	return dir;
}

/** A new App over `vaultPath` (the harness's vault scans the folder once, here). */
function makeApp(vaultPath) {
	return new obsidian.App(vaultPath);
}

/**
 * Loads main.js into `app` and lets the layout become ready, as when Obsidian starts with the
 * plugin enabled. Resolves once the engine runs and every note has been handed to it;
 * `onloadMs` is how long `onload` (and the promise it returned) took. `worker` says where the
 * engine may run (see ENGINE_WORKER); `ready: false` returns right after `onload`.
 */
async function loadPlugin(app, { layoutReady = true, worker = ENGINE_WORKER, ready = true } = {}) {
	if (!fs.existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run npm run build first`);
	installWorker(worker);
	const PluginClass = require(MAIN_JS).default;
	const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
	// Obsidian sets the plugin's folder, vault-relative.
	manifest.dir = `${app.vault.configDir}/plugins/${manifest.id}`;
	const plugin = new PluginClass(app, manifest);
	const start = performance.now();
	await plugin.load();
	const onloadMs = performance.now() - start;
	if (!ready) return { app, plugin, onloadMs };
	await plugin.whenReady();
	if (layoutReady) {
		app.workspace._setLayoutReady();
		await plugin.indexer.idle();
	}
	return { app, plugin, onloadMs };
}

/** `loadPlugin` into a new App over `vaultPath`. */
function startPlugin(vaultPath, options) {
	return loadPlugin(makeApp(vaultPath), options);
}

/** Polls `predicate` until it returns a truthy value. */
async function waitFor(predicate, { timeout = 3000, message = "condition" } = {}) {
	const start = Date.now();
	for (;;) {
		const value = await predicate();
		if (value) return value;
		if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

function readNote(vaultPath, rel) {
	return fs.readFileSync(path.join(vaultPath, rel), "utf8");
}

module.exports = { obsidian, state, makeTempDir, makeVault, makeApp, loadPlugin, startPlugin, waitFor, readNote, terminateWorkers, ENGINE_WORKER, ROOT, MAIN_JS };
