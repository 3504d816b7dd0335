"use strict";
/** Obsidian's `Component`: load/unload with children and registered cleanups. */
class Component {
	constructor() {
		this._loaded = false;
		this._children = [];
		this._cleanups = [];
	}

	/** Loads the component; returns what `onload` returned (the harness awaits it). */
	load() {
		if (this._loaded) return undefined;
		this._loaded = true;
		const result = this.onload();
		for (const child of this._children) child.load();
		return result;
	}

	onload() {}

	unload() {
		if (!this._loaded) return;
		this._loaded = false;
		for (const child of [...this._children]) child.unload();
		for (const cleanup of this._cleanups.splice(0).reverse()) cleanup();
		this.onunload();
	}

	onunload() {}

	addChild(component) {
		this._children.push(component);
		if (this._loaded) component.load();
		return component;
	}

	removeChild(component) {
		this._children = this._children.filter((c) => c !== component);
		component.unload();
		return component;
	}

	register(cb) {
		this._cleanups.push(cb);
	}

	registerEvent(eventRef) {
		this.register(() => eventRef.e.offref(eventRef));
	}

	registerDomEvent(el, type, callback, options) {
		el.addEventListener(type, callback, options);
		this.register(() => el.removeEventListener(type, callback, options));
	}

	registerInterval(id) {
		this.register(() => clearInterval(id));
		return id;
	}
}

module.exports = { Component };
