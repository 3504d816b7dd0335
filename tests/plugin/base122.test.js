"use strict";
// The text main.js carries the engine's module in: scripts/base122.mjs writes it at build time,
// plugin/engine/base122.ts reads it in the worker. Every plugin test depends on the two agreeing;
// this one says where they disagree.
const assert = require("node:assert/strict");
const path = require("node:path");
const { test, before } = require("node:test");
const esbuild = require("esbuild");
const { ROOT } = require("./harness");

let toBase122;
let fromBase122;
before(async () => {
	({ toBase122 } = await import("../../scripts/base122.mjs"));
	// The decoder is TypeScript bundled into the worker: bundle it alone, as CommonJS.
	const built = esbuild.buildSync({
		entryPoints: [path.join(ROOT, "plugin/engine/base122.ts")],
		bundle: true,
		format: "cjs",
		write: false,
		logLevel: "silent",
	});
	const module = { exports: {} };
	new Function("module", "exports", built.outputFiles[0].text)(module, module.exports);
	({ fromBase122 } = module.exports);
});

/** Bytes of every kind: all 0, all 1, a fixed pseudo-random run, and every byte value. */
function samples(length) {
	let seed = 7;
	const random = () => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed >> 16;
	};
	return [
		["zeros", new Uint8Array(length)],
		["ones", new Uint8Array(length).fill(255)],
		["random", Uint8Array.from({ length }, () => random() & 0xff)],
		["every byte", Uint8Array.from({ length }, (_, i) => i & 0xff)],
	];
}

test("the text is a double-quoted string literal as it stands: no quote, backslash, line break or NUL", () => {
	for (const [, bytes] of samples(4096)) {
		const text = toBase122(bytes);
		assert.doesNotMatch(text, /["\\\n\r\0\u2028\u2029]/);
		assert.equal(new Function(`return "${text}";`)(), text);
		assert.ok([...text].every((c) => c.codePointAt(0) <= 0x500), "one or two bytes of UTF-8 each");
	}
});

test("every length round-trips, a group that cannot be written last included", () => {
	for (let length = 0; length <= 64; length++) {
		for (const [fill, bytes] of samples(length)) {
			assert.deepEqual(fromBase122(toBase122(bytes)), bytes, `${fill}, ${length} bytes`);
		}
	}
	// A NUL group last, alone: written as a character of its own row.
	const last = Uint8Array.of(0x41, 0x00);
	assert.deepEqual(fromBase122(toBase122(last)), last);
});

test("8/7 of the bytes in UTF-8, where base-91 takes 16/13 and base64 4/3", () => {
	const bytes = new Uint8Array(600_000).map((_, i) => (i * 2654435761) >>> 24);
	const text = toBase122(bytes);
	const utf8 = Buffer.byteLength(text, "utf8");
	assert.ok(utf8 <= Math.ceil((600_000 * 8) / 7) + 1, `${utf8} bytes`);
	assert.ok(utf8 < (600_000 * 16) / 13);
	assert.deepEqual(fromBase122(text), bytes);
});
