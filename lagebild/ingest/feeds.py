"""RSS and Atom feeds: an item's full content, or the page its link points to when it has a teaser only."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from lagebild import settings
from lagebild.ingest.article import Article, ItemError, Unreadable, item_name
from lagebild.ingest.dates import utc_datetime
from lagebild.ingest.decode import HTML_TYPES, decode_html
from lagebild.ingest.fetch import fetch
from lagebild.ingest.streams import Input, read_item

_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n\s*\n")


def read_feed(opened: Input) -> Iterator[Article | ItemError]:
    """One item per feed entry, numbered from 1; a feed without entries is one error."""
    headers: dict[str, str] = {}
    if opened.url:
        headers["content-location"] = opened.url  # for relative links
    if opened.charset:
        headers["content-type"] = f"{opened.content_type}; charset={opened.charset}"
    # A file object, not bytes: feedparser would take bytes for a file name and open it.
    feed = feedparser.parse(io.BytesIO(read_item(opened.stream)), response_headers=headers)
    if not feed.entries:
        raise Unreadable(f"malformed feed ({feed.bozo_exception})" if feed.bozo else "feed has no items")
    for number, entry in enumerate(feed.entries, start=1):
        try:
            yield _entry_article(entry, item_name(opened.source, number))
        except Unreadable as error:
            yield ItemError(opened.source, number, str(error))


def _entry_article(entry: Any, source: str) -> Article:
    """The article of one entry: full content as is, else its fetched page, else the teaser."""
    link = entry.get("link")
    meta = {
        "title": entry.get("title") or None,
        "published": _published(entry),
        "source": source,
        "source_id": entry.get("id") or None,
    }
    content = _fullest_content(entry)
    if content is not None and _is_full(*content):
        return Article(**_body(*content), url=link, **meta)
    if not link:
        if content is None:
            raise Unreadable("item has neither content nor a link")
        return Article(**_body(*content), truncated=True, **meta)
    try:
        page = fetch(link)
        if page.content_type not in HTML_TYPES | {None}:
            raise Unreadable(f"link is not a web page ({page.content_type})")
        return Article(html=decode_html(page.body, page.charset, unit="page"), url=page.url, **meta)
    except Unreadable as error:
        if content is None:
            raise Unreadable(f"item has no content, and its page could not be fetched: {error}") from None
        return Article(**_body(*content), url=link, truncated=True, **meta)


def _fullest_content(entry: Any) -> tuple[str, bool] | None:
    """The longest of an entry's contents and summary, and whether it is HTML."""
    details = [*entry.get("content", []), entry.get("summary_detail")]
    candidates = [(d["value"], d.get("type") in HTML_TYPES) for d in details if d and d.get("value", "").strip()]
    return max(candidates, key=lambda candidate: len(_plain(*candidate)), default=None)


def _is_full(value: str, is_html: bool) -> bool:
    """Whether content is the article rather than a teaser, by its length or its paragraphs."""
    paragraphs = len(_PARAGRAPH.findall(value)) if is_html else len(_BLANK_LINE.split(value.strip()))
    return len(_plain(value, is_html)) >= settings.FEED_FULL_TEXT_CHARS or paragraphs >= settings.FEED_FULL_PARAGRAPHS


def _plain(value: str, is_html: bool) -> str:
    return html.unescape(_TAG.sub(" ", value)).strip() if is_html else value.strip()


def _body(value: str, is_html: bool) -> dict[str, str]:
    """Markup as html; "HTML" without a single tag (a teaser sentence, mostly) as plain text."""
    if not is_html:
        return {"text": value}
    return {"html": value} if _TAG.search(value) else {"text": html.unescape(value)}


def _published(entry: Any) -> str | None:
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    return utc_datetime(moment) if moment else None
