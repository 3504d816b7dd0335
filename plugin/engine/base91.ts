/**
 * Decodes the base-91 text main.js carries the engine's compressed module in (see
 * scripts/base91.mjs, which encodes it): every two characters are 13 bits, read low first; a
 * lone last character is 6 bits. Bits left over after the last whole byte are padding.
 */

const BASE91 = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
	.filter((c) => !`"'\`\\`.includes(c))
	.join("");
/** Each character's value, by character code. */
const VALUES = new Uint8Array(128);
for (let i = 0; i < BASE91.length; i++) VALUES[BASE91.charCodeAt(i)] = i;

/** The bytes of base-91 `text` (`atob` reads only base64, and makes a string first). */
export function fromBase91(text: string): Uint8Array<ArrayBuffer> {
	const pairs = Math.floor(text.length / 2);
	const bitCount = pairs * 13 + (text.length % 2) * 6;
	const bytes = new Uint8Array(Math.floor(bitCount / 8));
	let bits = 0;
	let count = 0;
	let out = 0;
	for (let i = 0; i < text.length; i += 2) {
		const low = VALUES[text.charCodeAt(i)] ?? 0;
		if (i + 1 < text.length) {
			bits |= (low + 91 * (VALUES[text.charCodeAt(i + 1)] ?? 0)) << count;
			count += 13;
		} else {
			bits |= low << count;
			count += 6;
		}
		while (count >= 8 && out < bytes.length) {
			bytes[out++] = bits & 0xff;
			bits >>>= 8;
			count -= 8;
		}
	}
	return bytes;
}
