"use strict";
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor, readNote } = require("./harness");

const ROADMAP = "Meetings/20250312 1400 Roadmap sync.md";
const PILOT = "Meetings/20250318 0900 Pilot review.md";
const RACK = "Projects/Pilot rack.md";

afterEach(() => state.reset());

/** Records the updates the plugin sends the engine. */
function spyOnIndex(engine) {
	const calls = [];
	for (const method of ["upsert", "rename", "remove"]) {
		const original = engine[method];
		engine[method] = (...args) => {
			calls.push([method, ...args]);
			return original(...args);
		};
	}
	return calls;
}

test("the index follows create, modify, rename and delete", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	const { engine } = plugin;
	const calls = spyOnIndex(engine);
	const file = await app.vault.create("People/Ilse Brandt.md", "---\ntype: people\n---\n# Ilse Brandt\n");
	await plugin.indexer.idle();
	assert.equal(await engine.noteCount(), 9);
	await app.vault.modify(file, "---\ntype: people\n---\n# Ilse Brandt\n\nJoined in March.\n");
	await plugin.indexer.idle();
	await app.vault.rename(file, "People/Ilse Brandt-Vogel.md");
	await plugin.indexer.idle();
	assert.equal(await engine.noteCount(), 9);
	await app.vault.delete(app.vault.getFileByPath("People/Ilse Brandt-Vogel.md"));
	await plugin.indexer.idle();
	assert.equal(await engine.noteCount(), 8);
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
	const { engine } = plugin;
	await app.vault.create("Attachments/diagram.canvas", "{}");
	await plugin.indexer.idle();
	assert.equal(await engine.noteCount(), 8);
	plugin.settings.ignore = ["Archive/"];
	await plugin.saveSettings();
	assert.equal(await engine.noteCount(), 8);
	await app.vault.rename(app.vault.getFileByPath(PILOT), "Archive/Pilot review.md");
	await plugin.indexer.idle();
	assert.equal(await engine.noteCount(), 7);
	plugin.unload();
});

/** The tasks view as [group title, [[link text, meta], …]] pairs. */
function taskGroups(view) {
	return [...view.contentEl.querySelectorAll(".vault-curator-group")].map((group) => [
		group.querySelector(".vault-curator-group-title").textContent,
		[...group.querySelectorAll(".vault-curator-task")].map((li) => [
			li.querySelector(".vault-curator-link").textContent,
			li.querySelector(".vault-curator-meta").textContent,
		]),
	]);
}

test("tasks by owner: open tasks grouped by owner (spaced and camel-case handles), linked to their line, updated on change", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	app.commands.executeCommandById("vault-curator:show-tasks-by-owner");
	const leaf = await waitFor(() => app.workspace.getLeavesOfType("vault-curator-tasks")[0], { message: "the tasks view" });
	assert.equal(leaf.side, "right");
	assert.equal(leaf._revealed, true);
	const view = leaf.view;
	await view.refresh();
	const groups = taskGroups(view);
	// The mojibake task's text and fields are asserted in normalize-note.test.js; here only
	// its place: under its owner (`@TobiasFenn`), at its line.
	const [mojibakeText, mojibakeMeta] = groups[1][1][1];
	assert.ok(mojibakeText.startsWith("Order spare drives for the pilot rack."), mojibakeText);
	assert.ok(mojibakeMeta.endsWith(`${RACK}:13`), mojibakeMeta);
	groups[1][1][1] = null;
	assert.deepEqual(groups, [
		["Mara Quist (3)", [
			["Send the capacity plan to the team.", `due 2025-03-20 · high · ${ROADMAP}:21`],
			["Share the validation checklist.", `due 2025-03-21 · ${PILOT}:18`],
			["Send the rack diagram.", `due 2025-03-24 · low · ${PILOT}:19`],
		]],
		["Tobias Fenn (3)", [
			["Draft the pilot success criteria.", `due 2025-03-25 · medium · ${ROADMAP}:22`],
			null,
			["Label the rack power feeds.", `medium · ${RACK}:14`],
		]],
	]);

	view.contentEl.querySelector(".vault-curator-link").click();
	const opened = await waitFor(() => app.workspace._opened.at(-1), { message: "the note to open" });
	assert.deepEqual(opened, { path: ROADMAP, line: 20 });
	const editor = app.workspace.activeEditor.editor;
	assert.equal(editor.getLine(editor.getCursor().line), "- [ ] Send the capacity plan to the team. @Mara Quist ⏫ 📅 2025-03-20");

	// Opening the command again reveals the same view rather than adding a second one.
	app.commands.executeCommandById("vault-curator:show-tasks-by-owner");
	await new Promise((r) => setTimeout(r, 20));
	assert.equal(app.workspace.getLeavesOfType("vault-curator-tasks").length, 1);

	const pilot = app.vault.getFileByPath(PILOT);
	await app.vault.modify(pilot, (await app.vault.read(pilot)).replace("- [ ] Share", "- [x] Share"));
	await waitFor(() => taskGroups(view)[0]?.[0] === "Mara Quist (2)", { message: "the view to drop the finished task" });
	assert.deepEqual(taskGroups(view)[0][1].map(([text]) => text), ["Send the capacity plan to the team.", "Send the rack diagram."]);
	plugin.unload();
});

/** The review queue's cards as "kind title" strings. */
function reviewItems(view) {
	return [...view.contentEl.querySelectorAll(".vault-curator-card")].map((card) => `${card.dataset.kind} ${card.querySelector(".vault-curator-card-title").textContent}`);
}

/** The card whose title is `title`. */
function card(view, title) {
	return [...view.contentEl.querySelectorAll(".vault-curator-card")].find((c) => c.querySelector(".vault-curator-card-title").textContent === title);
}

const QUEUE = [
	"uncertain_mention Tobias Venn → Tobias Fenn?",
	"needs_review Needs review: Tobias Fenn",
	"invalid_frontmatter Frontmatter cannot be read: Broken frontmatter",
];

test("review queue shows one card per decision, grouped by kind, each opening its note, and updates", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	app.commands.executeCommandById("vault-curator:open-review-queue");
	const leaf = await waitFor(() => app.workspace.getLeavesOfType("vault-curator-review")[0], { message: "the review view" });
	const view = leaf.view;
	await view.refresh();
	assert.deepEqual(reviewItems(view), QUEUE);
	assert.equal(view.contentEl.querySelector(".vault-curator-summary").textContent, "3 decisions settle 3 items");
	assert.deepEqual(
		[...view.contentEl.querySelectorAll(".vault-curator-kind")].map((b) => b.textContent),
		["All3", "Probably someone1", "Needs review1", "Frontmatter cannot be read1"],
	);
	const broken = card(view, QUEUE[2].replace(/^\S+ /, ""));
	assert.equal(broken.querySelector(".vault-curator-card-message").textContent, "frontmatter is not valid YAML: illegal placement of ':' indicator");
	assert.deepEqual(
		[...broken.querySelectorAll("button")].map((b) => b.getAttribute("aria-label")),
		["Open the note at the line", "Skip: leave it for later"],
	);

	broken.querySelector(".vault-curator-link").click();
	const opened = await waitFor(() => app.workspace._opened.at(-1), { message: "the note to open" });
	assert.deepEqual(opened, { path: "Meetings/Broken frontmatter.md", line: 3 });

	// A kind as a filter.
	view.contentEl.querySelector('.vault-curator-kind[data-kind="needs_review"]').click();
	await waitFor(() => reviewItems(view).length === 1, { message: "the filter" });
	assert.deepEqual(reviewItems(view), [QUEUE[1]]);
	view.contentEl.querySelector('.vault-curator-kind[data-kind="all"]').click();
	await waitFor(() => reviewItems(view).length === 3, { message: "the filter off" });

	const tobias = app.vault.getFileByPath("People/Tobias Fenn.md");
	await app.vault.modify(tobias, (await app.vault.read(tobias)).replace("- needs-review\n", ""));
	await waitFor(() => reviewItems(view).length === 2, { message: "the reviewed note to leave the queue" });
	await app.vault.create("Notes/Half written.md", "---\ntitle: [unclosed\n---\n");
	await waitFor(() => reviewItems(view).some((i) => i.endsWith("Frontmatter cannot be read: Half written")), { message: "the new broken note" });
	plugin.unload();
});

test("the status bar's count makes the queue's first page ready: the pane opens without reading a note", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	const count = () => app.statusBarEl.querySelector(".vault-curator-review-count").textContent;
	await waitFor(() => count() === "Review: 3", { message: "the count in the status bar" });
	const read = [];
	const readTexts = plugin.indexer.readTexts.bind(plugin.indexer);
	plugin.indexer.readTexts = (paths) => {
		read.push(...paths);
		return readTexts(paths);
	};
	await plugin.activateView("vault-curator-review");
	const view = app.workspace.getLeavesOfType("vault-curator-review")[0].view;
	await view.refresh();
	const item = card(view, "Tobias Venn → Tobias Fenn?");
	assert.equal(item.querySelector(".vault-curator-context").textContent, "- Network validation plan to be reviewed with [[Tobias Venn]].");
	assert.deepEqual(read, [], "notes read to open the pane");
	plugin.unload();
});

/** Opens the review view and returns it with the misheard name's card and its buttons. */
async function openMisheardName(app, plugin) {
	await plugin.activateView("vault-curator-review");
	const view = app.workspace.getLeavesOfType("vault-curator-review")[0].view;
	await view.refresh();
	const item = card(view, "Tobias Venn → Tobias Fenn?");
	assert.equal(item.querySelector(".vault-curator-card-counts").textContent, "1 mention in 1 note");
	assert.equal(item.querySelector(".vault-curator-link").textContent, `${PILOT}:23`);
	assert.equal(item.querySelector(".vault-curator-context").textContent, "- Network validation plan to be reviewed with [[Tobias Venn]].");
	const candidates = item.querySelectorAll(".vault-curator-candidate");
	assert.equal(candidates.length, 1);
	assert.equal(candidates[0].querySelector(".vault-curator-candidate-name").textContent, "Tobias Fenn");
	assert.equal(candidates[0].querySelector(".vault-curator-candidate-score").textContent, ">99%");
	const weights = [...candidates[0].querySelectorAll(".vault-curator-weight")].map((w) => w.querySelector(".vault-curator-weight-words").textContent);
	assert.deepEqual(weights.slice(0, 2), ["'tobias' matches 'tobias'", "'venn' sounds like 'fenn'"]);
	const button = (action) => item.querySelector(`button[data-action="${action}"]`);
	return { view, accept: button("accept"), reject: button("not_this_person") };
}

test("accepting or rejecting an uncertain name records the answer in data.json and settles it", async () => {
	const vault = makeVault();
	const { app, plugin } = await startPlugin(vault);
	const first = await openMisheardName(app, plugin);
	assert.equal(first.reject.textContent, "Not Tobias Fenn");
	first.reject.click();
	assert.ok(!reviewItems(first.view).includes(QUEUE[0]), "the card goes at once");
	await waitFor(() => plugin.settings.rejected.length === 1, { message: "the rejection" });
	assert.deepEqual((await plugin.loadData()).rejected, [{ text: "Tobias Venn", entity: "Tobias Fenn" }]);
	const mention = async () => (await plugin.engine.mentions(PILOT, readNote(vault, PILOT))).find((m) => m.text === "Tobias Venn");
	assert.equal((await mention()).decision, "unknown", "a rejected suggestion is never made again");
	await first.view.refresh();
	assert.ok(!reviewItems(first.view).includes(QUEUE[0]));

	// Changing one's mind: the answer is replaced, not added.
	plugin.settings.rejected = [];
	await plugin.saveSettings();
	const second = await openMisheardName(app, plugin);
	assert.equal(second.accept.textContent, "Accept Tobias Fenn");
	second.accept.click();
	await waitFor(() => plugin.settings.accepted.length === 1, { message: "the acceptance" });
	await waitFor(() => reviewItems(second.view).length === 2, { message: "the accepted name to leave the queue" });
	const saved = await plugin.loadData();
	assert.deepEqual(saved.accepted, [{ text: "Tobias Venn", entity: "Tobias Fenn" }]);
	assert.deepEqual(saved.rejected, []);
	const accepted = await mention();
	assert.deepEqual(
		{ decision: accepted.decision, resolved: accepted.resolved, reasons: accepted.reasons },
		{ decision: "alias", resolved: "Tobias Fenn", reasons: ["you confirmed 'Tobias Venn' as Tobias Fenn in review"] },
	);
	plugin.unload();
});
