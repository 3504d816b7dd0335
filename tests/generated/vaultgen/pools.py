"""Where names come from: Faker's locales, gender-guesser's first-name dictionary (its short-form
equivalences are the diminutives), the `nicknames` data set (English nicknames) and
`name-variants` (romanisation tables for Korean, Vietnamese and Arabic names and their spelling
variants). Nothing here is a hand-written name list; the only hand-written words are the
organisation and project vocabulary in `words.py`.
"""
from __future__ import annotations

import functools
import json
import os
import random
import unicodedata
from dataclasses import dataclass

from faker import Faker

# Our locale keys -> the Faker locales drawn from and the gender-guesser countries whose
# short forms (diminutives) apply.
LOCALES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("en_GB", "en_US", "en_AU"), ("Great Britain", "U.S.A.")),
    "ie": (("en_IE",), ("Ireland",)),
    "de": (("de_DE", "de_AT", "de_CH"), ("Germany", "Austria", "Swiss")),
    "nl": (("nl_NL", "nl_BE"), ("the Netherlands", "Belgium")),
    "pl": (("pl_PL",), ("Poland",)),
    "hu": (("hu_HU",), ("Hungary",)),
    "cs": (("cs_CZ",), ("Czech Republic",)),
    "tr": (("tr_TR",), ("Turkey",)),
    "es": (("es_ES", "es_MX", "es_AR"), ("Spain",)),
    "pt": (("pt_BR", "pt_PT"), ("Portugal",)),
    "it": (("it_IT",), ("Italy",)),
    "fr": (("fr_FR",), ("France",)),
    "scand": (("sv_SE", "no_NO", "da_DK", "fi_FI"), ("Sweden", "Norway", "Denmark", "Finland", "Iceland")),
    "in": (("en_IN",), ("India/Sri Lanka",)),
    "ng": (("yo_NG", "ig_NG", "ha_NG"), ()),
    "ja": (("ja_JP",), ("Japan",)),
    "ko": ((), ("Korea",)),
    "vi": (("vi_VN",), ("Vietnam",)),
    "ar": ((), ("Arabia/Persia",)),
}
DEFAULT_LOCALES = ("en", "de", "pl", "tr", "es", "pt", "vi", "in", "ng", "ie", "nl", "scand", "ja", "ko", "ar")
ENGLISH = {"en", "ie"}


@functools.lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Lowercase ASCII skeleton of a name (accents, ł, ß, ı… folded) for collision checks."""
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("ø", "o")
    s = s.replace("Ø", "O").replace("æ", "ae").replace("đ", "d").replace("Đ", "D").replace("þ", "th")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Diminutive:
    """A short form and the full given name it stands for, and where it is used."""

    short: str
    long: str
    countries: frozenset[str]


@functools.lru_cache(maxsize=1)
def diminutives() -> tuple[Diminutive, ...]:
    """The `=  Short Long` equivalences of gender-guesser's nam_dict.txt with their countries."""
    import gender_guesser

    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().replace("\r\n", "\n").split("\n")
    start = next(i for i, l in enumerate(lines) if "list of countries" in l)
    end = next(i for i, l in enumerate(lines) if "begin of name list" in l)
    columns, prev = [], None
    for line in lines[start:end]:
        body = line[1:].rstrip("$ \r").strip()
        if body == "|":
            columns.append((line.index("|"), prev))
        elif body and not body.startswith(("Frequencies", "ranging", "countries:")):
            prev = body
    out = []
    for line in lines[end:]:
        if not line.startswith("="):
            continue
        parts = line[1:29].split()
        if len(parts) != 2 or "+" in parts[0] + parts[1]:
            continue
        where = frozenset(name for col, name in columns if len(line) > col and line[col] not in " $")
        out.append(Diminutive(parts[0], parts[1], where))
    return tuple(out)


def diminutives_for(given: str, locale: str) -> list[str]:
    """Short forms of `given` used in `locale`'s countries (English nicknames excluded)."""
    countries = set(LOCALES[locale][1])
    return sorted({d.short for d in diminutives()
                   if d.long == given and d.countries & countries and len(d.short) < len(d.long)})


def diminutive_longs(locale: str) -> list[str]:
    """Full given names that have a short form in `locale`'s countries."""
    countries = set(LOCALES[locale][1])
    return sorted({d.long for d in diminutives()
                   if d.countries & countries and len(d.long) > 3 and len(d.short) < len(d.long)})


@functools.lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


def english_nicknames(given: str) -> list[str]:
    """Everyday English nicknames of `given`: ones sharing its initial, or that stand for it alone."""
    nn = _nicknamer()
    out = []
    for nick in sorted(nn.nicknames_of(given.lower())):
        if len(nick) < 3 or nick == given.lower():
            continue
        if nick[0] == given[0].lower() or nn.canonicals_of(nick) == {given.lower()}:
            if not nn.nicknames_of(nick):  # a name in its own right (Peter, Rita) is not a nickname
                out.append(nick.capitalize())
    return out


def is_given_name(word: str) -> bool:
    """`word` is a given name or a nickname in the English nicknames data set (Walter, Kay)."""
    nn = _nicknamer()
    return bool(nn.nicknames_of(word.lower()) or nn.canonicals_of(word.lower()))


@functools.lru_cache(maxsize=1)
def _variant_tables():
    from name_variants import ALL_TABLES

    return ALL_TABLES["arabic"], ALL_TABLES["korean_given"], ALL_TABLES["korean"], ALL_TABLES["vietnamese"]


# The name-variants tables that hold spellings of one locale's names.
VARIANT_TABLES = {"ar": ("arabic", "persian"), "ko": ("korean", "korean_given"), "vi": ("vietnamese",),
                  "in": ("indian_hindi", "indian_tamil", "indian_bengali"), "tr": ("turkish",)}


def romanised_variants(name: str, locale: str) -> list[str]:
    """Other romanisations of one of `locale`'s names, close in spelling (Park ~ Bak is not kept,
    Mohammed ~ Muhammad is), capitalised."""
    from name_variants import ALL_TABLES

    key = fold(name)
    out = set()
    for table in VARIANT_TABLES.get(locale, ()):
        for entry in ALL_TABLES[table].values():
            forms = [f for f in entry["forms"] if f.isalpha() and f.isascii()]
            if key in forms:
                out |= {f for f in forms if f != key and f[0] == key[0] and distance(f, key) <= 2 and len(f) > 2}
    return sorted(f.capitalize() for f in out if not _nicknamer().nicknames_of(f))


def distance(a: str, b: str) -> int:
    """Levenshtein distance between two strings."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


class NameSource:
    """Draws (given, surname) pairs for a locale, deterministically from its own RNG."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.fakers: dict[str, Faker] = {}

    def faker(self, loc: str) -> Faker:
        """The Faker of locale `loc`, seeded from this source's RNG on first use."""
        if loc not in self.fakers:
            f = Faker(loc)
            f.seed_instance(self.rng.randrange(1 << 30))
            self.fakers[loc] = f
        return self.fakers[loc]

    @functools.lru_cache(maxsize=None)
    def surnames(self, locale: str) -> tuple[str, ...]:
        """Real surnames of `locale` (a fixed sample of its Faker locales or romanisation tables)."""
        if locale in ("ko", "ar", "vi"):
            rng = random.Random(locale)
            src = NameSource(rng)
            return tuple(sorted({src.draw(locale, False)[1] for _ in range(300)}))
        out = set()
        for loc in LOCALES[locale][0]:
            f = Faker(loc)
            f.seed_instance(0)
            for _ in range(400):
                out.add(f.last_romanized_name() if locale == "ja" else f.last_name())
        return tuple(sorted(s for s in out if " " not in s))

    def neighbour_surname(self, surname: str, locale: str) -> str | None:
        """Another real surname of `locale` one or two letters from `surname` (Meyer ~ Maier)."""
        key = fold(surname)
        close = [s for s in self.surnames(locale)
                 if fold(s) != key and s[0] == surname[0] and len(s) > 3 and distance(fold(s), key) <= 2]
        return self.rng.choice(close) if close else None

    def draw(self, locale: str, female: bool) -> tuple[str, str]:
        """One plausible (given name, surname) of `locale`, given names a single word."""
        rng = self.rng
        if locale == "ko":
            _, given_t, sur_t, _ = _variant_tables()
            sur = rng.choice([e["forms"][0] for e in sur_t.values()]).capitalize()
            syl = [f for f in (e["forms"][0] for e in given_t.values()) if 2 <= len(f) <= 5 and not f.endswith("h")]
            given = rng.choice(syl).capitalize() + rng.choice(syl)
            sur = sur if len(sur) > 1 else "Kim"
            return given, sur
        if locale == "ar":
            entries = [e["forms"][0] for e in _variant_tables()[0].values()]
            women = entries.index("fatima")  # the table lists men's names, then women's
            given = rng.choice(entries[women:] if female else entries[:women]).capitalize()
            sur = rng.choice(entries[:women]).capitalize()
            if rng.random() < 0.35:
                sur = "Al-" + sur
            return given, sur
        if locale == "vi":
            f = self.faker("vi_VN")
            keys = list(_variant_tables()[3])
            surnames = keys[: keys.index("thị")]
            given = f.first_name_female() if female else f.first_name_male()
            return given, rng.choice(surnames).capitalize()
        faker_locs, _ = LOCALES[locale]
        f = self.faker(rng.choice(faker_locs))
        for _ in range(20):
            if locale == "ja":
                given, sur = f.first_romanized_name(), f.last_romanized_name()
            else:
                given = f.first_name_female() if female else f.first_name_male()
                sur = f.last_name()
            if " " not in given and given.isalpha() or ("-" in given and given.replace("-", "").isalpha()):
                if all(p[:1].isupper() or p in PARTICLES for p in sur.split()):
                    return given, sur
        return given.split()[0], sur


PARTICLES = {"van", "der", "de", "den", "da", "do", "dos", "das", "von", "zu", "del", "la", "le", "di", "ter", "ten"}


def corpus_names(path: str | None) -> set[str]:
    """Folded name parts of the shared corpus's people, organisations and new entities, to avoid."""
    if not path or not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as fh:
        truth = json.load(fh)
    words = set()
    for e in truth.get("entities", []):
        words.update(fold(w) for w in e["title"].split())
        words.update(fold(w) for a in e.get("aliases", []) for w in a.split())
    for e in truth.get("new_entities", []):
        words.update(fold(w) for w in e["name"].split())
    return {w for w in words if len(w) > 2}
