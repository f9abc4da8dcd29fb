"""Lemmas and verb mood from LanguageTool's German full-form lexicon.

The trained lemmatizer guesses edit trees and fails on rare and irregular forms
("überschritten" → "überschritn"); the morphologizer often cannot tell Konjunktiv I
from the indicative, which reported speech depends on ("die Regierung habe").
A full-form lexicon knows both for most of the vocabulary, so after the trained
components this one looks each token up and overwrites where the lexicon is
unambiguous. Readings are narrowed by what the model predicted (word class,
person and number), so the lexicon decides only between readings the model
could not tell apart.

Data: LanguageTool german-pos-dict (CC BY-SA 4.0); the table this module builds
and ships with the pipeline is derived from it and carries the same licence.
"""

from __future__ import annotations

import lzma
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import registry

LEXICON = "de-lexicon/languagetool-german-pos-dict/german-pos-dict.tsv.xz"
S_NAMES = Path(__file__).parent / "lang" / "lexicon_s_names.txt"
TABLE_FILE = "table.json.gz"

# LanguageTool word class → lookup class. Participles used as adjectives (PA1/PA2)
# have the participle as lemma ("angekündigten" → "angekündigt"), as in UD.
# Pronouns are left out: LanguageTool gives every personal pronoun the lemma "ich".
WORD_CLASSES = {"SUB": "NOUN", "EIG": "PROPN", "VER": "VERB", "ADJ": "ADJ", "PA1": "ADJ", "PA2": "ADJ"}
# UD German labels haben/sein/werden and modals AUX or VERB depending on the clause
# ("kann" is AUX before an infinitive), LanguageTool by the verb; the lemma is the
# infinitive either way, so both share one class.
UPOS_CLASSES = {"NOUN": "NOUN", "PROPN": "PROPN", "VERB": "VERB", "AUX": "VERB", "ADJ": "ADJ"}
MOOD_TENSE = {"PRÄ": "Ind|Pres", "PRT": "Ind|Past", "KJ1": "Sub|Pres", "KJ2": "Sub|Past"}
NUMBERS = {"SIN": "Sing", "PLU": "Plur"}
ANY_PERSON = "*"

Entry = TypeVar("Entry")


def read_lexicon(path: Path) -> Iterator[tuple[str, str, list[str]]]:
    """Yield (form, lemma, tag fields) for every reading in the lexicon."""
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            form, lemma, tag = line.rstrip("\n").split("\t")
            yield form, lemma, tag.split(":")


def finite_fields(fields: list[str]) -> list[str] | None:
    """Return person, number and tense/mood of a finite verb tag, else None.

    ``VER:AUX:3:SIN:KJ1`` → ["3", "SIN", "KJ1"]; imperatives → ["IMP", ...].
    """
    if fields[0] != "VER":
        return None
    fields = [f for f in fields[1:] if f not in ("AUX", "MOD")]
    return fields if fields[0] in ("1", "2", "3", "IMP") else None


def unambiguous_moods(readings: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map person+number to mood|tense where the lexicon has only one; "*" if all agree."""
    by_person: dict[str, set[str]] = defaultdict(set)
    for person_number, mood_tense in readings:
        by_person[person_number].add(mood_tense)
    moods = set().union(*by_person.values())
    if len(moods) == 1:
        return {ANY_PERSON: moods.pop()}
    return {pn: group.pop() for pn, group in sorted(by_person.items()) if len(group) == 1}


def s_names() -> set[str]:
    """Names whose final -s is not a genitive ending, from ``lang/lexicon_s_names.txt``."""
    lines = S_NAMES.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


@registry.misc("lagebild.lexicon_table.v1")
def lexicon_table(data_dir: str) -> dict[str, dict | list]:
    """Build the lookup table from the LanguageTool lexicon under ``data_dir``.

    Only entries that can change a result are kept: forms with exactly one lemma in
    their class, finite verb forms whose mood and tense follow from person and
    number, and which of those forms can only be finite ("könne", not "können").
    """
    lemmas: dict[str, dict[str, set[str]]] = {cls: defaultdict(set) for cls in set(WORD_CLASSES.values())}
    verbs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    not_finite: set[str] = set()
    for form, lemma, fields in read_lexicon(Path(data_dir) / LEXICON):
        if fields[0] in WORD_CLASSES:
            lemmas[WORD_CLASSES[fields[0]]][form].add(lemma)
        finite = finite_fields(fields)
        if finite is None:
            not_finite.add(form)
        elif finite[0] != "IMP":
            # Imperatives are rare in news; where the model predicts one, the component
            # leaves the token alone, so they need no entry.
            verbs[form].add((finite[0] + NUMBERS[finite[1]], MOOD_TENSE[finite[2]]))
    for name in s_names():
        lemmas["PROPN"].pop(name, None)
    unique = {
        cls: {form: found.pop() for form, found in sorted(forms.items()) if len(found) == 1}
        for cls, forms in sorted(lemmas.items())
    }
    moods = {form: resolved for form, readings in sorted(verbs.items()) if (resolved := unambiguous_moods(readings))}
    return {"lemmas": unique, "moods": moods, "finite_forms": sorted(moods.keys() - not_finite)}


@Language.factory(
    "lexicon_lookup",
    assigns=["token.lemma", "token.morph"],
    requires=["token.pos", "token.morph"],
)
def make_lexicon_lookup(nlp: Language, name: str) -> LexiconLookup:
    return LexiconLookup(name)


def spellings(form: str) -> tuple[str, ...]:
    """The form as written, then lower-cased: a capitalised verb or adjective is
    usually sentence-initial or in a title ("Internationale Politik")."""
    return (form, form.lower()) if form[:1].isupper() else (form,)


def lookup(table: Mapping[str, Entry], form: str) -> Entry | None:
    return next((table[spelling] for spelling in spellings(form) if spelling in table), None)


def lookup_any(forms: set[str], form: str) -> bool:
    return any(spelling in forms for spelling in spellings(form))


class LexiconLookup:
    """Overwrites lemmas and finite-verb mood/tense where the lexicon is unambiguous."""

    def __init__(self, name: str = "lexicon_lookup") -> None:
        self.name = name
        self.lemmas: dict[str, dict[str, str]] = {}
        self.moods: dict[str, dict[str, str]] = {}
        self.finite_forms: set[str] = set()

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            cls = UPOS_CLASSES.get(token.pos_)
            if cls is None:
                continue
            lemma = lookup(self.lemmas.get(cls, {}), token.text)
            if lemma is not None:
                token.lemma_ = lemma
            if cls == "VERB":
                self._set_mood(token)
        return doc

    def _set_mood(self, token: Token) -> None:
        morph = token.morph.to_dict()
        if morph.get("Mood") == "Imp" or not self._is_finite(token.text, morph):
            return
        readings = lookup(self.moods, token.text)
        if not readings:
            return
        person_number = morph.get("Person", "") + morph.get("Number", "")
        mood_tense = readings.get(person_number, readings.get(ANY_PERSON))
        if mood_tense:
            morph["Mood"], morph["Tense"] = mood_tense.split("|")
            if "VerbForm" in morph:  # left out where the model follows a treebank without it
                morph["VerbForm"] = "Fin"
            token.set_morph(morph)

    def _is_finite(self, form: str, morph: dict[str, str]) -> bool:
        """Finite by the model, or by the lexicon: the model leaves VerbForm out where
        some UD German treebanks do, and sometimes calls a form infinitive that can
        only be finite ("könne")."""
        return morph.get("VerbForm") == "Fin" or lookup_any(self.finite_forms, form)

    def initialize(self, get_examples=None, *, nlp: Language | None = None, table: dict | None = None) -> None:
        self._set_table(table or {})

    def _set_table(self, table: dict) -> None:
        self.lemmas = table.get("lemmas", {})
        self.moods = table.get("moods", {})
        self.finite_forms = set(table.get("finite_forms", []))

    def _table(self) -> dict:
        return {"lemmas": self.lemmas, "moods": self.moods, "finite_forms": sorted(self.finite_forms)}

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_gzip_json(path / TABLE_FILE, self._table())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LexiconLookup:
        self._set_table(srsly.read_gzip_json(Path(path) / TABLE_FILE))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self._table())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> LexiconLookup:
        self._set_table(srsly.msgpack_loads(data))
        return self
