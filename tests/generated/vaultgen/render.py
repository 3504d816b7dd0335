"""How a name gets written: every noise class is one function from a name to a rendering.

Each returns the text or None when the class does not apply to that name (no accent to drop, no
known diminutive…). Callers check that a rendering does not collide with someone else's name.
"""
from __future__ import annotations

import random
import re
import unicodedata

from .pools import PARTICLES, fold

# --- accents and encodings ---------------------------------------------------------------------
_SPECIAL = {"ß": "ss", "ł": "l", "Ł": "L", "ı": "i", "İ": "I", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
            "đ": "d", "Đ": "D", "þ": "th", "ð": "d", "œ": "oe"}
_GERMAN = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "å": "aa", "ø": "oe"}
_UNDEFINED_1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# Emoji whose UTF-8 holds a byte windows-1252 cannot show: a pipeline drops it (`â«` was ⏫).
DROPPED_BYTE_EMOJI = set("⏫⏳⏬❌🔁")


def deaccent(s: str, german: bool = False) -> str | None:
    """`s` without diacritics (`Zięcik` → `Ziecik`; `german` writes `ü` as `ue`), None if unchanged."""
    out = "".join((_GERMAN if german else {}).get(c, _SPECIAL.get(c, c)) for c in s)
    out = "".join(c for c in unicodedata.normalize("NFKD", out) if not unicodedata.combining(c))
    out = unicodedata.normalize("NFC", out)
    return out if out != s else None


def _moji_char(c: str) -> str:
    out = []
    for b in c.encode("utf-8"):
        if b < 0x80:
            out.append(chr(b))
        elif b not in _UNDEFINED_1252:
            out.append(bytes([b]).decode("cp1252"))
    return "".join(out)


def can_mojibake(s: str) -> bool:
    """True when every non-ASCII character of `s` survives UTF-8 read as windows-1252 in a way
    a repairer can undo (every byte shown, or a known dropped-byte emoji)."""
    return all(c.isascii() or c in DROPPED_BYTE_EMOJI
               or not any(b in _UNDEFINED_1252 for b in c.encode("utf-8")) for c in s)


def mojibake(s: str) -> str | None:
    """`s` as a pipeline that decoded its UTF-8 as windows-1252 shows it, None if all ASCII."""
    if s.isascii() or not can_mojibake(s):
        return None
    return "".join(c if c.isascii() else _moji_char(c) for c in s)


# --- spelling by ear ------------------------------------------------------------------------------
# (pattern, replacement): how someone who only heard the name might write it. General rules first,
# then rules for how a language's letters sound to an English ear.
_GENERAL = [("ph", "f"), ("ee", "i"), ("ie", "ee"), ("ea", "ee"), ("ck", "k"), ("oo", "u"), ("ou", "oo"),
            ("ay", "ai"), ("ai", "ay"), ("ey", "ay"), ("x", "ks"), ("qu", "kw"), ("th", "t"), ("ll", "l"),
            ("nn", "n"), ("tt", "t"), ("ss", "s"), ("mm", "m"), (r"(?<=[aeiou])s(?=[aeiou])", "z"),
            (r"c(?=[aou])", "k"), (r"k(?=[aou])", "c"), (r"(?<=[^aeiou])y(?=[^aeiou]|$)", "i"),
            (r"(?<=[^aeiou])i(?=[^aeiou])", "ee"), (r"(?<=[aeiou])l(?=[aeiou])", "ll"),
            (r"(?<=[aeiou])n(?=[aeiou])", "nn"), (r"(?<=[bdgkt])h", "")]
_BY_LOCALE = {
    "pl": [("sz", "sh"), ("cz", "ch"), ("ł", "w"), ("rz", "zh"), ("ś", "sh"), ("ć", "ch"), ("ż", "zh"),
           (r"^w", "v"), (r"(?<=[aeiou])w", "v"), ("j", "y"), ("ie", "ye")],
    "de": [(r"^w", "v"), ("sch", "sh"), ("ei", "ai"), ("ie", "ee"), (r"^j", "y"), (r"^z", "ts"), ("tz", "ts")],
    "nl": [("ij", "ei"), ("oe", "oo"), (r"^j", "y"), (r"^w", "v"), ("sch", "sk"), ("ui", "ow")],
    "tr": [("ş", "sh"), ("ç", "ch"), (r"^c", "j"), (r"(?<=[aeiou])c", "j"), ("ğ", "")],
    "es": [(r"^j", "h"), ("ll", "y"), ("ñ", "ny"), (r"^v", "b"), ("gu(?=[ei])", "g"), ("z", "s")],
    "pt": [("lh", "ly"), ("nh", "ny"), ("ão", "aow"), (r"^x", "sh"), ("j", "zh"), ("ç", "s")],
    "ie": [("bh", "v"), ("mh", "v"), ("aoi", "ee"), ("ao", "ay"), (r"^sio", "shi"), (r"^sea", "sha"),
           ("dh", "")],
    "scand": [(r"^j", "y"), ("å", "o"), ("kj", "sh"), ("sj", "sh"), (r"^hj", "y")],
    "in": [(r"^v", "w"), ("aa", "a"), ("dh", "d"), ("sh", "s"), ("ee", "i")],
    "ja": [("ou", "o"), ("ō", "o"), ("shi", "shee"), ("ei", "ay"), ("r", "l")],
    "ko": [("eo", "u"), ("oo", "u"), ("ae", "e")],
    "vi": [(r"^d", "z"), ("đ", "d"), (r"^tr", "ch"), (r"^x", "s"), ("uy", "wee"), ("nh", "ny")],
    "ar": [("ou", "u"), (r"^kh", "h"), ("q", "k"), ("ee", "i")],
    "hu": [("sz", "s"), (r"^cs", "ch"), ("gy", "dj"), ("ny", "ni")],
    "cs": [("š", "sh"), ("č", "ch"), ("ř", "rzh"), ("ž", "zh"), (r"^j", "y")],
}


def _recase(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    if not old[:1].isupper():
        return new
    return "-".join(p[:1].upper() + p[1:] for p in new.split("-")) if "-" in old else new[:1].upper() + new[1:]


def by_ear(token: str, locale: str, rng: random.Random) -> str | None:
    """`token` respelled as someone who only heard it might write it, or None."""
    low = token.lower()
    rules = _BY_LOCALE.get(locale, []) * 2 + _GENERAL
    rng.shuffle(rules)
    for pat, rep in rules:
        new, n = re.subn(pat, rep, low, count=1)
        if n and new != low and len(new) >= 2 and fold(new) != fold(low):
            return _recase(new, token)
    return None


def _name_tokens(given: str, surname: str) -> list[tuple[str, int]]:
    """The words a rendering may change: the given name and the surname's main words."""
    words = [(given, 0)]
    for i, w in enumerate(surname.split()):
        if w.lower() not in PARTICLES:
            words.append((w, i + 1))
    return words


def _replace_word(given: str, surname: str, index: int, new: str) -> str:
    words = [given] + surname.split()
    words[index] = new
    return " ".join(words)


def phonetic(given: str, surname: str, locale: str, rng: random.Random, variants) -> str | None:
    """One word respelled as it sounds (`Łukasz` → `Wukash`, `Park` → `Bak`)."""
    tokens = _name_tokens(given, surname)
    rng.shuffle(tokens)
    for word, idx in tokens:
        alts = variants(word)
        new = rng.choice(alts) if alts and rng.random() < 0.7 else by_ear(word, locale, rng)
        if new:
            return _replace_word(given, surname, idx, new)
    return None


_VOICING = {"b": "p", "p": "b", "d": "t", "t": "d", "g": "k", "k": "g", "v": "f", "f": "v", "z": "s", "r": "l"}
_VOWELS = {"a": "e", "e": "i", "i": "e", "o": "u", "u": "o"}


def misheard_word(word: str, rng: random.Random) -> str | None:
    """A speech-to-text rendering of one word: a sound changed, an ending lost, or split in two."""
    low = word.lower()
    choices = []
    for i, c in enumerate(low[1:], 1):
        if c in _VOICING:
            choices.append(low[:i] + _VOICING[c] + low[i + 1:])
        if c in _VOWELS and i < len(low) - 1:
            choices.append(low[:i] + _VOWELS[c] + low[i + 1:])
    if len(low) > 5 and low[-1] not in "aeiou":
        choices.append(low[:-1])
    if len(low) >= 7:
        cut = next((i for i in range(2, len(low) - 4) if low[i] in "aeiou" and low[i + 1] not in "aeiou"), None)
        if cut:
            choices.append(low[:cut + 1] + " " + low[cut + 1:].capitalize())
    choices = [c for c in choices if fold(c) != fold(low)]
    return _recase(rng.choice(choices), word) if choices else None


def asr(given: str, surname: str, locale: str, rng: random.Random) -> str | None:
    """A speech-to-text mishearing: one word heard wrong (`Zięcik` → `Ziencik`, `Nakamura` → `Naka Mura`)."""
    tokens = _name_tokens(given, surname)
    word, idx = rng.choice(tokens)
    new = misheard_word(by_ear(word, locale, rng) or word, rng)
    return _replace_word(given, surname, idx, new) if new else None


def heavy_asr_surname(surname: str, rng: random.Random) -> str:
    """A badly misheard surname keeping only its first sound (`Benoit` → `Banga`)."""
    onset = surname.split()[-1][0]
    syll = ["ba", "na", "ga", "to", "ri", "lo", "ney", "mer", "so", "da", "ki", "ler", "va", "tin", "go"]
    for _ in range(10):
        out = onset + "".join(rng.choice(syll) for _ in range(rng.choice((1, 2))))[1 if onset.lower() in "aeiou" else 0:]
        out = out[0] + out[1:].lower()
        if fold(out) != fold(surname) and len(out) >= 3:
            return out
    return onset + "ango"


def syllable(given: str, surname: str, rng: random.Random) -> str | None:
    """Syllables dropped or merged: `Katarzyna` → `Katrzyna`, `van Hagen` → `Vanhagen`, `Min-jun` → `Minjun`."""
    options = []
    sur_words = surname.split()
    if len(sur_words) > 1:
        options.append(f"{given} " + "".join(sur_words).capitalize())
    if "-" in surname:
        options.append(f"{given} {surname.replace('-', '').capitalize()}")
    if "-" in given:
        options.append(f"{given.replace('-', '').capitalize()} {surname}")
    for word, idx in _name_tokens(given, surname):
        low = word.lower()
        groups = [m for m in re.finditer(r"[^aeiouy]*[aeiouy]+", low)]
        if len(groups) >= 3:
            g = groups[rng.randrange(1, len(groups) - 1)]
            dropped = low[:g.start()] + low[g.end():]
            if len(dropped) >= 0.7 * len(low) and dropped[0] == low[0]:  # a syllable, not half the name
                options.append(_replace_word(given, surname, idx, _recase(dropped, word)))
    options = [o for o in options if fold(o) != fold(f"{given} {surname}")]
    return rng.choice(options) if options else None


def case_noise(text: str, rng: random.Random) -> str | None:
    """Capitals lost or added (`JAN KOWALSKI`, `jan kowalski`, `KoWalski`)."""
    choices = [text.upper(), text.lower()]
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if len(letters) > 3:
        i = rng.choice(letters[1:])
        choices.append(text[:i] + (text[i].lower() if text[i].isupper() else text[i].upper()) + text[i + 1:])
    choices = [c for c in choices if c != text]
    return rng.choice(choices) if choices else None


def camel(given: str, surname: str) -> str:
    """The owner handle a person note queries: the name's letters without spaces or punctuation."""
    return "".join(ch for ch in f"{given}{surname}" if ch.isalnum())


def handle(given: str, surname: str, rng: random.Random) -> str:
    """A chat or e-mail handle written in prose (`robbenoit`, `rbenoit`, `rob.benoit`)."""
    g = re.sub(r"[^a-z]", "", fold(given))
    s = re.sub(r"[^a-z]", "", fold(surname))
    return rng.choice((g + s, g[0] + s, f"{g}.{s}", f"{g}_{s[0]}"))


def initial_given(given: str, surname: str, rng: random.Random) -> str:
    """The given name as an initial: `R. Benoit`, `R Benoit`."""
    return f"{given[0]}.{' ' if rng.random() < 0.92 else ''}{surname}" if rng.random() < 0.85 else f"{given[0]} {surname}"


def initial_surname(first: str, surname: str) -> str:
    """The surname as an initial: `Rob B.`."""
    main = [w for w in surname.split() if w.lower() not in PARTICLES] or [surname]
    return f"{first} {main[0][0]}."


def surname_first(given: str, surname: str, rng: random.Random) -> str:
    """`Benoit Rob`, or with the surname in capitals as many directories print it: `BENOIT Rob`."""
    return f"{surname.upper() if rng.random() < 0.3 else surname} {given}"


def surname_comma(given: str, surname: str) -> str:
    """`Benoit, Rob`, as address books and CRM exports write it."""
    return f"{surname}, {given}"
