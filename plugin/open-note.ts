import { App } from "obsidian";

/** Opens the note at `path` with the cursor on 1-based `line` (the note's top when null). */
export async function openNoteAtLine(app: App, path: string, line: number | null): Promise<void> {
	const eState = line === null ? undefined : { line: Math.max(0, line - 1) };
	await app.workspace.openLinkText(path, "", false, { active: true, eState });
}
