/**
 * Keeps the engine's vault state in step with the vault.
 *
 * Once the workspace layout is ready (Obsidian fires a `create` for every file while it loads,
 * before that), every markdown note is read, a few at a time so the UI never waits, and handed
 * to the engine, which indexes and checks them in the background; from then on the vault's
 * create/modify/rename/delete events update it. Updates are sent one at a time, in event order,
 * so a slow read never lets an older text overwrite a newer one. Views subscribe with
 * `onChange`, called after every update the engine has taken.
 */
import { App, Plugin, TAbstractFile, TFile } from "obsidian";
import type { RemoteApi, Settings } from "./engine";
import { reportError } from "./errors";
import type { IndexStatus } from "./status";

/** How long the initial load reads notes before letting the UI run, in milliseconds. */
const READ_STEP_MS = 10;
/** How many notes are read at once during the initial load. */
const READ_BATCH = 16;

function isNote(file: TAbstractFile): file is TFile {
	return file instanceof TFile && file.extension === "md";
}

/** Lets the UI run before continuing. */
function pause(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}

/** Feeds the engine from the vault. */
export class Indexer {
	private queue: Promise<void> = Promise.resolve();
	private readonly listeners = new Set<() => void>();
	private stopped = false;

	constructor(
		private readonly app: App,
		private readonly engine: RemoteApi,
		private readonly status: IndexStatus,
	) {}

	/** Loads every note when the layout is ready, then follows the vault's events. */
	start(plugin: Plugin): void {
		this.app.workspace.onLayoutReady(() => {
			if (this.stopped) return;
			void this.enqueue(() => this.loadAll());
			const { vault } = this.app;
			plugin.registerEvent(vault.on("create", (file) => this.onUpsert(file)));
			plugin.registerEvent(vault.on("modify", (file) => this.onUpsert(file)));
			plugin.registerEvent(vault.on("rename", (file, oldPath) => this.onRename(file, oldPath)));
			plugin.registerEvent(vault.on("delete", (file) => this.onDelete(file)));
			plugin.registerEvent(this.app.workspace.on("file-open", (file) => this.onOpen(file)));
		});
	}

	/** Applies new settings: the engine indexes and checks every note again. */
	rebuild(settings: Settings): Promise<void> {
		return this.enqueue(() => this.engine.configure(settings));
	}

	/** Forgets every note and reads the vault again, with `settings` ("Rebuild index"). */
	reload(settings: Settings): Promise<void> {
		void this.enqueue(() => this.engine.reset(settings));
		return this.enqueue(() => this.loadAll());
	}

	/** Resolves once every update so far has been handed to the engine. */
	idle(): Promise<void> {
		return this.queue;
	}

	/** Calls `listener` after every update; returns the function that unsubscribes it. */
	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Stops following the vault (on unload). */
	stop(): void {
		this.stopped = true;
		this.listeners.clear();
	}

	private onUpsert(file: TAbstractFile): void {
		if (!isNote(file)) return;
		void this.enqueue(async () => {
			const text = await this.app.vault.cachedRead(file);
			if (!this.stopped) await this.engine.upsert(file.path, text);
		});
	}

	/** A note opened in an editor: the engine reads it now, so that its saves are quick. */
	private onOpen(file: TFile | null): void {
		if (!file || !isNote(file)) return;
		void this.enqueue(() => this.engine.open(file.path));
	}

	private onRename(file: TAbstractFile, oldPath: string): void {
		void this.enqueue(async () => {
			if (!isNote(file)) {
				await this.engine.remove(oldPath);
				return;
			}
			const text = await this.app.vault.cachedRead(file);
			if (!this.stopped) await this.engine.rename(oldPath, file.path, text);
		});
	}

	private onDelete(file: TAbstractFile): void {
		if (!(file instanceof TFile)) return;
		void this.enqueue(() => this.engine.remove(file.path));
	}

	/** Reads every note in short steps and stages it in the engine, showing the count. */
	private async loadAll(): Promise<void> {
		const files = this.app.vault.getMarkdownFiles();
		const staged: Promise<number>[] = [];
		let stepStart = performance.now();
		for (let done = 0; done < files.length && !this.stopped; ) {
			this.status.setReading({ done, total: files.length });
			const batch = files.slice(done, done + READ_BATCH);
			const texts = await Promise.all(batch.map((file) => this.app.vault.cachedRead(file)));
			if (this.stopped) break;
			staged.push(this.engine.stageNotes(batch.map((file, i) => ({ path: file.path, text: texts[i] ?? "" }))));
			done += batch.length;
			if (performance.now() - stepStart > READ_STEP_MS) {
				await pause();
				stepStart = performance.now();
			}
		}
		this.status.setReading(null);
		await Promise.all(staged);
		// Indexed in the background; updates sent meanwhile are applied after it, in order.
		if (!this.stopped) this.engine.indexStaged().catch((e: unknown) => reportError("indexing the vault", e));
	}

	private enqueue(task: () => Promise<unknown>): Promise<void> {
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
