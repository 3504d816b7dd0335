/** "Rebuild index": the engine forgets every note and reads the vault again from disk. */
import { Command, Notice } from "obsidian";
import { guardedAsync } from "../errors";
import type { CuratorHost } from "../host";

export function rebuildIndexCommand(host: CuratorHost): Command {
	return {
		id: "rebuild-index",
		name: "Rebuild index",
		callback: guardedAsync("rebuilding the index", async () => {
			await host.whenReady();
			await host.indexer.reload(host.settings);
			const count = await host.engine.noteCount();
			new Notice(`Rebuilt the index: ${count} ${count === 1 ? "note" : "notes"}`);
		}),
	};
}
