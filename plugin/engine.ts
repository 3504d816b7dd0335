/**
 * The engine: loads the WebAssembly module once and wraps the binding's `Curator`.
 *
 * This is the only module that imports the binding. Edit offsets crossing the binding are
 * already JS string indices (the binding converts the engine's UTF-8 byte offsets), so callers
 * can hand them straight to `editor.offsetToPos` or `String.prototype.slice`.
 */
import wasmBytes from "./wasm/curator_wasm_bg.wasm";
import {
	Curator,
	applyEdits as applyEditsWasm,
	defaultSettings,
	initSync,
	rules as rulesWasm,
	templateSettings as templateSettingsWasm,
	type Edit,
	type FixResult,
	type Mention,
	type NoteReport,
	type NoteText,
	type ReviewItem,
	type RuleInfo,
	type SectionEdits,
	type Settings,
	type SettingsInput,
	type Task,
} from "./wasm/curator_wasm";

export type {
	AppliedChange,
	Edit,
	FixResult,
	Mention,
	NoteError,
	NoteReport,
	NoteText,
	ReviewItem,
	Resolution,
	RuleInfo,
	Rules,
	SectionEdits,
	Settings,
	SettingsInput,
	Task,
} from "./wasm/curator_wasm";

let ready = false;

/** Instantiates the WebAssembly module from the bytes inlined in main.js; later calls do nothing. */
export function loadWasm(): void {
	if (ready) return;
	initSync({ module: wasmBytes });
	ready = true;
}

function assertReady(): void {
	if (!ready) throw new Error("Vault Curator: the engine is used before loadWasm()");
}

/** Settings with every missing field filled with its default. Throws on a field of the wrong type. */
export function completeSettings(input: SettingsInput | null | undefined): Settings {
	assertReady();
	if (input === null || input === undefined) return defaultSettings();
	const curator = new Curator(input);
	try {
		return curator.settings();
	} finally {
		curator.free();
	}
}

/** Every rule of the engine, in the order it runs (name, settings key, default, title, description). */
export function rules(): RuleInfo[] {
	assertReady();
	return rulesWasm();
}

/** Where the vault's own settings declare templates: `[settings file, JSON key]` pairs. */
export function templateSettings(): [string, string][] {
	assertReady();
	return templateSettingsWasm();
}

/** `text` with `edits` (JS string offsets) applied. Throws when edits overlap or lie outside it. */
export function applyEdits(text: string, edits: Edit[]): string {
	assertReady();
	return applyEditsWasm(text, edits);
}

/** The engine and its vault index. Note problems come back as `error` values, never thrown. */
export class Engine {
	private curator: Curator;

	constructor(settings: SettingsInput) {
		assertReady();
		this.curator = new Curator(settings);
	}

	/** Replaces the settings and empties the index: upsert every note again afterwards. */
	setSettings(settings: SettingsInput): void {
		this.curator.setSettings(settings);
	}

	/** The settings in use, every field present. */
	settings(): Settings {
		return this.curator.settings();
	}

	/** Adds or replaces a note in the index. */
	upsert(path: string, text: string): void {
		this.curator.upsertNote(path, text);
	}

	/** Forgets a note. */
	remove(path: string): void {
		this.curator.removeNote(path);
	}

	/** Moves a note in the index. */
	rename(oldPath: string, newPath: string, text: string): void {
		this.curator.renameNote(oldPath, newPath, text);
	}

	/** How many notes the index holds. */
	noteCount(): number {
		return this.curator.noteCount();
	}

	/** What fixing the note would do; edits are against `text`. */
	check(path: string, text: string): NoteReport {
		return this.curator.check(path, text);
	}

	/** The note fixed until stable (`text` is null when nothing changes). */
	fix(path: string, text: string): FixResult {
		return this.curator.fix(path, text);
	}

	/** The note's tasks. */
	tasks(path: string, text: string): Task[] {
		return this.curator.tasks(path, text);
	}

	/** Edits updating the open-tasks section of each opted-in person note among `notes` (the whole vault). */
	sectionEdits(notes: NoteText[]): SectionEdits[] {
		return this.curator.sectionEdits(notes);
	}

	/** The note's person and organisation mentions, resolved. */
	mentions(path: string, text: string): Mention[] {
		return this.curator.mentions(path, text);
	}

	/** Review items about the vault as a whole. */
	vaultReview(): ReviewItem[] {
		return this.curator.vaultReview();
	}

	/** Releases the WebAssembly memory held by the index. */
	free(): void {
		this.curator.free();
	}
}
