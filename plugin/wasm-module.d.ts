/** esbuild inlines `.wasm` imports as their bytes (`loader: { ".wasm": "binary" }`). */
declare module "*.wasm" {
	const bytes: Uint8Array;
	export default bytes;
}
