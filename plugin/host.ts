import type { Plugin } from "obsidian";
import type { RemoteApi, Settings } from "./engine";
import type { Indexer } from "./indexer";
import type { Journal } from "./journal";
import type { NoteWriter } from "./note-writer";
import type { PluginOptions } from "./settings";

/** What commands and views need from the plugin. */
export interface CuratorHost extends Plugin {
	/** The engine: every request returns a promise. */
	readonly engine: RemoteApi;
	readonly indexer: Indexer;
	/** The one place notes are written. */
	readonly writer: NoteWriter;
	/** The settings in use (loaded once `whenReady` resolves). */
	settings: Settings;
	/** The plugin's own options (loaded with the settings). */
	options: PluginOptions;
	/** The undo journal (once `whenReady` resolves). */
	readonly journal: Journal;
	/** The last result each view rendered, by view type: a reopened view shows it at once. */
	readonly lastKnown: Map<string, unknown>;
	/** Resolves once the engine runs and the settings are loaded; rejects when it cannot start. */
	whenReady(): Promise<void>;
	/** Opens (or reveals) the side view of `viewType`. */
	activateView(viewType: string): Promise<void>;
	/** Undoes the newest run of the undo journal and says what it did. */
	undoLast(): Promise<void>;
}
