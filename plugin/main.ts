/**
 * Vault Curator: plugin lifecycle and registration only. The engine (Rust, compiled to
 * WebAssembly and inlined in main.js) does the work; see engine.ts.
 */
import { Notice, Plugin } from "obsidian";
import { registerCommands } from "./commands";
import { Engine, loadWasm, type Resolution, type Settings } from "./engine";
import { messageOf } from "./errors";
import type { CuratorHost } from "./host";
import { Indexer } from "./indexer";
import { CuratorSettingTab, loadSettings, persistedSettings } from "./settings";
import { ReviewView, VIEW_TYPE_REVIEW } from "./views/review-view";
import { TasksByOwnerView, VIEW_TYPE_TASKS } from "./views/tasks-view";

export default class VaultCuratorPlugin extends Plugin implements CuratorHost {
	settings!: Settings;
	indexer!: Indexer;
	private engine: Engine | null = null;

	async onload(): Promise<void> {
		try {
			loadWasm();
		} catch (e) {
			// Nothing is registered: the plugin stays inert until it is reloaded.
			console.error("Vault Curator: the engine could not start", e);
			new Notice(`Vault Curator is off: its engine could not start (${messageOf(e)}). Reload the plugin or reinstall it.`);
			return;
		}
		this.settings = await loadSettings(this);
		this.engine = new Engine(this.settings);
		this.indexer = new Indexer(this.app, this.engine);
		this.indexer.start(this);

		this.registerView(VIEW_TYPE_TASKS, (leaf) => new TasksByOwnerView(leaf, this.indexer));
		this.registerView(VIEW_TYPE_REVIEW, (leaf) => new ReviewView(leaf, this.indexer, this));
		registerCommands(this);
		this.addSettingTab(new CuratorSettingTab(this.app, this));
	}

	onunload(): void {
		this.indexer?.stop();
		this.engine?.free();
		this.engine = null;
	}

	/** Saves the settings to data.json and re-indexes the vault with them. */
	async saveSettings(): Promise<void> {
		await this.saveData(persistedSettings(this.settings));
		await this.indexer.rebuild(this.settings);
	}

	/** Records a review answer: an accepted resolution is used next time, a rejected one never. */
	async recordResolution(answer: "accepted" | "rejected", resolution: Resolution): Promise<void> {
		const same = (r: Resolution) => r.text === resolution.text && r.entity === resolution.entity;
		this.settings.accepted = this.settings.accepted.filter((r) => !same(r));
		this.settings.rejected = this.settings.rejected.filter((r) => !same(r));
		this.settings[answer].push(resolution);
		await this.saveSettings();
	}

	async activateView(viewType: string): Promise<void> {
		const { workspace } = this.app;
		let leaf = workspace.getLeavesOfType(viewType)[0] ?? null;
		if (!leaf) {
			leaf = workspace.getRightLeaf(false);
			if (!leaf) return;
			await leaf.setViewState({ type: viewType, active: true });
		}
		await workspace.revealLeaf(leaf);
	}
}
