/**
 * The undo journal, shared with `curator undo`: every write of the plugin — automatic
 * enrichment, a command, a review answer — records each note's text before it, one JSON file
 * per run in `<config folder>/plugins/vault-curator/journal/`. The engine reads and writes the
 * files' content and decides what undoing does (the format is the core's); this module only
 * moves the files through the vault's adapter. "Undo last enrichment" undoes the newest run,
 * whoever wrote it, and `curator undo` undoes the plugin's. Both remember the notes they put
 * back in one file beside the journal, so automatic enrichment leaves an undone note as the
 * person wants it, even after `curator undo` while Obsidian runs, or after a restart.
 */
import { App, normalizePath } from "obsidian";
import type { JournalRun, NoteWrite, RemoteApi, RunInfo } from "./engine";
import type { NoteWriter } from "./note-writer";

/** Who writes a run: a command or review answer, or automatic enrichment. */
export type RunSource = "plugin" | "enrich";

/** What undoing a run did. */
export interface UndoOutcome {
	run: RunInfo;
	restored: string[];
	/** Notes left as they are, and why. */
	refused: { path: string; why: string }[];
}

/** A run being written: each `add` rewrites its file with the notes added. */
export class OpenRun {
	/** The run as recorded so far (null until something is). */
	private run: JournalRun | null = null;

	constructor(
		private readonly journal: Journal,
		private readonly source: RunSource,
		private readonly time: number,
	) {}

	/** The run's id once something was recorded. */
	get id(): string | null {
		return this.run?.id ?? null;
	}

	/** Records `writes` in the run (nothing when empty). */
	async add(writes: NoteWrite[]): Promise<void> {
		if (writes.length === 0) return;
		this.run = await this.journal.engine.journalRecord(this.run, this.source, this.time, writes);
		await this.journal.save(this.run);
	}
}

/** The journal folder of one vault. */
export class Journal {
	/** The folder, vault-relative (inside the configuration folder). */
	readonly dir: string;
	/** The put-back file, vault-relative. */
	private readonly putBackPath: string;
	/** The put-back file as last read, with the time and size it had then. */
	private putBackRead: { mtime: number; size: number; value: unknown } | null = null;
	/** The time of the last run begun here: run ids stay unique. */
	private lastTime = 0;

	constructor(
		private readonly app: App,
		readonly engine: RemoteApi,
		journalDir: string,
		putBackFile: string,
	) {
		this.dir = normalizePath(`${app.vault.configDir}/${journalDir}`);
		this.putBackPath = normalizePath(`${app.vault.configDir}/${putBackFile}`);
	}

	/**
	 * True when the note holds the text an undo (here or `curator undo`) wrote back: it was put
	 * back on purpose, and automatic enrichment leaves it as it is.
	 */
	async wasPutBack(path: string, text: string): Promise<boolean> {
		const putBack = await this.readPutBack();
		return putBack !== null && (await this.engine.putBackHolds(putBack, path, text));
	}

	/**
	 * The put-back file's parsed content; null when there is none or it does not read back.
	 * Every save and every arriving note asks, so the file is read again only when its time or
	 * size changed (`curator undo` may write it while Obsidian runs).
	 */
	private async readPutBack(): Promise<unknown> {
		const { adapter } = this.app.vault;
		const stat = await adapter.stat(this.putBackPath);
		if (!stat) return null;
		const cached = this.putBackRead;
		if (cached && cached.mtime === stat.mtime && cached.size === stat.size) return cached.value;
		let value: unknown = null;
		try {
			value = JSON.parse(await adapter.read(this.putBackPath)) as unknown;
		} catch {
			value = null;
		}
		this.putBackRead = { mtime: stat.mtime, size: stat.size, value };
		return value;
	}

	/** A new run by `source`, written on its first `add`. */
	begin(source: RunSource): OpenRun {
		this.lastTime = Math.max(Date.now(), this.lastTime + 1);
		return new OpenRun(this, source, this.lastTime);
	}

	/** Records `writes` as one run of their own. */
	async record(source: RunSource, writes: NoteWrite[]): Promise<void> {
		await this.begin(source).add(writes);
	}

	/** Writes a run's file, then drops the oldest runs beyond the journal's bounds. */
	async save(run: JournalRun): Promise<void> {
		const { adapter } = this.app.vault;
		if (!(await adapter.exists(this.dir))) await adapter.mkdir(this.dir);
		await adapter.write(this.file(run.id), JSON.stringify(run));
		const stored = await Promise.all(
			(await this.ids()).map(async (id) => ({ id, size: (await adapter.stat(this.file(id)))?.size ?? 0 })),
		);
		for (const drop of await this.engine.journalToDrop(stored)) await adapter.remove(this.file(drop));
	}

	/** The id of the newest run, or null when the journal is empty. */
	async newest(): Promise<string | null> {
		return this.engine.journalNewest(await this.ids());
	}

	/**
	 * Undoes the newest run: every note still holding what it wrote gets its text back, byte
	 * for byte; the others are named and left alone. The run leaves the journal. Null when the
	 * journal is empty; throws (naming the file) when the newest run cannot be read.
	 */
	async undoLast(writer: NoteWriter): Promise<UndoOutcome | null> {
		const id = await this.newest();
		if (id === null) return null;
		const { adapter } = this.app.vault;
		const file = this.file(id);
		let run: unknown;
		let info: RunInfo;
		try {
			run = JSON.parse(await adapter.read(file));
			info = await this.engine.journalRunInfo(run);
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			throw new Error(`${file}: the newest run of the undo journal does not read back (${message}); delete it to undo the one before`);
		}
		const current = await Promise.all(info.paths.map(async (path) => ({ path, text: await writer.currentText(path) })));
		const plan = await this.engine.journalUndo(run, current);
		const outcome: UndoOutcome = { run: plan.run, restored: [], refused: [...plan.refused] };
		const restored = [];
		for (const restore of plan.restore) {
			const now = current.find((c) => c.path === restore.path)?.text ?? null;
			if (now !== null && (await writer.replace(restore.path, now, restore.text, { restoring: true }))) restored.push(restore);
			else outcome.refused.push({ path: restore.path, why: "changed while undoing: left as it is" });
		}
		outcome.restored = restored.map((r) => r.path);
		if (restored.length > 0) {
			await adapter.write(this.putBackPath, JSON.stringify(await this.engine.putBackAdd(await this.readPutBack(), restored)));
		}
		await adapter.remove(file);
		return outcome;
	}

	private file(id: string): string {
		return `${this.dir}/${id}.json`;
	}

	/** The ids of the runs in the folder. */
	private async ids(): Promise<string[]> {
		const { adapter } = this.app.vault;
		if (!(await adapter.exists(this.dir))) return [];
		const listed = await adapter.list(this.dir);
		return listed.files
			.map((file) => file.slice(file.lastIndexOf("/") + 1))
			.filter((name) => name.endsWith(".json"))
			.map((name) => name.slice(0, -".json".length));
	}
}
