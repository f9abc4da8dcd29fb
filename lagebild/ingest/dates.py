"""Publication dates as inputs state them: ISO 8601, German "29.12.2021", RFC 2822, epoch seconds."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from lagebild.ingest.article import iso_published

_GERMAN_DATE = re.compile(
    r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"
    r"(?:,?\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*Uhr)?)?"
)
_EPOCH = re.compile(r"\d{9,11}(\.\d+)?")


def read_date(value: object) -> str:
    """`value` as `iso_published` writes it: "YYYY-MM-DD", or an ISO datetime when it has a time.

    Epoch seconds become UTC; a German date with a time stays without offset, as it was
    given. Raises ValueError naming the value when it is no date we can read: a wrong
    date would misplace every relative time expression ("gestern") in the article.
    """
    if isinstance(value, date):
        return iso_published(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)  # 20211229 is a date, 1640768400 epoch seconds
    if isinstance(value, str):
        text = value.strip()
        for parse in (iso_published, _from_german, _from_rfc2822, _from_epoch_text):
            try:
                return parse(text)
            except (ValueError, TypeError, OverflowError, OSError):
                continue
    raise ValueError(f"published is not a date: {value!r}")


def utc_datetime(moment: tuple[int, ...]) -> str:
    """A UTC time tuple (feedparser's `published_parsed`) as an ISO datetime."""
    return datetime(*moment[:6], tzinfo=UTC).isoformat()


def _from_german(text: str) -> str:
    match = _GERMAN_DATE.fullmatch(text)
    if not match:
        raise ValueError(text)
    day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    if match["hour"] is None:
        return day.isoformat()
    moment = datetime(day.year, day.month, day.day, int(match["hour"]), int(match["minute"]), int(match["second"] or 0))
    return moment.isoformat()


def _from_rfc2822(text: str) -> str:
    return parsedate_to_datetime(text).isoformat()


def _from_epoch_text(text: str) -> str:
    if not _EPOCH.fullmatch(text):
        raise ValueError(text)
    return _from_epoch(float(text))


def _from_epoch(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).replace(microsecond=0).isoformat()
