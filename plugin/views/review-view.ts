/**
 * The review queue: one card per decision, not one row per occurrence. The engine gathers the
 * queue into decisions (`reviewDecisions`): the pane shows their kinds with counts as filters,
 * a search box, and a page of cards at a time ("Show more"), so a 10,000-note vault stays
 * responsive. Answering a card takes it away at once and keeps the reader's place; the engine
 * settles every occurrence the answer covers and the list is brought up to date underneath.
 *
 * Keyboard: Tab reaches every filter, link and button; on a card, ↑/↓ (or k/j) move to the
 * previous/next card, Home/End to the first/last.
 */
import { WorkspaceLeaf, debounce } from "obsidian";
import type { Action, Candidate, DecisionCard, DecisionPage, ReviewReason } from "../engine";
import { guarded } from "../errors";
import { openNoteAtLine } from "../open-note";
import { LiveView } from "./live-view";
import { answer, type AnswerHost } from "./review-answers";
import { renderCard, type AnswerOptions } from "./review-card";

export type { ReviewAnswers } from "./review-answers";

export const VIEW_TYPE_REVIEW = "vault-curator-review";

/** Cards shown at first, and added by "Show more". */
export const PAGE = 30;
/** How long typing in the search box waits before asking the engine. */
const SEARCH_DELAY_MS = 200;

const count = (n: number) => n.toLocaleString("en-US");

/** The review queue view. */
export class ReviewView extends LiveView<DecisionPage> {
	/** How many cards the reader has asked to see. */
	private shown = PAGE;
	private kind: ReviewReason | null = null;
	private search = "";
	/** Decisions skipped for now, and answered ones until the engine has taken the answer. */
	private readonly hidden = new Set<string>();
	private readonly searchSoon = debounce(() => void this.refresh(), SEARCH_DELAY_MS, true);

	constructor(
		leaf: WorkspaceLeaf,
		private readonly answers: AnswerHost,
	) {
		super(leaf, answers);
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

	protected query(): Promise<DecisionPage> {
		return this.host.engine.reviewDecisions({ limit: this.shown, kind: this.kind, search: this.search, hide: Array.from(this.hidden) });
	}

	protected async render(page: DecisionPage, el: HTMLElement): Promise<void> {
		el.addClass("vault-curator-review");
		this.renderToolbar(page, el);
		if (page.total === 0) {
			const filtered = this.kind !== null || this.search !== "";
			el.createDiv({ cls: "vault-curator-empty", text: filtered ? "Nothing matches." : "Nothing to review." });
			return;
		}
		const list = el.createDiv({ cls: "vault-curator-cards", attr: { role: "list" } });
		list.addEventListener("keydown", (evt) => this.onKey(evt, list));
		await this.renderEach(page.cards, (card) => {
			renderCard(list, card, {
				act: (c, action, candidate, options) => this.act(c, action, candidate, options),
				open: (path, line) => void openNoteAtLine(this.app, path, line).catch(() => undefined),
			}).setAttr("role", "listitem");
		});
		const more = page.total - page.cards.length;
		if (more > 0) {
			const button = el.createEl("button", { cls: "vault-curator-more", text: `Show ${count(Math.min(more, PAGE))} more of ${count(more)}`, attr: { "data-focus-key": "more" } });
			button.addEventListener(
				"click",
				guarded("showing more", () => {
					this.shown = page.cards.length + PAGE;
					return this.refresh();
				}),
			);
		}
	}

	/** The summary, the kinds as filters with their counts, and the search box. */
	private renderToolbar(page: DecisionPage, el: HTMLElement): void {
		const bar = el.createDiv({ cls: "vault-curator-toolbar" });
		const decisions = page.kinds.reduce((n, k) => n + k.count, 0);
		bar.createDiv({
			cls: "vault-curator-summary",
			text: `${count(decisions)} ${decisions === 1 ? "decision" : "decisions"} settle ${count(page.items)} ${page.items === 1 ? "item" : "items"}`,
		});
		const kinds = bar.createDiv({ cls: "vault-curator-kinds", attr: { role: "group", "aria-label": "Show decisions of one kind" } });
		const chip = (label: string, n: number, kind: ReviewReason | null) => {
			const pressed = this.kind === kind;
			const b = kinds.createEl("button", {
				cls: "vault-curator-kind",
				attr: { "aria-pressed": String(pressed), "data-kind": kind ?? "all", "data-focus-key": `kind:${kind ?? "all"}` },
			});
			b.createSpan({ text: label });
			b.createSpan({ cls: "vault-curator-kind-count", text: count(n) });
			b.addEventListener(
				"click",
				guarded("filtering the queue", () => {
					this.kind = pressed ? null : kind;
					this.shown = PAGE;
					return this.refresh();
				}),
			);
		};
		chip("All", decisions, null);
		for (const k of page.kinds) chip(k.label, k.count, k.kind);
		const search = bar.createEl("input", {
			cls: "vault-curator-search",
			type: "search",
			placeholder: "Search names and notes",
			attr: { "aria-label": "Search names and notes", "data-focus-key": "search" },
		});
		search.value = this.search;
		search.addEventListener("input", () => {
			this.search = search.value;
			this.shown = PAGE;
			this.searchSoon();
		});
	}

	/**
	 * Answers `card`: its element goes at once (the cards below move up; nothing above moves),
	 * the focus goes to the next card, and the list is asked for again once the answer is in.
	 */
	private act(card: DecisionCard, action: Action, candidate?: Candidate, options?: AnswerOptions): void {
		if (action === "open") {
			void answer(this.app, this.answers, card, action).catch(() => undefined);
			return;
		}
		// A merge asks first: its card stays until the person confirmed (or cancelled).
		if (action !== "merge") {
			const el = Array.from(this.contentEl.querySelectorAll<HTMLElement>(".vault-curator-card")).find((c) => c.dataset.group === card.group);
			const next = (el?.nextElementSibling ?? el?.previousElementSibling) as HTMLElement | null;
			el?.remove();
			if (next?.hasClass("vault-curator-card")) next.focus();
			this.hidden.add(card.group);
		}
		if (action === "skip") return;
		guarded("recording your answer", async () => {
			try {
				await answer(this.app, this.answers, card, action, candidate, options);
			} finally {
				// The engine has the answer: the decision shows again only if it still stands
				// (another candidate after "not this person").
				this.hidden.delete(card.group);
			}
			await this.refresh();
			this.answers.reviewChanged();
		})();
	}

	/** ↑/↓, k/j, Home/End move between cards. */
	private onKey(evt: KeyboardEvent, list: HTMLElement): void {
		const target = evt.target as HTMLElement | null;
		if (!target || target.instanceOf(HTMLInputElement)) return;
		const cards = Array.from(list.querySelectorAll<HTMLElement>(".vault-curator-card"));
		const at = cards.findIndex((c) => c.contains(target));
		if (at < 0) return;
		const to: Record<string, number> = { ArrowDown: at + 1, j: at + 1, ArrowUp: at - 1, k: at - 1, Home: 0, End: cards.length - 1 };
		const index = to[evt.key];
		if (index === undefined) return;
		evt.preventDefault();
		cards[Math.max(0, Math.min(cards.length - 1, index))]?.focus();
	}
}
