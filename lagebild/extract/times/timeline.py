"""Calendar arithmetic for TIMEX3 values: periods, shifts, Easter, and picking an occurrence.

A `When` is a period of the calendar (a day, an ISO week, a month, a season, ...) that
prints as its TIMEX3 value. Relative expressions are resolved by shifting an anchor
(`shift`, `offset`) or by choosing, among a cyclic item's occurrences around the anchor,
the one the sentence's tense points to (`occurrence`).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

# Granularities from fine to coarse: day, ISO week, weekend, month, season, quarter,
# half-year, year, decade, century.
GRAINS = ("D", "W", "WE", "M", "S", "Q", "H", "Y", "DE", "CE")
_MONTHS_IN = {"M": 1, "S": 3, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}
# Seasons by the month they start in; a winter belongs to the year of its December.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_OF_MONTH = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


@dataclass(frozen=True)
class When:
    """A calendar period, given by its first day and granularity; `suffix` adds a time of day."""

    start: date
    grain: str
    suffix: str = ""

    @property
    def end(self) -> date:
        """The last day of the period."""
        if self.grain == "D":
            return self.start
        if self.grain == "W":
            return self.start + timedelta(days=6)
        if self.grain == "WE":
            return self.start + timedelta(days=1)
        return add_months(self.start, _MONTHS_IN[self.grain]) - timedelta(days=1)

    @property
    def value(self) -> str:
        """The TIMEX3 value: "2021-12-30", "2021-W51", "2021-SP", "199", ..."""
        return _format(self.start, self.grain) + self.suffix

    def at(self, suffix: str) -> When:
        """The same day at a time of day ("TEV", "T14:30")."""
        return replace(self, suffix=suffix)


def _format(start: date, grain: str) -> str:
    year, month = start.year, start.month
    match grain:
        case "D":
            return start.isoformat()
        case "W" | "WE":
            week_year, week, _ = start.isocalendar()
            return f"{week_year:04d}-W{week:02d}" + ("-WE" if grain == "WE" else "")
        case "M":
            return f"{year:04d}-{month:02d}"
        case "S":
            return f"{year:04d}-{_SEASON_OF_MONTH[month]}"
        case "Q":
            return f"{year:04d}-Q{(month - 1) // 3 + 1}"
        case "H":
            return f"{year:04d}-H{(month - 1) // 6 + 1}"
        case "Y":
            return f"{year:04d}"
        case "DE":
            return f"{year // 10:03d}"
    return f"{year // 100:02d}"


def day(value: date) -> When:
    return When(value, "D")


def period_of(value: date, grain: str) -> When:
    """The period of granularity `grain` that contains the day `value`."""
    if grain == "D":
        return day(value)
    if grain == "W":
        return When(value - timedelta(days=value.weekday()), "W")
    if grain == "WE":
        return When(value - timedelta(days=value.weekday()) + timedelta(days=5), "WE")
    if grain == "S":
        if value.month < 3:
            return When(date(value.year - 1, 12, 1), "S")
        return When(date(value.year, value.month - (value.month - 3) % 3, 1), "S")
    months = _MONTHS_IN[grain]
    index = (value.year * 12 + value.month - 1) // months * months
    return When(date(index // 12, index % 12 + 1, 1), grain)


def add_months(value: date, months: int) -> date:
    """The same day `months` later, clamped to the month's length (31 January + 1 → 28 February)."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(value.day, calendar.monthrange(year, month + 1)[1]))


def move(value: date, amount: float, unit: str) -> date:
    """`value` moved by `amount` units (TIMEX3 unit letters; fractions of a unit are rounded)."""
    if unit in ("Y", "M", "Q", "DE", "CE"):
        months = {"Y": 12, "M": 1, "Q": 3, "DE": 120, "CE": 1200}[unit]
        return add_months(value, round(amount * months))
    days = {"W": 7, "D": 1}.get(unit, 0)
    return value + timedelta(days=round(amount * days))


def shift(anchor: date, periods: int, grain: str) -> When:
    """The period `periods` periods away from the one containing `anchor` ("nächste Woche")."""
    first = period_of(anchor, grain).start
    if grain in ("D", "W", "WE"):
        return period_of(first + timedelta(days=periods * (1 if grain == "D" else 7)), grain)
    return period_of(add_months(first, periods * _MONTHS_IN[grain]), grain)


def coarser(grain: str, other: str) -> str:
    return max(grain, other, key=GRAINS.index)


def occurrence(candidates: Iterable[When | None], anchor: date, direction: int, strict: bool = False) -> When | None:
    """The occurrence of a cyclic item that a sentence means, from those around `anchor`.

    Past (-1): the latest one that has begun by the anchor; future (1): the earliest one
    not over by then; strict: the anchor's own occurrence does not count ("vergangenen
    Montag" said on a Monday). Without direction: the one containing the anchor, else the
    nearest.
    """
    found = [when for when in candidates if when is not None]
    if direction < 0:
        before = [w for w in found if (w.end < anchor if strict else w.start <= anchor)]
        return max(before, key=lambda w: w.start, default=None)
    if direction > 0:
        after = [w for w in found if (w.start > anchor if strict else w.end >= anchor)]
        return min(after, key=lambda w: w.start, default=None)
    return min(found, key=lambda w: _distance(w, anchor), default=None)


def _distance(when: When, anchor: date) -> int:
    if when.start <= anchor <= when.end:
        return 0
    return min(abs((when.start - anchor).days), abs((when.end - anchor).days))


def yearly(build: Callable[[int], When | None], anchor: date, years: Iterable[int] = (-1, 0, 1)) -> list[When | None]:
    """An item's occurrences in the years around the anchor's."""
    return [build(anchor.year + offset) for offset in years]


def weekly(weekday: int, anchor: date, grain: str = "D") -> list[When]:
    """A weekday's (1 = Monday) or the weekend's occurrences in the weeks around the anchor's."""
    monday = anchor - timedelta(days=anchor.weekday())
    return [When(monday + timedelta(days=7 * week + weekday - 1), grain) for week in (-1, 0, 1)]


def safe_date(year: int, month: int, day_of_month: int) -> date | None:
    """The date, or None where the calendar has no such day (30 February)."""
    try:
        return date(year, month, day_of_month)
    except ValueError:
        return None


def easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 114) // 31
    day_of_month = (h + weekday_shift - 7 * m + 114) % 31 + 1
    return date(year, month, day_of_month)
