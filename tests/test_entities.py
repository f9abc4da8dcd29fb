"""What the shipped entity recogniser finds in real news sentences."""

import pytest

import lagebild
from tests.support import BIDEN_PUTIN


def entities(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in lagebild.load()(text).ents]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Der Bundesrat hat am Mittwoch in Bern beschlossen, die Sanktionen der Europäischen Union "
            "gegen Russland zu übernehmen.",
            [("Bundesrat", "ORG"), ("Bern", "LOC"), ("Europäischen Union", "ORG"), ("Russland", "LOC")],
        ),
        (
            "«Wir werden nicht nachgeben», sagte Aussenminister Ignazio Cassis vor den Medien in Genf.",
            [("Ignazio Cassis", "PER"), ("Genf", "LOC")],
        ),
        (
            "Bundeskanzlerin Angela Merkel traf sich in Paris mit dem französischen Präsidenten Emmanuel Macron.",
            [("Angela Merkel", "PER"), ("Paris", "LOC"), ("Emmanuel Macron", "PER")],
        ),
        (
            "Die Vereinten Nationen warnten vor einer Hungersnot in Äthiopien.",
            [("Vereinten Nationen", "ORG"), ("Äthiopien", "LOC")],
        ),
    ],
)
def test_persons_organisations_and_places_in_news_sentences(sentence, expected):
    assert entities(sentence) == expected


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
