/**
 * The one place the plugin writes notes. A write replaces a text the caller read with a new
 * one, and only while the note still holds what was read: through the editor when the note is
 * open in one (a single transaction over the part that changed, so the cursor, selection,
 * scroll and undo history stay), else through `Vault.process`, which re-reads the file. A note
 * changed in between is never overwritten.
 *
 * It also remembers what it wrote, so that the vault's `modify` event for the plugin's own
 * write is recognised (no loops), and the texts it replaced and those an undo wrote back: a
 * note that returns to one of them was put back on purpose (an undo here or by `curator
 * undo`, the editor's own undo), and automatic enrichment leaves it as the person wants it.
 */
import { App, Editor, MarkdownView, TFile } from "obsidian";

/** How many notes' put-back texts are remembered. */
const REMEMBERED = 500;

/** What a write is for. */
export interface WriteOptions {
	/** An undo writes the text back: automatic enrichment must leave it alone. */
	restoring?: boolean;
}

/** The editor a note is open in, if any. */
export function editorOf(app: App, path: string): { view: MarkdownView; editor: Editor } | null {
	for (const leaf of app.workspace.getLeavesOfType("markdown")) {
		const view = leaf.view;
		if (view instanceof MarkdownView && view.file?.path === path) return { view, editor: view.editor };
	}
	return null;
}

/**
 * Replaces the editor's text `from` with `to` in one transaction over the part that differs
 * (the common beginning and end stay, and so does a cursor in them).
 */
export function replaceInEditor(editor: Editor, from: string, to: string): void {
	let start = 0;
	const shorter = Math.min(from.length, to.length);
	while (start < shorter && from.charCodeAt(start) === to.charCodeAt(start)) start++;
	let end = 0;
	while (end < shorter - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
	editor.transaction({
		changes: [{ from: editor.offsetToPos(start), to: editor.offsetToPos(from.length - end), text: to.slice(start, to.length - end) }],
	});
}

/** Writes notes for the plugin. */
export class NoteWriter {
	/** The last text the plugin wrote to each note, until the vault reports it back. */
	private readonly written = new Map<string, string>();
	/** Per note, the text a write replaced or an undo wrote back. */
	private readonly putBack = new Map<string, string>();

	constructor(private readonly app: App) {}

	/** The note's text now: its editor's buffer when open in one, else the file's; null when gone. */
	async currentText(path: string): Promise<string | null> {
		const open = editorOf(this.app, path);
		if (open) return open.editor.getValue();
		const file = this.app.vault.getFileByPath(path);
		return file ? this.app.vault.read(file) : null;
	}

	/**
	 * Writes `next` in place of `expected`; false (and nothing written) when the note no longer
	 * holds `expected` or is gone.
	 */
	async replace(path: string, expected: string, next: string, options: WriteOptions = {}): Promise<boolean> {
		const open = editorOf(this.app, path);
		let done = false;
		if (open) {
			if (open.editor.getValue() !== expected) return false;
			replaceInEditor(open.editor, expected, next);
			done = true;
			await open.view.save();
		} else {
			const file = this.app.vault.getFileByPath(path);
			if (!(file instanceof TFile)) return false;
			this.written.set(path, next);
			await this.app.vault.process(file, (current) => {
				done = current === expected;
				return done ? next : current;
			});
			if (!done) this.written.delete(path);
		}
		if (done) this.remember(path, options.restoring ? next : expected);
		return done;
	}

	/**
	 * True when `text` is what the plugin itself last wrote to the note (the vault reporting
	 * the plugin's own write); the record is used up.
	 */
	isOwnWrite(path: string, text: string): boolean {
		if (this.written.get(path) !== text) return false;
		this.written.delete(path);
		return true;
	}

	/**
	 * True when the note holds the text the plugin's last write to it replaced, or the text an
	 * undo wrote back: it was put back on purpose, and stays as it is.
	 */
	wasPutBack(path: string, text: string): boolean {
		return this.putBack.get(path) === text;
	}

	/**
	 * Remembers `text` as put back if the note returns to it: the text a write replaced (also
	 * for writes made through the editor's own transactions) or an undo wrote.
	 */
	remember(path: string, text: string): void {
		this.putBack.delete(path);
		this.putBack.set(path, text);
		if (this.putBack.size > REMEMBERED) {
			const oldest = this.putBack.keys().next().value;
			if (oldest !== undefined) this.putBack.delete(oldest);
		}
	}
}
