"use strict";
/**
 * A DOM for the harness (happy-dom) with the helpers Obsidian adds to Node/HTMLElement/
 * DocumentFragment (createEl, createDiv, createSpan, empty, setText, addClass, toggleClass, …)
 * and the globals it defines (createEl, createDiv, createSpan, createFragment, activeDocument,
 * activeWindow). Installed once per process.
 */
const { Window } = require("happy-dom");

let installed = null;

/** Applies a DomElementInfo (`string` = class) to a new element. */
function applyInfo(el, o) {
	if (o === undefined || o === null) return;
	if (typeof o === "string") o = { cls: o };
	if (o.cls !== undefined) el.addClass(...(Array.isArray(o.cls) ? o.cls : o.cls.split(" ").filter(Boolean)));
	if (o.text !== undefined) el.setText(o.text);
	if (o.attr) for (const [k, v] of Object.entries(o.attr)) if (v !== null && v !== false) el.setAttribute(k, String(v));
	if (o.title !== undefined) el.title = o.title;
	if (o.value !== undefined) el.value = o.value;
	if (o.type !== undefined) el.type = o.type;
	if (o.placeholder !== undefined) el.placeholder = o.placeholder;
	if (o.href !== undefined) el.href = o.href;
	if (o.parent) {
		if (o.prepend) o.parent.prepend(el);
		else o.parent.appendChild(el);
	}
}

function addHelpers(window) {
	const { document } = window;
	const create = (tag, o, callback) => {
		const el = document.createElement(tag);
		applyInfo(el, o);
		if (callback) callback(el);
		return el;
	};
	const nodeHelpers = {
		createEl(tag, o, callback) {
			const el = create(tag, o, undefined);
			if (!(o && typeof o === "object" && o.parent)) {
				if (o && typeof o === "object" && o.prepend) this.prepend(el);
				else this.appendChild(el);
			}
			if (callback) callback(el);
			return el;
		},
		createDiv(o, callback) {
			return this.createEl("div", o, callback);
		},
		createSpan(o, callback) {
			return this.createEl("span", o, callback);
		},
		empty() {
			while (this.firstChild) this.removeChild(this.firstChild);
		},
		detach() {
			this.parentNode?.removeChild(this);
		},
		appendText(text) {
			this.appendChild(document.createTextNode(text));
		},
		instanceOf(type) {
			return this instanceof type;
		},
	};
	const elementHelpers = {
		setText(value) {
			if (typeof value === "string") this.textContent = value;
			else {
				this.empty();
				this.appendChild(value);
			}
		},
		getText() {
			return this.textContent ?? "";
		},
		addClass(...classes) {
			this.classList.add(...classes.filter(Boolean));
		},
		addClasses(classes) {
			this.addClass(...classes);
		},
		removeClass(...classes) {
			this.classList.remove(...classes);
		},
		removeClasses(classes) {
			this.removeClass(...classes);
		},
		toggleClass(classes, value) {
			for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
		},
		hasClass(cls) {
			return this.classList.contains(cls);
		},
		setAttr(name, value) {
			if (value === null || value === undefined || value === false) this.removeAttribute(name);
			else this.setAttribute(name, String(value));
		},
		setAttrs(obj) {
			for (const [k, v] of Object.entries(obj)) this.setAttr(k, v);
		},
		getAttr(name) {
			return this.getAttribute(name);
		},
		find(selector) {
			return this.querySelector(selector);
		},
		findAll(selector) {
			return Array.from(this.querySelectorAll(selector));
		},
		show() {
			this.style.display = "";
		},
		hide() {
			this.style.display = "none";
		},
		toggle(show) {
			if (show) this.show();
			else this.hide();
		},
		isShown() {
			return this.style.display !== "none" && this.isConnected;
		},
		setCssStyles(styles) {
			Object.assign(this.style, styles);
		},
		setCssProps(props) {
			for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
		},
	};
	for (const [name, fn] of Object.entries(nodeHelpers)) {
		for (const proto of [window.Node.prototype]) Object.defineProperty(proto, name, { value: fn, configurable: true, writable: true });
	}
	for (const [name, fn] of Object.entries(elementHelpers)) {
		Object.defineProperty(window.Element.prototype, name, { value: fn, configurable: true, writable: true });
	}
	const globals = {
		createEl: (tag, o, callback) => create(tag, o, callback),
		createDiv: (o, callback) => create("div", o, callback),
		createSpan: (o, callback) => create("span", o, callback),
		createFragment: (callback) => {
			const fragment = document.createDocumentFragment();
			if (callback) callback(fragment);
			return fragment;
		},
	};
	return globals;
}

/** Installs the DOM globals (idempotent) and returns the happy-dom window. */
function installDom() {
	if (installed) return installed;
	const window = new Window({ url: "app://obsidian.md/" });
	const globals = {
		window,
		// As in a browser window (the plugin's engine code runs in a window or a worker and
		// uses `self`).
		self: window,
		document: window.document,
		activeWindow: window,
		activeDocument: window.document,
		...addHelpers(window),
	};
	for (const name of [
		"HTMLElement",
		"Element",
		"Node",
		"Text",
		"DocumentFragment",
		"HTMLInputElement",
		"HTMLSelectElement",
		"HTMLTextAreaElement",
		"HTMLButtonElement",
		"HTMLAnchorElement",
		"SVGElement",
		"MutationObserver",
	]) {
		globals[name] = window[name];
	}
	for (const [name, value] of Object.entries(globals)) {
		Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
	}
	installed = window;
	return window;
}

module.exports = { installDom, addHelpers };
