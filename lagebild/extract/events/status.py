"""How the text reports an event: occurred, planned, alleged, denied or hypothetical,
and whether it is negated ("hat nicht angegriffen" is kept, flagged, never counted).

The cues are read around the trigger's clause: its auxiliaries and modals ("wird
telefonieren", "soll stattfinden", "soll angegriffen haben"), adverbs ("angeblich"),
the conjunction that opens it ("falls"), the mood of its finite verb (Konjunktiv I:
reported, so alleged; Konjunktiv II: hypothetical) and the verb above it ("dementierte,
… angegriffen zu haben"). A day after publication makes an event planned.
"""

from __future__ import annotations

from spacy.tokens import Token

from lagebild.extract.events.lexicon import StatusCues
from lagebild.extract.events.triggers import Match, verb_lemma

_HELPERS = frozenset({"aux", "aux:pass", "cop"})
_ADVERBIALS = frozenset({"advmod", "mark", "det", "aux", "aux:pass"})
_EMBEDDING = frozenset({"xcomp", "ccomp", "obj", "csubj"})
_YEAR = 4
# Day, month, year: the lengths of "2021-12-30", "2021-12", "2021".
_PRECISIONS = (10, 7, _YEAR)


def negated(match: Match, cues: StatusCues) -> bool:
    """Whether a negation belongs to the trigger: "nicht", "kein" (on the noun), "nie"."""
    holders = [match.head, *([match.noun] if match.noun is not None else [])]
    if match.nominal and match.head.dep_ in ("obj", "nsubj:pass") and match.head.head.i != match.head.i:
        holders.append(match.head.head)
    return any(child.lower_ in cues.negation for holder in holders for child in holder.children)


def status(match: Match, cues: StatusCues, date: str | None, published: str | None) -> str:
    """The event's status; the strongest cue wins: denied, hypothetical, alleged, planned."""
    clause = _clause(match)
    helpers = [child for child in clause.children if child.dep_ in _HELPERS]
    words = {child.lower_ for verb in [clause, *helpers] for child in verb.children if child.dep_ in _ADVERBIALS}
    if match.nominal:
        words |= {child.lemma_.lower() for child in match.head.children if child.dep_ in ("amod", "det")}
    if _denied(clause, cues):
        return "denied"
    if words & cues.hypothetical or any(_konjunktiv_ii(verb) for verb in [clause, *helpers]):
        return "hypothetical"
    reportative = {helper.lemma_.lower() for helper in helpers} & cues.reportative
    perfect = {helper.lemma_.lower() for helper in helpers} & cues.perfect
    # "ich werde" and "wir haben" look like Konjunktiv I ("er werde") but are not.
    first_person = any("1" in child.morph.get("Person") for verb in [clause, *helpers] for child in verb.children
                       if child.dep_ in ("nsubj", "nsubj:pass"))  # fmt: skip
    reported = not first_person and any(_konjunktiv_i(verb, cues) for verb in [clause, *helpers])
    if words & cues.alleged or (reportative and perfect) or reported:
        return "alleged"
    if _planned(match, clause, helpers, cues) or after_publication(date, published):
        return "planned"
    return "occurred"


def _clause(match: Match) -> Token:
    """The verb whose clause reports the event: the trigger verb, or the verb a nominal
    event is the object or subject of ("kündigte Sanktionen an", "Das Treffen soll …")."""
    head = match.head
    if match.nominal and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return head


def _planned(match: Match, clause: Token, helpers: list[Token], cues: StatusCues) -> bool:
    for helper in helpers:
        lemma = helper.lemma_.lower()
        if lemma == "werden" and helper.dep_ == "aux" and "Inf" in clause.morph.get("VerbForm"):
            return True
        if lemma in cues.planned and lemma != "werden":
            return True
    above = clause.head if clause.dep_ in _EMBEDDING and clause.head.i != clause.i else None
    if above is not None and verb_lemma(above) in cues.planned:
        return True
    if match.nominal and clause is not match.head and verb_lemma(clause) in cues.planned:
        return True
    return match.nominal and any(child.lemma_.lower() in cues.scheduled for child in match.head.children)


def _denied(clause: Token, cues: StatusCues) -> bool:
    above = clause.head if clause.dep_ in _EMBEDDING and clause.head.i != clause.i else None
    return above is not None and verb_lemma(above) in cues.denied


def _konjunktiv_i(verb: Token, cues: StatusCues) -> bool:
    mood = "Sub" in verb.morph.get("Mood") and "Past" not in verb.morph.get("Tense")
    return mood or verb.lower_ in cues.konjunktiv_i


def _konjunktiv_ii(verb: Token) -> bool:
    return "Sub" in verb.morph.get("Mood") and "Past" in verb.morph.get("Tense")


def after_publication(date: str | None, published: str | None) -> bool:
    """An event date after the publication date, compared at the date's own precision:
    "2021-12-30" after "2021-12-29", "2022-01" after any day of December 2021."""
    if not date or not published or not date[:4].isdigit():
        return False
    precision = next((length for length in _PRECISIONS if date[length - 2 : length].isdigit()), _YEAR)
    return date[:precision] > published[:precision]
