"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, readNote, waitFor } = require("./harness");

const COMMAND = "vault-curator:update-open-tasks-sections";
const MARA = "People/Mara Quist.md";
const DATA = ".obsidian/plugins/vault-curator/data.json";
const START = "<!-- curator:open-tasks -->";
const END = "<!-- /curator:open-tasks -->";

afterEach(() => state.reset());

/** The fixture vault with markers added to Mara's note, and the rule switched on or off. */
function vaultWithMarkers(ruleOn) {
	const vault = makeVault();
	const note = path.join(vault, MARA);
	fs.appendFileSync(note, `\n## Open tasks\n${START}\n- stale\n${END}\n\nKept below.\n`);
	fs.mkdirSync(path.dirname(path.join(vault, DATA)), { recursive: true });
	fs.writeFileSync(path.join(vault, DATA), JSON.stringify({ rules: { openTasksSection: ruleOn } }));
	return vault;
}

test("writes the person's open tasks between the markers and nothing else", async () => {
	const vault = vaultWithMarkers(true);
	const before = readNote(vault, MARA);
	const { app } = await startPlugin(vault);
	assert.equal(app.commands.executeCommandById(COMMAND), true);
	await waitFor(() => state.notices.length > 0, { message: "the notice" });
	assert.equal(state.notices.at(-1), "Updated 1 note's sections");
	const expected = before.replace(
		`${START}\n- stale\n${END}`,
		[
			START,
			"- Send the capacity plan to the team. — [[20250312 1400 Roadmap sync]] · due 2025-03-20 · high",
			"- Share the validation checklist. — [[20250318 0900 Pilot review]] · due 2025-03-21",
			"- Send the rack diagram. — [[20250318 0900 Pilot review]] · due 2025-03-24 · low",
			END,
		].join("\n"),
	);
	assert.equal(readNote(vault, MARA), expected);

	assert.equal(app.commands.executeCommandById(COMMAND), true);
	await waitFor(() => state.notices.length > 1, { message: "the second notice" });
	assert.equal(state.notices.at(-1), "Sections are up to date");
	assert.equal(readNote(vault, MARA), expected);
});

test("does nothing while the rule is off", async () => {
	const vault = vaultWithMarkers(false);
	const before = readNote(vault, MARA);
	const { app } = await startPlugin(vault);
	assert.equal(app.commands.executeCommandById(COMMAND), true);
	await waitFor(() => state.notices.length > 0, { message: "the notice" });
	assert.match(state.notices.at(-1), /Turn on/);
	assert.equal(readNote(vault, MARA), before);
});

test("writes the meetings that name the person between the meetings markers", async () => {
	const vault = makeVault();
	const note = path.join(vault, MARA);
	fs.appendFileSync(note, "\n## Meetings\n<!-- curator:meetings -->\n<!-- /curator:meetings -->\n");
	fs.mkdirSync(path.dirname(path.join(vault, DATA)), { recursive: true });
	fs.writeFileSync(path.join(vault, DATA), JSON.stringify({ rules: { meetingsSection: true } }));
	const before = readNote(vault, MARA);
	const { app } = await startPlugin(vault);
	assert.equal(app.commands.executeCommandById(COMMAND), true);
	await waitFor(() => state.notices.length > 0, { message: "the notice" });
	assert.equal(state.notices.at(-1), "Updated 1 note's sections");
	const after = readNote(vault, MARA);
	const listed = after.slice(before.indexOf("<!-- curator:meetings -->")).split("\n").filter((l) => l.startsWith("- "));
	assert.ok(listed.some((l) => l.startsWith("- [[20250312 1400 Roadmap sync]] · 2025-03-12")), listed.join("\n"));
	assert.equal(after.slice(0, before.indexOf("<!-- curator:meetings -->")), before.slice(0, before.indexOf("<!-- curator:meetings -->")));
});
