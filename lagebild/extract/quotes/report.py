"""What the finders hand the reading: stretches of reported speech and their frames.

Finders work on tokens and leave the speaker unresolved (a word in the speaker slot);
the reading (`reading.Reading`) resolves speakers in text order, because pronouns and
continued reported speech depend on who spoke before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from lagebild.extract.quotes.lexicon import Cues
from lagebild.extract.quotes.marks import quoted_spans
from lagebild.record import QuoteKind

DIRECT: QuoteKind = "direct"
INDIRECT: QuoteKind = "indirect"
MIXED: QuoteKind = "mixed"


@dataclass(frozen=True)
class Frame:
    """The reporting words around a quote and the speaker slot they open.

    `speaker` is the word in the speaker slot: the subject of the cue verb (a token,
    resolved with the rules for pronouns and descriptions) or the phrase after "laut",
    "so", "aus" (a span). `goes_on` marks a cue that names nobody and so continues the
    reported speech before it ("Demnach sei …", "hiess es", "die Hoffnung, dass …").
    """

    cue: str
    speaker: Token | Span | None = None
    goes_on: bool = False

    @property
    def names_speaker(self) -> bool:
        return self.speaker is not None or not self.goes_on


@dataclass(frozen=True)
class Report:
    """Reported speech over the tokens start…end (exclusive), with its frame if it has one."""

    start: int
    end: int
    kind: QuoteKind
    frame: Frame | None = None


def sentence_numbers(doc: Doc, sents: list[Span]) -> list[int]:
    """Per token, the number of its sentence in `sents`: rules ask "which sentence" often."""
    sentence_of = [0] * len(doc)
    for index, sent in enumerate(sents):
        sentence_of[sent.start : sent.end] = [index] * len(sent)
    return sentence_of


@dataclass
class Context:
    """One document as the finders see it: sentences, and which tokens stand in quotes."""

    doc: Doc
    cues: Cues
    sents: list[Span]
    sentence_of: list[int]
    # Token ranges of the text inside quotation marks, marks excluded, in text order.
    quoted: list[tuple[int, int]] = field(default_factory=list)
    # Per token: inside quotation marks, marks included.
    in_quote: bytearray = field(default_factory=bytearray)
    # The frame each token opens, once asked: several rules ask about the same verb.
    frames: dict[int, Frame | None] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, cues: Cues) -> Context:
        sents = list(doc.sents)
        context = cls(doc, cues, sents, sentence_numbers(doc, sents), in_quote=bytearray(len(doc)))
        for start_char, end_char in quoted_spans(doc.text):
            span = doc.char_span(start_char, end_char, alignment_mode="expand")
            if span is None or not len(span):
                continue
            context.quoted.append((span.start, span.end))
            first, last = max(span.start - 1, 0), min(span.end + 1, len(doc))
            context.in_quote[first:last] = b"\x01" * (last - first)
        return context
