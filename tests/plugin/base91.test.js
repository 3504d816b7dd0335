"use strict";
// The text main.js carries the engine's module in: scripts/base91.mjs writes it at build time,
// plugin/engine/base91.ts reads it in the worker. Every plugin test depends on the two agreeing;
// this one says where they disagree.
const assert = require("node:assert/strict");
const path = require("node:path");
const { test, before } = require("node:test");
const esbuild = require("esbuild");
const { ROOT } = require("./harness");

let toBase91;
let BASE91;
let fromBase91;
before(async () => {
	({ toBase91, BASE91 } = await import("../../scripts/base91.mjs"));
	// The decoder is TypeScript bundled into the worker: bundle it alone, as CommonJS.
	const built = esbuild.buildSync({
		entryPoints: [path.join(ROOT, "plugin/engine/base91.ts")],
		bundle: true,
		format: "cjs",
		write: false,
		logLevel: "silent",
	});
	const module = { exports: {} };
	new Function("module", "exports", built.outputFiles[0].text)(module, module.exports);
	({ fromBase91 } = module.exports);
});

test("91 printable characters, none a string literal must escape", () => {
	assert.equal(BASE91.length, 91);
	assert.equal(new Set(BASE91).size, 91);
	assert.doesNotMatch(BASE91, /["'\\`\n\r]/);
	assert.equal(JSON.stringify(BASE91), `"${BASE91}"`);
});

test("every length round-trips, a last group of 1-12 bits included, with the extreme bytes", () => {
	// A fixed generator: the same bytes at every run.
	let seed = 7;
	const random = () => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed >> 16;
	};
	for (let length = 0; length <= 64; length++) {
		for (const fill of ["zeros", "ones", "random"]) {
			const bytes = Uint8Array.from({ length }, () => (fill === "zeros" ? 0 : fill === "ones" ? 255 : random() & 0xff));
			const text = toBase91(bytes);
			const rest = (length * 8) % 13;
			assert.equal(text.length, Math.floor((length * 8) / 13) * 2 + (rest === 0 ? 0 : rest <= 6 ? 1 : 2));
			assert.deepEqual(fromBase91(text), bytes, `${fill}, ${length} bytes`);
		}
	}
});

test("16/13 of the bytes, where Z85 takes 5/4 and base64 4/3", () => {
	const bytes = new Uint8Array(600_000).map((_, i) => (i * 2654435761) >>> 24);
	const text = toBase91(bytes);
	assert.equal(text.length, Math.ceil((600_000 * 16) / 13));
	assert.ok(text.length < 750_000 * 0.99);
	assert.deepEqual(fromBase91(text), bytes);
});
