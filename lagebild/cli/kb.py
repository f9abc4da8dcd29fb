"""`lagebild kb build`: the actor knowledge base from the open data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lagebild.shared_data import shared_data_dir

app = typer.Typer(help="The actor knowledge base (states, organisations, office holders).", no_args_is_help=True)


@app.command("build")
def build(
    data: Annotated[
        Path | None,
        typer.Option(help="The shared data folder (default: $LAGEBILD_DATA or ../shared/data).", show_default=False),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the KB (default: the file shipped in the package).", show_default=False),
    ] = None,
) -> None:
    """Build the KB from countries/, actor-dictionaries/ and the curated files; byte-identical on rebuild."""
    from lagebild.extract.actors import build_kb
    from lagebild.extract.actors.build import KB_PATH

    data_dir = shared_data_dir(data)
    if not data_dir.is_dir():
        raise typer.BadParameter(f"data folder not found: {data_dir}", param_hint="--data")
    target = out or KB_PATH
    build_kb(data_dir, target)
    typer.echo(f"lagebild: knowledge base written to {target} ({target.stat().st_size:,} bytes)")
