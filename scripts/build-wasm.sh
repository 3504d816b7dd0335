#!/usr/bin/env bash
# Builds the engine's WebAssembly module and its JS glue into plugin/wasm/ (gitignored), for
# esbuild to inline into main.js (the module xz-compressed, as base-122 text, scripts/base122.mjs: the
# plugin's worker decompresses it with the npm package xz-decompress).
#   1. cargo, profile wasm-release (opt-level 3, see the workspace Cargo.toml): optimised for
#      speed, not size. At 10,000 notes the plugin's cold pass takes 7.8-7.9 s against
#      9.4-9.7 s for `opt-level = "z"` with LLVM's inline threshold at 40, the best that fitted
#      main.js's 1 MB as gzip (bench:wasm, alternated, two runs each);
#   2. wasm-bindgen --target web: ES module glue exporting initSync, no default module path, so
#      the CJS bundle has no import.meta;
#      The name section is dropped there (strip = true would lose the target-features section).
#   3. wasm-opt -O3 from the npm package binaryen (Debian's binaryen breaks the externref table),
#      run twice: the second round finds what the first left (679,716 → 678,756 bytes
#      compressed; `--converge` and `-O4` measured larger), which keeps main.js under 1 MB;
#   4. xz -9e (one thread, CRC32: the same module gives the same bytes): a quarter smaller
#      than gzip of the same module (624 against 841 KB), which is what lets the fast module fit
#      main.js; the decoder costs main.js 20 KB and the worker's start about 30 ms. LZMA2 with
#      no position bits and four literal context bits (pb=0, lc=4, which every LZMA2 decoder
#      reads) suits WebAssembly's byte-aligned code: 722,736 → 721,816 bytes.
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli matching the crate's pin, npm ci,
# xz (Debian's xz-utils; scripts/setup.sh installs it).
# `--if-missing` builds only when plugin/wasm/ has no module yet (typecheck and lint need its
# .d.ts; `npm run build` always rebuilds).
set -euo pipefail
cd "$(dirname "$0")/.."

out=plugin/wasm
if [ "${1:-}" = "--if-missing" ] && [ -f "$out/curator_wasm_bg.wasm.xz" ] && [ -f "$out/curator_wasm.d.ts" ]; then
  exit 0
fi
wasm_opt=node_modules/.bin/wasm-opt
want=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' crates/curator-wasm/Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "build-wasm: wasm-bindgen-cli $want is needed (found '${have:-none}'):" >&2
  echo "  cargo install wasm-bindgen-cli --version =$want --no-default-features" >&2
  exit 1
fi
if [ ! -x "$wasm_opt" ]; then
  echo "build-wasm: $wasm_opt is missing: run npm ci first" >&2
  exit 1
fi

cargo build -p curator-wasm --target wasm32-unknown-unknown --profile wasm-release
rm -rf "$out"
wasm-bindgen --target web --omit-default-module-path --remove-name-section --out-dir "$out" \
  target/wasm32-unknown-unknown/wasm-release/curator_wasm.wasm
"$wasm_opt" -O3 -O3 "$out/curator_wasm_bg.wasm" -o "$out/curator_wasm_bg.wasm"

if ! command -v xz >/dev/null 2>&1; then
  echo "build-wasm: xz is missing: run scripts/setup.sh (or apt-get install xz-utils)" >&2
  exit 1
fi
xz -T1 --check=crc32 --lzma2=preset=9e,pb=0,lc=4 --stdout "$out/curator_wasm_bg.wasm" > "$out/curator_wasm_bg.wasm.xz"

raw=$(wc -c < "$out/curator_wasm_bg.wasm")
xzed=$(wc -c < "$out/curator_wasm_bg.wasm.xz")
echo "build-wasm: $out/curator_wasm_bg.wasm $raw bytes ($xzed compressed)"

# The module ships compressed inside main.js, whose own 1 MB budget esbuild.config.mjs enforces;
# this catches a module that grew by itself (measured sizes are in the README). It was raised
# step by step from 1.2 MB as the rules grew, with `opt-level = "z"`; 2.2 MB at 2,158 KB, when
# the module was built for speed (opt-level 3) and compressed with xz: main.js went from
# 989 KB (gzip, opt-level "z") to about 905 KB. 2.25 MB at 2,200 KB, when the engine learnt
# the templates plugins name deeper in their settings, the Tasks plugin's status types, week
# days and name particles (main.js 946 KB). 2.3 MB at 2,250 KB, when the engine learnt
# strangers' full names, places and dates around a name, notes that speak of encoding and
# notes of other kinds that a word titles (2,252,566 bytes; main.js 965 KB). 2.35 MB at
# 2,300 KB, when it learnt towns before a country or a state, terms' abbreviations, the words
# that join an organisation's name, strangers in transcripts and other scripts' marks in
# mojibake (2,300,509 bytes; main.js 983 KB). 2.4 MB at 2,356 KB, when it learnt which
# nicknames come from which language, the entries of a participants list as names of their
# own, names of two genders, slug-named notes and firms' handles (2,344,398 → 2,356,129
# bytes, 676,712 → 680,168 compressed). 2.45 MB at 2,412 KB, when it learnt which meetings
# took place and whom they met (called off, absent, not among the attendees, after today), the
# property names Dataview queries and plugins' bindings read, and names in headings and in
# garbled text (2,359,316 → 2,427,137 bytes, 680,908 → 696,524 compressed; `summarize` alone
# +18 KB). 2.5 MB at 2,468 KB, when it learnt owner handles written apart, with particles,
# honorifics, action verbs and Unicode hyphens, Dataview owner fields, attendee lists in a
# meeting's body and participants' addresses and devices (2,428,798 → 2,467,811 bytes,
# 697,280 → 706,468 compressed; reading a task, `read_task`, +17 KB with the owner fields
# inlined, `summarize` +6 KB; marking the owner fields' reader not to be inlined saved 84 bytes).
# 2.55 MB at 2,503 KB, when it learnt the handles any task query searches for (a Tasks regex or
# boolean filter, a dataviewjs script: `query_handles` 5.5 KB once searched with memchr rather
# than str patterns, which had made it 6.9 KB), each meeting's lists of who was there kept apart
# (`summarize` +2 KB) and roles written alone as no one's name (+1 KB): 2,498,391 → 2,503,351
# bytes, 713,564 → 715,292 compressed. 2.6 MB at 2,557 KB, when it learnt owners as meeting
# tools write them (a bold name above the list, an `Owner:` key, an attendee in closing
# parentheses, a given name written last, a listed participant's given name), towns after `in`
# and before a site, colours, honorifics in prose and notes tagged `person`; the everyday words
# front coded had made room first (2,537,892 → 2,532,836): 2,532,836 → 2,556,858 bytes,
# 705,416 → 711,132 compressed.
# 2.65 MB at 2,607 KB, when it learnt a word half repaired, template slots and job titles as no
# owner nor attendee, tags written in the body, surnames written with their particles and who
# met under other languages' labels (2,598,839 → 2,606,653 bytes; `describes_no_one` and `inline_tag_spans` kept out of line,
# which saved 600 bytes compressed).
# 2.71 MB at 2,700 KB, when it learnt places of several words (GeoNames' names of two to four
# words, 57 KB of text: `Den Haag`, `New York`) and lines in another language: 2,643,162 →
# 2,699,577 bytes, 732,348 → 750,920 compressed.
# 2.72 MB at 2,710 KB, when it learnt organisations' longer names and towns
# (`entities/longer_name.rs`, `place_words::town_after`: 8.2 KB of code before wasm-opt, found
# by comparing the functions' sizes in the name sections of the two unoptimised builds):
# 2,703,354 → 2,718,141 bytes, 751,548 → 756,172 compressed.
# 2.735 MB at 2,735 KB, when it learnt links marked otherwise than their note's title
# (`[[??? Blue Cultist]]`), aliases that may name an office, a role or a thing (`[[CFO]]`,
# `[[Blue Rose]]`) and Dataview queries opened in a callout: 2,724,297 → 2,729,290 bytes,
# 756,676 → 758,684 compressed.
# 2.74 MB at 2,740 KB, when it learnt the words English writes with a capital that are no one's
# name (SCOWL's english-upper, 413 words front coded in the everyday list: `European` of the
# European Union) and tags cased on purpose (`JMeter`): 2,734,474 → 2,737,047 bytes,
# 760,668 → 762,096 compressed.
# 2.745 MB at 2,745 KB, when it learnt sentences, jobs, departments and a chat's own name
# where a participant was expected, acronym tags on a tie, a pronoun after a handle's given
# name and entries of two people asked about as such: 2,738,818 → 2,739,790 bytes, 762,584 →
# 763,396 compressed (2,741,071 before `reads_as_a_sentence` and `chat_name` were kept out of
# line and the three tests for an entry of several people became one).
budget=2745000
if [ "$raw" -gt "$budget" ]; then
  echo "build-wasm: the module is $raw bytes, over the $budget-byte budget: find what grew (wasm-objdump -x -j Code on an unstripped build) before raising it" >&2
  exit 1
fi
