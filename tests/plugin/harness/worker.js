"use strict";
/**
 * The browser's `Worker` for the harness, over Node's worker_threads: `new Worker(blobUrl)`
 * runs the very script main.js hands it (the engine's worker, inlined in main.js) in a real
 * thread, with the worker scope's `self`, `postMessage` and `onmessage`.
 *
 * Modes (`installWorker`): "thread" (the default), "none" (no `Worker`, as where none exists:
 * the plugin runs its engine on the UI thread) and "broken" (the worker starts but its engine
 * cannot compile the module: the plugin must fall back). A thread keeps Node running only
 * while a request to it awaits its answer, so a test that never unloads its plugin still ends.
 */
const { Worker: NodeWorker } = require("node:worker_threads");
const { resolveObjectURL } = require("node:buffer");

/** The worker global scope's API, run in the thread before the worker script. */
const PRELUDE = `
const { parentPort } = require("node:worker_threads");
globalThis.self = globalThis;
self.postMessage = (message, transfer) => parentPort.postMessage(message, transfer);
self.close = () => parentPort.close();
parentPort.on("message", (data) => {
	if (data === "_crash") throw new Error("the worker crashed");
	if (typeof self.onmessage === "function") self.onmessage({ data });
});
`;

/** Run before the worker script in "broken" mode. */
const BREAK_ENGINE = "delete globalThis.WebAssembly;\n";

const has = (message, key) => message !== null && typeof message === "object" && key in message;
/** A message that expects an answer: a request, or the start message. */
const isRequest = (message) => has(message, "id") || has(message, "start");
/** An answer: to a request, or to the start message. */
const isAnswer = (message) => has(message, "id") || has(message, "started");

/** Every thread started, to terminate them between tests. */
const threads = new Set();
/** The last Worker made. */
let last = null;

function workerClass(preamble) {
	return class Worker {
		constructor(url) {
			const blob = resolveObjectURL(String(url));
			if (!blob) throw new TypeError(`Failed to construct 'Worker': ${url} cannot be loaded`);
			this.onmessage = null;
			this.onerror = null;
			this._queue = [];
			this._thread = null;
			this._terminated = false;
			this._waiting = 0;
			last = this;
			void blob.text().then((source) => {
				if (this._terminated) return;
				const thread = new NodeWorker(`${PRELUDE}${preamble}\n${source}`, { eval: true });
				threads.add(thread);
				thread.unref();
				thread.on("message", (data) => {
					if (isAnswer(data)) this._settle(-1);
					this.onmessage?.({ data });
				});
				thread.on("error", (error) => this.onerror?.({ message: error.message, error, preventDefault() {} }));
				thread.on("exit", () => threads.delete(thread));
				this._thread = thread;
				for (const [message, transfer] of this._queue.splice(0)) thread.postMessage(message, transfer);
				if (this._waiting > 0) thread.ref();
			});
		}

		postMessage(message, transfer) {
			if (isRequest(message)) this._settle(1);
			if (this._thread) this._thread.postMessage(message, transfer);
			else this._queue.push([message, transfer]);
		}

		terminate() {
			this._terminated = true;
			if (this._thread) void this._thread.terminate();
		}

		/** Harness-only: an uncaught error in the thread, as when a worker dies. */
		_crash() {
			this._thread.postMessage("_crash");
		}

		/** Keeps Node running while an answer is awaited. */
		_settle(delta) {
			const before = this._waiting;
			this._waiting = Math.max(0, this._waiting + delta);
			if (!this._thread) return;
			if (before === 0 && this._waiting > 0) this._thread.ref();
			if (before > 0 && this._waiting === 0) this._thread.unref();
		}
	};
}

/** Sets `globalThis.Worker` for `mode`: "thread", "none" or "broken". */
function installWorker(mode = "thread") {
	if (mode === "none") delete globalThis.Worker;
	else if (mode === "thread") globalThis.Worker = workerClass("");
	else if (mode === "broken") globalThis.Worker = workerClass(BREAK_ENGINE);
	else throw new Error(`unknown worker mode ${mode}`);
}

/** Terminates every thread still running. */
async function terminateWorkers() {
	await Promise.all([...threads].map((t) => t.terminate()));
	threads.clear();
}

/** The last Worker made (harness-only, for tests that break it). */
function lastWorker() {
	return last;
}

module.exports = { installWorker, terminateWorkers, lastWorker };
