//! Build-time data: tables the engine ships, generated from the data files in `data/`.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    everyday_words(Path::new(&out));
}

/// `data/common-words.txt` as sorted 32-bit FNV-1a fingerprints (`everyday_words.bin`, little
/// endian): 4 bytes a word instead of the word itself, looked up by binary search (see
/// `src/names/everyday.rs`, which computes the same fingerprint).
fn everyday_words(out: &Path) {
    let source = "data/common-words.txt";
    println!("cargo:rerun-if-changed={source}");
    let list = fs::read_to_string(source).expect("data/common-words.txt is readable");
    let mut prints: Vec<u32> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(fingerprint)
        .collect();
    prints.sort_unstable();
    prints.dedup();
    let bytes: Vec<u8> = prints.iter().flat_map(|p| p.to_le_bytes()).collect();
    fs::write(out.join("everyday_words.bin"), bytes).expect("OUT_DIR is writable");
}

/// 32-bit FNV-1a of the word's bytes (must match `names::everyday::fingerprint`).
fn fingerprint(word: &str) -> u32 {
    word.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}
