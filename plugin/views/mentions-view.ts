/**
 * "Mentions in this note": for the note being read or edited, the people and organisations it
 * names and how each was resolved — the name as written and the note it resolved to, the
 * decision and its probability, the reasons, whether the note links it (a link Obsidian
 * sees), and every place it is written — each one click from correcting it: "Not this person",
 * "Someone else…" (a candidate or any person or organisation), or the place in the note.
 *
 * It follows the active note (`active-leaf-change`): the last known mentions of a note show at
 * once, and the engine's answer replaces them. Answers are review answers, remembered as the
 * review queue's are (a written name is someone, or is not someone, everywhere it is written).
 * Rendered with `createEl` only.
 */
import { Notice, TFile, WorkspaceLeaf } from "obsidian";
import type { NoteMention, Place } from "../engine";
import { guarded } from "../errors";
import { openNoteAtSpan } from "../open-note";
import { EntitySuggestModal } from "./entity-suggest";
import { LiveView } from "./live-view";
import { percent, plural } from "./format";
import type { AnswerHost } from "./review-answers";

export const VIEW_TYPE_MENTIONS = "vault-curator-mentions";

/** How many notes' last known mentions are kept to show at once when a note is shown again. */
const REMEMBERED_NOTES = 20;
/** Places of a name shown before "N more places". */
const PLACES_SHOWN = 2;
/** How much of a line shows around a name, in characters on each side. */
const CONTEXT_CHARS = 60;

/** What the view shows: a note's mentions (null while the engine has not answered yet). */
export interface NoteMentions {
	path: string | null;
	/** The note's text the mentions were found in (their places are indices into it). */
	text: string;
	mentions: NoteMention[] | null;
}

/** The decision in words. */
const DECISIONS: Record<NoteMention["decision"], string> = {
	exact: "its name",
	alias: "an alias or your answer",
	auto: "resolved with confidence",
	review: "needs your answer",
	unknown: "not resolved",
};

/** How the name was written, in words. */
const KINDS: Record<NoteMention["kind"], string> = {
	wikilink: "link",
	owner: "task owner",
	participant: "participant",
	via: "credit",
	text: "text",
};

/** The side view of the active note's mentions. */
export class MentionsView extends LiveView<NoteMentions> {
	/** The note shown (the active one, or the last one active). */
	private path: string | null = null;
	/** The last known mentions of recently shown notes, newest last. */
	private readonly recent = new Map<string, NoteMentions>();

	constructor(
		leaf: WorkspaceLeaf,
		private readonly answers: AnswerHost,
	) {
		super(leaf, answers);
	}

	getViewType(): string {
		return VIEW_TYPE_MENTIONS;
	}

	getDisplayText(): string {
		return "Mentions in this note";
	}

	getIcon(): string {
		return "at-sign";
	}

	onOpen(): Promise<void> {
		this.path = this.activePath();
		const last = this.host.lastKnown.get(VIEW_TYPE_MENTIONS) as NoteMentions | undefined;
		if (last && last.path !== this.path) this.host.lastKnown.delete(VIEW_TYPE_MENTIONS);
		this.registerEvent(this.app.workspace.on("active-leaf-change", () => this.follow()));
		return super.onOpen();
	}

	protected async query(): Promise<NoteMentions> {
		const path = this.path;
		if (path === null) return { path, text: "", mentions: [] };
		const text = await this.host.writer.currentText(path);
		if (text === null) return { path, text: "", mentions: [] };
		const data = { path, text, mentions: await this.host.engine.noteMentions(path, text) };
		this.recent.delete(path);
		this.recent.set(path, data);
		if (this.recent.size > REMEMBERED_NOTES) {
			const oldest = this.recent.keys().next().value;
			if (oldest !== undefined) this.recent.delete(oldest);
		}
		return data;
	}

	protected isCurrent(data: NoteMentions): boolean {
		return data.path === this.path;
	}

	/** The active note changed: its last known mentions show at once, then the engine's answer. */
	private follow(): void {
		const path = this.activePath();
		if (path === null || path === this.path) return;
		this.path = path;
		void this.show(this.recent.get(path) ?? { path, text: "", mentions: null });
		void this.refresh();
	}

	/** The active Markdown note's path; the one shown when no note is active (this view is). */
	private activePath(): string | null {
		const file = this.app.workspace.getActiveFile();
		return file instanceof TFile && file.extension === "md" ? file.path : this.path;
	}

	protected async render(data: NoteMentions, el: HTMLElement): Promise<void> {
		el.addClass("vault-curator-mentions");
		if (data.path === null) {
			el.createDiv({ cls: "vault-curator-empty", text: "Open a note to see the people and organisations it mentions." });
			return;
		}
		const title = data.path.slice(data.path.lastIndexOf("/") + 1).replace(/\.md$/, "");
		el.createEl("h4", { cls: "vault-curator-mentions-note", text: title });
		const mentions = data.mentions;
		if (mentions === null) {
			el.createDiv({ cls: "vault-curator-empty", text: "Reading the note…" });
			return;
		}
		if (mentions.length === 0) {
			el.createDiv({ cls: "vault-curator-empty", text: "No people or organisations are mentioned here." });
			return;
		}
		const resolved = mentions.filter((m) => m.resolved !== null && m.decision !== "unknown");
		const entities = new Set(resolved.filter((m) => m.decision !== "review").map((m) => m.resolved));
		const linked = new Set(resolved.filter((m) => m.linked && m.decision !== "review").map((m) => m.resolved));
		el.createDiv({
			cls: "vault-curator-summary",
			text: `${plural(entities.size, "person or organisation", "people and organisations")} · ${linked.size} linked`,
		});
		const groups: [string, NoteMention[], boolean][] = [
			["Needs your answer", mentions.filter((m) => m.decision === "review"), true],
			["Resolved", mentions.filter((m) => m.decision === "exact" || m.decision === "alias" || m.decision === "auto"), true],
			["Not resolved", mentions.filter((m) => m.decision === "unknown"), false],
		];
		for (const [label, entries, open] of groups) {
			if (entries.length === 0) continue;
			const group = el.createEl("details", { cls: "vault-curator-mentions-group" });
			group.open = open;
			group.createEl("summary", { cls: "vault-curator-group-title", text: `${label} (${entries.length})` });
			const list = group.createDiv({ cls: "vault-curator-cards", attr: { role: "list" } });
			await this.renderEach(entries, (m) => this.renderMention(list, m, data));
		}
	}

	private renderMention(list: HTMLElement, m: NoteMention, data: NoteMentions): void {
		const target = m.resolved ?? "nobody with a note";
		const label = `${m.text} → ${target}`;
		const el = list.createEl("section", {
			cls: "vault-curator-card vault-curator-mention",
			attr: { role: "listitem", tabindex: "0", "aria-label": label, "data-decision": m.decision, "data-name": m.name },
		});
		const head = el.createDiv({ cls: "vault-curator-mention-head" });
		head.createSpan({ cls: "vault-curator-mention-written", text: m.text });
		head.createSpan({ cls: "vault-curator-mention-arrow", text: "→", attr: { "aria-hidden": "true" } });
		head.createSpan({ cls: "vault-curator-mention-resolved", text: target });
		const meta = el.createDiv({ cls: "vault-curator-mention-meta" });
		meta.createSpan({ text: DECISIONS[m.decision] });
		if (m.resolved !== null) meta.createSpan({ cls: "vault-curator-mention-score", text: percent(m.confidence) });
		meta.createSpan({ text: KINDS[m.kind] });
		if (m.resolved !== null && m.decision !== "review") {
			meta.createSpan({ cls: `vault-curator-badge ${m.linked ? "is-linked" : "is-unlinked"}`, text: m.linked ? "linked" : "not linked" });
		}
		if (m.reasons.length > 0) {
			const why = el.createEl("details", { cls: "vault-curator-evidence" });
			why.createEl("summary", { text: "Why" });
			const reasons = why.createEl("ul", { cls: "vault-curator-weights" });
			for (const reason of m.reasons) reasons.createEl("li", { text: reason });
		}
		this.renderPlaces(el, m, data);
		this.renderActions(el, m);
	}

	/** Every place the name is written: the line, with the text around it; past the first few, folded. */
	private renderPlaces(el: HTMLElement, m: NoteMention, data: NoteMentions): void {
		const first = m.places.slice(0, PLACES_SHOWN);
		const rest = m.places.slice(PLACES_SHOWN);
		this.renderPlaceList(el, first, m, data);
		if (rest.length === 0) return;
		const more = el.createEl("details", { cls: "vault-curator-more-places" });
		more.createEl("summary", { text: plural(rest.length, "more place", "more places") });
		this.renderPlaceList(more, rest, m, data);
	}

	private renderPlaceList(el: HTMLElement, places: Place[], m: NoteMention, data: NoteMentions): void {
		const list = el.createEl("ul", { cls: "vault-curator-occurrences", attr: { "aria-label": "Where" } });
		for (const place of places) {
			const li = list.createEl("li");
			const link = li.createEl("a", { cls: "vault-curator-link", text: `Line ${place.line}`, href: "#", attr: { "aria-label": `Go to "${m.text}" on line ${place.line}` } });
			link.addEventListener(
				"click",
				guarded("going to the mention", (evt: MouseEvent) => {
					evt.preventDefault();
					if (data.path === null) return;
					return openNoteAtSpan(this.app, data.path, place.line, place.start, place.end, data.text.slice(place.start, place.end));
				}),
			);
			const context = contextOf(data.text, place);
			if (context) li.createDiv({ cls: "vault-curator-context", text: context });
		}
	}

	private renderActions(el: HTMLElement, m: NoteMention): void {
		const bar = el.createDiv({ cls: "vault-curator-actions" });
		const button = (text: string, aria: string, action: string, run: () => Promise<void>, cta = false) => {
			const b = bar.createEl("button", { text, attr: { "aria-label": aria, "data-action": action } });
			if (cta) b.addClass("mod-cta");
			b.addEventListener(
				"click",
				guarded("recording your answer", async () => {
					for (const other of Array.from(bar.querySelectorAll("button"))) other.disabled = true;
					el.setAttr("aria-busy", "true");
					await run();
					await this.refresh();
				}),
			);
		};
		const who = m.resolved;
		if (who !== null && m.decision === "review") {
			button(`Accept ${who}`, `Accept: '${m.name}' is ${who}, everywhere it is written`, "accept", () => this.answer("accepted", m.name, who), true);
		}
		if (who !== null) {
			button(`Not ${who}`, `'${m.name}' is not ${who}: never suggest it again`, "not_this_person", () => this.answer("rejected", m.name, who));
		}
		const other = who === null ? "Someone…" : "Someone else…";
		const b = bar.createEl("button", { text: other, attr: { "aria-label": `Choose who '${m.name}' is`, "data-action": "someone_else" } });
		b.addEventListener("click", guarded("choosing who the name is", () => this.chooseSomeoneElse(m)));
	}

	/** Opens the picker of who `m` is; the choice is remembered as an accepted answer. */
	private async chooseSomeoneElse(m: NoteMention): Promise<void> {
		const entities = await this.host.engine.entityNames();
		new EntitySuggestModal(this.app, m.name, m.candidates, entities, m.resolved, (title) => {
			guarded("recording your answer", async () => {
				await this.answer("accepted", m.name, title);
				new Notice(`Vault Curator: "${m.name}" is ${title}, everywhere it is written.`);
				await this.refresh();
			})();
		}).open();
	}

	private async answer(answer: "accepted" | "rejected", text: string, entity: string): Promise<void> {
		await this.answers.recordResolution(answer, { text, entity });
		this.answers.reviewChanged();
	}
}

/** The line of `text` holding `place`, shortened around the name to `CONTEXT_CHARS` on each side. */
function contextOf(text: string, place: Place): string {
	if (place.end > text.length) return "";
	const lineStart = text.lastIndexOf("\n", place.start - 1) + 1;
	const lineEnd = text.indexOf("\n", place.end);
	const from = Math.max(lineStart, place.start - CONTEXT_CHARS);
	const to = Math.min(lineEnd < 0 ? text.length : lineEnd, place.end + CONTEXT_CHARS);
	const before = from > lineStart ? "…" : "";
	const after = to < (lineEnd < 0 ? text.length : lineEnd) ? "…" : "";
	return `${before}${text.slice(from, to).trim()}${after}`;
}
