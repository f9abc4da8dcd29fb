"""`lagebild events`: what a database's articles report, counted as events, not articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lagebild.record import EventType
from lagebild.settings import DEFAULT_DB
from lagebild.store import RecordStore


def events(
    db: Annotated[Path, typer.Option(help="DuckDB file written by `analyze --db` or `demo`.")] = Path(DEFAULT_DB),
    kind: Annotated[EventType | None, typer.Option("--type", help="Only stories of this PLOVER type.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many stories to list.")] = 20,
    story: Annotated[str | None, typer.Option(help="List every report of this story instead.")] = None,
) -> None:
    """Events in the database: stories per type, the most reported stories, or one story's reports.

    A story is one real-world event, however many articles report it (matched on type,
    actors, day and place); negated reports and near-duplicate articles are not counted.
    """
    if not db.exists():
        raise typer.BadParameter(f"no database at {db}: run `lagebild analyze --db {db}` first", param_hint="--db")
    with RecordStore(db) as store:
        lines = _story_reports(store, story) if story else _overview(store, kind, limit)
    for line in lines:
        typer.echo(line)


def _overview(store: RecordStore, kind: str | None, limit: int) -> list[str]:
    counts = [count for count in store.event_counts() if kind is None or count.type == kind]
    lines = [f"{'type':<10} {'stories':>7} {'occurred':>8} {'planned':>7} {'alleged':>7}"]
    lines += [f"{c.type:<10} {c.stories:>7} {c.occurred:>8} {c.planned:>7} {c.alleged:>7}" for c in counts] or [
        "(no events)"
    ]
    lines += ["", "most reported stories (articles, reports):"]
    for found in store.stories(limit, kind):
        target = f" → {found.target}" if found.target else ""
        lines.append(
            f"  {found.articles:>3} {found.reports:>3}  {found.day or '?':<10} {found.type} {found.source}{target}"
            f"  [{found.story}]"
        )
    return lines


def _story_reports(store: RecordStore, story: str) -> list[str]:
    reports = store.reports(story)
    if not reports:
        raise typer.BadParameter(f"no story {story!r} in the database", param_hint="--story")
    lines = []
    for report in reports:
        flags = " ".join(filter(None, [report.status, "negated" if report.negated else None,
                                        "near-duplicate" if report.duplicate_of else None]))  # fmt: skip
        lines.append(f"{report.published or '?':<10} {report.outlet or report.record_id} ({flags}): {report.evidence}")
    return lines
