"""`lagebild eval events`: the matching rule, the scores, the gold reader and its parity
with shared/tools/score_gold.py (where the shared data is present)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from lagebild.evaluate.events import (
    DEV_GOLD,
    EXTRA_GOLD,
    TUNE_GOLD,
    GoldArticle,
    actor_fits,
    evaluate,
    matches,
    read_gold,
)
from lagebild.record import ActorRef, Event
from lagebild.shared_data import NEWS_SAMPLE, shared_data_dir

DATA = shared_data_dir()
SCORE_GOLD = DATA.parent / "tools" / "score_gold.py"

BIDEN = ActorRef(text="Joe Biden", name="Joe Biden", actor="per:joe-biden", country="USA")
PUTIN = ActorRef(text="Putin", name="Wladimir Putin", actor="per:wladimir-putin", country="RUS")
PROTESTERS = ActorRef(text="Die Demonstranten")


def event(kind: str, source: ActorRef, target: ActorRef | None, date: str | None = None) -> Event:
    return Event(
        type=kind, mode=None, source=source, target=target, date=date, location=None, status="occurred",
        negated=False, confidence=0.9, sentence=0, trigger="x", evidence="x", mentions=[0],
    )  # fmt: skip


CALL = {"id": "call", "type": "CONSULT", "a": ["USA"], "b": ["RUS"], "directed": False, "evidence": "x"}


def test_a_match_needs_one_of_the_types_and_fitting_actors():
    assert matches(event("CONSULT", BIDEN, PUTIN), CALL)
    assert matches(event("CONSULT", BIDEN, PUTIN), {**CALL, "type": ["AGREE", "CONSULT"]})
    assert not matches(event("ACCUSE", BIDEN, PUTIN), CALL)
    assert not matches(event("CONSULT", BIDEN, BIDEN), CALL)


def test_undirected_gold_accepts_either_order_directed_gold_only_its_own():
    assert matches(event("CONSULT", PUTIN, BIDEN), CALL)
    assert not matches(event("CONSULT", PUTIN, BIDEN), {**CALL, "directed": True})


def test_the_date_must_start_with_the_gold_date_when_there_is_one():
    dated = {**CALL, "date": "2021-12"}
    assert matches(event("CONSULT", BIDEN, PUTIN, "2021-12-30"), dated)
    assert not matches(event("CONSULT", BIDEN, PUTIN, "2022-01-05"), dated)
    assert not matches(event("CONSULT", BIDEN, PUTIN), dated)


def test_actor_codes_match_country_id_name_or_text_ending_and_null_means_none():
    assert actor_fits(PUTIN, ["RUS"])
    assert actor_fits(PUTIN, ["wladimir-putin"])
    assert actor_fits(PROTESTERS, ["Demonstranten"])
    assert actor_fits(None, ["DEU", None])
    assert not actor_fits(None, ["DEU"])
    assert not actor_fits(PROTESTERS, ["DEU", None])


def test_recall_counts_core_gold_once_and_precision_counts_any_gold():
    gold = GoldArticle(
        "a1", "2021-12-29", "text",
        (CALL, {**CALL, "id": "call-again"}, {**CALL, "id": "debatable", "type": "ACCUSE", "core": False}),
    )  # fmt: skip
    predicted = [event("CONSULT", BIDEN, PUTIN), event("ACCUSE", BIDEN, PUTIN), event("PROTEST", PROTESTERS, None)]
    scores = evaluate([gold], lambda items: [predicted for _ in items])
    assert (sum(scores.core.values()), sum(scores.found.values())) == (2, 1)
    assert (sum(scores.predicted.values()), sum(scores.correct.values())) == (3, 2)
    assert (scores.recall, round(scores.precision, 3)) == (0.5, 0.667)
    assert len(scores.misses) == 1 and scores.misses[0].startswith("a1: CONSULT")
    assert len(scores.spurious) == 1 and "PROTEST Die Demonstranten" in scores.spurious[0]
    table = list(scores.lines())
    assert table[1].split()[:4] == ["all", "2", "1", "0.500"]


def test_the_reader_takes_texts_from_the_sample_and_never_held_out_lines(tmp_path):
    data = tmp_path / "data"
    (data / NEWS_SAMPLE).parent.mkdir(parents=True)
    rows = [{"id": f"doc-{n}", "text": f"Text {n}.", "published": "2021-12-29"} for n in range(4)]
    (data / NEWS_SAMPLE).write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.json"
    article = {"published": "2021-12-29", "times": [], "quotes": [], "events": [CALL]}
    gold.write_text(json.dumps({"articles": [{**article, "id": "doc-1"}]}), encoding="utf-8")
    assert [(a.id, a.text, len(a.events)) for a in read_gold(gold, data)] == [("doc-1", "Text 1.", 1)]
    gold.write_text(json.dumps({"articles": [{**article, "id": "doc-0"}]}), encoding="utf-8")
    with pytest.raises(ValueError, match="held-out"):
        read_gold(gold, data)


def _has(*paths: Path) -> bool:
    return all(path.exists() for path in paths)


@pytest.mark.skipif(not _has(DATA / NEWS_SAMPLE), reason="news sample not present")
def test_the_project_gold_reads_completely_from_allowed_lines():
    articles = read_gold(EXTRA_GOLD, DATA)
    assert len(articles) == 48
    assert sum(1 for article in articles for gold in article.events if gold.get("core", True)) == 103
    lines = [json.loads(path.read_text())["articles"] for path in EXTRA_GOLD.glob("*.json")]
    assert {article["line"] % 24 for part in lines for article in part} == {19, 20, 22, 23}
    tune = read_gold(TUNE_GOLD, DATA)
    assert (len(tune), sum(1 for article in tune for gold in article.events if gold.get("core", True))) == (25, 61)
    lines = [json.loads(path.read_text())["articles"] for path in TUNE_GOLD.glob("*.json")]
    assert {article["line"] % 24 for part in lines for article in part} == {11, 14}


@pytest.mark.skipif(not _has(DATA / DEV_GOLD, DATA / NEWS_SAMPLE, SCORE_GOLD), reason="dev gold not present")
def test_dev_scores_equal_score_gold_py(tmp_path):
    def first_gold_guess(items: list[tuple[str, str]]) -> list[list[Event]]:
        """A system that is right sometimes: per article, the first gold event's first codes."""
        guesses = []
        for article in articles:
            first = article.events[0] if article.events else None
            if first is None or first["a"][0] is None:
                guesses.append([])
                continue
            kind = first["type"][0] if isinstance(first["type"], list) else first["type"]
            target = ActorRef(text=first["b"][0]) if first["b"][0] else None
            guesses.append([event(kind, ActorRef(text=first["a"][0]), target, first.get("date"))])
        return guesses

    articles = read_gold(DATA / DEV_GOLD, DATA)
    scores = evaluate(articles, first_gold_guess)
    records = tmp_path / "records.jsonl"
    with open(records, "w", encoding="utf-8") as out:
        for article, guesses in zip(articles, first_gold_guess([]), strict=True):
            out.write(json.dumps({"id": article.id, "events": [asdict(e) for e in guesses]}) + "\n")
    printed = subprocess.run(
        [sys.executable, SCORE_GOLD, records, DATA / DEV_GOLD], capture_output=True, text=True
    ).stdout
    recall = float(re.search(r"events_recall\s+([\d.]+)", printed).group(1))
    precision = float(re.search(r"events_precision\s+([\d.]+)", printed).group(1))
    assert 0 < scores.recall < 1
    assert (f"{scores.recall:.2f}", f"{scores.precision:.2f}") == (f"{recall:.2f}", f"{precision:.2f}")


@pytest.mark.skipif(not _has(DATA / NEWS_SAMPLE), reason="news sample not present")
def test_the_command_prints_the_table_and_the_errors(run):
    result = run("eval", "events", "--sets", "extra", "--errors", "2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("== extra:") and "48 articles" in lines[0]
    assert lines[1].split() == ["type", "core", "found", "recall", "predicted", "correct", "precision"]
    overall = lines[2].split()
    assert overall[:2] == ["all", "103"] and 0 < float(overall[3]) < 1
    assert "first 2 missed core events:" in lines and "first 2 spurious events:" in lines


def test_min_confidence_leaves_out_less_certain_events():
    gold = GoldArticle("a1", "2021-12-29", "text", (CALL,))
    unsure = [replace(event("CONSULT", BIDEN, PUTIN), confidence=0.4), event("ACCUSE", BIDEN, PUTIN)]
    everything = evaluate([gold], lambda items: [unsure for _ in items])
    firm_only = evaluate([gold], lambda items: [unsure for _ in items], min_confidence=0.5)
    assert (everything.recall, sum(everything.predicted.values())) == (1.0, 2)
    assert (firm_only.recall, sum(firm_only.predicted.values())) == (0.0, 1)
