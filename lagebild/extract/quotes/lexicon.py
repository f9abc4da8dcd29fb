"""The German reporting vocabulary, read once from ``lang/cues_de.toml``.

A missing speech verb or attribution noun is one line in the data file; this module only
turns the file into frozen sets that the rules look words up in.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

CUES_FILE = Path(__file__).with_name("lang") / "cues_de.toml"


@dataclass(frozen=True)
class Labels:
    """Dependency labels the rules follow, as the pipeline's parser writes them."""

    subject: frozenset[str]
    topic: frozenset[str]
    parenthetical: frozenset[str]
    passive_agent: frozenset[str]
    clause: frozenset[str]
    adverbial_clause: frozenset[str]
    particle: frozenset[str]
    apposition: frozenset[str]
    name_part: frozenset[str]
    relative_clause: frozenset[str]
    object: frozenset[str]
    oblique: frozenset[str]
    genitive: frozenset[str]


@dataclass(frozen=True)
class Cues:
    """Everything language-specific the quote rules need; lower-case unless said otherwise."""

    speech_verbs: frozenset[str]
    free_particles: frozenset[str]
    phrases: dict[str, frozenset[str]]
    headless: dict[str, str]
    prepositions: frozenset[str]
    source_nouns: tuple[str, ...]
    after_source: str
    statement_nouns: tuple[str, ...]
    claim_nouns: tuple[str, ...]
    source_prepositions: frozenset[str]
    so: str
    as_reported: str
    back_reference: frozenset[str]
    back_objects: frozenset[str]
    complementizers: frozenset[str]
    correlates: frozenset[str]
    konjunktiv_i: frozenset[str]
    konjunktiv_ii: frozenset[str]
    first_person: frozenset[str]
    reportative: frozenset[str]
    perfect: frozenset[str]
    people_nouns: tuple[str, ...]
    institution_nouns: tuple[str, ...]
    pronoun_gender: dict[str, str]
    possessive_gender: dict[str, str]
    demonstrative_gender: dict[str, str]
    nobody: frozenset[str]
    relative: frozenset[str]
    labels: Labels

    def is_source_noun(self, word: str) -> bool:
        """ "Angaben", and compounds ending in it: "Polizeiangaben"."""
        return word.lower().endswith(self.source_nouns)

    def is_statement_noun(self, word: str) -> bool:
        return word.lower().endswith(self.statement_nouns)

    def is_claim_noun(self, word: str) -> bool:
        """ "Verdacht", "Forderung", "Terrorverdacht": a noun whose clause says what was claimed."""
        return word.lower().endswith(self.claim_nouns)

    def is_actor_noun(self, word: str) -> bool:
        """ "Regierung", "Kremlsprecher": a noun for people or an institution that can speak."""
        lower = word.lower()
        return lower.endswith(self.people_nouns) or lower.endswith(self.institution_nouns)


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(value.lower() for value in values)


@cache
def load_cues(path: Path = CUES_FILE) -> Cues:
    """The cue lexicon (cached: every component instance shares one)."""
    with path.open("rb") as file:
        data: dict[str, Any] = tomllib.load(file)
    attribution = data["attribution"]
    pronouns = data["pronouns"]
    return Cues(
        speech_verbs=_words(data["verbs"]["speech"]),
        free_particles=_words(data["verbs"]["free_particles"]),
        phrases={verb: _words(words) for verb, words in data["phrases"].items()},
        headless={form.lower(): subject for form, subject in data["headless"].items()},
        prepositions=_words(attribution["prepositions"]),
        source_nouns=tuple(_words(attribution["source_nouns"])),
        after_source=attribution["after_source"],
        statement_nouns=tuple(_words(attribution["statement_nouns"])),
        claim_nouns=tuple(_words(attribution["claim_nouns"])),
        source_prepositions=_words(attribution["source_prepositions"]),
        so=attribution["so"],
        as_reported=attribution["as_reported"],
        back_reference=_words(attribution["back_reference"]),
        back_objects=_words(attribution["back_objects"]),
        complementizers=_words(attribution["complementizers"]),
        correlates=_words(attribution["correlates"]),
        konjunktiv_i=_words(data["konjunktiv"]["present"]),
        konjunktiv_ii=_words(data["konjunktiv"]["past"]),
        first_person=_words(data["konjunktiv"]["first_person"]),
        reportative=_words(data["konjunktiv"]["reportative"]),
        perfect=_words(data["konjunktiv"]["perfect"]),
        people_nouns=tuple(_words(data["speakers"]["people"])),
        institution_nouns=tuple(_words(data["speakers"]["institutions"])),
        pronoun_gender=dict(pronouns["gender"]),
        possessive_gender=dict(pronouns["possessive"]),
        demonstrative_gender=dict(pronouns["demonstrative"]),
        nobody=_words(pronouns["nobody"]),
        relative=_words(pronouns["relative"]),
        labels=Labels(**{name: frozenset(values) for name, values in data["labels"].items()}),
    )
