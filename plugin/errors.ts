/**
 * Errors never escape into Obsidian: every command, event handler, view render and button
 * runs guarded. A failure is logged with its stack and shown once as a Notice (the same
 * message again is only logged, so a failing handler cannot flood the screen).
 */
import { Notice, type Command } from "obsidian";
import { EngineFailedError, EngineStoppedError } from "./engine";

const shown = new Set<string>();

/** The error's message, whatever was thrown. */
export function messageOf(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/**
 * Logs `e` and tells the user, once per distinct message, what failed. Work cut short because
 * the plugin unloaded is not a failure, and an engine that stopped working has been reported
 * already (see main.ts): neither is reported here.
 */
export function reportError(doing: string, e: unknown): void {
	if (e instanceof EngineStoppedError || e instanceof EngineFailedError) return;
	console.error(`Vault Curator: ${doing} failed`, e);
	const text = `Vault Curator: ${doing} failed: ${messageOf(e)}`;
	if (shown.has(text)) return;
	shown.add(text);
	new Notice(text);
}

/** `fn` made safe to hand to Obsidian: a throw or a rejected promise is reported, never raised. */
export function guarded<A extends unknown[]>(doing: string, fn: (...args: A) => unknown): (...args: A) => void {
	return (...args: A) => {
		try {
			const result = fn(...args);
			if (result instanceof Promise) result.catch((e: unknown) => reportError(doing, e));
		} catch (e) {
			reportError(doing, e);
		}
	};
}

/** Like [`guarded`], for callers that wait for `fn` to finish: the promise never rejects. */
export function guardedAsync<A extends unknown[]>(doing: string, fn: (...args: A) => Promise<unknown>): (...args: A) => Promise<void> {
	return async (...args: A) => {
		try {
			await fn(...args);
		} catch (e) {
			reportError(doing, e);
		}
	};
}

/** Runs a check callback guarded: on a throw the command reports it and counts as unavailable. */
function checked<A extends unknown[]>(doing: string, fn: (checking: boolean, ...args: A) => boolean | void) {
	return (checking: boolean, ...args: A): boolean => {
		try {
			return fn(checking, ...args) !== false;
		} catch (e) {
			reportError(doing, e);
			return !checking;
		}
	};
}

/** The command with every callback it has guarded (see [`guarded`]). */
export function guardedCommand(command: Command): Command {
	const doing = `"${command.name}"`;
	const out: Command = { ...command };
	if (command.callback) out.callback = guarded(doing, command.callback);
	if (command.editorCallback) out.editorCallback = guarded(doing, command.editorCallback);
	if (command.checkCallback) out.checkCallback = checked(doing, command.checkCallback);
	if (command.editorCheckCallback) out.editorCheckCallback = checked(doing, command.editorCheckCallback);
	return out;
}
