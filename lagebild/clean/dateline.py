"""Datelines ("Zürich, 29.12.2021 –", "Hamburg (dpa) –"): split off the body's start."""

from __future__ import annotations

import re
from datetime import date

from lagebild.clean.debris import DebrisRules, load_rules
from lagebild.record import Dateline

# The lead paragraph comes first on many sites, the dateline opens the next one.
_PARAGRAPHS_TO_SEARCH = 2
_NUMERIC_DATE = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2,4})")
_WORD_DATE = re.compile(r"(\d{1,2})\.\s*(\w+)\s+(\d{4})")


def split_dateline(paragraphs: list[str], rules: DebrisRules | None = None) -> tuple[list[str], Dateline | None]:
    """The paragraphs without a leading dateline, and the dateline, if there is one."""
    rules = rules or load_rules()
    for index, paragraph in enumerate(paragraphs[:_PARAGRAPHS_TO_SEARCH]):
        for pattern in rules.dateline:
            match = pattern.match(paragraph)
            if match is None:
                continue
            rest = paragraph[match.end() :].strip()
            parts = match.groupdict()  # not every pattern has every group
            dateline = Dateline(
                text=match[0].strip(),
                place=parts["place"],
                date=_iso_date(parts["date"], rules.months) if parts.get("date") else None,
                agency=parts.get("agency"),
            )
            kept = [*paragraphs[:index], *([rest] if rest else []), *paragraphs[index + 1 :]]
            return kept, dateline
    return paragraphs, None


def _iso_date(text: str, months: dict[str, int]) -> str | None:
    """ "29.12.2021", "29.12.21" or "3. März 2022" as "YYYY-MM-DD"; None if no such day."""
    if numeric := _NUMERIC_DATE.fullmatch(text.strip()):
        day, month, year = (int(part) for part in numeric.groups())
    elif worded := _WORD_DATE.fullmatch(text.strip()):
        if worded[2] not in months:
            return None
        day, month, year = int(worded[1]), months[worded[2]], int(worded[3])
    else:
        return None
    if year < 100:
        year += 2000
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
