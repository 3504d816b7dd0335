"use strict";
/**
 * What the browser tests share: whether headless Chromium can run here, the page's script
 * (page.js and the harness bundled around the BUILT main.js), the vault it loads, the page's
 * HTML in a theme, and screenshots of the sidebar under tests/artifacts/.
 */
const fs = require("node:fs");
const path = require("node:path");
const { reviewQueueVault } = require("../review-queue-vault");

const ROOT = path.resolve(__dirname, "../../..");
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "tests", "artifacts");
/** From the project's toolchain notes: what headless Chromium needs here. */
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Why the browser test cannot run here, or null. */
function missing() {
	if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} is missing: install Debian's chromium (scripts/setup.sh does when it can)`;
	try {
		require.resolve("playwright-core");
	} catch {
		return "playwright-core is not installed: run npm ci";
	}
	if (!fs.existsSync(path.join(ROOT, "main.js"))) return "main.js is missing: run npm run build first";
	return null;
}

/** The page's script: page.js with the harness, bundled for the browser around the built main.js. */
async function bundle() {
	const esbuild = require("esbuild");
	const here = __dirname;
	const harness = path.join(here, "..", "harness");
	const redirect = {
		name: "browser-harness",
		setup(build) {
			build.onResolve({ filter: /^obsidian$/ }, () => ({ path: path.join(harness, "obsidian.js") }));
			build.onResolve({ filter: /^\.\/dom$/ }, (args) => (args.importer.startsWith(harness) && !args.importer.endsWith("browser/dom.js") ? { path: path.join(here, "dom.js") } : undefined));
			build.onResolve({ filter: /^node:fs$/ }, () => ({ path: path.join(here, "memfs.js") }));
			build.onResolve({ filter: /^node:path$/ }, () => ({ path: path.join(here, "path.js") }));
			build.onResolve({ filter: /^happy-dom$/ }, () => ({ path: "happy-dom", namespace: "stub" }));
			build.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "module.exports = {};", loader: "js" }));
		},
	};
	const result = await esbuild.build({
		entryPoints: [path.join(here, "page.js")],
		bundle: true,
		write: false,
		format: "iife",
		platform: "browser",
		plugins: [redirect],
		logLevel: "silent",
	});
	return result.outputFiles[0].text;
}

/** The notes the page loads: the demo vault and the review decisions vault. */
function vaultFiles() {
	const files = {};
	const demo = path.join(ROOT, "examples", "demo-vault");
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith(".md")) files[path.relative(demo, full).split(path.sep).join("/")] = fs.readFileSync(full, "utf8");
		}
	};
	walk(demo);
	return { ...files, ...reviewQueueVault() };
}

function html(theme) {
	const css = ["tests/plugin/browser/obsidian-theme.css", "styles.css"].map((f) => fs.readFileSync(path.join(ROOT, f), "utf8")).join("\n");
	return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head>
<body class="theme-${theme}"><div class="app"><div class="editor-area"></div><div class="sidebar"></div></div><div class="status-host"></div></body></html>`;
}

/** Saves what the sidebar shows in the window (the pane's first screenful). */
async function shoot(page, name) {
	const box = await page.locator(".sidebar").boundingBox();
	await page.screenshot({ path: path.join(ARTIFACTS, name), clip: { x: box.x, y: 0, width: box.width, height: VIEWPORT.height } });
}

const VIEWPORT = { width: 1000, height: 1100 };

/** Opens a page in `theme` with the plugin started over `files`; `errors` collects page errors and dialogs. */
async function openPage(browser, theme, files) {
	const page = await browser.newPage({ viewport: VIEWPORT });
	const errors = [];
	page.on("pageerror", (e) => errors.push(e.message));
	page.on("dialog", (d) => {
		errors.push(`a dialog opened: ${d.message()}`);
		void d.dismiss();
	});
	await page.setContent(html(theme));
	await page.addScriptTag({ content: await bundle() });
	await page.evaluate((notes) => window.curator.start(notes), files);
	return { page, errors };
}

module.exports = { ROOT, CHROMIUM, ARTIFACTS, FLAGS, VIEWPORT, missing, bundle, vaultFiles, html, shoot, openPage };
