"""`lagebild train`: reproduce the shipped models from the open data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lagebild.nlp.pipeline import MODEL_DIR
from lagebild.shared_data import shared_data_dir

app = typer.Typer(help="Train the models that ship with lagebild (slow: run in the background).", no_args_is_help=True)


@app.command("core")
def core(
    data: Annotated[Path | None, typer.Option(help="The shared data folder (default: ../shared/data).")] = None,
    workdir: Annotated[Path, typer.Option(help="Where corpora, checkpoints and logs go.")] = Path("training"),
    output: Annotated[Path, typer.Option(help="Where the assembled pipeline is written.")] = MODEL_DIR,
) -> None:
    """Train tagger, morphology, parser, lemmatizer and NER, then assemble the pipeline.

    Takes about an hour on two cores; training logs are written to WORKDIR/core.log and
    WORKDIR/ner.log. Example: nohup lagebild train core > train.log 2>&1 &
    """
    from lagebild.train.core import train_core

    data_dir = shared_data_dir(data)
    if not data_dir.is_dir():
        raise typer.BadParameter(f"data folder not found: {data_dir}", param_hint="--data")
    workdir.mkdir(parents=True, exist_ok=True)
    model = train_core(data_dir, workdir, output)
    typer.echo(f"pipeline written to {model}")
