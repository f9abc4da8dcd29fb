"""Pairing quotation marks: which stretches of the text stand in quotes.

German news uses „…“ (Germany), «…» (Switzerland), »…« (books, some outlets), "…"
(typewriter) and ‚…‘ or ‹…› for a quote inside a quote. The same character opens in one
style and closes in another (« opens in Zürich, closes in Berlin), so whether a mark opens
or closes is read from its neighbours: an opening mark is followed by a word, a closing
mark follows one.
"""

from __future__ import annotations

import re

# Each opening mark and the marks that may close it.
CLOSERS = {
    "„": '“”"',
    "“": '”"',
    '"': '"“”',
    "«": "»",
    "»": "«",
    "‚": "‘’'",
    "‘": "’",
    "‹": "›",
    "›": "‹",
}
# Marks that only ever open; every other mark opens or closes by its neighbours.
ALWAYS_OPEN = "„‚"
_MARK = re.compile('[„“”"«»‚‘’‹›]')
_BEFORE_OPENING = " \t\n([{/–—-"
_AFTER_CLOSING = " \t\n.,;:!?)]}/–—-"


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each outermost pair of quotation marks, marks excluded.

    Nested quotes stay inside their outer quote. A quote that runs over a paragraph
    break without closing (the German convention: the next paragraph opens again, the
    previous one does not close) ends at the paragraph break.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for match in _MARK.finditer(text):
        at = match.start()
        if stack and "\n" in text[stack[-1][1] : at]:
            opened_at = stack[0][1]
            paragraph_end = text.index("\n", opened_at)
            if _reopens(text, paragraph_end, stack[0][0]):
                spans.append((opened_at + 1, paragraph_end))
            stack.clear()
        mark = match.group()
        opens, closes = _can_open(text, at), _can_close(text, at)
        depth = _closing_depth(stack, mark) if closes else None
        if depth is not None:
            opened_at = stack[depth][1]
            del stack[depth:]
            if not stack:
                spans.append((opened_at + 1, at))
        elif opens and mark in CLOSERS:
            stack.append((mark, at))
    return [_trimmed(text, start, end) for start, end in spans if text[start:end].strip()]


def _can_open(text: str, at: int) -> bool:
    if text[at] in ALWAYS_OPEN:
        return True
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before in _BEFORE_OPENING or before in CLOSERS) and not after.isspace()


def _can_close(text: str, at: int) -> bool:
    if text[at] in ALWAYS_OPEN:
        return False
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    # A mark between two letters is an apostrophe ("geht’s"), not a quote.
    return not before.isspace() and (after in _AFTER_CLOSING or after in CLOSERS)


def _closing_depth(stack: list[tuple[str, int]], mark: str) -> int | None:
    """The stack position of the innermost open quote that `mark` closes, if any."""
    for depth in range(len(stack) - 1, -1, -1):
        if mark in CLOSERS[stack[depth][0]]:
            return depth
    return None


def _reopens(text: str, paragraph_end: int, mark: str) -> bool:
    following = text[paragraph_end:].lstrip()
    return following[:1] == mark


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    part = text[start:end]
    return start + len(part) - len(part.lstrip()), end - len(part) + len(part.rstrip())
