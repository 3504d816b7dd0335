"use strict";
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor } = require("./harness");
const { ensureTaskExtraction, fakeUncertainMention } = require("./helpers");

const ROADMAP = "Meetings/20250312 1400 Roadmap sync.md";
const PILOT = "Meetings/20250318 0900 Pilot review.md";

afterEach(() => state.reset());

function spyOnIndex(engine) {
	const calls = [];
	for (const method of ["upsert", "rename", "remove"]) {
		const original = engine[method].bind(engine);
		engine[method] = (...args) => {
			calls.push([method, ...args]);
			return original(...args);
		};
	}
	return calls;
}

test("the index follows create, modify, rename and delete", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	const { engine } = plugin.indexer;
	const calls = spyOnIndex(engine);
	const file = await app.vault.create("People/Ilse Brandt.md", "---\ntype: people\n---\n# Ilse Brandt\n");
	await plugin.indexer.idle();
	assert.equal(engine.noteCount(), 8);
	await app.vault.modify(file, "---\ntype: people\n---\n# Ilse Brandt\n\nJoined in March.\n");
	await plugin.indexer.idle();
	await app.vault.rename(file, "People/Ilse Brandt-Vogel.md");
	await plugin.indexer.idle();
	assert.equal(engine.noteCount(), 8);
	await app.vault.delete(app.vault.getFileByPath("People/Ilse Brandt-Vogel.md"));
	await plugin.indexer.idle();
	assert.equal(engine.noteCount(), 7);
	assert.deepEqual(calls, [
		["upsert", "People/Ilse Brandt.md", "---\ntype: people\n---\n# Ilse Brandt\n"],
		["upsert", "People/Ilse Brandt.md", "---\ntype: people\n---\n# Ilse Brandt\n\nJoined in March.\n"],
		["rename", "People/Ilse Brandt.md", "People/Ilse Brandt-Vogel.md", "---\ntype: people\n---\n# Ilse Brandt\n\nJoined in March.\n"],
		["remove", "People/Ilse Brandt-Vogel.md"],
	]);
	plugin.unload();
});

test("non-markdown files stay out of the index; renaming into an ignored folder drops the note", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	const { engine } = plugin.indexer;
	await app.vault.create("Attachments/diagram.canvas", "{}");
	await plugin.indexer.idle();
	assert.equal(engine.noteCount(), 7);
	plugin.settings.ignore = ["Archive/"];
	await plugin.saveSettings();
	assert.equal(engine.noteCount(), 7);
	await app.vault.rename(app.vault.getFileByPath(PILOT), "Archive/Pilot review.md");
	await plugin.indexer.idle();
	assert.equal(engine.noteCount(), 6);
	plugin.unload();
});

test("tasks by owner: open tasks grouped by owner, linked to their line, updated on change", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	ensureTaskExtraction(plugin.indexer.engine);
	app.commands.executeCommandById("vault-curator:show-tasks-by-owner");
	const leaf = await waitFor(() => app.workspace.getLeavesOfType("vault-curator-tasks")[0], { message: "the tasks view" });
	assert.equal(leaf.side, "right");
	assert.equal(leaf._revealed, true);
	const view = leaf.view;
	await view.refresh();
	const titles = () => [...view.contentEl.querySelectorAll(".vault-curator-group-title")].map((el) => el.textContent);
	assert.deepEqual(titles(), ["Mara Quist (2)", "Tobias Fenn (1)"]);
	const first = view.contentEl.querySelector(".vault-curator-task");
	assert.equal(first.querySelector(".vault-curator-link").textContent, "Send the capacity plan to the team.");
	assert.match(first.querySelector(".vault-curator-meta").textContent, /^due 2025-03-20 · high · Meetings\/20250312 1400 Roadmap sync\.md:\d+$/);

	first.querySelector(".vault-curator-link").click();
	const opened = await waitFor(() => app.workspace._opened.at(-1), { message: "the note to open" });
	assert.equal(opened.path, ROADMAP);
	const editor = app.workspace.activeEditor.editor;
	assert.match(editor.getLine(editor.getCursor().line), /Send the capacity plan/);

	// Opening the command again reveals the same view rather than adding a second one.
	app.commands.executeCommandById("vault-curator:show-tasks-by-owner");
	await new Promise((r) => setTimeout(r, 20));
	assert.equal(app.workspace.getLeavesOfType("vault-curator-tasks").length, 1);

	const pilot = app.vault.getFileByPath(PILOT);
	await app.vault.modify(pilot, (await app.vault.read(pilot)).replace("- [ ] Share", "- [x] Share"));
	await waitFor(() => titles()[0] === "Mara Quist (1)", { message: "the view to drop the finished task" });
	plugin.unload();
});

test("review queue lists invalid frontmatter and notes tagged for review, and updates", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	app.commands.executeCommandById("vault-curator:open-review-queue");
	const leaf = await waitFor(() => app.workspace.getLeavesOfType("vault-curator-review")[0], { message: "the review view" });
	const view = leaf.view;
	await view.refresh();
	const items = () => [...view.contentEl.querySelectorAll(".vault-curator-review-item")].map((li) => `${li.dataset.reason} ${li.querySelector(".vault-curator-link").textContent}`);
	assert.deepEqual(items(), ["invalid_frontmatter Meetings/Broken frontmatter.md:4", "needs_review People/Tobias Fenn.md"]);
	assert.equal(view.contentEl.querySelector(".vault-curator-reason").textContent, "Invalid frontmatter");

	view.contentEl.querySelector(".vault-curator-link").click();
	const opened = await waitFor(() => app.workspace._opened.at(-1), { message: "the note to open" });
	assert.deepEqual(opened, { path: "Meetings/Broken frontmatter.md", line: 3 });

	const tobias = app.vault.getFileByPath("People/Tobias Fenn.md");
	await app.vault.modify(tobias, (await app.vault.read(tobias)).replace("- needs-review\n", ""));
	await waitFor(() => items().length === 1, { message: "the reviewed note to leave the queue" });
	await app.vault.create("Notes/Half written.md", "---\ntitle: [unclosed\n---\n");
	await waitFor(() => items().some((i) => i.startsWith("invalid_frontmatter Notes/Half written.md:")), { message: "the new broken note" });
	plugin.unload();
});

test("accepting or rejecting an uncertain mention records the answer in data.json", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	fakeUncertainMention(plugin.indexer.engine, { path: ROADMAP, line: 14, text: "Tobias Fen", candidate: "Tobias Fenn" });
	await plugin.activateView("vault-curator-review");
	const view = app.workspace.getLeavesOfType("vault-curator-review")[0].view;
	await view.refresh();
	const row = view.contentEl.querySelector(".vault-curator-candidate");
	assert.equal(row.querySelector("span").textContent, "Tobias Fen → Tobias Fenn (80%)");
	const button = (text) => [...row.querySelectorAll("button")].find((b) => b.textContent === text);
	button("Reject").click();
	await waitFor(() => plugin.settings.rejected.length === 1, { message: "the rejection" });
	button("Accept").click();
	await waitFor(() => plugin.settings.accepted.length === 1, { message: "the acceptance" });
	const saved = await plugin.loadData();
	assert.deepEqual(saved.accepted, [{ text: "Tobias Fen", entity: "Tobias Fenn" }]);
	assert.deepEqual(saved.rejected, [], "accepting replaces the earlier rejection");
	plugin.unload();
});
