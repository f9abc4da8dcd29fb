"""What a resolver gets besides the expression's words, and what it returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from lagebild.extract.times.lexicon import Lexicon
from lagebild.extract.times.tense import Reading
from lagebild.extract.times.timeline import When

# Values where there is no anchor to place an expression, by granularity.
UNKNOWN = {
    "D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "S": "XXXX-XX", "Q": "XXXX-QX",
    "H": "XXXX-HX", "Y": "XXXX", "DE": "XXX", "CE": "XX",
}  # fmt: skip
UNKNOWN_DAY = UNKNOWN["D"]


@dataclass(frozen=True)
class Resolved:
    """A type and TIMEX3 value; `when` is the calendar period where the value is one."""

    type: str
    value: str
    when: When | None = None


@dataclass
class Context:
    """What a value depends on beyond the expression's words.

    anchor: the date deictic expressions count from (publication or narrative date);
    narrative: the anchor is a narrated date, so months and seasons take its year;
    clause: reads the clause's tense, asked only where it matters;
    reference: the last time the text mentioned; companion: a time in the same sentence;
    day: the day a clock time or part of day belongs to.
    """

    lexicon: Lexicon
    anchor: date | None
    clause: Callable[[], Reading] = lambda: Reading(0)
    narrative: bool = False
    reference: When | None = None
    companion: When | None = None
    day: When | None = None

    @cached_property
    def reading(self) -> Reading:
        return self.clause()


def dated(when: When | None) -> Resolved | None:
    """A calendar period as a DATE, or a TIME where it has a time of day."""
    if when is None:
        return None
    return Resolved("TIME" if when.suffix else "DATE", when.value, when)


def masked(value: str, suffix: str = "") -> Resolved:
    """An underspecified value ("XXXX-12-30"), with a time of day if any."""
    return Resolved("TIME" if suffix else "DATE", value + suffix)
