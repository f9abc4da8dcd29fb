"""The Python API: `lagebild.analyze`, `analyze_many`, `load`."""

from datetime import date

import jsonschema
import pytest

import lagebild
from tests.support import BIDEN_PUTIN, MERKEL_PARIS


def test_analyze_returns_a_record_with_cleaned_text_and_meta():
    record = lagebild.analyze(
        "Bundeskanzlerin  Angela Merkel ist am Montag nach Paris gereist.\r\n",
        published=date(2019, 5, 6),
        title="Merkel in Paris",
        url="https://www.tagesschau.de/ausland/merkel-paris.html",
    )
    assert record.text == "Bundeskanzlerin Angela Merkel ist am Montag nach Paris gereist."
    assert record.meta.published == "2019-05-06"
    assert record.meta.outlet == "tagesschau.de"
    assert record.meta.language == "de"
    assert record.sentences == [(0, len(record.text))]
    jsonschema.validate(record.to_dict(), lagebild.record_schema())


def test_analyze_rejects_a_date_it_cannot_read():
    with pytest.raises(ValueError, match="not an ISO 8601 date"):
        lagebild.analyze(MERKEL_PARIS, published="6. Mai 2019")


def test_analyze_many_keeps_input_order_and_accepts_plain_strings():
    articles = [MERKEL_PARIS, lagebild.Article(text=BIDEN_PUTIN, title="Telefonat", published="2021-12-29")]
    records = list(lagebild.analyze_many(articles))
    assert [r.text[:15] for r in records] == ["Bundeskanzlerin", "US-Präsident Jo"]
    assert records[1].meta.title == "Telefonat"
    assert records[0].id == lagebild.analyze(MERKEL_PARIS).id


def test_load_returns_the_shared_german_pipeline():
    nlp = lagebild.load()
    assert nlp.lang == "de"
    assert nlp is lagebild.load()
