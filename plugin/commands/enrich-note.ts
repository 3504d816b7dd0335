/**
 * "Enrich current note" (everything safe at once) and its older name, "Normalize frontmatter
 * of current note": the engine's edits applied through the editor, recorded in the undo
 * journal.
 */
import { Command, Editor, MarkdownFileInfo, MarkdownView, Notice } from "obsidian";
import { enrichEditor, summarize } from "../enrich/editor";
import { guardedAsync } from "../errors";
import type { CuratorHost } from "../host";

/** Enriches the note `path` open in `editor` (while `shows` holds) and records the change. */
async function enrichCurrent(host: CuratorHost, path: string, editor: Editor, shows: () => boolean): Promise<void> {
	await host.whenReady();
	const outcome = await enrichEditor(host.engine, path, editor, shows);
	if (outcome.change) {
		host.writer.remember(path, outcome.change.before);
		await host.journal.record("plugin", [{ path, ...outcome.change }]);
	}
	new Notice(summarize(outcome));
}

function currentNoteCommand(host: CuratorHost, id: string, name: string): Command {
	return {
		id,
		name,
		editorCheckCallback: (checking: boolean, editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => {
			const file = ctx.file;
			if (!file) return false;
			if (!checking) void guardedAsync("enriching the note", () => enrichCurrent(host, file.path, editor, () => ctx.file === file))();
			return true;
		},
	};
}

export function enrichNoteCommand(host: CuratorHost): Command {
	return currentNoteCommand(host, "enrich-current-note", "Enrich current note");
}

export function normalizeNoteCommand(host: CuratorHost): Command {
	return currentNoteCommand(host, "normalize-current-note", "Normalize frontmatter of current note");
}
