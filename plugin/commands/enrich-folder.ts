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
	/** Of `written`, the notes fixed again after the first writes because they read what those changed. */
	followed: string[];
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

/** How many times fixing is repeated after the first writes, as `curator fix` settles a vault. */
const SETTLE_ROUNDS = 3;

/**
 * Writes each fix whose note is unchanged since the plan was made, and records them as one run.
 *
 * With `settle`, the notes of that folder are then fixed again, as `curator fix` does, until
 * nothing more changes (at most `SETTLE_ROUNDS` times): a fix can change what another note
 * reads (a filled participants placeholder now links a person, whose `last_contact` moves), so
 * the vault ends as one `curator fix` leaves it. A note the user left out is never written.
 */
export async function applyFixes(
	host: CuratorHost,
	fixes: PlannedFix[],
	settle?: { folder: TFolder; leftOut: ReadonlySet<string> },
): Promise<ApplyResult> {
	const result: ApplyResult = { written: [], followed: [], skipped: [] };
	const run = host.journal.begin("plugin");
	const write = async (batch: PlannedFix[], followOn: boolean): Promise<number> => {
		let wrote = 0;
		for (const fix of batch) {
			const path = fix.file.path;
			if (await host.writer.replace(path, fix.original, fix.fixed)) {
				wrote += 1;
				if (!result.written.includes(path)) {
					result.written.push(path);
					if (followOn) result.followed.push(path);
				}
				await run.add([{ path, before: fix.original, after: fix.fixed }]);
			} else if (!result.skipped.includes(path)) {
				result.skipped.push(path);
			}
		}
		return wrote;
	};
	let wrote = await write(fixes, false);
	for (let round = 0; settle && wrote > 0 && round < SETTLE_ROUNDS; round++) {
		const next = await planFolder(host, settle.folder);
		wrote = await write(next.fixes.filter((fix) => !settle.leftOut.has(fix.file.path) && !result.skipped.includes(fix.file.path)), true);
	}
	return result;
}

/** The Notice text after applying. */
export function applySummary(result: ApplyResult): string {
	const count = (n: number) => `${n} ${n === 1 ? "note" : "notes"}`;
	const followed = result.followed.length;
	let summary = `Fixed ${count(result.written.length - followed)}`;
	if (followed > 0) summary += `, then ${count(followed)} that ${followed === 1 ? "reads" : "read"} them: ${result.followed.join(", ")}`;
	if (result.skipped.length === 0) return summary;
	return `${summary}; skipped ${result.skipped.length} changed since the preview: ${result.skipped.join(", ")}`;
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
			const keptPaths = new Set(kept.map((fix) => fix.file.path));
			const leftOut = new Set(plan.fixes.map((fix) => fix.file.path).filter((path) => !keptPaths.has(path)));
			new Notice(applySummary(await applyFixes(host, kept, { folder, leftOut })));
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
