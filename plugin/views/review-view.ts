/**
 * The review queue: everything the engine would not change on its own — notes tagged for
 * review, invalid frontmatter, uncertain mentions — each opening the note at its line.
 * Uncertain mentions offer Accept/Reject per candidate; answers go to the settings'
 * `accepted`/`rejected` lists, which the CLI reads too.
 */
import { WorkspaceLeaf } from "obsidian";
import type { Mention, Resolution, ReviewItem } from "../engine";
import type { Indexer } from "../indexer";
import { guarded } from "../errors";
import { openNoteAtLine } from "../open-note";
import { LiveView } from "./live-view";

export const VIEW_TYPE_REVIEW = "vault-curator-review";

/** Where review answers are recorded. */
export interface ReviewAnswers {
	recordResolution(answer: "accepted" | "rejected", resolution: Resolution): Promise<void>;
}

/** A review item with the undecided mentions on its line, when it is about mentions. */
export interface QueueEntry {
	item: ReviewItem;
	mentions: Mention[];
}

const MENTION_REASONS = new Set(["ambiguous_mention", "uncertain_mention"]);

/** Review items of the notes plus the vault's, in path and line order, mentions attached. */
export function buildQueue(notes: { path: string; review: ReviewItem[]; mentions: () => Mention[] }[], vaultItems: ReviewItem[]): QueueEntry[] {
	const entries: QueueEntry[] = [];
	for (const note of notes) {
		const undecided = note.review.some((r) => MENTION_REASONS.has(r.reason))
			? note.mentions().filter((m) => m.decision === "review")
			: [];
		for (const item of note.review) {
			const mentions = MENTION_REASONS.has(item.reason) ? undecided.filter((m) => m.line === item.line) : [];
			entries.push({ item, mentions });
		}
	}
	for (const item of vaultItems) entries.push({ item, mentions: [] });
	return entries.sort(
		(a, b) => a.item.path.localeCompare(b.item.path) || (a.item.line ?? 0) - (b.item.line ?? 0),
	);
}

/** Reason names in words: `needs_review` → "Needs review". */
export function reasonLabel(reason: string): string {
	const words = reason.replace(/_/g, " ");
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The review queue view. */
export class ReviewView extends LiveView {
	constructor(
		leaf: WorkspaceLeaf,
		indexer: Indexer,
		private readonly answers: ReviewAnswers,
	) {
		super(leaf, indexer);
	}

	getViewType(): string {
		return VIEW_TYPE_REVIEW;
	}

	getDisplayText(): string {
		return "Review queue";
	}

	getIcon(): string {
		return "inbox";
	}

	protected async render(): Promise<void> {
		const engine = this.indexer.engine;
		const notes = (await this.indexer.notes()).map(({ file, text }) => ({
			path: file.path,
			review: engine.check(file.path, text).review,
			mentions: () => engine.mentions(file.path, text),
		}));
		const queue = buildQueue(notes, engine.vaultReview());
		const el = this.contentEl;
		el.empty();
		if (queue.length === 0) {
			el.createDiv({ cls: "vault-curator-empty", text: "Nothing to review." });
			return;
		}
		el.createDiv({ cls: "vault-curator-summary", text: `${queue.length} ${queue.length === 1 ? "item" : "items"} to review` });
		const ul = el.createEl("ul", { cls: "vault-curator-list" });
		for (const entry of queue) this.renderEntry(ul.createEl("li", { cls: "vault-curator-review-item" }), entry);
	}

	private renderEntry(li: HTMLElement, { item, mentions }: QueueEntry): void {
		li.dataset.reason = item.reason;
		li.createSpan({ cls: "vault-curator-reason", text: reasonLabel(item.reason) });
		const where = item.line === null ? item.path : `${item.path}:${item.line}`;
		const link = li.createEl("a", { cls: "vault-curator-link", text: where });
		link.addEventListener(
			"click",
			guarded("opening the note", (evt: MouseEvent) => {
				evt.preventDefault();
				return openNoteAtLine(this.app, item.path, item.line);
			}),
		);
		li.createDiv({ cls: "vault-curator-message", text: item.message });
		if (mentions.length === 0 && item.candidates && item.candidates.length > 0) {
			li.createDiv({
				cls: "vault-curator-meta",
				text: `Candidates: ${item.candidates.map((c) => `${c.name} (${Math.round(c.score * 100)}%)`).join(", ")}`,
			});
		}
		for (const mention of mentions) {
			for (const candidate of mention.candidates ?? []) {
				const row = li.createDiv({ cls: "vault-curator-candidate" });
				row.createSpan({ text: `${mention.text} → ${candidate.name} (${Math.round(candidate.score * 100)}%)` });
				const resolution = { text: mention.text, entity: candidate.name };
				const accept = row.createEl("button", { text: "Accept", cls: "mod-cta" });
				accept.addEventListener("click", guarded("recording your answer", () => this.answers.recordResolution("accepted", resolution)));
				const reject = row.createEl("button", { text: "Reject" });
				reject.addEventListener("click", guarded("recording your answer", () => this.answers.recordResolution("rejected", resolution)));
			}
			if (mention.reasons && mention.reasons.length > 0) {
				li.createDiv({ cls: "vault-curator-meta", text: mention.reasons.join("; ") });
			}
		}
	}
}
