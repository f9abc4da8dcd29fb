"""What ingest hands on: an `Article`, or an `ItemError` saying why an item was skipped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Article:
    """One article as read, before cleaning: plain `text`, or a web page's `html`.

    `source` names where it came from ("news.jsonl#3", "feed.xml#2", a URL);
    `source_id` is the id the input gave it, if any, kept so that results can be matched
    back to the input. `published` is the date the input itself states (a JSON field, a
    feed item's date), ISO 8601. `truncated` says the reader only had a teaser (a feed
    item whose page could not be fetched).
    """

    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    source_id: str | None = None
    truncated: bool = False

    def __post_init__(self) -> None:
        if (self.text is None) == (self.html is None):
            raise ValueError("an Article has either text or html")


@dataclass(frozen=True)
class ItemError:
    """An input item that could not be read; the batch goes on without it."""

    source: str
    item: int | None
    reason: str

    def __str__(self) -> str:
        return f"{item_name(self.source, self.item)}: {self.reason}"


class Unreadable(Exception):
    """An input or item that cannot be read; the reader turns it into one `ItemError`."""


def item_name(source: str, item: int | None) -> str:
    """`source`, plus "#N" for the N-th line of a multi-item input."""
    return source if item is None else f"{source}#{item}"


def iso_published(value: str | date) -> str:
    """The publication date as ISO 8601: "YYYY-MM-DD", or a full datetime when it has one.

    Raises ValueError for anything else: a date we cannot read would silently misplace
    every relative time expression ("gestern") in the article.
    """
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    text = value.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            return parse(text).isoformat()
        except ValueError:
            continue
    raise ValueError(f"published is not an ISO 8601 date: {value!r}")
