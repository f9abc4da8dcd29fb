"""`lagebild demo`: the bundled demo corpus into a database, and what it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lagebild.cli.batch import Tally, near_duplicates, progress
from lagebild.core import analyze_many
from lagebild.ingest import read_inputs
from lagebild.settings import DEFAULT_DB, DEMO_CORPUS
from lagebild.store import RecordStore, Summary


def demo(
    db: Annotated[Path, typer.Option(help="DuckDB file to store the records in (created if missing).")] = Path(
        DEFAULT_DB
    ),
) -> None:
    """Analyse the bundled demo corpus (40 Wikinews articles) and summarise the result."""
    tally = Tally()
    with RecordStore(db) as store:
        items = analyze_many(read_inputs([str(DEMO_CORPUS)]), duplicates=near_duplicates(store))
        store.upsert(tally.records(progress(items)))
        summary = store.summary()
    tally.report()
    typer.echo(format_summary(summary, db))


def format_summary(summary: Summary, db: Path) -> str:
    """Articles, events, mentions per label and the most mentioned names, as plain text."""
    copies = f" (and {summary.duplicates} near-duplicates, not counted)" if summary.duplicates else ""
    lines = [f"{db}: {summary.articles} articles{copies}"]
    lines += [f"events: {summary.events} (from {summary.event_reports} reports)", "", "entities per label:"]
    lines += [f"  {label:<4} {count:>6}" for label, count in summary.entities_by_label.items()]
    if not summary.entities_by_label:
        lines.append("  (none)")
    lines += ["", "most frequent names (mentions, articles):"]
    lines += [f"  {n.name:<30} {n.label:<4} {n.mentions:>5} {n.articles:>5}" for n in summary.top_names]
    return "\n".join(lines)
