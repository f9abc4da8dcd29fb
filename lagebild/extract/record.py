"""Building the `Record` from a `Doc`: the one place where the output is assembled."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span

import lagebild.extract.events  # noqa: F401 - registers Doc._.events
import lagebild.extract.quotes  # noqa: F401 - registers Doc._.quotes
import lagebild.extract.times  # noqa: F401 - registers Doc._.times
from lagebild.extract.actors import actor_ref
from lagebild.extract.sentences import record_sentences
from lagebild.record import Entity, Meta, Record, record_id


def build_record(doc: Doc, meta: Meta) -> Record:
    """The record of the article whose cleaned text `doc` analysed.

    A pipeline without some extractor (a user's own) leaves its list empty.
    """
    sentences = sentence_offsets(doc)
    return Record(
        id=record_id(doc.text, meta.url),
        meta=meta,
        text=doc.text,
        sentences=sentences,
        entities=[entity(span) for span in doc.ents],
        times=list(doc._.times or []),
        quotes=[replace(quote, sentence=sentence_index(sentences, quote.start)) for quote in doc._.quotes or []],
        events=list(doc._.events or []),
    )


def sentence_index(sentences: list[tuple[int, int]], offset: int) -> int:
    """The index of the record sentence that holds `offset` (or the last one before it):
    record sentences leave out blank ones, so spaCy's sentence numbers do not fit."""
    return max(bisect_right([start for start, _ in sentences], offset) - 1, 0)


def entity(span: Span) -> Entity:
    """An entity mention with the actor it was linked to (name, id, country, role), if any."""
    link = actor_ref(span)
    return Entity(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        label=span.label_,
        name=link.name if link else None,
        actor=link.actor if link else None,
        country=link.country if link else None,
        role=link.role if link else None,
    )


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """Character offsets of the record's sentences (`record_sentences`), without surrounding whitespace."""
    return [_strip(doc.text, span.start_char, span.end_char) for span in record_sentences(doc)]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    part = text[start:end]
    return start + len(part) - len(part.lstrip()), end - len(part) + len(part.rstrip())
