"use strict";
/**
 * Generated vaults for the tests that need many notes: the core's benchmark generator
 * (`crates/curator-core/benches/synthetic.rs`: people, organisations, meetings of 2–40 KB, a
 * third with transcripts), written once under target/ and copied for each test.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { ROOT, makeTempDir } = require("./harness");

/**
 * A temporary copy of the generated vault of `notes` notes, or `{ skip }` with the reason when
 * cargo is not installed. A failing generator throws.
 */
function syntheticVault(notes) {
	const dir = path.join(ROOT, "target", `synthetic-vault-${notes}`);
	if (!fs.existsSync(path.join(dir, ".complete"))) {
		fs.rmSync(dir, { recursive: true, force: true });
		const args = ["run", "--quiet", "-p", "curator-core", "--example", "synthetic_vault", "--", dir, String(notes)];
		const cargo = spawnSync("cargo", args, { cwd: ROOT, encoding: "utf8" });
		if (cargo.error && cargo.error.code === "ENOENT") return { skip: "cargo is not installed: cannot generate the vault" };
		if (cargo.status !== 0) throw new Error(`cargo ${args.join(" ")} failed:\n${cargo.stderr}`);
		fs.writeFileSync(path.join(dir, ".complete"), "");
	}
	const copy = makeTempDir("vault-curator-synthetic-");
	fs.cpSync(dir, copy, { recursive: true, filter: (src) => path.basename(src) !== ".complete" });
	return { path: copy };
}

module.exports = { syntheticVault };
