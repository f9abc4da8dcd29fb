"""Where inputs come from (files, directories, stdin, URLs) and which reader each one needs."""

from __future__ import annotations

import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from lagebild.ingest.article import Article, ItemError, Unreadable
from lagebild.ingest.decode import decode_html
from lagebild.ingest.feeds import read_feed
from lagebild.ingest.fetch import Page, fetch, is_url
from lagebild.ingest.records import FieldMapping, read_csv, read_jsonl
from lagebild.ingest.streams import HEAD_BYTES, Input, peek, read_item
from lagebild.ingest.text import read_text
from lagebild.ingest.warc import read_warc

STDIN = "-"
STDIN_NAME = "<stdin>"
INPUT_FORMATS = ("auto", "text", "html", "jsonl", "csv", "feed", "warc")

# By file name after any ".gz"; a directory reads only files named like this.
_FORMAT_BY_SUFFIX = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}
# Media types that settle the format of a fetched URL; others ("text/plain") are sniffed.
_FORMAT_BY_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/x-rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "text/csv": "csv",
    "text/tab-separated-values": "csv",
    "application/warc": "warc",
}
# A feed's root element, after any XML declaration, comments and doctype.
_FEED_ROOT = re.compile(rb"(?:\s|<\?.*?\?>|<!--.*?-->|<![^>]*>)*<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE | re.DOTALL)
_UTF8_BOM = b"\xef\xbb\xbf"


def read_inputs(
    paths: Iterable[str],
    mapping: FieldMapping = FieldMapping(),  # noqa: B008 - frozen, so one shared default is safe
    input_format: str = "auto",
) -> Iterator[Article | ItemError]:
    """Every article in `paths`, lazily and in order; whatever cannot be read comes as an ItemError.

    A path is a file, a directory (its supported files, recursively), "-" for stdin, or
    an http(s) URL. `input_format` overrides the format otherwise told by file name,
    media type or content.
    """
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"unknown input format {input_format!r}; use one of {', '.join(INPUT_FORMATS)}")
    return (item for path in paths for item in read_input(path, mapping, input_format))


def read_input(
    path: str,
    mapping: FieldMapping = FieldMapping(),  # noqa: B008
    input_format: str = "auto",
) -> Iterator[Article | ItemError]:
    """The items of one path; a problem with the input as a whole is one ItemError, item None."""
    if path != STDIN and not is_url(path) and Path(path).is_dir():
        yield from _read_directory(Path(path), mapping, input_format)
        return
    source = STDIN_NAME if path == STDIN else path
    try:
        if path == STDIN:
            yield from _read_stream(sys.stdin.buffer, source, mapping, input_format)
        elif is_url(path):
            page = fetch(path)
            yield from _read_stream(io.BytesIO(page.body), source, mapping, input_format, page)
        else:
            with open(path, "rb") as file:
                yield from _read_stream(file, source, mapping, input_format)
    except Unreadable as error:
        yield ItemError(source, None, str(error))
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        yield ItemError(source, None, f"corrupt gzip: {error}")
    except FileNotFoundError:
        yield ItemError(source, None, "no such file")
    except OSError as error:
        yield ItemError(source, None, (error.strerror or str(error)).lower())
    except Exception as error:  # noqa: BLE001 - a library choking on odd input must not end the run
        yield ItemError(source, None, f"unreadable ({type(error).__name__}: {error})")


def format_of_name(name: str) -> str | None:
    """The format a file name (or a URL's path) stands for, looking through ".gz"; None if unknown."""
    suffixes = [suffix.lower() for suffix in PurePosixPath(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return _FORMAT_BY_SUFFIX.get(suffixes[-1]) if suffixes else None


def sniff(head: bytes) -> str:
    """The format the first bytes of an input look like; plain text if nothing else."""
    start = head.lstrip(_UTF8_BOM + b" \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        return "feed" if _FEED_ROOT.match(start) else "html"
    return "text"


def _read_directory(directory: Path, mapping: FieldMapping, input_format: str) -> Iterator[Article | ItemError]:
    found = False
    for file in _supported_files(directory):
        found = True
        yield from read_input(str(file), mapping, input_format)
    if not found:
        known = ", ".join(sorted({suffix.lstrip(".") for suffix in _FORMAT_BY_SUFFIX}))
        yield ItemError(str(directory), None, f"no readable files in directory (looked for {known}, also .gz)")


def _supported_files(directory: Path) -> Iterator[Path]:
    """The files below `directory` in a format we read, in path order (as `find | sort` lists
    them, so that 2024/01/… comes before 2024/02/…), hidden files and folders left out."""
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():  # as os.walk: a link back up would never end
                yield from _supported_files(entry)
        elif entry.is_file() and format_of_name(entry.name):
            yield entry


def _read_stream(
    stream: BinaryIO,
    source: str,
    mapping: FieldMapping,
    input_format: str,
    page: Page | None = None,
) -> Iterator[Article | ItemError]:
    head, stream = peek(stream)
    if not head.strip() and len(head) < HEAD_BYTES:
        raise Unreadable("empty file")
    url, content_type, charset = (page.url, page.content_type, page.charset) if page else (None, None, None)
    opened = Input(source, stream, head, url, content_type, charset)
    name = urlsplit(url).path if url else ("" if source == STDIN_NAME else source)
    input_format = input_format if input_format != "auto" else _detect(opened, name)
    if input_format == "jsonl":
        yield from read_jsonl(opened, mapping)
    elif input_format == "csv":
        yield from read_csv(opened, mapping)
    elif input_format == "feed":
        yield from read_feed(opened)
    elif input_format == "warc":
        yield from read_warc(opened)
    elif input_format == "html":
        yield Article(html=decode_html(read_item(stream), opened.charset), url=opened.url, source=source)
    else:
        yield read_text(read_item(stream), source, opened.url)


def _detect(opened: Input, name: str) -> str:
    """The format by media type, else by name, else by content."""
    return _FORMAT_BY_TYPE.get(opened.content_type or "") or format_of_name(name) or sniff(opened.head)
