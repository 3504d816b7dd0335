/** The engine's module, xz-compressed, as Z85 text (esbuild.config.mjs, scripts/z85.mjs). */
declare module "*.wasm.xz" {
	const z85: string;
	export default z85;
}

/** A worker script, built on its own and inlined as a string (see esbuild.config.mjs). */
declare module "worker-source:*" {
	const source: string;
	export default source;
}
