/** "Show mentions in current note": opens the side view of the active note's mentions. */
import type { Command } from "obsidian";
import type { CuratorHost } from "../host";
import { VIEW_TYPE_MENTIONS } from "../views/mentions-view";

export function mentionsCommand(host: CuratorHost): Command {
	return {
		id: "show-mentions-in-current-note",
		name: "Show mentions in current note",
		callback: () => void host.activateView(VIEW_TYPE_MENTIONS),
	};
}
