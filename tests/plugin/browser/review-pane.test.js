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
const { test } = require("node:test");
const { HOSTILE } = require("../review-queue-vault");
const { ARTIFACTS, CHROMIUM, FLAGS, missing, openPage, shoot, vaultFiles } = require("./chromium");

const skip = missing();

test("the review pane in headless Chromium: cards, counts, the hostile name as text, Accept settles every occurrence; light and dark", { skip: skip ?? false, timeout: 180_000 }, async () => {
	const { chromium } = require("playwright-core");
	const files = vaultFiles();
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
	try {
		for (const theme of ["light", "dark"]) {
			const { page, errors } = await openPage(browser, theme, files);
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
