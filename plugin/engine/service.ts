/**
 * The engine's side of the protocol: loads the WebAssembly module, owns the binding's
 * `Curator` (the warm vault state) and answers requests. It runs in the Web Worker
 * (`worker.ts`) or, where no worker can start, on the UI thread (`client.ts`); only the pacing
 * differs.
 *
 * Updates apply as they arrive. Staged notes wait until they are all there (`indexStaged`, or
 * a query that needs them), so that the vault is built in one pass. Indexing and computing
 * every note's results happen in steps, between which requests are answered; a query waits
 * for the state it needs (`until`). In the worker the staged notes are indexed in one step (the core's one-pass build)
 * and warming runs in 50 ms steps; on the UI thread both run a few milliseconds at a time, so
 * the UI never waits long.
 */
import init, {
	Curator,
	defaultSettings,
	journalDir,
	journalNewest,
	journalRecord,
	journalRunInfo,
	journalToDrop,
	journalUndo,
	putBackAdd,
	putBackFile,
	putBackHolds,
	rules,
	templateSettings,
	templatesNamedIn,
	version,
	type NoteStat,
	type Progress,
	type Settings,
	type SettingsInput,
} from "../wasm/curator_wasm";
import { XzReadableStream } from "xz-decompress";
import type { EngineApi, Method, ProgressEvent, Request, Response } from "./protocol";
import { fromBase122 } from "./base122";

/** How the engine paces its work. */
export interface Pacing {
	/** Index every staged note in one step (the fastest), or a few per step. */
	indexAll: boolean;
	/** How long one step of background work may take, in milliseconds. */
	stepMs: number;
	/**
	 * Whether the vault's state is saved and started from. Encoding or restoring it is one long
	 * step (0.2 s at 2,000 notes on a busy machine, seconds at 10,000), which the UI thread
	 * must not take: there the vault loads cold, in short steps.
	 */
	keepsState: boolean;
}

/** In a worker: long steps; requests are answered between them. */
export const WORKER_PACING: Pacing = { indexAll: true, stepMs: 50, keepsState: true };

/** On the UI thread: short steps, so the UI never waits long. */
export const UI_THREAD_PACING: Pacing = { indexAll: false, stepMs: 12, keepsState: false };

/** How often progress is reported while the engine works, in milliseconds. */
const PROGRESS_EVERY_MS = 200;
/**
 * How long background work waits after an update, in milliseconds: the request that follows
 * an update (a save's check) is answered before a step starts.
 */
const UPDATE_GRACE_MS = 10;

/**
 * What a query needs: the notes sent so far indexed and read (`indexed`), every note's results
 * computed (`warm`: after a warm start, notes still to read keep their saved results), or both
 * (`settled`).
 */
type Readiness = "indexed" | "warm" | "settled";

type Handlers = { [M in Method]: (...args: Parameters<EngineApi[M]>) => ReturnType<EngineApi[M]> | Promise<ReturnType<EngineApi[M]>> };

/** The instance's memory, once the module is loaded. */
let memory: WebAssembly.Memory | null = null;

/**
 * Decompresses and compiles the engine's module (xz-compressed, as base-122 text) and instantiates
 * it; later calls reuse the instance.
 */
export async function loadModule(xzBase122: string): Promise<void> {
	if (typeof WebAssembly !== "object") throw new Error("this device cannot run the engine (no WebAssembly)");
	const stream = new XzReadableStream(new Blob([fromBase122(xzBase122)]).stream());
	const module = await WebAssembly.compile(await new Response(stream).arrayBuffer());
	memory = (await init({ module_or_path: module })).memory;
	warmSavePath();
}

/**
 * Runs a save's path once over a scratch vault of two notes: V8 compiles a WebAssembly function
 * only when it is first called, and the first save after a start paid for compiling the
 * upsert's and the edits' functions (about 1.7 ms of 3.7 for a 40 KB meeting at 10,000 notes).
 */
function warmSavePath(): void {
	const scratch = new Curator(null);
	try {
		const meeting = "---\ntype: meeting\ndate: 2025-01-02\n---\nAda said the plan holds.\n- [ ] Send the notes @Ada Park\n";
		scratch.upsertNote("People/Ada Park.md", "---\ntype: people\n---\n# Ada Park\n");
		scratch.upsertNote("Meetings/m.md", meeting);
		scratch.openNote("Meetings/m.md", meeting);
		const saved = `${meeting}Noted after the meeting.\n`;
		scratch.upsertNote("Meetings/m.md", saved);
		scratch.edits("Meetings/m.md", saved);
	} finally {
		scratch.free();
	}
}

/**
 * Notes' stats as the engine's warm start takes them: the paths joined by NUL characters, and
 * each note's time and size in turn in one array (10,000 objects, read field by field, took
 * tens of milliseconds to cross into WebAssembly).
 */
function packedStats(files: NoteStat[]): [string, Float64Array] {
	const numbers = new Float64Array(files.length * 2);
	files.forEach((file, i) => {
		numbers[2 * i] = file.mtime;
		numbers[2 * i + 1] = file.size;
	});
	return [files.map((file) => file.path).join("\0"), numbers];
}

/** The settings `input` completes to (defaults for everything missing). */
function completeSettings(input: SettingsInput | null): Settings {
	if (input === null) return defaultSettings();
	const curator = new Curator(input);
	try {
		return curator.settings();
	} finally {
		curator.free();
	}
}

/** The engine: one `Curator` and the steps that index and warm it. */
export class EngineService {
	private curator: Curator | null = null;
	private scheduled = false;
	private stopped = false;
	/** Staged notes may be indexed: the load is complete, or something waits for them. */
	private indexing = false;
	private waiters: { needs: Readiness; resolve: () => void }[] = [];
	/** Staged notes indexed per step on the UI thread, adapted to `stepMs`. */
	private indexStep = 8;
	private lastProgressAt = 0;
	private reportedDone = true;
	/** The notes to read (waiting for their text, or unread) when progress was last sent: the plugin reads them when told. */
	private reportedToRead = 0;
	/** No background step starts before this time (`performance.now()`). */
	private graceUntil = 0;
	/** Milliseconds spent applying updates and answering queries (`EngineStats.answeringMs`). */
	private answeringMs = 0;

	private readonly handlers: Handlers = {
		info: () => ({
			version: version(),
			rules: rules(),
			templateSettings: templateSettings(),
			inWorker: this.inWorker,
			journalDir: journalDir(),
			putBackFile: putBackFile(),
		}),
		stats: () => ({ ...this.vault().progress(), memoryBytes: memory?.buffer.byteLength ?? 0, answeringMs: this.answeringMs }),
		completeSettings: (input) => completeSettings(input),
		templatesNamedIn: (file, json) => templatesNamedIn(file, json),
		configure: (settings) => {
			if (!this.curator) {
				this.curator = new Curator(settings);
				return;
			}
			// Every note is staged again: index them all.
			this.indexing = true;
			this.update((c) => c.setSettings(settings));
		},
		reset: (settings) => {
			this.curator?.free();
			this.curator = new Curator(settings);
			this.indexing = false;
		},
		stageNotes: (notes) => this.update((c) => c.stageNotes(notes)),
		indexStaged: () => {
			this.indexing = true;
			return this.when("indexed", (c) => c.noteCount());
		},
		warmStart: (bytes, files) => (this.pacing.keepsState ? this.update((c) => c.warmStart(bytes, ...packedStats(files))) : null),
		unreadPaths: () => this.vault().unreadPaths(),
		supplyNotes: (notes) => {
			// Notes read again after new settings are staged: index them as they come.
			this.indexing = true;
			return this.update((c) => c.supplyNotes(notes));
		},
		withTexts: async (notes, method, args) => {
			const handler = method === "withTexts" ? undefined : (this.handlers[method] as (...args: unknown[]) => unknown);
			if (!handler) throw new Error(`"${method}" cannot be asked with texts`);
			this.vault().lendNotes(notes);
			try {
				return await handler(...args);
			} finally {
				this.curator?.releaseLent();
			}
		},
		saveState: (stats, settled) => {
			if (!this.pacing.keepsState) return null;
			if (settled) return this.when("settled", (c) => c.saveState(stats));
			const { staged, unread } = this.vault().progress();
			return staged > 0 || unread > 0 ? null : this.vault().saveState(stats);
		},
		upsert: (path, text) => this.update((c) => c.upsertNote(path, text)),
		open: (path, text) => this.when("indexed", (c) => c.openNote(path, text)),
		remove: (path) => this.update((c) => c.removeNote(path)),
		rename: (oldPath, newPath, text) => this.update((c) => c.renameNote(oldPath, newPath, text)),
		noteCount: () => this.when("indexed", (c) => c.noteCount()),
		check: (path, text) => this.when("indexed", (c) => c.check(path, text)),
		edits: (path, text) => this.when("indexed", (c) => c.edits(path, text)),
		fix: (path, text) => this.when("indexed", (c) => c.fix(path, text)),
		tasks: (path, text) => this.when("indexed", (c) => c.tasks(path, text)),
		mentions: (path, text) => this.when("indexed", (c) => c.mentions(path, text)),
		noteMentions: (path, text) => this.when("indexed", (c) => c.noteMentions(path, text)),
		entityNames: () => this.when("indexed", (c) => c.entityNames()),
		aliasUpdate: (entity, alias) => this.when("indexed", (c) => c.aliasUpdate(entity, alias)),
		reviewDecisions: (query) => this.when("warm", (c) => c.reviewDecisions(query)),
		personNote: (name) => this.when("indexed", (c) => c.personNote(name)),
		linkBack: (group, title) => this.when("settled", (c) => c.linkBack(group, title)),
		markReviewed: (path, text) => this.when("indexed", (c) => c.markReviewed(path, text)),
		keepCompany: (path, text, keep) => this.when("indexed", (c) => c.keepCompany(path, text, keep)),
		mergePlan: (group) => this.when("indexed", (c) => c.mergePlan(group)),
		tasksByOwner: (query) => this.when("warm", (c) => c.tasksByOwner(query)),
		allTasks: () => this.when("warm", (c) => c.allTasks()),
		sectionUpdates: () => this.when("indexed", (c) => c.sectionUpdates()),
		journalRecord: (previous, source, time, notes) => journalRecord(previous, source, time, notes),
		journalRunInfo: (run) => journalRunInfo(run),
		journalUndo: (run, current) => journalUndo(run, current),
		journalToDrop: (runs) => journalToDrop(runs),
		journalNewest: (ids) => journalNewest(ids),
		putBackAdd: (putBack, restored) => putBackAdd(putBack, restored),
		putBackHolds: (putBack, path, text) => putBackHolds(putBack, path, text),
	};

	constructor(
		private readonly pacing: Pacing,
		private readonly emit: (event: ProgressEvent) => void,
		private readonly inWorker: boolean,
	) {}

	/** Answers one request; never rejects (an error is part of the response). */
	async handle(request: Request): Promise<Response> {
		try {
			const handler = this.handlers[request.method] as (...args: unknown[]) => unknown;
			if (typeof handler !== "function") throw new Error(`unknown request "${String(request.method)}"`);
			return { id: request.id, value: await handler(...request.args) };
		} catch (e) {
			return { id: request.id, error: e instanceof Error ? e.message : String(e) };
		}
	}

	/** Stops the background work and releases the vault's memory. */
	stop(): void {
		this.stopped = true;
		this.waiters = [];
		this.curator?.free();
		this.curator = null;
	}

	private vault(): Curator {
		if (!this.curator) throw new Error(this.stopped ? "the engine has stopped" : "the engine is used before it is configured");
		return this.curator;
	}

	/** Applies an update now and schedules the work it causes. */
	private update<T>(apply: (curator: Curator) => T): T {
		const result = this.answering(() => apply(this.vault()));
		this.reportedDone = false;
		this.graceUntil = performance.now() + UPDATE_GRACE_MS;
		this.schedule();
		return result;
	}

	/** Runs `query` once the vault is ready for it. */
	private async when<T>(needs: Readiness, query: (curator: Curator) => T): Promise<T> {
		await this.until(needs);
		return this.answering(() => query(this.vault()));
	}

	/** `work`'s result, its time counted in `answeringMs`. */
	private answering<T>(work: () => T): T {
		const start = performance.now();
		try {
			return work();
		} finally {
			this.answeringMs += performance.now() - start;
		}
	}

	/**
	 * Resolves once the vault is in the state `needs` (at once when it is). An "indexed" need
	 * is asked of `indexed()`, which reads no note: a save's check waits on nothing else.
	 */
	private until(needs: Readiness): Promise<void> {
		const curator = this.vault();
		const ready = needs === "indexed" ? curator.indexed() : this.satisfied(needs, curator.progress());
		if (ready) return Promise.resolve();
		return new Promise((resolve) => {
			this.waiters.push({ needs, resolve });
			this.indexing = true;
			this.schedule();
		});
	}

	private satisfied(needs: Readiness, progress: Progress): boolean {
		const indexed = progress.staged === 0 && progress.unread === 0;
		const warm = progress.staged === 0 && progress.stale === 0;
		return needs === "indexed" ? indexed : needs === "warm" ? warm : indexed && warm;
	}

	private schedule(): void {
		if (this.scheduled || this.stopped) return;
		this.scheduled = true;
		// `self`: the worker's global scope, or the window on the UI thread.
		self.setTimeout(() => this.step(), Math.max(0, this.graceUntil - performance.now()));
	}

	/** One step of background work: index staged notes, else warm; then wakes the queries. */
	private step(): void {
		this.scheduled = false;
		const curator = this.curator;
		if (!curator || this.stopped) return;
		if (performance.now() < this.graceUntil && this.waiters.length === 0) {
			this.schedule();
			return;
		}
		let progress = curator.progress();
		if (progress.staged > 0) {
			if (!this.indexing) return;
			const start = performance.now();
			curator.indexStaged(this.pacing.indexAll ? 0xffffffff : this.indexStep);
			const took = Math.max(performance.now() - start, 0.1);
			this.indexStep = Math.min(512, Math.max(1, Math.round((this.indexStep * this.pacing.stepMs) / took)));
			progress = curator.progress();
		} else if (progress.stale > progress.waiting) {
			progress = curator.warm(this.pacing.stepMs);
		}
		if (progress.staged === 0) this.indexing = false;
		this.report(progress);
		const ready = this.waiters.filter((w) => this.satisfied(w.needs, progress));
		this.waiters = this.waiters.filter((w) => !ready.includes(w));
		for (const waiter of ready) waiter.resolve();
		// Stale notes waiting for their text are computed once it is supplied (an update).
		if (progress.staged > 0 || progress.stale > progress.waiting) this.schedule();
	}

	/** Sends progress now and then while working, and once when done. */
	private report(progress: Progress): void {
		const done = progress.staged === 0 && progress.stale === 0 && progress.unread === 0;
		const now = performance.now();
		// More notes to read are told at once: nothing computes them until they are read.
		const toRead = progress.waiting + progress.unread;
		const more = toRead > this.reportedToRead;
		this.reportedToRead = Math.min(this.reportedToRead, toRead);
		if (!more && (done ? this.reportedDone : now - this.lastProgressAt < PROGRESS_EVERY_MS)) return;
		this.lastProgressAt = now;
		this.reportedDone = done;
		this.reportedToRead = toRead;
		this.emit({ event: "progress", progress });
	}
}
