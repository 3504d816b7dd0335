#!/usr/bin/env python3
"""Meeting→entity links, measured with a vault's ground truth (the corpus scorer's schema).

    python3 tests/corpus/links.py --vault DIR --truth FILE --curator BIN [--scorer score.py] [--json]

Copies the vault, switches on the `mention_links` rule in the copy's data.json, runs
`curator fix` twice and reads every meeting's `mentions` property: precision and recall of its
links against the truth's mentions (each meeting paired with every entity the truth says it
names), whether the second fix changed anything, and whether every note's body lines survived.
`clean_settled` runs `fix` with the vault's own settings and checks the truth's clean notes,
allowing one change the truth predates: a `last_contact` moved to the date of a meeting whose
participants placeholder `fix` filled with a link to the person (the truth was written when a
filled placeholder linked nobody).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCORER = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "score.py")
SETTINGS = os.path.join(".obsidian", "plugins", "vault-curator", "data.json")


def load_scorer(path: str):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def copy_with_settings(vault: str, into: str, rules: dict) -> str:
    dst = os.path.join(into, "vault")
    shutil.copytree(vault, dst)
    path = os.path.join(dst, SETTINGS)
    data = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    data.setdefault("rules", {}).update(rules)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    return dst


def fix(curator: str, vault: str) -> None:
    subprocess.run([curator, "fix", vault, "--no-cache"], capture_output=True, check=True)


def front(sc, text: str) -> dict:
    fm, _, _ = sc.split_note(text)
    return sc.parse_fm(fm)[0]


def is_meeting(sc, text: str) -> bool:
    fm = front(sc, text)
    kind = str(fm.get("type") or fm.get("Type") or "").lower()
    return "meeting" in kind or "participants" in fm or "**Participants:**" in text


def links_of(value) -> list[str]:
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return [str(x) for x in items if isinstance(x, str) and x.strip().startswith("[[")]


def measure_links(sc, vault: str, truth: dict, curator: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="curator-links-") as tmp:
        copy = copy_with_settings(vault, tmp, {"mentionLinks": True})
        before = sc.snapshot(copy)
        fix(curator, copy)
        after1 = sc.snapshot(copy)
        fix(curator, copy)
        after2 = sc.snapshot(copy)
    text = {p: b.decode("utf-8", "replace") for p, b in before.items() if p.endswith(".md")}
    meetings = {p for p, t in text.items() if is_meeting(sc, t)}
    want = {(m["path"], sc.nentity(m["entity"])) for m in truth["mentions"]
            if m["entity"] and m["path"] in meetings}
    got = set()
    for p in meetings:
        post = after1.get(p, b"").decode("utf-8", "replace")
        for link in links_of(front(sc, post).get("mentions")):
            got.add((p, sc.nentity(link)))
    hit = want & got
    mutable: dict[str, set] = {}
    for m in truth["mentions"]:
        mutable.setdefault(m["path"], set()).add(m["line"])
    for t in truth["tasks"]:
        mutable.setdefault(t["path"], set()).add(t["line"])
    for x in truth.get("mojibake_lines", []):
        mutable.setdefault(x["path"], set()).update(x["lines"])
    lost = [p for p, t in text.items()
            if after1.get(p) != before[p]
            and sc.body_lost_lines(t, after1.get(p, b"").decode("utf-8", "replace"), mutable.get(p, set()))]
    changed_again = sorted(p for p in set(after1) | set(after2) if after1.get(p) != after2.get(p))
    return {
        "meetings": len(meetings), "truth_links": len(want), "links": len(got), "correct": len(hit),
        "precision": len(hit) / len(got) if got else 0.0,
        "recall": len(hit) / len(want) if want else 0.0,
        "idempotent": not changed_again, "changed_again": changed_again[:5],
        "body_preserved": 1 - len(lost) / max(1, len(text)), "body_lost": lost[:5],
        "wrong": sorted(got - want)[:10], "missed": sorted(want - got),
    }


LAST_CONTACT = re.compile(r"^last_contact:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.M)


def clean_settled(sc, vault: str, truth: dict, curator: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="curator-clean-") as tmp:
        copy = os.path.join(tmp, "vault")
        shutil.copytree(vault, copy)
        before = sc.snapshot(copy)
        fix(curator, copy)
        after = sc.snapshot(copy)
    text = {p: b.decode("utf-8", "replace") for p, b in after.items() if p.endswith(".md")}
    # Meetings whose participants placeholder `fix` filled: the people they now link, by date.
    filled: dict[str, set] = {}
    for f in truth["frontmatter"]:
        if not any(d.startswith("placeholder_participants") for d in f.get("defects", [])):
            continue
        post = text.get(f["path"], "")
        fm = front(sc, post)
        day = sc.vdate(fm.get("date") or fm.get("created"))
        for link in links_of(fm.get("participants")):
            filled.setdefault(sc.nentity(link), set()).add(day)
    clean = [f["path"] for f in truth["frontmatter"] if f["clean"]]
    same = allowed = 0
    changed = []
    for p in clean:
        if after.get(p) == before.get(p):
            same += 1
            continue
        old, new = before[p].decode("utf-8"), after.get(p, b"").decode("utf-8", "replace")
        moved = LAST_CONTACT.search(new)
        title = sc.nentity(os.path.basename(p))
        if (moved and LAST_CONTACT.sub("", old) == LAST_CONTACT.sub("", new)
                and moved.group(1) in filled.get(title, set())):
            allowed += 1
        else:
            changed.append(p)
    return {"clean": len(clean), "identical": same, "moved_by_filled_participants": allowed,
            "clean_identical": (same + allowed) / len(clean) if clean else 0.0,
            "changed": changed[:5]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vault", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--curator", required=True)
    ap.add_argument("--scorer", default=SCORER)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    sc = load_scorer(a.scorer)
    with open(a.truth, encoding="utf-8") as fh:
        truth = json.load(fh)
    report = {"links": measure_links(sc, a.vault, truth, os.path.abspath(a.curator))}
    if a.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    r = report["links"]
    print(f"meeting→entity links with mentionLinks on: precision {r['precision']:.4f} "
          f"({r['correct']}/{r['links']}), recall {r['recall']:.4f} ({r['correct']}/{r['truth_links']}) "
          f"over {r['meetings']} meetings; second fix changes nothing: {r['idempotent']}; "
          f"body preserved: {r['body_preserved']:.3f}")
    for w in r["wrong"]:
        print(f"  wrong: {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
