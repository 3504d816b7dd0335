/** Registers every command. Ids are kebab-case, names sentence case, no default hotkeys. */
import { guardedCommand } from "../errors";
import type { CuratorHost } from "../host";
import { normalizeFolderCommand } from "./normalize-folder";
import { normalizeNoteCommand } from "./normalize-note";
import { updateOpenTasksSectionsCommand } from "./open-tasks-sections";
import { reviewQueueCommand } from "./review";
import { extractTasksCommand, tasksByOwnerCommand } from "./tasks";

/** Registers every command; returns their ids (to remove them if the engine cannot start). */
export function registerCommands(host: CuratorHost): string[] {
	return [
		normalizeNoteCommand(host),
		normalizeFolderCommand(host),
		extractTasksCommand(host),
		tasksByOwnerCommand(host),
		updateOpenTasksSectionsCommand(host),
		reviewQueueCommand(host),
	].map((command) => {
		host.addCommand(guardedCommand(command));
		return command.id;
	});
}
