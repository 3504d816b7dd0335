/**
 * Enriching a note open in an editor: the engine's edits applied as editor transactions, so
 * the cursor stays on the same text, the selection and scroll stay, and each pass is one step
 * of the editor's undo history.
 */
import type { Editor } from "obsidian";
import type { NoteError, RemoteApi } from "../engine";

/** The short names of the rules behind `changes` ("frontmatter.dates" → "dates"), first use first. */
export function ruleNames(changes: { rule: string }[]): string[] {
	return [...new Set(changes.map((c) => c.rule.split(".").pop() ?? c.rule))];
}

/** Check-and-apply rounds before giving up on reaching a stable note. */
const MAX_PASSES = 4;

/** What enriching an editor's note did. */
export interface EditorOutcome {
	/** Set when the note cannot be edited; nothing was changed. */
	error: NoteError | null;
	/** Edits applied over all passes. */
	count: number;
	/** Short names of the rules that applied them, first use first. */
	rules: string[];
	/** True when the buffer kept changing while it was checked, so edits were left out. */
	busy: boolean;
	/** The text the first edits were applied to, and the text after the last (null when nothing changed). */
	change: { before: string; after: string } | null;
}

/**
 * Applies the engine's edits to the editor's text as editor transactions, re-checking until
 * stable. Edits are applied only to the text they were computed for: when the buffer changed
 * while the engine was checking it, that pass is checked again. `shows` says whether the
 * editor still shows the note at `path` (a view's editor is reused for the next note opened
 * in it): once it does not, nothing more is applied.
 */
export async function enrichEditor(engine: RemoteApi, path: string, editor: Editor, shows: () => boolean): Promise<EditorOutcome> {
	const outcome: EditorOutcome = { error: null, count: 0, rules: [], busy: false, change: null };
	let before: string | null = null;
	let after: string | null = null;
	for (let pass = 0; pass < MAX_PASSES && shows(); pass++) {
		const text = editor.getValue();
		const report = await engine.edits(path, text);
		if (!shows()) break;
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
		before ??= text;
		editor.transaction({
			changes: report.edits.map((edit) => ({
				from: editor.offsetToPos(edit.start),
				to: editor.offsetToPos(edit.end),
				text: edit.replacement,
			})),
		});
		after = editor.getValue();
		outcome.count += report.edits.length;
		for (const rule of ruleNames(report.edits)) if (!outcome.rules.includes(rule)) outcome.rules.push(rule);
	}
	if (before !== null && after !== null) outcome.change = { before, after };
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
