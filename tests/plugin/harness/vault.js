"use strict";
/**
 * Obsidian's Vault over a real folder on disk. Reads and writes are synchronous under the hood
 * (so `process` is atomic with respect to everything else the tests and the plugin do) and
 * return promises like the real API. Events fire after the disk changed, as Obsidian's do.
 * Dot folders (`.obsidian`, `.trash`) are not part of the file tree, as in Obsidian.
 */
const fs = require("node:fs");
const path = require("node:path");
const { Events } = require("./events");
const { normalizePath } = require("./util");

class TAbstractFile {
	constructor(vault, filePath) {
		this.vault = vault;
		this.path = filePath;
		this.name = filePath === "/" ? "" : filePath.split("/").pop();
		this.parent = null;
	}
}

class TFile extends TAbstractFile {
	constructor(vault, filePath) {
		super(vault, filePath);
		this.stat = { ctime: 0, mtime: 0, size: 0 };
	}

	get extension() {
		const dot = this.name.lastIndexOf(".");
		return dot <= 0 ? "" : this.name.slice(dot + 1);
	}

	get basename() {
		const dot = this.name.lastIndexOf(".");
		return dot <= 0 ? this.name : this.name.slice(0, dot);
	}
}

class TFolder extends TAbstractFile {
	constructor(vault, filePath) {
		super(vault, filePath);
		this.children = [];
	}

	isRoot() {
		return this.path === "/";
	}
}

/** The part of `FileSystemAdapter` the plugin may use: vault-relative paths, real files. */
class FileSystemAdapter {
	constructor(basePath) {
		this.basePath = basePath;
	}

	getName() {
		return path.basename(this.basePath);
	}

	getBasePath() {
		return this.basePath;
	}

	getFullPath(normalizedPath) {
		return path.join(this.basePath, normalizedPath);
	}

	async exists(normalizedPath) {
		return fs.existsSync(this.getFullPath(normalizedPath));
	}

	async stat(normalizedPath) {
		const full = this.getFullPath(normalizedPath);
		if (!fs.existsSync(full)) return null;
		const s = fs.statSync(full);
		return { type: s.isDirectory() ? "folder" : "file", ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size };
	}

	async list(normalizedPath) {
		const full = this.getFullPath(normalizedPath);
		const entries = fs.readdirSync(full, { withFileTypes: true });
		const join = (name) => (normalizedPath === "/" || normalizedPath === "" ? name : `${normalizedPath}/${name}`);
		return {
			files: entries.filter((e) => e.isFile()).map((e) => join(e.name)),
			folders: entries.filter((e) => e.isDirectory()).map((e) => join(e.name)),
		};
	}

	async read(normalizedPath) {
		return fs.readFileSync(this.getFullPath(normalizedPath), "utf8");
	}

	async write(normalizedPath, data) {
		const full = this.getFullPath(normalizedPath);
		fs.mkdirSync(path.dirname(full), { recursive: true });
		fs.writeFileSync(full, data, "utf8");
	}

	async append(normalizedPath, data) {
		fs.appendFileSync(this.getFullPath(normalizedPath), data, "utf8");
	}

	async readBinary(normalizedPath) {
		const bytes = fs.readFileSync(this.getFullPath(normalizedPath));
		return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
	}

	async writeBinary(normalizedPath, data) {
		if (!(data instanceof ArrayBuffer)) throw new TypeError("writeBinary: data must be an ArrayBuffer");
		const full = this.getFullPath(normalizedPath);
		fs.mkdirSync(path.dirname(full), { recursive: true });
		fs.writeFileSync(full, Buffer.from(data));
	}

	/** Moves a file; like Obsidian's adapter, refuses to move over an existing one. */
	async rename(normalizedPath, normalizedNewPath) {
		const to = this.getFullPath(normalizedNewPath);
		if (fs.existsSync(to)) throw new Error("Destination file already exists!");
		fs.renameSync(this.getFullPath(normalizedPath), to);
	}

	async mkdir(normalizedPath) {
		fs.mkdirSync(this.getFullPath(normalizedPath), { recursive: true });
	}

	async remove(normalizedPath) {
		fs.rmSync(this.getFullPath(normalizedPath));
	}

	async rmdir(normalizedPath, recursive) {
		fs.rmSync(this.getFullPath(normalizedPath), { recursive });
	}
}

class Vault extends Events {
	constructor(basePath) {
		super();
		this.adapter = new FileSystemAdapter(basePath);
		this.configDir = ".obsidian";
		this._files = new Map();
		this._root = new TFolder(this, "/");
		this._files.set("/", this._root);
		this._scan(this._root);
	}

	getName() {
		return this.adapter.getName();
	}

	getRoot() {
		return this._root;
	}

	getAbstractFileByPath(filePath) {
		return this._files.get(normalizePath(filePath)) ?? null;
	}

	getFileByPath(filePath) {
		const file = this.getAbstractFileByPath(filePath);
		return file instanceof TFile ? file : null;
	}

	getFolderByPath(filePath) {
		const file = this.getAbstractFileByPath(filePath);
		return file instanceof TFolder ? file : null;
	}

	getAllLoadedFiles() {
		return [...this._files.values()];
	}

	getAllFolders(includeRoot) {
		return [...this._files.values()].filter((f) => f instanceof TFolder && (includeRoot || !f.isRoot()));
	}

	getFiles() {
		return [...this._files.values()].filter((f) => f instanceof TFile);
	}

	getMarkdownFiles() {
		return this.getFiles().filter((f) => f.extension === "md");
	}

	async read(file) {
		return this._readSync(file);
	}

	async cachedRead(file) {
		return this._readSync(file);
	}

	async create(filePath, data) {
		const p = normalizePath(filePath);
		if (this._files.has(p) || fs.existsSync(this._full(p))) throw new Error("File already exists.");
		const parent = this._ensureFolder(p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "/");
		fs.writeFileSync(this._full(p), data, "utf8");
		const file = this._add(new TFile(this, p), parent);
		this._stat(file);
		this.trigger("create", file);
		return file;
	}

	async createFolder(filePath) {
		const p = normalizePath(filePath);
		if (this._files.has(p)) throw new Error("Folder already exists.");
		return this._ensureFolder(p);
	}

	async modify(file, data) {
		this._assertExists(file);
		fs.writeFileSync(this._full(file.path), data, "utf8");
		this._stat(file);
		this.trigger("modify", file);
	}

	async append(file, data) {
		this._assertExists(file);
		fs.appendFileSync(this._full(file.path), data, "utf8");
		this._stat(file);
		this.trigger("modify", file);
	}

	/** Atomically reads, transforms and writes a file; `fn` must return a string. */
	async process(file, fn) {
		this._assertExists(file);
		const data = this._readSync(file);
		const result = fn(data);
		if (typeof result !== "string") throw new TypeError("Vault.process: the callback must return a string");
		fs.writeFileSync(this._full(file.path), result, "utf8");
		this._stat(file);
		this.trigger("modify", file);
		return result;
	}

	async rename(file, newPath) {
		this._assertExists(file);
		const target = normalizePath(newPath);
		if (this._files.has(target)) throw new Error("Destination file already exists!");
		const parent = this._ensureFolder(target.includes("/") ? target.slice(0, target.lastIndexOf("/")) : "/");
		fs.renameSync(this._full(file.path), this._full(target));
		const moved = [];
		const move = (f, p) => {
			this._files.delete(f.path);
			moved.push([f, f.path]);
			f.path = p;
			f.name = p.split("/").pop();
			this._files.set(p, f);
			if (f instanceof TFolder) for (const child of f.children) move(child, `${p}/${child.name}`);
		};
		file.parent.children = file.parent.children.filter((c) => c !== file);
		move(file, target);
		file.parent = parent;
		parent.children.push(file);
		for (const [f, oldPath] of moved) this.trigger("rename", f, oldPath);
	}

	async delete(file) {
		this._assertExists(file);
		fs.rmSync(this._full(file.path), { recursive: true });
		const removed = [];
		const drop = (f) => {
			if (f instanceof TFolder) for (const child of f.children) drop(child);
			this._files.delete(f.path);
			removed.push(f);
		};
		drop(file);
		file.parent.children = file.parent.children.filter((c) => c !== file);
		for (const f of removed) this.trigger("delete", f);
	}

	async trash(file) {
		await this.delete(file);
	}

	/** Harness only: an edit made outside Obsidian (another app, a sync), seen by the watcher. */
	async _externalWrite(filePath, data) {
		const file = this.getFileByPath(filePath);
		if (!file) return this.create(filePath, data);
		return this.modify(file, data);
	}

	_full(p) {
		return this.adapter.getFullPath(p === "/" ? "" : p);
	}

	_readSync(file) {
		this._assertExists(file);
		return fs.readFileSync(this._full(file.path), "utf8");
	}

	_assertExists(file) {
		if (!file || this._files.get(file.path) !== file) throw new Error(`File does not exist: ${file?.path}`);
	}

	_stat(file) {
		const s = fs.statSync(this._full(file.path));
		file.stat = { ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size };
	}

	_add(file, parent) {
		file.parent = parent;
		parent.children.push(file);
		this._files.set(file.path, file);
		return file;
	}

	_ensureFolder(p) {
		const existing = this._files.get(p);
		if (existing instanceof TFolder) return existing;
		const parent = this._ensureFolder(p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "/");
		fs.mkdirSync(this._full(p), { recursive: true });
		const folder = this._add(new TFolder(this, p), parent);
		this.trigger("create", folder);
		return folder;
	}

	_scan(folder) {
		const dir = this._full(folder.path);
		for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			if (entry.name.startsWith(".")) continue;
			const p = folder.isRoot() ? entry.name : `${folder.path}/${entry.name}`;
			if (entry.isDirectory()) this._scan(this._add(new TFolder(this, p), folder));
			else this._stat(this._add(new TFile(this, p), folder));
		}
	}
}

module.exports = { TAbstractFile, TFile, TFolder, Vault, FileSystemAdapter };
