"""Building the `Record` from a `Doc`: the one place where the output is assembled."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from spacy.tokens import Doc

from lagebild.ingest import Article
from lagebild.record import Entity, Meta, Record

_WHITESPACE = re.compile(r"\s+")


def build_record(doc: Doc, article: Article) -> Record:
    """The record for `article`, whose cleaned text `doc` analysed."""
    return Record(
        id=record_id(doc.text, article.url),
        meta=Meta(
            title=article.title,
            url=article.url,
            outlet=outlet(article.url),
            published=article.published,
            language=doc.lang_,
            source=article.source,
            source_id=article.source_id,
        ),
        text=doc.text,
        sentences=sentence_offsets(doc),
        entities=[Entity(start=ent.start_char, end=ent.end_char, text=ent.text, label=ent.label_) for ent in doc.ents],
    )


def record_id(text: str, url: str | None) -> str:
    """A stable id: the same article text from the same address always gets the same id.

    Whitespace is collapsed first so that re-wrapped copies of an article match.
    """
    key = f"{url or ''}\n{_WHITESPACE.sub(' ', text).strip()}"
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def outlet(url: str | None) -> str | None:
    """The publisher's host name, without "www."."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """Character offsets of the sentences, without surrounding whitespace.

    A pipeline without parser or sentence recogniser sets no boundaries; then the
    whole text counts as one sentence.
    """
    if not doc.has_annotation("SENT_START"):
        spans = [(0, len(doc.text))]
    else:
        spans = [(sent.start_char, sent.end_char) for sent in doc.sents]
    return [trimmed for span in spans if (trimmed := _strip(doc.text, *span))]


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    part = text[start:end]
    if not part.strip():
        return None
    return start + len(part) - len(part.lstrip()), end - len(part) + len(part.rstrip())
