#!/usr/bin/env python3
"""Why meeting→entity links are missed: each missed (meeting, entity) pair of a vault's truth,
by the noise class of the truth's mentions and what the engine made of them.

    python3 tests/generated/missed_links.py --vault DIR --truth FILE --curator BIN [--show N]

Copies the vault, switches `mentionLinks` on, runs `curator entities --json` (on the lines the
truth counts) and `curator fix` once, then pairs each truth mention of a missed link with the engine's mention
on its line: `confident` (resolved to the entity with confidence, but left out of the property:
a lone word the meeting names no other way), `review` (queued with the entity first), `other`
(resolved or queued as someone else), `unknown` (read, left alone) or `unseen` (never read as a
name). A pair counts once, under the mention the engine came closest on. Also lists the wrong
links. A measurement, not a test.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "corpus"))
import links  # noqa: E402

RANK = {"confident": 0, "review": 1, "other": 2, "unknown": 3, "unseen": 4}


def status(truth_mention: dict, engine: list[dict], nentity) -> tuple[str, dict | None]:
    want = nentity(truth_mention["entity"])
    text = truth_mention["text"].lower()
    best = ("unseen", None)
    for m in engine:
        et = m["text"].lower()
        if not (text in et or et in text):
            continue
        got = nentity(m["resolved"]) if m.get("resolved") else None
        if got == want and m["decision"] in ("exact", "alias", "auto"):
            s = "confident"
        elif got == want and m["decision"] == "review":
            s = "review"
        elif got is not None:
            s = "other"
        else:
            s = "unknown"
        if RANK[s] < RANK[best[0]]:
            best = (s, m)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vault", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--curator", required=True)
    ap.add_argument("--scorer", default=links.SCORER)
    ap.add_argument("--show", type=int, default=0, help="examples to print per class and status")
    a = ap.parse_args()
    sc = links.load_scorer(a.scorer)
    with open(a.truth, encoding="utf-8") as fh:
        truth = json.load(fh)
    curator = os.path.abspath(a.curator)
    with tempfile.TemporaryDirectory(prefix="curator-missed-") as tmp:
        copy = links.copy_with_settings(a.vault, tmp, {"mentionLinks": True})
        out = subprocess.run([curator, "entities", copy, "--json", "--no-cache"],
                             capture_output=True, check=True, text=True).stdout
        links.fix(curator, copy)
        after = sc.snapshot(copy)
    engine = collections.defaultdict(list)
    for m in json.loads(out):
        engine[(m["path"], m["line"])].append(m)
    text = {p: b.decode("utf-8", "replace") for p, b in after.items() if p.endswith(".md")}
    meetings = {p for p, t in text.items() if links.is_meeting(sc, t)}
    by_pair = collections.defaultdict(list)
    for m in truth["mentions"]:
        if m["entity"] and m["path"] in meetings:
            by_pair[(m["path"], sc.nentity(m["entity"]))].append(m)
    got = set()
    for p in meetings:
        for link in links.links_of(links.front(sc, text[p]).get("mentions")):
            got.add((p, sc.nentity(link)))
    missed = sorted(set(by_pair) - got)
    table = collections.Counter()
    examples = collections.defaultdict(list)
    for pair in missed:
        best = None
        for m in by_pair[pair]:
            s, e = status(m, engine[(m["path"], m["line"])], sc.nentity)
            if best is None or RANK[s] < RANK[best[0]]:
                best = (s, e, m)
        s, e, m = best
        key = (m["noise"], m["kind"], s)
        table[key] += 1
        examples[key].append((pair, m["text"], e and (e["text"], e["decision"], e["resolved"], e["confidence"])))
    print(f"{len(by_pair)} truth links, {len(got & set(by_pair))} linked, {len(missed)} missed, "
          f"{len(got - set(by_pair))} wrong")
    for (noise, kind, s), n in table.most_common():
        print(f"{n:5d}  {noise:22s} {kind:12s} {s}")
        for ex in examples[(noise, kind, s)][: a.show]:
            print(f"         {ex}")
    for w in sorted(got - set(by_pair)):
        print(f"  wrong: {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
