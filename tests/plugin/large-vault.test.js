"use strict";
// A 2,000-note generated vault: the UI thread is never blocked for long while the plugin
// starts, indexes every note and shows the review queue, whether the engine runs in a worker
// or on the UI thread.
//
// With a worker, nothing the plugin runs on the UI thread takes more than a few milliseconds at a
// time (the figure is printed; `npm run bench` reports it on an idle machine against the 50 ms
// budget). Without one, the load runs in steps of a few milliseconds, but one step cannot be
// shorter than the engine's work on one note: the first notes (the module's code not yet
// optimised, its tables built on first use) and the largest meetings take 50–150 ms each.
// The assertion is a guard, not a timing: a timer on a shared, loaded machine is late by
// tens of milliseconds whatever the plugin does (81.8 ms was seen with the worker under a load
// of 13 on 2 cores), while a regression that runs the engine's vault-wide work on the UI thread
// blocks it for seconds (the whole load takes about 5 s here). With a worker the guard is 400 ms.
// Without one, a single note's step took 118–145 ms on an idle machine but 422 ms while a release
// build ran beside the tests, so that mode is checked at 1,000 ms: still far below the regression.
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const { makeApp, loadPlugin, state, waitFor, ENGINE_WORKER } = require("./harness");
const { lagProbe } = require("./harness/lag");
const { syntheticVault } = require("./synthetic-vault");

/** The longest the UI thread may be blocked at a time, in milliseconds, by where the engine runs. */
const MAX_BLOCK_MS = { thread: 400, none: 1000 };
const NOTES = 2000;

afterEach(() => state.reset());

// The suite runs once with a worker and once without (see harness/index.js).
{
	const worker = ENGINE_WORKER;
	const where = worker === "thread" ? "in a worker" : "on the UI thread";
	test(`a ${NOTES}-note vault loads and shows its review queue without blocking the UI thread over ${MAX_BLOCK_MS[worker]} ms (engine ${where})`, async (t) => {
		const vault = syntheticVault(NOTES);
		if (vault.skip) {
			t.skip(vault.skip);
			return;
		}
		const app = makeApp(vault.path);
		const statuses = new Set();
		const status = () => app.statusBarEl.querySelector(".vault-curator-status").textContent;
		const watch = setInterval(() => statuses.add(status()), 5);
		const probe = lagProbe();
		const started = performance.now();
		const { plugin } = await loadPlugin(app, { worker });
		await plugin.activateView("vault-curator-review");
		const view = app.workspace.getLeavesOfType("vault-curator-review")[0].view;
		const summary = await waitFor(() => view.contentEl.querySelector(".vault-curator-summary"), {
			timeout: 600_000,
			message: "the review queue",
		});
		const tookMs = performance.now() - started;
		clearInterval(watch);
		const { longest, longestCode } = probe.stop();
		t.diagnostic(`ready in ${Math.round(tookMs)} ms; the UI thread was blocked at most ${longest.toFixed(1)} ms, ${longestCode.toFixed(1)} ms without garbage collection`);

		assert.equal(await plugin.engine.noteCount(), NOTES);
		const queue = await plugin.engine.reviewDecisions({ limit: 0 });
		assert.ok(queue.total > 30 && queue.total < queue.items, `${queue.total} decisions for ${queue.items} items`);
		t.diagnostic(`${queue.total} decisions settle ${queue.items} review items`);
		assert.equal(summary.textContent, `${queue.total.toLocaleString("en-US")} decisions settle ${queue.items.toLocaleString("en-US")} items`);
		assert.equal(view.contentEl.querySelectorAll(".vault-curator-card").length, 30, "the first page");
		assert.match(view.contentEl.querySelector(".vault-curator-more").textContent, /^Show 30 more of [\d,]+$/);
		await waitFor(() => app.statusBarEl.querySelector(".vault-curator-review-count").textContent === `Review: ${queue.total.toLocaleString("en-US")}`, { message: "the count in the status bar" });
		const shown = [...statuses];
		assert.ok(shown.some((s) => /^Curator: indexing [\d,]+\/2,000$/.test(s)), `indexing progress shown: ${shown.join(" | ")}`);
		assert.ok(shown.some((s) => /^Curator: checking [\d,]+\/2,000$/.test(s)), `checking progress shown: ${shown.join(" | ")}`);
		assert.equal(status(), "", "the status line clears once the vault is checked");
		assert.ok(longestCode <= MAX_BLOCK_MS[worker], `the UI thread was blocked for ${longestCode.toFixed(1)} ms`);
		plugin.unload();
	});
}
