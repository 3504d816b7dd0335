/**
 * What each answer in the review queue does. Answers about a name are remembered in the
 * settings (`accepted`, `rejected`, `notNames` in data.json, which `curator` reads too), and the
 * engine settles every occurrence of the name from them without reading the vault again;
 * "someone new" creates the person's note in the vault's people-note layout and links it from
 * the first plain mention in each note that named them, as an undoable write; "mark reviewed"
 * takes `needs-review` off a note through `Vault.process`, so an edit made meanwhile is kept;
 * "keep" settles a person's company tag and table that disagree, as an undoable write.
 * Accepting a name can also add it to the chosen note's `aliases` (when the person ticks the
 * offer): an edit of the engine's, written only over the text it was computed from and
 * recorded in the undo journal. "Merge" shows what merging a likely duplicate person changes
 * and, once confirmed, writes every note (each only over the text the merge was computed from),
 * records them as one undo run, and trashes the merged note only when all of that went through.
 */
import { App, Notice, TFile } from "obsidian";
import type { Action, Candidate, DecisionCard, KeepCompany, NoteWrite, Resolution } from "../engine";
import type { CuratorHost } from "../host";
import { openNoteAtLine } from "../open-note";
import { titleOf } from "./format";
import { confirmMerge } from "./merge-modal";
import type { AnswerOptions } from "./review-card";

/** Where review answers are recorded (the plugin). */
export interface ReviewAnswers {
	recordResolution(answer: "accepted" | "rejected", resolution: Resolution): Promise<void>;
	recordNotAName(name: string): Promise<void>;
	/** The queue changed without the vault changing (an answer was recorded). */
	reviewChanged(): void;
}

/** The host the answers need. */
export type AnswerHost = CuratorHost & ReviewAnswers;

/** Does `action` for `card` (`candidate`: the one picked, for accept and pick). */
export async function answer(app: App, host: AnswerHost, card: DecisionCard, action: Action, candidate?: Candidate, options?: AnswerOptions): Promise<void> {
	const name = card.name ?? "";
	const chosen = candidate ?? card.candidates[0];
	switch (action) {
		case "accept":
		case "pick":
			if (!chosen) return;
			await host.recordResolution("accepted", { text: name, entity: chosen.name });
			if (options?.alias) await addAlias(host, chosen.name, name);
			return;
		case "not_this_person":
			if (chosen) await host.recordResolution("rejected", { text: name, entity: chosen.name });
			return;
		case "not_a_name":
			await host.recordNotAName(name);
			return;
		case "someone_new":
			await createPersonNote(app, host, card);
			return;
		case "mark_reviewed":
			for (const path of card.paths) await markReviewed(app, host, path);
			return;
		case "keep_tag":
		case "keep_table":
			for (const path of card.paths) await keepCompany(host, path, action === "keep_tag" ? "tag" : "table");
			return;
		case "merge":
			await mergeDuplicate(app, host, card);
			return;
		case "open": {
			const first = card.occurrences[0];
			if (first) await openNoteAtLine(app, first.path, first.line);
			return;
		}
		case "skip":
			return;
	}
}

/**
 * Creates the note of someone new (the card's name), then links it from the first plain mention
 * in each note the card is about: each note is written only over the text the link was computed
 * from (one changed meanwhile is left alone and named), and the links are one undo run, which
 * "Undo last enrichment" takes back (the created note stays).
 */
async function createPersonNote(app: App, host: AnswerHost, card: DecisionCard): Promise<void> {
	const name = card.name ?? "";
	await host.indexer.idle();
	const note = await host.engine.personNote(name);
	if (!note) {
		new Notice(`Vault Curator: no note was created: "${name}" cannot be a file name, or a note of that name exists.`);
		return;
	}
	// Asked before the note exists: once it is indexed, the decision is settled and names no notes.
	const links = await host.engine.linkBack(card.group, titleOf(note.path));
	const folder = note.path.includes("/") ? note.path.slice(0, note.path.lastIndexOf("/")) : "";
	if (folder && !app.vault.getAbstractFileByPath(folder)) await app.vault.createFolder(folder);
	await app.vault.create(note.path, note.text);
	const written: NoteWrite[] = [];
	const skipped = links.skipped.map(([path, why]) => `${path} (${why})`);
	for (const update of links.notes) {
		if (await host.writer.replace(update.path, update.original, update.text)) written.push({ path: update.path, before: update.original, after: update.text });
		else skipped.push(`${update.path} (changed meanwhile)`);
	}
	if (written.length > 0) await host.journal.record("plugin", written);
	const linked = written.length > 0 ? ` Linked from ${written.length === 1 ? "1 note" : `${written.length} notes`} (Undo last enrichment takes the links back).` : "";
	const left = skipped.length > 0 ? ` Not linked: ${skipped.join("; ")}.` : "";
	new Notice(`Vault Curator: created ${note.path}, tagged needs-review.${linked}${left}`);
}

/**
 * Makes the company tag and table of the person at `path` agree, keeping `keep`; the write is
 * made only over the text read, and recorded in the undo journal.
 */
async function keepCompany(host: AnswerHost, path: string, keep: KeepCompany): Promise<void> {
	const text = await host.writer.currentText(path);
	if (text === null) return;
	const next = await host.engine.keepCompany(path, text, keep);
	if (next === null) return;
	if (await host.writer.replace(path, text, next)) await host.journal.record("plugin", [{ path, before: text, after: next }]);
	else new Notice(`Vault Curator: ${path} changed meanwhile: nothing was written.`);
}

/** Takes `needs-review` off the note at `path`, re-checking the note's text as it is written. */
async function markReviewed(app: App, host: AnswerHost, path: string): Promise<void> {
	const file = app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) return;
	const text = await app.vault.read(file);
	const next = await host.engine.markReviewed(path, text);
	if (next === null) return;
	await app.vault.process(file, (current) => (current === text ? next : current));
}

/**
 * Adds `alias` to the `aliases` of `entity`'s note (nothing when it is there already, in any
 * case), in the list's own style, only over the text the edit was computed from, and records
 * the write in the undo journal.
 */
export async function addAlias(host: AnswerHost, entity: string, alias: string): Promise<void> {
	await host.indexer.idle();
	const update = await host.engine.aliasUpdate(entity, alias);
	if (update === null) return;
	if (!(await host.writer.replace(update.path, update.original, update.text))) {
		new Notice(`Vault Curator: ${update.path} changed meanwhile; "${alias}" was not added to its aliases.`);
		return;
	}
	await host.journal.record("plugin", [{ path: update.path, before: update.original, after: update.text }]);
	new Notice(`Vault Curator: added "${alias}" to the aliases of ${entity}.`);
}

/**
 * Merges the likely duplicate of `card` into the note kept, once the person confirmed: every
 * note is written only over the text the merge was computed from (a note changed meanwhile is
 * skipped and named), the writes are one undo run, and the merged note goes to the trash only
 * when every write went through and it still holds the text merged.
 */
async function mergeDuplicate(app: App, host: AnswerHost, card: DecisionCard): Promise<void> {
	await host.indexer.idle();
	let plan;
	try {
		plan = await host.engine.mergePlan(card.group);
	} catch (e) {
		new Notice(`Vault Curator: nothing was merged: ${e instanceof Error ? e.message : String(e)}`);
		return;
	}
	if (plan === null || !(await confirmMerge(app, plan))) return;
	const written: NoteWrite[] = [];
	const skipped: string[] = [];
	for (const note of plan.notes) {
		if (await host.writer.replace(note.path, note.original, note.text)) written.push({ path: note.path, before: note.original, after: note.text });
		else skipped.push(note.path);
	}
	await host.journal.record("plugin", written);
	const gone = app.vault.getFileByPath(plan.gone);
	if (gone && (await host.writer.currentText(plan.gone)) !== plan.goneText) skipped.push(plan.gone);
	if (skipped.length > 0) {
		new Notice(`Vault Curator: ${skipped.join(", ")} changed meanwhile and ${skipped.length === 1 ? "was" : "were"} left alone, so ${plan.gone} was not moved to the trash. Answer the card again to finish the merge.`);
		return;
	}
	if (gone) await app.fileManager.trashFile(gone);
	new Notice(`Vault Curator: merged ${plan.gone} into ${plan.keep}; ${plan.gone} is in the trash.`);
}
