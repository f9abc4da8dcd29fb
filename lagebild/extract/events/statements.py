"""Demands made in reported speech: "Russland müsse seine Truppen abziehen, sagte X".

A quoted or reported clause whose subject is told what it must or should do is a
REQUEST by the speaker to that subject, though no demand verb is used. The quote
component finds the speech and its speaker; this module finds the obliged subject.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from lagebild.extract.events.triggers import NOUNS

_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_FIRST_PERSON = "1"


def obligations(speech: Span, modals: frozenset[str], perfect: frozenset[str]) -> Iterator[tuple[Token, Token]]:
    """(modal, subject) for each clause in `speech` that says its subject must or should act:
    "Teheran müsse das einhalten". Not "wir müssen" (a speaker binding itself), not a
    negated obligation, not "soll … haben" (which reports an allegation)."""
    for token in speech:
        if token.lemma_.lower() not in modals:
            continue
        verb = token.head if token.dep_ in ("aux", "aux:pass") else token
        helpers = {child.lemma_.lower() for child in verb.children if child.dep_ in ("aux", "aux:pass")}
        if helpers & perfect or any(child.lower_ in ("nicht", "kein", "keine") for child in verb.children):
            continue
        subject = next((child for child in verb.children if child.dep_ in _SUBJECTS), None)
        if subject is None or subject.pos_ not in NOUNS | {"PRON"}:
            continue
        if _FIRST_PERSON in subject.morph.get("Person"):
            continue
        yield token, subject
