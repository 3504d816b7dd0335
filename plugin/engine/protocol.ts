/**
 * The messages between the plugin and the engine, which runs in a Web Worker (or, where none
 * can start, on the UI thread behind the same messages).
 *
 * `EngineApi` is the one list of requests: each method's arguments and result. The plugin sends
 * `{id, method, args}`; the engine answers each request once, by id, with its value or an error
 * message, and sends `progress` events while it loads and warms. Updates (stage, upsert,
 * remove, rename, configure, a warm start and the texts it reads) apply in the order they are
 * sent; a query waits until the notes sent before it are indexed and read (`check`…) or, for
 * whole-vault queries, until every note's results are computed (after a warm start they are
 * the saved ones, so these answer before every note is read again). Adding a request means adding a method here and its handler in `service.ts`.
 *
 * The engine keeps a note's text only while it needs it (its results computed, the text goes).
 * A note whose results a change dropped waits for its text: `progress.waiting` says how many,
 * and the plugin reads them (`unreadPaths`, `supplyNotes`). A query that reads texts it lacks
 * answers `NeedsTexts`; the client reads those notes and asks again with them (`withTexts`),
 * so callers never see it.
 */
import type {
	CurrentText,
	DecisionPage,
	DecisionQuery,
	EntityName,
	FixResult,
	JournalRun,
	KeepCompany,
	LinkBackPlan,
	Mention,
	NeedsTexts,
	MergePreview,
	NewNote,
	NoteEdits,
	NoteMention,
	NoteReport,
	NoteStat,
	NoteText,
	NoteUpdate,
	NoteWrite,
	Progress,
	PutBack,
	Restore,
	RuleInfo,
	RunInfo,
	SectionUpdate,
	Settings,
	SettingsInput,
	StoredRun,
	Task,
	TasksPage,
	TasksQuery,
	UndoPlan,
	WarmStart,
} from "../wasm/curator_wasm";

/** What the engine says about itself once started. */
export interface EngineInfo {
	version: string;
	/** Every rule, in the order it runs. */
	rules: RuleInfo[];
	/** Where the vault's own settings declare templates: `[settings file, key path]` pairs. */
	templateSettings: [string, string][];
	/** True when the engine runs in a Web Worker, false when on the UI thread. */
	inWorker: boolean;
	/** Where the undo journal lives, relative to the vault's configuration folder. */
	journalDir: string;
	/** Where the notes an undo put back are remembered, relative to the configuration folder. */
	putBackFile: string;
}

/** How far the engine has come, and the memory it holds. */
export interface EngineStats extends Progress {
	/** Bytes of the engine's WebAssembly memory (it grows, and never shrinks). */
	memoryBytes: number;
	/**
	 * Milliseconds the engine has spent applying updates and answering queries since it
	 * started: a request's own cost, apart from its trips between threads, from the time it
	 * waited for notes to be indexed and from the background work.
	 */
	answeringMs: number;
}

/** Every request the engine answers: arguments and result. */
export interface EngineApi {
	/** Name, rules and where templates are declared. */
	info(): EngineInfo;
	/** Progress, memory and the time spent answering, now. */
	stats(): EngineStats;
	/** `input` with every missing field filled in; throws on a field of the wrong type. */
	completeSettings(input: SettingsInput | null): Settings;
	/** The template folders and files a settings file of `EngineInfo.templateSettings` names, given its parsed JSON. */
	templatesNamedIn(file: string, json: unknown): string[];
	/** Uses `settings` from now on: every note is indexed and checked again. */
	configure(settings: SettingsInput): void;
	/** Forgets every note and uses `settings`: the vault is then loaded again ("Rebuild index"). */
	reset(settings: SettingsInput): void;
	/** Notes of the initial load, kept until `indexStaged`; returns how many wait. */
	stageNotes(notes: NoteText[]): number;
	/** Indexes the staged notes in the background (all at once when the vault is empty, the fast path); resolves with the note count once done. */
	indexStaged(): number;
	/** Starts from a saved state over the vault's notes now; null when it is not one of this engine and these settings, or does not read back whole (load cold then). Every note is then to be read and supplied, `changed` first. `bytes` move to the engine (see `movedBuffers`). */
	warmStart(bytes: Uint8Array, files: NoteStat[]): WarmStart | null;
	/** The notes to read, in order: those waiting for their text (their results were dropped), then a warm start's. */
	unreadPaths(): string[];
	/** Texts of notes to read, as read: kept when the results are about them, upserted otherwise. */
	supplyNotes(notes: NoteText[]): void;
	/** `method` asked again with the texts it said it needs (`NeedsTexts`) lent for it. */
	withTexts(notes: NoteText[], method: Method, args: unknown[]): unknown;
	/** The vault's state as bytes to save, with each note's file time and size as read: once every note is checked (`settled`), or now (null while notes are still to be read). The bytes move to the plugin. */
	saveState(stats: NoteStat[], settled: boolean): Uint8Array | null;
	/** Adds or replaces a note (on create and modify). */
	upsert(path: string, text: string): void;
	/** A note was opened in an editor (`text`, as read): the engine reads it ahead of its saves, which then read only the lines that changed. */
	open(path: string, text: string): void;
	/** Forgets a note (on delete). */
	remove(path: string): void;
	/** Moves a note (on rename); `text` is its text at the new path. */
	rename(oldPath: string, newPath: string, text: string): void;
	/** How many notes the index reads (once the notes sent so far are indexed). */
	noteCount(): number;
	/** What fixing `text` would do (an editor's buffer or a note's saved text). */
	check(path: string, text: string): NoteReport;
	/** `check` without the review items: the edits a save applies, and the error. */
	edits(path: string, text: string): NoteEdits;
	/** `text` fixed until stable. */
	fix(path: string, text: string): FixResult;
	/** The tasks of `text`. */
	tasks(path: string, text: string): Task[];
	/** The person and organisation mentions of `text`, resolved. */
	mentions(path: string, text: string): Mention[];
	/** The people and organisations `text` (the note at `path`) names, one entry per written name and resolution, with its places. */
	noteMentions(path: string, text: string): NoteMention[];
	/** Every person and organisation of the vault, by title. */
	entityNames(): EntityName[];
	/** The note of `entity` with `alias` added to its aliases (null: nothing to add, or no such note). */
	aliasUpdate(entity: string, alias: string): NoteUpdate | null | NeedsTexts;
	/** A page of the vault's review queue as decisions (one card per answer to give). */
	reviewDecisions(query: DecisionQuery): DecisionPage | NeedsTexts;
	/** The note for someone new named `name`, in the vault's people-note layout (null when it cannot be created). */
	personNote(name: string): NewNote | null | NeedsTexts;
	/** The notes to write so the first plain mention in each note decision `group` is about links the note titled `title` (ask before creating it), and those left alone because they changed. */
	linkBack(group: string, title: string): LinkBackPlan | NeedsTexts;
	/** `text` (the note at `path`) without the `needs-review` tag; null when it has not the tag. */
	markReviewed(path: string, text: string): string | null;
	/** `text` (the note at `path`) with its company tag and table made to agree, keeping `keep`; null when they agree; throws saying why it cannot. */
	keepCompany(path: string, text: string, keep: KeepCompany): string | null;
	/** The merge a likely-duplicate decision (its card's group) asks for (null: not about duplicates); throws saying why it cannot be made. */
	mergePlan(group: string): MergePreview | null | NeedsTexts;
	/** A page of the vault's open tasks grouped by owner. */
	tasksByOwner(query: TasksQuery): TasksPage;
	/** Every task of the vault. */
	allTasks(): Task[];
	/** The person notes whose open-tasks section is out of date. */
	sectionUpdates(): SectionUpdate[] | NeedsTexts;
	/** The journal run `previous` (null: a new run by `source` at `time`) with `notes` added. */
	journalRecord(previous: JournalRun | null, source: string, time: number, notes: NoteWrite[]): JournalRun;
	/** Who wrote a run of the journal (a file's parsed JSON), when, and which notes; throws when it is not a run. */
	journalRunInfo(run: unknown): RunInfo;
	/** What undoing a run of the journal does, given its notes' texts now. */
	journalUndo(run: unknown, current: CurrentText[]): UndoPlan;
	/** The runs to delete so the journal stays within its bounds. */
	journalToDrop(runs: StoredRun[]): string[];
	/** The newest of the journal's runs, by id. */
	journalNewest(ids: string[]): string | null;
	/** The put-back file's content (parsed JSON or null) with the notes an undo wrote back added. */
	putBackAdd(putBack: unknown, restored: Restore[]): PutBack;
	/** True when the note at `path` holds the text an undo wrote back (per the put-back file's parsed JSON). */
	putBackHolds(putBack: unknown, path: string, text: string): boolean;
}

/** A request's name. */
export type Method = keyof EngineApi;

/** True when `value` is a query's answer that it needs notes' texts first. */
export function isNeedsTexts(value: unknown): value is NeedsTexts {
	return typeof value === "object" && value !== null && Array.isArray((value as Partial<NeedsTexts>).needsTexts);
}

/** A request: `id` pairs it with its response. */
export interface Request<M extends Method = Method> {
	id: number;
	method: M;
	args: Parameters<EngineApi[M]>;
}

/** The answer to one request. */
export type Response = { id: number; value: unknown } | { id: number; error: string };

/**
 * The buffers of the byte arrays among `values` that span their whole buffer: posted with
 * them, they move to the other side instead of being copied (the saved state is 19 MB at
 * 10,000 notes; copying it blocked the sender), and the sender's arrays are left empty. Byte
 * arrays in a request or a response are the receiver's from then on.
 */
export function movedBuffers(values: unknown[]): ArrayBuffer[] {
	const moved: ArrayBuffer[] = [];
	for (const value of values) {
		if (value instanceof Uint8Array && value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) moved.push(value.buffer);
	}
	return moved;
}

/** Sent unasked while notes are indexed and checked, and once when they all are. */
export interface ProgressEvent {
	event: "progress";
	progress: Progress;
}

/** The first message to a worker: the engine's WebAssembly module, xz-compressed, as base-122 text. */
export interface StartMessage {
	start: string;
}

/** A worker's answer to `StartMessage`: `error` is set when the engine cannot start. */
export interface StartedMessage {
	started: true;
	error?: string;
}

/** Everything the engine sends. */
export type EngineMessage = Response | ProgressEvent | StartedMessage;

/** Tells the engine on the UI thread to stop its background work (a worker is terminated instead). */
export interface StopMessage {
	stop: true;
}

/** Everything the engine is sent. */
export type ClientMessage = StartMessage | Request | StopMessage;

/**
 * The part of a worker's global scope the engine uses (`worker.ts`): the worker's own, or the
 * client's stand-in on the UI thread.
 */
export interface EngineScope {
	postMessage(message: EngineMessage, transfer?: Transferable[]): void;
	onmessage: ((event: { data: ClientMessage }) => void) | null;
}
