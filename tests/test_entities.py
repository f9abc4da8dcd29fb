"""What the trained entity recogniser finds. Skipped while the shipped pipeline has no NER."""

import pytest

import lagebild
from tests.support import BIDEN_PUTIN

pytestmark = pytest.mark.skipif(
    "ner" not in lagebild.load().pipe_names, reason="the shipped pipeline has no entity recogniser yet"
)


def test_biden_and_putin_are_persons_in_the_record():
    record = lagebild.analyze(BIDEN_PUTIN, published="2021-12-29")
    persons = {(e.text, e.label) for e in record.entities if e.label == "PER"}
    assert {("Joe Biden", "PER"), ("Wladimir Putin", "PER")} <= persons
    assert all(record.text[e.start : e.end] == e.text for e in record.entities)


def test_sentences_are_split_by_the_parser():
    record = lagebild.analyze(BIDEN_PUTIN)
    assert [record.text[start:end] for start, end in record.sentences][:2] == [
        "US-Präsident Joe Biden wird morgen Donnerstag mit dem russischen Staatschef Wladimir Putin telefonieren.",
        "Das teilte das Weiße Haus in Washington mit.",
    ]


def test_demo_summary_lists_persons_among_the_most_frequent_names(run, tmp_path):
    result = run("demo", "--db", tmp_path / "demo.duckdb")
    assert "  PER " in result.stdout
