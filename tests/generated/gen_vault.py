#!/usr/bin/env python3
"""Generates an Obsidian vault of meeting, people, organisation and project notes with ground
truth, in the schema the shared corpus scorer (`score.py`) reads.

    python3 tests/generated/gen_vault.py --out DIR --notes 300 --seed 1 [--names en,de,pl,...]

writes DIR/vault/ and DIR/truth.json. Same seed and arguments, same bytes. Names avoid the
shared corpus's people when its truth.json is found (--avoid). See tests/generated/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
from collections import Counter, defaultdict
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from vaultgen import cast as cast_mod  # noqa: E402
from vaultgen.meetings import FM_DEFECTS, MeetingWriter, plan  # noqa: E402
from vaultgen.note import Note  # noqa: E402
from vaultgen.people import make_facts, org_note, person_note, project_note  # noqa: E402
from vaultgen.pools import DEFAULT_LOCALES, LOCALES, corpus_names  # noqa: E402
from vaultgen.words import FACTS  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_AVOID = os.path.join(os.path.dirname(REPO), "shared", "corpus", "truth.json")
REVIEW_RATES = {"needs_review": 0.25, "company_conflict": 0.05}
TEMPLATES = {
    "Templates/Meeting.md": "---\ntype: meeting\ndate: \"{{date}}\"\ntitle: \"{{title}}\"\nparticipants: "
                            "[{{PARTICIPANTS}}]\ntags: [meeting]\n---\n# {{title}}\n\n**Date:** {{date}}\n"
                            "**Participants:**\n\n## Notes\n\n## Action items\n",
    "Templates/Person.md": "---\ntype: people\ntitle: \"{{title}}\"\ncreated: {{date}}\nauto_created: true\n"
                           "tags: [type/people, needs-review]\n---\n# {{title}}\n\n## Contact Information\n\n"
                           "| Field | Value |\n|-------|-------|\n| **Company** | _Unknown_ |\n\n## Key Facts\n\n"
                           "_None yet._\n",
}


def generate(out: str, n_notes: int, seed: int, locales: list[str], avoid_path: str | None) -> dict:
    """Writes the vault and its truth under `out`; returns the truth."""
    rng = random.Random(seed)
    avoid = corpus_names(avoid_path)
    cast = cast_mod.build(rng, n_notes, locales, avoid)
    year = 2024 + seed % 3
    n_meetings = max(2, n_notes - len(cast.people) - len(cast.orgs) - len(cast.projects))
    meetings = plan(rng, cast, n_meetings, year)
    notes: list[Note] = []
    fm_truth: dict[str, dict] = {}
    review: list[dict] = []
    linked: dict[str, list[date]] = defaultdict(list)
    joined: dict[str, list] = defaultdict(list)
    for m in meetings:
        w = MeetingWriter(rng, cast, m)
        defects = set(rng.sample(FM_DEFECTS, rng.randint(1, 2))) if rng.random() < 0.5 else set()
        notes.append(w.write(defects))
        fm_truth[w.note.path] = w.fm
        for title in w.links:
            linked[title].append(m.day)
        for p in m.participants:
            joined[p.title].append(m)
        if w.new_people:
            review.append({"path": w.note.path, "reason": "new_entity"})
        if getattr(w, "_ambiguous_said", False):
            review.append({"path": w.note.path, "reason": "ambiguous_mention"})
    # people: review cases first (duplicate facts need both notes' facts), then the notes
    auto = {p.title: rng.random() < 0.6 for p in cast.people}
    reasons: dict[str, list[str]] = defaultdict(list)
    for p in cast.people:
        if p is cast.owner or not auto[p.title]:
            continue
        for reason, rate in REVIEW_RATES.items():
            if rng.random() < rate:
                reasons[p.title].append(reason)
    used: set[str] = set()
    facts = {p.title: make_facts(rng, cast, p, used) for p in cast.people}
    autos = [p for p in cast.people if auto[p.title] and p is not cast.owner]
    for _ in range(max(1, len(autos) // 35)):
        a, b = rng.sample(autos, 2)
        mine = facts[a.title]
        start = 1 if mine and mine[0][0] in FACTS else 0  # a generic first fact is in many notes
        run = mine[start:start + 4]
        if len(run) >= 3 and "duplicate_facts" not in reasons[a.title] + reasons[b.title]:
            at = rng.randrange(len(facts[b.title]) + 1)
            facts[b.title][at:at] = run
            reasons[a.title].append("duplicate_facts")
            reasons[b.title].append("duplicate_facts")
    for p in cast.people:
        mine = joined[p.title]
        newest = max([m.day for m in mine] + linked[p.title], default=None)
        note, fm = person_note(rng, cast, p, mine, max(linked[p.title], default=None), newest,
                               facts[p.title], reasons[p.title], auto[p.title])
        notes.append(note)
        fm_truth[note.path] = fm
        review += [{"path": note.path, "reason": r} for r in reasons[p.title]]
    by_org, by_project = defaultdict(list), defaultdict(list)
    for m in meetings:
        by_org[m.org.title].append(m)
        if m.project:
            by_project[m.project.title].append(m)
    for o in cast.orgs:
        note, fm = org_note(rng, cast, o, by_org[o.title])
        notes.append(note)
        fm_truth[note.path] = fm
    for pr in cast.projects:
        note, fm = project_note(rng, cast, pr, by_project[pr.title])
        notes.append(note)
        fm_truth[note.path] = fm
    return write(out, rng, seed, n_notes, locales, cast, notes, fm_truth, review)


def write(out, rng, seed, n_notes, locales, cast, notes, fm_truth, review) -> dict:
    """Writes the notes (some with CRLF, a BOM, no final newline), the templates and truth.json."""
    vault = os.path.join(out, "vault")
    if os.path.exists(vault):
        shutil.rmtree(vault)
    os.makedirs(os.path.join(vault, ".obsidian"))
    with open(os.path.join(vault, ".obsidian", "templates.json"), "w", encoding="utf-8") as fh:
        fh.write('{\n  "folder": "Templates"\n}\n')
    files, frontmatter, sizes = [], [], defaultdict(list)
    for note in notes:
        crlf, bom, final = rng.random() < 0.02, rng.random() < 0.01, rng.random() < 0.9
        text = ("\r\n" if crlf else "\n").join(note.lines) + (("\r\n" if crlf else "\n") if final else "")
        data = ("\ufeff" if bom else "") + text
        path = os.path.join(vault, note.path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
        files.append({"path": note.path, "type": note.kind, "crlf": crlf, "bom": bom, "trailing_newline": final})
        sizes[note.kind].append(len(data.encode("utf-8")))
        fm = fm_truth[note.path]
        clean = not fm["expected"] and not fm["absent"] and not note.fixable and not note.moji_lines
        frontmatter.append({"path": note.path, "clean": clean, "expected": fm["expected"], "absent": fm["absent"],
                            "defects": fm["defects"]})
    for path, text in TEMPLATES.items():
        os.makedirs(os.path.join(vault, os.path.dirname(path)), exist_ok=True)
        with open(os.path.join(vault, path), "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        files.append({"path": path, "type": "template", "crlf": False, "bom": False, "trailing_newline": True})
        frontmatter.append({"path": path, "clean": True, "expected": {}, "absent": [], "defects": ["template"]})
    mentions = [m for n in notes for m in n.mentions]
    tasks = [t for n in notes for t in n.tasks]
    truth = {
        "schema_version": 1, "generator": "tests/generated/gen_vault.py", "pool": ",".join(locales),
        "seed": seed, "notes_requested": n_notes, "vault": "vault", "files": files,
        "entities": [{"title": e.title, "type": e.kind, "path": e.path, "aliases": e.aliases,
                      "company": e.company.title if e.company else None, "tag": e.tag}
                     for e in cast.people + cast.orgs],
        "new_entities": [{"name": e.title, "type": e.kind, "tag": e.tag,
                          "similar_to": e.similar_to.title if e.similar_to else None}
                         for e in cast.new_people + cast.new_orgs],
        "mentions": mentions, "tasks": tasks, "non_tasks": [x for n in notes for x in n.non_tasks],
        "frontmatter": frontmatter, "review": review,
        "mojibake_lines": [{"path": n.path, "lines": sorted(n.moji_lines)} for n in notes if n.moji_lines],
        "stats": {
            "notes": len(files), "bytes": sum(sum(v) for v in sizes.values()),
            "by_type": {k: {"count": len(v), "min": min(v), "max": max(v), "mean": sum(v) // len(v)}
                        for k, v in sorted(sizes.items())},
            "mentions": len(mentions), "tasks": len(tasks), "clean_notes": sum(f["clean"] for f in frontmatter),
            "review_items": len(review), "ambiguous_mentions": sum(1 for m in mentions if m.get("ambiguous")),
            "by_noise": dict(sorted(Counter(m["noise"] for m in mentions).items())),
            "crlf_notes": sum(f["crlf"] for f in files), "bom_notes": sum(f["bom"] for f in files),
        },
    }
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, separators=(",", ":"))
    return truth


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output folder (gets vault/ and truth.json)")
    ap.add_argument("--notes", type=int, default=300, help="number of notes, 50 to 10000 (default 300)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--names", default=",".join(DEFAULT_LOCALES),
                    help=f"comma-separated name locales from: {', '.join(LOCALES)}")
    ap.add_argument("--avoid", default=DEFAULT_AVOID,
                    help="a truth.json whose people's names are not used (default: the shared corpus)")
    a = ap.parse_args(argv)
    locales = [x.strip() for x in a.names.split(",") if x.strip()]
    unknown = [x for x in locales if x not in LOCALES]
    if unknown or not locales:
        ap.error(f"unknown locale(s) {', '.join(unknown) or '(none given)'}; choose from {', '.join(LOCALES)}")
    if not 50 <= a.notes <= 10000:
        ap.error("--notes must be between 50 and 10000")
    truth = generate(a.out, a.notes, a.seed, locales, a.avoid)
    s = truth["stats"]
    print(f"wrote {s['notes']} notes ({s['bytes'] / 1e6:.1f} MB) to {os.path.join(a.out, 'vault')}: "
          f"{s['mentions']} mentions, {s['tasks']} tasks, {s['clean_notes']} clean notes, "
          f"{s['review_items']} things to review")
    return 0


if __name__ == "__main__":
    sys.exit(main())
