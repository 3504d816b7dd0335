"use strict";
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const { test, afterEach } = require("node:test");
const { makeVault, startPlugin, state, waitFor } = require("./harness");

afterEach(() => state.reset());

test("a failing handler is reported once as a notice and never escapes into Obsidian", async () => {
	const { app, plugin } = await startPlugin(makeVault());
	const file = app.vault.getAbstractFileByPath("Notes/Clean note.md");
	const cachedRead = app.vault.cachedRead.bind(app.vault);
	app.vault.cachedRead = async (f) => {
		if (f.path === file.path) throw new Error("disk on fire");
		return cachedRead(f);
	};
	app.vault.trigger("modify", file);
	app.vault.trigger("modify", file);
	await waitFor(() => state.notices.length > 0, { message: "the notice" });
	await plugin.indexer.idle();
	assert.deepEqual(state.notices, ["Vault Curator: updating the index failed: disk on fire"]);
	assert.deepEqual(state.errors, [], "nothing thrown into the event loop");
	// The index keeps working for every other note.
	app.vault.cachedRead = cachedRead;
	await app.vault.modify(file, "# Clean again\n");
	await plugin.indexer.idle();
	assert.equal(plugin.indexer.engine.noteCount(), 8);
	plugin.unload();
});

test("an engine that cannot start leaves the plugin inert with a message", () => {
	const script = `
		const { makeVault, startPlugin, state } = require(${JSON.stringify(path.join(__dirname, "harness"))});
		WebAssembly.Module = function () { throw new Error("compile refused"); };
		startPlugin(makeVault(), { layoutReady: false }).then(({ app }) => {
			app.workspace._setLayoutReady();
			process.stdout.write(JSON.stringify({ notices: state.notices, commands: app.commands.listCommands().length, views: Object.keys(app.viewRegistry?.viewByType ?? {}).length }));
		});`;
	const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
	assert.equal(out.commands, 0);
	assert.equal(out.notices.length, 1);
	assert.match(out.notices[0], /^Vault Curator is off: its engine could not start \(.*compile refused.*\)\. Reload the plugin or reinstall it\.$/);
});
