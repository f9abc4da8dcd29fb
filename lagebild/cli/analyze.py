"""`lagebild analyze`: articles from files or stdin in, records out."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lagebild.cli.batch import Tally, progress
from lagebild.core import analyze_many
from lagebild.ingest import read_inputs
from lagebild.record import Record
from lagebild.store import RecordStore


class OutputFormat(StrEnum):
    """How `analyze` prints its records."""

    jsonl = "jsonl"
    json = "json"
    table = "table"


def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files to read: .txt holds one article (optionally headed by Title:, "
            "Published:, URL: lines and a blank line), .jsonl one article per line "
            "(fields id, url, title, published, text). '-' reads stdin.",
            metavar="PATH",
            show_default=False,
        ),
    ],
    published: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Publication date (YYYY-MM-DD) for articles that do not give their own.",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            help="jsonl: one record per line; json: one JSON array; table: a summary to read.",
        ),
    ] = OutputFormat.jsonl,
    db: Annotated[
        Path | None,
        typer.Option(help="Also store the records in this DuckDB file (re-runs replace them)."),
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option(help="Write the skipped items (source, item, reason) here as JSON Lines."),
    ] = None,
) -> None:
    """Analyse news articles and print one record per article.

    Unreadable items are skipped and listed on stderr; the exit code is 1 only when every item failed.
    """
    tally = Tally()
    day = published.date().isoformat() if published else None
    records = progress(analyze_many(tally.articles(read_inputs(paths), day)))
    with ExitStack() as stack:
        if db is not None:
            records = stack.enter_context(RecordStore(db)).saved(records)
        for line in _FORMATTERS[output_format](records):
            typer.echo(line)
    tally.report(errors)
    if tally.errors and not tally.read:
        raise typer.Exit(1)


def _jsonl(records: Iterable[Record]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record.to_dict(), ensure_ascii=False)


def _json(records: Iterable[Record]) -> Iterator[str]:
    yield json.dumps([record.to_dict() for record in records], ensure_ascii=False, indent=2)


def _table(records: Iterable[Record]) -> Iterator[str]:
    labels = ("PER", "ORG", "LOC", "OTH")
    yield f"{'published':<10} {'sents':>5} " + " ".join(f"{label:>4}" for label in labels) + "  title"
    for record in records:
        counts = Counter(entity.label for entity in record.entities)
        title = record.meta.title or record.meta.source or record.text[:60]
        yield (
            f"{record.meta.published or '-':<10.10} {len(record.sentences):>5} "
            + " ".join(f"{counts[label]:>4}" for label in labels)
            + f"  {title}"
        )
        names = Counter(entity.name or entity.text for entity in record.entities)
        if names:
            yield "           " + ", ".join(name for name, _ in names.most_common(6))


_FORMATTERS = {OutputFormat.jsonl: _jsonl, OutputFormat.json: _json, OutputFormat.table: _table}
