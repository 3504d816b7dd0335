"use strict";
/** What the harness records for assertions: notices shown, modals opened, errors swallowed. */
const state = {
	/** Messages of every Notice, oldest first. */
	notices: [],
	/** Modals currently open, oldest first. */
	modals: [],
	/** Errors thrown by event handlers (Obsidian logs and swallows them). */
	errors: [],
	reset() {
		state.notices.length = 0;
		for (const modal of [...state.modals]) modal.close();
		state.modals.length = 0;
		state.errors.length = 0;
	},
};

module.exports = { state };
