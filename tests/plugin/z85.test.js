"use strict";
// The text main.js carries the engine's module in: scripts/z85.mjs writes it at build time,
// plugin/engine/z85.ts reads it in the worker. Every plugin test depends on the two agreeing;
// this one says where they disagree.
const assert = require("node:assert/strict");
const path = require("node:path");
const { test, before } = require("node:test");
const esbuild = require("esbuild");
const { ROOT } = require("./harness");

let toZ85;
let fromZ85;
before(async () => {
	({ toZ85 } = await import("../../scripts/z85.mjs"));
	// The decoder is TypeScript bundled into the worker: bundle it alone, as CommonJS.
	const built = esbuild.buildSync({
		entryPoints: [path.join(ROOT, "plugin/engine/z85.ts")],
		bundle: true,
		format: "cjs",
		write: false,
		logLevel: "silent",
	});
	const module = { exports: {} };
	new Function("module", "exports", built.outputFiles[0].text)(module, module.exports);
	({ fromZ85 } = module.exports);
});

test("the RFC's example: 86 4F D2 6F B5 59 F7 5B is HelloWorld", () => {
	const bytes = Uint8Array.from([0x86, 0x4f, 0xd2, 0x6f, 0xb5, 0x59, 0xf7, 0x5b]);
	assert.equal(toZ85(bytes), "HelloWorld");
	assert.deepEqual(fromZ85("HelloWorld"), bytes);
});

test("every length round-trips, a last group of 1-3 bytes included, with the extreme bytes", () => {
	// A fixed generator: the same bytes at every run.
	let seed = 7;
	const random = () => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed >> 16;
	};
	for (let length = 0; length <= 64; length++) {
		for (const fill of ["zeros", "ones", "random"]) {
			const bytes = Uint8Array.from({ length }, () => (fill === "zeros" ? 0 : fill === "ones" ? 255 : random() & 0xff));
			const text = toZ85(bytes);
			assert.equal(text.length, Math.floor(length / 4) * 5 + (length % 4 ? (length % 4) + 1 : 0));
			assert.doesNotMatch(text, /["'\\`\s]/, "nothing a string literal must escape");
			assert.deepEqual(fromZ85(text), bytes, `${fill}, ${length} bytes`);
		}
	}
});

test("5/4 of the bytes, where base64 takes 4/3", () => {
	const bytes = new Uint8Array(600_000).map((_, i) => (i * 2654435761) >>> 24);
	const text = toZ85(bytes);
	assert.equal(text.length, 750_000);
	assert.ok(text.length < Buffer.from(bytes).toString("base64").length * 0.94);
	assert.deepEqual(fromZ85(text), bytes);
});
