/**
 * Hears the user save a note explicitly. Obsidian has no public save event, so the built-in
 * "Save current file" command (`editor:save-file`) is wrapped — defensively, because its shape
 * is not API and has changed (Obsidian 1.9 moved its callback, which broke plugins that wrapped
 * one field):
 *
 * - whichever callback field the command has is wrapped; the original runs first, always, and
 *   its result is returned; a command that is missing or has none of the known fields is left
 *   alone (the note is then enriched when the user leaves it, see `enrichment.ts`);
 * - when Obsidian replaces the command object, `ensure` wraps the new one;
 * - on unload the original is put back when the field still holds this wrapper; when another
 *   plugin wrapped it since, the wrapper stays in their chain but does nothing more.
 */
import type { App } from "obsidian";

/** The id of Obsidian's save command. */
export const SAVE_COMMAND = "editor:save-file";

/** The callback fields a command may have, and whether their first argument means "checking". */
const FIELDS = [
	["checkCallback", true],
	["editorCheckCallback", true],
	["callback", false],
	["editorCallback", false],
] as const;

type Field = (typeof FIELDS)[number][0];
type Callback = (...args: unknown[]) => unknown;
type CommandObject = Partial<Record<Field, unknown>>;

/** The part of the app's command registry this reads (not public API). */
interface Registry {
	commands?: { commands?: Record<string, CommandObject | undefined> };
}

/** One wrapping of the save command. */
interface Wrapping {
	command: CommandObject;
	field: Field;
	original: Callback;
	wrapper: Callback;
	live: { on: boolean };
}

/** Wraps the save command so that `onSave` runs after each explicit save. */
export class SaveHook {
	private wrapping: Wrapping | null = null;

	constructor(
		private readonly app: App,
		private readonly onSave: () => void,
	) {}

	/** Wraps the command if it is not wrapped yet, or was replaced; false when it cannot be. */
	ensure(): boolean {
		const command = (this.app as unknown as Registry).commands?.commands?.[SAVE_COMMAND];
		if (this.wrapping && this.wrapping.command === command) return true;
		this.uninstall();
		if (!command) return false;
		for (const [field, checks] of FIELDS) {
			const original = command[field];
			if (typeof original !== "function") continue;
			const live = { on: true };
			const onSave = this.onSave;
			const wrapper = function (this: unknown, ...args: unknown[]): unknown {
				const result = (original as Callback).apply(this, args);
				if (live.on && !(checks && args[0] === true)) {
					try {
						onSave();
					} catch (e) {
						console.error("Vault Curator: enriching the saved note failed", e);
					}
				}
				return result;
			};
			command[field] = wrapper;
			this.wrapping = { command, field, original: original as Callback, wrapper, live };
			return true;
		}
		return false;
	}

	/** Puts the original back (or, when another wrapper sits on top, makes this one inert). */
	uninstall(): void {
		const wrapping = this.wrapping;
		if (!wrapping) return;
		this.wrapping = null;
		wrapping.live.on = false;
		if (wrapping.command[wrapping.field] === wrapping.wrapper) wrapping.command[wrapping.field] = wrapping.original;
	}
}
