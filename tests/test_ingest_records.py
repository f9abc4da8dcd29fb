"""Dumps of records: JSON Lines and CSV through one field mapping, item by item."""

import json
from pathlib import Path

import pytest

from lagebild import settings
from lagebild.ingest import Article, FieldMapping, ItemError, read_inputs

INPUTS = Path(__file__).parent / "data" / "inputs"
EXCEL_MAPPING = FieldMapping(text="Inhalt", title="Schlagzeile", date="Datum", url="Adresse", id="Kennung")


def write_jsonl(path: Path, *rows: object) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def test_jsonl_items_are_numbered_by_line_and_keep_their_id(articles_jsonl: Path):
    first, second = read_inputs([str(articles_jsonl)])
    assert (first.source, first.source_id, first.title) == (f"{articles_jsonl}#1", "merkel-1", "Merkel in Paris")
    assert second.source == f"{articles_jsonl}#2"


def test_bad_jsonl_lines_become_errors_and_reading_goes_on(tmp_path: Path):
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"text": "Die Regierung ist zurückgetreten."}),
        '{"text": "kaputt"',
        json.dumps({"title": "ohne Text"}),
        "",
        json.dumps({"text": "Neuwahlen im Herbst.", "published": "morgen"}),
        json.dumps(["keine", "Zeitung"]),
        json.dumps({"text": ["Absatz eins", "Absatz zwei"]}),
        json.dumps({"text": "  "}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article)
    errors = [(item.item, item.reason) for item in items if isinstance(item, ItemError)]
    assert errors == [
        (2, "malformed JSON: Expecting ',' delimiter"),
        (3, "missing text field"),
        (5, "published is not a date: 'morgen'"),
        (6, "not a JSON object"),
        (7, "text field is not a string"),
        (8, "text is empty"),
    ]


def test_usual_field_names_are_found_without_a_mapping(tmp_path: Path):
    path = write_jsonl(
        tmp_path / "export.ndjson",
        {
            "guid": "nzz-77",
            "headline": "Ständerat lehnt Initiative ab",
            "datePublished": "2023-09-12T16:20:00+02:00",
            "link": "https://nachrichten.example/schweiz/initiative",
            "body": "Der Ständerat hat die Initiative am Dienstag abgelehnt.",
        },
    )
    assert list(read_inputs([str(path)])) == [
        Article(
            text="Der Ständerat hat die Initiative am Dienstag abgelehnt.",
            title="Ständerat lehnt Initiative ab",
            url="https://nachrichten.example/schweiz/initiative",
            published="2023-09-12T16:20:00+02:00",
            source=f"{path}#1",
            source_id="nzz-77",
        )
    ]


def test_nested_fields_are_reached_by_dotted_paths():
    path = INPUTS / "verschachtelt.jsonl"
    mapping = FieldMapping(text="inhalt.text", title="meta.headline", date="meta.datum", url="meta.link", id="kennung")
    first, second, third = read_inputs([str(path)], mapping)
    assert (first.title, first.published, first.url, first.source_id) == (
        "Russland greift die Ukraine an",
        "2022-02-24T05:30:00+01:00",
        "https://nachrichten.example/ausland/angriff-ukraine",
        "taz-2022-0224-1",
    )
    assert first.text.startswith("Russische Truppen haben in der Nacht zum Donnerstag")
    assert third == ItemError(str(path), 3, "missing text field 'inhalt.text'")


def test_a_text_field_holding_html_becomes_a_page():
    mapping = FieldMapping(text="inhalt.text", title="meta.headline", date="meta.datum", url="meta.link")
    second = list(read_inputs([str(INPUTS / "verschachtelt.jsonl")], mapping))[1]
    assert second.text is None
    assert (
        second.html
        == "<p>Der Dax fiel zum Handelsbeginn um mehr als vier Prozent.</p><p>Auch der Ölpreis stieg deutlich.</p>"
    )
    assert (second.published, second.url) == ("2022-02-24", None)


def test_a_field_the_user_names_must_be_there(tmp_path: Path):
    path = write_jsonl(tmp_path / "dump.jsonl", {"text": "Der Kantonsrat tagt.", "titel": "Kantonsrat"})
    mapping = FieldMapping(title="ueberschrift")
    assert list(read_inputs([str(path)], mapping)) == [ItemError(str(path), 1, "missing title field 'ueberschrift'")]


def test_a_mapping_from_options_keeps_the_defaults_for_parts_not_given():
    assert FieldMapping.given(text="Inhalt", title=None, date=None, url="", id="Kennung") == FieldMapping(
        text="Inhalt", id="Kennung"
    )


def test_dates_in_a_dump_may_be_epoch_seconds_or_rfc_2822():
    items = list(read_inputs([str(INPUTS / "dump.jsonl.gz")]))
    assert [item.published for item in items] == [
        "2024-06-05",
        "2024-07-02T06:00:00+00:00",
        "2024-07-02T08:15:00+02:00",
    ]


def test_a_jsonl_line_over_the_size_limit_is_skipped_and_reading_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(settings, "MAX_ITEM_BYTES", 1_000)
    path = write_jsonl(
        tmp_path / "dump.jsonl",
        {"text": "Kurz."},
        {"text": "Sehr lang. " * 300},
        {"text": "Wieder kurz."},
    )
    items = list(read_inputs([str(path)]))
    assert [item.text for item in items if isinstance(item, Article)] == ["Kurz.", "Wieder kurz."]
    assert items[1] == ItemError(str(path), 2, "too large (3.3 kB > 1 kB)")


def test_a_windows_1252_line_in_a_utf8_dump_is_decoded(tmp_path: Path):
    path = tmp_path / "gemischt.jsonl"
    path.write_bytes(
        '{"text": "Grüße aus Köln."}\n'.encode() + '{"text": "„Wir müssen reden“, sagte er."}\n'.encode("cp1252")
    )
    assert [item.text for item in read_inputs([str(path)])] == ["Grüße aus Köln.", "„Wir müssen reden“, sagte er."]


def test_excel_csv_with_semicolons_and_german_headers():
    path = INPUTS / "meldungen-excel.csv"
    items = list(read_inputs([str(path)], EXCEL_MAPPING))
    first, last = items[0], items[-1]
    assert first.title == "Scholz reist nach Peking"
    assert first.published == "2021-12-29"
    assert (first.url, first.source_id, first.source) == (
        "https://nachrichten.example/ausland/scholz-peking",
        "dpa-0815",
        f"{path}#1",
    )
    assert "Xi Jinping; es ist die erste Reise" in first.text
    assert first.text.endswith("„Wir wollen im Gespräch bleiben“, sagte Regierungssprecher Steffen Hebestreit.")
    assert (last.title, last.published, last.source) == (
        "Glätte auf Bayerns Straßen",
        "2021-12-30T14:05:00",
        f"{path}#5",
    )


def test_bad_csv_rows_become_errors_numbered_by_data_row():
    path = INPUTS / "meldungen-excel.csv"
    errors = [item for item in read_inputs([str(path)], EXCEL_MAPPING) if isinstance(item, ItemError)]
    assert [(error.item, error.reason) for error in errors] == [
        (2, "published is not a date: 'Ende Dezember'"),
        (3, "text is empty"),
        (4, "row has 6 fields, the header 5"),
    ]


def test_a_csv_without_the_named_column_is_one_error():
    path = INPUTS / "meldungen-excel.csv"
    assert list(read_inputs([str(path)], FieldMapping(text="Text"))) == [
        ItemError(str(path), None, "no column 'Text' (columns: Kennung, Schlagzeile, Datum, Adresse, Inhalt)")
    ]


def test_a_csv_without_any_text_column_is_one_error(tmp_path: Path):
    path = tmp_path / "liste.csv"
    path.write_text("name,ort\nMüller,Bern\n", encoding="utf-8")
    assert [item.reason for item in read_inputs([str(path)])] == [
        "no text column (text, body, content, article, fulltext; columns: name, ort)"
    ]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("meldungen.csv", 'id,title,text\n1,"Wahl in Bern","Die Wahl, sagte er, ist vorbei."\n'),
        ("meldungen.tsv", "id\ttitle\ttext\n1\tWahl in Bern\tDie Wahl, sagte er, ist vorbei.\n"),
    ],
)
def test_csv_delimiter_is_sniffed_from_the_header(tmp_path: Path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert (article.title, article.text, article.source_id) == ("Wahl in Bern", "Die Wahl, sagte er, ist vorbei.", "1")
