/**
 * "Normalize frontmatter in folder…": pick a folder, preview every note's diff, apply.
 *
 * Applying writes through `Vault.process`, and only when the note still holds the text the
 * preview was computed from: a note edited in between is skipped, never overwritten.
 */
import { App, Command, Notice, TFile, TFolder } from "obsidian";
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

/** Writes each fix whose note is unchanged since the plan was made. */
export async function applyPlan(app: App, plan: FolderPlan): Promise<ApplyResult> {
	const result: ApplyResult = { written: [], skipped: [] };
	for (const fix of plan.fixes) {
		let written = false;
		await app.vault.process(fix.file, (current) => {
			written = current === fix.original;
			return written ? fix.fixed : current;
		});
		(written ? result.written : result.skipped).push(fix.file.path);
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

async function normalizeFolder(host: CuratorHost, folder: TFolder): Promise<void> {
	const { app } = host;
	const name = folder.isRoot() ? "the vault" : folder.path;
	const plan = await planFolder(host, folder);
	if (plan.fixes.length === 0) {
		const errors = plan.errors.length;
		new Notice(errors === 0 ? `Nothing to fix in ${name}` : `Nothing to fix in ${name}; ${errors} ${errors === 1 ? "note has" : "notes have"} errors`);
		return;
	}
	new PreviewModal(
		app,
		name,
		plan,
		guardedAsync("applying the fixes", async () => {
			new Notice(applySummary(await applyPlan(app, plan)));
		}),
	).open();
}

export function normalizeFolderCommand(host: CuratorHost): Command {
	return {
		id: "normalize-folder",
		name: "Normalize frontmatter in folder…",
		callback: () => {
			new FolderSuggestModal(host.app, guarded("normalizing the folder", (folder: TFolder) => normalizeFolder(host, folder))).open();
		},
	};
}
