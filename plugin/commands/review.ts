/** "Open review queue". */
import type { Command } from "obsidian";
import type { CuratorHost } from "../host";
import { VIEW_TYPE_REVIEW } from "../views/review-view";

export function reviewQueueCommand(host: CuratorHost): Command {
	return {
		id: "open-review-queue",
		name: "Open review queue",
		callback: () => void host.activateView(VIEW_TYPE_REVIEW),
	};
}
