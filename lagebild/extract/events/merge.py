"""One event per happening inside an article.

An article often tells of one call twice (the lead, then the details): such reports
become one event whose `mentions` list every sentence. Two reports are the same event
when their triggers come from one lexicon entry ("griff an", "der Angriff"), type and
actors agree (either way round for undirected types), and their dates and places do not
contradict.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lagebild.record import UNDIRECTED, ActorRef, Event, actor_key


@dataclass(frozen=True)
class Reading:
    """An event as read, with the lexicon entry its trigger came from ("telefonieren" and
    "Telefonat" share one) and whether the trigger was a noun."""

    event: Event
    entry: str
    nominal: bool


def merged(readings: list[Reading]) -> list[Event]:
    """The events, repeated reports of one event folded into the first report.

    A later report folds in when it or the earlier one names the event with a noun ("das
    Telefonat", "der Angriff"): that is how a text refers back. Two verbs stay two events:
    "Trump nannte Kim …" twice are two insults.
    """
    kept: list[Reading] = []
    for reading in readings:
        for index, earlier in enumerate(kept):
            if _refers_back(earlier, reading):
                kept[index] = replace(earlier, event=_folded(earlier.event, reading.event), nominal=False)
                break
        else:
            event = reading.event
            kept.append(replace(reading, event=replace(event, mentions=list(event.mentions or [event.sentence]))))
    return [reading.event for reading in kept]


def _refers_back(earlier: Reading, later: Reading) -> bool:
    same_kind = earlier.entry == later.entry and (earlier.nominal or later.nominal)
    return same_kind and same_event(earlier.event, later.event)


def same_event(first: Event, second: Event) -> bool:
    """Whether two reports of one kind of event (same trigger entry) tell of the same one."""
    if first.type != second.type or first.negated != second.negated:
        return False
    pair = (_key(first.source), _key(first.target))
    other = (_key(second.source), _key(second.target))
    if pair != other and not (first.type in UNDIRECTED and pair == other[::-1]):
        return False
    return _compatible(first.date, second.date) and _compatible(first.location, second.location)


def _key(actor: ActorRef | None) -> str | None:
    return actor_key(actor) if actor is not None else None


def _compatible(first: str | None, second: str | None) -> bool:
    return first is None or second is None or first.startswith(second) or second.startswith(first)


def _folded(first: Event, second: Event) -> Event:
    mentions = sorted({*first.mentions, *(second.mentions or [second.sentence])})
    return replace(
        first,
        date=_finer(first.date, second.date),
        location=first.location or second.location,
        confidence=max(first.confidence, second.confidence),
        mentions=mentions,
    )


def _finer(first: str | None, second: str | None) -> str | None:
    if first is None or second is None:
        return first or second
    return max(first, second, key=len)
