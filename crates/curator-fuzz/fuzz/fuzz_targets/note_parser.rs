#![no_main]
//! libFuzzer entry for the `note_parser` target (its body and promises: curator_fuzz::note_parser).
libfuzzer_sys::fuzz_target!(|data: &[u8]| curator_fuzz::note_parser(data));
