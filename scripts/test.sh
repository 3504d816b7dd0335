#!/usr/bin/env bash
# Runs every test of Vault Curator: formatting, lints, the Rust core and CLI, the WASM binding in
# Node, TypeScript checks, the production plugin build, the plugin through its built main.js,
# and the accuracy bars on the shared corpus (skipped when ../shared is absent).
# Deterministic: the property tests draw from a fixed seed and the fuzz targets replay their
# committed inputs, so a commit always passes or always fails. `npm run test:deep`
# (scripts/test-deep.sh) looks further with random seeds and libFuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# curator's cache goes to a folder of this run's own, never the user's.
export CURATOR_CACHE_DIR="$PWD/target/test-cache"
rm -rf "$CURATOR_CACHE_DIR"

step "setup"
bash scripts/setup.sh

step "rustfmt"
cargo fmt --all --check

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "Rust tests (core, CLI, fuzz-target replay)"
cargo test --workspace

step "WASM binding tests in Node"
npm run --silent test:wasm

step "TypeScript"
npm run --silent typecheck

step "eslint (eslint-plugin-obsidianmd)"
npm run --silent lint

step "production build (WASM + main.js)"
npm run --silent build

step "plugin tests through the built main.js"
npm run --silent test:plugin

step "the review pane in headless Chromium (skipped, with the reason, without Chromium)"
npm run --silent test:browser

step "accuracy on the shared corpus"
cargo build --release -p curator-cli
python3 tests/corpus/check_scores.py target/release/curator
