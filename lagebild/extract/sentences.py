"""The sentences a record counts: spaCy's, without blank ones.

Record.sentences and every sentence index in a record (quotes, events) use this one
numbering, so an index always points at the same sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def record_sentences(doc: Doc) -> list[Span]:
    """The non-blank sentences of `doc`; the whole text when nothing set boundaries."""
    spans = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    return [span for span in spans if span.text.strip()]
