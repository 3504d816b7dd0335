"""A note being written line by line, and the ground truth that goes with each line."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .render import can_mojibake, mojibake


@dataclass(eq=False)
class Entity:
    """A person, organisation or project, with or without a note in the vault."""

    title: str
    kind: str  # person | org | project
    has_note: bool = True
    given: str = ""
    surname: str = ""
    locale: str = ""
    tag: str | None = None  # what makes it hard: shared_first, similar_surname, new_lookalike, …
    similar_to: "Entity | None" = None
    aliases: list[str] = field(default_factory=list)
    nicknames: list[str] = field(default_factory=list)  # English nicknames
    diminutives: list[str] = field(default_factory=list)  # short forms from other languages
    company: "Entity | None" = None
    role: str = ""
    location: str = ""
    short: str | None = None  # an organisation's everyday short name
    acronym: str | None = None
    ordinary: bool = False  # an organisation whose first word is an ordinary word
    folder: str = ""

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.title}.md"


@dataclass
class M:
    """A mention inside a line: its text as written and what it refers to."""

    text: str
    entity: Entity | None
    kind: str = "text"  # wikilink | owner | participant | via | text
    noise: str = "none"
    etype: str | None = None
    hard: str | None = None
    ambiguous: bool = False
    written: str | None = None  # what the line shows when it is not `text` (`[[A|B]]`, `@AB`)


class Note:
    """Lines of one note with the mentions, tasks and trap lines they hold (1-based line numbers)."""

    def __init__(self, path: str, kind: str, rng: random.Random):
        self.path = path
        self.kind = kind
        self.rng = rng
        self.lines: list[str] = []
        self.mentions: list[dict] = []
        self.tasks: list[dict] = []
        self.non_tasks: list[dict] = []
        self.moji_lines: list[int] = []
        self.fixable = False  # something `fix` may rightly change in the body (owner, link, via)

    def add(self, *parts, moji: bool = False) -> int:
        """Appends one line made of strings and mentions; `moji` writes it as windows-1252 mojibake
        when it can be undone. Returns the line number."""
        shown = [(p.written or p.text) if isinstance(p, M) else p for p in parts]
        text = "".join(shown)
        moji = moji and can_mojibake(text) and not text.isascii()
        if moji:
            text = "".join(mojibake(s) or s for s in shown)
        self.lines.append(text)
        n = len(self.lines)
        if moji:
            self.moji_lines.append(n)
        for p in parts:
            if isinstance(p, M):
                self.record(p, n, moji)
        return n

    def record(self, m: M, line: int, moji: bool = False) -> None:
        """Adds a mention's truth record for `line`."""
        text = m.text
        noise = m.noise
        if moji and (mojibake(text) or text) != text:
            text, noise = mojibake(text), "mojibake" if m.entity is not None and m.entity.has_note else noise
        shown_moji = noise == "mojibake" or (m.entity is not None and mojibake(m.entity.title) == m.text)
        if shown_moji and line not in self.moji_lines:  # `fix` may rightly repair this line
            self.moji_lines.append(line)
        e = m.entity
        rec = {"path": self.path, "line": line, "text": text, "kind": m.kind,
               "entity": e.title if e is not None and e.has_note else None,
               "entity_type": m.etype or (e.kind if e is not None else "person"), "noise": noise}
        hard = m.hard or (e.tag if e is not None and e.tag in HARD_TAGS else None)
        if hard:
            rec["hard"] = hard
        if m.ambiguous:
            rec["ambiguous"] = True
        self.mentions.append(rec)
        if m.kind in ("owner", "wikilink", "via") and noise not in CLEAN_NOISE.get(m.kind, ()):
            self.fixable = True

    def blank(self) -> None:
        """Appends an empty line."""
        self.lines.append("")

    def trap(self, line: str, why: str) -> None:
        """A line that looks like a task but is not one (code, inline code, a comment…)."""
        self.non_tasks.append({"path": self.path, "line": self.add(line), "why": why})


HARD_TAGS = {"shared_first", "similar_surname", "new_lookalike", "new_person"}
# Renderings `fix` leaves alone in structured places: a note holding only these can be clean.
CLEAN_NOISE = {
    "owner": ("none", "camel", "new_person", "new_lookalike"),
    "wikilink": ("none", "display", "new_org", "new_person", "new_lookalike"),
    "via": ("none", "project", "new_person", "new_lookalike"),
}
