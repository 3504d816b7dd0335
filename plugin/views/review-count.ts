/**
 * The review queue's count in the status bar ("Review: 42"), kept up to date as the vault
 * changes; clicking it opens the queue. Empty while nothing waits. Each time it asks, the
 * engine makes the queue's first page ready too (the lines its cards show read in the
 * background), so that the pane opens without reading a note.
 */
import { debounce } from "obsidian";
import type { CuratorHost } from "../host";
import { PAGE, VIEW_TYPE_REVIEW } from "./review-view";

/** How long a burst of changes is gathered before the count is asked for again. */
const UPDATE_DELAY_MS = 1000;

/** The count's controls: ask again now (after an answer), and stop. */
export interface ReviewCount {
	update(): void;
	stop(): void;
}

/** Follows the queue's decision count into `el`. */
export function followReviewCount(host: CuratorHost, el: HTMLElement): ReviewCount {
	el.addClass("vault-curator-review-count", "mod-clickable");
	el.setAttr("aria-label", "Open review queue");
	el.addEventListener("click", () => void host.activateView(VIEW_TYPE_REVIEW));
	let stopped = false;
	const update = debounce(
		() => {
			void host
				.whenReady()
				.then(() => host.engine.reviewDecisions({ limit: 0, prepare: PAGE }))
				.then((page) => {
					if (stopped) return;
					const n = page.kinds.reduce((sum, k) => sum + k.count, 0);
					el.setText(n === 0 ? "" : `Review: ${n.toLocaleString("en-US")}`);
				})
				.catch(() => undefined);
		},
		UPDATE_DELAY_MS,
		true,
	);
	const unsubscribe = host.indexer.onChange(() => update());
	update();
	return {
		update: () => void update(),
		stop: () => {
			stopped = true;
			update.cancel();
			unsubscribe();
		},
	};
}
