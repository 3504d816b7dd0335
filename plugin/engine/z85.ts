/**
 * Decodes Z85 (ZeroMQ RFC 32), the text main.js carries the engine's compressed module in (see
 * scripts/z85.mjs, which encodes it): five characters per four bytes, a last group of 2–4
 * characters standing for 1–3 bytes.
 */

const Z85 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
/** Each character's value, by character code. */
const VALUES = new Uint8Array(128);
for (let i = 0; i < Z85.length; i++) VALUES[Z85.charCodeAt(i)] = i;

/** The bytes of Z85 `text` (`atob` reads only base64, and makes a string first). */
export function fromZ85(text: string): Uint8Array<ArrayBuffer> {
	const tail = text.length % 5;
	const bytes = new Uint8Array(Math.floor(text.length / 5) * 4 + Math.max(0, tail - 1));
	let out = 0;
	for (let i = 0; i < text.length; i += 5) {
		let value = 0;
		// A short last group is read as if padded with the last character (84); a group's value
		// is below 2^32, as the bytes it was written from were.
		for (let k = i; k < i + 5; k++) value = value * 85 + (k < text.length ? (VALUES[text.charCodeAt(k)] ?? 0) : 84);
		for (let shift = 24; shift >= 0 && out < bytes.length; shift -= 8) {
			bytes[out++] = (value >>> shift) & 0xff;
		}
	}
	return bytes;
}
