// Z85 (ZeroMQ RFC 32), the text main.js carries the engine's compressed module in: five printable
// characters per four bytes, none of them a quote or a backslash, so the module is 5/4 of its
// bytes in main.js where base64 makes it 4/3 — about 55 KB of the 1 MB budget, spent on a
// faster module (scripts/build-wasm.sh). A last group of 1–3 bytes is written as 2–4
// characters, as Ascii85 does, so no length travels with it. Decoded by plugin/engine/z85.ts.

/** The RFC's 85 characters, each standing for its index. */
export const Z85 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

/** `bytes` as Z85 text. */
export function toZ85(bytes) {
	const out = [];
	for (let i = 0; i < bytes.length; i += 4) {
		const n = Math.min(4, bytes.length - i);
		let value = 0;
		for (let k = 0; k < 4; k++) value = value * 256 + (k < n ? bytes[i + k] : 0);
		const group = new Array(5);
		for (let k = 4; k >= 0; k--) {
			group[k] = Z85[value % 85];
			value = Math.floor(value / 85);
		}
		out.push(group.slice(0, n + 1).join(""));
	}
	return out.join("");
}
