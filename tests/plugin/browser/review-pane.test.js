"use strict";
/**
 * The review pane in real headless Chromium (Debian's `chromium`, driven by playwright-core):
 * the BUILT main.js runs in a page over the harness's Obsidian API and an in-memory vault (the
 * demo vault and a vault of review decisions), its engine in a real Web Worker. The test
 * asserts the DOM — cards, counts, the hostile name as text, Accept settling every occurrence —
 * and saves screenshots, light and dark, under tests/artifacts/.
 *
 * Skipped, with the reason, when Chromium or playwright-core is missing (scripts/setup.sh
 * installs both where it can).
 */
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test } = require("node:test");
const { reviewQueueVault, HOSTILE } = require("../review-queue-vault");

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
const skip = missing();

test("the review pane in headless Chromium: cards, counts, the hostile name as text, Accept settles every occurrence; light and dark", { skip: skip ?? false, timeout: 180_000 }, async () => {
	const { chromium } = require("playwright-core");
	const script = await bundle();
	const files = vaultFiles();
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
	try {
		for (const theme of ["light", "dark"]) {
			const page = await browser.newPage({ viewport: VIEWPORT });
			const errors = [];
			page.on("pageerror", (e) => errors.push(e.message));
			page.on("dialog", (d) => {
				errors.push(`a dialog opened: ${d.message()}`);
				void d.dismiss();
			});
			await page.setContent(html(theme));
			await page.addScriptTag({ content: script });
			await page.evaluate((notes) => window.curator.start(notes), files);
			await page.waitForSelector(".vault-curator-card");

			const titles = await page.$$eval(".vault-curator-card-title", (els) => els.map((e) => e.textContent));
			assert.ok(titles.includes("Tobias Venn → Tobias Fenn?"), titles.join(" | "));
			assert.ok(titles.includes(`${HOSTILE}: someone new?`), "the hostile name is a card title, as text");
			assert.equal(await page.$$eval(".vault-curator-view img", (els) => els.length), 0, "no element was made from the name");
			const tobias = page.locator(".vault-curator-card", { hasText: "Tobias Venn → Tobias Fenn?" });
			assert.equal(await tobias.locator(".vault-curator-card-counts").textContent(), "10 mentions in 5 notes");
			const summary = await page.textContent(".vault-curator-summary");
			assert.match(summary, /^\d+ decisions settle \d+ items$/);
			const [decisions, items] = summary.match(/\d+/g).map(Number);
			assert.ok(decisions < items, summary);
			assert.equal(await page.$$eval(".vault-curator-card", (els) => els.length), Math.min(decisions, 30));
			await page.waitForFunction(() => /^Review: \d+$/.test(document.querySelector(".vault-curator-review-count")?.textContent ?? ""));
			// The pane as a person sees it, above the fold.
			await shoot(page, `review-pane-${theme}.png`);

			if (theme === "light") {
				// Tab reaches the first card's controls, all labelled.
				const labels = await tobias.locator("button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
				assert.ok(labels.every(Boolean), labels.join(" | "));
				const before = await page.evaluate(() => document.querySelector(".view-content").scrollTop);
				await tobias.locator('button[data-action="accept"]').click();
				await page.waitForFunction(() => ![...document.querySelectorAll(".vault-curator-card-title")].some((t) => t.textContent === "Tobias Venn → Tobias Fenn?"));
				// Every occurrence in every note is settled by the one answer.
				const settled = await page.evaluate(async () => {
					const { plugin, read } = window.curator;
					await new Promise((resolve) => {
						const wait = () => (plugin.settings.accepted.length > 0 ? resolve() : setTimeout(wait, 20));
						wait();
					});
					const out = [];
					for (let i = 1; i <= 5; i++) {
						const path = `Meetings/Sync ${i}.md`;
						const mentions = await plugin.engine.mentions(path, read(path));
						out.push(...mentions.filter((m) => m.text === "Tobias Venn").map((m) => `${m.decision} ${m.resolved}`));
					}
					return out;
				});
				assert.deepEqual(settled, Array(10).fill("alias Tobias Fenn"));
				assert.equal(await page.evaluate(() => document.querySelector(".view-content").scrollTop), before, "the reader's place is kept");
				await page.waitForFunction((n) => document.querySelector(".vault-curator-review-count").textContent === `Review: ${n}`, decisions - 1);
				await shoot(page, "review-pane-after-accept.png");
			}
			assert.deepEqual(errors, []);
			await page.close();
		}
	} finally {
		await browser.close();
	}
});
