/**
 * A side view that renders from the whole vault and re-renders, debounced, when the index
 * changes.
 */
import { ItemView, WorkspaceLeaf, debounce } from "obsidian";
import { reportError } from "../errors";
import type { Indexer } from "../indexer";

/** How long a burst of index updates is gathered before a view re-renders. */
const REFRESH_DELAY_MS = 400;

/** An ItemView kept up to date from the index. Subclasses implement `render`. */
export abstract class LiveView extends ItemView {
	private unsubscribe: (() => void) | null = null;
	private rendering: Promise<void> = Promise.resolve();
	private readonly refreshSoon = debounce(() => void this.refresh(), REFRESH_DELAY_MS, true);

	constructor(
		leaf: WorkspaceLeaf,
		protected readonly indexer: Indexer,
	) {
		super(leaf);
	}

	/** Fills `this.contentEl` from scratch. */
	protected abstract render(): Promise<void>;

	/** Re-renders now; resolves when the new content is in place. */
	refresh(): Promise<void> {
		this.rendering = this.rendering
			.then(() => this.render())
			.catch((e) => reportError(`showing "${this.getDisplayText()}"`, e));
		return this.rendering;
	}

	async onOpen(): Promise<void> {
		this.contentEl.addClass("vault-curator-view");
		this.unsubscribe = this.indexer.onChange(() => this.refreshSoon());
		await this.refresh();
	}

	async onClose(): Promise<void> {
		this.unsubscribe?.();
		this.unsubscribe = null;
		this.refreshSoon.cancel();
		await this.rendering;
		this.contentEl.empty();
	}
}
