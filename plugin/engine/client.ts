/**
 * The plugin's side of the protocol: starts the engine and sends it requests, one promise per
 * request.
 *
 * The engine runs in a Web Worker started from its own code's source text (`engineMain`, the
 * worker's bundle inlined in main.js as a function); the WebAssembly module travels to it
 * xz-compressed, as base-122 text, and is decompressed and compiled there, so the UI thread never
 * compiles it. Where a worker cannot start (no `Worker`, a refused Blob URL, an error while it
 * starts), the same function runs on the UI thread, in short steps, behind the same messages.
 * Requests made before the engine started wait for it.
 */
import wasmXz from "../wasm/curator_wasm_bg.wasm.xz";
import engineMain from "worker-source:./worker";
import type { NeedsTexts, NoteText } from "../wasm/curator_wasm";
import { isNeedsTexts, movedBuffers, type EngineApi, type EngineMessage, type EngineScope, type Method, type ProgressEvent, type Request } from "./protocol";

/** The rejection of every request still open when the engine stops (the plugin unloads). */
export class EngineStoppedError extends Error {
	constructor() {
		super("the engine has stopped");
		this.name = "EngineStoppedError";
	}
}

/** The rejection of every request once the engine failed (its worker died); told once, by `failed`. */
export class EngineFailedError extends Error {
	constructor(cause: Error) {
		super(`the engine stopped working (${cause.message}); reload the plugin`);
		this.name = "EngineFailedError";
	}
}

/** What the client tells the plugin unasked. */
export interface EngineListener {
	/** The engine's progress while it indexes and checks the vault. */
	progress(event: ProgressEvent): void;
	/** The engine stopped working after it had started; every request now rejects. */
	failed(error: EngineFailedError): void;
}

/** Where requests go: a worker or the in-thread service. */
interface Transport {
	send(request: Request): void;
	stop(): void;
}

/** `EngineApi` as the plugin calls it: every result a promise, never `NeedsTexts` (the client reads the texts and asks again). */
export type RemoteApi = { [M in Method]: (...args: Parameters<EngineApi[M]>) => Promise<Exclude<ReturnType<EngineApi[M]>, NeedsTexts>> };

/** Reads the notes at `paths` (those gone are left out). */
export type TextReader = (paths: string[]) => Promise<NoteText[]>;

/**
 * How many times a query is asked again with the texts it needs before the client gives up: a
 * query may find what else it needs only once it reads the first texts (a merge, the notes
 * linking the merged one), and notes may change meanwhile.
 */
const TEXT_ROUNDS = 6;

type Receive = (message: EngineMessage) => void;

/**
 * Starts the worker; resolves once its engine has started, rejects when it cannot. `failed` is
 * called if the worker fails after that.
 */
function startWorker(receive: Receive, failed: (error: Error) => void): Promise<Transport> {
	return new Promise((resolve, reject) => {
		const url = URL.createObjectURL(new Blob([`(${engineMain.toString()})(self, false);`], { type: "text/javascript" }));
		let worker: Worker;
		try {
			worker = new Worker(url);
		} catch (e) {
			URL.revokeObjectURL(url);
			reject(e instanceof Error ? e : new Error(String(e)));
			return;
		}
		let started = false;
		const refuse = (error: Error) => {
			worker.terminate();
			URL.revokeObjectURL(url);
			reject(error);
		};
		worker.onmessage = (event: MessageEvent<EngineMessage>) => {
			const message = event.data;
			if (!("started" in message)) {
				receive(message);
				return;
			}
			if (message.error !== undefined) {
				refuse(new Error(message.error));
				return;
			}
			started = true;
			URL.revokeObjectURL(url);
			resolve({ send: (request) => worker.postMessage(request, movedBuffers(request.args)), stop: () => worker.terminate() });
		};
		worker.onerror = (event: ErrorEvent) => {
			event.preventDefault();
			const error = new Error(event.message || "the engine's worker failed");
			if (started) failed(error);
			else refuse(error);
		};
		worker.postMessage({ start: wasmXz });
	});
}

/** The engine on the UI thread, behind the same messages as in a worker. */
function startInThread(receive: Receive): Promise<Transport> {
	return new Promise((resolve, reject) => {
		const scope: EngineScope = {
			onmessage: null,
			postMessage: (message) => {
				if (!("started" in message)) receive(message);
				else if (message.error !== undefined) reject(new Error(message.error));
				else resolve({ send: (request) => scope.onmessage?.({ data: request }), stop: () => scope.onmessage?.({ data: { stop: true } }) });
			},
		};
		engineMain(scope, true);
		scope.onmessage?.({ data: { start: wasmXz } });
	});
}

/** The engine as the plugin sees it. */
export class EngineClient {
	/** Every request, as a method returning a promise. */
	readonly api: RemoteApi;
	private halted = false;
	/** Set when the engine stopped working (its worker failed): every request rejects with it. */
	private failure: EngineFailedError | null = null;
	private transport: Transport | null = null;
	private starting: Promise<void> | null = null;
	private nextId = 1;
	private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
	/** Reads notes' texts a query needs (`NeedsTexts`); set by the plugin once it can read the vault. */
	textReader: TextReader | null = null;

	constructor(private readonly listener: EngineListener) {
		// Each method sends the request of its name. A property set on the object (a test's spy)
		// takes precedence; nothing is a thenable, so `await api` sends no request named "then".
		this.api = new Proxy(Object.create(null) as RemoteApi, {
			get: (target, method) => {
				if (Reflect.has(target, method)) return Reflect.get(target, method) as unknown;
				if (typeof method === "symbol" || method === "then") return undefined;
				return (...args: unknown[]) => this.call(method as Method, ...(args as Parameters<EngineApi[Method]>));
			},
		});
	}

	/** True once `stop` was called. */
	get stopped(): boolean {
		return this.halted;
	}

	/** Starts the engine (once): in a worker when one can start, on the UI thread otherwise. */
	start(): Promise<void> {
		this.starting ??= this.open();
		return this.starting;
	}

	/**
	 * Sends a request; resolves with the engine's answer, rejects with its error. An answer
	 * that the engine needs notes' texts it does not hold is not passed on: the notes are
	 * read and the request sent again with them.
	 */
	async call<M extends Method>(method: M, ...args: Parameters<EngineApi[M]>): Promise<Exclude<ReturnType<EngineApi[M]>, NeedsTexts>> {
		let value: unknown = await this.send(method, ...args);
		// Every text read so far is lent each time: the engine takes them back after each answer.
		const lent = new Map<string, NoteText>();
		for (let round = 0; isNeedsTexts(value); round++) {
			const reader = this.textReader;
			if (!reader || round === TEXT_ROUNDS) throw new Error(`the engine could not read ${value.needsTexts.length} notes it needs (${value.needsTexts.slice(0, 3).join(", ")}); try again`);
			for (const note of await reader(value.needsTexts)) lent.set(note.path, note);
			value = await this.send("withTexts", [...lent.values()], method, args);
		}
		return value as Exclude<ReturnType<EngineApi[M]>, NeedsTexts>;
	}

	/** Sends one request; resolves with the engine's answer as it is. */
	private async send<M extends Method>(method: M, ...args: Parameters<EngineApi[M]>): Promise<ReturnType<EngineApi[M]>> {
		await this.start();
		if (this.failure) throw this.failure;
		const transport = this.transport;
		if (this.halted || !transport) throw new EngineStoppedError();
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			transport.send({ id, method, args });
		});
	}

	/** Stops the engine; open requests reject with `EngineStoppedError`. */
	stop(): void {
		this.halted = true;
		this.transport?.stop();
		this.transport = null;
		for (const { reject } of this.pending.values()) reject(new EngineStoppedError());
		this.pending.clear();
	}

	/** The engine stopped working: open and later requests reject, and the plugin is told. */
	private fail(error: Error): void {
		if (this.failure || this.halted) return;
		this.failure = new EngineFailedError(error);
		for (const { reject } of this.pending.values()) reject(this.failure);
		this.pending.clear();
		this.listener.failed(this.failure);
	}

	private async open(): Promise<void> {
		const receive: Receive = (message) => this.receive(message);
		let transport: Transport;
		if (typeof Worker === "function") {
			try {
				transport = await startWorker(receive, (error) => this.fail(error));
			} catch (e) {
				console.warn("Vault Curator: the engine cannot run in a Web Worker here; it runs on the UI thread, in short steps", e);
				transport = await startInThread(receive);
			}
		} else {
			transport = await startInThread(receive);
		}
		if (this.halted) transport.stop();
		else this.transport = transport;
	}

	private receive(message: EngineMessage): void {
		if ("event" in message) {
			if (!this.halted) this.listener.progress(message);
			return;
		}
		if ("started" in message) return;
		const waiting = this.pending.get(message.id);
		if (!waiting) return;
		this.pending.delete(message.id);
		if ("error" in message) waiting.reject(new Error(message.error));
		else waiting.resolve(message.value);
	}
}
