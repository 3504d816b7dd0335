"use strict";
/**
 * The `curator` CLI built from this checkout, for tests that check the plugin and the CLI
 * share one engine and one data.json.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { ROOT } = require("./harness");

const BINARY = path.join(ROOT, "target", "debug", process.platform === "win32" ? "curator.exe" : "curator");

let built = null;

/**
 * Builds `target/debug/curator` with cargo (a no-op when it is up to date) and returns its
 * path, or `{ skip }` with the reason when cargo is not installed. A failing build throws.
 */
function curatorBinary() {
	if (built) return built;
	const cargo = spawnSync("cargo", ["build", "--quiet", "-p", "curator-cli"], { cwd: ROOT, encoding: "utf8" });
	if (cargo.error && cargo.error.code === "ENOENT") {
		built = { skip: "cargo is not installed: cannot build the curator CLI to compare with" };
	} else if (cargo.status !== 0) {
		throw new Error(`cargo build -p curator-cli failed:\n${cargo.stderr}`);
	} else if (!fs.existsSync(BINARY)) {
		throw new Error(`cargo built curator-cli but ${BINARY} is missing`);
	} else {
		built = { path: BINARY };
	}
	return built;
}

/** Runs `curator ...args` and returns its stdout; throws unless it exits with status 0. */
function runCurator(binary, args) {
	const run = spawnSync(binary, args, { encoding: "utf8" });
	if (run.error) throw run.error;
	if (run.status !== 0) throw new Error(`curator ${args.join(" ")} exited with ${run.status}:\n${run.stderr}`);
	return run.stdout;
}

module.exports = { curatorBinary, runCurator };
