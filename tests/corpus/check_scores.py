#!/usr/bin/env python3
"""Runs the shared corpus scorer against the `curator` binary and checks the accuracy bars.

    python3 tests/corpus/check_scores.py [PATH_TO_CURATOR]

Skips (exit 0) when ../shared/corpus is absent, as in a user's clone. The bars are the
product's commitments; a change that drops below one fails the test suite.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import links

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")

# (label, how to read the value from score.py's JSON report, comparison, bar)
BARS = [
    ("tasks F1", lambda r: r["tasks"]["f1"], ">=", 0.995),
    ("task fields", lambda r: r["tasks"]["fields"], ">=", 0.99),
    ("trap lines reported as tasks", lambda r: sum(r["tasks"]["trap_false_positives"].values()), "==", 0),
    ("resolution precision", lambda r: r["entities"]["precision"], ">=", 0.995),
    ("resolution recall", lambda r: r["entities"]["recall"], ">=", 0.95),
    ("recall on non-trivial renderings", lambda r: r["entities"]["recall_noisy"], ">=", 0.80),
    ("merges of people without a note", lambda r: r["entities"]["false_merges_detail"]["into_existing_for_new_entity"], "==", 0),
    ("frontmatter accuracy", lambda r: r["fix"]["fm_accuracy"], ">=", 0.98),
    # A filled participants placeholder links its people, which can move their last_contact;
    # the corpus truth predates that (see links.py), so this bar allows that one change.
    ("clean notes byte-identical", lambda r: r["clean_settled"]["clean_identical"], "==", 1.0),
    ("fix idempotent", lambda r: r["fix"]["idempotent"], "==", 1.0),
    ("body preserved", lambda r: r["fix"]["body_preserved"], "==", 1.0),
    ("invalid YAML after fix", lambda r: r["fix"]["invalid_yaml_after_fix"], "==", 0),
    # With mentionLinks on: each meeting's `mentions` property against the truth's mentions.
    ("meeting→entity link precision", lambda r: r["links"]["precision"], ">=", 0.995),
    # The goal is 0.90 (0.860 now); a single word of prose is linked only when it names its
    # entity on its own or the note names it otherwise (precision first), and misheard names
    # queued for review are not linked.
    ("meeting→entity link recall", lambda r: r["links"]["recall"], ">=", 0.83),
    ("mention links: second fix changes nothing", lambda r: r["links"]["idempotent"], "==", True),
    ("mention links: body preserved", lambda r: r["links"]["body_preserved"], "==", 1.0),
]


def main() -> int:
    curator = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "curator")
    if not os.path.isdir(CORPUS):
        print(f"skipped: {CORPUS} is absent")
        print("0 passed, 0 failed, 1 skipped")
        return 0
    if not os.path.exists(curator):
        print(f"error: {curator} not found; build it with `cargo build --release -p curator-cli`")
        return 2
    out = subprocess.run(
        [sys.executable, os.path.join(CORPUS, "score.py"), "--vault", os.path.join(CORPUS, "dev-vault"),
         "--truth", os.path.join(CORPUS, "truth.json"), "--curator", curator, "--json"],
        capture_output=True, text=True, check=False)
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        print(out.stdout[-2000:], out.stderr[-2000:])
        print("0 passed, 1 failed")
        return 1
    sc = links.load_scorer(os.path.join(CORPUS, "score.py"))
    with open(os.path.join(CORPUS, "truth.json"), encoding="utf-8") as fh:
        truth = json.load(fh)
    vault = os.path.join(CORPUS, "dev-vault")
    report["links"] = links.measure_links(sc, vault, truth, os.path.abspath(curator))
    report["clean_settled"] = links.clean_settled(sc, vault, truth, os.path.abspath(curator))
    for name, err in report.get("errors", {}).items():
        print(f"error from curator {name}: {err}")
    passed = failed = 0
    for label, read, op, bar in BARS:
        try:
            value = read(report)
        except (KeyError, TypeError):
            value = None
        ok = value is not None and (value >= bar if op == ">=" else value == bar)
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{'ok  ' if ok else 'FAIL'} {label}: {shown} (bar {op} {bar})")
        passed += ok
        failed += not ok
    print(report.get("score_line", ""))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or report.get("errors") else 0


if __name__ == "__main__":
    sys.exit(main())
