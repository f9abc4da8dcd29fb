"""Spelling-blind keys for names, and the inflected forms German gives a name.

Swiss text writes "ss" for "ß", the actor dictionaries write "SCHRODER" or "SCHROEDER"
for "Schröder", and an article may write "Frank-Walter" or "Frank Walter". One key
folds all of these together, so the knowledge base and the text meet in the middle.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-‐‑–_/]+")
_DROPPED = re.compile(r"[.'’`´ʼ\"„“”()]")
# "Schroeder" and "Schröder" (once the umlaut's dots are gone) must meet: both become "schroder".
_UMLAUT_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def fold(text: str) -> str:
    """The matching key of a name: case, diacritics, ß/ss, umlaut digraphs, hyphens and dots folded."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    for digraph, vowel in _UMLAUT_DIGRAPHS:
        text = text.replace(digraph, vowel)
    text = _DROPPED.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


def spellings(word: str) -> set[str]:
    """A lower-case word as German and Swiss text write it ("außenminister", "aussenminister")."""
    lower = word.lower()
    return {lower, lower.replace("ß", "ss")}


def name_forms(name: str) -> set[str]:
    """The forms a (multi-word) name takes in running text, unfolded.

    Adjectives before the last word take every ending ("Vereinigte Staaten", "der
    Vereinigten Staaten", "des Weißen Hauses"); the last word takes the genitive
    ("Russlands", "des Bundestages") and the dative plural ("den Niederlanden").
    Over-generation is harmless: a form that German never writes is never looked up.
    """
    words = name.split()
    variants: list[list[str]] = [[word] for word in words]
    for index, word in enumerate(words[:-1]):
        stem = _adjective_stem(word)
        if stem:
            variants[index] = [stem + ending for ending in ADJECTIVE_ENDINGS]
    last = words[-1]
    if last[-1:].isalpha() and not last.isupper():
        variants[-1] = [last, last + "s", last + "es", *([last + "n"] if last.endswith("e") else [])]
    forms = {""}
    for options in variants:
        forms = {f"{form} {option}".strip() for form in forms for option in options}
    return forms


def _adjective_stem(word: str) -> str | None:
    """ "Vereinigte" → "Vereinigt"; None for words that are not inflected adjectives."""
    if not word[:1].isupper() or word.isupper():
        return None
    for ending in ("en", "er", "es", "em", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    return None


def adjective_forms(stem: str) -> set[str]:
    """All inflected spellings of a lower-case adjective stem ("russisch" → "russische", ...)."""
    return {spelling for ending in ("", *ADJECTIVE_ENDINGS) for spelling in spellings(stem + ending)}


def noun_forms(noun: str) -> set[str]:
    """Case, number and gender forms of a person noun, lower-case in both spellings.

    "Präsident" → "präsidenten", "präsidentin"; "Minister" → "ministers", "ministerin";
    "Außenbeauftragte" → "außenbeauftragter", "außenbeauftragten".
    """
    endings = ("", "s", "es", "n", "en", "in", "innen", "r", "nen")
    if noun.endswith("in"):
        endings = ("", "nen")  # already feminine: "Schweizerin", "Schweizerinnen"
    return {spelling for ending in endings for spelling in spellings(noun + ending)}


def slug(name: str) -> str:
    """The id part of a name: "Wladimir Putin" → "wladimir-putin"."""
    text = unicodedata.normalize("NFKD", name.replace("ß", "ss").lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
