"""`lagebild schema`: the JSON Schema of the article record."""

import json

import typer

from lagebild.record import record_schema


def schema() -> None:
    """Print the JSON Schema (draft 2020-12) that every article record satisfies."""
    typer.echo(json.dumps(record_schema(), ensure_ascii=False, indent=2))
