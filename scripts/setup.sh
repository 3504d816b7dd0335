#!/usr/bin/env bash
# Installs what building and testing Vault Curator needs, from the package registries only.
# Idempotent: a second run finds everything in place and returns in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

# Must match the `wasm-bindgen` pin in crates/curator-wasm/Cargo.toml exactly.
WASM_BINDGEN_VERSION=0.2.130

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
need() {
  command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is missing. $2" >&2; exit 2; }
}

need cargo "Install Rust with rustup (https://rustup.rs), then run this again."
need rustup "Vault Curator needs rustup to add the wasm32 target."
need node "Install Node.js 20 or newer, then run this again."
need npm "npm comes with Node.js; install Node.js 20 or newer."

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || { echo "setup: Node.js $node_major found; Vault Curator needs 20 or newer." >&2; exit 2; }

for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" || { say "adding $component"; rustup component add "$component"; }
done
rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (a few minutes, once)"
  # No --locked: the registry mirror may lag behind the CLI's lockfile (see README, Building).
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --no-default-features
fi

# The build compresses the engine's module with xz (Debian's xz-utils, on most machines already).
if ! command -v xz >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's xz-utils for the build (apt-get)"
    { apt-get install -y -qq xz-utils || { apt-get update -qq && apt-get install -y -qq xz-utils; }; } >/dev/null 2>&1
  fi
  need xz "Install xz (Debian: sudo apt-get install xz-utils), then run this again."
fi

# The review pane's browser test runs in Debian's Chromium (never a browser playwright
# downloads). Installed only when missing and apt-get can; otherwise that test skips and says why.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  say "installing Debian's chromium for the browser test (apt-get)"
  if [ "$(id -u)" -eq 0 ]; then
    { apt-get update -qq && apt-get install -y -qq chromium; } >/dev/null 2>&1 || say "chromium could not be installed: the browser test will be skipped"
  else
    say "not root: install chromium yourself (sudo apt-get install chromium) to run the browser test"
  fi
fi

# The screenshots show the notes' emoji (Tasks' signifiers) only with a colour emoji font.
if [ ! -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing Debian's fonts-noto-color-emoji for the browser test's screenshots (apt-get)"
  { apt-get install -y -qq fonts-noto-color-emoji || { apt-get update -qq && apt-get install -y -qq fonts-noto-color-emoji; }; } >/dev/null 2>&1 ||
    say "fonts-noto-color-emoji could not be installed: the screenshots will show emoji as boxes"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
