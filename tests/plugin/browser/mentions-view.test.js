"use strict";
/**
 * "Mentions in this note" in real headless Chromium, from the BUILT main.js: the demo vault's
 * vendor sync (names written in full, short, misspelt and as owners) with the view beside it.
 * The test asserts the DOM (entries, how each resolved, places, every control labelled, no
 * element made from a name) and saves `tests/artifacts/mentions-view-{light,dark}.png`.
 *
 * Skipped, with the reason, when Chromium or playwright-core is missing.
 */
const assert = require("node:assert/strict");
const fs = require("node:fs");
const { test } = require("node:test");
const { ARTIFACTS, CHROMIUM, FLAGS, missing, openPage, shoot, vaultFiles } = require("./chromium");

const NOTE = "Meetings/20260114 1030 Vendor sync.md";
const skip = missing();

test("the mentions view in headless Chromium: the active note's people and organisations, how each resolved; light and dark", { skip: skip ?? false, timeout: 180_000 }, async () => {
	const { chromium } = require("playwright-core");
	const files = vaultFiles();
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
	try {
		for (const theme of ["light", "dark"]) {
			const { page, errors } = await openPage(browser, theme, files);
			await page.evaluate((rel) => window.curator.showMentions(rel), NOTE);
			await page.waitForSelector(".vault-curator-mention");
			assert.equal(await page.textContent(".vault-curator-mentions-note"), "20260114 1030 Vendor sync");
			const labels = await page.$$eval(".vault-curator-mention", (els) => els.map((e) => e.getAttribute("aria-label")));
			for (const who of ["Owen Prentice", "Håkon Lindvik", "Renata Szabó", "Pellucid Cloud"]) {
				assert.ok(labels.some((l) => l.endsWith(`→ ${who}`)), `${who} in: ${labels.join(" | ")}`);
			}
			assert.ok(labels.includes("Hakon Lindvik → Håkon Lindvik"), "a misspelt name and the person it resolved to");
			assert.match(await page.textContent(".vault-curator-summary"), /^\d+ people and organisations · \d+ linked$/);
			const unlabelled = await page.$$eval(".vault-curator-mentions button, .vault-curator-mentions a", (els) => els.filter((e) => !e.getAttribute("aria-label")).length);
			assert.equal(unlabelled, 0, "every control is labelled");
			assert.equal(await page.$$eval(".vault-curator-view img", (els) => els.length), 0);
			await shoot(page, `mentions-view-${theme}.png`);
			assert.deepEqual(errors, []);
			await page.close();
		}
	} finally {
		await browser.close();
	}
});
