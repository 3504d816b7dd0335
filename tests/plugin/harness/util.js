"use strict";
/** Obsidian's small utilities: normalizePath, debounce, Platform, setIcon, setTooltip. */

function normalizePath(p) {
	let out = String(p)
		.replace(/[\\/]+/g, "/")
		.replace(/\u00A0|\u202F/g, " ")
		.replace(/^\/+|\/+$/g, "");
	if (out === "") out = "/";
	return out.normalize("NFC");
}

function debounce(cb, timeout = 0, resetTimer = false) {
	let timer = null;
	let pendingArgs = null;
	const fire = () => {
		timer = null;
		const args = pendingArgs;
		pendingArgs = null;
		return cb(...args);
	};
	const debounced = (...args) => {
		pendingArgs = args;
		if (timer !== null && resetTimer) {
			clearTimeout(timer);
			timer = null;
		}
		if (timer === null) timer = setTimeout(fire, timeout);
		return debounced;
	};
	debounced.cancel = () => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
		pendingArgs = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer === null) return undefined;
		clearTimeout(timer);
		return fire();
	};
	return debounced;
}

const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
	resourcePathPrefix: "app://local/",
};

function setIcon(el, iconId) {
	el.setAttribute("data-icon", iconId);
}

function setTooltip(el, tooltip) {
	el.setAttribute("aria-label", tooltip);
}

module.exports = { normalizePath, debounce, Platform, setIcon, setTooltip };
