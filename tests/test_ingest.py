"""Reading inputs: headers, JSON Lines, and bad items as values."""

import json
from pathlib import Path

import pytest

from lagebild.ingest import Article, ItemError, iso_published, read_inputs


def test_txt_header_gives_title_date_and_url(article_txt: Path):
    (article,) = read_inputs([str(article_txt)])
    assert article.title == "Biden und Putin telefonieren"
    assert article.published == "2021-12-29"
    assert article.url == "https://www.srf.ch/news/international/biden-putin"
    assert article.text.startswith("US-Präsident Joe Biden")
    assert article.source == str(article_txt)


def test_txt_without_header_is_all_body(tmp_path: Path):
    path = tmp_path / "note.txt"
    path.write_text("Titel: kein Header\nDer Bundestag tagt heute.\n", encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert article.title is None
    assert article.text == "Titel: kein Header\nDer Bundestag tagt heute.\n"


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
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article)
    errors = [(item.item, item.reason) for item in items if isinstance(item, ItemError)]
    assert errors == [
        (2, "malformed JSON: Expecting ',' delimiter"),
        (3, "missing text field"),
        (5, "published is not an ISO 8601 date: 'morgen'"),
        (6, "not a JSON object"),
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Gesprächsrunde in Zürich".encode("latin-1"), "not UTF-8 (invalid byte at offset 5)"),
    ],
)
def test_unreadable_files_are_one_error_each(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert list(read_inputs([str(path)])) == [ItemError(str(path), None, reason)]


def test_missing_paths_and_directories_are_errors(tmp_path: Path):
    missing = str(tmp_path / "fehlt.txt")
    assert [error.reason for error in read_inputs([missing, str(tmp_path)])] == ["no such file", "is a directory"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-29", "2021-12-29"),
        ("20211229", "2021-12-29"),
        ("2021-12-29T08:15:00+01:00", "2021-12-29T08:15:00+01:00"),
    ],
)
def test_published_is_normalised_to_iso(value: str, expected: str):
    assert iso_published(value) == expected


def test_published_rejects_german_dates():
    with pytest.raises(ValueError, match="29.12.2021"):
        iso_published("29.12.2021")
