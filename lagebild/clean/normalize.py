"""Unicode and whitespace normalisation."""

from __future__ import annotations

import re
import unicodedata

_LINE_BREAK = re.compile(r"\r\n|[\r\x85\u2028\u2029]")
# Control characters (but tab and newline) and invisible format characters: soft
# hyphens, zero-width spaces, direction marks, byte-order marks.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_WHITESPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """NFC text without invisible characters, one space between words and "\\n\\n"
    between paragraphs.

    Where blank lines separate paragraphs, a single line break is only a wrapped line;
    where there are none (scraped text puts one paragraph on each line), each line is a
    paragraph.
    """
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", _LINE_BREAK.sub("\n", text))
    paragraphs = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    cleaned = (_WHITESPACE.sub(" ", paragraph).strip() for paragraph in paragraphs)
    return "\n\n".join(paragraph for paragraph in cleaned if paragraph)
