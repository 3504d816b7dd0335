/**
 * "Update open tasks and meetings sections": in each person note holding the open-tasks or the
 * meetings marker comments, the engine lists the person's open tasks, or the meetings that name
 * them, between the markers and touches nothing else.
 *
 * Writes go through `Vault.process`, and only when the note still holds the text the update was
 * computed from: a note edited in between is skipped, never overwritten.
 */
import { Command, Notice } from "obsidian";
import type { CuratorHost } from "../host";

/** What one run did. */
export interface SectionsResult {
	written: string[];
	/** Notes changed while the sections were computed, left as they are. */
	skipped: string[];
}

/** Updates every opted-in person note's sections from the tasks and meetings of the whole vault. */
export async function updateOpenTasksSections(host: CuratorHost): Promise<SectionsResult> {
	const { vault } = host.app;
	await host.indexer.idle();
	const result: SectionsResult = { written: [], skipped: [] };
	for (const update of await host.engine.sectionUpdates()) {
		const file = vault.getFileByPath(update.path);
		if (!file) continue;
		let written = false;
		await vault.process(file, (current) => {
			written = current === update.original;
			return written ? update.text : current;
		});
		(written ? result.written : result.skipped).push(update.path);
	}
	return result;
}

function summary(result: SectionsResult): string {
	const n = result.written.length;
	const updated = n === 0 ? "Sections are up to date" : `Updated ${n} ${n === 1 ? "note's sections" : "notes' sections"}`;
	if (result.skipped.length === 0) return updated;
	return `${updated}; skipped ${result.skipped.length} changed meanwhile: ${result.skipped.join(", ")}`;
}

export function updateOpenTasksSectionsCommand(host: CuratorHost): Command {
	return {
		id: "update-open-tasks-sections",
		name: "Update open tasks and meetings sections",
		callback: async () => {
			await host.whenReady();
			const { openTasksSection, meetingsSection } = host.settings.rules;
			if (!openTasksSection && !meetingsSection) {
				new Notice("Turn on keeping open tasks or meetings sections in the settings first.");
				return;
			}
			new Notice(summary(await updateOpenTasksSections(host)));
		},
	};
}
