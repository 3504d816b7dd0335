/** "Undo last enrichment": the newest run of the undo journal, whoever wrote it, undone. */
import type { Command } from "obsidian";
import type { CuratorHost } from "../host";
import type { UndoOutcome } from "../journal";

/** Who wrote a run, in words. */
const WRITERS: Record<string, string> = {
	enrich: "automatic enrichment",
	plugin: "a command",
	cli: "curator fix",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The Notice text after undoing (null: nothing to undo). */
export function undoSummary(outcome: UndoOutcome | null): string {
	if (!outcome) return "Nothing to undo: nothing has written notes in this vault";
	const { run, restored, refused } = outcome;
	const when = new Date(run.time).toLocaleString();
	const lines = [`Undid ${WRITERS[run.source] ?? run.source} of ${when}: restored ${plural(restored.length, "note", "notes")}.`];
	for (const { path, why } of refused) lines.push(`Left alone: ${path}, ${why}.`);
	return lines.join("\n");
}

export function undoLastCommand(host: CuratorHost): Command {
	return {
		id: "undo-last-enrichment",
		name: "Undo last enrichment",
		callback: () => host.undoLast(),
	};
}
