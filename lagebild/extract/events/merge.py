"""One event per happening inside an article.

An article often tells of one call twice (the lead, then the details): such reports
become one event whose `mentions` list every sentence. Two reports are the same event
when type and actors agree (either way round for undirected types), their dates and
places do not contradict, and they share the trigger word or the mode. Two different
accusations by the same speaker stay two events.
"""

from __future__ import annotations

from dataclasses import replace

from lagebild.record import ActorRef, Event

UNDIRECTED = frozenset({"CONSULT", "COOPERATE"})


def actor_key(ref: ActorRef | None) -> str | None:
    """What identifies an actor across mentions: its id, else its country, else its name."""
    if ref is None:
        return None
    return ref.actor or ref.country or (ref.name or ref.text).lower()


def merged(events: list[Event]) -> list[Event]:
    """`events` with repeated reports of one event folded into the first report."""
    kept: list[Event] = []
    for event in events:
        for index, earlier in enumerate(kept):
            if same_event(earlier, event):
                kept[index] = _folded(earlier, event)
                break
        else:
            kept.append(replace(event, mentions=list(event.mentions or [event.sentence])))
    return kept


def same_event(first: Event, second: Event) -> bool:
    """Whether two reports in one article tell of the same event."""
    if first.type != second.type or first.negated != second.negated:
        return False
    pair = (actor_key(first.source), actor_key(first.target))
    other = (actor_key(second.source), actor_key(second.target))
    if pair != other and not (first.type in UNDIRECTED and pair == other[::-1]):
        return False
    if not _compatible(first.date, second.date) or not _compatible(first.location, second.location):
        return False
    same_mode = first.mode is not None and first.mode == second.mode
    return same_mode or first.trigger.lower() == second.trigger.lower()


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
