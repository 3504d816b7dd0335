"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor } = require("./harness");

const DATA = ".obsidian/plugins/vault-curator/data.json";

afterEach(() => state.reset());

function readData(vault) {
	return JSON.parse(fs.readFileSync(path.join(vault, DATA), "utf8"));
}

function writeData(vault, data) {
	fs.mkdirSync(path.dirname(path.join(vault, DATA)), { recursive: true });
	fs.writeFileSync(path.join(vault, DATA), JSON.stringify(data));
}

function settingRow(tab, name) {
	const row = tab.containerEl.querySelector(`.setting-item[data-name="${name}"]`);
	assert.ok(row, `setting "${name}" is shown`);
	return row;
}

test("settings changed in the tab round-trip through data.json", async () => {
	const vault = makeVault();
	const first = await startPlugin(vault);
	const tab = first.app.setting.pluginTabs[0];
	tab.display();
	const headings = [...tab.containerEl.querySelectorAll(".setting-item-heading")].map((el) => el.dataset.name);
	assert.deepEqual(headings, ["Enrichment", "Rules", "Conventions"]);

	settingRow(tab, "Normalize dates").querySelector(".checkbox-container").click();
	await waitFor(() => fs.existsSync(path.join(vault, DATA)) && readData(vault).rules.dates === false, { message: "the toggle to save" });

	const select = settingRow(tab, "List style").querySelector("select");
	select.value = "flow";
	select.dispatchEvent(new window.Event("change"));
	await waitFor(() => readData(vault).listStyle === "flow", { message: "the dropdown to save" });

	const input = settingRow(tab, "People folders").querySelector("input");
	assert.equal(input.value, "People");
	input.value = "People, Contacts ,";
	input.dispatchEvent(new window.Event("input"));
	tab.hide();
	await waitFor(() => readData(vault).peopleFolders.length === 2, { message: "the text field to save" });

	const saved = readData(vault);
	assert.deepEqual(saved.peopleFolders, ["People", "Contacts"]);
	assert.equal(saved.rules.tags, true, "every field is written");
	assert.equal("propertyTypes" in saved, false, "types.json owns property types");
	first.plugin.unload();

	const second = await startPlugin(vault);
	assert.equal(second.plugin.settings.rules.dates, false);
	assert.equal(second.plugin.settings.listStyle, "flow");
	assert.deepEqual(second.plugin.settings.peopleFolders, ["People", "Contacts"]);
	assert.deepEqual(second.plugin.settings.propertyTypes, { created: "date", last_contact: "date", rating: "number" });
	second.plugin.unload();
});

test("a partial data.json (as the CLI may write it) is completed with defaults", async () => {
	const vault = makeVault();
	writeData(vault, { rules: { tags: false }, ignore: ["Templates/"], somethingNewer: 1 });
	const { plugin } = await startPlugin(vault);
	assert.equal(plugin.settings.rules.tags, false);
	assert.equal(plugin.settings.rules.dates, true);
	assert.deepEqual(plugin.settings.ignore, ["Templates/"]);
	assert.equal(plugin.settings.optOutKey, "curator");
	assert.deepEqual(state.notices, []);
	plugin.unload();
});

test("an invalid data.json falls back to defaults with a notice and is not overwritten", async () => {
	const vault = makeVault();
	writeData(vault, { rules: 5 });
	const { plugin } = await startPlugin(vault);
	assert.equal(plugin.settings.rules.dates, true);
	assert.equal(state.notices.length, 1);
	assert.match(state.notices[0], /^Vault Curator: data\.json has invalid settings: .*using the default settings\.$/);
	assert.deepEqual(readData(vault), { rules: 5 });
	plugin.unload();
});

test("unload closes the views, unregisters events and commands, and later events are ignored", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	await plugin.activateView("vault-curator-tasks");
	await plugin.activateView("vault-curator-review");
	const views = ["vault-curator-tasks", "vault-curator-review"].map((t) => app.workspace.getLeavesOfType(t)[0].view);
	for (const view of views) await view.refresh();
	assert.ok(views.every((v) => v.contentEl.childElementCount > 0));
	for (const name of ["rename", "delete"]) assert.equal(app.vault._listenerCount(name), 1, name);
	for (const name of ["create", "modify"]) assert.equal(app.vault._listenerCount(name), 2, `${name}: the index and automatic enrichment`);

	plugin.unload();
	await new Promise((r) => setTimeout(r, 20));
	for (const name of ["create", "modify", "rename", "delete"]) assert.equal(app.vault._listenerCount(name), 0, name);
	assert.ok(views.every((v) => v.contentEl.childElementCount === 0), "views emptied");
	assert.equal(app.workspace.getLeavesOfType("vault-curator-tasks").length, 0);
	assert.equal(app.workspace.getLeavesOfType("vault-curator-review").length, 0);
	assert.deepEqual(app.commands.listCommands(), []);
	assert.deepEqual(app.setting.pluginTabs, []);

	await app.vault.create("Notes/After unload.md", "# After\n");
	await new Promise((r) => setTimeout(r, 450));
	assert.deepEqual(state.errors, []);
});

test("the plugin loads again after being unloaded", async () => {
	const vault = makeVault();
	const first = await startPlugin(vault);
	first.plugin.unload();
	const second = await startPlugin(vault);
	assert.equal(await second.plugin.engine.noteCount(), 8);
	second.plugin.unload();
});

test("template folders the vault declares are read at load, never saved, and their notes never changed", async () => {
	const vault = makeVault();
	const write = (file, text) => {
		fs.mkdirSync(path.dirname(path.join(vault, file)), { recursive: true });
		fs.writeFileSync(path.join(vault, file), text);
	};
	write(".obsidian/templates.json", JSON.stringify({ folder: "Meta/Templates" }));
	write(".obsidian/plugins/templater-obsidian/data.json", JSON.stringify({ templates_folder: "/Meta/Templater/" }));
	// A template file the vault does not have declares nothing.
	write(".obsidian/daily-notes.json", JSON.stringify({ template: "Meta/Missing daily" }));
	// A plugin that names its template files deeper in its settings (Periodic Notes).
	write(".obsidian/plugins/periodic-notes/data.json", JSON.stringify({ daily: { enabled: true, template: "Meta/Daily Template" }, weekly: { template: "" } }));
	const template = "---\ntitle: \"{{title}}\"\ncreated: {{date}}\ntags: Person, person\n---\n# {{title}}\n";
	write("Meta/Templates/Person.md", template);
	write("Meta/Templater/Meeting.md", template);
	write("Meta/Daily Template.md", template);
	const { app, plugin } = await startPlugin(vault);
	assert.deepEqual(plugin.settings.declaredTemplates, ["Meta/Templates", "Meta/Templater", "Meta/Daily Template"]);
	for (const file of ["Meta/Templates/Person.md", "Meta/Templater/Meeting.md", "Meta/Daily Template.md"]) {
		await app.workspace._openFile(file);
		const before = state.notices.length;
		assert.equal(app.commands.executeCommandById("vault-curator:normalize-current-note"), true);
		await waitFor(() => state.notices.length > before, { message: "the notice" });
		assert.equal(state.notices.at(-1), "Nothing to fix");
		assert.equal(app.workspace.getActiveViewOfType(require("obsidian").MarkdownView).editor.getValue(), template, file);
	}
	await plugin.saveSettings();
	const saved = readData(vault);
	assert.equal("declaredTemplates" in saved, false, "the vault's configuration owns declared templates");
	assert.deepEqual(saved.templateFolders, ["Templates"]);
	plugin.unload();
});
