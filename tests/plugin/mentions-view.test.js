"use strict";
/**
 * "Mentions in this note" as a person uses it, through the built main.js: the active note's
 * people and organisations with how each was resolved, a jump to where a name is written,
 * "Not this person" and "Someone else…" remembered as review answers (data.json, which `curator`
 * reads too), the view following the active note and showing a note's last known mentions at
 * once, names shown as text.
 */
const assert = require("node:assert/strict");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor } = require("./harness");
const { HOSTILE } = require("./review-queue-vault");

afterEach(() => state.reset());

const PERSON = "---\ntype: people\n---\n";
const MEETING =
	'---\ntype: meeting\nparticipants: ["[[Niko Dukic]]", Rob Benoit]\n---\n# Sync\n\n' +
	"Niko Dukic showed the plan to VAST Data.\n" +
	"- [ ] Send the plan @NikoDukic\n" +
	"Later niko dukic agreed.\n" +
	"- Rob Benoit signed the plan off (via Rob Banga)\n";

function mentionsVault() {
	return {
		"People/Niko Dukic.md": PERSON,
		"People/Rob Benoit.md": PERSON,
		"People/Rob Banner.md": PERSON,
		"People/Tobias Fenn.md": PERSON,
		"Organizations/VAST Data.md": "---\ntype: organization\n---\n",
		"Meetings/Sync.md": MEETING,
		"Meetings/Pilot.md": `---\ntype: meeting\nparticipants: [Niko Dukic, "${HOSTILE}"]\n---\nWe asked [[Tobias Venn]] about the rack.\n`,
	};
}

/** Opens `path` in the main area and the mentions view beside it, through the command. */
async function showMentions(app, path) {
	await app.workspace._openFile(path);
	assert.equal(app.commands.executeCommandById("vault-curator:show-mentions-in-current-note"), true);
	const view = await waitFor(() => app.workspace.getLeavesOfType("vault-curator-mentions")[0]?.view, { message: "the view" });
	if (!view.containerEl.isConnected) activeDocument.body.appendChild(view.containerEl);
	return view;
}

const heading = (view) => view.contentEl.querySelector(".vault-curator-mentions-note")?.textContent;
const entries = (view) =>
	[...view.contentEl.querySelectorAll(".vault-curator-mention")].map((el) => ({
		el,
		label: el.getAttribute("aria-label"),
		decision: el.dataset.decision,
		meta: [...el.querySelectorAll(".vault-curator-mention-meta > span")].map((s) => s.textContent),
		lines: [...el.querySelectorAll(".vault-curator-occurrences a")].map((a) => a.textContent),
		more: el.querySelector(".vault-curator-more-places > summary")?.textContent ?? null,
		buttons: [...el.querySelectorAll("button")].map((b) => b.textContent),
	}));
const entry = (view, label) => entries(view).find((e) => e.label === label);

test("the active note's mentions: how each resolved, linked or not, where; one click jumps to the name", async () => {
	const { app, plugin } = await startPlugin(makeVault(mentionsVault()));
	const view = await showMentions(app, "Meetings/Sync.md");
	await waitFor(() => entry(view, "Rob Banga → Rob Benoit"), { message: "the mentions" });
	assert.equal(heading(view), "Sync");
	assert.deepEqual(
		entries(view).map((e) => e.label),
		["Niko Dukic → Niko Dukic", "Rob Benoit → Rob Benoit", "VAST Data → VAST Data", "Rob Banga → Rob Benoit"],
	);
	const niko = entry(view, "Niko Dukic → Niko Dukic");
	assert.deepEqual(niko.meta, ["its name", "100%", "participant", "linked"]);
	assert.deepEqual(niko.lines, ["Line 3", "Line 7", "Line 8", "Line 9"], "the participant, the prose, @NikoDukic and 'niko dukic': one name");
	assert.equal(niko.more, "2 more places", "past the first two, folded");
	assert.deepEqual(niko.buttons, ["Not Niko Dukic", "Someone else…"]);
	assert.equal(entry(view, "Rob Benoit → Rob Benoit").meta.at(-1), "not linked", "a plain participant is not a link");
	const credit = entry(view, "Rob Banga → Rob Benoit");
	assert.equal(credit.decision, "auto");
	assert.deepEqual(credit.meta.slice(0, 1).concat(credit.meta.slice(2)), ["resolved with confidence", "credit", "not linked"]);
	assert.ok(credit.el.querySelector(".vault-curator-evidence li"), "the reasons, under Why");
	assert.equal(credit.el.querySelector(".vault-curator-context").textContent, "- Rob Benoit signed the plan off (via Rob Banga)");
	assert.equal(view.contentEl.querySelector(".vault-curator-summary").textContent, "3 people and organisations · 1 linked");
	for (const b of view.contentEl.querySelectorAll("button, a")) assert.ok(b.getAttribute("aria-label"), b.outerHTML);

	// The place: the note opens with the name as written selected.
	credit.el.querySelector(".vault-curator-occurrences a").click();
	await waitFor(() => app.workspace.getActiveFile()?.path === "Meetings/Sync.md" && app.workspace.activeEditor?.editor.getSelection() === "Rob Banga", {
		message: "the name selected",
	});
	plugin.unload();
});

test("'Not this person' and 'Someone else…' are review answers, remembered in data.json", async () => {
	const { app, plugin } = await startPlugin(makeVault(mentionsVault()));
	const view = await showMentions(app, "Meetings/Sync.md");
	await waitFor(() => entry(view, "Rob Banga → Rob Benoit"), { message: "the mentions" });
	entry(view, "Rob Banga → Rob Benoit").el.querySelector('button[data-action="not_this_person"]').click();
	await waitFor(() => plugin.settings.rejected.length === 1, { message: "the answer" });
	assert.deepEqual((await plugin.loadData()).rejected, [{ text: "Rob Banga", entity: "Rob Benoit" }]);
	await waitFor(() => !entry(view, "Rob Banga → Rob Benoit"), { message: "the view to follow the answer" });

	const credit = entries(view).find((e) => e.el.dataset.name === "Rob Banga");
	assert.ok(credit, entries(view).map((e) => e.label).join(" | "));
	credit.el.querySelector('button[data-action="someone_else"]').click();
	const modal = await waitFor(() => state.modals[0], { message: "the picker" });
	await modal._setQuery("banner");
	const choices = [...modal.resultContainerEl.querySelectorAll(".suggestion-item")];
	assert.equal(choices[0].textContent.startsWith("Rob Banner"), true, choices.map((c) => c.textContent).join(" | "));
	choices[0].click();
	await waitFor(() => plugin.settings.accepted.length === 1, { message: "the choice" });
	assert.deepEqual((await plugin.loadData()).accepted, [{ text: "Rob Banga", entity: "Rob Banner" }]);
	await waitFor(() => entry(view, "Rob Banga → Rob Banner")?.decision === "alias", { message: "the new resolution" });

	// Choosing again replaces the earlier choice: a name is one person.
	entry(view, "Rob Banga → Rob Banner").el.querySelector('button[data-action="someone_else"]').click();
	const again = await waitFor(() => state.modals[0], { message: "the picker" });
	await again._setQuery("tobias");
	again.resultContainerEl.querySelector(".suggestion-item").click();
	await waitFor(() => entry(view, "Rob Banga → Tobias Fenn"), { message: "the second choice" });
	assert.deepEqual(plugin.settings.accepted, [{ text: "Rob Banga", entity: "Tobias Fenn" }]);
	plugin.unload();
});

test("the view follows the active note and shows its last known mentions while the engine answers; names are text", async () => {
	const { app, plugin } = await startPlugin(makeVault(mentionsVault()));
	const view = await showMentions(app, "Meetings/Sync.md");
	await waitFor(() => entry(view, "Rob Banga → Rob Benoit"), { message: "the mentions" });

	await app.workspace._openFile("Meetings/Pilot.md");
	await waitFor(() => heading(view) === "Pilot" && entry(view, "Tobias Venn → Tobias Fenn"), { message: "the other note's mentions" });
	const tobias = entry(view, "Tobias Venn → Tobias Fenn");
	assert.equal(tobias.decision, "review");
	assert.deepEqual(tobias.buttons, ["Accept Tobias Fenn", "Not Tobias Fenn", "Someone else…"]);
	assert.equal(view.contentEl.querySelector("img"), null, "no element was made from a name");
	assert.ok(entries(view).some((e) => e.label === `${HOSTILE} → nobody with a note`));

	// While the engine has not answered, the note shown again shows what was last known of it.
	let release;
	const gate = new Promise((resolve) => (release = resolve));
	const real = plugin.engine.noteMentions;
	plugin.engine.noteMentions = async (...args) => {
		await gate;
		return real(...args);
	};
	await app.workspace._openFile("Meetings/Sync.md");
	await waitFor(() => heading(view) === "Sync" && entry(view, "Rob Banga → Rob Benoit"), { message: "the last known mentions" });
	release();
	delete plugin.engine.noteMentions;
	plugin.unload();
});
