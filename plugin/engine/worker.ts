/**
 * The Web Worker's entry: built on its own (esbuild, see esbuild.config.mjs) and inlined in
 * main.js as a string, from which `client.ts` starts the worker. The first message carries the
 * engine's module; every later one is a request, answered by the service.
 */
import { movedBuffers, type EngineMessage, type Request, type StartMessage } from "./protocol";
import { EngineService, WORKER_PACING, loadModule } from "./service";

/** The part of the worker's global scope used here. */
interface WorkerScope {
	postMessage(message: EngineMessage, transfer?: Transferable[]): void;
	onmessage: ((event: MessageEvent<StartMessage | Request>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let service: EngineService | null = null;

scope.onmessage = (event) => {
	const data = event.data;
	if ("start" in data) {
		loadModule(data.start).then(
			() => {
				service = new EngineService(WORKER_PACING, (progress) => scope.postMessage(progress), true);
				scope.postMessage({ started: true });
			},
			(e: unknown) => scope.postMessage({ started: true, error: e instanceof Error ? e.message : String(e) }),
		);
		return;
	}
	if (!service) {
		scope.postMessage({ id: data.id, error: "the engine has not started" });
		return;
	}
	void service.handle(data).then((response) => scope.postMessage(response, "value" in response ? movedBuffers([response.value]) : []));
};
