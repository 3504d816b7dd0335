"use strict";
const { state } = require("./state");

/** Obsidian's `Events`: on/off/offref/trigger/tryTrigger, handlers called in registration order. */
class Events {
	constructor() {
		this._handlers = new Map();
	}

	on(name, callback, ctx) {
		const ref = { e: this, name, fn: callback, ctx };
		const list = this._handlers.get(name) ?? [];
		list.push(ref);
		this._handlers.set(name, list);
		return ref;
	}

	off(name, callback) {
		const list = this._handlers.get(name);
		if (list) this._handlers.set(name, list.filter((ref) => ref.fn !== callback));
	}

	offref(ref) {
		const list = this._handlers.get(ref.name);
		if (list) this._handlers.set(ref.name, list.filter((r) => r !== ref));
	}

	trigger(name, ...data) {
		for (const ref of [...(this._handlers.get(name) ?? [])]) this.tryTrigger(ref, data);
	}

	tryTrigger(ref, args) {
		try {
			ref.fn.apply(ref.ctx, args);
		} catch (e) {
			state.errors.push(e);
			console.error(e);
		}
	}

	/** Harness only: how many handlers listen to `name`. */
	_listenerCount(name) {
		return (this._handlers.get(name) ?? []).length;
	}
}

module.exports = { Events };
