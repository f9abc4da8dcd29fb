"""Bytes to text: size and binary checks, the encoding (UTF-8, declared or guessed), mojibake repair."""

from __future__ import annotations

import codecs
import re
from email.message import Message

import ftfy
from charset_normalizer import from_bytes

from lagebild import settings
from lagebild.ingest.article import Unreadable

UNDECODABLE = "undecodable (not text in any known encoding)"

# Signatures of files that hold no text; most also contain NUL bytes, but not always early.
_BINARY_SIGNATURES = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, xlsx
    b"\xd0\xcf\x11\xe0",  # old MS Office
    b"\x1f\x8b",  # gzip inside gzip
    b"\x7fELF",
    b"OggS",
    b"ID3",
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_UTF16_BOMS = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}

# Browsers read a page declared as Latin-1 or ASCII as Windows-1252 (WHATWG), and so
# do the pages' authors: „“ and – are in Windows-1252 only.
_DECLARED_AS_1252 = {"iso8859-1", "ascii"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_SCAN_BYTES = 4096

# UTF-8 read as Latin-1 or Windows-1252 ("GesprÃ¤ch", "â€ž") shows a lead letter Â..ô
# followed by a continuation character. Only text with such a pair goes to ftfy, which
# reads about 5 MB/s and would be the slowest step of a dump otherwise.
_CONTINUATION = bytes(range(0x80, 0xC0))
_CONTINUATION_CHARS = set(_CONTINUATION.decode("latin-1")) | set(_CONTINUATION.decode("cp1252", errors="ignore"))
_MOJIBAKE_HINT = re.compile(
    f"[{re.escape(bytes(range(0xC2, 0xF5)).decode('latin-1'))}][{re.escape(''.join(sorted(_CONTINUATION_CHARS)))}]"
)


def decode(data: bytes, declared: str | None = None, unit: str = "file") -> str:
    """One document as text: UTF-8, else the `declared` charset, else the best guess.

    `unit` names the thing in error messages ("empty file", "binary item"). Raises
    Unreadable for empty, binary, oversized and undecodable input.
    """
    if len(data) > settings.MAX_ITEM_BYTES:
        raise Unreadable(too_large(len(data)))
    for bom, encoding in _UTF16_BOMS.items():
        if data.startswith(bom):
            return repair(data[len(bom) :].decode(encoding, errors="replace"))
    check_text_like(data, unit)
    for encoding in ("utf-8-sig", _known(declared)):
        text = _strict(data, encoding)
        if text is not None:
            return repair(text)
    text = _strict(data, guess(data))
    if text is None:
        raise Unreadable(UNDECODABLE)
    return repair(text)


def stream_encoding(sample: bytes, declared: str | None = None) -> str:
    """The encoding of a dump read line by line, judged from its first bytes.

    Lines are tried as UTF-8 first anyway; this is the encoding for the lines that are
    not (a Windows-1252 CSV export, say).
    """
    if sample.startswith(tuple(_UTF16_BOMS)):
        raise Unreadable("UTF-16 text: convert it to UTF-8 to read it line by line")
    check_text_like(sample, "file")
    if _is_utf8_start(sample):
        return _known(declared) or "utf-8"
    encoding = _known(declared) or guess(sample)
    if encoding is None:
        raise Unreadable(UNDECODABLE)
    return encoding


def decode_line(line: bytes, encoding: str) -> str:
    """One line of a dump: UTF-8, else the dump's `encoding`, else this line's own best guess.

    Never raises: a broken line becomes text with replacement characters, and the
    record reader decides whether that is still an item.
    """
    text = _strict(line, "utf-8-sig") or _strict(line, encoding) or _strict(line, guess(line))
    return repair(text if text is not None else line.decode(encoding, errors="replace"))


def decode_html(data: bytes, charset: str | None = None, unit: str = "file") -> str:
    """A web page as text, honouring the HTTP `charset`, else the page's own `<meta charset>`."""
    return decode(data, declared=charset or _meta_charset(data), unit=unit)


def parse_content_type(header: str | None) -> tuple[str | None, str | None]:
    """The media type and charset of an HTTP Content-Type header, as the email parser reads them."""
    if not header:
        return None, None
    message = Message()
    message["Content-Type"] = header
    return message.get_content_type(), message.get_content_charset()


def guess(data: bytes) -> str | None:
    """charset-normalizer's best reading, but Windows-1252 whenever that reads as well.

    For German text charset-normalizer often ties Windows-1250 with Windows-1252 (ä, ö,
    ü, ß and „“ are the same bytes in both), then prints "Crème" as "Crčme".
    """
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    if any("cp1252" in match.could_be_from_charset and match.chaos <= best.chaos for match in matches):
        return "cp1252"
    return best.encoding


def repair(text: str) -> str:
    """Undo mojibake ("GesprÃ¤ch" → "Gespräch") and nothing else.

    ftfy.fix_text would also straighten German quotes „…“ and touch «»; fix_encoding
    only reverses wrong decodings.
    """
    return ftfy.fix_encoding(text) if _MOJIBAKE_HINT.search(text) else text


def too_large(size: int | None) -> str:
    """The reason for an item beyond MAX_ITEM_BYTES; `size` is None when reading stopped early."""
    limit = _size(settings.MAX_ITEM_BYTES)
    return f"too large ({_size(size)} > {limit})" if size is not None else f"too large (over {limit})"


def check_text_like(data: bytes, unit: str) -> None:
    """Raise Unreadable for data that is empty or plainly binary (NUL bytes, a file signature)."""
    if not data.strip():
        raise Unreadable(f"empty {unit}")
    # Text never holds NUL bytes; images, archives and PDFs almost always do.
    if b"\x00" in data or data.startswith(_BINARY_SIGNATURES):
        raise Unreadable(f"binary {unit}")


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data, 0, _META_SCAN_BYTES)
    return match[1].decode("ascii") if match else None


def _strict(data: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _known(charset: str | None) -> str | None:
    """The Python codec for a declared charset; None when unknown or not declared."""
    if not charset:
        return None
    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _DECLARED_AS_1252 else name


def _is_utf8_start(sample: bytes) -> bool:
    """Whether `sample` is UTF-8, allowing it to end inside a character."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _size(size: int) -> str:
    for unit, factor in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= factor:
            return f"{round(size / factor, 1):g} {unit}"
    return f"{size} bytes"
