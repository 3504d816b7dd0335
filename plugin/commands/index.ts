/** Registers every command. Ids are kebab-case, names sentence case, no default hotkeys. */
import { guardedCommand } from "../errors";
import type { CuratorHost } from "../host";
import { normalizeFolderCommand } from "./normalize-folder";
import { normalizeNoteCommand } from "./normalize-note";
import { updateOpenTasksSectionsCommand } from "./open-tasks-sections";
import { reviewQueueCommand } from "./review";
import { extractTasksCommand, tasksByOwnerCommand } from "./tasks";

export function registerCommands(host: CuratorHost): void {
	for (const command of [
		normalizeNoteCommand(host),
		normalizeFolderCommand(host),
		extractTasksCommand(host),
		tasksByOwnerCommand(host),
		updateOpenTasksSectionsCommand(host),
		reviewQueueCommand(host),
	]) {
		host.addCommand(guardedCommand(command));
	}
}
