"""What analysing commands share: splitting off bad items, progress, the closing report."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TypeVar

import typer
from tqdm import tqdm

from lagebild.clean import NearDuplicates
from lagebild.ingest import ItemError
from lagebild.record import Record
from lagebild.store import RecordStore

T = TypeVar("T")


@dataclass
class Tally:
    """Counts what a run analysed, and keeps the items it had to skip."""

    analysed: int = 0
    duplicates: int = 0
    errors: list[ItemError] = field(default_factory=list)

    def records(self, items: Iterable[Record | ItemError]) -> Iterator[Record]:
        """The records among `items`; the errors are kept for the report."""
        for item in items:
            if isinstance(item, ItemError):
                self.errors.append(item)
                continue
            self.analysed += 1
            self.duplicates += item.meta.duplicate_of is not None
            yield item

    def report(self, errors_file: Path | None = None) -> None:
        """Say on stderr what was analysed and skipped; list the skipped items in a file."""
        copies = f" ({self.duplicates} near-duplicates of earlier articles)" if self.duplicates else ""
        typer.echo(f"lagebild: {self.analysed} analysed{copies}, {len(self.errors)} skipped", err=True)
        for error in self.errors:
            typer.echo(f"  {error}", err=True)
        if errors_file is not None:
            lines = (json.dumps(asdict(error), ensure_ascii=False) + "\n" for error in self.errors)
            errors_file.write_text("".join(lines), encoding="utf-8")


def progress(items: Iterable[T]) -> Iterator[T]:
    """A progress bar with items/s on stderr, only in a terminal and only once a run lasts a second."""
    yield from tqdm(
        items,
        desc="analysing",
        unit=" items",
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        delay=1.0,
    )


def near_duplicates(store: RecordStore | None) -> NearDuplicates:
    """An index of near-duplicates that knows the store's articles, so that a copy is
    found even when its original came in an earlier run."""
    index = NearDuplicates()
    for record_id, text in store.originals() if store is not None else ():
        index.add(record_id, text)
    return index
