"""Task lines in the Tasks plugin's emoji format and in Dataview inline fields, in every context
Obsidian shows them (lists, nesting, numbered lists, blockquotes, callouts), with their truth;
and the lines that only look like tasks."""
from __future__ import annotations

import random
import string
from datetime import date, timedelta

from . import words
from .note import M, Note

PRIORITY_EMOJI = {"highest": "🔺", "high": "⏫", "medium": "🔼", "low": "🔽", "lowest": "⏬"}
DATE_EMOJI = {"due": "📅", "scheduled": "⏳", "start": "🛫", "created": "➕", "done": "✅", "cancelled": "❌"}
DATAVIEW_KEY = {"due": "due", "scheduled": "scheduled", "start": "start", "created": "created",
                "done": "completion", "cancelled": "cancelled"}


class TaskWriter:
    """Writes tasks into a note; `day` anchors their dates, `ids` collects ids others depend on."""

    def __init__(self, note: Note, rng: random.Random, day: date, moji_rate: float = 0.0):
        self.note, self.rng, self.day, self.moji_rate = note, rng, day, moji_rate
        self.ids: list[str] = []

    def _date(self, lo: int, hi: int) -> date:
        return self.day + timedelta(days=self.rng.randint(lo, hi))

    def task(self, owners: list[M], org: M | None = None, context: str = "list", prefix: str = "- ") -> None:
        """One task line with owners (mentions), maybe an organisation in its description."""
        rng = self.rng
        status = rng.choices(" xX/-", weights=(50, 25, 4, 10, 6))[0]
        desc = rng.choice(words.TASKS)
        fields: dict = {f: None for f in ("due", "scheduled", "start", "created", "done", "cancelled")}
        if rng.random() < 0.6:
            fields["due"] = self._date(1, 30)
        if rng.random() < 0.2:
            fields["scheduled"] = self._date(0, 20)
        if rng.random() < 0.2:
            fields["start"] = self._date(0, 10)
        if rng.random() < 0.2:
            fields["created"] = self._date(-3, 0)
        if status in "xX" and rng.random() < 0.7:
            fields["done"] = self._date(0, 30)
        if status == "-" and rng.random() < 0.6:
            fields["cancelled"] = self._date(0, 30)
        priority = rng.choice(("none",) * 4 + tuple(PRIORITY_EMOJI))
        recurrence = rng.choice(words.RECURRENCES) if rng.random() < 0.08 else None
        tags = rng.sample(words.TASK_TAGS, rng.choice((0, 0, 0, 1, 1, 2)))
        tid = "".join(rng.choices(string.ascii_lowercase + string.digits, k=6)) if rng.random() < 0.08 else None
        depends = [rng.choice(self.ids)] if self.ids and rng.random() < 0.3 else []
        dataview = rng.random() < 0.15
        parts: list = [f"{prefix}[{status}] {desc}"]
        description = desc
        if org is not None:
            glue = rng.choice((" for ", " at ", " – "))
            parts += [glue, org]
            description += glue + (org.written or org.text)
        for o in owners:
            parts += [" ", o]
        parts += [f" #{t}" for t in tags]
        signs: list[str] = []
        if dataview:
            if priority != "none":
                signs.append(f"[priority:: {priority}]")
            for f, d in fields.items():
                if d:
                    signs.append(f"[{DATAVIEW_KEY[f]}:: {d.isoformat()}]")
            if recurrence:
                signs.append(f"[repeat:: {recurrence}]")
            if tid:
                signs.append(f"[id:: {tid}]")
            if depends:
                signs.append(f"[dependsOn:: {','.join(depends)}]")
        else:
            if priority != "none":
                signs.append(PRIORITY_EMOJI[priority])
            if recurrence:
                signs.append(f"🔁 {recurrence}")
            if tid:
                signs.append(f"🆔 {tid}")
            if depends:
                signs.append(f"⛔ {','.join(depends)}")
            for f, d in fields.items():
                if d:
                    signs.append(f"{DATE_EMOJI[f]} {d.isoformat()}")
            rng.shuffle(signs)
        parts += [" " + s for s in signs]
        if tid:
            self.ids.append(tid)
        moji = not dataview and rng.random() < self.moji_rate
        line = self.note.add(*parts, moji=moji)
        self.note.tasks.append({
            "path": self.note.path, "line": line, "status": status, "description": description,
            "owners": [o.entity.title if o.entity is not None else o.text for o in owners],
            "priority": priority, **{f: (d.isoformat() if d else None) for f, d in fields.items()},
            "recurrence": recurrence, "tags": tags, "id": tid, "depends_on": depends,
            "format": "dataview" if dataview else "emoji", "mojibake": line in self.note.moji_lines,
            "context": context,
        })

    def block(self, make_owners, make_org, n: int) -> None:
        """`n` tasks in assorted contexts: nested under a parent, numbered, in a blockquote or callout."""
        rng = self.rng
        i = 0
        while i < n:
            r = rng.random()
            if r < 0.12 and n - i >= 2:
                self.task(make_owners(), make_org())
                indent = rng.choice(("    ", "\t", "  "))
                for _ in range(rng.randint(1, 2)):
                    self.task(make_owners(), make_org(), "nested", indent + "- ")
                    i += 1
            elif r < 0.18:
                for k in range(min(2, n - i)):
                    self.task(make_owners(), make_org(), "numbered", f"{k + 1}. ")
                i += 1
            elif r < 0.24:
                self.task(make_owners(), make_org(), "blockquote", "> - ")
            elif r < 0.30:
                self.note.blank()
                self.note.add(f"> [!todo] {rng.choice(('Follow-ups', 'Next steps', 'To do'))}")
                self.task(make_owners(), make_org(), "callout", "> - ")
                self.note.blank()
            else:
                self.task(make_owners(), make_org(), "list", rng.choice(("- ", "- ", "* ")))
            i += 1

    def traps(self) -> None:
        """Lines that look like tasks but are not: code blocks, inline code, an Obsidian comment."""
        rng, note = self.rng, self.note
        r = rng.random()
        if r < 0.4:
            note.blank()
            note.add(f"### {rng.choice(('Checklist template', 'Copy this for the next call'))}")
            note.blank()
            fence = rng.choice(("```", "~~~", "```markdown"))
            note.add(fence)
            note.trap(f"- [ ] {rng.choice(words.TASKS)} 📅 {self._date(1, 9).isoformat()}", "code_block")
            note.trap(f"- [x] {rng.choice(words.TASKS)} ✅ {self._date(-9, 0).isoformat()}", "code_block")
            note.add(fence[:3])
        elif r < 0.7:
            note.blank()
            note.trap("Write `- [ ] text` to add a task; `[x]` in prose is not a checkbox.", "inline_code")
        else:
            note.blank()
            note.add("%%")
            note.trap(f"- [ ] {rng.choice(words.TASKS)} (draft, not agreed)", "comment")
            note.add("%%")
