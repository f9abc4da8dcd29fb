"""`lagebild eval`: accuracy of the shipped pipeline on held-out gold data."""

from __future__ import annotations

from collections.abc import Callable, Collection
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lagebild.shared_data import NEWS_SAMPLE, shared_data_dir

if TYPE_CHECKING:
    from lagebild.evaluate.times import Miss, System, TimeScores
    from lagebild.evaluate.timex_sets import Genre

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


class Anchoring(StrEnum):
    publication = "publication"
    narrative = "narrative"
    both = "both"


@app.command("time")
def times(
    data: DataOption = None,
    model: ModelOption = None,
    sets: Annotated[
        str, typer.Option(help="Gold sets, comma-separated: dev, wikiwars, wikiwars-dev, wikiwars-test, recognizers.")
    ] = "dev,wikiwars,recognizers",
    systems: Annotated[str, typer.Option(help="Systems, comma-separated: lagebild, heideltime.")] = (
        "lagebild,heideltime"
    ),
    anchoring: Annotated[
        Anchoring, typer.Option(help="What lagebild resolves relative dates against; both: a row for each.")
    ] = Anchoring.both,
    errors: Annotated[int, typer.Option(help="Also print lagebild's first N value errors per set.")] = 0,
) -> None:
    """Time expressions: extent, type and value on German gold, lagebild beside HeidelTime."""
    from lagebild.evaluate.heideltime import HeidelTimeUnavailable
    from lagebild.evaluate.times import evaluate
    from lagebild.evaluate.timex_sets import TIMEX_SETS

    data_dir = _data_dir(data)
    chosen_sets = _choices(sets, TIMEX_SETS, "--sets")
    chosen_systems = _choices(systems, ("lagebild", "heideltime"), "--systems")
    anchorings = ["publication", "narrative"] if anchoring is Anchoring.both else [anchoring.value]
    unavailable: dict[str, str] = {}
    for name in chosen_sets:
        timex_set = TIMEX_SETS[name]
        if not (data_dir / timex_set.path).exists():
            typer.echo(f"== {name}: skipped, {data_dir / timex_set.path} not found")
            continue
        docs = timex_set.read(data_dir)
        typer.echo(f"== {name}: {timex_set.title}; {len(docs)} texts, {sum(len(d.gold) for d in docs)} gold")
        typer.echo(_TIME_HEADER)
        for label, make_system in _time_systems(timex_set.genre, chosen_systems, anchorings, model):
            system_name = label.split()[0]
            if system_name in unavailable:
                typer.echo(f"{label:<25} not run: {unavailable[system_name]}")
                continue
            try:
                scores = evaluate(docs, make_system(), label)
            except (ImportError, FileNotFoundError, HeidelTimeUnavailable) as problem:
                unavailable[system_name] = f"{type(problem).__name__}: {problem}"
                typer.echo(f"{label:<25} not run: {unavailable[system_name]}")
                continue
            typer.echo(_time_row(label, scores))
            if errors and system_name == "lagebild":
                _print_misses(scores.misses[:errors])


def _time_systems(
    genre: Genre, names: list[str], anchorings: list[str], model: Path | None
) -> list[tuple[str, Callable[[], System]]]:
    """Row labels with system factories: a system that cannot start fails in its own row."""
    from lagebild.evaluate.heideltime import HeidelTime
    from lagebild.evaluate.times import lagebild_system

    rows: list[tuple[str, Callable[[], System]]] = []
    if "lagebild" in names:
        rows += [(f"lagebild ({anchoring})", partial(lagebild_system, anchoring, model)) for anchoring in anchorings]
    if "heideltime" in names:
        rows.append((f"heideltime ({genre})", partial(HeidelTime, genre)))
    return rows


_TIME_HEADER = (
    f"{'system':<25} {'strict F1':>9} {'relaxed P':>9} {'R':>6} {'F1':>6} {'type acc':>8} "
    f"{'value acc':>9} {'value F1':>8} {'times_value_acc':>15} {'predicted':>9} {'seconds':>8}"
)


def _time_row(label: str, scores: TimeScores) -> str:
    relaxed = scores.relaxed
    return (
        f"{label:<25} {scores.strict.f1:>9.3f} {relaxed.precision:>9.3f} {relaxed.recall:>6.3f} {relaxed.f1:>6.3f} "
        f"{scores.type_accuracy:>8.3f} {scores.value_accuracy:>9.3f} {scores.value.f1:>8.3f} "
        f"{scores.score_gold_accuracy:>15.3f} {scores.predicted:>9} {scores.seconds:>8.1f}"
    )


def _print_misses(misses: list[Miss]) -> None:
    for miss in misses:
        found = f"{miss.predicted.text!r} {miss.predicted.value}" if miss.predicted else "nothing"
        typer.echo(f"    {miss.doc_id}: {miss.gold.text!r} gold {miss.gold.value}, predicted {found}")


def _choices(given: str, known: Collection[str], option: str) -> list[str]:
    chosen = [name.strip() for name in given.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in known]
    if unknown:
        raise typer.BadParameter(f"unknown: {', '.join(unknown)} (choose from {', '.join(known)})", param_hint=option)
    return chosen


class QuoteSystem(StrEnum):
    lagebild = "lagebild"
    quotation_marks = "quotation-marks"


@app.command("quotes")
def quotes(
    data: DataOption = None,
    model: ModelOption = None,
    sets: Annotated[str, typer.Option(help="Gold sets, comma-separated: gnq, spkatt, dev.")] = "gnq,spkatt,dev",
    system: Annotated[
        QuoteSystem, typer.Option(help="quotation-marks: the baseline, text in quotation marks without speaker.")
    ] = QuoteSystem.lagebild,
    errors: Annotated[int, typer.Option(help="Also print the first N misses, wrong speakers and spurious quotes.")] = 0,
    limit: Annotated[int | None, typer.Option(help="Only the first N texts of each set.")] = None,
) -> None:
    """Quotations and speakers: German news quotations, SpkAtt-2023 Task 1 and the dev gold (issue #6)."""
    from lagebild.evaluate.quote_sets import QUOTE_SETS
    from lagebild.evaluate.quotes import evaluate, lagebild_quote_system, quotation_mark_system

    data_dir = _data_dir(data)
    chosen_sets = _choices(sets, QUOTE_SETS, "--sets")
    if system is QuoteSystem.quotation_marks:
        find_quotes = quotation_mark_system
    else:
        from lagebild.nlp.pipeline import load

        try:
            find_quotes = lagebild_quote_system(load(model))
        except (ImportError, FileNotFoundError) as problem:
            typer.echo(f"lagebild's quote finder cannot run: {type(problem).__name__}: {problem}", err=True)
            raise typer.Exit(1) from problem
    for name in chosen_sets:
        quote_set = QUOTE_SETS[name]
        if not (data_dir / quote_set.path).exists():
            typer.echo(f"== {name}: skipped, {data_dir / quote_set.path} not found")
            continue
        docs = quote_set.read(data_dir)[:limit]
        gold = sum(len(doc.gold) for doc in docs)
        typer.echo(f"== {name}: {quote_set.title}; {system.value}, {len(docs)} texts, {gold} gold quotes")
        scores = evaluate(name, docs, find_quotes)
        for line in scores.lines():
            typer.echo(line)
        if errors:
            typer.echo(f"first {errors} errors of each kind:")
            for line in scores.error_lines(errors):
                typer.echo(line)


@app.command("actors")
def actors(
    gold: Annotated[Path, typer.Option(help="Linking test set (JSON Lines, one mention per line).")] = Path(
        "tests/data/actors/linking.jsonl"
    ),
    data: DataOption = None,
    model: ModelOption = None,
    errors: Annotated[int, typer.Option(help="Also print the first N errors (gold and predicted).")] = 0,
) -> None:
    """Actor linking: accuracy of country/organisation codes, canonical names and roles."""
    from lagebild.evaluate.actors import evaluate_actors, format_errors, format_report
    from lagebild.nlp.pipeline import load

    if not gold.is_file():
        raise typer.BadParameter(f"gold file not found: {gold}", param_hint="--gold")
    scores = evaluate_actors(load(model), gold, _data_dir(data) / NEWS_SAMPLE)
    typer.echo(format_report(scores))
    if errors:
        typer.echo(format_errors(scores, errors))


class EventSystemName(StrEnum):
    lagebild = "lagebild"
    cooccurrence = "cooccurrence"


@app.command("events")
def events(
    data: DataOption = None,
    model: ModelOption = None,
    sets: Annotated[str, typer.Option(help="Gold sets, comma-separated: dev, tune, extra.")] = "dev,tune,extra",
    system: Annotated[
        EventSystemName,
        typer.Option(help="cooccurrence: the baseline, triggers with the first actors of their sentence."),
    ] = EventSystemName.lagebild,
    errors: Annotated[int, typer.Option(help="Also print the first N missed and N spurious events.")] = 0,
    min_confidence: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Count only events with at least this confidence.")
    ] = 0.0,
) -> None:
    """PLOVER events: core-event recall and precision per type, on the dev gold and the project's sets (#7)."""
    from lagebild.evaluate.events import (
        DEV_GOLD,
        EXTRA_GOLD,
        TUNE_GOLD,
        cooccurrence_system,
        evaluate,
        has_gold,
        lagebild_event_system,
        read_gold,
    )
    from lagebild.nlp.pipeline import load

    data_dir = _data_dir(data)
    paths = {"dev": data_dir / DEV_GOLD, "tune": TUNE_GOLD, "extra": EXTRA_GOLD}
    make_system = cooccurrence_system if system is EventSystemName.cooccurrence else lagebild_event_system
    find_events = make_system(load(model))
    for name in _choices(sets, paths, "--sets"):
        if not has_gold(paths[name]) or not (data_dir / NEWS_SAMPLE).exists():
            typer.echo(f"== {name}: skipped, {paths[name]} or the news sample not found")
            continue
        articles = read_gold(paths[name], data_dir)
        typer.echo(f"== {name}: {paths[name]}; {system.value}, {len(articles)} articles")
        scores = evaluate(articles, find_events, min_confidence)
        for line in scores.lines():
            typer.echo(line)
        if errors:
            typer.echo(f"first {errors} missed core events:")
            for line in scores.misses[:errors]:
                typer.echo(f"  {line}")
            typer.echo(f"first {errors} spurious events:")
            for line in scores.spurious[:errors]:
                typer.echo(f"  {line}")
