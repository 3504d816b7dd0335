"use strict";
// The harness itself: the plugin tests are only as good as the API they run against.
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test } = require("node:test");
const { obsidian, makeVault, state } = require("./harness");

const { Editor, Vault, TFile, TFolder, Events, normalizePath, debounce } = obsidian;

test("editor transactions use pre-transaction positions and map the cursor like CodeMirror", () => {
	const editor = new Editor("alpha beta\ngamma delta\n");
	editor.setCursor({ line: 1, ch: 6 }); // before "delta"
	editor.transaction({
		changes: [
			{ from: { line: 0, ch: 0 }, to: { line: 0, ch: 5 }, text: "A" },
			{ from: { line: 1, ch: 0 }, to: { line: 1, ch: 5 }, text: "GAMMA!" },
		],
	});
	assert.equal(editor.getValue(), "A beta\nGAMMA! delta\n");
	assert.deepEqual(editor.getCursor(), { line: 1, ch: 7 });
	// A cursor inside a replaced range moves to its start; at an insertion point it stays before.
	editor.setCursor({ line: 0, ch: 3 });
	editor.replaceRange("B", { line: 0, ch: 2 }, { line: 0, ch: 6 });
	assert.deepEqual(editor.getCursor(), { line: 0, ch: 2 });
	editor.replaceRange("xx", { line: 0, ch: 2 });
	assert.deepEqual(editor.getCursor(), { line: 0, ch: 2 });
	assert.equal(editor.getLine(0), "A xxB");
});

test("editor offsets are UTF-16 indices and overlapping changes are refused", () => {
	const editor = new Editor("📅 x\nb");
	assert.deepEqual(editor.offsetToPos(3), { line: 0, ch: 3 });
	assert.equal(editor.posToOffset({ line: 1, ch: 0 }), 5);
	assert.equal(editor.posToOffset({ line: 9, ch: 9 }), 6, "positions clamp to the document");
	assert.throws(() =>
		editor.transaction({
			changes: [
				{ from: { line: 0, ch: 0 }, to: { line: 0, ch: 3 }, text: "" },
				{ from: { line: 0, ch: 2 }, to: { line: 0, ch: 4 }, text: "" },
			],
		}),
	);
	assert.equal(editor.getValue(), "📅 x\nb");
});

test("vault works on the real folder: create, process, rename, delete, with events", async () => {
	const dir = makeVault({ "a.md": "one", "sub/b.md": "two", ".obsidian/app.json": "{}" });
	const vault = new Vault(dir);
	assert.deepEqual(vault.getMarkdownFiles().map((f) => f.path).sort(), ["a.md", "sub/b.md"]);
	assert.ok(vault.getAbstractFileByPath("sub") instanceof TFolder);
	assert.equal(vault.getAbstractFileByPath(".obsidian/app.json"), null, "config folder is not in the tree");
	const seen = [];
	for (const name of ["create", "modify", "rename", "delete"]) vault.on(name, (file, old) => seen.push([name, file.path, old].filter(Boolean).join(" ")));
	const file = await vault.create("new/c.md", "three");
	assert.ok(file instanceof TFile);
	assert.equal(file.basename, "c");
	await assert.rejects(vault.create("new/c.md", "again"), /already exists/);
	assert.equal(await vault.process(file, (s) => s.toUpperCase()), "THREE");
	await assert.rejects(vault.process(file, () => undefined), /must return a string/);
	assert.equal(fs.readFileSync(path.join(dir, "new/c.md"), "utf8"), "THREE");
	await vault.rename(file, "moved/c.md");
	assert.equal(fs.existsSync(path.join(dir, "moved/c.md")), true);
	await vault.delete(file);
	assert.equal(fs.existsSync(path.join(dir, "moved/c.md")), false);
	assert.deepEqual(seen.filter((s) => s !== "create new" && s !== "create moved"), [
		"create new/c.md",
		"modify new/c.md",
		"rename moved/c.md new/c.md",
		"delete moved/c.md",
	]);
	assert.equal(await vault.adapter.exists(".obsidian/app.json"), true);
});

test("events: off and offref stop a handler; a throwing handler does not stop the others", () => {
	const events = new Events();
	const calls = [];
	const a = () => calls.push("a");
	const ref = events.on("x", () => calls.push("b"));
	events.on("x", a);
	events.on("y", () => {
		throw new Error("handler failed");
	});
	events.on("y", () => calls.push("after"));
	const logged = console.error;
	console.error = () => {};
	events.trigger("y");
	console.error = logged;
	assert.equal(state.errors.pop().message, "handler failed");
	events.trigger("x");
	events.off("x", a);
	events.offref(ref);
	events.trigger("x");
	assert.deepEqual(calls, ["after", "b", "a"]);
});

test("normalizePath and debounce behave like Obsidian's", async () => {
	assert.equal(normalizePath("/a\\b//c/"), "a/b/c");
	assert.equal(normalizePath(""), "/");
	let n = 0;
	const d = debounce(() => n++, 20, true);
	d();
	d();
	d();
	await new Promise((r) => setTimeout(r, 40));
	assert.equal(n, 1);
	d();
	d.cancel();
	await new Promise((r) => setTimeout(r, 40));
	assert.equal(n, 1);
	d();
	d.run();
	assert.equal(n, 2);
});

test("DOM helpers: createEl with classes, text and attributes; empty; toggleClass", () => {
	const root = createDiv({ cls: "root" });
	const span = root.createSpan({ cls: ["a", "b"], text: "hi", attr: { "data-x": 1 } });
	root.createEl("p", { text: "first", prepend: true });
	assert.equal(root.firstChild.textContent, "first");
	assert.equal(span.getAttr("data-x"), "1");
	span.toggleClass("b", false);
	assert.equal(span.className, "a");
	root.empty();
	assert.equal(root.childNodes.length, 0);
});

test("Worker runs a script from a Blob URL in a thread, with the worker scope's messages", async () => {
	const { installWorker, terminateWorkers } = require("./harness/worker");
	installWorker("thread");
	const source = "self.onmessage = (event) => self.postMessage({ id: event.data.id, value: event.data.n * 2, threaded: typeof window === 'undefined' });";
	const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
	const worker = new Worker(url);
	const answer = new Promise((resolve) => (worker.onmessage = (event) => resolve(event.data)));
	worker.postMessage({ id: 1, n: 21 });
	assert.deepEqual(await answer, { id: 1, value: 42, threaded: true });
	worker.terminate();
	assert.throws(() => new Worker("blob:nodedata:unknown"), /cannot be loaded/);
	installWorker("none");
	assert.equal(typeof Worker, "undefined");
	await terminateWorkers();
});
