"""The analysis flow: ingested article → clean text → spaCy `Doc` → `Record`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language

from lagebild.clean import clean_text
from lagebild.extract import build_record
from lagebild.ingest import Article, iso_published
from lagebild.nlp.pipeline import load
from lagebild.record import Record
from lagebild.settings import BATCH_SIZE


def analyze(
    text: str,
    published: str | date | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Record:
    """Analyse one article; `published` (ISO date) anchors its relative time expressions."""
    article = Article(
        text=text,
        title=title,
        url=url,
        published=iso_published(published) if published is not None else None,
    )
    return next(analyze_many([article]))


def analyze_many(
    articles: Iterable[Article | str],
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Record]:
    """Analyse articles lazily, in order, through one `nlp.pipe` that batches them."""
    nlp = nlp or load()
    cleaned = ((clean_text(article.text), article) for article in map(_as_article, articles))
    for doc, article in nlp.pipe(cleaned, as_tuples=True, batch_size=batch_size):
        yield build_record(doc, article)


def _as_article(item: Article | str) -> Article:
    return Article(text=item) if isinstance(item, str) else item
