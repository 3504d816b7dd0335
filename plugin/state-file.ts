/**
 * The engine's saved state, so that Obsidian starts warm: a snapshot of the vault's results
 * (every note's report, tasks and what its text hashes to) with each note's file time and size,
 * in the plugin's own folder (`.obsidian/plugins/vault-curator/vault-state.bin`). Deleting the
 * file, or "Rebuild index", makes the next load read and check every note again.
 *
 * It is saved once the first load has been checked, then after a quiet period following
 * changes, and on unload when changes are unsaved; written under a temporary name, then moved
 * over the old file. The engine ignores a file it did not write with these settings (another
 * version, other settings, cut short): the vault is then loaded cold.
 */
import type { App, PluginManifest } from "obsidian";
import type { NoteStat, RemoteApi } from "./engine";
import { EngineStoppedError } from "./engine";
import { reportError } from "./errors";

/** The file's name in the plugin's folder. */
export const STATE_FILE = "vault-state.bin";
/** How long the vault stays unchanged before its state is saved again, in milliseconds. */
const SAVE_AFTER_MS = 10_000;

/** The saved state: where it lives, loading it, and saving it when the vault changed. */
export class StateFile {
	/** Vault-relative path of the file. */
	readonly path: string;
	private readonly temp: string;
	private timer: number | null = null;
	/** Counts changes: the state is unsaved while it differs from `saved`. */
	private changes = 0;
	private saved = 0;
	/** Saves may start: the first load is done. */
	private started = false;
	private stopped = false;
	private saving: Promise<void> = Promise.resolve();

	constructor(
		private readonly app: App,
		manifest: PluginManifest,
		private readonly engine: RemoteApi,
		/** The file time and size of each note as the engine last read it. */
		private readonly stats: () => NoteStat[],
	) {
		const dir = manifest.dir ?? `${app.vault.configDir}/plugins/${manifest.id}`;
		this.path = `${dir}/${STATE_FILE}`;
		this.temp = `${this.path}.tmp`;
	}

	/** The saved bytes (the file, else a temporary file a save left complete), or null. */
	async load(): Promise<Uint8Array | null> {
		const { adapter } = this.app.vault;
		for (const path of [this.path, this.temp]) {
			try {
				if (await adapter.exists(path)) return new Uint8Array(await adapter.readBinary(path));
			} catch {
				// Unreadable: the next path, else a cold load.
			}
		}
		return null;
	}

	/** The first load is done: its state is saved once every note is checked, then after changes. */
	start(): void {
		if (this.stopped) return;
		this.started = true;
		this.changes++;
		this.save();
	}

	/** The vault's state changed: saved after a quiet period. */
	changed(): void {
		if (this.stopped) return;
		this.changes++;
		if (!this.started) return;
		if (this.timer !== null) window.clearTimeout(this.timer);
		this.timer = window.setTimeout(() => {
			this.timer = null;
			this.save();
		}, SAVE_AFTER_MS);
	}

	/**
	 * Stops saving after changes (on unload). When changes are unsaved, saves them as far as
	 * the engine has computed them (nothing while it still reads the vault) and returns the
	 * promise of that; null otherwise.
	 */
	stop(): Promise<void> | null {
		if (this.timer !== null) window.clearTimeout(this.timer);
		this.timer = null;
		const unsaved = this.started && this.changes !== this.saved && !this.stopped;
		this.stopped = true;
		// Not behind a save waiting for every note to be checked: that may take long.
		return unsaved ? this.saveNow(false) : null;
	}

	/** Saves the state once every note is checked, after the saves before. */
	private save(): void {
		this.saving = this.saving.then(() => this.saveNow(true));
	}

	/** Saves the state: once every note is checked (`settled`), or as it is now. */
	private async saveNow(settled: boolean): Promise<void> {
		const changes = this.changes;
		if (changes === this.saved || (this.stopped && settled)) return;
		try {
			const bytes = await this.engine.saveState(this.stats(), settled);
			if (!bytes || (this.stopped && settled)) return;
			await this.write(bytes);
			this.saved = changes;
		} catch (e) {
			if (!(e instanceof EngineStoppedError)) reportError("saving the vault's state", e);
		}
	}

	/** Writes `bytes` under the temporary name, then moves it over the file. */
	private async write(bytes: Uint8Array): Promise<void> {
		const { adapter } = this.app.vault;
		const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
		await adapter.writeBinary(this.temp, buffer);
		// The adapter does not move over an existing file: until the move, `load` reads the temporary one.
		if (await adapter.exists(this.path)) await adapter.remove(this.path);
		await adapter.rename(this.temp, this.path);
	}
}
