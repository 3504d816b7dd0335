import { App } from "obsidian";
import { editorOf } from "./note-writer";

/** Opens the note at `path` with the cursor on 1-based `line` (the note's top when null). */
export async function openNoteAtLine(app: App, path: string, line: number | null): Promise<void> {
	const eState = line === null ? undefined : { line: Math.max(0, line - 1) };
	await app.workspace.openLinkText(path, "", false, { active: true, eState });
}

/**
 * Opens the note at `path` on 1-based `line` with `written` selected at `start`–`end` (JS
 * string indices); when the note no longer holds `written` there, at the line only.
 */
export async function openNoteAtSpan(app: App, path: string, line: number, start: number, end: number, written: string): Promise<void> {
	await openNoteAtLine(app, path, line);
	const editor = editorOf(app, path)?.editor;
	if (!editor || editor.getValue().slice(start, end) !== written) return;
	editor.setSelection(editor.offsetToPos(start), editor.offsetToPos(end));
	editor.scrollIntoView({ from: editor.offsetToPos(start), to: editor.offsetToPos(end) }, true);
}
