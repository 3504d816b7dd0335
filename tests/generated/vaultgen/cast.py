"""Who is in the vault: people, organisations and projects with notes, and the people and
organisations that are mentioned but have none — built so that the hard cases exist (a shared
given name, a surname one letter away, a new person who looks like someone known)."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from . import words
from .note import Entity
from .pools import (ENGLISH, NameSource, diminutive_longs, diminutives_for, english_nicknames,
                    fold)


@dataclass
class Cast:
    """Everyone and everything a vault's notes can mention."""

    owner: Entity
    people: list[Entity]  # with notes, the owner included
    orgs: list[Entity]
    projects: list[Entity]
    new_people: list[Entity] = field(default_factory=list)
    new_orgs: list[Entity] = field(default_factory=list)

    def __post_init__(self):
        everyone = self.people + self.new_people
        self.given_count = Counter(fold(p.given) for p in everyone)
        self.taken = {fold(e.title) for e in everyone + self.orgs + self.new_orgs + self.projects}
        self.taken |= {fold(a) for e in self.people + self.orgs for a in e.aliases}
        self.word_people = [p for p in self.people if p.tag == "word_name"]
        self.initial_surname = Counter((fold(p.given[0]), fold(p.surname)) for p in everyone)

    def shared_given(self) -> list[list[Entity]]:
        """Groups of two or more people with a note sharing a given name."""
        groups: dict[str, list[Entity]] = {}
        for p in self.people:
            groups.setdefault(fold(p.given), []).append(p)
        return [g for g in groups.values() if len(g) > 1]


def slug(title: str) -> str:
    """The tag form of a name: `company/marrowgate-analytics`."""
    return "-".join(title.lower().split())


def _named(given: str, surname: str, locale: str) -> Entity:
    """A person with the name forms their name has: nicknames, diminutives, other romanisations."""
    p = Entity(f"{given} {surname}", "person", given=given, surname=surname, locale=locale, folder="People")
    p.nicknames = english_nicknames(given) if locale in ENGLISH else []
    p.diminutives = [d for d in diminutives_for(given, locale) if fold(d) != fold(given)]
    return p


def _person(src: NameSource, rng: random.Random, locale: str, avoid: set[str], taken: set[str],
            prefer_short_forms: bool) -> Entity:
    female = rng.random() < 0.5
    for _ in range(60):
        given, sur = src.draw(locale, female)
        if prefer_short_forms and locale not in ENGLISH:
            longs = diminutive_longs(locale)
            if longs and rng.random() < 0.6:
                given = rng.choice(longs)
        if fold(given) in avoid or any(fold(w) in avoid for w in sur.split()):
            continue
        if fold(f"{given} {sur}") in taken or len(given) < 2:
            continue
        p = _named(given, sur, locale)
        if prefer_short_forms and locale in ENGLISH and not p.nicknames:
            continue
        return p
    return p


def build(rng: random.Random, n_notes: int, locales: list[str], avoid: set[str]) -> Cast:
    """The cast of a vault of `n_notes` notes drawing names from `locales`."""
    src = NameSource(rng)
    n_people = max(8, round(n_notes * 0.5))
    n_orgs = max(4, round(n_notes * 0.1))
    n_projects = max(2, round(n_notes * 0.05))
    taken: set[str] = set()
    people: list[Entity] = []

    def add(p: Entity) -> Entity:
        taken.add(fold(p.title))
        people.append(p)
        return p

    owner = add(_person(src, rng, rng.choice(locales), avoid, taken, False))
    owner.tag = "owner"
    word_names = list(words.WORD_NAMES)
    rng.shuffle(word_names)
    for w in word_names[: max(2, n_people // 40)]:
        p = _named(w, _person(src, rng, "en", avoid, taken, False).surname, "en")
        p.tag = "word_name"
        if fold(p.title) not in taken:
            add(p)
    while len(people) < n_people:
        loc = locales[len(people) % len(locales)]
        r = rng.random()
        if r < 0.06 and len(people) > 4:  # same given name as someone else
            other = rng.choice([p for p in people if p.tag is None] or people)
            p = _named(other.given, _person(src, rng, other.locale, avoid, taken, False).surname, other.locale)
            if fold(p.title) in taken:
                continue
            p.tag = other.tag = "shared_first"
        elif r < 0.12 and len(people) > 4:  # a surname one sound away from someone else's
            other = rng.choice([p for p in people if p.tag is None] or people)
            sur = src.neighbour_surname(other.surname, other.locale)
            if not sur or fold(sur) in avoid:
                continue
            p = _named(_person(src, rng, other.locale, avoid, taken, False).given, sur, other.locale)
            if fold(p.title) in taken or fold(p.given) == fold(other.given):
                continue
            p.tag = other.tag = "similar_surname"
        else:
            p = _person(src, rng, loc, avoid, taken, rng.random() < 0.35)
        add(p)
    # people a meeting names who have no note
    new_people: list[Entity] = []
    for i in range(max(2, n_people // 40)):
        p = _person(src, rng, rng.choice(locales), avoid, taken, False)
        p.has_note, p.tag = False, "new_person"
        taken.add(fold(p.title))
        new_people.append(p)
    for i in range(max(6, n_people // 10)):  # tries: not every surname has a real neighbour
        if sum(p.tag == "new_lookalike" for p in new_people) >= max(2, n_people // 40):
            break
        other = rng.choice([p for p in people if p.tag is None and p is not owner])
        sur = src.neighbour_surname(other.surname, other.locale)
        if not sur or fold(f"{other.given} {sur}") in taken or fold(sur) in avoid:
            continue
        p = _named(other.given, sur, other.locale)
        p.has_note, p.tag, p.similar_to = False, "new_lookalike", other
        taken.add(fold(p.title))
        new_people.append(p)
    person_words = {fold(w) for p in people + new_people for w in p.title.split()}
    orgs = _orgs(rng, src, n_orgs, avoid | person_words, taken)
    org_words = {fold(o.title.split()[0]) for o in orgs}
    new_orgs = _orgs(rng, src, max(2, n_orgs // 5), avoid | person_words | org_words, taken)
    for o in new_orgs:
        o.has_note, o.tag, o.acronym = False, "new_org", None
    projects = _projects(rng, n_projects)
    for p in people:
        p.company = rng.choice(orgs)
        p.role = rng.choice(words.ROLES)
        p.location = rng.choice(words.LOCATIONS)
        if (p.nicknames or p.diminutives) and rng.random() < 0.15:
            p.aliases = [rng.choice(p.nicknames + p.diminutives)]
    return Cast(owner, people, orgs, projects, new_people, new_orgs)


def _orgs(rng: random.Random, src: NameSource, n: int, avoid: set[str], taken: set[str]) -> list[Entity]:
    out: list[Entity] = []
    coined = [w for w in words.ORG_COINED if fold(w) not in avoid]
    rng.shuffle(coined)
    ordinary = list(words.ORG_ORDINARY)
    rng.shuffle(ordinary)
    attempts = 0
    while len(out) < n and attempts < n * 50:
        attempts += 1
        r = rng.random()
        sector = rng.choice(words.ORG_SECTORS)
        short = acronym = None
        is_ordinary = False
        if r < 0.15 and ordinary:
            first = ordinary.pop()
            title = f"{first} {sector}"
            is_ordinary = True
        elif r < 0.3:
            region = rng.choice(words.ORG_REGIONS)
            thing, body = rng.choice(words.ORG_BODIES)
            title = f"{region} {thing} {body}"
            acronym = "".join(w[0] for w in title.split())
        elif r < 0.42:
            city = src.faker(rng.choice(("pl_PL", "tr_TR", "de_DE", "sv_SE", "cs_CZ", "es_ES"))).city()
            if " " in city or "-" in city or city.isascii() or fold(city) in avoid:
                continue
            title, short = f"{city} {sector}", city
        elif coined:
            first = coined.pop()
            title, short = f"{first} {sector}", first
        else:  # large vaults: companies named after a family, as many are
            family = src.faker(rng.choice(("en_US", "de_DE", "nl_NL", "it_IT"))).last_name()
            if " " in family or fold(family) in avoid:
                continue
            title = f"{family} {sector}"
        if fold(title) in taken or fold(title.split()[0]) in avoid or (acronym and any(o.acronym == acronym for o in out)):
            continue
        if short and any(o.short and fold(o.short) == fold(short) for o in out):
            continue
        taken.add(fold(title))
        o = Entity(title, "org", short=short, acronym=acronym, ordinary=is_ordinary, folder="Organizations")
        if short and rng.random() < 0.3:
            o.aliases = [short]
        out.append(o)
    return out


def _projects(rng: random.Random, n: int) -> list[Entity]:
    names = [f.format(w=w) for w in words.PROJECT_WORDS for f in words.PROJECT_FORMS]
    rng.shuffle(names)
    out = []
    for i in range(n):
        name = names[i % len(names)] + (f" Phase {i // len(names) + 1}" if i >= len(names) else "")
        out.append(Entity(name, "project", folder="Projects"))
    return out
