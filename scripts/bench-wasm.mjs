#!/usr/bin/env node
// The plugin's engine (WebAssembly, in its Web Worker) on a generated vault, through the built
// main.js in the Obsidian API harness: prints one JSON line of figures on stdout.
//
//   node scripts/bench-wasm.mjs [--notes 10000] [--vault DIR] [--worker thread|none] [--warm-starts 3]
//
// The vault is the core's benchmark vault (crates/curator-core/benches/synthetic.rs), written
// once under target/ by `cargo run -p curator-core --example synthetic_vault`; `--vault DIR`
// times a copy of another vault instead (a real one: its notes are counted as the engine
// indexes them, and the saves are of its notes closest to 40 KB and 3 KB). Figures, all in
// milliseconds unless named otherwise:
//   onload_ms            Plugin.onload, the plugin registering itself (the engine starts later)
//   start_ms             the engine started (worker spawned, module decompressed and compiled)
//   read_ms              every note read and handed to the engine (the UI thread's part)
//   index_ms             the vault index built from them
//   warm_ms              every note's check report and tasks computed
//   load_ms              layout ready → every note's results computed (read + index + warm)
//   save_40kb_*          a 40 KB meeting opened (open_ms: the engine reads it, in the worker,
//                        off the save path), then saved: upsert + its edits (what enriching
//                        on save asks), p50/p99 of 30 saves, first_ms the first; each save
//                        reads only the lines that changed
//   save_*_engine_*      … of which the engine's own part (`answeringMs` of its stats): a save
//                        as the worker spends it, without the two round trips between the UI
//                        thread and the worker, whose wake-ups make most of the p99
//   save_3kb_*           the same for a 3 KB meeting
//   review_pane_*        the review pane's first page as it asks it (30 cards), which the status
//                        bar's count made ready in the background: the first ask, then p50
//   review_queue_*       the review queue's first 100 decision cards: the first ask, then p50
//   tasks_by_owner_*     open tasks by owner (50 owners, 10 tasks each): the first ask, then p50
//   state_save_ms        the engine's state encoded for the saved file (saveState, in the worker)
//   state_file_bytes     the saved state's file (vault-state.bin in the plugin's folder)
//   warm_restored_ms     a second start from that file: layout ready → the saved state read,
//                        handed to the worker, decoded and restored (the warm_* figures are
//                        the median of --warm-starts starts, each in a fresh worker)
//   warm_engine_ms       … of which the engine's part: the state and the notes' file times
//                        handed to the worker, decoded and restored (the rest reads the file
//                        and lists the notes)
//   warm_start_ms        … and the review queue's first page answered
//   warm_verified_ms     layout ready → every note read again and compared with the saved
//                        state (what a note's check and the commands wait for)
//   rss_mb               the process's resident memory once warm (UI thread + worker)
//   wasm_memory_mb       the engine's WebAssembly memory once warm (part of rss_mb)
//   wasm_memory_saved_mb … after the state is then saved (the memory never shrinks: this is
//                        the peak so far)
//   warm_wasm_memory_mb  the second start's WebAssembly memory once every note is read again
//   warm_wasm_memory_saved_mb … after it saves the state in turn
//   main_js_bytes        size of main.js
// Build first: npm run build.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { makeApp, loadPlugin, waitFor, makeTempDir, MAIN_JS } = require(path.join(root, "tests/plugin/harness"));
const { syntheticVault } = require(path.join(root, "tests/plugin/synthetic-vault"));

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const vaultOption = option("vault", null);
const notesOption = Number(option("notes", "10000"));
const worker = option("worker", "thread");
const warmStarts = Number(option("warm-starts", "3"));
const SAVES = 30;

const log = (message) => process.stderr.write(`bench-wasm: ${message}\n`);
const round = (ms) => Math.round(ms * 10) / 10;
const round2 = (ms) => Math.round(ms * 100) / 100;
const percentile = (values, p) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
async function timed(fn) {
	const start = performance.now();
	await fn();
	return performance.now() - start;
}

/** The note whose size is closest to `bytes`: a meeting's in the generated vault, any note's in another. */
function noteNear(vaultPath, bytes) {
	const paths = !vaultOption
		? fs.readdirSync(path.join(vaultPath, "Meetings")).map((name) => `Meetings/${name}`)
		: fs
				.readdirSync(vaultPath, { recursive: true })
				.map((p) => p.split(path.sep).join("/"))
				.filter((p) => p.endsWith(".md") && !p.split("/").some((part) => part.startsWith(".")));
	let best = null;
	for (const p of paths) {
		const size = fs.statSync(path.join(vaultPath, p)).size;
		if (!best || Math.abs(size - bytes) < Math.abs(best.size - bytes)) best = { path: p, size };
	}
	return best;
}

/** A copy of the vault at `dir`, to time and throw away. */
function copyOf(dir) {
	if (!fs.existsSync(dir)) return { skip: `${dir} does not exist` };
	const copy = makeTempDir("vault-curator-bench-");
	fs.cpSync(dir, copy, { recursive: true });
	return { path: copy };
}

if (!fs.existsSync(MAIN_JS)) throw new Error("main.js is missing: run npm run build first");
log(vaultOption ? `copying ${vaultOption}` : `generating or reusing the ${notesOption}-note vault`);
const vault = vaultOption ? copyOf(vaultOption) : syntheticVault(notesOption);
if (vault.skip) throw new Error(vault.skip);

const app = makeApp(vault.path);
const startAt = performance.now();
const { plugin, onloadMs } = await loadPlugin(app, { worker, ready: false });
await plugin.whenReady();
const startMs = performance.now() - startAt;
const { engine } = plugin;

log("loading");
const loadAt = performance.now();
app.workspace._setLayoutReady();
await plugin.indexer.idle();
const readMs = performance.now() - loadAt;
const indexed = await engine.noteCount();
const indexMs = performance.now() - loadAt - readMs;
await engine.reviewDecisions({ limit: 0 });
const loadMs = performance.now() - loadAt;
if (!vaultOption && indexed !== notesOption) throw new Error(`${indexed} notes indexed, ${notesOption} expected`);
const notes = indexed;

/** Saves of `note`: its text with one line more each time, upserted, then its edits asked (as `enrichEditor` does). */
async function saves(note) {
	const original = fs.readFileSync(path.join(vault.path, note.path), "utf8");
	// A person saves a note open in an editor: opening it let the engine read it.
	const openMs = await timed(() => engine.open(note.path, original));
	const times = [];
	const engineTimes = [];
	for (let i = 0; i < SAVES; i++) {
		const text = `${original}\nNoted after the meeting (${i}).\n`;
		const before = (await engine.stats()).answeringMs;
		times.push(
			await timed(async () => {
				await engine.upsert(note.path, text);
				await engine.edits(note.path, text);
			}),
		);
		engineTimes.push((await engine.stats()).answeringMs - before);
		// Saves are seconds apart: the notes that depend on this one are checked again meanwhile.
		await engine.reviewDecisions({ limit: 0 });
	}
	return {
		open: round(openMs),
		first: round(times[0]),
		p50: round(percentile(times, 50)),
		p99: round(percentile(times, 99)),
		engineP50: round2(percentile(engineTimes, 50)),
		engineP99: round2(percentile(engineTimes, 99)),
	};
}

/** The first answer to `query`, then the median of five more. */
async function query(fn) {
	const first = await timed(fn);
	const again = [];
	for (let i = 0; i < 5; i++) again.push(await timed(fn));
	return { first: round(first), p50: round(percentile(again, 50)) };
}

log("saving");
const big = noteNear(vault.path, 40_000);
const small = noteNear(vault.path, 3_000);
const save40 = await saves(big);
const save3 = await saves(small);
log("querying");
// The count in the status bar asked for its figure, making the pane's first page ready.
await waitFor(() => app.statusBarEl.querySelector(".vault-curator-review-count")?.textContent.startsWith("Review: "), { timeout: 600_000, message: "the review count" });
const pane = await query(() => engine.reviewDecisions({ limit: 30 }));
const review = await query(() => engine.reviewDecisions({ limit: 100 }));
const tasks = await query(() => engine.tasksByOwner({ groups: 50, limit: 10 }));
const rssMb = Math.round(process.memoryUsage().rss / 1e6);
const wasmMemoryMb = Math.round((await engine.stats()).memoryBytes / 1e6);
const info = await engine.info();
const stateSaveMs = await timed(() => engine.saveState(plugin.indexer.noteStats(), false));
const savedMemoryMb = Math.round((await engine.stats()).memoryBytes / 1e6);
log("starting again from the saved state");
plugin.unload();
await waitFor(() => plugin.client.stopped, { timeout: 600_000, message: "the engine to save and stop" });
const stateFile = path.join(vault.path, app.vault.configDir, "plugins", plugin.manifest.id, "vault-state.bin");
await waitFor(() => fs.existsSync(stateFile), { timeout: 600_000, message: "the saved state" });
const stateBytes = fs.statSync(stateFile).size;
// Each start is a fresh worker and module; the figures are the median start's.
const starts = [];
for (let i = 0; i < warmStarts; i++) starts.push(await warmStart());
const median = (key) => percentile(starts.map((s) => s[key]), 50);
const warm = Object.fromEntries(Object.keys(starts[0]).map((key) => [key, median(key)]));
fs.rmSync(vault.path, { recursive: true, force: true });

/** A second start over the vault, from the state the first saved. */
async function warmStart() {
	const again = makeApp(vault.path);
	const { plugin: second } = await loadPlugin(again, { worker, ready: false });
	await second.whenReady();
	let started;
	let engineMs = 0;
	const restored = new Promise((resolve) => (started = resolve));
	const original = second.engine.warmStart;
	second.engine.warmStart = async (...a) => {
		const calledAt = performance.now();
		const result = await original(...a);
		engineMs = performance.now() - calledAt;
		started(result);
		return result;
	};
	const at = performance.now();
	again.workspace._setLayoutReady();
	if (!(await restored)) throw new Error("the saved state was not used");
	const restoredMs = performance.now() - at;
	await second.engine.reviewDecisions({ limit: 100 });
	const startMs = performance.now() - at;
	await second.indexer.idle();
	await second.engine.noteCount();
	const verifiedMs = performance.now() - at;
	const memoryMb = Math.round((await second.engine.stats()).memoryBytes / 1e6);
	await second.engine.saveState(second.indexer.noteStats(), false);
	const savedMemoryMb = Math.round((await second.engine.stats()).memoryBytes / 1e6);
	second.unload();
	// Whatever it saves on unload is written before the next start reads the file.
	await waitFor(() => second.client.stopped, { timeout: 600_000, message: "the engine to save and stop" });
	return { restoredMs, engineMs, startMs, verifiedMs, memoryMb, savedMemoryMb };
}

console.log(
	JSON.stringify({
		notes,
		engine: info.inWorker ? "worker" : "ui-thread",
		onload_ms: round(onloadMs),
		start_ms: Math.round(startMs),
		read_ms: Math.round(readMs),
		index_ms: Math.round(indexMs),
		warm_ms: Math.round(loadMs - readMs - indexMs),
		load_ms: Math.round(loadMs),
		save_40kb_bytes: big.size,
		save_40kb_open_ms: save40.open,
		save_40kb_first_ms: save40.first,
		save_40kb_p50_ms: save40.p50,
		save_40kb_p99_ms: save40.p99,
		save_40kb_engine_p50_ms: save40.engineP50,
		save_40kb_engine_p99_ms: save40.engineP99,
		save_3kb_bytes: small.size,
		save_3kb_open_ms: save3.open,
		save_3kb_first_ms: save3.first,
		save_3kb_p50_ms: save3.p50,
		save_3kb_p99_ms: save3.p99,
		save_3kb_engine_p50_ms: save3.engineP50,
		save_3kb_engine_p99_ms: save3.engineP99,
		review_pane_first_ms: pane.first,
		review_pane_p50_ms: pane.p50,
		review_queue_first_ms: review.first,
		review_queue_p50_ms: review.p50,
		tasks_by_owner_first_ms: tasks.first,
		tasks_by_owner_p50_ms: tasks.p50,
		state_save_ms: Math.round(stateSaveMs),
		state_file_bytes: stateBytes,
		warm_restored_ms: Math.round(warm.restoredMs),
		warm_engine_ms: Math.round(warm.engineMs),
		warm_start_ms: Math.round(warm.startMs),
		warm_verified_ms: Math.round(warm.verifiedMs),
		rss_mb: rssMb,
		wasm_memory_mb: wasmMemoryMb,
		wasm_memory_saved_mb: savedMemoryMb,
		warm_wasm_memory_mb: warm.memoryMb,
		warm_wasm_memory_saved_mb: warm.savedMemoryMb,
		main_js_bytes: fs.statSync(MAIN_JS).size,
	}),
);
process.exit(0);
