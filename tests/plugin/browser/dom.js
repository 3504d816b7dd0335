"use strict";
/** The harness's DOM in a browser page: Obsidian's element helpers on the page's own DOM. */
const { addHelpers } = require("../harness/dom");

function installDom() {
	Object.assign(window, addHelpers(window), { activeWindow: window, activeDocument: document });
	return window;
}

module.exports = { installDom };
