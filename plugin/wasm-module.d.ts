/** The engine's module, xz-compressed, as base-122 text (esbuild.config.mjs, scripts/base122.mjs). */
declare module "*.wasm.xz" {
	const text: string;
	export default text;
}

/**
 * The engine's worker script, built on its own and inlined as the body of this function (see
 * esbuild.config.mjs): its source text starts the worker; called, it runs on the UI thread.
 */
declare module "worker-source:*" {
	const engineMain: (engineScope: import("./engine/protocol").EngineScope, engineInThread: boolean) => void;
	export default engineMain;
}
