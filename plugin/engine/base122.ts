/**
 * Decodes the base-122 text main.js carries the engine's compressed module in (see
 * scripts/base122.mjs, which encodes it): each character below U+0080 is 7 bits, read low
 * first; one from U+0080 up is one of the five groups a string literal cannot hold and the group
 * after it (or none, as the last). Bits left over after the last whole byte are padding.
 */

/** The group values a double-quoted JavaScript string cannot hold as they are. */
const UNSAFE = [0, 10, 13, 34, 92];

/** The bytes of base-122 `text` (`atob` reads only base64, and makes a string first), in one pass. */
export function fromBase122(text: string): Uint8Array<ArrayBuffer> {
	// Two groups at most per character: 14 bits, under two bytes.
	const bytes = new Uint8Array(text.length * 2);
	let bits = 0;
	let count = 0;
	let out = 0;
	// Each byte is written once 8 bits are in: what is left at the end (under 8 bits) is padding.
	const push = (group: number) => {
		bits |= group << count;
		count += 7;
		if (count >= 8) {
			bytes[out++] = bits & 0xff;
			bits >>>= 8;
			count -= 8;
		}
	};
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) {
			push(code);
			continue;
		}
		const row = (code - 0x80) >> 7;
		if (row < UNSAFE.length) {
			push(UNSAFE[row] ?? 0);
			push(code & 127);
		} else push(UNSAFE[row - UNSAFE.length] ?? 0);
	}
	return bytes.slice(0, out);
}
