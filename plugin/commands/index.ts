/** Registers every command. Ids are kebab-case, names sentence case, no default hotkeys. */
import { guardedCommand } from "../errors";
import type { CuratorHost } from "../host";
import { enrichFolderCommand, enrichVaultCommand, normalizeFolderCommand } from "./enrich-folder";
import { enrichNoteCommand, normalizeNoteCommand } from "./enrich-note";
import { mentionsCommand } from "./mentions";
import { updateOpenTasksSectionsCommand } from "./open-tasks-sections";
import { rebuildIndexCommand } from "./rebuild-index";
import { reviewQueueCommand } from "./review";
import { extractTasksCommand, tasksByOwnerCommand } from "./tasks";
import { undoLastCommand } from "./undo";

/** Registers every command; returns their ids (to remove them if the engine cannot start). */
export function registerCommands(host: CuratorHost): string[] {
	return [
		enrichNoteCommand(host),
		enrichFolderCommand(host),
		enrichVaultCommand(host),
		undoLastCommand(host),
		rebuildIndexCommand(host),
		normalizeNoteCommand(host),
		normalizeFolderCommand(host),
		extractTasksCommand(host),
		tasksByOwnerCommand(host),
		updateOpenTasksSectionsCommand(host),
		reviewQueueCommand(host),
		mentionsCommand(host),
	].map((command) => {
		host.addCommand(guardedCommand(command));
		return command.id;
	});
}
