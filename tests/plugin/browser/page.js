"use strict";
/**
 * What the browser page runs: the harness's Obsidian API over an in-memory vault, and the BUILT
 * main.js in it (bundled by review-pane.test.js with esbuild), its engine in a real Web Worker.
 * `window.curator.start(files)` loads the plugin over `files` and opens the review pane in a
 * sidebar-wide leaf; `window.curator.showMentions(path)` opens `path` and shows "Mentions in
 * this note" in the sidebar instead; the test drives the page with playwright.
 */
const fs = require("node:fs");
const obsidian = require("obsidian");
const PluginClass = require("../../../main.js").default;
const manifest = require("../../../manifest.json");

const VAULT = "/vault";

window.curator = {
	async start(files) {
		for (const [rel, text] of Object.entries(files)) fs.writeFileSync(`${VAULT}/${rel}`, text);
		const app = new obsidian.App(VAULT);
		const plugin = new PluginClass(app, manifest);
		await plugin.load();
		await plugin.whenReady();
		app.workspace._setLayoutReady();
		await plugin.indexer.idle();
		await plugin.activateView("vault-curator-review");
		const view = app.workspace.getLeavesOfType("vault-curator-review")[0].view;
		view.headerEl.createDiv({ cls: "view-header-title", text: view.getDisplayText() });
		document.querySelector(".sidebar").appendChild(view.containerEl);
		document.querySelector(".status-host").appendChild(app.statusBarEl);
		await view.refresh();
		window.curator.app = app;
		window.curator.plugin = plugin;
		window.curator.view = view;
		window.curator.read = (rel) => fs.readFileSync(`${VAULT}/${rel}`);
		return true;
	},

	async showMentions(rel) {
		const { app } = window.curator;
		await app.workspace._openFile(rel);
		app.commands.executeCommandById("vault-curator:show-mentions-in-current-note");
		for (let i = 0; i < 100 && app.workspace.getLeavesOfType("vault-curator-mentions").length === 0; i++) await new Promise((r) => setTimeout(r, 10));
		const view = app.workspace.getLeavesOfType("vault-curator-mentions")[0].view;
		view.headerEl.createDiv({ cls: "view-header-title", text: view.getDisplayText() });
		document.querySelector(".sidebar").replaceChildren(view.containerEl);
		await view.refresh();
		return true;
	},
};
