"""The analysis flow: ingested article → clean text → spaCy `Doc` → `Record`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.clean import DEFAULT_OPTIONS, CleanArticle, CleanOptions, NearDuplicates, clean_article
from lagebild.extract import build_record
from lagebild.ingest import Article, ItemError, iso_published
from lagebild.nlp.pipeline import load
from lagebild.record import Meta, Record, record_id
from lagebild.settings import BATCH_SIZE


def analyze(
    text: str,
    published: str | date | None = None,
    title: str | None = None,
    url: str | None = None,
    language: str = "de",
) -> Record:
    """Analyse one article; `published` (ISO date) anchors its relative time expressions.

    Raises ValueError when nothing can be analysed (no text left after cleaning, or a
    language other than `language`; "any" accepts every language).
    """
    article = Article(
        text=text,
        title=title,
        url=url,
        published=iso_published(published) if published is not None else None,
    )
    (result,) = analyze_many([article], options=CleanOptions(language=language))
    if isinstance(result, ItemError):
        raise ValueError(result.reason)
    return result


def analyze_many(
    items: Iterable[Article | ItemError | str],
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    options: CleanOptions = DEFAULT_OPTIONS,
    duplicates: NearDuplicates | None = None,
) -> Iterator[Record | ItemError]:
    """Analyse articles lazily through one `nlp.pipe` that batches them.

    Records come in input order. An item that cannot be analysed comes out as an
    `ItemError` as soon as it is known, ahead of records still in the batch. Near
    copies of earlier articles are analysed too, marked with `meta.duplicate_of`.
    """
    nlp = nlp or load()
    duplicates = duplicates or NearDuplicates()
    yield from _pipe_records(nlp, _cleaned(items, options, duplicates), batch_size)


def _cleaned(
    items: Iterable[Article | ItemError | str], options: CleanOptions, duplicates: NearDuplicates
) -> Iterator[CleanArticle | ItemError]:
    for item in items:
        if isinstance(item, ItemError):
            yield item
            continue
        cleaned = clean_article(Article(text=item) if isinstance(item, str) else item, options)
        if isinstance(cleaned, CleanArticle):
            original = duplicates.original_of(record_id(cleaned.text, cleaned.meta.url), cleaned.text)
            if original is not None:
                cleaned = replace(cleaned, meta=replace(cleaned.meta, duplicate_of=original))
        yield cleaned


def _pipe_records(
    nlp: Language, items: Iterable[CleanArticle | ItemError], batch_size: int
) -> Iterator[Record | ItemError]:
    """Errors pass straight through; clean articles go through `nlp.pipe` in batches."""
    errors: list[ItemError] = []

    def docs() -> Iterator[tuple[Doc, Meta]]:
        for item in items:
            if isinstance(item, ItemError):
                errors.append(item)
                continue
            # Components read the publication date before the record exists.
            doc = nlp.make_doc(item.text)
            doc._.published = item.meta.published
            yield doc, item.meta

    for doc, meta in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield from _drain(errors)
        yield build_record(doc, meta)
    yield from _drain(errors)


def _drain(errors: list[ItemError]) -> Iterator[ItemError]:
    while errors:
        yield errors.pop(0)
