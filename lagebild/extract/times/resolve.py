"""From a recognised expression to its TIMEX3 type and value.

Each rule kind (see the data file) has one resolver; calendar dates are in `dates`.
What a value depends on beyond the expression's words comes in a `Context`. Without an
anchor, values stay underspecified ("XXXX-12-30"): a missing publication date is never
guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from lagebild.extract.times import timeline
from lagebild.extract.times.context import UNKNOWN, UNKNOWN_DAY, Context, Resolved, dated, masked
from lagebild.extract.times.dates import calendar_item, direction_of, in_month, resolve_date
from lagebild.extract.times.lexicon import Lexicon
from lagebild.extract.times.recognize import Mention
from lagebild.extract.times.timeline import When

# The granularity a count of units is resolved to: "vor zwei Wochen" is a week.
_UNIT_GRAIN = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "Y", "CE": "Y", "H": "D", "MIN": "D", "S": "D"}
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
# Counts of these units give the count's precision: "ein halbes Jahr später" is a month.
_COARSE_UNITS = {"M", "Q", "Y", "DE", "CE"}
# "zu Jahresbeginn" in December points to the next year only if that beginning is near.
_NEAR_DAYS = 183


def resolve(mention: Mention, context: Context) -> Resolved | None:
    """The type and value of `mention`, or None where its words name no real time (31 April)."""
    return RESOLVERS[mention.kind](mention, context)


def needs_context(mention: Mention, lexicon: Lexicon) -> bool:
    """Whether the value counts from a time the text mentioned ("zwei Tage später", "am Abend")."""
    groups = mention.groups
    if mention.kind == "part" and "day" in groups:
        return False  # "am Abend des 2. April" names its day
    if mention.kind in ("anaphor", "clock", "part") or "sign" in groups or "anarel" in groups:
        return True
    if "relword" in groups:
        return lexicon["relword"][groups["relword"]].get("anaphoric", False)
    return "year_ref" in groups and lexicon["year_ref"][groups["year_ref"]].get("anaphoric", False)


def has_explicit_year(mention: Mention) -> bool:
    return "year" in mention.groups or "year2" in mention.groups


# --- days, periods and spans counted from the anchor or the text ------------------------


def resolve_dayword(mention: Mention, context: Context) -> Resolved | None:
    groups, lexicon = mention.groups, context.lexicon
    suffix = f"T{lexicon['part'][groups['part']]}" if "part" in groups else ""
    if context.anchor is None:
        return masked(UNKNOWN_DAY, suffix)
    offset = lexicon["dayword"][groups["dayword"]]
    return dated(timeline.day(context.anchor + timedelta(days=offset)).at(suffix))


def resolve_relative(mention: Mention, context: Context) -> Resolved | None:
    groups, lexicon = mention.groups, context.lexicon
    if "relword" in groups:
        entry = lexicon["relword"][groups["relword"]]
        shift, grain, month = entry.get("shift", 0), entry["period"], entry.get("month")
        anaphoric = entry.get("anaphoric", False)
    else:
        grain = lexicon["period"][groups["period"]]
        anaphoric = "anarel" in groups
        relation = "anarel" if anaphoric else "rel"
        # Without a counting word ("Ende des Jahres") the period is the anchor's own.
        shift = lexicon[relation][groups[relation]] if relation in groups else 0
        month = lexicon["edge"][groups["edge"]] if grain == "Y" and relation not in groups else None
    if "year" in groups:  # "zum Jahresende 2018"
        return dated(When(date(int(groups["year"]), 1, 1), "Y"))
    base = context.reference.start if anaphoric and context.reference else context.anchor
    if base is None:
        return masked(UNKNOWN[grain])
    if month and not anaphoric and not context.narrative:
        return dated(_year_of_edge(month, base, groups, context))
    return dated(timeline.shift(base, shift, grain))


def _year_of_edge(month: int, anchor: date, groups: dict[str, str], context: Context) -> When:
    """The year whose beginning, middle or end the clause means: this one, unless the tense
    points to an edge of the year before or after that is less than half a year away
    ("Zu Jahresbeginn soll das Gesetz gelten", written in December: next year's).
    """
    direction, _ = direction_of(groups, context, long_range=True)
    near = timeline.occurrence(timeline.yearly(in_month(month), anchor), anchor, direction) if direction else None
    year = near.start.year if near and abs((near.start - anchor).days) < _NEAR_DAYS else anchor.year
    return When(date(year, 1, 1), "Y")


def resolve_offset(mention: Mention, context: Context) -> Resolved | None:
    groups, lexicon = mention.groups, context.lexicon
    amount = _amount(groups["count"], lexicon)
    unit = lexicon["unit"][groups["unit"]]
    anaphoric = "sign" in groups
    sign = lexicon["sign"][groups["sign"]] if anaphoric else lexicon["ago"][groups["ago"]]
    if amount == "X":
        # "vor wenigen Tagen" is some time ago; "wenige Tage später" no time one can name.
        return None if anaphoric else Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if anaphoric and context.reference:
        # Counted from a mentioned time, the result is as precise as that time, and no more
        # precise than months or years counted: "ein Jahr später" is a year.
        start, grain = context.reference.start, context.reference.grain
        if unit in _COARSE_UNITS:
            counted = "M" if unit == "Y" and not float(amount).is_integer() else _UNIT_GRAIN[unit]
            grain = timeline.coarser(grain, counted)
    elif context.anchor:
        start, grain = context.anchor, _UNIT_GRAIN[unit]
    else:
        return masked(UNKNOWN[_UNIT_GRAIN[unit]])
    return dated(timeline.period_of(timeline.move(start, sign * amount, unit), grain))


def resolve_anaphor(mention: Mention, context: Context) -> Resolved | None:
    entry = context.lexicon["anaphor"][mention.groups["anaphor"]]
    suffix = f"T{entry['part']}" if "part" in entry else ""
    if not entry["unit"]:
        # "damals": the time the sentence or the text before it talks about.
        earlier = context.companion or context.reference
        return dated(earlier) if earlier else Resolved("DATE", "PAST_REF")
    base = _day_of(context)
    if base is None:
        return masked(UNKNOWN_DAY, suffix)
    return dated(timeline.day(base + timedelta(days=entry["shift"])).at(suffix))


def resolve_clock(mention: Mention, context: Context) -> Resolved | None:
    groups = mention.groups
    hour, minute = _amount(groups["count"], context.lexicon), int(groups.get("minute", 0))
    if not isinstance(hour, float) or not hour.is_integer() or hour > 24:
        return None  # "mehrere Uhr", "10,5 Uhr"
    hour = int(hour)
    if "clock_shift" in groups:  # "halb acht": half an hour before eight
        shift = context.lexicon["clock_shift"][groups["clock_shift"]]
        hour, minute = (hour - 1, 60 + shift) if shift < 0 else (hour, shift)
    half = context.lexicon["clock_part"][groups["clock_part"]] if "clock_part" in groups else "am"
    if (half == "pm" and hour < 12) or (half == "night" and 6 <= hour < 12):
        hour += 12
    return _on_day(f"T{hour:02d}:{minute:02d}", context)


def resolve_part(mention: Mention, context: Context) -> Resolved | None:
    suffix = f"T{context.lexicon['part'][mention.groups['part']]}"
    if "day" in mention.groups:  # "am Abend des 2. April 2005"
        day = calendar_item(mention.groups, context)
        return masked(day, suffix) if isinstance(day, str) else dated(day.at(suffix) if day else None)
    return _on_day(suffix, context)


def _on_day(suffix: str, context: Context) -> Resolved | None:
    base = _day_of(context)
    return dated(timeline.day(base).at(suffix)) if base else masked(UNKNOWN_DAY, suffix)


def _day_of(context: Context) -> date | None:
    return context.day.start if context.day else context.anchor


# --- durations, sets, fixed phrases ----------------------------------------------------


def resolve_duration(mention: Mention, context: Context) -> Resolved | None:
    groups, lexicon = mention.groups, context.lexicon
    if "plural_unit" in groups:
        return Resolved("DURATION", _duration("X", lexicon["plural_unit"][groups["plural_unit"]]))
    unit_table = "unit_adjective" if "unit_adjective" in groups else "unit"
    return Resolved("DURATION", _duration(_amount(groups["count"], lexicon), lexicon[unit_table][groups[unit_table]]))


def resolve_set(mention: Mention, context: Context) -> Resolved | None:
    groups, lexicon = mention.groups, context.lexicon
    if "weekday" in groups:
        return Resolved("SET", f"XXXX-WXX-{lexicon['weekday'][groups['weekday']]}")
    if "part" in groups:
        return Resolved("SET", f"{UNKNOWN_DAY}T{lexicon['part'][groups['part']]}")
    every = lexicon["ordinal"][groups["ordinal"]] if "ordinal" in groups else 1
    return Resolved("SET", _duration(every, lexicon["unit"][groups["unit"]]))


def resolve_fixed(mention: Mention, context: Context) -> Resolved | None:
    kind, value = context.lexicon["expression"][mention.groups["expression"]]
    return Resolved(kind, value)


def _amount(count: str, lexicon: Lexicon) -> float | str:
    if count[0].isdigit():
        return float(count.replace(",", "."))
    return float(lexicon["number"][count]) if lexicon["number"][count] != "X" else "X"


def _duration(amount: float | str, unit: str) -> str:
    number = amount if isinstance(amount, str) else f"{amount:g}"
    if unit in _TIME_UNITS:
        return f"PT{number}{_TIME_UNITS[unit]}"
    return f"P{number}{unit}"


RESOLVERS: dict[str, Callable[[Mention, Context], Resolved | None]] = {
    "date": resolve_date,
    "dayword": resolve_dayword,
    "relative": resolve_relative,
    "offset": resolve_offset,
    "anaphor": resolve_anaphor,
    "clock": resolve_clock,
    "part": resolve_part,
    "duration": resolve_duration,
    "set": resolve_set,
    "fixed": resolve_fixed,
}
