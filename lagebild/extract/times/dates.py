"""Calendar dates, with or without their year or week: "29.12.2021", "im März", "Donnerstag".

A date without a year is a cyclic item (a month, a day of the year, a season, a holiday,
a quarter) and one without a week a weekday; which occurrence the text means comes from
the words ("vergangenen"), a preposition ("seit") or the clause's tense.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from lagebild.extract.times import timeline
from lagebild.extract.times.context import UNKNOWN_DAY, Context, Resolved, dated, masked
from lagebild.extract.times.lexicon import Lexicon
from lagebild.extract.times.recognize import Mention
from lagebild.extract.times.timeline import When

# A year written with two digits is at most this many years after the anchor's.
_TWO_DIGIT_YEAR_AHEAD = 10

Builder = Callable[[int], When | None]


def resolve_date(mention: Mention, context: Context) -> Resolved | None:
    groups, lexicon = mention.groups, context.lexicon
    suffix = f"T{lexicon['part'][groups['part']]}" if "part" in groups else ""
    if "decade" in groups or "decade_word" in groups:
        return dated(When(date(_decade(groups, lexicon), 1, 1), "DE"))
    if "century" in groups:
        return dated(When(date(max((int(groups["century"]) - 1) * 100, 1), 1, 1), "CE"))
    if "bc_year" in groups or "bc_century" in groups:
        return Resolved("DATE", _before_christ(groups, lexicon))
    item = calendar_item(groups, context)
    if "night" in groups:
        # "in der Nacht zum 19. August": the night that begins the evening before.
        item = timeline.day(item.start - timedelta(days=1)) if isinstance(item, When) else UNKNOWN_DAY
    if "night" in groups or "night_of" in groups:
        suffix = "TNI"
    if isinstance(item, str):
        return masked(item, suffix)
    return dated(item.at(suffix) if item else None)


def calendar_item(groups: dict[str, str], context: Context) -> When | str | None:
    """The period the groups name, a masked value where no anchor places it, or None (31 April)."""
    weekday = _weekday(groups, context.lexicon)
    if weekday is not None:
        return _weekly(weekday, groups, context)
    build, mask = _yearly(groups, context.lexicon)
    year = _year(groups, context)
    if build is None:
        return When(date(year, 1, 1), "Y") if isinstance(year, int) else None
    if isinstance(year, int):
        return build(year)
    if context.anchor is None or year == "unknown":
        return mask
    if context.narrative:
        return build(context.anchor.year)
    direction, strict = direction_of(groups, context, long_range=True)
    return timeline.occurrence(timeline.yearly(build, context.anchor), context.anchor, direction, strict)


def direction_of(groups: dict[str, str], context: Context, long_range: bool) -> tuple[int, bool]:
    """Which occurrence the words or the clause point to, and whether the anchor's own is excluded.

    A month or season that hangs on a noun ("ein Gipfel im Herbst") is the nearest one
    whatever the verb's tense; a weekday follows the tense even there, since the parser
    often hangs it on the object ("bestätigte den Eingang des Briefes am Montag"). A
    weekday in a present-tense clause is the next one: news tells what happened in the
    past tenses, so "Am Montag beginnt der Gipfel" announces.
    """
    if "rel" in groups:
        shift = context.lexicon["rel"][groups["rel"]]
        if shift:
            return (1 if shift > 0 else -1), True
    cue = context.lexicon.cue(groups.get("lead", ""))
    if cue is not None:
        return cue, False
    reading = context.reading
    if long_range:
        return (0 if reading.on_noun else reading.direction), False
    return (1 if reading.present and not reading.on_noun else reading.direction), False


def _weekday(groups: dict[str, str], lexicon: Lexicon) -> int | None:
    if "day" in groups or "month" in groups or "month_num" in groups:
        return None  # "Sonntag, 8. Januar": the date decides.
    if "weekday" in groups:
        return lexicon["weekday"][groups["weekday"]]
    return 6 if "weekend" in groups else None


def _weekly(weekday: int, groups: dict[str, str], context: Context) -> When | str | None:
    grain = "WE" if "weekend" in groups else "D"
    if context.anchor is None:
        return "XXXX-WXX-WE" if grain == "WE" else f"XXXX-WXX-{weekday}"
    direction, strict = direction_of(groups, context, long_range=False)
    return timeline.occurrence(timeline.weekly(weekday, context.anchor, grain), context.anchor, direction, strict)


def _yearly(groups: dict[str, str], lexicon: Lexicon) -> tuple[Builder | None, str]:
    """How to build the item in a given year, and its value when the year is unknown."""
    month = _month(groups, lexicon)
    if "day" in groups and month:
        day_of_month = int(groups["day"])

        def on_day(year: int) -> When | None:
            found = timeline.safe_date(year, month, day_of_month)
            return timeline.day(found) if found else None

        return on_day, f"XXXX-{month:02d}-{day_of_month:02d}"
    if month:
        return in_month(month), f"XXXX-{month:02d}"
    if "season" in groups:
        season = lexicon["season"][groups["season"]]
        return (lambda year: When(date(year, timeline.SEASON_START[season], 1), "S")), f"XXXX-{season}"
    if "year_part" in groups:
        return _year_part(lexicon["ordinal"][groups["ordinal"]], lexicon["year_part"][groups["year_part"]])
    if "holiday" in groups:
        return _holiday(lexicon["holiday"][groups["holiday"]])
    if "week" in groups:
        week = int(groups["week"])
        return (lambda year: _iso_week(year, week)), f"XXXX-W{week:02d}"
    return None, ""


def in_month(month: int) -> Builder:
    """The month `month` of a given year (None for a month that does not exist)."""
    return lambda year: When(date(year, month, 1), "M") if 1 <= month <= 12 else None


def _month(groups: dict[str, str], lexicon: Lexicon) -> int | None:
    if "month" in groups:
        return lexicon["month"][groups["month"]]
    return int(groups["month_num"]) if "month_num" in groups else None


def _year_part(ordinal: int, part: str) -> tuple[Builder, str]:
    months = 3 if part == "Q" else 6
    if ordinal * months > 12:  # "viertes Halbjahr"
        return (lambda year: None), ""
    return (lambda year: When(date(year, ordinal * months - months + 1, 1), part)), f"XXXX-{part}{ordinal}"


def _holiday(spec: str) -> tuple[Builder, str]:
    # "E+49": days after Easter Sunday; otherwise a fixed "MM-DD".
    if spec.startswith("E"):
        days = int(spec[1:])
        return (lambda year: timeline.day(timeline.easter(year) + timedelta(days=days))), UNKNOWN_DAY
    month, day_of_month = map(int, spec.split("-"))
    return (lambda year: timeline.day(date(year, month, day_of_month))), f"XXXX-{spec}"


def _iso_week(year: int, week: int) -> When | None:
    try:
        return When(date.fromisocalendar(year, week, 1), "W")
    except ValueError:
        return None


def _year(groups: dict[str, str], context: Context) -> int | str | None:
    """The year written or referred to ("dieses Jahres"); "unknown" where it cannot be placed."""
    if "year" in groups:
        return int(groups["year"])
    if "first_year" in groups:  # "1934/35": the first year after the one written in full
        first = int(groups["first_year"])
        year = first - first % 100 + int(groups["year2"])
        return year if year > first else year + 100
    if "year2" in groups:
        # The anchor's century, or the one before where that would be too far ahead.
        anchor_year = context.anchor.year if context.anchor else 2000
        year = anchor_year - anchor_year % 100 + int(groups["year2"])
        return year - 100 if year > anchor_year + _TWO_DIGIT_YEAR_AHEAD else year
    if "year_ref" in groups:
        entry = context.lexicon["year_ref"][groups["year_ref"]]
        base = context.reference.start if entry.get("anaphoric") and context.reference else context.anchor
        return base.year + entry["shift"] if base else "unknown"
    return None


def _before_christ(groups: dict[str, str], lexicon: Lexicon) -> str:
    """ "499 v. Chr." is BC0499, the 6th century BC BC05 (the calendar has no year 0, dates no BC)."""
    if "bc_century" in groups:
        return f"BC{int(groups['bc_century']) - 1:02d}"
    season = f"-{lexicon['season'][groups['season']]}" if "season" in groups else ""
    return f"BC{int(groups['bc_year']):04d}{season}"


def _decade(groups: dict[str, str], lexicon: Lexicon) -> int:
    if "decade_word" in groups:
        return 1900 + 10 * lexicon["decade_word"][groups["decade_word"]]
    digits = groups["decade"]
    if len(digits) == 4:
        return int(digits)
    # "die 90er": the twentieth century's, except "die 00er".
    return 2000 if digits == "00" else 1900 + int(digits)
