#!/usr/bin/env bash
# Builds everything, runs Vault Curator on the demo vault, and installs the plugin into it.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
demo=examples/demo-vault

step "setup"
bash scripts/setup.sh

step "building the curator CLI"
cargo build --release -p curator-cli
curator=target/release/curator

step "building the plugin (WASM + main.js)"
npm run --silent build

step "installing the plugin into $demo/.obsidian/plugins/vault-curator"
plugin_dir="$demo/.obsidian/plugins/vault-curator"
mkdir -p "$plugin_dir"
cp main.js manifest.json styles.css "$plugin_dir/"
ls -l "$plugin_dir"

step "curator check $demo  (read-only: what fix would change, and the review queue)"
"$curator" check "$demo" || [ $? -eq 1 ]

step "curator fix on a copy of the demo vault (target/demo-vault)"
rm -rf target/demo-vault
cp -R "$demo" target/demo-vault
"$curator" fix target/demo-vault
echo
"$curator" tasks target/demo-vault --open

printf '\nOpen %s in Obsidian (Open folder as vault) and enable Vault Curator under\nSettings → Community plugins to try the plugin; target/demo-vault holds the fixed copy.\n' "$demo"
