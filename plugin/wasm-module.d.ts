/** The engine's module, gzipped, as base64 (esbuild's `base64` loader for `.gz`). */
declare module "*.wasm.gz" {
	const base64: string;
	export default base64;
}

/** A worker script, built on its own and inlined as a string (see esbuild.config.mjs). */
declare module "worker-source:*" {
	const source: string;
	export default source;
}
