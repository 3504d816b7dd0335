/**
 * A side view over the engine's vault state: it shows the last known state at once, asks the
 * engine for the current one, and asks again, debounced, whenever the index changes. It never
 * computes anything over the vault itself, and renders long lists a few rows at a time so the
 * UI never waits long.
 */
import { ItemView, WorkspaceLeaf, debounce } from "obsidian";
import { EngineFailedError } from "../engine";
import { reportError } from "../errors";
import type { CuratorHost } from "../host";

/** How long a burst of index updates is gathered before a view asks again. */
const REFRESH_DELAY_MS = 400;
/** How long rendering may run before letting the UI handle input, in milliseconds. */
const RENDER_STEP_MS = 8;

/** An ItemView kept up to date from the engine. Subclasses load their data and render it. */
export abstract class LiveView<T> extends ItemView {
	private unsubscribe: (() => void) | null = null;
	private rendering: Promise<void> = Promise.resolve();
	private closed = false;
	/** How many times content was put in place: the newest `show` wins. */
	private shows = 0;
	private readonly refreshSoon = debounce(() => void this.refresh(), REFRESH_DELAY_MS, true);

	constructor(
		leaf: WorkspaceLeaf,
		protected readonly host: CuratorHost,
	) {
		super(leaf);
	}

	/** Asks the engine for what the view shows. */
	protected abstract query(): Promise<T>;

	/** Fills the empty `el` with `data` (long lists through `renderEach`). */
	protected abstract render(data: T, el: HTMLElement): Promise<void>;

	/** Asks the engine again and re-renders; resolves when the new content is in place. */
	refresh(): Promise<void> {
		this.rendering = this.rendering
			.then(async () => {
				try {
					await this.host.whenReady();
				} catch {
					this.showMessage("Vault Curator is off: its engine could not start.");
					return;
				}
				let data: T;
				try {
					data = await this.query();
				} catch (e) {
					if (!(e instanceof EngineFailedError)) throw e;
					this.showMessage("Vault Curator stopped: its engine failed. Reload the plugin.");
					return;
				}
				if (this.closed || !this.isCurrent(data)) return;
				this.host.lastKnown.set(this.getViewType(), data);
				await this.show(data);
			})
			.catch((e) => reportError(`showing "${this.getDisplayText()}"`, e));
		return this.rendering;
	}

	onOpen(): Promise<void> {
		this.closed = false;
		this.contentEl.addClass("vault-curator-view");
		this.unsubscribe = this.host.indexer.onChange(() => this.refreshSoon());
		const last = this.host.lastKnown.get(this.getViewType()) as T | undefined;
		if (last === undefined) {
			this.contentEl.createDiv({ cls: "vault-curator-empty", text: "Vault Curator is reading the vault…" });
		} else {
			this.rendering = this.show(last).catch((e) => reportError(`showing "${this.getDisplayText()}"`, e));
		}
		void this.refresh();
		return Promise.resolve();
	}

	/** Closes at once: an answer still awaited from the engine is dropped when it comes. */
	onClose(): Promise<void> {
		this.closed = true;
		this.unsubscribe?.();
		this.unsubscribe = null;
		this.refreshSoon.cancel();
		this.contentEl.empty();
		return Promise.resolve();
	}

	/** False when `data`, once the engine answered, is no longer what the view is about. */
	protected isCurrent(_data: T): boolean {
		return true;
	}

	/** Shows `text` in place of the view's content. */
	private showMessage(text: string): void {
		this.contentEl.empty();
		this.contentEl.createDiv({ cls: "vault-curator-empty", text });
	}

	/** Calls `render` on each item, letting the UI run between steps of `RENDER_STEP_MS`. */
	protected async renderEach<I>(items: readonly I[], render: (item: I) => void): Promise<void> {
		let stepStart = performance.now();
		for (const item of items) {
			if (performance.now() - stepStart > RENDER_STEP_MS) {
				await new Promise((resolve) => window.setTimeout(resolve, 0));
				stepStart = performance.now();
			}
			render(item);
		}
	}

	/**
	 * Renders `data` aside, then puts it in place of what was shown in one go, keeping the
	 * reader's scroll position. Of two shows under way, the one begun last wins.
	 */
	protected async show(data: T): Promise<void> {
		const show = ++this.shows;
		const next = createDiv({ cls: "vault-curator-content" });
		await this.render(data, next);
		if (this.closed || show !== this.shows) return;
		const scroll = this.contentEl.scrollTop;
		const focus = this.focusKept();
		this.contentEl.empty();
		this.contentEl.appendChild(next);
		this.contentEl.scrollTop = scroll;
		focus?.();
	}

	/**
	 * What has the focus, if it has a `data-focus-key`: returns what gives it back to the element
	 * of the same key once the content is replaced (with the caret where it was, in an input),
	 * so typing in a view's search box is not interrupted by an update.
	 */
	private focusKept(): (() => void) | null {
		const active = activeDocument.activeElement;
		if (!active?.instanceOf(HTMLElement) || !this.contentEl.contains(active)) return null;
		const key = active.dataset.focusKey;
		if (key === undefined) return null;
		const caret = active.instanceOf(HTMLInputElement) ? [active.selectionStart ?? 0, active.selectionEnd ?? 0] : null;
		return () => {
			const again = Array.from(this.contentEl.querySelectorAll<HTMLElement>("[data-focus-key]")).find((el) => el.dataset.focusKey === key);
			if (!again) return;
			again.focus();
			if (caret && again.instanceOf(HTMLInputElement)) again.setSelectionRange(caret[0] ?? 0, caret[1] ?? 0);
		};
	}
}
