"""Choosing how a name is written at one place of one note, knowing what the note has said so far:
a first name alone only for someone the note has already named (a participant, a link, the full
name) and only when nobody else the note names shares it."""
from __future__ import annotations

import random

from . import render
from .cast import Cast
from .note import M, Entity
from .pools import fold, is_given_name, romanised_variants

# How often each rendering is tried for a person named in prose (weights; a rendering that does
# not apply falls back to the full name).
PROSE_WEIGHTS = {
    "none": 24, "first_name": 18, "case": 6, "phonetic": 10, "asr": 6, "nickname": 7, "deaccent": 5,
    "mojibake": 2, "surname_first": 3, "initial_given": 3, "initial_surname": 2, "syllable": 3,
    "first_name_unanchored": 2,
}
OWNER_WEIGHTS = {"none": 55, "camel": 25, "phonetic": 5, "deaccent": 4, "initial_given": 5, "nickname": 4}
ORG_WEIGHTS = {"none": 50, "short": 16, "acronym": 12, "case": 8, "phonetic": 7, "asr": 4, "deaccent": 3}


class Context:
    """The people a note has established so far, and how to write the next mention."""

    def __init__(self, cast: Cast, rng: random.Random, anchored: list[Entity] = ()):
        self.cast, self.rng = cast, rng
        self.anchored: list[Entity] = []
        for p in anchored:
            self.anchor(p)

    def anchor(self, p: Entity) -> None:
        if p.kind == "person" and p not in self.anchored:
            self.anchored.append(p)

    def unique_here(self, p: Entity, token: str) -> bool:
        """`token` alone names only `p` among the people this note has established."""
        t = fold(token)
        for q in self.anchored:
            if q is p:
                continue
            if t in {fold(q.given), fold(q.surname)} | {fold(x) for x in q.nicknames + q.diminutives + q.aliases}:
                return False
            if q.similar_to is p or p.similar_to is q:
                return False
        return True

    def _free(self, text: str, p: Entity) -> bool:
        """`text` is not someone else's name or alias."""
        f = fold(text)
        return f not in self.cast.taken or f in {fold(p.title)} | {fold(a) for a in p.aliases}

    def _short_forms(self, p: Entity) -> list[tuple[str, str]]:
        forms = [(n, "alias" if n in p.aliases else "nickname") for n in p.nicknames]
        forms += [(d, "alias" if d in p.aliases else "diminutive") for d in p.diminutives]
        return forms

    def person(self, p: Entity, weights: dict = PROSE_WEIGHTS, kind: str = "text") -> M:
        """A mention of person `p` in prose, its rendering drawn from `weights`."""
        rng = self.rng
        anchored = p in self.anchored
        for _ in range(4):
            noise = rng.choices(list(weights), weights=list(weights.values()))[0]
            got = self._render(p, noise, anchored)
            if got and (got[1] in ("first_name", "first_name_unanchored") or self._free(got[0], p)
                        or " " not in got[0] and self.unique_here(p, got[0])):
                text, label = got
                break
        else:
            text, label = p.title, "none"
        if not p.has_note:
            label = p.tag or "new_person"
        if label == "none" or not p.has_note:
            self.anchor(p)
        return M(text, p, kind, label)

    def _render(self, p: Entity, noise: str, anchored: bool) -> tuple[str, str] | None:
        rng, g, s = self.rng, p.given, p.surname
        alone = anchored and self.unique_here(p, g)
        if noise == "none":
            return p.title, "none"
        if noise == "first_name":
            return (g, "first_name") if alone else None
        if noise == "first_name_unanchored":
            unique = (self.cast.given_count[fold(g)] == 1 and p.tag != "word_name" and not anchored
                      and p.has_note and len(g) > 3)
            return (g, "first_name_unanchored") if unique else None
        if noise == "case":
            text = render.case_noise(g if alone and rng.random() < 0.5 else p.title, rng)
            return (text, "case") if text else None
        if noise == "phonetic":
            if alone and rng.random() < 0.3:
                word = render.by_ear(g, p.locale, rng)
                return (word, "phonetic") if word and self.unique_here(p, word) else None
            text = render.phonetic(g, s, p.locale, rng, lambda w: romanised_variants(w, p.locale))
            return (text, "phonetic") if text else None
        if noise == "asr":
            text = render.asr(g, s, p.locale, rng)
            return (text, "asr") if text else None
        if noise == "nickname":
            forms = self._short_forms(p)
            if not forms:
                return None
            nick, label = rng.choice(forms)
            if alone and self.unique_here(p, nick) and rng.random() < 0.5:
                return nick, label
            return f"{nick} {s}", label
        if noise == "deaccent":
            text = render.deaccent(p.title, german=p.locale == "de" and rng.random() < 0.5)
            return (text, "deaccent") if text else None
        if noise == "mojibake":
            text = render.mojibake(p.title)
            return (text, "mojibake") if text else None
        if noise == "surname_first":
            if is_given_name(s) or fold(s) in self.cast.given_count:
                return None  # `Walter Stefanie` could as well be someone called Walter
            return render.surname_first(g, s, rng), "surname_first"
        if noise == "surname_comma":
            return render.surname_comma(g, s), "surname_comma"
        if noise == "initial_given":
            unique = self.cast.initial_surname[(fold(g[0]), fold(s))] == 1
            return (render.initial_given(g, s, rng), "initial_given") if unique else None
        if noise == "initial_surname":
            first = g
            if self._short_forms(p) and rng.random() < 0.4:
                first = rng.choice(self._short_forms(p))[0]
            ok = anchored and self.unique_here(p, first)
            return (render.initial_surname(first, s), "initial_surname") if ok else None
        if noise == "syllable":
            text = render.syllable(g, s, rng)
            return (text, "syllable") if text else None
        if noise == "camel":
            return render.camel(g, s), "camel"
        if noise == "handle":
            return render.handle(g, s, rng), "handle"
        return None

    def written_as(self, p: Entity, noise: str) -> M:
        """`p` in one given rendering (`handle`, `surname_comma`, `camel`…)."""
        text, label = self._render(p, noise, p in self.anchored) or (p.title, "none")
        return M(text, p, "text", label)

    def owner(self, p: Entity) -> M:
        """A task owner: `@First Last`, `@FirstLast`, `@R. Benoit`…"""
        m = self.person(p, OWNER_WEIGHTS if p.has_note else {"none": 1}, kind="owner")
        m.written = "@" + m.text
        return m

    def org(self, o: Entity) -> M:
        """An organisation named in prose."""
        rng = self.rng
        if not o.has_note:
            text = o.short if o.short and rng.random() < 0.3 else o.title
            return M(text, o, "text", "new_org", etype="org")
        for _ in range(4):
            noise = rng.choices(list(ORG_WEIGHTS), weights=list(ORG_WEIGHTS.values()))[0]
            text = None
            if o.ordinary and noise not in ("none", "case"):
                continue
            if noise == "none":
                text = o.title
            elif noise == "short" and o.short:
                text, noise = o.short, "alias" if o.short in o.aliases else "short_name"
            elif noise == "acronym" and o.acronym:
                text = o.acronym if rng.random() < 0.8 else ".".join(o.acronym) + "."
            elif noise == "case":
                text = render.case_noise(o.title, rng)
            elif noise == "phonetic":
                first, rest = o.title.split(" ", 1)
                word = render.by_ear(first, "en", rng)
                text = f"{word} {rest}" if word else None
            elif noise == "asr":
                first, rest = o.title.split(" ", 1)
                word = render.misheard_word(first, rng)
                text = f"{word} {rest}" if word and " " not in word else None
            elif noise == "deaccent":
                text = render.deaccent(o.title)
            if text and (fold(text) not in self.cast.taken or fold(text) == fold(o.title)):
                return M(text, o, "text", noise, etype="org")
        return M(o.title, o, "text", "none", etype="org")

    def link(self, e: Entity, display: bool = False) -> M | str:
        """A wikilink to `e`, maybe with a display text (a project's link is no name mention)."""
        if e.kind == "project":
            return f"[[{e.title}]]"
        if display and e.kind == "person":
            self.anchor(e)
            shown = e.given
            return M(f"{e.title}|{shown}", e, "wikilink", "display", written=f"[[{e.title}|{shown}]]")
        self.anchor(e)
        noise = "none" if e.has_note else ("new_org" if e.kind == "org" else e.tag or "new_person")
        return M(e.title, e, "wikilink", noise, etype=e.kind, written=f"[[{e.title}]]")
