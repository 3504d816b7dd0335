#![no_main]
//! libFuzzer entry for the `yaml_tree` target (its body and promises: curator_fuzz::yaml_tree).
libfuzzer_sys::fuzz_target!(|data: &[u8]| curator_fuzz::yaml_tree(data));
