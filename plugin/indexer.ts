/**
 * Keeps the engine's vault index in step with the vault.
 *
 * The index is built from every markdown note once the workspace layout is ready (Obsidian
 * fires a `create` for every file while it loads, before that), then follows the vault's
 * create/modify/rename/delete events. Updates run one at a time, in event order, so a slow read
 * never lets an older text overwrite a newer one. Views subscribe with `onChange`.
 */
import { App, Plugin, TAbstractFile, TFile } from "obsidian";
import type { Engine, Settings } from "./engine";
import { reportError } from "./errors";

/** A markdown note and its current text. */
export interface NoteText {
	file: TFile;
	text: string;
}

function isNote(file: TAbstractFile): file is TFile {
	return file instanceof TFile && file.extension === "md";
}

/** The vault index, fed from vault events. */
export class Indexer {
	private queue: Promise<void> = Promise.resolve();
	private readonly listeners = new Set<() => void>();
	private stopped = false;

	constructor(
		private readonly app: App,
		readonly engine: Engine,
	) {}

	/** Builds the index when the layout is ready, then follows the vault's events. */
	start(plugin: Plugin): void {
		this.app.workspace.onLayoutReady(() => {
			if (this.stopped) return;
			void this.enqueue(() => this.reindexAll());
			const { vault } = this.app;
			plugin.registerEvent(vault.on("create", (file) => this.onUpsert(file)));
			plugin.registerEvent(vault.on("modify", (file) => this.onUpsert(file)));
			plugin.registerEvent(vault.on("rename", (file, oldPath) => this.onRename(file, oldPath)));
			plugin.registerEvent(vault.on("delete", (file) => this.onDelete(file)));
		});
	}

	/** Applies new settings and re-indexes every note (settings decide who is a person). */
	rebuild(settings: Settings): Promise<void> {
		return this.enqueue(() => this.reindexAll(settings));
	}

	/** Resolves once every pending update has been applied. */
	idle(): Promise<void> {
		return this.queue;
	}

	/** Calls `listener` after every update; returns the function that unsubscribes it. */
	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Every markdown note with its text, once pending updates are applied. */
	async notes(): Promise<NoteText[]> {
		await this.idle();
		const files = this.app.vault.getMarkdownFiles();
		const texts = await Promise.all(files.map((file) => this.app.vault.cachedRead(file)));
		return files.map((file, i) => ({ file, text: texts[i] ?? "" }));
	}

	/** Stops applying updates (on unload): the engine may be freed afterwards. */
	stop(): void {
		this.stopped = true;
		this.listeners.clear();
	}

	private onUpsert(file: TAbstractFile): void {
		if (!isNote(file)) return;
		void this.enqueue(async () => {
			const text = await this.app.vault.cachedRead(file);
			if (!this.stopped) this.engine.upsert(file.path, text);
		});
	}

	private onRename(file: TAbstractFile, oldPath: string): void {
		void this.enqueue(async () => {
			if (!isNote(file)) {
				this.engine.remove(oldPath);
				return;
			}
			const text = await this.app.vault.cachedRead(file);
			if (!this.stopped) this.engine.rename(oldPath, file.path, text);
		});
	}

	private onDelete(file: TAbstractFile): void {
		if (!(file instanceof TFile)) return;
		void this.enqueue(() => {
			this.engine.remove(file.path);
			return Promise.resolve();
		});
	}

	/** Reads every note first, then swaps the index in one synchronous step. */
	private async reindexAll(settings?: Settings): Promise<void> {
		const notes = await Promise.all(
			this.app.vault.getMarkdownFiles().map(async (file) => ({ file, text: await this.app.vault.cachedRead(file) })),
		);
		if (this.stopped) return;
		if (settings) this.engine.setSettings(settings);
		for (const { file, text } of notes) this.engine.upsert(file.path, text);
	}

	private enqueue(task: () => Promise<void>): Promise<void> {
		this.queue = this.queue
			.then(async () => {
				if (this.stopped) return;
				await task();
				if (!this.stopped) for (const listener of this.listeners) listener();
			})
			.catch((e) => reportError("updating the index", e));
		return this.queue;
	}
}
