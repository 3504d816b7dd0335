"use strict";
/**
 * Merging a likely duplicate person from the review queue: the card offers "Merge B into A",
 * a confirmation lists what changes (Cancel writes nothing), Merge rewrites the kept note and
 * every note linking the other (each only over the text the merge was computed from), then
 * trashes the other; undo puts the rewritten notes back byte for byte.
 */
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor, readNote } = require("./harness");
const { cards, openQueue } = require("./review-queue-vault");

afterEach(() => state.reset());

const KEEP = "People/Maren Tallis.md";
const GONE = "People/M. Tallis.md";
const MEETING = "Meetings/Storage sync.md";

const files = () => ({
	[KEEP]: "---\ntype: people\naliases: [Mare]\nrole: Engineer\n---\n# Maren Tallis\n\n## Notes\n- Leads the storage team\n",
	[GONE]: "---\ntype: people\nrole: Manager\nphone: 555-0142\n---\n# M. Tallis\n\n## Notes\n- Leads the storage team\n- Moved to Lisbon\n",
	[MEETING]: '---\ntype: meeting\nattendees: ["[[M. Tallis]]"]\n---\n# Storage sync\n[[M. Tallis]] and [[M. Tallis|Mare]] agreed.\n\n| Who | Does |\n|---|---|\n| [[M. Tallis]] | storage |\n',
});

const MERGED_KEEP =
	"---\ntype: people\naliases: [Mare, M. Tallis]\nrole: Engineer\ntags: [needs-review]\nphone: 555-0142\n---\n# Maren Tallis\n\n## Notes\n- Leads the storage team\n\n" +
	"## Merged from M. Tallis\n\n- M. Tallis says role: Manager (this note keeps Engineer)\n\n### Notes\n\n- Moved to Lisbon\n";
const MERGED_MEETING =
	'---\ntype: meeting\nattendees: ["[[Maren Tallis|M. Tallis]]"]\n---\n# Storage sync\n[[Maren Tallis|M. Tallis]] and [[Maren Tallis|Mare]] agreed.\n\n| Who | Does |\n|---|---|\n| [[Maren Tallis\\|M. Tallis]] | storage |\n';

const duplicateCard = (view) => cards(view).find((c) => c.dataset.kind === "duplicate_entity");

const confirmation = () => waitFor(() => state.modals.find((m) => m.contentEl.hasClass("vault-curator-merge")), { message: "the confirmation" });
const button = (modal, text) => [...modal.contentEl.querySelectorAll("button")].find((b) => b.textContent === text);

test("merge asks first, rewrites the kept note and the links, trashes the other, and undo puts the notes back", async () => {
	const before = files();
	const vault = makeVault(before);
	const { app, plugin } = await startPlugin(vault);
	const trashed = [];
	const trashFile = app.fileManager.trashFile.bind(app.fileManager);
	app.fileManager.trashFile = async (file) => {
		trashed.push(file.path);
		await trashFile(file);
	};
	const view = await openQueue(app, plugin);
	const card = duplicateCard(view);
	assert.ok(card, "a card for the likely duplicate");
	assert.deepEqual(
		[...card.querySelectorAll("button")].map((b) => b.textContent),
		["Merge M. Tallis into Maren Tallis", "Open note", "Skip"],
	);

	card.querySelector('button[data-action="merge"]').click();
	let modal = await confirmation();
	assert.equal(modal.titleEl.textContent, "Merge M. Tallis into Maren Tallis");
	assert.deepEqual(
		[...modal.contentEl.querySelectorAll(".vault-curator-merge-path")].map((p) => p.textContent),
		[MEETING, KEEP],
	);
	assert.deepEqual(
		[...modal.contentEl.querySelectorAll(".vault-curator-merge-conflicts li")].map((li) => li.textContent),
		["M. Tallis says role: Manager (this note keeps Engineer)"],
	);
	assert.ok(duplicateCard(view), "the card stays while the person decides");
	button(modal, "Cancel").click();
	await new Promise((r) => setTimeout(r, 50));
	for (const [p, text] of Object.entries(before)) assert.equal(readNote(vault, p), text, `${p} untouched after Cancel`);
	assert.deepEqual(trashed, []);

	duplicateCard(view).querySelector('button[data-action="merge"]').click();
	modal = await confirmation();
	button(modal, "Merge").click();
	await waitFor(() => trashed.length === 1, { message: "the other note trashed" });
	assert.deepEqual(trashed, [GONE]);
	assert.equal(app.vault.getFileByPath(GONE), null);
	assert.equal(readNote(vault, KEEP), MERGED_KEEP);
	assert.equal(readNote(vault, MEETING), MERGED_MEETING);
	await waitFor(() => !duplicateCard(view), { message: "the card gone" });
	assert.ok(state.notices.some((n) => n.includes("merged People/M. Tallis.md into People/Maren Tallis.md")), state.notices.join("\n"));

	// One undo run puts both rewritten notes back; the trashed note comes back from the trash.
	await plugin.undoLast();
	assert.equal(readNote(vault, KEEP), before[KEEP]);
	assert.equal(readNote(vault, MEETING), before[MEETING]);
	plugin.unload();
});

test("a note changed while the confirmation is open is left alone and named, and the other note is not trashed", async () => {
	const before = files();
	const vault = makeVault(before);
	const { app, plugin } = await startPlugin(vault);
	const view = await openQueue(app, plugin);
	duplicateCard(view).querySelector('button[data-action="merge"]').click();
	const modal = await confirmation();
	const edited = before[MEETING] + "Added meanwhile.\n";
	await app.vault._externalWrite(MEETING, edited);
	button(modal, "Merge").click();
	await waitFor(() => state.notices.some((n) => n.includes("changed meanwhile")), { message: "the notice" });
	assert.ok(state.notices.some((n) => n.includes(MEETING)), state.notices.join("\n"));
	assert.equal(readNote(vault, MEETING), edited, "the edit made meanwhile is kept");
	assert.equal(readNote(vault, KEEP), MERGED_KEEP, "the kept note is written");
	assert.ok(app.vault.getFileByPath(GONE), "the other note stays until the merge can finish");
	plugin.unload();
});

test("two notes of one title are named by their folders, and the links that open the merged one follow it", async () => {
	const [people, archive] = ["People/Kofi Mensah.md", "Archive/Kofi Mensah.md"];
	const lab = "Meetings/Lab.md";
	const before = {
		[people]: "---\ntype: people\n---\n# Kofi Mensah\n- Runs the lab\n",
		[archive]: "---\ntype: people\n---\n# Kofi Mensah\n- Left in 2024\n",
		[lab]: "# Lab\n[[Archive/Kofi Mensah]], [old page](<Archive/Kofi Mensah.md>) and [[People/Kofi Mensah]].\n",
	};
	const vault = makeVault(before);
	const { app, plugin } = await startPlugin(vault);
	app.fileManager.trashFile = async () => {};
	const view = await openQueue(app, plugin);
	const label = duplicateCard(view).querySelector('button[data-action="merge"]').textContent;
	const named = /^Merge (\S+)\/Kofi Mensah into (\S+)\/Kofi Mensah$/.exec(label);
	assert.ok(named && named[1] !== named[2], label);
	const [gone, keep] = [`${named[1]}/Kofi Mensah`, `${named[2]}/Kofi Mensah`];
	duplicateCard(view).querySelector('button[data-action="merge"]').click();
	const modal = await confirmation();
	assert.equal(modal.titleEl.textContent, label);
	button(modal, "Merge").click();
	await waitFor(() => readNote(vault, `${keep}.md`).includes(`## Merged from ${gone}`), { message: "the merge" });
	const links = readNote(vault, lab);
	assert.ok(links.includes(`[[${keep}|${gone}]]`), links);
	assert.ok(links.includes(`[old page](<${keep}.md>)`), links);
	assert.ok(links.includes(`[[People/Kofi Mensah]]`) || links.includes(`[[${keep}|People/Kofi Mensah]]`), links);
	plugin.unload();
});

test("a name tied between two copies of a person is the merge's card, and two people of one title are named by their paths", async () => {
	const files = {
		"People/Maren Holloway.md": "---\ntype: people\n---\n# About\n",
		"Archive/Maren Holloway.md": "---\ntype: people\n---\n# About\n",
		"People/Juno Farr.md": "---\ntype: people\ntags: [company/acme]\n---\n# About\n",
		"Contractors/Juno Farr.md": "---\ntype: people\ntags: [company/globex]\n---\n# About\n",
		"Topics/Survey.md": "---\ntype: topic\n---\n# Survey\n\nMaren Holloway mapped the harbour.\n\nJuno Farr surveyed the east quay.\n",
	};
	const vault = makeVault(files);
	const { app, plugin } = await startPlugin(vault);
	const view = await openQueue(app, plugin);
	const merges = cards(view).filter((c) => c.dataset.kind === "duplicate_entity");
	assert.equal(merges.length, 1, "one merge: the Junos work at different companies");
	const where = [...merges[0].querySelectorAll(".vault-curator-occurrences a")].map((a) => a.textContent);
	assert.ok(where.includes("Topics/Survey.md:6"), where.join(", "));
	const names = cards(view)
		.filter((c) => c.dataset.kind !== "duplicate_entity")
		.map((c) => [...c.querySelectorAll(".vault-curator-candidate-name")].map((n) => n.textContent));
	assert.ok(!names.some((n) => n.includes("Maren Holloway")), "no card asks which copy Maren Holloway is");
	assert.ok(names.some((n) => n.includes("People/Juno Farr.md") && n.includes("Contractors/Juno Farr.md")), JSON.stringify(names));
	plugin.unload();
});
