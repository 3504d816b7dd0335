/**
 * Keeps the engine's vault state in step with the vault.
 *
 * Once the workspace layout is ready (Obsidian fires a `create` for every file while it loads,
 * before that), the engine starts from the state saved by the last session (`state-file.ts`)
 * when there is one it can use: it then answers from the saved results at once, and every note
 * is read in the background — those whose file time or size changed first — and handed over to
 * be compared with what was saved. Otherwise every markdown note is read, a few at a time so
 * the UI never waits, and handed to the engine, which indexes and checks them in the
 * background. From then on the vault's create/modify/rename/delete events update it. Updates are sent one at a time, in event order,
 * so a slow read never lets an older text overwrite a newer one. Views subscribe with
 * `onChange`, called after every update the engine has taken.
 *
 * The engine lets go of a note's text once it has computed its results. When a change drops
 * them, the note waits for its text: the engine's progress says so, and the indexer reads
 * those notes again (`onProgress`). A query that needs texts the engine lacks has them read
 * through `readTexts`.
 */
import { App, Plugin, TAbstractFile, TFile } from "obsidian";
import type { NoteStat, NoteText, Progress, RemoteApi, Settings } from "./engine";
import { reportError } from "./errors";
import type { StateFile } from "./state-file";
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
	/** A read of the notes the engine waits for is queued or under way. */
	private catchingUp = false;
	/** Each note's file time and size when the engine was last handed its text. */
	private readonly stats = new Map<string, { mtime: number; size: number }>();
	/** The saved state; set once the plugin knows where it lives. */
	stateFile: StateFile | null = null;

	constructor(
		private readonly app: App,
		private readonly engine: RemoteApi,
		private readonly status: IndexStatus,
	) {}

	/** Each note's file time and size as the engine last read it, for the saved state. */
	noteStats(): NoteStat[] {
		return [...this.stats].map(([path, { mtime, size }]) => ({ path, mtime, size }));
	}

	/** Loads every note when the layout is ready, then follows the vault's events. */
	start(plugin: Plugin): void {
		this.app.workspace.onLayoutReady(() => {
			if (this.stopped) return;
			void this.enqueue(() => this.load());
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
		void this.enqueue(() => {
			this.stats.clear();
			return this.engine.reset(settings);
		});
		return this.enqueue(() => this.loadAll());
	}

	/** Starts from the saved state when the engine can use it, else reads every note. */
	private async load(): Promise<void> {
		const bytes = await this.stateFile?.load();
		if (this.stopped) return;
		if (bytes) {
			const files = this.app.vault.getMarkdownFiles();
			const stat = (file: TFile) => ({ path: file.path, mtime: file.stat.mtime, size: file.stat.size });
			const start = await this.engine.warmStart(bytes, files.map(stat));
			if (start) {
				// The views answer from the saved results now; every note is read behind them.
				for (const listener of this.listeners) listener();
				await this.readUnread(start.changed, files.length);
				return;
			}
		}
		await this.loadAll();
	}

	/**
	 * Reads the notes of a warm start, `first` first, then the rest in the order the engine
	 * asks; each is handed over to be compared with its saved results.
	 */
	private async readUnread(first: string[], total: number): Promise<void> {
		await this.supplyEach(first, total, 0);
		const rest = this.stopped ? [] : await this.engine.unreadPaths();
		await this.supplyEach(rest, total, first.length);
		this.status.setReading(null);
		if (!this.stopped) this.stateFile?.start();
	}

	/** Reads the notes at `paths` in short steps and supplies them to the engine (`readEach`); resolves once it took them. */
	private async supplyEach(paths: string[], total: number, before: number): Promise<void> {
		const supplied: Promise<void>[] = [];
		await this.readEach(paths, total, before, (notes) => void supplied.push(this.engine.supplyNotes(notes)));
		await Promise.all(supplied);
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
			const stat = { mtime: file.stat.mtime, size: file.stat.size };
			const text = await this.app.vault.cachedRead(file);
			if (this.stopped) return;
			this.stats.set(file.path, stat);
			await this.engine.upsert(file.path, text);
		});
	}

	/** A note opened in an editor: the engine reads it now, so that its saves are quick. */
	private onOpen(file: TFile | null): void {
		if (!file || !isNote(file)) return;
		void this.enqueue(async () => {
			const text = await this.app.vault.cachedRead(file);
			if (!this.stopped) await this.engine.open(file.path, text);
		});
	}

	/**
	 * The engine's progress: when notes wait for their text (a change dropped their results,
	 * or new settings), they are read and handed over, in turn with the vault's events.
	 */
	onProgress(progress: Progress): void {
		if (this.catchingUp || this.stopped || (progress.waiting === 0 && progress.unread === 0)) return;
		this.catchingUp = true;
		void this.enqueue(async () => {
			this.catchingUp = false;
			const paths = await this.engine.unreadPaths();
			if (paths.length === 0 || this.stopped) return;
			await this.supplyEach(paths, paths.length, 0);
			this.status.setReading(null);
		});
	}

	/** The texts of the notes at `paths` as they are now (those gone left out), for a query that needs them. */
	readTexts(paths: string[]): Promise<NoteText[]> {
		return this.textsOf(this.notesAt(paths));
	}

	/** The notes at `paths` (those gone, or no longer notes, left out). */
	private notesAt(paths: string[]): TFile[] {
		return paths.map((path) => this.app.vault.getFileByPath(path)).filter((f): f is TFile => f !== null && isNote(f));
	}

	/** The texts of `files` as they are now. */
	private async textsOf(files: TFile[]): Promise<NoteText[]> {
		const texts = await Promise.all(files.map((file) => this.app.vault.cachedRead(file)));
		return files.map((file, i) => ({ path: file.path, text: texts[i] ?? "" }));
	}

	private onRename(file: TAbstractFile, oldPath: string): void {
		void this.enqueue(async () => {
			this.stats.delete(oldPath);
			if (!isNote(file)) {
				await this.engine.remove(oldPath);
				return;
			}
			const stat = { mtime: file.stat.mtime, size: file.stat.size };
			const text = await this.app.vault.cachedRead(file);
			if (this.stopped) return;
			this.stats.set(file.path, stat);
			await this.engine.rename(oldPath, file.path, text);
		});
	}

	private onDelete(file: TAbstractFile): void {
		if (!(file instanceof TFile)) return;
		void this.enqueue(() => {
			this.stats.delete(file.path);
			return this.engine.remove(file.path);
		});
	}

	/** Reads every note in short steps and stages it in the engine, showing the count. */
	private async loadAll(): Promise<void> {
		const files = this.app.vault.getMarkdownFiles().map((file) => file.path);
		const staged: Promise<number>[] = [];
		await this.readEach(files, files.length, 0, (notes) => void staged.push(this.engine.stageNotes(notes)));
		this.status.setReading(null);
		await Promise.all(staged);
		if (this.stopped) return;
		// Indexed in the background; updates sent meanwhile are applied after it, in order.
		this.engine
			.indexStaged()
			.then(() => this.stateFile?.start())
			.catch((e: unknown) => reportError("indexing the vault", e));
	}

	/**
	 * Reads the notes at `paths` in short steps (those gone since are skipped), recording each
	 * one's file time and size, and hands them to `hand` a batch at a time, showing the count
	 * (`before` of `total` read already).
	 */
	private async readEach(paths: string[], total: number, before: number, hand: (notes: NoteText[]) => unknown): Promise<void> {
		let stepStart = performance.now();
		for (let done = 0; done < paths.length && !this.stopped; ) {
			this.status.setReading({ done: before + done, total });
			const batch = this.notesAt(paths.slice(done, done + READ_BATCH));
			const stats = batch.map((file) => ({ mtime: file.stat.mtime, size: file.stat.size }));
			const notes = await this.textsOf(batch);
			if (this.stopped) break;
			batch.forEach((file, i) => this.stats.set(file.path, stats[i] ?? { mtime: 0, size: -1 }));
			hand(notes);
			done += READ_BATCH;
			if (performance.now() - stepStart > READ_STEP_MS) {
				await pause();
				stepStart = performance.now();
			}
		}
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
