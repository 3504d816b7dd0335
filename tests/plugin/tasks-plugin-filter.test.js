"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor } = require("./harness");

const ROADMAP = "Meetings/20250312 1400 Roadmap sync.md";
const TASKS_DATA = ".obsidian/plugins/obsidian-tasks-plugin/data.json";
const DATA = ".obsidian/plugins/vault-curator/data.json";

afterEach(() => state.reset());

/** The fixture vault with the Tasks plugin's global filter set, one task carrying it and one commented out. */
function vaultWithGlobalFilter() {
	const vault = makeVault();
	const file = path.join(vault, ROADMAP);
	const text = fs.readFileSync(file, "utf8");
	const tagged = text
		.replace("- [ ] Send the capacity plan to the team.", "- [ ] #task Send the capacity plan to the team.")
		.concat("\n%%\n- [ ] #task Commented out @Mara Quist 📅 2025-03-01\n%%\n");
	assert.notEqual(tagged, text);
	fs.writeFileSync(file, tagged);
	fs.mkdirSync(path.dirname(path.join(vault, TASKS_DATA)), { recursive: true });
	fs.writeFileSync(
		path.join(vault, TASKS_DATA),
		JSON.stringify({ globalFilter: "#task", removeGlobalFilter: true, taskFormat: "tasksPluginEmoji" }),
	);
	return vault;
}

test("the tasks view lists only the checklist items the Tasks plugin's global filter makes tasks", async () => {
	const vault = vaultWithGlobalFilter();
	const { app, plugin } = await startPlugin(vault);
	assert.equal(plugin.settings.tasksGlobalFilter, "#task");
	assert.equal(plugin.settings.tasksRemoveGlobalFilter, true);

	app.commands.executeCommandById("vault-curator:show-tasks-by-owner");
	const leaf = await waitFor(() => app.workspace.getLeavesOfType("vault-curator-tasks")[0], { message: "the tasks view" });
	await leaf.view.refresh();
	const groups = [...leaf.view.contentEl.querySelectorAll(".vault-curator-group")].map((group) => [
		group.querySelector(".vault-curator-group-title").textContent,
		[...group.querySelectorAll(".vault-curator-task .vault-curator-link")].map((a) => a.textContent),
	]);
	assert.deepEqual(groups, [["Mara Quist (1)", ["Send the capacity plan to the team."]]]);

	// Saving our settings never copies the Tasks plugin's into our data.json.
	await plugin.saveSettings();
	const saved = JSON.parse(fs.readFileSync(path.join(vault, DATA), "utf8"));
	assert.equal("tasksGlobalFilter" in saved, false, "the Tasks plugin's data.json owns its global filter");
	assert.equal("tasksRemoveGlobalFilter" in saved, false);
	plugin.unload();
});

test("without the Tasks plugin's data.json every checklist item outside comments is a task", async () => {
	const vault = vaultWithGlobalFilter();
	fs.rmSync(path.join(vault, TASKS_DATA));
	const { plugin } = await startPlugin(vault);
	assert.equal(plugin.settings.tasksGlobalFilter, "");
	const text = fs.readFileSync(path.join(vault, ROADMAP), "utf8");
	const tasks = await plugin.engine.tasks(ROADMAP, text);
	assert.ok(tasks.length > 1, `${tasks.length} tasks`);
	assert.ok(tasks.every((t) => !t.description.includes("Commented out")));
	assert.equal(tasks[0].description, "Send the capacity plan to the team.");
	assert.deepEqual(tasks[0].tags, ["task"]);
	plugin.unload();
});

test("the Tasks plugin's status types are read at load and never saved", async () => {
	const vault = vaultWithGlobalFilter();
	fs.writeFileSync(
		path.join(vault, TASKS_DATA),
		JSON.stringify({
			statusSettings: {
				coreStatuses: [{ symbol: "x", type: "DONE" }],
				customStatuses: [{ symbol: "d", type: "DONE" }, { symbol: "~", type: "NON_TASK" }, { symbol: "o", type: "SOMEDAY" }],
			},
		}),
	);
	const { plugin } = await startPlugin(vault);
	assert.deepEqual(plugin.settings.tasksStatuses, { x: "DONE", d: "DONE", "~": "NON_TASK" });
	const text = "- [d] Delegated\n- [~] Not a task\n- [o] Open\n";
	const tasks = await plugin.engine.tasks("Notes/Statuses.md", text);
	assert.deepEqual(
		tasks.map((t) => [t.description, t.status_type]),
		[
			["Delegated", "DONE"],
			["Open", "TODO"],
		],
	);
	await plugin.saveSettings();
	const saved = JSON.parse(fs.readFileSync(path.join(vault, DATA), "utf8"));
	assert.equal("tasksStatuses" in saved, false, "the Tasks plugin's data.json owns its statuses");
	plugin.unload();
});
