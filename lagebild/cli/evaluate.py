"""`lagebild eval`: accuracy of the shipped pipeline on held-out gold data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lagebild.shared_data import shared_data_dir

app = typer.Typer(help="Evaluate lagebild on held-out annotated data.", no_args_is_help=True)

DataOption = Annotated[Path | None, typer.Option("--data", help="The shared data folder (default: ../shared/data).")]
ModelOption = Annotated[Path | None, typer.Option("--model", help="Pipeline folder (default: the shipped one).")]


def _data_dir(data: Path | None) -> Path:
    data_dir = shared_data_dir(data)
    if not data_dir.is_dir():
        raise typer.BadParameter(f"data folder not found: {data_dir}", param_hint="--data")
    return data_dir


@app.command("ner")
def ner(data: DataOption = None, model: ModelOption = None) -> None:
    """Entities: GermEval 2014 dev (outer, strict span + label) and UNER German PUD."""
    from lagebild.evaluate.ner import evaluate_ner
    from lagebild.nlp.pipeline import load

    results = evaluate_ner(load(model), _data_dir(data))
    for name, scores in results.items():
        typer.echo(f"== {name}")
        for label, prf in scores["per_label"].items():
            typer.echo(f"  {label:<4} P {prf['p']:.3f}  R {prf['r']:.3f}  F1 {prf['f']:.3f}  (n={prf['support']})")
        typer.echo(f"micro F1 {scores['micro']['f']:.3f}  (P {scores['micro']['p']:.3f}, R {scores['micro']['r']:.3f})")


@app.command("ud")
def ud(data: DataOption = None, model: ModelOption = None) -> None:
    """Tokens, UPOS, morphology, lemmas, UAS/LAS and sentences on UD German GSD test."""
    from lagebild.evaluate.ud import evaluate_ud
    from lagebild.nlp.pipeline import load

    for name, value in evaluate_ud(load(model), _data_dir(data)).items():
        typer.echo(f"{name:<28} {value:.3f}")


@app.command("clean")
def clean(
    folder: Annotated[
        Path,
        typer.Argument(help="Folder of NAME.html pages with the expected body in NAME.txt (metadata in NAME.json)."),
    ] = Path("tests/data/pages"),
    per_page: Annotated[bool, typer.Option(help="Also print each page's F1.")] = False,
) -> None:
    """Body text of HTML pages: character precision, recall and F1, lagebild beside trafilatura."""
    from lagebild.evaluate.clean import SYSTEMS, Overlap, evaluate_pages

    if not folder.is_dir():
        raise typer.BadParameter(f"folder not found: {folder}", param_hint="FOLDER")
    scores = evaluate_pages(folder)
    totals = {name: Overlap() for name in SYSTEMS}
    for score in scores:
        for name, overlap in score.overlaps.items():
            totals[name].add(overlap)
        if per_page:
            figures = "  ".join(f"{name} F1 {overlap.f1:.3f}" for name, overlap in score.overlaps.items())
            missed = [name for name, correct in score.meta_correct.items() if not correct]
            typer.echo(f"{score.name:<40} {figures}" + (f"  meta wrong: {', '.join(missed)}" if missed else ""))
    typer.echo(f"{len(scores)} pages in {folder}; characters of word-aligned text, summed over pages")
    for name, total in totals.items():
        typer.echo(f"  {name:<12} P {total.precision:.3f}  R {total.recall:.3f}  F1 {total.f1:.3f}")
    fields = sorted({name for score in scores for name in score.meta_correct})
    typer.echo("lagebild metadata (pages correct / pages with the field):")
    for name in fields:
        judged = [score.meta_correct[name] for score in scores if name in score.meta_correct]
        typer.echo(f"  {name:<10} {sum(judged)}/{len(judged)}")
