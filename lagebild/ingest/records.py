"""Dumps of records, JSON Lines and CSV, read item by item through one field mapping."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from lagebild import settings
from lagebild.ingest.article import Article, ItemError, Unreadable, item_name
from lagebild.ingest.dates import read_date
from lagebild.ingest.decode import stream_encoding
from lagebild.ingest.streams import Input, Lines, each

Raw = TypeVar("Raw")


@dataclass(frozen=True)
class FieldMapping:
    """Which field of a record holds which part of the article; "meta.title" reaches into objects.

    A part left at its default name also takes the usual alternatives (text from "body",
    "content", …, see USUAL_NAMES); a name the user gives must be there.
    """

    text: str = "text"
    title: str = "title"
    date: str = "published"
    url: str = "url"
    id: str = "id"

    @classmethod
    def given(cls, **names: str | None) -> FieldMapping:
        """The mapping for the names a user gave (command-line options, say); None keeps the default."""
        return cls(**{part: name for part, name in names.items() if name})


# What news dumps call each part, tried in this order when the mapping keeps the default.
USUAL_NAMES = {
    "text": ("text", "body", "content", "article", "fulltext"),
    "title": ("title", "headline"),
    "date": ("published", "date", "datePublished", "pubdate", "published_at", "time"),
    "url": ("url", "link", "canonical_url"),
    "id": ("id", "guid", "uuid"),
}
_DEFAULT = FieldMapping()
_ABSENT = object()
# Text that starts with a tag or holds paragraphs is markup, for the clean layer to extract.
_HTML_START = re.compile(r"\s*<[a-z!]", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"<(?:p|br|div)\b", re.IGNORECASE)
_CSV_DELIMITERS = ",;\t|"
_CSV_SNIFF_BYTES = 1024


def read_jsonl(opened: Input, mapping: FieldMapping) -> Iterator[Article | ItemError]:
    """One item per line, numbered by line; blank lines are skipped but counted."""
    lines = Lines(opened.stream, stream_encoding(opened.head, opened.charset))
    for line in each(lines, Unreadable):
        if isinstance(line, str) and not line.strip():
            continue
        yield _item(opened.source, lines.number, line, _json_object, mapping)


def read_csv(opened: Input, mapping: FieldMapping) -> Iterator[Article | ItemError]:
    """One item per data row under a header row; the delimiter is sniffed, "," if in doubt."""
    encoding = stream_encoding(opened.head, opened.charset)
    rows = csv.reader(Lines(opened.stream, encoding), delimiter=_sniff_delimiter(opened.head, encoding))
    # csv's default limit (128 kB a field) is below that of an item.
    csv.field_size_limit(settings.MAX_ITEM_BYTES)
    header = [name.strip() for name in next(rows, [])]
    if not any(header):
        raise Unreadable("no header row")
    _check_columns(header, mapping)
    number = 0
    for row in each(rows, Unreadable, csv.Error):
        if row == []:
            continue
        number += 1
        yield _item(opened.source, number, row, lambda cells: _row_fields(header, cells), mapping)


def record_article(fields: Mapping[str, Any], source: str, mapping: FieldMapping = _DEFAULT) -> Article:
    """The article in one record, its parts found through `mapping`; raises Unreadable if none."""
    text = _part(fields, mapping, "text")
    if text is None:
        raise Unreadable("missing text field")
    if not isinstance(text, str):
        raise Unreadable("text field is not a string")
    if not text.strip():
        raise Unreadable("text is empty")
    published = _part(fields, mapping, "date")
    try:
        published = read_date(published) if published not in (None, "") else None
    except ValueError as error:
        raise Unreadable(str(error)) from None
    body = {"html": text} if _looks_like_html(text) else {"text": text}
    return Article(
        **body,
        title=_optional_str(_part(fields, mapping, "title")),
        url=_optional_str(_part(fields, mapping, "url")),
        published=published,
        source=source,
        source_id=_optional_str(_part(fields, mapping, "id")),
    )


def _item(
    source: str,
    number: int,
    raw: Raw | Exception,
    to_fields: Callable[[Raw], Mapping[str, Any]],
    mapping: FieldMapping,
) -> Article | ItemError:
    """One record as Article or ItemError: the path JSON Lines and CSV share."""
    try:
        if isinstance(raw, Exception):
            raise Unreadable(f"malformed CSV: {raw}" if isinstance(raw, csv.Error) else str(raw))
        return record_article(to_fields(raw), item_name(source, number), mapping)
    except Unreadable as error:
        return ItemError(source, number, str(error))


def _looks_like_html(text: str) -> bool:
    return "<" in text and bool(_HTML_START.match(text) or _HTML_BLOCK.search(text))


def _json_object(line: str) -> Mapping[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        raise Unreadable(f"malformed JSON: {error.msg}") from None
    if not isinstance(value, dict):
        raise Unreadable("not a JSON object")
    return value


def _row_fields(header: list[str], row: list[str]) -> Mapping[str, str]:
    # A row with more or fewer cells than the header has shifted columns: its text would be wrong.
    if len(row) != len(header):
        raise Unreadable(f"row has {len(row)} fields, the header {len(header)}")
    return dict(zip(header, row))


def _sniff_delimiter(head: bytes, encoding: str) -> str:
    """The delimiter of the header row, by csv.Sniffer; the header alone, because quoted
    text in the rows below (with its own semicolons and line breaks) misleads it."""
    header = head[:_CSV_SNIFF_BYTES].decode(encoding, errors="ignore").splitlines()[:1]
    try:
        return csv.Sniffer().sniff(header[0] if header else "", delimiters=_CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _check_columns(header: list[str], mapping: FieldMapping) -> None:
    """Fail the whole file, not each of its rows, when a part has no column."""
    for part in (field.name for field in fields(FieldMapping)):
        names, given = _names(mapping, part)
        if given and names[0] not in header:
            raise Unreadable(f"no column {names[0]!r} (columns: {', '.join(header)})")
        if part == "text" and not any(name in header for name in names):
            raise Unreadable(f"no text column ({', '.join(names)}; columns: {', '.join(header)})")


def _part(fields: Mapping[str, Any], mapping: FieldMapping, part: str) -> Any:
    """The value of one part: the first of its names that is present and not null."""
    names, given = _names(mapping, part)
    for name in names:
        value = _lookup(fields, name)
        if value is not _ABSENT and value is not None:
            return value
    if given and _lookup(fields, names[0]) is _ABSENT:
        raise Unreadable(f"missing {part} field {names[0]!r}")
    return None


def _names(mapping: FieldMapping, part: str) -> tuple[tuple[str, ...], bool]:
    """The names to look up for `part`, and whether the user gave it (then it must exist)."""
    name = getattr(mapping, part)
    if name == getattr(_DEFAULT, part):
        return USUAL_NAMES[part], False
    return (name,), True


def _lookup(fields: Mapping[str, Any], path: str) -> Any:
    if path in fields:
        return fields[path]
    value: Any = fields
    for key in path.split("."):
        if not isinstance(value, Mapping) or key not in value:
            return _ABSENT
        value = value[key]
    return value


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None
