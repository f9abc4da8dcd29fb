"""`lagebild bench`: speed and memory of the core pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lagebild.bench import format_results, run_benchmark, sample_texts
from lagebild.nlp.pipeline import load
from lagebild.shared_data import shared_data_dir


def bench(
    data: Annotated[
        Path | None,
        typer.Option(
            help="The shared data folder holding news-sample/ (default: $LAGEBILD_DATA or ../shared/data).",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Use only the first N articles.", show_default=False)] = None,
) -> None:
    """Words per second and peak memory of the pipeline on the news sample, 1 and 2 processes."""
    try:
        texts = sample_texts(shared_data_dir(data), limit)
    except FileNotFoundError as error:
        typer.echo(f"lagebild bench: {error}", err=True)
        raise typer.Exit(2) from None
    typer.echo(format_results(run_benchmark(load(), texts)))
