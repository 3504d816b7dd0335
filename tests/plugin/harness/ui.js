"use strict";
/**
 * Obsidian's UI pieces: Notice (recorded in `state.notices`), Modal (open ones in
 * `state.modals`), SuggestModal/FuzzySuggestModal (suggestions rendered as clickable
 * `.suggestion-item`s; type a query with `_setQuery`), Setting and its components (real
 * inputs: tests click toggles, type into text inputs and pick dropdown options), SettingTab.
 */
const { state } = require("./state");

class Notice {
	constructor(message, duration) {
		this.noticeEl = createDiv({ cls: "notice" });
		this.containerEl = this.noticeEl;
		this.messageEl = this.noticeEl.createDiv({ cls: "notice-message" });
		this.duration = duration;
		this._index = state.notices.length;
		state.notices.push("");
		this.setMessage(message);
	}

	setMessage(message) {
		this.messageEl.setText(message);
		state.notices[this._index] = this.messageEl.textContent;
		return this;
	}

	hide() {
		this.noticeEl.detach();
	}
}

class Modal {
	constructor(app) {
		this.app = app;
		this.scope = {};
		this.shouldRestoreSelection = false;
		this.containerEl = createDiv({ cls: "modal-container" });
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
		this._closeCallback = null;
		this._isOpen = false;
	}

	open() {
		document.body.appendChild(this.containerEl);
		this._isOpen = true;
		state.modals.push(this);
		this._opening = Promise.resolve(this.onOpen());
	}

	close() {
		if (!this._isOpen) return;
		this._isOpen = false;
		const i = state.modals.indexOf(this);
		if (i >= 0) state.modals.splice(i, 1);
		this.onClose();
		this.containerEl.detach();
		this._closeCallback?.();
	}

	onOpen() {}

	onClose() {}

	setTitle(title) {
		this.titleEl.setText(title);
		return this;
	}

	setContent(content) {
		this.contentEl.setText(content);
		return this;
	}

	setCloseCallback(callback) {
		this._closeCallback = callback;
		return this;
	}
}

class SuggestModal extends Modal {
	constructor(app) {
		super(app);
		this.limit = 100;
		this.emptyStateText = "No results found.";
		this.inputEl = this.modalEl.createEl("input", { cls: "prompt-input", type: "text" });
		this.resultContainerEl = this.modalEl.createDiv({ cls: "prompt-results" });
		this.inputEl.addEventListener("input", () => void this._update());
	}

	setPlaceholder(placeholder) {
		this.inputEl.placeholder = placeholder;
	}

	setInstructions(instructions) {
		this._instructions = instructions;
	}

	open() {
		super.open();
		this._updating = this._update();
	}

	onNoSuggestion() {
		this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
	}

	selectSuggestion(value, evt) {
		this.close();
		this.onChooseSuggestion(value, evt);
	}

	/** Harness only: types `query` into the prompt and waits for the suggestions. */
	async _setQuery(query) {
		this.inputEl.value = query;
		await this._update();
	}

	async _update() {
		const suggestions = (await this.getSuggestions(this.inputEl.value)).slice(0, this.limit);
		this.resultContainerEl.empty();
		if (suggestions.length === 0) this.onNoSuggestion();
		for (const suggestion of suggestions) {
			const el = this.resultContainerEl.createDiv({ cls: "suggestion-item" });
			this.renderSuggestion(suggestion, el);
			el.addEventListener("click", (evt) => this.selectSuggestion(suggestion, evt));
		}
	}
}

class FuzzySuggestModal extends SuggestModal {
	getSuggestions(query) {
		const q = query.toLowerCase();
		const scored = [];
		for (const item of this.getItems()) {
			const text = this.getItemText(item).toLowerCase();
			let at = 0;
			let score = 0;
			for (const ch of q) {
				const found = text.indexOf(ch, at);
				if (found < 0) {
					score = null;
					break;
				}
				score -= found - at;
				at = found + 1;
			}
			if (score !== null) scored.push({ item, match: { score, matches: [] } });
		}
		return scored.sort((a, b) => b.match.score - a.match.score);
	}

	renderSuggestion(match, el) {
		el.setText(this.getItemText(match.item));
	}

	onChooseSuggestion(match, evt) {
		this.onChooseItem(match.item, evt);
	}
}

class BaseComponent {
	constructor() {
		this.disabled = false;
	}

	then(cb) {
		cb(this);
		return this;
	}

	setDisabled(disabled) {
		this.disabled = disabled;
		return this;
	}
}

class ValueComponent extends BaseComponent {
	registerOptionListener(listeners, key) {
		listeners[key] = (value) => {
			if (value !== undefined) this.setValue(value);
			return this.getValue();
		};
		return this;
	}
}

/** A toggle: clicking `toggleEl` flips it and calls the onChange callback, like a user would. */
class ToggleComponent extends ValueComponent {
	constructor(containerEl) {
		super();
		this.toggleEl = containerEl.createDiv({ cls: "checkbox-container" });
		this._value = false;
		this._onChange = null;
		this.toggleEl.addEventListener("click", () => {
			if (this.disabled) return;
			this.setValue(!this._value);
			this._onChange?.(this._value);
		});
	}

	getValue() {
		return this._value;
	}

	setValue(on) {
		this._value = Boolean(on);
		this.toggleEl.toggleClass("is-enabled", this._value);
		return this;
	}

	setTooltip(tooltip) {
		this.toggleEl.setAttribute("aria-label", tooltip);
		return this;
	}

	onClick() {
		this.toggleEl.click();
	}

	onChange(callback) {
		this._onChange = callback;
		return this;
	}
}

/** A text input: set `inputEl.value` and dispatch `input` to type into it. */
class AbstractTextComponent extends ValueComponent {
	constructor(inputEl) {
		super();
		this.inputEl = inputEl;
		this._onChange = null;
		this.inputEl.addEventListener("input", () => this.onChanged());
	}

	getValue() {
		return this.inputEl.value;
	}

	setValue(value) {
		this.inputEl.value = value;
		return this;
	}

	setPlaceholder(placeholder) {
		this.inputEl.placeholder = placeholder;
		return this;
	}

	onChanged() {
		this._onChange?.(this.getValue());
	}

	onChange(callback) {
		this._onChange = callback;
		return this;
	}
}

class TextComponent extends AbstractTextComponent {
	constructor(containerEl) {
		super(containerEl.createEl("input", { type: "text" }));
	}
}

class TextAreaComponent extends AbstractTextComponent {
	constructor(containerEl) {
		super(containerEl.createEl("textarea"));
	}
}

/** A dropdown: set `selectEl.value` and dispatch `change` to pick an option. */
class DropdownComponent extends ValueComponent {
	constructor(containerEl) {
		super();
		this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
		this._onChange = null;
		this.selectEl.addEventListener("change", () => this._onChange?.(this.selectEl.value));
	}

	addOption(value, display) {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}

	addOptions(options) {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}

	getValue() {
		return this.selectEl.value;
	}

	setValue(value) {
		this.selectEl.value = value;
		return this;
	}

	onChange(callback) {
		this._onChange = callback;
		return this;
	}
}

class ButtonComponent extends BaseComponent {
	constructor(containerEl) {
		super();
		this.buttonEl = containerEl.createEl("button");
	}

	setButtonText(name) {
		this.buttonEl.setText(name);
		return this;
	}

	setCta() {
		this.buttonEl.addClass("mod-cta");
		return this;
	}

	removeCta() {
		this.buttonEl.removeClass("mod-cta");
		return this;
	}

	setWarning() {
		this.buttonEl.addClass("mod-warning");
		return this;
	}

	setIcon(icon) {
		this.buttonEl.setAttribute("data-icon", icon);
		return this;
	}

	setTooltip(tooltip) {
		this.buttonEl.setAttribute("aria-label", tooltip);
		return this;
	}

	setClass(cls) {
		this.buttonEl.addClass(cls);
		return this;
	}

	setDisabled(disabled) {
		super.setDisabled(disabled);
		this.buttonEl.disabled = disabled;
		return this;
	}

	onClick(callback) {
		this.buttonEl.addEventListener("click", (evt) => {
			if (!this.disabled) void callback(evt);
		});
		return this;
	}
}

class ExtraButtonComponent extends ButtonComponent {
	constructor(containerEl) {
		super(containerEl);
		this.extraSettingsEl = this.buttonEl;
	}
}

class SliderComponent extends ValueComponent {
	constructor(containerEl) {
		super();
		this.sliderEl = containerEl.createEl("input", { type: "range" });
		this._onChange = null;
		this.sliderEl.addEventListener("input", () => this._onChange?.(Number(this.sliderEl.value)));
	}

	setLimits(min, max, step) {
		this.sliderEl.min = String(min);
		this.sliderEl.max = String(max);
		this.sliderEl.step = String(step);
		return this;
	}

	setDynamicTooltip() {
		return this;
	}

	getValue() {
		return Number(this.sliderEl.value);
	}

	setValue(value) {
		this.sliderEl.value = String(value);
		return this;
	}

	onChange(callback) {
		this._onChange = callback;
		return this;
	}
}

/** A settings row. `settingEl.dataset.name` holds the name, for tests to find rows. */
class Setting {
	constructor(containerEl) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
		this.components = [];
	}

	setName(name) {
		this.nameEl.setText(name);
		this.settingEl.dataset.name = this.nameEl.textContent;
		return this;
	}

	setDesc(desc) {
		this.descEl.setText(desc);
		return this;
	}

	setClass(cls) {
		this.settingEl.addClass(cls);
		return this;
	}

	setTooltip(tooltip) {
		this.nameEl.setAttribute("aria-label", tooltip);
		return this;
	}

	setHeading() {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}

	setDisabled(disabled) {
		for (const c of this.components) c.setDisabled(disabled);
		return this;
	}

	addButton(cb) {
		return this._add(new ButtonComponent(this.controlEl), cb);
	}

	addExtraButton(cb) {
		return this._add(new ExtraButtonComponent(this.controlEl), cb);
	}

	addToggle(cb) {
		return this._add(new ToggleComponent(this.controlEl), cb);
	}

	addText(cb) {
		return this._add(new TextComponent(this.controlEl), cb);
	}

	addTextArea(cb) {
		return this._add(new TextAreaComponent(this.controlEl), cb);
	}

	addDropdown(cb) {
		return this._add(new DropdownComponent(this.controlEl), cb);
	}

	addSlider(cb) {
		return this._add(new SliderComponent(this.controlEl), cb);
	}

	then(cb) {
		cb(this);
		return this;
	}

	clear() {
		this.controlEl.empty();
		this.components = [];
		return this;
	}

	_add(component, cb) {
		this.components.push(component);
		cb(component);
		return this;
	}
}

class SettingTab {
	constructor(app) {
		this.app = app;
		this.containerEl = createDiv({ cls: "vertical-tab-content" });
	}

	display() {}

	hide() {
		this.containerEl.empty();
	}
}

class PluginSettingTab extends SettingTab {
	constructor(app, plugin) {
		super(app);
		this.plugin = plugin;
	}
}

module.exports = {
	Notice,
	Modal,
	SuggestModal,
	FuzzySuggestModal,
	BaseComponent,
	ValueComponent,
	ToggleComponent,
	TextComponent,
	TextAreaComponent,
	DropdownComponent,
	ButtonComponent,
	ExtraButtonComponent,
	SliderComponent,
	Setting,
	SettingTab,
	PluginSettingTab,
};
