"use strict";
/**
 * `node:fs` for the harness in a browser page: the synchronous calls the harness's vault makes,
 * over files and folders kept in memory (absolute `/`-separated paths).
 */
const files = new Map();
const dirs = new Set(["/"]);

const norm = (p) => "/" + String(p).split("/").filter(Boolean).join("/");
const parent = (p) => norm(p).slice(0, norm(p).lastIndexOf("/")) || "/";
const missing = (p) => Object.assign(new Error(`ENOENT: no such file or directory, '${p}'`), { code: "ENOENT" });

function mkdirSync(p) {
	for (let d = norm(p); d !== "/"; d = parent(d)) dirs.add(d);
}

function writeFileSync(p, data) {
	mkdirSync(parent(p));
	files.set(norm(p), { text: String(data), mtime: Date.now() });
}

function readFileSync(p) {
	const f = files.get(norm(p));
	if (!f) throw missing(p);
	return f.text;
}

function statSync(p) {
	const f = files.get(norm(p));
	const dir = dirs.has(norm(p));
	if (!f && !dir) throw missing(p);
	return { isDirectory: () => dir, isFile: () => !dir, size: f ? f.text.length : 0, mtimeMs: f?.mtime ?? 0, ctimeMs: f?.mtime ?? 0 };
}

function readdirSync(p) {
	const base = norm(p) === "/" ? "/" : `${norm(p)}/`;
	const names = new Map();
	for (const d of dirs) if (d !== norm(p) && d.startsWith(base) && !d.slice(base.length).includes("/")) names.set(d.slice(base.length), true);
	for (const f of files.keys()) if (f.startsWith(base) && !f.slice(base.length).includes("/")) names.set(f.slice(base.length), false);
	return [...names].map(([name, dir]) => ({ name, isDirectory: () => dir, isFile: () => !dir }));
}

function rmSync(p) {
	const key = norm(p);
	files.delete(key);
	dirs.delete(key);
	for (const f of [...files.keys()]) if (f.startsWith(`${key}/`)) files.delete(f);
	for (const d of [...dirs]) if (d.startsWith(`${key}/`)) dirs.delete(d);
}

function renameSync(from, to) {
	writeFileSync(to, readFileSync(from));
	files.delete(norm(from));
}

module.exports = {
	existsSync: (p) => files.has(norm(p)) || dirs.has(norm(p)),
	statSync,
	readdirSync,
	readFileSync,
	writeFileSync,
	appendFileSync: (p, data) => writeFileSync(p, (files.get(norm(p))?.text ?? "") + data),
	mkdirSync,
	rmSync,
	renameSync,
};
