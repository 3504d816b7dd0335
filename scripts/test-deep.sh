#!/usr/bin/env bash
# The deep run (`npm run test:deep`): every property test with many more cases from a random
# seed, then every fuzz target under libFuzzer for a while. Unlike `npm test` it is not
# deterministic — finding what the fixed seeds miss is its job. What it finds becomes a committed
# regression that every `npm test` replays: proptest saves failing cases under
# crates/*/proptest-regressions/, and a fuzz crash is copied into
# crates/curator-fuzz/regressions/TARGET/.
#
#   CURATOR_PROPTEST_SCALE  how many times the usual cases (default 10)
#   PROPTEST_RNG_SEED       the seed (default: random, printed so a failure can be rerun)
#   FUZZ_SECONDS            seconds per fuzz target (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

scale=${CURATOR_PROPTEST_SCALE:-10}
seed=${PROPTEST_RNG_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
seconds=${FUZZ_SECONDS:-60}

step "property tests: ${scale}x the cases, seed $seed (rerun: PROPTEST_RNG_SEED=$seed npm run test:deep)"
PROPTEST_RNG_SEED=$seed CURATOR_PROPTEST_SCALE=$scale cargo test --workspace

step "fuzzing: cargo-fuzz"
# libFuzzer needs the compiler's unstable sanitizer-coverage flags; RUSTC_BOOTSTRAP=1 lets the
# stable toolchain accept them, for this build only.
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "installing cargo-fuzz from crates.io (about a minute and a half, once)"
  cargo install cargo-fuzz --version '^0.13'
fi
export RUSTC_BOOTSTRAP=1
fuzz=(--fuzz-dir fuzz -O -a --sanitizer none --target-dir ../../target/fuzz)
cd crates/curator-fuzz
cargo fuzz build "${fuzz[@]}"

failed=()
for target in $(cargo fuzz list --fuzz-dir fuzz); do
  step "fuzzing $target for ${seconds}s"
  work=../../target/fuzz-corpus/$target
  artifacts=../../target/fuzz-artifacts/$target
  mkdir -p "$work" "$artifacts"
  corpora=("$work" "corpus/$target")
  [ -d "regressions/$target" ] && corpora+=("regressions/$target")
  if ! cargo fuzz run "${fuzz[@]}" "$target" "${corpora[@]}" -- \
      -max_total_time="$seconds" -timeout=10 -artifact_prefix="$artifacts/" -print_final_stats=1; then
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo
  echo "fuzzing broke a promise in: ${failed[*]}"
  echo "the inputs are in target/fuzz-artifacts/TARGET/; copy each into"
  echo "crates/curator-fuzz/regressions/TARGET/ under a name that says what it is, fix the engine,"
  echo "and cargo test -p curator-fuzz replays it from then on"
  exit 1
fi
echo
echo "deep run passed: properties at ${scale}x with seed $seed, each fuzz target ${seconds}s"
