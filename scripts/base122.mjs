// The text main.js carries the engine's compressed module in, 7 bits per character, as
// base-122 does (Kevin Albertson's scheme, https://blog.kevinalbertson.com/post/base122/, here
// for a JavaScript string literal): the bits are read 7 at a time, low first, and each group
// is the character of that code, a control character included, except the five a
// double-quoted literal cannot hold as they are (NUL, line feed, carriage return, `"` and `\`).
// Such a group is written with the group after it as one character from U+0080 up: 0x80 +
// (index of the group among the five) × 128 + the next group, or, where no group follows,
// 0x80 + (5 + index) × 128. Every character is one byte of UTF-8, or two (U+0080 to U+0500)
// for two groups, so the module takes 8/7 of its bytes in main.js, where base-91 takes 16/13
// and base64 4/3: 60 KB and 120 KB less of the 1 MB budget, spent on a faster
// module and on the rules (scripts/build-wasm.sh). esbuild would escape these characters, so
// esbuild.config.mjs puts the text into main.js after bundling, in place of MODULE_PLACEHOLDER.

/** The group values a double-quoted JavaScript string cannot hold as they are. */
export const UNSAFE = [0, 10, 13, 34, 92];

/** What the bundle holds where the module's text goes; replaced after bundling. */
export const MODULE_PLACEHOLDER = "__VAULT_CURATOR_MODULE_TEXT__";

/** `bytes` as base-122 text. */
export function toBase122(bytes) {
	const groups = [];
	let bits = 0;
	let count = 0;
	for (const byte of bytes) {
		bits |= byte << count;
		count += 8;
		while (count >= 7) {
			groups.push(bits & 127);
			bits >>>= 7;
			count -= 7;
		}
	}
	if (count > 0) groups.push(bits & 127);
	const out = [];
	for (let i = 0; i < groups.length; i++) {
		const unsafe = UNSAFE.indexOf(groups[i]);
		if (unsafe < 0) out.push(String.fromCharCode(groups[i]));
		else if (i + 1 < groups.length) out.push(String.fromCharCode(0x80 + unsafe * 128 + groups[++i]));
		else out.push(String.fromCharCode(0x80 + (UNSAFE.length + unsafe) * 128));
	}
	return out.join("");
}
