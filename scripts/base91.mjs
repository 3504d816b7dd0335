// The text main.js carries the engine's compressed module in: every 13 bits of the bytes as two
// of 91 printable characters (91² = 8,281 ≥ 2¹³), none a quote, a backtick or a backslash, so
// esbuild writes the string as it is. The module takes 16/13 of its bytes in main.js, where Z85
// takes 5/4 and base64 4/3: 14 KB and 64 KB less of the 1 MB budget, spent on a faster module
// (scripts/build-wasm.sh). The bits are read low first; a last group of 1–6 bits is written as
// one character, of 7–12 bits as two, so the decoder (plugin/engine/base91.ts) needs no length.

/** The 91 characters: printable ASCII but `"`, `'`, `` ` `` and `\`, each standing for its index. */
export const BASE91 = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
	.filter((c) => !`"'\`\\`.includes(c))
	.join("");

/** `bytes` as base-91 text. */
export function toBase91(bytes) {
	const out = [];
	let bits = 0;
	let count = 0;
	for (const byte of bytes) {
		bits |= byte << count;
		count += 8;
		if (count >= 13) {
			const value = bits & 8191;
			out.push(BASE91[value % 91], BASE91[Math.floor(value / 91)]);
			bits >>>= 13;
			count -= 13;
		}
	}
	if (count > 0) {
		out.push(BASE91[bits % 91]);
		if (count > 6) out.push(BASE91[Math.floor(bits / 91)]);
	}
	return out.join("");
}
