"""What analysing commands share: splitting off bad items, progress, the closing report."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import typer
from tqdm import tqdm

from lagebild.ingest import Article, ItemError
from lagebild.record import Record


@dataclass
class Tally:
    """Counts what a run read, and keeps the items it had to skip."""

    read: int = 0
    errors: list[ItemError] = field(default_factory=list)

    def articles(self, items: Iterable[Article | ItemError], published: str | None = None) -> Iterator[Article]:
        """The readable articles of `items`, dated `published` where they give no date."""
        for item in items:
            if isinstance(item, ItemError):
                self.errors.append(item)
                continue
            self.read += 1
            yield replace(item, published=published) if published and not item.published else item

    def report(self, errors_file: Path | None = None) -> None:
        """Say on stderr what was analysed and skipped; list the skipped items in a file."""
        typer.echo(f"lagebild: {self.read} analysed, {len(self.errors)} skipped", err=True)
        for error in self.errors:
            typer.echo(f"  {error}", err=True)
        if errors_file is not None:
            lines = (json.dumps(asdict(error), ensure_ascii=False) + "\n" for error in self.errors)
            errors_file.write_text("".join(lines), encoding="utf-8")


def progress(records: Iterable[Record]) -> Iterator[Record]:
    """A progress bar on stderr, only in a terminal and only once a run lasts a second."""
    yield from tqdm(
        records,
        desc="analysing",
        unit=" articles",
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        delay=1.0,
    )
