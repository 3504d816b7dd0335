/**
 * Enrichment on its own: notes are fixed as they arrive and as they are saved, with only the
 * engine's safe edits (everything uncertain goes to the review queue).
 *
 * - A note that arrives or changes on disk while it is not open in an editor (a pipeline
 *   writing into the vault, a sync) is enriched once it has been quiet for a while (a pipeline
 *   may write a file in several steps): read with `read()`, fixed by the engine, written with
 *   `Vault.process` only over the text that was read.
 * - The note being edited is enriched when the user saves it explicitly (`save-hook.ts`) and
 *   when they leave it after editing it — never while they type — through editor transactions.
 *
 * Only events after the layout is ready count (Obsidian fires `create` for every file while a
 * vault loads). The plugin's own writes are recognised and never enriched again, a clean note
 * is never written (the engine returns no text), and a note put back on purpose (an undo, the
 * editor's own undo of an enrichment) is left as it is. Nothing in the configuration folder
 * or any dot folder is touched; templates, ignored paths, `curator: off` and per-rule opt-outs
 * are the engine's (it returns no edits there). Every write is recorded in the undo journal:
 * a burst of automatic writes is one run, until another run is recorded.
 */
import { MarkdownView, TAbstractFile, TFile, type Editor, type MarkdownFileInfo } from "obsidian";
import { guardedAsync } from "../errors";
import type { CuratorHost } from "../host";
import type { NoteWrite } from "../engine";
import type { OpenRun } from "../journal";
import { editorOf } from "../note-writer";
import { enrichEditor, ruleNames, type EditorOutcome } from "./editor";
import { SaveHook } from "./save-hook";
import type { EnrichmentStatus } from "./status";

/** Automatic writes further apart than this start a new run of the journal, in milliseconds. */
const RUN_GAP_MS = 10 * 60 * 1000;
/** Automatic writes are recorded in the journal at most this often, in milliseconds. */
const RECORD_EVERY_MS = 100;

/** The note a markdown view shows. */
interface Shown {
	view: MarkdownView;
	path: string;
}

/** True for a markdown note outside the configuration folder and every dot folder. */
function isEnrichable(file: TAbstractFile, configDir: string): file is TFile {
	if (!(file instanceof TFile) || file.extension !== "md") return false;
	if (file.path === configDir || file.path.startsWith(`${configDir}/`)) return false;
	return !file.path.split("/").some((part) => part.startsWith("."));
}

/** Automatic enrichment of one vault. */
export class Enrichment {
	private readonly timers = new Map<string, number>();
	/** Notes being enriched now: a change meanwhile waits for the next quiet period. */
	private readonly busy = new Set<string>();
	/** Notes edited in an editor since they were last enriched. */
	private readonly edited = new Set<string>();
	/** The note the active markdown view shows. */
	private shown: Shown | null = null;
	/** The journal run automatic writes go to, and when it last grew. */
	private run: { open: OpenRun; at: number } | null = null;
	/** Writes of the journal, one after the other. */
	private recording: Promise<void> = Promise.resolve();
	/** Automatic writes waiting for the next write of the journal. */
	private readonly unrecorded: { write: NoteWrite; rules: string[] }[] = [];
	/** The next write of the journal, when automatic writes wait for it. */
	private recordTimer: number | null = null;
	private readonly saveHook: SaveHook;
	private stopped = false;

	constructor(
		private readonly host: CuratorHost,
		private readonly status: EnrichmentStatus,
	) {
		this.saveHook = new SaveHook(host.app, () => this.onSave());
	}

	/** Follows the vault and the workspace once the layout is ready; stops on unload. */
	start(): void {
		const { host } = this;
		const { vault, workspace } = host.app;
		host.register(() => this.stop());
		workspace.onLayoutReady(() => {
			if (this.stopped) return;
			host.registerEvent(vault.on("create", (file) => this.onDiskChange(file)));
			host.registerEvent(vault.on("modify", (file) => this.onDiskChange(file)));
			host.registerEvent(workspace.on("editor-change", (editor, info) => this.onEditorChange(editor, info)));
			host.registerEvent(workspace.on("active-leaf-change", () => this.onActiveChange()));
			host.registerEvent(workspace.on("file-open", () => this.onActiveChange()));
			this.shown = this.active();
			// When the save command cannot be wrapped, notes are enriched when left.
			this.saveHook.ensure();
		});
	}

	/**
	 * Stops: pending enrichments are dropped and the save command is put back. Writes of the
	 * last `RECORD_EVERY_MS` not yet in the journal stay out of it (the engine that records
	 * them stops with the plugin).
	 */
	stop(): void {
		this.stopped = true;
		for (const timer of this.timers.values()) window.clearTimeout(timer);
		this.timers.clear();
		if (this.recordTimer !== null) window.clearTimeout(this.recordTimer);
		this.recordTimer = null;
		this.saveHook.uninstall();
	}

	private get on(): boolean {
		return !this.stopped && this.host.options.autoEnrich;
	}

	private onDiskChange(file: TAbstractFile): void {
		if (!this.on || !isEnrichable(file, this.host.app.vault.configDir)) return;
		if (editorOf(this.host.app, file.path)) {
			// Open in an editor: enriched when saved or left, never under the cursor.
			return;
		}
		this.schedule(file.path);
	}

	/** Enriches the note on disk once it has been quiet for the configured time. */
	private schedule(path: string): void {
		const previous = this.timers.get(path);
		if (previous !== undefined) window.clearTimeout(previous);
		const timer = window.setTimeout(() => {
			this.timers.delete(path);
			void guardedAsync("enriching a note", () => this.enrichOnDisk(path))();
		}, this.host.options.enrichQuietMs);
		this.timers.set(path, timer);
	}

	/** Enriches a note that is not open in an editor, through `Vault.process`. */
	private async enrichOnDisk(path: string): Promise<void> {
		const { app, engine, writer } = this.host;
		if (!this.on || editorOf(app, path)) return;
		const file = app.vault.getFileByPath(path);
		if (!file) return;
		if (this.busy.has(path)) {
			this.schedule(path);
			return;
		}
		this.busy.add(path);
		try {
			const text = await app.vault.read(file);
			if (writer.isOwnWrite(path, text) || writer.wasPutBack(path, text)) return;
			await this.host.whenReady();
			if (await this.host.journal.wasPutBack(path, text)) return;
			// The index holds this very text first: every device then computes the same fix.
			await this.host.indexer.idle();
			const fixed = await engine.fix(path, text);
			if (fixed.error || fixed.text === null || !this.on) return;
			if (await writer.replace(path, text, fixed.text)) this.recorded({ path, before: text, after: fixed.text }, ruleNames(fixed.applied));
		} finally {
			this.busy.delete(path);
		}
	}

	private onEditorChange(_editor: Editor, info: MarkdownView | MarkdownFileInfo): void {
		const path = info.file?.path;
		if (path) this.edited.add(path);
	}

	/** The active markdown view's note changed: the note left behind is enriched if it was edited. */
	private onActiveChange(): void {
		if (this.stopped) return;
		this.saveHook.ensure();
		const next = this.active();
		const left = this.shown;
		this.shown = next;
		if (!left || (next && next.view === left.view && next.path === left.path)) return;
		if (!this.on || !this.edited.has(left.path)) return;
		this.edited.delete(left.path);
		if (left.view.file?.path === left.path) void guardedAsync("enriching the note you left", () => this.enrichOpen(left.view))();
		else this.schedule(left.path);
	}

	/** The user saved: the active note is enriched, then saved again if it changed. */
	private onSave(): void {
		if (!this.on) return;
		const view = this.host.app.workspace.getActiveViewOfType(MarkdownView);
		if (view?.file) void guardedAsync("enriching the saved note", () => this.enrichOpen(view))();
	}

	/** Enriches the note open in `view` through its editor, and saves it. */
	private async enrichOpen(view: MarkdownView): Promise<EditorOutcome | null> {
		const file = view.file;
		if (!file || !isEnrichable(file, this.host.app.vault.configDir)) return null;
		const path = file.path;
		if (this.host.writer.wasPutBack(path, view.editor.getValue())) return null;
		await this.host.whenReady();
		if (await this.host.journal.wasPutBack(path, view.editor.getValue())) return null;
		const outcome = await enrichEditor(this.host.engine, path, view.editor, () => view.file === file);
		this.edited.delete(path);
		if (!outcome.change || view.file !== file) return outcome;
		this.host.writer.remember(path, outcome.change.before);
		await view.save();
		this.recorded({ path, ...outcome.change }, outcome.rules);
		return outcome;
	}

	/**
	 * Records an automatic write in the journal (soon) and then says so in the status bar.
	 * Writes made within `RECORD_EVERY_MS` of each other, or while the journal is being
	 * written, are recorded together in one write of the run's file, so a burst of a thousand
	 * notes rewrites it a few times a second, not a thousand times.
	 */
	private recorded(write: NoteWrite, rules: string[]): void {
		this.unrecorded.push({ write, rules });
		this.recordTimer ??= window.setTimeout(() => void this.flush(), RECORD_EVERY_MS);
	}

	/** Records every automatic write not recorded yet (an undo first waits for this). */
	flush(): Promise<void> {
		if (this.recordTimer !== null) window.clearTimeout(this.recordTimer);
		this.recordTimer = null;
		this.recording = this.recording.catch(() => undefined).then(() => this.record());
		return this.recording;
	}

	/** Adds the writes not recorded yet to the current run, or to a new one when another run came since. */
	private async record(): Promise<void> {
		const records = this.unrecorded.splice(0);
		if (records.length === 0) return;
		const now = Date.now();
		const run = this.run;
		const continues = run !== null && now - run.at < RUN_GAP_MS && run.open.id !== null && (await this.host.journal.newest()) === run.open.id;
		const open = continues ? run.open : this.host.journal.begin("enrich");
		this.run = { open, at: now };
		await open.add(records.map((r) => r.write));
		for (const { write, rules } of records) this.status.enriched(write.path, rules);
	}

	private active(): Shown | null {
		const view = this.host.app.workspace.getActiveViewOfType(MarkdownView);
		return view?.file ? { view, path: view.file.path } : null;
	}
}
