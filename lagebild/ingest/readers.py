"""Readers for plain-text files, JSON Lines files and stdin."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from lagebild.ingest.article import Article, ItemError, iso_published, item_name

STDIN = "-"
STDIN_NAME = "<stdin>"

_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_TEXT_SUFFIXES = {".txt"}
_HEADER_LINE = re.compile(r"(title|published|url):\s*(.*)", re.IGNORECASE)


class _Unreadable(Exception):
    """A whole input that cannot be read as text; becomes one ItemError."""


def read_inputs(paths: Iterable[str]) -> Iterator[Article | ItemError]:
    """Every article in `paths` ("-" is stdin), in order; bad items come as ItemError."""
    for path in paths:
        yield from read_input(path)


def read_input(path: str) -> Iterator[Article | ItemError]:
    """The articles in one `.txt` file (one article) or `.jsonl` file (one per line)."""
    source = STDIN_NAME if path == STDIN else path
    try:
        text = _decode(_read_bytes(path))
    except _Unreadable as error:
        yield ItemError(source, None, str(error))
        return
    if _is_jsonl(path, text):
        yield from _read_jsonl(text, source)
    else:
        yield _article(source, None, _split_header(text))


def _read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    file = Path(path)
    if file.is_dir():
        raise _Unreadable("is a directory")
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise _Unreadable("no such file") from None
    except OSError as error:
        raise _Unreadable(error.strerror or str(error)) from None


def _decode(data: bytes) -> str:
    if not data.strip():
        raise _Unreadable("empty file")
    # Text never holds NUL bytes; images, archives and PDFs almost always do.
    if b"\x00" in data:
        raise _Unreadable("binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Unreadable(f"not UTF-8 (invalid byte at offset {error.start})") from None


def _is_jsonl(path: str, text: str) -> bool:
    suffix = Path(path).suffix.lower() if path != STDIN else ""
    if suffix in _JSONL_SUFFIXES | _TEXT_SUFFIXES:
        return suffix in _JSONL_SUFFIXES
    return text.lstrip().startswith("{")


def _read_jsonl(text: str, source: str) -> Iterator[Article | ItemError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            fields = json.loads(line)
        except json.JSONDecodeError as error:
            yield ItemError(source, number, f"malformed JSON: {error.msg}")
            continue
        if not isinstance(fields, dict):
            yield ItemError(source, number, "not a JSON object")
            continue
        yield _article(source, number, fields)


def _split_header(text: str) -> dict[str, str]:
    """Split off `Title:`/`Published:`/`URL:` lines that end in a blank line.

    Returns the header fields plus "text", the body; without such a header the whole
    text is the body.
    """
    lines = text.splitlines(keepends=True)
    header: dict[str, str] = {}
    for number, line in enumerate(lines):
        if not line.strip():
            if header:
                return {**header, "text": "".join(lines[number + 1 :])}
            break
        match = _HEADER_LINE.fullmatch(line.strip())
        if not match:
            break
        header[match[1].lower()] = match[2]
    return {"text": text}


def _article(source: str, item: int | None, fields: Mapping[str, Any]) -> Article | ItemError:
    text = fields.get("text")
    if text is None:
        return ItemError(source, item, "missing text field")
    if not isinstance(text, str):
        return ItemError(source, item, "text field is not a string")
    if not text.strip():
        return ItemError(source, item, "text is empty")
    try:
        published = iso_published(str(fields["published"])) if fields.get("published") else None
    except ValueError as error:
        return ItemError(source, item, str(error))
    return Article(
        text=text,
        title=_optional_str(fields.get("title")),
        url=_optional_str(fields.get("url")),
        published=published,
        source=item_name(source, item),
        source_id=_optional_str(fields.get("id")),
    )


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None
