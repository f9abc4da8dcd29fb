"""Web archives (WARC): each successful HTML response is a page; requests and metadata are skipped."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from lagebild.ingest.article import Article, ItemError, Unreadable, item_name
from lagebild.ingest.decode import HTML_TYPES, decode_html, parse_content_type
from lagebild.ingest.streams import Input, read_item


class _Damaged(Exception):
    """The archive ends or breaks inside a record."""


class _ChunkReader:
    """The archive stream as warcio reads it: chunk by chunk, with damage as `_Damaged`.

    Whole reads would drop the last good bytes before a truncated gzip end, and warcio
    takes an EOFError between records for the regular end of the archive.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        try:
            return self._stream.read1(size)  # type: ignore[attr-defined]
        except (EOFError, OSError, zlib.error) as error:
            raise _Damaged(str(error)) from None


# What a damaged archive raises, beyond _Damaged: warcio's complaints about the format,
# and its AttributeError on a record whose headers were cut short.
_ARCHIVE_ERRORS = (_Damaged, ArchiveLoadFailed, ValueError, AttributeError)


def read_warc(opened: Input) -> Iterator[Article | ItemError]:
    """The HTML pages of an archive, numbered by their record's place in it (from 1).

    Only `response` records with status 200 and an HTML content type are pages; the
    rest (requests, metadata, images, errors) is skipped without a word. A damaged
    archive keeps the pages before the damage and ends with one error.
    """
    complete = pages = 0
    try:
        for number, record in enumerate(ArchiveIterator(_ChunkReader(opened.stream)), start=1):
            if _is_html_page(record):
                pages += 1
                yield _page(record, opened.source, number)
            complete = number
    except _ARCHIVE_ERRORS as error:
        reason = f"truncated or corrupt after record {complete}" if complete else "not a readable WARC archive"
        yield ItemError(opened.source, None, f"{reason}: {error}")
        return
    if not pages:
        raise Unreadable("no HTML pages in the archive")


def _page(record: Any, source: str, number: int) -> Article | ItemError:
    _, charset = parse_content_type(record.http_headers.get_header("Content-Type"))
    try:
        data = read_item(record.content_stream())
        if getattr(record.raw_stream, "limit", 0) > 0:
            raise _Damaged("the record ends early")
        html = decode_html(data, charset, unit="page")
    except Unreadable as error:
        return ItemError(source, number, str(error))
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Article(html=html, url=url, source=item_name(source, number))


def _is_html_page(record: Any) -> bool:
    """Whether a record is a successful HTML response, the only kind that holds an article."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type, _ = parse_content_type(record.http_headers.get_header("Content-Type"))
    return record.http_headers.get_statuscode() == "200" and content_type in HTML_TYPES
