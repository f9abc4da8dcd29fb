"""The German event vocabulary, read once from ``lang/events_de.toml``.

The rules look words up here and nowhere else: a missing trigger, negation word or
status cue is one line in the data file, which a reader can audit.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lagebild.extract.quotes.lexicon import load_cues

EVENTS_FILE = Path(__file__).with_name("lang") / "events_de.toml"


@dataclass(frozen=True)
class Trigger:
    """What a trigger word means: the PLOVER type and mode, and where its target stands."""

    type: str
    mode: str | None
    # The entry's first word: triggers of one entry report one kind of event.
    entry: str
    # "obj", "iobj", "gen" or a preposition, in the order they are tried.
    targets: tuple[str, ...]
    subject_is_target: bool = False
    # A verb with `objects` counts only with one of these nouns as its object.
    objects: frozenset[str] = frozenset()
    # A verb with `needs` counts only with one of these words in its clause.
    needs: frozenset[str] = frozenset()
    # Coordinated actors act on each other ("X und Y unterzeichneten ein Abkommen").
    mutual: bool = False
    # A verb with one of these words or prepositions below it is no trigger ("hält am
    # Embargo fest" holds on to it, arrests no one).
    unless: frozenset[str] = frozenset()
    # A weak trigger counts only with both actors read from the parse, none from nearby.
    strict: bool = False


@dataclass(frozen=True)
class StatusCues:
    """Words that say whether an event happened, is planned, alleged, denied or imagined."""

    negation: frozenset[str]
    alleged: frozenset[str]
    hypothetical: frozenset[str]
    denied: frozenset[str]
    planned: frozenset[str]
    scheduled: frozenset[str]
    reportative: frozenset[str]
    perfect: frozenset[str]
    # Event types whose clause states a fact: "kritisierte, dass die EU … verhängt hat".
    factive: frozenset[str] = frozenset()
    # Finite forms that are Konjunktiv I whatever the morphology says ("habe", "sei"),
    # shared with the quote rules.
    konjunktiv_i: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EventLexicon:
    """Triggers by lower-case lemma: verbs (particle joined), nouns, and light-verb
    phrases keyed by (dependent lemma, verb lemma)."""

    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    phrases: dict[tuple[str, str], Trigger]
    # Compounds that end in a trigger noun but report no event ("Wahlkampf").
    not_events: frozenset[str]
    # Nouns that name people or groups, who may act without being a named actor.
    groups: tuple[str, ...]
    # Types that count without a target.
    untargeted: frozenset[str]
    # Who acts in an event of this type when the text names no one.
    unnamed: dict[str, str]
    # Types aimed at the target of the event they name ("drohte mit Sanktionen gegen Iran");
    # the others are aimed at its doer ("verurteilte den Angriff Russlands").
    aimed: frozenset[str]
    status: StatusCues
    place_prepositions: frozenset[str]
    # Modals that, in reported speech, tell someone what to do: "Russland müsse abziehen".
    demand_modals: frozenset[str] = frozenset()
    # Word endings that make reported speech blame its subject: "gestört", "Lüge".
    blame_words: tuple[str, ...] = ()


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(value.lower() for value in values)


def _add(table: dict[Any, Trigger], key: Any, trigger: Trigger) -> None:
    if key in table and table[key] != trigger:
        raise ValueError(f"{EVENTS_FILE.name}: {key!r} is listed for {table[key].type} and {trigger.type}")
    table[key] = trigger


@cache
def load_event_lexicon(path: Path = EVENTS_FILE) -> EventLexicon:
    """The event lexicon (cached: every component instance shares one)."""
    with path.open("rb") as file:
        data: dict[str, Any] = tomllib.load(file)
    verbs: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    phrases: dict[tuple[str, str], Trigger] = {}
    for entry in data["trigger"]:
        words = [*entry.get("verbs", []), *entry.get("nouns", []), *entry.get("phrases", [])]
        trigger = Trigger(
            type=entry["type"],
            mode=entry.get("mode"),
            entry=words[0].lower(),
            targets=tuple(entry.get("target", ())),
            subject_is_target=entry.get("subject") == "target",
            objects=_words(entry.get("objects", [])),
            needs=_words(entry.get("needs", [])),
            mutual=entry.get("mutual", False),
            unless=_words(entry.get("unless", [])),
            strict=entry.get("strict", False),
        )
        for verb in entry.get("verbs", []):
            _add(verbs, verb.lower(), trigger)
        for noun in entry.get("nouns", []):
            _add(nouns, noun.lower(), trigger)
        for phrase in entry.get("phrases", []):
            dependent, verb = phrase.lower().rsplit(" ", 1)
            _add(phrases, (dependent, verb), trigger)
    status = data["status"]
    return EventLexicon(
        verbs=verbs,
        nouns=nouns,
        phrases=phrases,
        not_events=_words(data["compounds"]["not_events"]),
        groups=tuple(sorted(_words(data["actors"]["groups"]))),
        untargeted=frozenset(data["actors"]["untargeted"]),
        unnamed=dict(data["actors"]["unnamed"]),
        aimed=frozenset(data["actors"]["aimed"]),
        status=StatusCues(
            **{name: _words(values) for name, values in status.items() if name != "factive"},
            factive=frozenset(status["factive"]),
            konjunktiv_i=load_cues().konjunktiv_i,
        ),
        place_prepositions=_words(data["places"]["prepositions"]),
        demand_modals=_words(data["statements"]["demand_modals"]),
        blame_words=tuple(sorted(_words(data["statements"]["blame_words"]))),
    )
