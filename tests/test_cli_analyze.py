"""`lagebild analyze`: records out, bad items reported, database rows stored once."""

import json
from pathlib import Path

import duckdb
import jsonschema

from lagebild.record import record_schema
from tests.support import BIDEN_PUTIN, jsonl_records


def db_rows(db: Path, table: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def test_records_validate_against_the_schema_and_land_in_duckdb(run, article_txt, articles_jsonl, tmp_path):
    db = tmp_path / "news.duckdb"
    result = run("analyze", article_txt, articles_jsonl, "--db", db)
    assert result.exit_code == 0, result.stderr
    records = jsonl_records(result.stdout)
    for record in records:
        jsonschema.validate(record, record_schema())
    assert [r["meta"]["source"] for r in records] == [str(article_txt), f"{articles_jsonl}#1", f"{articles_jsonl}#2"]
    biden = records[0]
    assert biden["meta"]["outlet"] == "srf.ch"
    assert biden["text"] == BIDEN_PUTIN
    assert all(biden["text"][start:end].strip() for start, end in biden["sentences"])

    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute(
            "SELECT id, title, published::VARCHAR, source_id, record FROM records ORDER BY title"
        ).fetchall()
        entity_count = con.execute("SELECT count(*) FROM entities").fetchone()[0]
    assert [(row[1], row[2], row[3]) for row in stored] == [
        ("Biden und Putin telefonieren", "2021-12-29", None),
        ("Merkel in Paris", "2019-05-06", "merkel-1"),
        ("Telefonat", "2021-12-29", "biden-2"),
    ]
    assert {row[0]: json.loads(row[4]) for row in stored} == {r["id"]: r for r in records}
    assert entity_count == sum(len(r["entities"]) for r in records)


def test_same_article_from_two_inputs_gets_the_same_id(run, article_txt, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(article_txt.read_text(encoding="utf-8").replace("\n\n", "\n\n\n"), encoding="utf-8")
    first, second = jsonl_records(run("analyze", article_txt, copy).stdout)
    assert first["id"] == second["id"]


def test_running_twice_into_one_database_stores_nothing_twice(run, article_txt, articles_jsonl, tmp_path):
    db = tmp_path / "news.duckdb"
    run("analyze", article_txt, articles_jsonl, "--db", db)
    records_before, entities_before = db_rows(db, "records"), db_rows(db, "entities")
    result = run("analyze", article_txt, articles_jsonl, article_txt, "--db", db)
    assert result.exit_code == 0
    assert len(records_before) == 3
    assert db_rows(db, "records") == records_before
    assert db_rows(db, "entities") == entities_before


def test_bad_items_are_reported_and_the_good_article_is_analysed(run, article_txt, tmp_path):
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "foto.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    english = tmp_path / "english.txt"
    english.write_text("The foreign minister travelled to Kyiv on Monday for talks with the government.")
    errors = tmp_path / "errors.jsonl"

    result = run("analyze", empty, binary, article_txt, english, "--errors", errors)

    assert result.exit_code == 0
    assert [r["meta"]["title"] for r in jsonl_records(result.stdout)] == ["Biden und Putin telefonieren"]
    assert jsonl_records(errors.read_text(encoding="utf-8")) == [
        {"source": str(empty), "item": None, "reason": "empty file"},
        {"source": str(binary), "item": None, "reason": "binary file"},
        {"source": str(english), "item": None, "reason": "language is 'en', not 'de' (--lang any keeps it)"},
    ]
    assert "1 analysed, 3 skipped" in result.stderr
    assert f"{binary}: binary file" in result.stderr


def test_exit_code_is_1_when_every_item_fails(run, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "ohne Text"}\n{"text": \n', encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = run("analyze", bad, tmp_path / "fehlt.txt", "--errors", errors)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert [(e["item"], e["reason"]) for e in jsonl_records(errors.read_text(encoding="utf-8"))] == [
        (1, "missing text field"),
        (2, "malformed JSON: Expecting value"),
        (None, "no such file"),
    ]


def test_stdin_plain_text_is_one_article_dated_by_option(run):
    result = run("analyze", "-", "--published", "2021-12-29", stdin=BIDEN_PUTIN)
    (record,) = jsonl_records(result.stdout)
    assert record["meta"]["source"] == "<stdin>"
    assert record["meta"]["published"] == "2021-12-29"
    assert record["text"] == BIDEN_PUTIN


def test_stdin_json_lines_are_recognised_by_their_first_brace(run):
    lines = json.dumps({"text": BIDEN_PUTIN, "published": "2021-12-28"}) + "\n" + json.dumps({"text": "Neuwahlen."})
    records = jsonl_records(run("analyze", "-", stdin="\n" + lines).stdout)
    assert [r["meta"]["source"] for r in records] == ["<stdin>#2", "<stdin>#3"]
    assert [(r["meta"]["published"], r["meta"]["published_source"]) for r in records] == [
        ("2021-12-28", "input"),
        (None, None),
    ]


def test_published_option_overrides_every_date_in_the_input(run):
    lines = json.dumps({"text": BIDEN_PUTIN, "published": "2021-12-28"}) + "\n" + json.dumps({"text": "Neuwahlen."})
    records = jsonl_records(run("analyze", "-", "--published", "2022-01-01", stdin=lines).stdout)
    assert [(r["meta"]["published"], r["meta"]["published_source"]) for r in records] == [("2022-01-01", "user")] * 2


def test_strict_fails_the_run_when_any_item_was_skipped(run, article_txt, tmp_path):
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    assert run("analyze", article_txt, empty).exit_code == 0
    assert run("analyze", article_txt, empty, "--strict").exit_code == 1


def test_an_agency_copy_from_another_outlet_is_marked_as_near_duplicate(run, tmp_path):
    story = BIDEN_PUTIN + "\n\n" + BIDEN_PUTIN.replace("Biden", "der Präsident")
    first = tmp_path / "srf.jsonl"
    first.write_text(json.dumps({"text": story, "url": "https://www.srf.ch/a"}) + "\n", encoding="utf-8")
    copy = tmp_path / "nzz.jsonl"
    copy.write_text(json.dumps({"text": story + " (sda)", "url": "https://www.nzz.ch/b"}) + "\n", encoding="utf-8")
    db = tmp_path / "news.duckdb"
    run("analyze", first, "--db", db)
    result = run("analyze", copy, "--db", db)
    (record,) = jsonl_records(result.stdout)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT outlet, duplicate_of FROM records ORDER BY outlet").fetchall()
        srf_id = con.execute("SELECT id FROM records WHERE outlet = 'srf.ch'").fetchone()[0]
    assert rows == [("nzz.ch", srf_id), ("srf.ch", None)]
    assert record["meta"]["duplicate_of"] == srf_id
    assert "1 near-duplicates of earlier articles" in result.stderr


def test_json_format_prints_one_array(run, articles_jsonl):
    result = run("analyze", articles_jsonl, "--format", "json")
    records = json.loads(result.stdout)
    assert [r["meta"]["title"] for r in records] == ["Merkel in Paris", "Telefonat"]


def test_table_format_has_a_row_per_article(run, articles_jsonl):
    result = run("analyze", articles_jsonl, "--format", "table")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["published", "sents", "PER", "ORG", "LOC", "OTH", "events", "title"]
    rows = [line for line in lines if line[:4].isdigit()]
    assert [row.split()[0] for row in rows] == ["2019-05-06", "2021-12-29"]
    assert rows[0].endswith("Merkel in Paris")
    assert "CONSULT/phone Joe Biden → Wladimir Putin 2021-12-30 planned" in [line.strip() for line in lines]


def test_invalid_published_option_is_a_usage_error(run, article_txt):
    result = run("analyze", article_txt, "--published", "29.12.2021")
    assert result.exit_code == 2
