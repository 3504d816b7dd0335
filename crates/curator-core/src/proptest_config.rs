//! The one configuration every property test runs with (the integration tests include this
//! file by path).
//!
//! `npm test` must pass or fail the same way every time for a commit, so the cases come from a
//! fixed seed, after the failures proptest saved under `proptest-regressions` are replayed.
//! `npm run test:deep` sets `PROPTEST_RNG_SEED` to a random seed and `CURATOR_PROPTEST_SCALE`
//! to run many more cases; a failure it finds is saved there and replayed by every later run.

use proptest::test_runner::{Config, RngSeed};

/// The seed of the deterministic run.
const SEED: u64 = 20_260_114;

/// `cases` cases (times `CURATOR_PROPTEST_SCALE`), drawn from `PROPTEST_RNG_SEED` when it is
/// set and from the fixed seed otherwise.
pub fn cases(cases: u32) -> Config {
    let scale = std::env::var("CURATOR_PROPTEST_SCALE")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1);
    let default = Config::default();
    let rng_seed = match default.rng_seed {
        RngSeed::Random => RngSeed::Fixed(SEED),
        seed => seed,
    };
    Config {
        cases: cases.saturating_mul(scale),
        rng_seed,
        ..default
    }
}
