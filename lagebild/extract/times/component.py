"""The `lagebild_times` pipeline component: German time expressions as TIMEX3 values.

It runs after the parser (it reads tense and attachment from the parse), reads
`Doc._.published` and writes `Doc._.times`: `TimeExpression`s in text order that do not
overlap. How relative expressions are anchored is described in `anchoring`.
"""

from __future__ import annotations

from dataclasses import astuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

import lagebild.nlp.extensions  # noqa: F401  (registers Doc._.published)
from lagebild.extract.times.anchoring import ANCHORINGS, tag_times
from lagebild.extract.times.lexicon import Lexicon, load_lexicon
from lagebild.record import TimeExpression

# Deeper than this, an expression hardly dates the sentence's verb.
_MAX_ARCS = 8

_KEY = "lagebild.times"


def _get_times(doc: Doc) -> list[TimeExpression] | None:
    stored = doc.user_data.get(_KEY)
    return None if stored is None else [TimeExpression(*fields) for fields in stored]


def _set_times(doc: Doc, times: list[TimeExpression] | None) -> None:
    # Plain tuples, not dataclasses: documents still serialise (DocBin, nlp.pipe(n_process=2)).
    doc.user_data[_KEY] = None if times is None else [astuple(time) for time in times]


if not Doc.has_extension("times"):
    Doc.set_extension("times", getter=_get_times, setter=_set_times)


@Language.factory("lagebild_times", default_config={"anchoring": "publication"})
def make_times(nlp: Language, name: str, anchoring: str) -> TimeTagger:
    """Registered for the pipeline config; the rules come from the package's data file."""
    return TimeTagger(anchoring)


class TimeTagger:
    """Recognises and resolves the time expressions of a Doc into `Doc._.times`."""

    def __init__(self, anchoring: str = "publication", lexicon: Lexicon | None = None) -> None:
        self.anchoring = _checked(anchoring)
        self.lexicon = lexicon or load_lexicon()

    def __call__(self, doc: Doc, anchoring: str | None = None) -> Doc:
        """`anchoring` overrides the configured one for this call (`component_cfg` of `nlp()`, `nlp.pipe()`)."""
        strategy = _checked(anchoring or self.anchoring)
        try:
            doc._.times = tag_times(doc, strategy, self.lexicon)
        except (ValueError, OverflowError):
            # A publication date at the calendar's edge (0001-01-01 in a dump) pushes the
            # arithmetic past year 1 or 9999: resolve without it rather than fail the batch.
            published, doc._.published = doc._.published, None
            doc._.times = tag_times(doc, strategy, self.lexicon)
            doc._.published = published
        return doc


def time_of(span: Span) -> TimeExpression | None:
    """The time expression that dates the sentence `span`, or None where it holds none.

    Of the expressions inside it, dates and times come before PRESENT_REF and the like,
    and those before durations and sets; then the one fewest dependency arcs below the
    sentence's root (its verb), then the one closest to it in the text.
    """
    times = span.doc._.times
    if times is None:
        raise ValueError("Doc._.times is not set: add the lagebild_times component to the pipeline")
    inside = [t for t in times if span.start_char <= t.start and t.end <= span.end_char]
    root = span.root

    def closeness(time: TimeExpression) -> tuple[int, int, int]:
        expression = span.doc.char_span(time.start, time.end, alignment_mode="expand")
        arcs = _arcs_between(expression.root, root) if expression is not None else _MAX_ARCS
        return _rank(time), arcs, min(abs(time.start - root.idx), abs(time.end - root.idx))

    return min(inside, key=closeness, default=None)


def _arcs_between(token: Token, root: Token) -> int:
    for arcs in range(_MAX_ARCS):
        if token == root or token.head == token:
            return arcs
        token = token.head
    return _MAX_ARCS


def _rank(time: TimeExpression) -> int:
    if time.type in ("DURATION", "SET"):
        return 2
    return 1 if time.value.endswith("_REF") else 0


def find_times(nlp: Language, text: str, published: str | None, anchoring: str = "publication") -> list[TimeExpression]:
    """The time expressions of `text` published on `published`, for evaluation and quick use.

    `nlp` should hold the lagebild_times component; if it does not, one is run after it.
    """
    doc = nlp.make_doc(text)
    doc._.published = published
    if "lagebild_times" in nlp.pipe_names:
        doc = nlp(doc, component_cfg={"lagebild_times": {"anchoring": anchoring}})
    else:
        doc = TimeTagger(anchoring)(nlp(doc))
    return doc._.times


def _checked(anchoring: str) -> str:
    if anchoring not in ANCHORINGS:
        raise ValueError(f"anchoring must be one of {ANCHORINGS}, not {anchoring!r}")
    return anchoring
