"use strict";
/**
 * Obsidian's App and Plugin: the vault, workspace, a minimal metadata cache, the file manager,
 * the command registry (run commands with `app.commands.executeCommandById`, which checks
 * editor commands against the active markdown view), plugin settings tabs and data.json.
 */
const { Component } = require("./component");
const { Events } = require("./events");
const { TFile, Vault } = require("./vault");
const { MarkdownView, ViewRegistry, Workspace } = require("./workspace");

class MetadataCache extends Events {
	constructor(app) {
		super();
		this.app = app;
		this.resolvedLinks = {};
		this.unresolvedLinks = {};
	}

	getFirstLinkpathDest(linkpath, _sourcePath) {
		const { vault } = this.app;
		const exact = vault.getFileByPath(linkpath) ?? vault.getFileByPath(`${linkpath}.md`);
		if (exact) return exact;
		const name = linkpath.split("/").pop();
		return vault.getFiles().find((f) => f.basename === name || f.name === name) ?? null;
	}

	getFileCache(_file) {
		return null;
	}

	getCache(_path) {
		return null;
	}
}

class FileManager {
	constructor(app) {
		this.app = app;
	}

	async trashFile(file) {
		await this.app.vault.trash(file, true);
	}

	async renameFile(file, newPath) {
		await this.app.vault.rename(file, newPath);
	}

	getNewFileParent() {
		return this.app.vault.getRoot();
	}
}

/**
 * Obsidian's own "Save current file" (`editor:save-file`): not API, and its shape changed
 * between versions. The registry holds only plugin commands until a test adds it with
 * `app.commands._setSaveCommand("checkCallback" | "editorCallback")` (null removes it).
 */
function saveCommand(app, field) {
	const save = () => {
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		if (view) void view.save();
		return view;
	};
	const command = { id: "editor:save-file", name: "Save current file" };
	if (field === "checkCallback") {
		command.checkCallback = (checking) => {
			const view = app.workspace.getActiveViewOfType(MarkdownView);
			if (!view) return false;
			if (!checking) save();
			return true;
		};
	} else if (field === "editorCallback") {
		command.editorCallback = () => void save();
	} else {
		throw new Error(`Harness: no save command shape ${field}`);
	}
	return command;
}

class Commands {
	constructor(app) {
		this.app = app;
		this.commands = {};
	}

	/** Harness only: replaces Obsidian's save command by one of another shape (null: none). */
	_setSaveCommand(field) {
		if (field === null) delete this.commands["editor:save-file"];
		else this.commands["editor:save-file"] = saveCommand(this.app, field);
	}

	/** Runs a command the way the command palette does; false when it is not available. */
	executeCommandById(id) {
		const command = this.commands[id];
		if (!command) return false;
		const view = this.app.workspace.getActiveViewOfType(MarkdownView);
		if (command.editorCheckCallback) {
			if (!view || command.editorCheckCallback(true, view.editor, view) === false) return false;
			command.editorCheckCallback(false, view.editor, view);
			return true;
		}
		if (command.editorCallback) {
			if (!view) return false;
			command.editorCallback(view.editor, view);
			return true;
		}
		if (command.checkCallback) {
			if (!command.checkCallback(true)) return false;
			command.checkCallback(false);
			return true;
		}
		command.callback?.();
		return Boolean(command.callback);
	}

	listCommands() {
		return Object.values(this.commands);
	}
}

class App {
	constructor(vaultPath) {
		this.vault = new Vault(vaultPath);
		this.workspace = new Workspace(this);
		this.metadataCache = new MetadataCache(this);
		this.fileManager = new FileManager(this);
		this.viewRegistry = new ViewRegistry(this);
		this.commands = new Commands(this);
		this.setting = { pluginTabs: [] };
		this.keymap = {};
		this.scope = {};
		this.ribbonEl = createDiv({ cls: "side-dock-ribbon" });
		this.statusBarEl = createDiv({ cls: "status-bar" });
	}
}

class Plugin extends Component {
	constructor(app, manifest) {
		super();
		this.app = app;
		this.manifest = manifest;
	}

	addRibbonIcon(icon, title, callback) {
		const el = this.app.ribbonEl.createDiv({ cls: "side-dock-ribbon-action", attr: { "aria-label": title, "data-icon": icon } });
		el.addEventListener("click", callback);
		this.register(() => el.detach());
		return el;
	}

	addStatusBarItem() {
		const el = this.app.statusBarEl.createDiv({ cls: "status-bar-item" });
		this.register(() => el.detach());
		return el;
	}

	/** Registers a command as `<plugin id>:<id>`; the palette shows it as "<plugin name>: <name>". */
	addCommand(command) {
		const id = `${this.manifest.id}:${command.id}`;
		const registered = { ...command, id, name: `${this.manifest.name}: ${command.name}`, _localName: command.name };
		this.app.commands.commands[id] = registered;
		this.register(() => delete this.app.commands.commands[id]);
		return registered;
	}

	removeCommand(commandId) {
		delete this.app.commands.commands[`${this.manifest.id}:${commandId}`];
	}

	addSettingTab(settingTab) {
		this.app.setting.pluginTabs.push(settingTab);
		this.register(() => {
			this.app.setting.pluginTabs = this.app.setting.pluginTabs.filter((t) => t !== settingTab);
		});
	}

	registerView(type, viewCreator) {
		this.app.viewRegistry.registerView(type, viewCreator);
		this.register(() => this.app.viewRegistry.unregisterView(type));
	}

	registerExtensions() {}
	registerMarkdownPostProcessor(postProcessor) {
		return postProcessor;
	}
	registerMarkdownCodeBlockProcessor() {}
	registerEditorExtension() {}
	registerEditorSuggest() {}
	registerObsidianProtocolHandler() {}
	registerHoverLinkSource() {}

	_dataPath() {
		return `${this.app.vault.configDir}/plugins/${this.manifest.id}/data.json`;
	}

	async loadData() {
		const adapter = this.app.vault.adapter;
		if (!(await adapter.exists(this._dataPath()))) return null;
		return JSON.parse(await adapter.read(this._dataPath()));
	}

	async saveData(data) {
		await this.app.vault.adapter.write(this._dataPath(), JSON.stringify(data, null, 2));
	}
}

module.exports = { App, Plugin, MetadataCache, FileManager, Commands, TFile };
