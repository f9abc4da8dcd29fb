"""The `lagebild` command line: one module per command."""

import typer

from lagebild.cli.analyze import analyze
from lagebild.cli.bench import app as bench_app
from lagebild.cli.demo import demo
from lagebild.cli.evaluate import app as eval_app
from lagebild.cli.events import events
from lagebild.cli.kb import app as kb_app
from lagebild.cli.schema import schema
from lagebild.cli.train import app as train_app

app = typer.Typer(
    name="lagebild",
    help="Read German news articles and write one structured record per article.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command()(analyze)
app.command()(demo)
app.command()(events)
app.command()(schema)
app.add_typer(bench_app, name="bench")
app.add_typer(train_app, name="train")
app.add_typer(kb_app, name="kb")
app.add_typer(eval_app, name="eval")


def main() -> None:
    """Entry point of the `lagebild` console script."""
    app()
