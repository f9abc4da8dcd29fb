"""Which publication date an article gets, and from where (Meta.published_source)."""

from __future__ import annotations

import re
from datetime import date

from lagebild.record import PublishedSource

# "/2021/12/29/", "/2021-12-29-", "_20211229_" in a path; year, month and day in order.
_URL_DATES = (
    re.compile(r"(?<![\d])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?![\d])"),
    re.compile(r"(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?![\d])"),
)


def date_from_url(url: str | None) -> str | None:
    """The date a URL's path spells out, if it spells out a real day."""
    if not url:
        return None
    for pattern in _URL_DATES:
        for match in pattern.finditer(url):
            try:
                return date(*(int(part) for part in match.groups())).isoformat()
            except ValueError:
                continue
    return None


def choose_published(candidates: list[tuple[PublishedSource, str | None]]) -> tuple[str | None, PublishedSource | None]:
    """The first date given, in the order of trust the caller lists, and its source."""
    for source, value in candidates:
        if value:
            return value, source
    return None, None
