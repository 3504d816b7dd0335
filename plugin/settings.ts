/**
 * Settings: loading (data.json merged with the engine's defaults and what the vault's own
 * configuration says), saving, and the settings tab.
 *
 * data.json holds the engine's Settings fields at top level in camelCase — the same file the
 * `curator` CLI reads — except what other files own, read at every load: property types from
 * types.json, the template folders the templates plugins declare, and the Tasks plugin's global
 * filter from its data.json. Beside them it holds the plugin's own options (`PluginOptions`),
 * which the CLI ignores.
 */
import { App, Notice, Plugin, PluginSettingTab, Setting, debounce, normalizePath } from "obsidian";
import type { EngineInfo, RemoteApi, Settings, SettingsInput } from "./engine";

/** What only the plugin reads, kept in data.json beside the engine's settings. */
export interface PluginOptions {
	/** Enrich notes on their own: as they arrive or change on disk, and when saved or left. */
	autoEnrich: boolean;
	/** How long a note must stay unchanged on disk before it is enriched, in milliseconds. */
	enrichQuietMs: number;
}

/** The options of a new install. */
export const DEFAULT_OPTIONS: PluginOptions = { autoEnrich: true, enrichQuietMs: 3000 };

/** The options saved in data.json, defaults for what is missing or of the wrong type. */
export function optionsFrom(saved: Record<string, unknown>): PluginOptions {
	const quiet = saved.enrichQuietMs;
	return {
		autoEnrich: typeof saved.autoEnrich === "boolean" ? saved.autoEnrich : DEFAULT_OPTIONS.autoEnrich,
		enrichQuietMs: typeof quiet === "number" && Number.isFinite(quiet) && quiet >= 0 ? quiet : DEFAULT_OPTIONS.enrichQuietMs,
	};
}

/** What the settings tab needs from the plugin. */
export interface SettingsHost extends Plugin {
	/** Loaded once the engine runs (`info` is then set). */
	settings: Settings;
	/** The plugin's own options (loaded with the settings). */
	options: PluginOptions;
	/** What the engine says about itself; null until it runs. */
	info: EngineInfo | null;
	whenReady(): Promise<void>;
	saveSettings(): Promise<void>;
	/** Saves the options (nothing is checked again). */
	saveOptions(): Promise<void>;
}

/** The parsed JSON file at `path` in the config folder, `undefined` when absent or unreadable. */
async function readConfigJson(app: App, path: string, ignored: string): Promise<unknown> {
	const full = normalizePath(`${app.vault.configDir}/${path}`);
	try {
		if (!(await app.vault.adapter.exists(full))) return undefined;
		return JSON.parse(await app.vault.adapter.read(full)) as unknown;
	} catch (e) {
		console.warn(`Vault Curator: cannot read ${full}; ${ignored} ignored`, e);
		return undefined;
	}
}

/** Property types declared in the vault's `types.json` (`{"types": {"created": "date"}}`). */
export async function readPropertyTypes(app: App): Promise<Record<string, string>> {
	const parsed = await readConfigJson(app, "types.json", "property types");
	const types = (parsed as { types?: unknown } | null | undefined)?.types;
	if (typeof types !== "object" || types === null) return {};
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(types)) {
		if (typeof value === "string") out[key] = value;
	}
	return out;
}

/** Template folders and files the vault's own settings declare (the engine says where, and reads them). */
export async function readDeclaredTemplates(app: App, engine: RemoteApi, info: EngineInfo): Promise<string[]> {
	const out: string[] = [];
	for (const file of new Set(info.templateSettings.map(([file]) => file))) {
		const parsed = await readConfigJson(app, file, "its templates");
		if (parsed === undefined) continue;
		for (const path of await engine.templatesNamedIn(file, parsed)) {
			// A folder or file the vault does not have declares nothing (the engine then looks for
			// template folders by name), as in the CLI.
			const exists = (await app.vault.adapter.exists(path)) || (await app.vault.adapter.exists(`${path}.md`));
			if (exists && !out.includes(path)) out.push(path);
		}
	}
	return out;
}

/** The Tasks plugin's global filter and status types, from its data.json (none when the plugin has none). */
export async function readTasksSettings(app: App): Promise<Pick<Settings, "tasksGlobalFilter" | "tasksRemoveGlobalFilter" | "tasksStatuses">> {
	const parsed = await readConfigJson(app, "plugins/obsidian-tasks-plugin/data.json", "the Tasks plugin's settings");
	const saved = (parsed ?? {}) as { globalFilter?: unknown; removeGlobalFilter?: unknown; statusSettings?: { coreStatuses?: unknown; customStatuses?: unknown } };
	// Each status a symbol of one character and a type; the engine checks the type, as the CLI does.
	const tasksStatuses: Settings["tasksStatuses"] = {};
	for (const list of [saved.statusSettings?.coreStatuses, saved.statusSettings?.customStatuses]) {
		for (const status of Array.isArray(list) ? (list as { symbol?: unknown; type?: unknown }[]) : []) {
			if (typeof status?.symbol === "string" && [...status.symbol].length === 1 && typeof status.type === "string" && STATUS_TYPES.has(status.type)) {
				tasksStatuses[status.symbol] = status.type as Settings["tasksStatuses"][string];
			}
		}
	}
	return {
		tasksGlobalFilter: typeof saved.globalFilter === "string" ? saved.globalFilter : "",
		tasksRemoveGlobalFilter: saved.removeGlobalFilter === true,
		tasksStatuses,
	};
}

/** The status types the engine reads (the Tasks plugin's). */
const STATUS_TYPES = new Set(["TODO", "DONE", "IN_PROGRESS", "ON_HOLD", "CANCELLED", "NON_TASK"]);

/** What the vault's own configuration says, and today's date, read at every load and never saved in data.json. */
async function readVaultConfig(app: App, engine: RemoteApi, info: EngineInfo): Promise<Pick<Settings, VaultOwned>> {
	return {
		propertyTypes: await readPropertyTypes(app),
		declaredTemplates: await readDeclaredTemplates(app, engine, info),
		...(await readTasksSettings(app)),
		today: localDate(new Date()),
	};
}

/** `date`'s day where the user is, as `YYYY-MM-DD`. */
export function localDate(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The settings in data.json completed with defaults, plus what the vault's configuration
 * declares, and the plugin's options.
 */
export async function loadSettings(plugin: Plugin, engine: RemoteApi, info: EngineInfo): Promise<{ settings: Settings; options: PluginOptions }> {
	const loaded: unknown = await plugin.loadData();
	const saved = (typeof loaded === "object" && loaded !== null ? loaded : {}) as Record<string, unknown>;
	const options = optionsFrom(saved);
	const vault = await readVaultConfig(plugin.app, engine, info);
	try {
		return { settings: await engine.completeSettings({ ...(saved as SettingsInput), ...vault }), options };
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		new Notice(`Vault Curator: data.json has ${message}; using the default settings.`);
		return { settings: await engine.completeSettings(vault), options };
	}
}

/** Settings fields other files (or the clock) own: read at every load, never saved. */
type VaultOwned = "propertyTypes" | "declaredTemplates" | "tasksGlobalFilter" | "tasksRemoveGlobalFilter" | "tasksStatuses" | "today";

/** What data.json stores: every settings field but those other files own, and the options. */
export function persistedSettings(settings: Settings, options: PluginOptions): Omit<Settings, VaultOwned> & PluginOptions {
	const {
		propertyTypes: _types,
		declaredTemplates: _templates,
		tasksGlobalFilter: _filter,
		tasksRemoveGlobalFilter: _remove,
		tasksStatuses: _statuses,
		today: _today,
		...persisted
	} = settings;
	return { ...persisted, ...options };
}


type ListField = "peopleFolders" | "orgFolders" | "peopleTypes" | "orgTypes" | "dateKeys" | "ignore" | "templateFolders";

const LISTS: { key: ListField; name: string; desc: string }[] = [
	{ key: "peopleFolders", name: "People folders", desc: "Folders whose notes are people, comma-separated." },
	{ key: "orgFolders", name: "Organization folders", desc: "Folders whose notes are organizations, comma-separated." },
	{ key: "peopleTypes", name: "People types", desc: "Values of the type property that mark a person note." },
	{ key: "orgTypes", name: "Organization types", desc: "Values of the type property that mark an organization note." },
	{ key: "dateKeys", name: "Date properties", desc: "Properties always treated as dates, besides those typed as dates in the vault." },
	{ key: "ignore", name: "Ignored paths", desc: "Path prefixes never changed, comma-separated." },
	{ key: "templateFolders", name: "Template folders", desc: "Folders of templates, never changed, besides those the templates plugins declare." },
];

/** Splits a comma-separated field into trimmed, non-empty entries. */
export function splitList(value: string): string[] {
	return value
		.split(",")
		.map((s) => s.trim())
		.filter((s) => s.length > 0);
}

/** The settings tab: rule switches and vault conventions. */
export class CuratorSettingTab extends PluginSettingTab {
	private readonly host: SettingsHost;
	private readonly saveSoon = debounce(() => void this.host.saveSettings(), 600, true);
	private readonly saveOptionsSoon = debounce(() => void this.host.saveOptions(), 600, true);

	constructor(app: App, host: SettingsHost) {
		super(app, host);
		this.host = host;
	}

	display(): void {
		this.render();
	}

	/** Fills the tab; until the engine runs, says so and fills it once it does. */
	private render(): void {
		const { containerEl } = this;
		containerEl.empty();
		const { settings, options, info } = this.host;
		if (!info || !settings) {
			const waiting = containerEl.createDiv({ cls: "vault-curator-empty", text: "The engine is starting…" });
			void this.host.whenReady().then(
				() => this.render(),
				() => waiting.setText("The engine could not start: these settings are unavailable until the plugin is reloaded."),
			);
			return;
		}

		new Setting(containerEl).setName("Enrichment").setHeading();
		new Setting(containerEl)
			.setName("Enrich notes on their own")
			.setDesc(
				"Notes that arrive or change on disk are fixed once they stay unchanged for a moment; the note you edit, when you save it or leave it. Only safe fixes apply; everything else goes to the review queue. The undo last enrichment command puts notes back.",
			)
			.addToggle((toggle) =>
				toggle.setValue(options.autoEnrich).onChange(async (value) => {
					options.autoEnrich = value;
					await this.host.saveOptions();
				}),
			);
		new Setting(containerEl)
			.setName("Wait before enriching")
			.setDesc("Seconds a note must stay unchanged on disk first: a pipeline may write a note in several steps.")
			.addText((text) =>
				text.setValue(String(options.enrichQuietMs / 1000)).onChange((value) => {
					const seconds = Number(value);
					if (!Number.isFinite(seconds) || seconds < 0) return;
					options.enrichQuietMs = Math.round(seconds * 1000);
					this.saveOptionsSoon();
				}),
			);

		new Setting(containerEl).setName("Rules").setHeading();
		for (const rule of info.rules) {
			new Setting(containerEl)
				.setName(rule.title)
				.setDesc(rule.description)
				.addToggle((toggle) =>
					toggle.setValue(settings.rules[rule.key] ?? rule.defaultOn).onChange(async (value) => {
						settings.rules[rule.key] = value;
						await this.host.saveSettings();
					}),
				);
		}

		new Setting(containerEl).setName("Conventions").setHeading();
		new Setting(containerEl)
			.setName("List style")
			.setDesc("Layout of rewritten tags and aliases lists.")
			.addDropdown((dropdown) =>
				dropdown
					.addOptions({ keep: "Keep the note's style", flow: "Inline [a, b]", block: "One item per line" })
					.setValue(settings.listStyle)
					.onChange(async (value) => {
						settings.listStyle = value as Settings["listStyle"];
						await this.host.saveSettings();
					}),
			);
		new Setting(containerEl)
			.setName("Owner handle style")
			.setDesc("Form of rewritten task owners.")
			.addDropdown((dropdown) =>
				dropdown
					.addOptions({ detect: "Detect from the vault", spaced: "First Last", camel: "FirstLast" })
					.setValue(settings.handleStyle)
					.onChange(async (value) => {
						settings.handleStyle = value as Settings["handleStyle"];
						await this.host.saveSettings();
					}),
			);
		for (const list of LISTS) {
			new Setting(containerEl)
				.setName(list.name)
				.setDesc(list.desc)
				.addText((text) =>
					text.setValue(settings[list.key].join(", ")).onChange((value) => {
						settings[list.key] = splitList(value);
						this.saveSoon();
					}),
				);
		}
		new Setting(containerEl)
			.setName("Opt-out property")
			.setDesc("A note with this property set to off is never changed; a list of rule names switches only those off.")
			.addText((text) =>
				text.setValue(settings.optOutKey).onChange((value) => {
					settings.optOutKey = value.trim();
					this.saveSoon();
				}),
			);
	}

	hide(): void {
		this.saveSoon.run();
		this.saveOptionsSoon.run();
	}
}
