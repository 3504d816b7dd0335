#!/usr/bin/env node
// Vault Curator's performance figures, native and WASM, on generated vaults: prints ONE JSON line
// on stdout (progress goes to stderr). `npm run bench`; not part of `npm test`.
//
//   node scripts/bench.mjs [--sizes 1000,2000,10000,50000] [--wasm-sizes 1000,10000,50000]
//                          [--skip-build] [--skip-native] [--curator PATH]
//
// The vaults are the core's benchmark vaults (crates/curator-core/benches/synthetic.rs, seed 7:
// people, organisations, meetings of 2–40 KB, a third with raw transcripts), written once to
// target/synthetic-vault-N (the same folders `npm run bench:wasm` and the plugin tests use).
// `--curator PATH` times another build of the CLI (an older one, to compare); `--skip-build`
// uses the release curator and main.js as they are; `--wasm-sizes ""` skips the WASM figures.
// Figures:
//   machine          cores and the load average before and after (the machine is shared: wall
//                    times are upper bounds; `cpu_s` = user + system time is steadier)
//   cli[]            `curator check VAULT --json` (release build) per size: `cold` with
//                    --no-cache, `warm` with the cache of an earlier run of the unchanged vault;
//                    each {wall_s, cpu_s, rss_mb, runs} (mean over the runs; hyperfine when it
//                    is installed, else timed here) and the cache file's size
//   native           the warm vault in-process (examples/vault_figures.rs): cold build + every
//                    note's check and fix per size, on-save p50/p99 of a 40 KB and a 3 KB meeting
//   wasm[]           the plugin's engine in its worker per size (scripts/bench-wasm.mjs)
//   budgets          the budgets, for the README table
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const sizes = option("sizes", "1000,2000,10000,50000").split(",").map(Number);
const wasmSizes = option("wasm-sizes", "1000,10000,50000")
	.split(",")
	.filter(Boolean)
	.map(Number);
const skipBuild = args.includes("--skip-build");
const skipNative = args.includes("--skip-native");

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const round = (x, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const loadavg = () => os.loadavg().map((l) => round(l, 2));

/** Runs a command, failing loudly; returns its stdout. */
function run(cmd, cmdArgs, options = {}) {
	const result = spawnSync(cmd, cmdArgs, { cwd: root, encoding: "utf8", maxBuffer: 1 << 30, ...options });
	if (result.error) throw new Error(`${cmd}: ${result.error.message}`);
	if (result.status !== 0 && !options.anyStatus) {
		throw new Error(`${cmd} ${cmdArgs.join(" ")} exited ${result.status}:\n${result.stderr}`);
	}
	return result.stdout;
}

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

/** The generated vault of `n` notes, written once. */
function vault(n) {
	const dir = path.join(root, "target", `synthetic-vault-${n}`);
	if (!fs.existsSync(path.join(dir, ".complete"))) {
		log(`generating the ${n}-note vault`);
		fs.rmSync(dir, { recursive: true, force: true });
		run("cargo", ["run", "--quiet", "--release", "-p", "curator-core", "--example", "synthetic_vault", "--", dir, String(n)]);
		fs.writeFileSync(path.join(dir, ".complete"), "");
	}
	return dir;
}

/** Megabytes of the notes under `dir`. */
function megabytes(dir) {
	let bytes = 0;
	for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile() && entry.name.endsWith(".md")) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
	}
	return round(bytes / 1e6, 1);
}

/** Peak resident memory of one run of `cmd`, in MB (GNU time), or null without it. */
function peakMb(cmd, env) {
	if (!fs.existsSync("/usr/bin/time")) return null;
	const result = spawnSync("/usr/bin/time", ["-f", "%M", "sh", "-c", `${cmd} > /dev/null`], { env, encoding: "utf8" });
	const kb = Number(result.stderr.trim().split("\n").pop());
	return Number.isFinite(kb) ? Math.round(kb / 1000) : null;
}

/** Mean wall and CPU seconds of `runs` runs of the shell command `cmd` (after one warm-up). */
function timeCommand(cmd, runs, env) {
	if (has("hyperfine")) {
		const out = path.join(os.tmpdir(), `curator-bench-${process.pid}.json`);
		run("hyperfine", ["--style", "none", "-i", "--warmup", "1", "--runs", String(runs), "--export-json", out, cmd], { env });
		const [r] = JSON.parse(fs.readFileSync(out, "utf8")).results;
		fs.rmSync(out);
		return { wall_s: round(r.mean), cpu_s: round(r.user + r.system), runs };
	}
	spawnSync("sh", ["-c", cmd], { env });
	let wall = 0;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		spawnSync("sh", ["-c", cmd], { env, stdio: "ignore" });
		wall += performance.now() - start;
	}
	return { wall_s: round(wall / runs / 1000), cpu_s: null, runs };
}

const curator = path.resolve(option("curator", path.join(root, "target", "release", "curator")));
if (!skipBuild) {
	log("building the release curator and main.js");
	run("cargo", ["build", "--quiet", "--release", "-p", "curator-cli"]);
	if (wasmSizes.length) run("npm", ["run", "--silent", "build"]);
}

const loadBefore = loadavg();
const cli = [];
for (const n of sizes) {
	const dir = vault(n);
	const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "curator-bench-cache-"));
	const env = { ...process.env, CURATOR_CACHE_DIR: cacheDir };
	const runs = n <= 2000 ? 5 : n <= 10000 ? 3 : 1;
	const check = `${curator} check ${dir} --json > /dev/null`;
	log(`curator check, ${n} notes, cold`);
	const cold = { ...timeCommand(`${curator} check ${dir} --json --no-cache > /dev/null`, runs, env), rss_mb: peakMb(`${curator} check ${dir} --json --no-cache`, env) };
	log(`curator check, ${n} notes, warm`);
	spawnSync("sh", ["-c", check], { env });
	const warm = { ...timeCommand(check, runs, env), rss_mb: peakMb(`${curator} check ${dir} --json`, env) };
	const cacheBytes = fs.readdirSync(cacheDir).reduce((sum, f) => sum + fs.statSync(path.join(cacheDir, f)).size, 0);
	fs.rmSync(cacheDir, { recursive: true, force: true });
	cli.push({ notes: n, mb: megabytes(dir), cold, warm, cache_mb: round(cacheBytes / 1e6, 1) });
}

let native = null;
if (!skipNative) {
	log("native vault figures");
	native = JSON.parse(
		run("cargo", ["run", "--quiet", "--release", "-p", "curator-core", "--features", "parallel", "--example", "vault_figures", "--", sizes.join(","), "200"]),
	);
}

const wasm = [];
for (const n of wasmSizes) {
	log(`WASM in its worker, ${n} notes`);
	vault(n);
	wasm.push(JSON.parse(run("node", ["--max-old-space-size=8192", path.join(root, "scripts", "bench-wasm.mjs"), "--notes", String(n)])));
}

console.log(
	JSON.stringify({
		machine: { cores: os.cpus().length, load_before: loadBefore, load_after: loadavg(), hyperfine: has("hyperfine") },
		cli,
		native,
		wasm,
		budgets: {
			cli_10k_cold_s: 1.0,
			cli_10k_warm_s: 0.3,
			cli_2k_cold_s: 0.15,
			wasm_10k_cold_s: 3,
			wasm_10k_warm_start_s: 0.5,
			save_40kb_p99_ms: 5,
			save_3kb_p99_ms: 1,
			queries_ms: 20,
			wasm_memory_mb: 150,
		},
	}),
);
