/**
 * Vault Curator: plugin lifecycle and registration only. The engine (Rust, compiled to
 * WebAssembly and inlined in main.js) runs in a Web Worker and does the work; see engine/.
 *
 * `onload` registers views, commands and the settings tab and returns at once; the engine
 * starts in the background, then the settings are loaded and, once the layout is ready, the
 * vault is indexed. Commands and views wait for that (`whenReady`).
 */
import { Notice, Plugin } from "obsidian";
import { registerCommands } from "./commands";
import { undoSummary } from "./commands/undo";
import { Enrichment } from "./enrich/enrichment";
import { EnrichmentStatus } from "./enrich/status";
import { EngineClient, type EngineInfo, type RemoteApi, type Resolution, type Settings } from "./engine";
import { guarded, messageOf } from "./errors";
import type { CuratorHost } from "./host";
import { Indexer } from "./indexer";
import { Journal } from "./journal";
import { NoteWriter } from "./note-writer";
import { CuratorSettingTab, DEFAULT_OPTIONS, loadSettings, persistedSettings, type PluginOptions } from "./settings";
import { StateFile } from "./state-file";
import { IndexStatus } from "./status";
import { MentionsView, VIEW_TYPE_MENTIONS } from "./views/mentions-view";
import { followReviewCount, type ReviewCount } from "./views/review-count";
import { ReviewView, VIEW_TYPE_REVIEW } from "./views/review-view";
import { TasksByOwnerView, VIEW_TYPE_TASKS } from "./views/tasks-view";

export default class VaultCuratorPlugin extends Plugin implements CuratorHost {
	settings!: Settings;
	options: PluginOptions = { ...DEFAULT_OPTIONS };
	engine!: RemoteApi;
	indexer!: Indexer;
	writer!: NoteWriter;
	journal!: Journal;
	/** What the engine says about itself, once started. */
	info: EngineInfo | null = null;
	readonly lastKnown = new Map<string, unknown>();
	private client!: EngineClient;
	private stateFile!: StateFile;
	private ready!: Promise<void>;
	private enrichment!: Enrichment;
	private enrichmentStatus!: EnrichmentStatus;
	private reviewCount: ReviewCount | null = null;

	onload(): void {
		const status = new IndexStatus(this.addStatusBarItem());
		this.client = new EngineClient({
			progress: (event) => {
				status.setProgress(event.progress);
				this.indexer.onProgress(event.progress);
			},
			failed: (error) => {
				console.error("Vault Curator: the engine stopped working", error);
				new Notice(`Vault Curator: ${error.message}.`);
				status.setOff();
			},
		});
		this.engine = this.client.api;
		this.indexer = new Indexer(this.app, this.engine, status);
		this.client.textReader = (paths) => this.indexer.readTexts(paths);
		this.stateFile = new StateFile(this.app, this.manifest, this.engine, () => this.indexer.noteStats());
		this.indexer.onChange(() => this.stateFile.changed());
		this.writer = new NoteWriter(this.app);
		this.enrichmentStatus = new EnrichmentStatus(this.addStatusBarItem(), guarded("undoing the last enrichment", () => this.undoLast()));
		this.enrichment = new Enrichment(this, this.enrichmentStatus);

		this.registerView(VIEW_TYPE_TASKS, (leaf) => new TasksByOwnerView(leaf, this));
		this.registerView(VIEW_TYPE_REVIEW, (leaf) => new ReviewView(leaf, this));
		this.registerView(VIEW_TYPE_MENTIONS, (leaf) => new MentionsView(leaf, this));
		const commands = registerCommands(this);
		this.addSettingTab(new CuratorSettingTab(this.app, this));

		this.reviewCount = followReviewCount(this, this.addStatusBarItem());
		this.register(() => this.reviewCount?.stop());

		this.ready = this.start();
		this.ready.catch((e: unknown) => {
			if (this.client.stopped) return;
			// The plugin stays inert until it is reloaded: nothing can work without the engine.
			console.error("Vault Curator: the engine could not start", e);
			new Notice(`Vault Curator is off: its engine could not start (${messageOf(e)}). Reload the plugin or reinstall it.`);
			for (const id of commands) this.removeCommand(id);
			status.setOff();
		});
	}

	onunload(): void {
		this.indexer?.stop();
		// Unsaved changes are saved before the engine stops.
		const saving = this.stateFile?.stop();
		if (saving) void saving.finally(() => this.client?.stop());
		else this.client?.stop();
	}

	whenReady(): Promise<void> {
		return this.ready;
	}

	/**
	 * Starts the engine (after `onload` has returned), loads the settings into it and, once the
	 * layout is ready, the vault.
	 */
	private async start(): Promise<void> {
		await new Promise((resolve) => window.setTimeout(resolve, 0));
		await this.client.start();
		this.info = await this.engine.info();
		// Started warm from the saved state, and saving it.
		this.indexer.stateFile = this.stateFile;
		this.journal = new Journal(this.app, this.engine, this.info.journalDir, this.info.putBackFile);
		const { settings, options } = await loadSettings(this, this.engine, this.info);
		this.settings = settings;
		this.options = options;
		await this.engine.configure(this.settings);
		if (this.client.stopped) return;
		this.indexer.start(this);
		this.enrichment.start();
	}

	/** Saves the settings to data.json and has the engine check the vault with them. */
	async saveSettings(): Promise<void> {
		await this.saveData(persistedSettings(this.settings, this.options));
		await this.indexer.rebuild(this.settings);
	}

	/** Saves the plugin's options to data.json. */
	async saveOptions(): Promise<void> {
		await this.saveData(persistedSettings(this.settings, this.options));
	}

	/** Undoes the newest run of the undo journal and says what it did. */
	async undoLast(): Promise<void> {
		await this.whenReady();
		await this.enrichment.flush();
		const outcome = await this.journal.undoLast(this.writer);
		new Notice(undoSummary(outcome));
		if (outcome) this.enrichmentStatus.undone(outcome.restored.length);
	}

	/**
	 * Records a review answer: an accepted resolution is used next time, a rejected one never.
	 * A name is one entity: accepting it drops what was accepted for it before.
	 */
	async recordResolution(answer: "accepted" | "rejected", resolution: Resolution): Promise<void> {
		const same = (r: Resolution) => r.text === resolution.text && r.entity === resolution.entity;
		const sameName = (r: Resolution) => r.text.localeCompare(resolution.text, undefined, { sensitivity: "base" }) === 0;
		this.settings.accepted = this.settings.accepted.filter((r) => !same(r) && !(answer === "accepted" && sameName(r)));
		this.settings.rejected = this.settings.rejected.filter((r) => !same(r));
		this.settings[answer].push(resolution);
		await this.saveSettings();
	}

	/** The review queue changed without the vault changing (an answer): its count is asked for again. */
	reviewChanged(): void {
		this.reviewCount?.update();
	}

	/** Records that `name` is not a name: it is never resolved or asked about again. */
	async recordNotAName(name: string): Promise<void> {
		if (!this.settings.notNames.includes(name)) this.settings.notNames.push(name);
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


