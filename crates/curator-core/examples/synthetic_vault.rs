//! Writes the benchmark's synthetic vault to disk, to time the `curator` CLI on it:
//!
//! ```sh
//! cargo run --release -p curator-core --example synthetic_vault -- target/vault-10k 10000
//! time target/release/curator fix target/vault-10k
//! ```

#[path = "../benches/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(
        args.next()
            .ok_or("usage: synthetic_vault OUT_DIR [NOTES]")?,
    );
    let n: usize = args
        .next()
        .map_or(Ok(10_000), |s| s.parse().map_err(|e| format!("NOTES: {e}")))?;
    for (path, text) in synthetic::vault(n, 7) {
        let file = out.join(&path);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    println!("wrote {n} notes to {}", out.display());
    Ok(())
}
