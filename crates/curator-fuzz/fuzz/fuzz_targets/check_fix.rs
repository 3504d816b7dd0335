#![no_main]
//! libFuzzer entry for the `check_fix` target (its body and promises: curator_fuzz::check_fix).
libfuzzer_sys::fuzz_target!(|data: &[u8]| curator_fuzz::check_fix(data));
