"use strict";
/**
 * Accepting a misheard name in the review queue offers to add it to the person's `aliases`: a
 * checkbox, off by default. Ticked, the engine's edit is written over the person note in the
 * list's own style, never twice (in any case), recorded in the undo journal and undone byte for
 * byte; unticked, the person note is never written.
 */
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor, readNote } = require("./harness");
const { reviewQueueVault } = require("./review-queue-vault");

afterEach(() => state.reset());

const TOBIAS = "People/Tobias Fenn.md";
const CARD = "Tobias Venn → Tobias Fenn?";

async function tobiasCard(app, plugin) {
	await plugin.activateView("vault-curator-review");
	const view = app.workspace.getLeavesOfType("vault-curator-review")[0].view;
	if (!view.containerEl.isConnected) activeDocument.body.appendChild(view.containerEl);
	await view.refresh();
	const card = [...view.contentEl.querySelectorAll(".vault-curator-card")].find((c) => c.getAttribute("aria-label") === CARD);
	assert.ok(card, "the card");
	return card;
}

/** Accepts Tobias Venn as Tobias Fenn, ticking the alias offer or not; resolves once the answer is in. */
async function accept(app, plugin, tick) {
	const card = await tobiasCard(app, plugin);
	const offer = card.querySelector('input[data-role="alias-offer"]');
	assert.ok(offer, "the offer");
	assert.equal(offer.checked, false, "off by default");
	assert.equal(offer.closest("label").textContent, 'Also add "Tobias Venn" to the aliases of the note you accept');
	if (tick) offer.click();
	card.querySelector('button[data-action="accept"]').click();
	await waitFor(() => plugin.settings.accepted.length === 1, { message: "the answer" });
}

test("unticked, accepting writes nothing but the answer", async () => {
	const files = reviewQueueVault();
	const vault = makeVault(files);
	const { app, plugin } = await startPlugin(vault);
	await accept(app, plugin, false);
	await plugin.indexer.idle();
	await new Promise((r) => setTimeout(r, 200));
	assert.equal(readNote(vault, TOBIAS), files[TOBIAS]);
	plugin.unload();
});

test("ticked, the name joins the aliases in the list's own style, once, and is undone byte for byte", async () => {
	const files = reviewQueueVault();
	files[TOBIAS] = "---\ntype: people\naliases:\n  - Toby # what the team calls him\ntags: [type/people]\n---\n# Tobias Fenn\n";
	const vault = makeVault(files);
	const { app, plugin } = await startPlugin(vault);
	await accept(app, plugin, true);
	const added = "---\ntype: people\naliases:\n  - Toby # what the team calls him\n  - Tobias Venn\ntags: [type/people]\n---\n# Tobias Fenn\n";
	await waitFor(() => readNote(vault, TOBIAS) === added, { message: "the alias" });
	await waitFor(() => state.notices.some((n) => n.includes('added "Tobias Venn" to the aliases of Tobias Fenn')), { message: "the notice" });

	await plugin.undoLast();
	assert.equal(readNote(vault, TOBIAS), files[TOBIAS], "undone byte for byte");
	plugin.unload();
});

test("a name already among the aliases, in another case, is not added again", async () => {
	const files = reviewQueueVault();
	files[TOBIAS] = "---\ntype: people\naliases: [tobias venn]\n---\n# Tobias Fenn\n";
	const vault = makeVault(files);
	const { plugin } = await startPlugin(vault);
	assert.equal(await plugin.engine.aliasUpdate("Tobias Fenn", "TOBIAS VENN"), null);
	assert.equal(await plugin.engine.aliasUpdate("Tobias Fenn", "Tobias Fenn"), null, "the title itself");
	assert.equal(await plugin.engine.aliasUpdate("Nobody Here", "Tobias Venn"), null, "no such note");
	const update = await plugin.engine.aliasUpdate("Tobias Fenn", "Tobi Fenn");
	assert.deepEqual(update, { path: TOBIAS, original: files[TOBIAS], text: "---\ntype: people\naliases: [tobias venn, Tobi Fenn]\n---\n# Tobias Fenn\n" });
	plugin.unload();
});
