"""Name lists as a feature for the entity recogniser.

With only ~20k annotated training sentences, many names in the news are never seen in
training. The recogniser therefore also sees, for every token, which name lists it
occurs in (first names, surnames, cities, countries, regions, nationality adjectives).
The flags are written into ``Lexeme.lang`` as a string such as ``"names:5"``: it is
the one per-word attribute that spaCy's embedding layer can read (``attrs = [...,
"LANG"]``) and that nothing else in the pipeline uses, so no custom model
architecture is needed. Words in no list keep the language code ``"de"``.
"""

from __future__ import annotations

import csv
import json
import lzma
from enum import IntFlag
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

LEXICON = "de-lexicon/languagetool-german-pos-dict/german-pos-dict.tsv.xz"
COUNTRY_NAMES = "countries/geonames-de/deu.json"
NATIONALITIES = "countries/i18n-nationality/de.json"
WIKTIONARY_NOUNS = "de-lexicon/wiktionary-german-nouns/nouns.csv"
OFFICE_HOLDERS = ("actor-dictionaries/countryinfo/people_leaders.csv", "actor-dictionaries/countryinfo/people_gov.csv")
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


class NameList(IntFlag):
    FIRST_NAME = 1
    SURNAME = 2
    CITY = 4
    COUNTRY = 8
    REGION = 16
    NATIONALITY = 32
    ORGANISATION = 64
    PROPER_NAME = 128


# The last field of LanguageTool's proper-noun tags says what kind of name it is.
LEXICON_NAME_TYPES = {
    "VOR": NameList.FIRST_NAME,
    "NAC": NameList.SURNAME,
    "STD": NameList.CITY,
    "COU": NameList.COUNTRY,
    "GEB": NameList.REGION,
    "GEO": NameList.REGION,
    "WAT": NameList.REGION,
    "MOU": NameList.REGION,
    "PER": NameList.ORGANISATION,  # media and institutions ("ARTE") despite the tag's name
}
WIKTIONARY_NAME_TYPES = {
    "Vorname": NameList.FIRST_NAME,
    "Nachname": NameList.SURNAME,
    "Toponym": NameList.REGION,
    "Eigenname": NameList.PROPER_NAME,
}


@registry.misc("lagebild.gazetteer_entries.v1")
def gazetteer_entries(data_dir: str) -> dict[str, int]:
    """Collect name-list flags per word form from the open lexicons in ``data_dir``."""
    root = Path(data_dir)
    entries: dict[str, int] = {}

    def mark(form: str, flag: NameList) -> None:
        # "Demokratische Republik der Kongo": only the capitalised words are name parts.
        for word in form.replace("-", " ").split():
            if word[0].isupper():
                entries[word] = int(entries.get(word, 0) | flag)

    with lzma.open(root / LEXICON, "rt", encoding="utf-8") as lines:
        for line in lines:
            if "\tEIG:" not in line:
                continue
            form, _lemma, tag = line.rstrip("\n").split("\t")
            flag = LEXICON_NAME_TYPES.get(tag.rsplit(":", 1)[-1])
            if flag:
                mark(form, flag)
    countries = json.loads((root / COUNTRY_NAMES).read_text(encoding="utf-8"))
    for name in countries["countries"].values():
        mark(name, NameList.COUNTRY)
    for name in countries["capitals"].values():
        mark(name, NameList.CITY)
    with (root / WIKTIONARY_NOUNS).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for kind in row["pos"].split(","):
                if kind in WIKTIONARY_NAME_TYPES:
                    for column, form in row.items():
                        if form and column not in ("lemma", "pos") and not column.startswith("genus"):
                            mark(form, WIKTIONARY_NAME_TYPES[kind])
    for path in OFFICE_HOLDERS:
        # Office holders world-wide, in upper-case ASCII ("ANGELA_MERKEL_").
        with (root / path).open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                words = [w.capitalize() for w in row["name"].split("_") if len(w) > 1]
                if len(words) >= 2:
                    mark(words[0], NameList.FIRST_NAME)
                    mark(words[-1], NameList.SURNAME)
    nationalities = json.loads((root / NATIONALITIES).read_text(encoding="utf-8"))
    for adjective in nationalities["nationalities"].values():
        stem = adjective.split(" (")[0].lower()
        for ending in ADJECTIVE_ENDINGS:
            entries[stem + ending] = int(entries.get(stem + ending, 0) | NameList.NATIONALITY)
    return dict(sorted(entries.items()))


@Language.factory("gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)


class Gazetteer:
    """Writes each token's name-list flags into its lexeme's ``lang`` attribute."""

    def __init__(self, nlp: Language, name: str = "gazetteer") -> None:
        self.name = name
        self.strings = nlp.vocab.strings
        self.entries: dict[str, int] = {}
        self._codes: dict[str, int] = {}

    def _set_entries(self, entries: dict[str, int]) -> None:
        self.entries = dict(entries)
        self._codes = {word: self.strings.add(f"names:{flags}") for word, flags in self.entries.items()}

    def __call__(self, doc: Doc) -> Doc:
        codes = self._codes
        for token in doc:
            code = codes.get(token.text)
            if code is not None:
                token.lex.lang = code
        return doc

    def initialize(self, get_examples=None, *, nlp=None, entries: dict[str, int] | None = None) -> None:
        self._set_entries(entries or {})

    def to_disk(self, path: str | Path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_gzip_json(path / "entries.json.gz", self.entries)

    def from_disk(self, path: str | Path, *, exclude=()) -> Gazetteer:
        self._set_entries(srsly.read_gzip_json(Path(path) / "entries.json.gz"))
        return self
