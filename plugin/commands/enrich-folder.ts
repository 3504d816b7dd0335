/**
 * "Enrich folder…", "Enrich vault…" and the older "Normalize frontmatter in folder…": every
 * note's fix previewed as a diff, the user leaves out the notes they do not want, then Apply.
 *
 * Applying writes through the plugin's note writer (the editor when the note is open, else
 * `Vault.process`), and only when the note still holds the text the preview was computed from:
 * a note edited in between is skipped, never overwritten. What was written is one run of the
 * undo journal.
 */
import { Command, Notice, TFile, TFolder } from "obsidian";
import type { AppliedChange, NoteError } from "../engine";
import { guarded, guardedAsync } from "../errors";
import type { CuratorHost } from "../host";
import { FolderSuggestModal } from "../views/folder-suggest";
import { PreviewModal } from "../views/preview-modal";

/** A note's fix, computed against `original`. */
export interface PlannedFix {
	file: TFile;
	original: string;
	fixed: string;
	changes: AppliedChange[];
}

/** Every fix for the notes of a folder, and the notes that cannot be fixed. */
export interface FolderPlan {
	fixes: PlannedFix[];
	errors: NoteError[];
}

/** What applying a plan did. */
export interface ApplyResult {
	written: string[];
	/** Notes changed since the preview, left as they are. */
	skipped: string[];
}

function inFolder(file: TFile, folder: TFolder): boolean {
	return folder.isRoot() || file.path.startsWith(`${folder.path}/`);
}

/** Computes the fix of every markdown note under `folder` (subfolders included). */
export async function planFolder(host: CuratorHost, folder: TFolder): Promise<FolderPlan> {
	const { app, engine } = host;
	await host.whenReady();
	await host.indexer.idle();
	const plan: FolderPlan = { fixes: [], errors: [] };
	const files = app.vault.getMarkdownFiles().filter((file) => inFolder(file, folder));
	files.sort((a, b) => a.path.localeCompare(b.path));
	for (const file of files) {
		const original = await app.vault.read(file);
		const result = await engine.fix(file.path, original);
		if (result.error) plan.errors.push(result.error);
		else if (result.text !== null) plan.fixes.push({ file, original, fixed: result.text, changes: result.applied });
	}
	return plan;
}

/** Writes each fix whose note is unchanged since the plan was made, and records them as one run. */
export async function applyFixes(host: CuratorHost, fixes: PlannedFix[]): Promise<ApplyResult> {
	const result: ApplyResult = { written: [], skipped: [] };
	const run = host.journal.begin("plugin");
	for (const fix of fixes) {
		const path = fix.file.path;
		if (await host.writer.replace(path, fix.original, fix.fixed)) {
			result.written.push(path);
			await run.add([{ path, before: fix.original, after: fix.fixed }]);
		} else {
			result.skipped.push(path);
		}
	}
	return result;
}

/** The Notice text after applying. */
export function applySummary(result: ApplyResult): string {
	const n = result.written.length;
	const fixed = `Fixed ${n} ${n === 1 ? "note" : "notes"}`;
	if (result.skipped.length === 0) return fixed;
	return `${fixed}; skipped ${result.skipped.length} changed since the preview: ${result.skipped.join(", ")}`;
}

/** Plans `folder`, shows the preview titled `verb` + the folder's name, applies what the user keeps. */
async function previewFolder(host: CuratorHost, folder: TFolder, verb: string): Promise<void> {
	const name = folder.isRoot() ? "the vault" : folder.path;
	const plan = await planFolder(host, folder);
	if (plan.fixes.length === 0) {
		const errors = plan.errors.length;
		new Notice(errors === 0 ? `Nothing to fix in ${name}` : `Nothing to fix in ${name}; ${errors} ${errors === 1 ? "note has" : "notes have"} errors`);
		return;
	}
	new PreviewModal(
		host.app,
		`${verb} ${name}`,
		plan,
		guardedAsync("applying the fixes", async (kept: PlannedFix[]) => {
			new Notice(applySummary(await applyFixes(host, kept)));
		}),
	).open();
}

/** A command that asks for a folder, then previews its fixes. */
function folderCommand(host: CuratorHost, id: string, name: string, verb: string, placeholder: string): Command {
	return {
		id,
		name,
		callback: () => {
			new FolderSuggestModal(
				host.app,
				guarded("enriching the folder", (folder: TFolder) => previewFolder(host, folder, verb)),
				placeholder,
			).open();
		},
	};
}

export function enrichFolderCommand(host: CuratorHost): Command {
	return folderCommand(host, "enrich-folder", "Enrich folder…", "Enrich", "Choose a folder to enrich");
}

export function normalizeFolderCommand(host: CuratorHost): Command {
	return folderCommand(host, "normalize-folder", "Normalize frontmatter in folder…", "Normalize frontmatter in", "Choose a folder to normalize");
}

export function enrichVaultCommand(host: CuratorHost): Command {
	return {
		id: "enrich-vault",
		name: "Enrich vault…",
		callback: guarded("enriching the vault", () => previewFolder(host, host.app.vault.getRoot(), "Enrich")),
	};
}
