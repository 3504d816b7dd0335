#!/usr/bin/env python3
"""Summarises score.py's JSON report of a generated vault: the headline, recall by noise class,
the hard negatives, and the review queue against the truth's things to review.

    python3 tests/generated/report.py REPORT.json TRUTH.json REVIEW.json
"""
from __future__ import annotations

import json
import sys
from collections import Counter

# The forms of a name issue 12 names, in its order, then the corpus's own classes.
CLASSES = ("diminutive", "nickname", "surname_comma", "surname_first", "initial_given", "initial_surname",
           "handle", "asr", "phonetic", "first_name", "first_name_unanchored", "syllable", "deaccent",
           "mojibake", "case", "heavy_asr", "broken_link:phonetic", "short_name", "acronym", "alias", "camel",
           "display", "speaker_label", "none")
HARD = ("new_lookalike", "new_person", "common_word", "org_word", "new_org", "project", "ambiguous")


def fmt(x) -> str:
    return "  n/a" if x is None else f"{x:5.3f}"


def main(report_path: str, truth_path: str, review_path: str) -> int:
    with open(report_path, encoding="utf-8") as fh:
        r = json.load(fh)
    with open(truth_path, encoding="utf-8") as fh:
        truth = json.load(fh)
    for name, err in r.get("errors", {}).items():
        print(f"ERROR {name}: {err}")
    e, f, t = r.get("entities"), r.get("fix"), r.get("tasks")
    s = truth["stats"]
    print(f"vault: {s['notes']} notes, {s['bytes'] / 1e6:.1f} MB, {s['mentions']} mentions, {s['tasks']} tasks "
          f"(seed {truth['seed']}, names {truth['pool']})")
    print(r["score_line"])
    if e:
        print(f"\nname resolution: precision {e['precision']:.4f} ({e['false_merges']} wrong: {e['false_merges_detail']})"
              f"  recall {e['recall']:.3f}  non-trivial renderings {e['recall_noisy']:.3f} (n={e['noisy_mentions']})")
        print(f"\n  {'rendering':22s} {'n':>6s} {'recall':>6s} {'review':>6s} {'wrong':>6s}")
        noise = e["by_noise"]
        for k in CLASSES + tuple(sorted(set(noise) - set(CLASSES) - set(HARD))):
            if k in noise:
                v = noise[k]
                print(f"  {k:22s} {v['n']:6d} {fmt(v['recall'])} {v['review']:6d} {v['false_merges']:6d}")
        print(f"\n  {'hard negative':22s} {'n':>6s} {'linked to someone (wrong)':>26s} {'review':>7s}")
        for k in HARD:
            if k in noise:
                v = noise[k]
                print(f"  {k:22s} {v['n']:6d} {v['false_merges']:26d} {v['review']:7d}")
        print(f"  ambiguous first names flagged (review or left alone): {e['ambiguous_flagged']}/{e['ambiguous_mentions']}")
    if t:
        print(f"\ntasks: F1 {t['f1']:.3f}, fields {t['fields']:.3f}, trap lines reported as tasks: "
              f"{dict(t['trap_false_positives']) or 0}")
    if f:
        print(f"fix: frontmatter {f['fm_accuracy']:.3f}, clean notes identical {f['clean_identical']:.3f} "
              f"(n={f['clean_notes']}), idempotent {f['idempotent']}, body kept {f['body_preserved']:.3f}")
    try:
        with open(review_path, encoding="utf-8") as fh:
            items = json.load(fh)
    except (OSError, json.JSONDecodeError):
        items = None
    if items is not None:
        want = {(x["path"], x["reason"]) for x in truth["review"]}
        got = {(x["path"], x["reason"]) for x in items}
        decisions = {x.get("group") for x in items} if all("group" in x for x in items) else None
        print(f"\nreview queue: {len(items)} items"
              + (f" in {len(decisions)} decisions" if decisions is not None else " (no `group`: one decision each)")
              + f"; truth: {len(truth['review'])} things to review"
              + f" -> {(len(decisions) if decisions is not None else len(items)) / max(1, len(truth['review'])):.1f}x")
        print(f"  truth raised (path and reason): {len(want & got)}/{len(want)} = {len(want & got) / max(1, len(want)):.3f}")
        if r.get("review"):
            rv = r["review"]
            print(f"  by path (score.py): precision {rv['precision']:.3f} recall {rv['recall']:.3f}")
        print("  items by reason:   " + ", ".join(f"{k} {v}" for k, v in Counter(x["reason"] for x in items).most_common()))
        print("  truth by reason:   " + ", ".join(f"{k} {v}" for k, v in Counter(x["reason"] for x in truth["review"]).most_common()))
        missed = Counter(reason for (_, reason) in want - got)
        if missed:
            print("  missed by reason:  " + ", ".join(f"{k} {v}" for k, v in missed.most_common()))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
