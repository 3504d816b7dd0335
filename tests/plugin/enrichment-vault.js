"use strict";
/**
 * What the enrichment and undo tests share: a meeting as a pipeline writes it, what enriching
 * it writes, and the plugin started with a short quiet period and a spy on every note write.
 */
const fs = require("node:fs");
const path = require("node:path");
const { makeApp, loadPlugin, readNote } = require("./harness");

const ROADMAP = "Meetings/20250312 1400 Roadmap sync.md";
const PILOT = "Meetings/20250318 0900 Pilot review.md";
const CLEAN = "Notes/Clean note.md";
const RACK = "Projects/Pilot rack.md";
const DATA = ".obsidian/plugins/vault-curator/data.json";
/** The quiet period the tests configure, in milliseconds. */
const QUIET = 150;
/** Long enough for a quiet period, the engine's answer and a write, on a busy machine. */
const SETTLE = 10_000;

/** The mojibake of `⏫ 📅` exactly as a pipeline left it in the fixture's rack note. */
function garbledPriorityAndDue(vault) {
	const line = readNote(vault, RACK).split("\n").find((l) => l.includes("spare drives"));
	return line.slice(line.indexOf("@TobiasFenn ") + "@TobiasFenn ".length, line.lastIndexOf(" 2026"));
}

/** A meeting as a pipeline writes it: placeholders in the frontmatter, mojibake in a task. */
function arriving(vault, title = "20250320 1000 Capacity check") {
	return [
		"---",
		'type: "group-meeting"',
		"created: { { DATE } }",
		"participants: [{ { PARTICIPANTS } }]",
		"tags: [meeting]",
		"---",
		"",
		`# ${title}`,
		"",
		"**Date:** 2025-03-20",
		"**Participants:** Mara Quist, Tobias Fenn",
		"",
		`- [ ] Order the spare drives @Mara Quist ${garbledPriorityAndDue(vault)} 2025-03-27`,
		"",
	].join("\n");
}

/** What enriching `arriving` writes: the placeholders filled from the note (people with a note as links), the mojibake repaired. */
function enriched(text) {
	return text
		.replace("created: { { DATE } }", "created: 2025-03-20")
		.replace("participants: [{ { PARTICIPANTS } }]", 'participants: ["[[Mara Quist]]", "[[Tobias Fenn]]"]')
		.replace(/@Mara Quist .* 2025-03-27/, "@Mara Quist ⏫ 📅 2025-03-27");
}

function writeData(vault, data) {
	fs.mkdirSync(path.dirname(path.join(vault, DATA)), { recursive: true });
	fs.writeFileSync(path.join(vault, DATA), JSON.stringify(data));
}

/** Starts the plugin over `vault` with a short quiet period (and `data`); `save`: the save command's shape. */
async function start(vault, { data = {}, save = "checkCallback", ...options } = {}) {
	writeData(vault, { enrichQuietMs: QUIET, ...data });
	const app = makeApp(vault);
	if (save) app.commands._setSaveCommand(save);
	const started = await loadPlugin(app, options);
	return { ...started, writes: spyOnWrites(app) };
}

/** Every write the plugin makes to a note (through `Vault.process` or an editor's save), by path. */
function spyOnWrites(app) {
	const writes = [];
	let outside = false;
	for (const method of ["process", "modify"]) {
		const original = app.vault[method].bind(app.vault);
		app.vault[method] = (file, ...rest) => {
			if (!outside) writes.push(file.path);
			return original(file, ...rest);
		};
	}
	const external = app.vault._externalWrite.bind(app.vault);
	app.vault._externalWrite = async (...args) => {
		outside = true;
		try {
			return await external(...args);
		} finally {
			outside = false;
		}
	};
	return { count: (p) => writes.filter((w) => w === p).length, all: writes };
}

/** Lets quiet periods pass and the engine answer, so that a write that would happen has happened. */
async function settled(plugin, periods = 4) {
	await new Promise((r) => setTimeout(r, QUIET * periods));
	await plugin.indexer.idle();
	await plugin.engine.noteCount();
	await new Promise((r) => setTimeout(r, 50));
}

module.exports = { DATA, ROADMAP, PILOT, CLEAN, RACK, QUIET, SETTLE, arriving, enriched, start, settled };
