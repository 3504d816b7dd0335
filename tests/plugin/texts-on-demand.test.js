"use strict";
/**
 * The engine keeps a note's text only while it needs it: once a note's results are computed
 * its text goes, and the plugin reads it again when the engine asks — for the line a review
 * card shows, and for a note whose results a change elsewhere dropped.
 */
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor } = require("./harness");
const { cards, openQueue } = require("./review-queue-vault");

afterEach(() => state.reset());

const ADA = "People/Ada Park.md";
const SYNC = "Meetings/Sync.md";
const files = () => ({
	[ADA]: "---\ntype: people\n---\n# Ada Park\n",
	[SYNC]: "---\ntype: meeting\n---\n\nWe asked [[Ada Parks]] about the rack.\n\n- [ ] Send the plan @Ada Park\n",
});

const settled = (engine) => waitFor(async () => {
	const s = await engine.stats();
	return s.staged === 0 && s.stale === 0 && s.unread === 0 && s.waiting === 0;
}, { message: "every note computed" });

test("texts the engine let go are read again for a card's line and for a note a change reaches", async () => {
	const { app, plugin } = await startPlugin(makeVault(files()));
	const { engine, indexer } = plugin;
	const read = [];
	const readTexts = indexer.readTexts.bind(indexer);
	indexer.readTexts = async (paths) => {
		read.push(...paths);
		return readTexts(paths);
	};
	const supplied = [];
	const supplyNotes = engine.supplyNotes;
	engine.supplyNotes = (notes) => {
		supplied.push(...notes.map((n) => n.path));
		return supplyNotes(notes);
	};
	await settled(engine);

	const view = await openQueue(app, plugin);
	const card = () => cards(view).find((c) => c.textContent.includes("Ada Parks"));
	assert.ok(card(), "a card for the misheard name");
	assert.equal(card().querySelector(".vault-curator-context")?.textContent, "We asked [[Ada Parks]] about the rack.");
	assert.deepEqual([...new Set(read)], [SYNC], "the meeting's text was let go, and read again for the card's line");
	read.length = 0;
	await view.refresh();
	assert.equal(card().querySelector(".vault-curator-context")?.textContent, "We asked [[Ada Parks]] about the rack.");
	assert.deepEqual(read, [], "a page asked again shows the lines it showed without reading them");

	// An alias reaches the meeting: its results are dropped, and it waits for its text.
	await app.vault.modify(app.vault.getFileByPath(ADA), "---\ntype: people\naliases: [Ada Parks]\n---\n# Ada Park\n");
	await indexer.idle();
	await waitFor(() => supplied.includes(SYNC), { message: "the meeting read again" });
	await settled(engine);
	await view.refresh();
	assert.equal(card(), undefined, "the alias settles the name");
	plugin.unload();
});
