"""Frontmatter as pipelines and people write it — defects included — with the values a correct
`fix` leaves (`expected`), the keys it removes (`absent`) and a label per defect."""
from __future__ import annotations

import random
from datetime import date

from .note import M, Note
from .render import mojibake

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
KEY_VARIANTS = {"type": ("Type", "TYPE"), "title": ("Title",), "created": ("Created", "CREATED"),
                "tags": ("Tags", "TAGS"), "date": ("Date",)}
PLACEHOLDERS = {
    "date": ("{{date}}", "{ { DATE } }", "{{DATE}}", '"{{date}}"', "{{date:YYYY-MM-DD}}"),
    "title": ("{{title}}", "'{{Title}}'", "{ { TITLE } }", '"{{title}}"'),
    "participants": ("[{ { PARTICIPANTS } }]", "[{{PARTICIPANTS}}]", '"{{participants}}"'),
}


def date_variant(d: date, rng: random.Random) -> tuple[str, str]:
    """A non-ISO way of writing `d` that means only `d`, and its label."""
    forms = [("compact", d.strftime("%Y%m%d")), ("month", f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"),
             ("slash", d.strftime("%Y/%m/%d")), ("long", f"{d.day} {MONTHS[d.month - 1]} {d.year}")]
    if d.day > 12:  # 25.03.2025 can only be day-first; 10.11.2025 is a question, not a fix
        forms += [("dmy", d.strftime("%d.%m.%Y")), ("dmy_slash", d.strftime("%d/%m/%Y"))]
    label, text = rng.choice(forms)
    return text, label


class Frontmatter:
    """Writes one note's frontmatter; `defects` are the kinds of damage this note gets."""

    def __init__(self, note: Note, rng: random.Random, defects: set[str]):
        self.note, self.rng, self.wanted = note, rng, defects
        self.expected: dict = {}
        self.absent: list[str] = []
        self.labels: list[str] = []
        self.quote = rng.choice(("", "'", '"'))
        self.flow = rng.random() < 0.5
        note.add("---")

    def _q(self, v: str) -> str:
        """`v` in this note's quoting style, escaped as YAML needs (`'O''Brien'`)."""
        if self.quote == "'":
            return "'" + v.replace("'", "''") + "'"
        if self.quote == '"':
            return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return v

    def _key(self, key: str) -> str:
        if "key_case" in self.wanted and key in KEY_VARIANTS and not self.absent:
            variant = self.rng.choice(KEY_VARIANTS[key])
            self.absent.append(variant)
            self.labels.append(f"key_case:{key}")
            return variant
        return key

    def _expect(self, key: str, value, label: str | None = None) -> None:
        self.expected[key] = value
        if label:
            self.labels.append(label)

    def comment(self, text: str) -> None:
        self.note.add(f"# {text}")

    def plain(self, key: str, value: str) -> None:
        """A key no rule touches."""
        self.note.add(f"{key}: {value}")

    def type(self, value: str) -> None:
        key = self._key("type")
        if key != "type":
            self._expect("type", value)
        self.note.add(f"{key}: {self._q(value)}")

    def title(self, value: str, placeholder_ok: bool = False) -> None:
        if placeholder_ok and "placeholder_title" in self.wanted:
            self._expect("title", value, "placeholder_title:title")
            self.note.add(f"title: {self.rng.choice(PLACEHOLDERS['title'])}")
            return
        key = self._key("title")
        shown = value
        if "mojibake_value" in self.wanted and mojibake(value):
            shown = mojibake(value)
            self.labels.append("mojibake_value:title")
        if key != "title" or shown != value:
            self._expect("title", value)
        self.note.add(f'{key}: {chr(34) + shown + chr(34) if shown != value else self._q(shown)}')

    def date(self, key: str, d: date, placeholder_ok: bool = False, stale_from: date | None = None) -> None:
        """A date-typed key; `stale_from` writes an older last_contact that `fix` moves to `d`."""
        iso = d.isoformat()
        if placeholder_ok and "placeholder_date" in self.wanted:
            self._expect(key, iso, f"placeholder_date:{key}")
            self.note.add(f"{key}: {self.rng.choice(PLACEHOLDERS['date'])}")
            return
        name = self._key(key) if key in KEY_VARIANTS else key
        written = self._q(iso)
        if stale_from is not None:
            written = self._q(stale_from.isoformat())
            self._expect(key, iso, f"stale_last_contact:{key}")
        elif "date_format" in self.wanted and not any(l.startswith("date_format") for l in self.labels):
            written, form = date_variant(d, self.rng)
            self._expect(key, iso, f"date_format:{key}/{form}")
        elif name != key:
            self._expect(key, iso)
        self.note.add(f"{name}: {written}")

    def tags(self, tags: list[str], legacy: list[str] | None = None) -> None:
        """Tags, written dirty, as a string or under a second `Tags:` key when the note is damaged."""
        key = "tags" if "key_case_both" in self.wanted else self._key("tags")
        clean = list(dict.fromkeys(tags))
        if "tags_string" in self.wanted:
            shown = [self._dirty(t) if self.rng.random() < 0.5 else t for t in clean]
            if self.rng.random() < 0.5:
                shown.append(self.rng.choice(shown).upper())
            text = ", ".join(shown)
            self.note.add(f"{key}: {chr(34) + text + chr(34) if '#' in text else text}")
            self._expect("tags", clean, "tags_string:tags")
        elif "tags_dirty" in self.wanted:
            shown = [self._dirty(t) for t in clean] + [self.rng.choice(clean).upper()]
            self.rng.shuffle(shown)
            self._list(key, shown)
            self._expect("tags", clean, "tags_dirty:tags")
        else:
            self._list(key, clean)
            if key != "tags":
                self._expect("tags", clean)
        if "key_case_both" in self.wanted:
            legacy = legacy or ["Legacy-Import"]
            self.note.add(f"Tags: [{', '.join(legacy)}]")
            self._expect("Tags", legacy, "key_case_both:Tags")
            self.expected.setdefault("tags", clean)

    def _dirty(self, tag: str) -> str:
        r = self.rng.random()
        if r < 0.35:
            return "#" + tag
        if r < 0.7:
            return "/".join(p.capitalize() for p in tag.split("/"))
        return tag

    def _list(self, key: str, items: list[str]) -> None:
        def q(t: str) -> str:
            return f'"{t}"' if t.startswith("#") else t
        if self.flow:
            self.note.add(f"{key}: [{', '.join(q(t) for t in items)}]")
        else:
            self.note.add(f"{key}:")
            for t in items:
                self.note.add(f"  - {q(t)}" if self.quote == "'" else f"- {q(t)}")

    def participants(self, people: list[M], linked: bool, names_for_placeholder: list[str]) -> None:
        """The participants list: quoted links or plain names; a placeholder when damaged."""
        if "placeholder_participants" in self.wanted:
            self.note.add(f"participants: {self.rng.choice(PLACEHOLDERS['participants'])}")
            self._expect("participants", names_for_placeholder, "placeholder_participants:participants")
            return
        if self.flow and not linked:
            parts: list = ["participants: ["]
            for i, m in enumerate(people):
                parts += ([", "] if i else []) + [m]
            self.note.add(*parts, "]")
            return
        self.note.add("participants:")
        for m in people:
            if linked and m.entity is not None and m.entity.has_note:
                m.written = f'"[[{m.text}]]"'
            self.note.add("- ", m)

    def location(self, city: str) -> None:
        if "mojibake_value" in self.wanted and mojibake(city) and "mojibake_value:title" not in self.labels:
            self.note.add(f'location: "{mojibake(city)}"')
            self._expect("location", city, "mojibake_value:location")
        else:
            self.note.add(f"location: {self._q(city)}")

    def aliases(self, aliases: list[str]) -> None:
        if aliases:
            self.note.add(f"aliases: [{', '.join(aliases)}]")

    def end(self) -> dict:
        """Closes the block; returns the note's frontmatter truth."""
        self.note.add("---")
        return {"path": self.note.path, "expected": self.expected, "absent": self.absent, "defects": self.labels}
