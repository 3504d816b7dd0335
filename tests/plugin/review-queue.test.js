"use strict";
/**
 * The review queue as a person works through it: one card per decision, an answer settling
 * every occurrence at once and remembered in data.json (which `curator` reads too), the reader's
 * place kept, hostile names shown as text, keyboard moves between cards.
 */
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor, readNote } = require("./harness");
const { curatorBinary, runCurator } = require("./curator-cli");
const { reviewQueueVault, HOSTILE, cards, openQueue } = require("./review-queue-vault");

afterEach(() => state.reset());

const titles = (view) => cards(view).map((c) => c.querySelector(".vault-curator-card-title").textContent);
const cardOf = (view, title) => cards(view).find((c) => c.querySelector(".vault-curator-card-title").textContent === title);

test("one card per decision; accepting settles every occurrence at once and keeps the reader's place", async () => {
	const vault = makeVault(reviewQueueVault());
	const { app, plugin } = await startPlugin(vault);
	const view = await openQueue(app, plugin);
	assert.deepEqual(titles(view), [
		"Tobias Venn → Tobias Fenn?",
		`${HOSTILE}: someone new?`,
		"Needs review: Vendor call",
		"Key written two ways: Two tags",
	]);
	assert.equal(view.contentEl.querySelector(".vault-curator-summary").textContent, "4 decisions settle 10 items");
	const tobias = cardOf(view, "Tobias Venn → Tobias Fenn?");
	assert.equal(tobias.querySelector(".vault-curator-card-counts").textContent, "10 mentions in 5 notes");
	assert.deepEqual(
		[...tobias.querySelectorAll(".vault-curator-context")].map((c) => c.textContent),
		["We asked [[Tobias Venn]] about rack 1.", "Later [[Tobias Venn]] agreed.", "We asked [[Tobias Venn]] about rack 2."],
	);
	assert.equal(tobias.querySelector(".vault-curator-meta").textContent, "and 7 more");
	// Every control is labelled.
	for (const b of view.contentEl.querySelectorAll("button")) assert.ok(b.getAttribute("aria-label") || b.textContent.trim(), b.outerHTML);
	assert.deepEqual(
		[...tobias.querySelectorAll("button")].map((b) => b.textContent),
		["Accept Tobias Fenn", "Someone new", "Not Tobias Fenn", "Not a name", "Open note", "Skip"],
	);

	view.contentEl.scrollTop = 0;
	tobias.querySelector('button[data-action="accept"]').click();
	assert.equal(titles(view)[0], `${HOSTILE}: someone new?`, "the card goes at once");
	assert.equal(activeDocument.activeElement, cards(view)[0], "the focus goes to the next card");
	await waitFor(() => plugin.settings.accepted.length === 1, { message: "the answer" });
	assert.deepEqual((await plugin.loadData()).accepted, [{ text: "Tobias Venn", entity: "Tobias Fenn" }]);
	// Every occurrence in every note is settled by the one answer.
	for (let i = 1; i <= 5; i++) {
		const path = `Meetings/Sync ${i}.md`;
		const mentions = (await plugin.engine.mentions(path, readNote(vault, path))).filter((m) => m.text === "Tobias Venn");
		assert.deepEqual(
			mentions.map((m) => [m.decision, m.resolved]),
			[
				["alias", "Tobias Fenn"],
				["alias", "Tobias Fenn"],
			],
		);
	}
	await waitFor(() => titles(view).length === 3 && !titles(view).includes("Tobias Venn → Tobias Fenn?"), { message: "the list brought up to date" });
	plugin.unload();
});

test("a hostile name shows as text; 'not a name' is remembered and honoured by curator too", async (t) => {
	const vault = makeVault(reviewQueueVault());
	const { app, plugin } = await startPlugin(vault);
	const view = await openQueue(app, plugin);
	assert.equal(view.contentEl.querySelector("img"), null, "no element was made from the name");
	const hostile = cardOf(view, `${HOSTILE}: someone new?`);
	assert.equal(hostile.getAttribute("aria-label"), `${HOSTILE}: someone new?`);
	assert.equal(hostile.querySelector(".vault-curator-card-counts").textContent, "2 mentions in 2 notes");
	assert.equal(hostile.querySelector('button[data-action="someone_new"]'), null, "no note can be named so");
	hostile.querySelector('button[data-action="not_a_name"]').click();
	await waitFor(() => plugin.settings.notNames.length === 1, { message: "the answer" });
	assert.deepEqual((await plugin.loadData()).notNames, [HOSTILE]);
	await view.refresh();
	assert.ok(!titles(view).includes(`${HOSTILE}: someone new?`));
	plugin.unload();

	const curator = curatorBinary();
	if (curator.skip) {
		t.skip(curator.skip);
		return;
	}
	const review = JSON.parse(runCurator(curator.path, ["review", vault, "--json", "--no-cache"]).replace(/^[^[{]*/, ""));
	const entries = Array.isArray(review) ? review : (review.items ?? review.review ?? []);
	assert.ok(entries.length > 0, JSON.stringify(review).slice(0, 300));
	assert.ok(!entries.some((e) => e.name === HOSTILE), "curator honours the answer from data.json");
});

test("someone new gets a note in the vault's people layout; mark reviewed takes the tag off; backticks show as code", async () => {
	const files = reviewQueueVault();
	files["Meetings/Sync 6.md"] = "---\ntype: meeting\nparticipants: [Mara Quist, Ilse Brandt]\n---\n";
	files["Meetings/Sync 7.md"] = "---\ntype: meeting\nparticipants: [Ilse Brandt]\n---\n";
	const vault = makeVault(files);
	const { app, plugin } = await startPlugin(vault);
	const view = await openQueue(app, plugin);
	const ilse = cardOf(view, "Ilse Brandt: someone new?");
	assert.equal(ilse.querySelector("button.mod-cta").textContent, "Someone new");
	ilse.querySelector('button[data-action="someone_new"]').click();
	await waitFor(() => app.vault.getAbstractFileByPath("People/Ilse Brandt.md"), { message: "the new note" });
	assert.equal(readNote(vault, "People/Ilse Brandt.md"), "---\ntype: people\ntags: [type/people, needs-review]\n---\n# Ilse Brandt\n");
	await waitFor(() => titles(view).includes("Needs review: Ilse Brandt"), { message: "the new note to be queued for review" });
	assert.ok(!titles(view).includes("Ilse Brandt: someone new?"));

	const vendor = cardOf(view, "Needs review: Vendor call");
	vendor.querySelector('button[data-action="mark_reviewed"]').click();
	await waitFor(() => readNote(vault, "Notes/Vendor call.md") === "---\ntags: [vendor]\n---\n# Vendor call\n", { message: "the tag to come off" });
	await waitFor(() => !titles(view).includes("Needs review: Vendor call"), { message: "the card to go" });

	const keys = cardOf(view, "Key written two ways: Two tags");
	const message = keys.querySelector(".vault-curator-card-message");
	assert.deepEqual([...message.querySelectorAll("code")].map((c) => c.textContent), ["Tags", "tags", "tags"]);
	assert.ok(!message.textContent.includes("`"));
	plugin.unload();
});

test("someone new links the first plain mention in each note; undo takes the links back byte for byte", async () => {
	const files = reviewQueueVault();
	files["Meetings/Sync 6.md"] = "---\ntype: meeting\nparticipants: [Mara Quist, Ilse Brandt]\n---\n\n## Ilse Brandt\n\n`Ilse Brandt` in code. Ilse Brandt asked about racks; Ilse Brandt again.\n";
	files["Meetings/Sync 7.md"] = "---\ntype: meeting\nparticipants: [Ilse Brandt]\n---\n\n| Who | Role |\n|---|---|\n| Ilse Brandt | lead |\n";
	files["Meetings/Sync 8.md"] = "---\ntype: meeting\nparticipants: [Ilse Brandt]\n---\n\nAlready [[Ilse Brandt]], then Ilse Brandt.\n";
	const vault = makeVault(files);
	const { app, plugin } = await startPlugin(vault);
	const view = await openQueue(app, plugin);
	const ilse = cardOf(view, "Ilse Brandt: someone new?");
	const before = state.notices.length;
	ilse.querySelector('button[data-action="someone_new"]').click();
	await waitFor(() => state.notices.length > before && app.vault.getAbstractFileByPath("People/Ilse Brandt.md"), { message: "the new note" });
	assert.equal(
		readNote(vault, "Meetings/Sync 6.md"),
		files["Meetings/Sync 6.md"].replace("Ilse Brandt asked", "[[Ilse Brandt]] asked"),
		"the first plain mention, not the heading, the code or the frontmatter",
	);
	assert.equal(readNote(vault, "Meetings/Sync 7.md"), files["Meetings/Sync 7.md"].replace("| Ilse Brandt |", "| [[Ilse Brandt]] |"));
	assert.equal(readNote(vault, "Meetings/Sync 8.md"), files["Meetings/Sync 8.md"], "a note linking them already is left alone");
	assert.equal(state.notices.at(-1), "Vault Curator: created People/Ilse Brandt.md, tagged needs-review. Linked from 2 notes (Undo last enrichment takes the links back).");

	assert.equal(app.commands.executeCommandById("vault-curator:undo-last-enrichment"), true);
	await waitFor(() => ["Meetings/Sync 6.md", "Meetings/Sync 7.md"].every((p) => readNote(vault, p) === files[p]), { message: "the undo" });
	assert.ok(app.vault.getAbstractFileByPath("People/Ilse Brandt.md"), "the created note stays");
	plugin.unload();
});

test("filters, search, skip and keyboard moves", async () => {
	const { app, plugin } = await startPlugin(makeVault(reviewQueueVault()));
	const view = await openQueue(app, plugin);
	const search = view.contentEl.querySelector(".vault-curator-search");
	search.focus();
	search.value = "Vendor CALL";
	search.dispatchEvent(new window.Event("input"));
	await waitFor(() => titles(view).length === 1, { message: "the search" });
	assert.deepEqual(titles(view), ["Needs review: Vendor call"]);
	assert.equal(activeDocument.activeElement, view.contentEl.querySelector(".vault-curator-search"), "typing is not interrupted");
	const again = view.contentEl.querySelector(".vault-curator-search");
	again.value = "";
	again.dispatchEvent(new window.Event("input"));
	await waitFor(() => titles(view).length === 4, { message: "the search cleared" });

	const list = cards(view);
	list[0].focus();
	const key = (k) => activeDocument.activeElement.dispatchEvent(new window.KeyboardEvent("keydown", { key: k, bubbles: true }));
	key("ArrowDown");
	assert.equal(activeDocument.activeElement, list[1]);
	key("End");
	assert.equal(activeDocument.activeElement, list[3]);
	key("ArrowUp");
	assert.equal(activeDocument.activeElement, list[2]);
	key("Home");
	assert.equal(activeDocument.activeElement, list[0]);

	list[0].querySelector('button[data-action="skip"]').click();
	await view.refresh();
	assert.equal(titles(view).length, 3, "skipped for now");
	assert.equal(view.contentEl.querySelector('.vault-curator-kind[data-kind="all"]').textContent, "All3");
	assert.deepEqual(plugin.settings.accepted, [], "skipping records nothing");
	plugin.unload();
});

test("a company tag and table that disagree: keeping either rewrites the other, and undo puts it back", async () => {
	const person = (name, tag) =>
		`---\ntype: people\ntags: [type/people, ${tag}]\n---\n# ${name}\n\n| Field | Value |\n|---|---|\n| **Company** | Quill Labs |\n`;
	const files = {
		"Organizations/Harrow Finch.md": "---\ntype: organization\n---\n# Harrow Finch\n",
		"Organizations/Quill Labs.md": "---\ntype: organization\n---\n# Quill Labs\n",
		"People/Ada Park.md": person("Ada Park", "company/harrow-finch"),
		"People/Bo Lind.md": person("Bo Lind", "company/harrow-finch"),
	};
	const vault = makeVault(files);
	const { app, plugin } = await startPlugin(vault);
	const view = await openQueue(app, plugin);
	const ada = cardOf(view, "Company tag and table disagree: Ada Park");
	assert.ok(ada, titles(view).join(" | "));
	assert.deepEqual(
		[...ada.querySelectorAll("button")].map((b) => b.textContent),
		["Keep Quill Labs", "Keep company/harrow-finch", "Open note", "Skip"],
	);
	ada.querySelector('button[data-action="keep_table"]').click();
	await waitFor(() => readNote(vault, "People/Ada Park.md").includes("company/quill-labs"), { message: "the tag rewritten" });
	assert.equal(readNote(vault, "People/Ada Park.md"), files["People/Ada Park.md"].replace("company/harrow-finch", "company/quill-labs"));

	cardOf(view, "Company tag and table disagree: Bo Lind").querySelector('button[data-action="keep_tag"]').click();
	await waitFor(() => readNote(vault, "People/Bo Lind.md").includes("| **Company** | Harrow Finch |"), { message: "the table rewritten" });
	assert.equal(readNote(vault, "People/Bo Lind.md"), files["People/Bo Lind.md"].replace("| Quill Labs |", "| Harrow Finch |"));
	await waitFor(() => !titles(view).some((t) => t.startsWith("Company tag and table disagree")), { message: "both cards settled" });

	// Each answer is a run of the undo journal: the last one is undone byte for byte.
	const journal = path.join(vault, ".obsidian/plugins/vault-curator/journal");
	await waitFor(() => fs.existsSync(journal) && fs.readdirSync(journal).length === 2, { message: "both answers recorded" });
	await plugin.undoLast();
	assert.equal(readNote(vault, "People/Ada Park.md"), files["People/Ada Park.md"].replace("company/harrow-finch", "company/quill-labs"));
	assert.equal(readNote(vault, "People/Bo Lind.md"), files["People/Bo Lind.md"]);
	plugin.unload();
});
