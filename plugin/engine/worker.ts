/**
 * The engine's entry, built on its own (esbuild, see esbuild.config.mjs) and inlined in main.js
 * as the body of a function of `engineScope` and `engineInThread`. `client.ts` starts the Web
 * Worker from that function's source text, with the worker's global scope; where no worker can
 * start, it calls the function on the UI thread with a scope of its own. So main.js holds the
 * engine's code once. The first message carries the engine's module; every later one is a
 * request, answered by the service, or `stop`.
 */
import { movedBuffers, type EngineScope } from "./protocol";
import { EngineService, UI_THREAD_PACING, WORKER_PACING, loadModule } from "./service";

/** Where messages come from and go: the worker's global scope, or the client's stand-in. */
declare const engineScope: EngineScope;
/** True on the UI thread: the service works in short steps and keeps no saved state. */
declare const engineInThread: boolean;

const scope = engineScope;
let service: EngineService | null = null;

scope.onmessage = (event) => {
	const data = event.data;
	if ("start" in data) {
		loadModule(data.start).then(
			() => {
				service = engineInThread
					? new EngineService(UI_THREAD_PACING, (progress) => scope.postMessage(progress), false)
					: new EngineService(WORKER_PACING, (progress) => scope.postMessage(progress), true);
				scope.postMessage({ started: true });
			},
			(e: unknown) => scope.postMessage({ started: true, error: e instanceof Error ? e.message : String(e) }),
		);
		return;
	}
	if ("stop" in data) {
		service?.stop();
		return;
	}
	if (!service) {
		scope.postMessage({ id: data.id, error: "the engine has not started" });
		return;
	}
	void service.handle(data).then((response) => scope.postMessage(response, "value" in response ? movedBuffers([response.value]) : []));
};
