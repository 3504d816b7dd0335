import type { Plugin } from "obsidian";
import type { RemoteApi, Settings } from "./engine";
import type { Indexer } from "./indexer";

/** What commands and views need from the plugin. */
export interface CuratorHost extends Plugin {
	/** The engine: every request returns a promise. */
	readonly engine: RemoteApi;
	readonly indexer: Indexer;
	/** The settings in use (loaded once `whenReady` resolves). */
	settings: Settings;
	/** The last result each view rendered, by view type: a reopened view shows it at once. */
	readonly lastKnown: Map<string, unknown>;
	/** Resolves once the engine runs and the settings are loaded; rejects when it cannot start. */
	whenReady(): Promise<void>;
	/** Opens (or reveals) the side view of `viewType`. */
	activateView(viewType: string): Promise<void>;
}
