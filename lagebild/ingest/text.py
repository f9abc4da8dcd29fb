"""Plain-text articles: one per file, with an optional `Title:`/`Published:`/`URL:` header."""

from __future__ import annotations

import re

from lagebild.ingest.article import Article, Unreadable
from lagebild.ingest.dates import read_date
from lagebild.ingest.decode import decode

_HEADER_LINE = re.compile(r"(title|published|url):\s*(.*)", re.IGNORECASE)


def read_text(data: bytes, source: str, url: str | None = None) -> Article:
    """The article in a text file (or a fetched text at `url`); raises Unreadable when there is none."""
    header, body = split_header(decode(data))
    if not body.strip():
        raise Unreadable("text is empty")
    try:
        published = read_date(header["published"]) if header.get("published") else None
    except ValueError as error:
        raise Unreadable(str(error)) from None
    return Article(
        text=body,
        title=header.get("title") or None,
        url=header.get("url") or url,
        published=published,
        source=source,
    )


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split off `Title:`/`Published:`/`URL:` lines that end in a blank line.

    Returns the header fields (lower-case names) and the body; without such a header
    the whole text is the body.
    """
    lines = text.splitlines(keepends=True)
    header: dict[str, str] = {}
    for number, line in enumerate(lines):
        if not line.strip():
            if header:
                return header, "".join(lines[number + 1 :])
            break
        match = _HEADER_LINE.fullmatch(line.strip())
        if not match:
            break
        header[match[1].lower()] = match[2].strip()
    return {}, text
