import type { Plugin } from "obsidian";
import type { Indexer } from "./indexer";

/** What commands need from the plugin. */
export interface CuratorHost extends Plugin {
	readonly indexer: Indexer;
	/** Opens (or reveals) the side view of `viewType`. */
	activateView(viewType: string): Promise<void>;
}
