"""Whether the clause around a time expression speaks of the past or the future.

"Am Donnerstag" is last Thursday in "hat am Donnerstag angekündigt" and next Thursday
in "wird am Donnerstag telefonieren": the verb group of the clause decides. The
pipeline's morphology gives tense and verb form; Perfekt, Präteritum and
Plusquamperfekt point back, wollen/sollen and werden with an infinitive point forward.
The present is noted as such; what it means for a date is decided in `dates`.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from lagebild.extract.times.lexicon import Tense

PAST, NONE, FUTURE = -1, 0, 1
_AUXILIARY_DEPS = {"aux", "aux:pass", "cop"}
_CLAUSE_HEADS = {"VERB", "AUX"}
_NOUNS = {"NOUN", "PROPN"}
# A time expression hangs a few arcs below its clause's verb at most.
_MAX_CLIMB = 6


class Reading(NamedTuple):
    """The clause's direction; whether the expression hangs on a noun rather than the verb
    ("kündigte einen Gipfel im Herbst an": the summit's time, not the announcement's); and
    whether the verb is in the present tense, which in news mostly announces.
    """

    direction: int
    on_noun: bool = False
    present: bool = False


def read_clause(span: Span, tense: Tense, cues: dict[str, int]) -> Reading:
    """How the clause that governs `span` places it: PAST, FUTURE or NONE, and more.

    A preposition on the way up decides first: "seit der Wahl am Sonntag" is past.
    """
    token, on_noun = span.root, False
    for climbed in range(_MAX_CLIMB):
        if token.pos_ in _CLAUSE_HEADS or any(child.dep_ in _AUXILIARY_DEPS for child in token.children):
            # The parser sometimes hangs the time on the auxiliary: read the whole verb group.
            return _verb_reading(token.head if token.dep_ in _AUXILIARY_DEPS else token, tense, on_noun)
        # The expression's own preposition was read already; those of the phrases above count.
        if climbed:
            for child in token.children:
                if child.dep_ == "case" and child.lower_ in cues:
                    return Reading(cues[child.lower_])
            on_noun = on_noun or token.pos_ in _NOUNS
        if token.head is token:
            break
        token = token.head
    return Reading(NONE)


def _verb_reading(head: Token, tense: Tense, on_noun: bool) -> Reading:
    group = [head, *(child for child in head.children if child.dep_ in _AUXILIARY_DEPS)]
    if any(token.lower_ in tense.plan_participles for token in group):
        return Reading(NONE, on_noun)  # "war für den 10. Juli angesetzt": planned, passed or not
    auxiliaries = {token.lemma_ for token in group if token is not head or token.pos_ == "AUX"}
    # haben/sein with a full verb is the Perfekt, whatever the morphology says of the verb.
    if head.pos_ == "VERB" and auxiliaries & tense.perfect_auxiliaries and not _is_infinitive(head):
        return Reading(PAST, on_noun)
    past = any(_is_finite_past(token) for token in group)
    if auxiliaries & tense.intention_auxiliaries:
        return Reading(NONE if past else FUTURE, on_noun)  # "sollte im September beschlossen werden"
    if past:
        return Reading(PAST, on_noun)
    if tense.future_auxiliary in auxiliaries and _is_infinitive(head):
        return Reading(FUTURE, on_noun)
    return Reading(NONE, on_noun, present=any(_is_finite_present(token) for token in group))


def _is_finite_past(token: Token) -> bool:
    # "würde" is Konjunktiv II of werden: it announces, it does not narrate.
    morph = token.morph
    if (token.lemma_ == "werden" and "Sub" in morph.get("Mood")) or _is_infinitive(token):
        return False
    return "Past" in morph.get("Tense") and bool(morph.get("Person"))


def _is_finite_present(token: Token) -> bool:
    morph = token.morph
    return "Pres" in morph.get("Tense") and bool(morph.get("Person")) and not _is_infinitive(token)


def _is_infinitive(token: Token) -> bool:
    # The tagger takes some zu-infinitives ("einzuhalten") for finite verbs; a form equal to
    # its lemma is an infinitive only without a person ("sie werden" is finite).
    lemma, form, verb_form = token.lemma_.lower(), token.lower_, token.morph.get("VerbForm")
    if "Inf" in verb_form or (form != lemma and form.replace("zu", "", 1) == lemma):
        return True
    return form == lemma and not token.morph.get("Person") and "Part" not in verb_form
