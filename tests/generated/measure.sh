#!/usr/bin/env bash
# Generates an unseen vault and scores the release `curator` on it with the shared corpus scorer.
#
#   bash tests/generated/measure.sh [NOTES] [SEED]      (defaults: 300 notes, seed 1)
#
# Needs target/release/curator (cargo build --release -p curator-cli) and ../shared/corpus/score.py.
# The generator's pinned packages are installed once into target/gen-venv. Not part of npm test.
set -euo pipefail
notes="${1:-300}"
seed="${2:-1}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
curator="$root/target/release/curator"
scorer="$root/../shared/corpus/score.py"
venv="$root/target/gen-venv"

[ -x "$curator" ] || { echo "error: $curator not found: cargo build --release -p curator-cli" >&2; exit 2; }
[ -f "$scorer" ] || { echo "error: $scorer not found (the shared corpus sits beside the repository)" >&2; exit 2; }
if ! "$venv/bin/python" -c "import faker, gender_guesser, nicknames, name_variants" 2>/dev/null ||
   ! cmp -s "$here/requirements.txt" "$venv/requirements.txt"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$venv/requirements.txt"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/curator-gen.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" "$here/gen_vault.py" --out "$work" --notes "$notes" --seed "$seed" >&2
python3 "$scorer" --vault "$work/vault" --truth "$work/truth.json" --curator "$curator" --json \
  > "$work/report.json"
"$curator" review "$work/vault" --json > "$work/review.json" 2>/dev/null || true
python3 "$here/report.py" "$work/report.json" "$work/truth.json" "$work/review.json"
