"""Stories: one real-world event, however many articles report it.

Counting event mentions counts articles: a summit that forty outlets report becomes forty
summits (GDELT's best-known flaw). Reports that agree on type, actors, day and place are
therefore one story, and figures count stories.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lagebild.record import UNDIRECTED, Event, actor_key

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Marks a story id that had to step aside because its plain form was still in use.
FRESH_MARK = "#"


@dataclass(frozen=True)
class StoryKey:
    """What decides whether two event reports tell of the same event."""

    type: str
    source: str
    target: str | None
    day: str | None
    location: str | None


def story_key(event: Event, published: str | None) -> StoryKey:
    """The key of an event reported in an article published on `published`."""
    return StoryKey(
        type=event.type,
        source=actor_key(event.source),
        target=actor_key(event.target) if event.target else None,
        day=event_day(event.date, published),
        location=event.location,
    )


def event_day(date: str | None, published: str | None) -> str | None:
    """The day an event happened on, for matching: its own date when that names a day.

    Otherwise the publication day, if the date is missing or covers it ("2021-12" for an
    article of 2021-12-29); a date that does not cover the publication day ("last
    November") gives no day, and such an event is never merged.
    """
    if date and _DAY.match(date):
        return date[:10]
    if not published or not _DAY.match(published):
        return None
    if date is None or published.startswith(date):
        return published[:10]
    return None


def same_story(a: StoryKey, b: StoryKey) -> bool:
    """Whether two reports tell of one event: equal type, actors and day, and places that
    do not contradict (equal, or one of them not given)."""
    if a.day is None or a.type != b.type or a.day != b.day:
        return False
    if a.location and b.location and _normal(a.location) != _normal(b.location):
        return False
    if (a.source, a.target) == (b.source, b.target):
        return True
    return a.type in UNDIRECTED and (a.source, a.target) == (b.target, b.source)


class StoryIndex:
    """Stories known so far, to which new reports are assigned one by one.

    `known` are (key, story) of stored reports in the order they should be preferred;
    `taken` are story ids in use outside this index (to keep a new story's id unique).
    """

    def __init__(self, known: Iterable[tuple[StoryKey, str]], taken: Iterable[str]) -> None:
        self._by_day: dict[tuple[str, str], list[tuple[StoryKey, str]]] = {}
        self._taken = set(taken)
        for key, story in known:
            self._add(key, story)

    def assign(self, own: str, key: StoryKey, previous: str | None = None) -> str:
        """The story of a new report whose own id is `own`.

        A matching story is joined, the one the report had before if it is among them (so
        storing a record again changes nothing). Otherwise the report starts a story:
        under its former id if that is free, else under its own id.
        """
        matches = [story for other, story in self._by_day.get((key.type, key.day or ""), []) if same_story(key, other)]
        if matches:
            story = previous if previous in matches else matches[0]
        elif previous is not None and previous not in self._taken:
            story = previous
        else:
            story = self._fresh(own)
        self._add(key, story)
        return story

    def _add(self, key: StoryKey, story: str) -> None:
        self._taken.add(story)
        if key.day is not None:
            self._by_day.setdefault((key.type, key.day), []).append((key, story))

    def _fresh(self, own: str) -> str:
        # The own id is taken only when a changed event left its former story behind.
        story, number = own, 0
        while story in self._taken:
            number += 1
            story = f"{own}{FRESH_MARK}{number}"
        return story


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())
