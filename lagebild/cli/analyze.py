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

from lagebild.clean import CleanOptions
from lagebild.cli.batch import Tally, near_duplicates, progress
from lagebild.core import analyze_many
from lagebild.ingest import INPUT_FORMATS, FieldMapping, read_inputs
from lagebild.record import Event, Record
from lagebild.store import RecordStore

InputFormat = StrEnum("InputFormat", {name: name for name in INPUT_FORMATS})


class OutputFormat(StrEnum):
    """How `analyze` prints its records."""

    jsonl = "jsonl"
    json = "json"
    table = "table"


def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="What to read: files (.txt, .html, .jsonl, .csv, RSS/Atom .xml, .warc, and .gz of "
            "each), directories of them, http(s) URLs, or '-' for stdin. A .txt file may start "
            "with Title:, Published:, URL: lines and a blank line.",
            metavar="PATH",
            show_default=False,
        ),
    ],
    published: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Publication date (YYYY-MM-DD) for every article, overriding dates found in the input.",
        ),
    ] = None,
    lang: Annotated[
        str,
        typer.Option(help="Keep articles in this language (ISO 639-1); others are skipped. 'any' keeps all."),
    ] = "de",
    input_format: Annotated[
        InputFormat,
        typer.Option(help="How to read the inputs; 'auto' goes by file extension, then by content."),
    ] = InputFormat.auto,
    text_field: Annotated[
        str | None, typer.Option(help="JSON/CSV field with the article text [text|body|content].")
    ] = None,
    title_field: Annotated[str | None, typer.Option(help="JSON/CSV field with the headline [title|headline].")] = None,
    date_field: Annotated[
        str | None, typer.Option(help="JSON/CSV field with the publication date [published|date|…].")
    ] = None,
    url_field: Annotated[str | None, typer.Option(help="JSON/CSV field with the article URL [url|link].")] = None,
    id_field: Annotated[str | None, typer.Option(help="JSON/CSV field with the input's own id [id|guid].")] = None,
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
    strict: Annotated[bool, typer.Option(help="Exit with status 1 when any item was skipped.")] = False,
) -> None:
    """Analyse news articles and print one record per article.

    Items that cannot be read or analysed are skipped and listed on stderr (and in
    --errors); the rest go on. The exit code is 1 only when nothing could be analysed,
    or with --strict when anything was skipped.
    """
    tally = Tally()
    mapping = FieldMapping.given(text=text_field, title=title_field, date=date_field, url=url_field, id=id_field)
    options = CleanOptions(published=published.date().isoformat() if published else None, language=lang)
    with ExitStack() as stack:
        store = stack.enter_context(RecordStore(db)) if db is not None else None
        items = read_inputs(paths, mapping, input_format.value)
        records = tally.records(progress(analyze_many(items, options=options, duplicates=near_duplicates(store))))
        if store is not None:
            records = store.saved(records)
        for line in _FORMATTERS[output_format](records):
            typer.echo(line)
    tally.report(errors)
    if (tally.errors and not tally.analysed) or (strict and tally.errors):
        raise typer.Exit(1)


def _jsonl(records: Iterable[Record]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record.to_dict(), ensure_ascii=False)


def _json(records: Iterable[Record]) -> Iterator[str]:
    yield json.dumps([record.to_dict() for record in records], ensure_ascii=False, indent=2)


def _table(records: Iterable[Record]) -> Iterator[str]:
    labels = ("PER", "ORG", "LOC", "OTH")
    yield f"{'published':<10} {'sents':>5} " + " ".join(f"{label:>4}" for label in labels) + " events  title"
    for record in records:
        counts = Counter(entity.label for entity in record.entities)
        title = record.meta.title or record.meta.source or record.text[:60]
        yield (
            f"{record.meta.published or '-':<10.10} {len(record.sentences):>5} "
            + " ".join(f"{counts[label]:>4}" for label in labels)
            + f" {len(record.events):>6}  {title}"
        )
        names = Counter(entity.name or entity.text for entity in record.entities)
        if names:
            yield "           " + ", ".join(name for name, _ in names.most_common(6))
        for event in record.events:
            yield "           " + _event_line(event)


def _event_line(event: Event) -> str:
    """ "CONSULT/phone Joe Biden → Wladimir Putin 2021-12-30 planned" for the table view."""
    kind = f"{event.type}/{event.mode}" if event.mode else event.type
    target = f" → {event.target.name or event.target.text}" if event.target else ""
    flags = " ".join(filter(None, [event.date, event.status, "negated" if event.negated else None]))
    return f"{kind} {event.source.name or event.source.text}{target} {flags}"


_FORMATTERS = {OutputFormat.jsonl: _jsonl, OutputFormat.json: _json, OutputFormat.table: _table}
