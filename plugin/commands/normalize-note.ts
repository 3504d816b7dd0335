/** "Normalize frontmatter of current note": the engine's edits applied through the editor. */
import { Command, Editor, MarkdownFileInfo, MarkdownView, Notice } from "obsidian";
import type { NoteError, RemoteApi } from "../engine";
import { guardedAsync } from "../errors";
import type { CuratorHost } from "../host";

/** Check-and-apply rounds before giving up on reaching a stable note. */
const MAX_PASSES = 4;

/** What normalizing an editor's note did. */
export interface EditorOutcome {
	/** Set when the note cannot be edited; nothing was changed. */
	error: NoteError | null;
	/** Edits applied over all passes. */
	count: number;
	/** Short names of the rules that applied them, first use first. */
	rules: string[];
	/** True when the buffer kept changing while it was checked, so edits were left out. */
	busy: boolean;
}

/**
 * Applies the engine's edits to the editor's text as editor transactions (so the cursor stays
 * on the same text and the change is one undo step per pass), re-checking until stable. Edits
 * are applied only to the text they were computed for: when the buffer changed while the
 * engine was checking it, that pass is checked again.
 */
export async function normalizeEditor(engine: RemoteApi, path: string, editor: Editor): Promise<EditorOutcome> {
	const outcome: EditorOutcome = { error: null, count: 0, rules: [], busy: false };
	for (let pass = 0; pass < MAX_PASSES; pass++) {
		const text = editor.getValue();
		const report = await engine.check(path, text);
		if (editor.getValue() !== text) {
			outcome.busy = true;
			continue;
		}
		outcome.busy = false;
		if (report.error) {
			if (pass === 0 || outcome.count === 0) outcome.error = report.error;
			break;
		}
		if (report.edits.length === 0) break;
		editor.transaction({
			changes: report.edits.map((edit) => ({
				from: editor.offsetToPos(edit.start),
				to: editor.offsetToPos(edit.end),
				text: edit.replacement,
			})),
		});
		outcome.count += report.edits.length;
		for (const edit of report.edits) {
			const rule = edit.rule.split(".").pop() ?? edit.rule;
			if (!outcome.rules.includes(rule)) outcome.rules.push(rule);
		}
	}
	return outcome;
}

/** The Notice text for an outcome: "2 fixes: dates, tags", "Nothing to fix" or the error. */
export function summarize(outcome: EditorOutcome): string {
	if (outcome.error) {
		const where = outcome.error.line === null ? "" : ` (line ${outcome.error.line})`;
		return `Not changed${where}: ${outcome.error.message}`;
	}
	if (outcome.busy && outcome.count === 0) return "Not changed: the note kept changing while it was checked; run the command again";
	if (outcome.count === 0) return "Nothing to fix";
	return `${outcome.count} ${outcome.count === 1 ? "fix" : "fixes"}: ${outcome.rules.join(", ")}`;
}

export function normalizeNoteCommand(host: CuratorHost): Command {
	return {
		id: "normalize-current-note",
		name: "Normalize frontmatter of current note",
		editorCheckCallback: (checking: boolean, editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => {
			const file = ctx.file;
			if (!file) return false;
			if (!checking) {
				void guardedAsync("normalizing the note", async () => {
					await host.whenReady();
					new Notice(summarize(await normalizeEditor(host.engine, file.path, editor)));
				})();
			}
			return true;
		},
	};
}
