"""`lagebild bench`: speed and memory of the core pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lagebild.bench import format_results, run_benchmark, run_ingest_benchmark, sample_texts
from lagebild.nlp.pipeline import load
from lagebild.shared_data import shared_data_dir

app = typer.Typer(help="Speed: the NLP pipeline (no subcommand) or reading and cleaning (ingest).")


@app.callback(invoke_without_command=True)
def bench(
    ctx: typer.Context,
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
    if ctx.invoked_subcommand is not None:
        return
    try:
        texts = sample_texts(shared_data_dir(data), limit)
    except FileNotFoundError as error:
        typer.echo(f"lagebild bench: {error}", err=True)
        raise typer.Exit(2) from None
    typer.echo(format_results(run_benchmark(load(), texts)))


@app.command("ingest")
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Inputs as for `lagebild analyze` (HTML, WARC, feeds, …).")],
    seconds: Annotated[
        float, typer.Option(min=0.1, help="Repeat passes over the inputs for at least this long.")
    ] = 5.0,
) -> None:
    """Items per second of reading and cleaning (no NLP) in one process."""
    result = run_ingest_benchmark(paths, seconds)
    typer.echo(
        f"{result.items} items ({result.passes} passes, {result.errors} errors) in {result.seconds:.1f} s: "
        f"{result.items_per_second:.1f} items/s"
    )
