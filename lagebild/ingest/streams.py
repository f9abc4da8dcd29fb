"""Byte streams of inputs: a peek at the start, transparent gzip, size limits, lines one at a time."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, TypeVar

from lagebild import settings
from lagebild.ingest.article import Unreadable
from lagebild.ingest.decode import decode_line, too_large

# Enough of the start to sniff a format and judge a dump's encoding.
HEAD_BYTES = 65_536
_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_WBITS = 16 + zlib.MAX_WBITS
_CHUNK = 1 << 20

Item = TypeVar("Item")


@dataclass(frozen=True)
class Input:
    """One input opened for a reader: its stream from the start (gunzipped), a peek at that start,
    and what a server said about it when it was fetched."""

    source: str
    stream: BinaryIO
    head: bytes
    url: str | None = None
    content_type: str | None = None
    charset: str | None = None


class _Replay(io.RawIOBase):
    """A stream whose first bytes were read for a peek: gives them again, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        return self._rest.readinto(buffer)  # type: ignore[attr-defined]


def peek(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first HEAD_BYTES of `stream` (gunzipped if it is gzip) and a stream that still starts there.

    Reads rather than seeks, so stdin and fetched bodies work the same as files.
    """
    head, stream = _peek(stream)
    if head.startswith(_GZIP_MAGIC):
        return _gunzip_head(head), gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    return head, stream


def read_item(stream: BinaryIO) -> bytes:
    """All of `stream` as one item; Unreadable beyond MAX_ITEM_BYTES, with the size it had."""
    data = stream.read(settings.MAX_ITEM_BYTES + 1)
    if len(data) > settings.MAX_ITEM_BYTES:
        raise Unreadable(too_large(len(data) + _skip(stream)))
    return data


class Lines:
    """The lines of a dump, decoded one at a time; `number` is the last line's, from 1.

    A line beyond MAX_ITEM_BYTES raises Unreadable and is skipped, without ever being
    held whole; the next call goes on after it.
    """

    def __init__(self, stream: BinaryIO, encoding: str) -> None:
        self._stream = stream
        self._encoding = encoding
        self.number = 0

    def __iter__(self) -> Lines:
        return self

    def __next__(self) -> str:
        limit = settings.MAX_ITEM_BYTES
        line = self._stream.readline(limit + 1)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            raise Unreadable(too_large(len(line) + _skip(self._stream, to_line_end=True)))
        return decode_line(line, self._encoding)


def each(items: Iterator[Item], *errors: type[Exception]) -> Iterator[Item | Exception]:
    """The items of `items`, with one of `errors` raised for an item yielded in its place.

    csv.reader and Lines go on after an error, so one bad item does not end the file.
    """
    while True:
        try:
            yield next(items)
        except StopIteration:
            return
        except errors as error:
            yield error


def _peek(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    head = b""
    while len(head) < HEAD_BYTES and (chunk := stream.read(HEAD_BYTES - len(head))):
        head += chunk
    return head, io.BufferedReader(_Replay(head, stream), buffer_size=_CHUNK)  # type: ignore[return-value]


def _gunzip_head(compressed: bytes) -> bytes:
    """As much of the start of gzipped data as decompresses, for sniffing only.

    Damage is not raised here but where the real reading meets it, so that the items
    before a truncated end are still read.
    """
    head = bytearray()
    decompressor = zlib.decompressobj(_GZIP_WBITS)
    pending = compressed
    try:
        while pending and len(head) < HEAD_BYTES:
            chunk, pending = pending[:4096], pending[4096:]
            head += decompressor.decompress(chunk)
            if decompressor.eof:  # the next gzip member follows
                pending = decompressor.unused_data + pending
                decompressor = zlib.decompressobj(_GZIP_WBITS)
    except zlib.error:
        if not head:
            raise
    return bytes(head[:HEAD_BYTES])


def _skip(stream: BinaryIO, to_line_end: bool = False) -> int:
    """Read past the rest of an oversized item (or its line), returning how many bytes that was."""
    skipped = 0
    while chunk := (stream.readline(_CHUNK) if to_line_end else stream.read(_CHUNK)):
        skipped += len(chunk)
        if to_line_end and chunk.endswith(b"\n"):
            break
    return skipped
