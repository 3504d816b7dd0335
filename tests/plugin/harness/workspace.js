"use strict";
/**
 * Obsidian's workspace: leaves holding views, a view registry, the right sidebar, layout-ready
 * callbacks, and markdown views with an `Editor` over the file's text. Opening a link records
 * `{path, line}` in `workspace._opened` for assertions.
 */
const { Component } = require("./component");
const { Editor } = require("./editor");
const { Events } = require("./events");
const { TFile } = require("./vault");

class View extends Component {
	constructor(leaf) {
		super();
		this.app = leaf.app;
		this.leaf = leaf;
		this.icon = "";
		this.navigation = false;
		this.containerEl = createDiv({ cls: "workspace-leaf-content" });
	}

	getViewType() {
		return "empty";
	}

	getDisplayText() {
		return "";
	}

	getIcon() {
		return this.icon;
	}

	getState() {
		return {};
	}

	async setState() {}

	getEphemeralState() {
		return {};
	}

	setEphemeralState() {}

	async onOpen() {}

	async onClose() {}

	async _open() {
		this.load();
		await this.onOpen();
	}

	async _close() {
		await this.onClose();
		this.unload();
	}
}

class ItemView extends View {
	constructor(leaf) {
		super(leaf);
		this.headerEl = this.containerEl.createDiv({ cls: "view-header" });
		this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
	}

	addAction(icon, title, callback) {
		const el = this.headerEl.createEl("a", { cls: "view-action", attr: { "aria-label": title, "data-icon": icon } });
		el.addEventListener("click", callback);
		return el;
	}
}

/** A markdown file open in source mode; `editor` holds the text being edited. */
class MarkdownView extends ItemView {
	constructor(leaf) {
		super(leaf);
		this.file = null;
		this.editor = new Editor("");
		// Obsidian fires `editor-change` for every change to the buffer, typed or not.
		this.editor._onChange = () => this.app.workspace.trigger("editor-change", this.editor, this);
		/** Harness only: how many times `save` wrote the file. */
		this._saves = 0;
	}

	getViewType() {
		return "markdown";
	}

	getDisplayText() {
		return this.file ? this.file.basename : "";
	}

	getMode() {
		return "source";
	}

	get data() {
		return this.editor.getValue();
	}

	getViewData() {
		return this.editor.getValue();
	}

	setViewData(data) {
		this.editor.setValue(data);
	}

	/** Shows `file`; the note shown before is saved first when it was edited, as Obsidian does. */
	async setFile(file) {
		if (this.file && this.editor.getValue() !== this._savedText) await this.save();
		this.file = file;
		this.editor.setValue(await this.app.vault.read(file));
		this._savedText = this.editor.getValue();
		this.editor.setCursor(0, 0);
	}

	setEphemeralState(state) {
		if (state && typeof state.line === "number") this.editor.setCursor(state.line, 0);
	}

	/** Writes the editor's text to the file (Obsidian autosaves after edits). */
	async save() {
		if (!this.file) return;
		this._saves++;
		this._savedText = this.editor.getValue();
		await this.app.vault.modify(this.file, this._savedText);
	}
}

class WorkspaceLeaf extends Events {
	constructor(app, side) {
		super();
		this.app = app;
		this.side = side;
		this.view = new View(this);
		this._revealed = false;
	}

	async setViewState(viewState, eState) {
		const creator = this.app.viewRegistry.getViewCreatorByType(viewState.type);
		if (!creator) throw new Error(`No view registered for type ${viewState.type}`);
		await this._setView(creator(this));
		if (viewState.state) await this.view.setState(viewState.state, {});
		if (eState) this.view.setEphemeralState(eState);
		if (viewState.active) this.app.workspace.setActiveLeaf(this);
	}

	getViewState() {
		return { type: this.view.getViewType(), state: this.view.getState() };
	}

	async openFile(file, openState) {
		if (!(this.view instanceof MarkdownView)) await this._setView(new MarkdownView(this));
		await this.view.setFile(file);
		if (openState?.eState) this.view.setEphemeralState(openState.eState);
		if (openState?.active !== false) this.app.workspace.setActiveLeaf(this);
		this.app.workspace.trigger("file-open", file);
	}

	getDisplayText() {
		return this.view.getDisplayText();
	}

	detach() {
		void this.view._close();
		this.app.workspace._removeLeaf(this);
	}

	async _setView(view) {
		await this.view._close();
		this.view = view;
		await view._open();
	}
}

/** Obsidian's view registry: registering and unregistering view types. */
class ViewRegistry extends Events {
	constructor(app) {
		super();
		this.app = app;
		this._creators = new Map();
	}

	registerView(type, creator) {
		if (this._creators.has(type)) throw new Error(`Attempting to register an existing view type "${type}"`);
		this._creators.set(type, creator);
	}

	/**
	 * Unregistering a type closes the views of that type (as Obsidian does when a plugin is
	 * disabled); their leaves stay, so the views come back when the plugin is enabled again.
	 */
	unregisterView(type) {
		this._creators.delete(type);
		for (const leaf of this.app.workspace._leaves) {
			if (leaf.view.getViewType() === type) {
				const closing = leaf.view;
				leaf.view = new View(leaf);
				leaf._deferredType = type;
				void closing._close();
			}
		}
	}

	getViewCreatorByType(type) {
		return this._creators.get(type);
	}
}

class Workspace extends Events {
	constructor(app) {
		super();
		this.app = app;
		this.layoutReady = false;
		this._layoutCallbacks = [];
		this._leaves = [];
		this._opened = [];
		this.activeLeaf = null;
		this.containerEl = createDiv({ cls: "workspace" });
	}

	onLayoutReady(callback) {
		if (this.layoutReady) callback();
		else this._layoutCallbacks.push(callback);
	}

	/** Harness only: the moment Obsidian finishes restoring the layout. */
	_setLayoutReady() {
		this.layoutReady = true;
		for (const callback of this._layoutCallbacks.splice(0)) callback();
		this.trigger("layout-ready");
	}

	getRightLeaf() {
		return this._newLeaf("right");
	}

	getLeftLeaf() {
		return this._newLeaf("left");
	}

	getLeaf(newLeaf) {
		if (!newLeaf) {
			const current = this._leaves.find((l) => l.side === "root");
			if (current) return current;
		}
		return this._newLeaf("root");
	}

	getLeavesOfType(viewType) {
		return this._leaves.filter((leaf) => leaf.view.getViewType() === viewType);
	}

	detachLeavesOfType(viewType) {
		for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
	}

	iterateAllLeaves(callback) {
		for (const leaf of [...this._leaves]) callback(leaf);
	}

	async revealLeaf(leaf) {
		leaf._revealed = true;
	}

	setActiveLeaf(leaf) {
		this.activeLeaf = leaf;
		this.trigger("active-leaf-change", leaf);
	}

	getActiveViewOfType(type) {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}

	getActiveFile() {
		const view = this.activeLeaf?.view;
		return view instanceof MarkdownView ? view.file : null;
	}

	get activeEditor() {
		const view = this.getActiveViewOfType(MarkdownView);
		return view ? { editor: view.editor, file: view.file } : null;
	}

	async openLinkText(linktext, sourcePath, newLeaf, openViewState) {
		const linkpath = linktext.split("#")[0];
		const file = this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
		if (!(file instanceof TFile)) throw new Error(`Harness: no note for link ${linktext}`);
		const leaf = this.getLeaf(newLeaf);
		await leaf.openFile(file, openViewState);
		this._opened.push({ path: file.path, line: openViewState?.eState?.line ?? null });
	}

	/** Harness only: opens a note in the main area and returns its MarkdownView. */
	async _openFile(filePath) {
		const file = this.app.vault.getFileByPath(filePath);
		if (!file) throw new Error(`Harness: no file ${filePath}`);
		const leaf = this.getLeaf(false);
		await leaf.openFile(file);
		return leaf.view;
	}

	/** Harness only: opens a note in a new leaf of the main area (a second pane) and returns its MarkdownView. */
	async _openFileInNewLeaf(filePath) {
		const file = this.app.vault.getFileByPath(filePath);
		if (!file) throw new Error(`Harness: no file ${filePath}`);
		const leaf = this._newLeaf("root");
		await leaf.openFile(file);
		return leaf.view;
	}

	_newLeaf(side) {
		const leaf = new WorkspaceLeaf(this.app, side);
		this._leaves.push(leaf);
		return leaf;
	}

	_removeLeaf(leaf) {
		this._leaves = this._leaves.filter((l) => l !== leaf);
		if (this.activeLeaf === leaf) this.activeLeaf = null;
	}
}

module.exports = { View, ItemView, MarkdownView, WorkspaceLeaf, ViewRegistry, Workspace };
