"""The DuckDB store: upserts by id, all or nothing."""

from dataclasses import replace

import duckdb
import pytest

import lagebild
from lagebild.store import RecordStore
from tests.support import MERKEL_PARIS, entity


def test_a_failing_batch_leaves_earlier_rows_untouched(tmp_path):
    db = tmp_path / "news.duckdb"
    record = lagebild.analyze(MERKEL_PARIS, published="2019-05-06")
    record = replace(record, entities=[entity(MERKEL_PARIS, "Angela Merkel", "PER")])
    with RecordStore(db) as store:
        store.upsert([record])
        changed = replace(record, entities=[])
        broken = replace(record, id="other", meta=replace(record.meta, published="2019-13-45"))
        with pytest.raises(duckdb.Error):
            store.upsert([changed, broken])
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT id FROM records").fetchall() == [(record.id,)]
        assert con.execute("SELECT text, label, start FROM entities").fetchall() == [("Angela Merkel", "PER", 16)]


def test_summary_counts_labels_and_names(tmp_path):
    record = lagebild.analyze(MERKEL_PARIS)
    entities = [
        entity(MERKEL_PARIS, "Angela Merkel", "PER"),
        entity(MERKEL_PARIS, "Paris", "LOC"),
        entity(MERKEL_PARIS, "Emmanuel Macron", "PER"),
    ]
    other = lagebild.analyze("Angela Merkel sprach im Bundestag.")
    with RecordStore(tmp_path / "news.duckdb") as store:
        store.upsert([replace(record, entities=entities)])
        store.upsert([replace(other, entities=[entity(other.text, "Angela Merkel", "PER")])])
        summary = store.summary(top=2)
    assert summary.articles == 2
    assert summary.entities_by_label == {"PER": 3, "LOC": 1}
    assert [(n.name, n.label, n.mentions, n.articles) for n in summary.top_names] == [
        ("Angela Merkel", "PER", 2, 2),
        ("Emmanuel Macron", "PER", 1, 1),
    ]


def test_near_duplicates_are_stored_but_not_counted(tmp_path):
    record = lagebild.analyze(MERKEL_PARIS)
    record = replace(record, entities=[entity(MERKEL_PARIS, "Angela Merkel", "PER")])
    copy = replace(record, id="copy", meta=replace(record.meta, url="https://example.de/x", duplicate_of=record.id))
    with RecordStore(tmp_path / "news.duckdb") as store:
        store.upsert([record, copy])
        summary = store.summary()
        originals = list(store.originals())
    assert (summary.articles, summary.duplicates) == (1, 1)
    assert summary.entities_by_label == {"PER": 1}
    assert originals == [(record.id, record.text)]


def test_a_database_from_before_duplicates_gains_the_column(tmp_path):
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(
            "CREATE TABLE records (id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, outlet VARCHAR, "
            "published DATE, language VARCHAR, source VARCHAR, source_id VARCHAR, text VARCHAR, record JSON)"
        )
    with RecordStore(db) as store:
        store.upsert([lagebild.analyze(MERKEL_PARIS)])
        assert store.summary().articles == 1
