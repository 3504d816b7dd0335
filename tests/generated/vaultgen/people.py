"""People, organisation and project notes: auto-created people notes with a Contact Information
table, hand-written ones, and the review cases they carry (needs-review, a company tag that
contradicts the table, Key Facts copied from someone else's note)."""
from __future__ import annotations

import random
from datetime import date, timedelta

from . import render, words
from .cast import Cast, slug
from .frontmatter import Frontmatter
from .meetings import Meeting
from .mentions import Context
from .note import M, Entity, Note
from .pools import fold
from .tasks import TaskWriter

PERSON_DEFECTS = ("key_case", "date_format", "tags_dirty", "tags_string", "mojibake_value")
FACT_WEIGHTS = {"none": 70, "phonetic": 10, "case": 5, "deaccent": 5, "nickname": 5, "first_name_unanchored": 5}


def make_facts(rng: random.Random, cast: Cast, p: Entity, used: set[str]) -> list[list]:
    """`p`'s Key Facts, each a line's parts: at most one generic fact, the rest about named
    people and organisations and found in no other note (`used`), so that no two notes share a
    run of facts by chance and a copied run is recognisable."""
    ctx = Context(cast, rng)
    out: list[list] = [[rng.choice(words.FACTS)]] if rng.random() < 0.6 else []
    want = len(out) + rng.randint(3, 6)
    for _ in range(want * 3):
        if len(out) >= want:
            break
        t = rng.choice(words.FACT_TEMPLATES).replace("{n}", str(rng.randint(2, 40)))
        parts: list = [t]
        if "{O}" in t:
            before, after = t.split("{O}", 1)
            parts = [before, ctx.org(rng.choice(cast.orgs)), after]
        elif "{P}" in t:
            before, after = t.split("{P}", 1)
            other = rng.choice([q for q in cast.people if q is not p])
            parts = [before, ctx.person(other, FACT_WEIGHTS), after]
        text = "".join(x if isinstance(x, str) else x.text for x in parts)
        if text not in used:
            used.add(text)
            out.append(parts)
    return out


def person_note(rng: random.Random, cast: Cast, p: Entity, meetings: list[Meeting], linked_newest: date | None,
                newest: date | None, facts: list[list], review: list[str], auto: bool) -> tuple[Note, dict]:
    """Writes `p`'s note. `review` holds the review reasons it must carry."""
    note = Note(p.path, "person", rng)
    ctx = Context(cast, rng, [p])
    defects = set(rng.sample(PERSON_DEFECTS, rng.randint(1, 2))) if rng.random() < 0.45 else set()
    stale = None
    if linked_newest and linked_newest == newest and rng.random() < 0.12:
        stale = linked_newest - timedelta(days=rng.randint(5, 90))
    contact = newest or date(meetings[0].day.year if meetings else 2025, rng.randint(1, 12), rng.randint(1, 28))
    created = contact + timedelta(days=rng.randint(-200, 60))
    fm = Frontmatter(note, rng, defects)
    company_tag = p.company
    if "company_conflict" in review:
        company_tag = rng.choice([o for o in cast.orgs if fold(o.title.split()[0]) != fold(p.company.title.split()[0])])
    if auto:
        if rng.random() < 0.15:
            fm.comment("synced from CRM - edit with care")
        fm.type("people")
        fm.title(p.title)
        fm.date("created", created)
        fm.date("last_contact", contact, stale_from=stale)
        fm.plain("auto_created", "true")
        tags = ["type/people", f"company/{slug(company_tag.title)}"]
        if "needs_review" in review:
            tags.insert(rng.randrange(3), "needs-review")
        fm.tags(tags)
    else:
        fm.type("person")
        fm.plain("role", p.role)
        fm.location(p.location)
        fm.aliases(p.aliases)
        fm.tags(["people", f"company/{slug(p.company.title)}"])
        fm.date("last_contact", contact, stale_from=stale)
        fm.date("created", created)
    truth = fm.end()
    note.add(f"# {p.title}")
    note.blank()
    if auto:
        _auto_body(rng, cast, note, ctx, p, meetings, facts)
    else:
        _hand_body(rng, cast, note, ctx, p, meetings, facts)
    return note, truth


def _company_cell(ctx: Context, o: Entity) -> M:
    m = ctx.org(o)
    return m if m.noise in ("none", "short_name", "alias") else M(o.title, o, "text", "none", etype="org")


def _auto_body(rng, cast, note: Note, ctx: Context, p: Entity, meetings, facts) -> None:
    note.add("## Contact Information")
    note.blank()
    note.add("| Field | Value |")
    note.add("|-------|-------|")
    note.add(f"| **Role** | {p.role} |")
    note.add("| **Company** | ", _company_cell(ctx, p.company), " |")
    note.add("| **Email** | _Unknown_ |")
    note.add(f"| **Location** | {p.location} |")
    note.blank()
    note.add("## Relationship")
    note.blank()
    note.add("_How do you work with this person? What is your dynamic?_")
    note.blank()
    note.add("## Open Tasks")
    note.blank()
    note.add("```dataview")
    note.add("TASK")
    note.add(f'WHERE !completed AND contains(text, "@{render.camel(p.given, p.surname)}")')
    note.add("SORT due ASC")
    note.add("```")
    note.blank()
    note.add("## Key Facts")
    note.blank()
    for parts in facts:
        note.add("- ", *parts)
    note.blank()
    note.add("## Recent Context")
    note.blank()
    for m in sorted(meetings, key=lambda m: m.day, reverse=True)[:6]:
        _recent(rng, cast, note, ctx, p, m)
    note.blank()
    note.add("## Related Customers")
    note.blank()
    for o in rng.sample(cast.orgs, min(3, len(cast.orgs))):
        note.add("- ", ctx.link(o))
    if cast.projects and rng.random() < 0.6:
        note.blank()
        note.add("## Related Projects")
        note.blank()
        note.add("- ", ctx.link(rng.choice(cast.projects)))


def _recent(rng, cast, note: Note, ctx: Context, p: Entity, m: Meeting) -> None:
    """A Recent Context line: the meeting, who it was with, and whose account it is `(via …)`."""
    others = [q for q in m.participants if q is not cast.owner and q is not p and q.has_note] or [p]
    q = rng.choice(others)
    about = m.topic[0].lower() + m.topic[1:]
    r = rng.random()
    if r < 0.12:
        heavy = f"{q.given} {render.heavy_asr_surname(q.surname, rng)}"
        via = M(heavy, q, "via", "heavy_asr") if fold(heavy) not in cast.taken else M(q.title, q, "via")
    elif r < 0.18 and m.project:
        via = M(m.project.title, None, "via", "project", etype="project")
    else:
        via = M(q.title, q, "via")
    owner = cast.owner
    note.add(f"- {m.day.isoformat()}: [[{m.title}]] - Call between ", M(owner.title, owner), " and ",
             M(q.title, q), f" about {about}. (via ", via, ")")


def _hand_body(rng, cast, note: Note, ctx: Context, p: Entity, meetings, facts) -> None:
    note.add("Works at ", ctx.link(p.company), f" as {p.role}. Based in {p.location}.")
    note.blank()
    note.add("## Background")
    note.blank()
    note.add(M(p.given, p, "text", "first_name") if ctx.unique_here(p, p.given) else M(p.title, p),
             f" moved into {rng.choice(words.INDUSTRIES)} after a decade in consulting.")
    note.blank()
    note.add("## Working with them")
    note.blank()
    for parts in facts:
        note.add("- ", *parts)
    note.blank()
    note.add("## Notes")
    note.blank()
    for m in sorted(meetings, key=lambda m: m.day, reverse=True)[:5]:
        note.add(f"- {m.day.isoformat()} — [[{m.title}]]: {rng.choice(words.NOTE_LINES)}")
    note.blank()
    note.add("## Open items")
    note.blank()
    tw = TaskWriter(note, rng, (meetings[0].day if meetings else date(2025, 6, 1)))
    for _ in range(rng.randint(0, 3)):
        tw.task([ctx.owner(p)])


def org_note(rng: random.Random, cast: Cast, o: Entity, meetings: list[Meeting]) -> tuple[Note, dict]:
    """Writes an organisation's note: overview, key contacts, recent meetings, open items."""
    note = Note(o.path, "org", rng)
    ctx = Context(cast, rng)
    defects = set(rng.sample(("key_case", "date_format", "tags_dirty", "tags_string"), 1)) if rng.random() < 0.35 else set()
    fm = Frontmatter(note, rng, defects)
    fm.type("organization")
    fm.title(o.title)
    fm.aliases(o.aliases)
    fm.tags(["type/org", rng.choice(("customer", "partner", "prospect"))])
    day = (meetings[0].day if meetings else date(2025, 3, 1)) - timedelta(days=rng.randint(30, 400))
    fm.date("created", day)
    truth = fm.end()
    note.add(f"# {o.title}")
    note.blank()
    note.add(f"**Industry:** {rng.choice(words.INDUSTRIES)}  ")
    note.add(f"**HQ:** {rng.choice(words.LOCATIONS)}")
    note.blank()
    note.add("## Overview")
    note.blank()
    note.add(ctx.org(o), f" is a {rng.choice(('customer', 'partner', 'prospect'))} in {rng.choice(words.INDUSTRIES)}.")
    note.blank()
    contacts = [p for p in cast.people if p.company is o][:8]
    note.add("## Key Contacts")
    note.blank()
    for p in contacts:
        note.add("- ", ctx.link(p), f" — {p.role}")
    note.blank()
    note.add("## Recent Meetings")
    note.blank()
    for m in sorted(meetings, key=lambda m: m.day, reverse=True)[:5]:
        note.add(f"- [[{m.title}]]")
    if contacts:
        note.blank()
        note.add("## Open Items")
        note.blank()
        tw = TaskWriter(note, rng, day + timedelta(days=200))
        for _ in range(rng.randint(0, 3)):
            tw.task([ctx.owner(rng.choice(contacts))])
    return note, truth


def project_note(rng: random.Random, cast: Cast, pr: Entity, meetings: list[Meeting]) -> tuple[Note, dict]:
    """Writes a project's note: goal, stakeholders, milestones with dependencies, a log."""
    note = Note(pr.path, "project", rng)
    ctx = Context(cast, rng)
    defects = {"date_format"} if rng.random() < 0.3 else set()
    fm = Frontmatter(note, rng, defects)
    fm.type("project")
    fm.plain("status", rng.choice(("active", "done", "paused")))
    day = meetings[0].day if meetings else date(2025, 2, 1)
    fm.date("created", day - timedelta(days=rng.randint(5, 60)))
    fm.tags(["project", f"project/{slug(pr.title)}"])
    truth = fm.end()
    note.add(f"# {pr.title}")
    note.blank()
    note.add("## Goal")
    note.blank()
    note.add(rng.choice(words.NOTE_LINES))
    note.blank()
    note.add("## Stakeholders")
    note.blank()
    team = rng.sample(cast.people, min(3, len(cast.people)))
    for i, p in enumerate(team):
        note.add("- ", ctx.link(p), f" — {'owner' if i == 0 else 'contributor'}")
    customer = rng.choice(cast.orgs)
    note.add("- ", ctx.link(customer), " — customer")
    note.blank()
    note.add("## Milestones")
    note.blank()
    tw = TaskWriter(note, rng, day)
    tw.block(lambda: [ctx.owner(rng.choice(team))], lambda: None, rng.randint(2, 5))
    note.blank()
    note.add("## Log")
    note.blank()
    for k in range(rng.randint(1, 3)):
        p = rng.choice(team)
        note.add(f"- {(day + timedelta(days=7 * k)).isoformat()}: ", ctx.person(p), " shared the draft plan.")
    if meetings:
        note.blank()
        note.add("## Related Meetings")
        note.blank()
        for m in meetings[:6]:
            note.add(f"- [[{m.title}]]")
    return note, truth
