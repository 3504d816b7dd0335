/**
 * The review queue: everything the engine would not change on its own — notes tagged for
 * review, invalid frontmatter, uncertain mentions — each opening the note at its line, a page
 * at a time. Uncertain mentions offer Accept/Reject per candidate; answers go to the settings'
 * `accepted`/`rejected` lists, which the CLI reads too.
 */
import { WorkspaceLeaf } from "obsidian";
import type { QueueEntry, Resolution, ReviewPage } from "../engine";
import { guarded } from "../errors";
import type { CuratorHost } from "../host";
import { openNoteAtLine } from "../open-note";
import { LiveView } from "./live-view";

export const VIEW_TYPE_REVIEW = "vault-curator-review";

/** Entries shown at first, and added by "Show more". */
const PAGE = 100;

/** Where review answers are recorded. */
export interface ReviewAnswers {
	recordResolution(answer: "accepted" | "rejected", resolution: Resolution): Promise<void>;
}

/** Reason names in words: `needs_review` → "Needs review". */
export function reasonLabel(reason: string): string {
	const words = reason.replace(/_/g, " ");
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The review queue view. */
export class ReviewView extends LiveView<ReviewPage> {
	/** How many entries the reader has asked to see. */
	private shown = PAGE;
	private readonly answers: ReviewAnswers;

	constructor(leaf: WorkspaceLeaf, host: CuratorHost & ReviewAnswers) {
		super(leaf, host);
		this.answers = host;
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

	protected query(): Promise<ReviewPage> {
		return this.host.engine.reviewQueue({ limit: this.shown });
	}

	protected async render(page: ReviewPage, el: HTMLElement): Promise<void> {
		if (page.total === 0) {
			el.createDiv({ cls: "vault-curator-empty", text: "Nothing to review." });
			return;
		}
		el.createDiv({ cls: "vault-curator-summary", text: `${page.total} ${page.total === 1 ? "item" : "items"} to review` });
		const ul = el.createEl("ul", { cls: "vault-curator-list" });
		await this.renderEach(page.entries, (entry) => this.renderEntry(ul.createEl("li", { cls: "vault-curator-review-item" }), entry));
		const more = page.total - page.entries.length;
		if (more > 0) {
			const button = el.createEl("button", { cls: "vault-curator-more", text: `Show ${Math.min(more, PAGE)} more of ${more}` });
			button.addEventListener(
				"click",
				guarded("showing more", () => {
					this.shown = page.entries.length + PAGE;
					return this.refresh();
				}),
			);
		}
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
