/** Task commands: the current note's tasks in a modal, the vault's tasks by owner in a view. */
import { Command, Editor, MarkdownFileInfo, MarkdownView } from "obsidian";
import { guardedAsync } from "../errors";
import type { CuratorHost } from "../host";
import { TasksModal } from "../views/tasks-modal";
import { VIEW_TYPE_TASKS } from "../views/tasks-view";

export function extractTasksCommand(host: CuratorHost): Command {
	return {
		id: "extract-tasks",
		name: "Extract tasks from current note",
		editorCheckCallback: (checking: boolean, editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => {
			const file = ctx.file;
			if (!file) return false;
			if (!checking) {
				void guardedAsync("listing the note's tasks", async () => {
					await host.whenReady();
					const tasks = await host.engine.tasks(file.path, editor.getValue());
					new TasksModal(host.app, file.basename, tasks).open();
				})();
			}
			return true;
		},
	};
}

export function tasksByOwnerCommand(host: CuratorHost): Command {
	return {
		id: "show-tasks-by-owner",
		name: "Show tasks by owner",
		callback: () => void host.activateView(VIEW_TYPE_TASKS),
	};
}
