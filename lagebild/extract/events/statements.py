"""Demands and blame in reported speech: "Russland müsse seine Truppen abziehen, sagte
X", "Trump sei psychisch gestört, hieß es aus Pjöngjang".

A quoted or reported clause whose subject is told what it must or should do is a
REQUEST by the speaker to that subject; one that says something damning about someone
(a word of the blame list) is an ACCUSE. No event verb is used in either. The quote
component finds the speech and its speaker; this module finds who is meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from lagebild.extract.events.triggers import NOUNS

_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_FIRST_PERSON = "1"


def obligations(speech: Span, modals: frozenset[str], perfect: frozenset[str]) -> Iterator[tuple[Token, Token]]:
    """(modal, subject) for each clause in `speech` that says its subject must or should act:
    "Teheran müsse das einhalten". `modals` are lemmas ("müssen") or forms ("solle",
    "sollte": the indicative "soll" only says what is planned or alleged). Not "wir müssen"
    (a speaker binding itself), not a negated obligation, not a passive ("die Siedlung muss
    geräumt werden" tells no one), not "soll … haben" (which reports an allegation)."""
    for token in speech:
        if token.lemma_.lower() not in modals and token.lower_ not in modals:
            continue
        verb = token.head if token.dep_ in ("aux", "aux:pass") else token
        helpers = {child.lemma_.lower() for child in verb.children if child.dep_ in ("aux", "aux:pass")}
        passive = any(child.dep_ == "aux:pass" for child in verb.children)
        if passive or helpers & perfect or any(child.lower_ in ("nicht", "kein", "keine") for child in verb.children):
            continue
        subject = next((child for child in verb.children if child.dep_ in _SUBJECTS), None)
        if subject is None or subject.pos_ not in NOUNS | {"PRON"}:
            continue
        if _FIRST_PERSON in subject.morph.get("Person"):
            continue
        yield token, subject


def blamed(speech: Span, blame_words: tuple[str, ...]) -> Token | None:
    """The subject of a speech clause that uses a damning word ("gestört", "Lüge",
    "völkerrechtswidrig"), or None when the speech blames no one."""
    if not any(_damning(token, blame_words) for token in speech):
        return None
    root = speech.root
    return next((child for child in root.children if child.dep_ in _SUBJECTS and child.pos_ in NOUNS), None)


def _damning(token: Token, blame_words: tuple[str, ...]) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ in ("ADJ", "NOUN", "VERB") and any(lemma.endswith(word) for word in blame_words)
