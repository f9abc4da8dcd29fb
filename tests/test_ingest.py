"""Reading inputs: files, directories, stdin, encodings, gzip, dates, and bad input as values."""

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from lagebild import settings
from lagebild.ingest import Article, ItemError, iso_published, read_inputs
from lagebild.ingest.dates import read_date

INPUTS = Path(__file__).parent / "data" / "inputs"


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


def test_txt_header_with_a_bad_date_is_an_error(tmp_path: Path):
    path = tmp_path / "termin.txt"
    path.write_text("Title: Sitzung\nPublished: nächste Woche\n\nDer Rat tagt.\n", encoding="utf-8")
    assert list(read_inputs([str(path)])) == [ItemError(str(path), None, "published is not a date: 'nächste Woche'")]


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("Gesprächsrunde in Zürich".encode("latin-1"), "Gesprächsrunde in Zürich"),
        ("„Wir müssen reden“, sagte der Außenminister – und ging.".encode("cp1252"), None),
        ("Macron empfing den Gast im Élysée; es gab Crème brûlée à la carte.".encode("cp1252"), None),
        ("\ufeffBOM vor dem Text: Grüße aus Köln".encode(), "BOM vor dem Text: Grüße aus Köln"),
        ("Grüße aus Köln in UTF-16".encode("utf-16"), "Grüße aus Köln in UTF-16"),
    ],
    ids=["latin-1", "windows-1252 quotes", "windows-1252 not 1250", "utf-8 bom", "utf-16 bom"],
)
def test_text_in_any_common_encoding_is_decoded(tmp_path: Path, content: bytes, text: str | None):
    path = tmp_path / "meldung.txt"
    path.write_bytes(content)
    (article,) = read_inputs([str(path)])
    assert article.text == (text or content.decode("cp1252"))


def test_mojibake_is_repaired_and_german_quotes_are_kept():
    (article,) = read_inputs([str(INPUTS / "mojibake.txt")])
    assert article.title == "Gespräch über die Zukunft der Pflege"
    assert article.text.startswith("Das Gespräch zwischen Gesundheitsminister Karl Lauterbach")
    assert "„Wir brauchen mehr Personal“" in article.text
    assert article.published == "2023-03-14"


def test_windows_1252_page_is_decoded_by_its_meta_charset():
    path = INPUTS / "seite-windows-1252.html"
    (article,) = read_inputs([str(path)])
    assert article.text is None
    assert "„Transparenz darf nicht an der Tür des Ministeriums enden“" in article.html
    assert "<title>Grüne fordern schärfere Regeln für Lobbyisten</title>" in article.html
    assert (article.source, article.url, article.published) == (str(path), None, None)


def test_utf8_page_wins_over_a_wrong_meta_charset(tmp_path: Path):
    path = tmp_path / "seite.htm"
    path.write_bytes("<html><head><meta charset='iso-8859-1'></head><p>Grüße aus Köln</p></html>".encode())
    (article,) = read_inputs([str(path)])
    assert "<p>Grüße aus Köln</p>" in article.html


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("leer.txt", b"", "empty file"),
        ("leer.txt", b"  \n\n", "empty file"),
        ("leer.jsonl", b"\n", "empty file"),
        ("foto.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("foto.txt", b"\xff\xd8\xff\xe0\x10JFIF\x01", "binary file"),
        ("rauschen.txt", bytes(range(0x80, 0x100)) * 4, "undecodable (not text in any known encoding)"),
    ],
)
def test_unreadable_files_are_one_error_each(tmp_path: Path, name: str, content: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(content)
    assert list(read_inputs([str(path)])) == [ItemError(str(path), None, reason)]


def test_committed_empty_and_binary_files_are_errors():
    paths = [str(INPUTS / "leer.txt"), str(INPUTS / "bild.html")]
    assert [(item.source, item.reason) for item in read_inputs(paths)] == [
        (paths[0], "empty file"),
        (paths[1], "binary file"),
    ]


def test_a_file_over_the_size_limit_is_an_error_with_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(settings, "MAX_ITEM_BYTES", 1_000)
    path = tmp_path / "lang.txt"
    path.write_text("Der Bundestag tagt. " * 125, encoding="utf-8")
    assert [item.reason for item in read_inputs([str(path)])] == ["too large (2.5 kB > 1 kB)"]


def test_missing_paths_and_directories_without_articles_are_errors(tmp_path: Path):
    missing = str(tmp_path / "fehlt.txt")
    (tmp_path / "notizen.docx").write_bytes(b"PK\x03\x04")
    reasons = [error.reason for error in read_inputs([missing, str(tmp_path)])]
    assert reasons[0] == "no such file"
    assert reasons[1].startswith("no readable files in directory (looked for atom, csv, htm, html, jsonl")


def test_a_directory_is_read_recursively_in_name_order_without_hidden_or_unknown_files(tmp_path: Path):
    (tmp_path / "b-inland").mkdir()
    (tmp_path / "b-inland" / "bundestag.txt").write_text("Der Bundestag tagt.", encoding="utf-8")
    (tmp_path / "a-seite.html").write_text("<p>Der Bundesrat tagt.</p>", encoding="utf-8")
    (tmp_path / "c-dump.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Der Landtag tagt."}\n'))
    (tmp_path / ".entwurf.txt").write_text("Geheim.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: main", encoding="utf-8")
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    sources = [item.source for item in read_inputs([str(tmp_path)])]
    assert sources == [
        str(tmp_path / "a-seite.html"),
        str(tmp_path / "b-inland" / "bundestag.txt"),
        f"{tmp_path / 'c-dump.jsonl.gz'}#1",
    ]


def test_every_committed_fixture_reads_without_raising():
    items = list(read_inputs([str(INPUTS)]))
    assert all(isinstance(item, Article | ItemError) for item in items)
    assert sum(isinstance(item, Article) for item in items) >= 15


def test_gzip_is_decompressed_by_its_content():
    path = INPUTS / "dump.jsonl.gz"
    titles = [item.title for item in read_inputs([str(path)])]
    assert titles == ["Nationalrat berät über Armeebudget", "Hitzewelle im Tessin", "Zugausfall am Gotthard"]


def test_a_corrupt_gzip_is_one_error(tmp_path: Path):
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"kein gzip" * 10)
    (error,) = read_inputs([str(path)])
    assert error.item is None
    assert error.reason.startswith("corrupt gzip: ")


def test_a_truncated_gzip_dump_keeps_the_items_before_the_damage(tmp_path: Path):
    lines = "".join(json.dumps({"text": f"Meldung Nummer {n} aus Berlin."}) + "\n" for n in range(1, 2001))
    data = gzip.compress(lines.encode())
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    items = list(read_inputs([str(path)]))
    articles = [item for item in items if isinstance(item, Article)]
    assert articles[0].text == "Meldung Nummer 1 aus Berlin."
    assert len(articles) > 1000
    assert items[-1] == ItemError(
        str(path), None, "corrupt gzip: Compressed file ended before the end-of-stream marker was reached"
    )


def test_stdin_is_sniffed_and_may_be_gzipped(monkeypatch: pytest.MonkeyPatch):
    dump = '{"id": "a1", "text": "Der Bundesrat tagt."}\n{"id": "a2", "text": "Der Landtag tagt."}\n'
    for data in (dump.encode(), gzip.compress(dump.encode())):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        assert [(item.source, item.source_id) for item in read_inputs(["-"])] == [
            ("<stdin>#1", "a1"),
            ("<stdin>#2", "a2"),
        ]


def test_stdin_with_plain_text_is_one_article(monkeypatch: pytest.MonkeyPatch):
    stdin = io.BytesIO("Title: Wahl in Zürich\n\nDie Wahl ist vorbei.".encode())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stdin))
    assert list(read_inputs(["-"])) == [Article(text="Die Wahl ist vorbei.", title="Wahl in Zürich", source="<stdin>")]


def test_input_format_overrides_the_file_name(tmp_path: Path):
    path = tmp_path / "export.txt"
    path.write_text('{"text": "Der Kreistag tagt."}\n', encoding="utf-8")
    assert [item.text for item in read_inputs([str(path)], input_format="jsonl")] == ["Der Kreistag tagt."]
    assert [item.text for item in read_inputs([str(path)])] == ['{"text": "Der Kreistag tagt."}\n']


def test_an_unknown_input_format_is_a_usage_error():
    with pytest.raises(ValueError, match="unknown input format 'pdf'"):
        read_inputs(["a.txt"], input_format="pdf")


def test_reading_is_lazy(tmp_path: Path):
    first = tmp_path / "eins.txt"
    first.write_text("Der Stadtrat tagt.", encoding="utf-8")
    items = read_inputs([str(first), str(tmp_path / "entsteht-erst-noch.txt")])
    assert next(items).text == "Der Stadtrat tagt."
    (tmp_path / "entsteht-erst-noch.txt").write_text("Der Gemeinderat tagt.", encoding="utf-8")
    assert next(items).text == "Der Gemeinderat tagt."


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
    """The API's `published` is ISO 8601; only readers of input files accept more."""
    with pytest.raises(ValueError, match="29.12.2021"):
        iso_published("29.12.2021")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-29T09:00:00Z", "2021-12-29T09:00:00+00:00"),
        ("2021-12-29T10:00:00.250+01:00", "2021-12-29T10:00:00.250000+01:00"),
        ("29.12.2021", "2021-12-29"),
        ("29.12.2021, 10:15 Uhr", "2021-12-29T10:15:00"),
        ("Wed, 29 Dec 2021 10:00:00 +0100", "2021-12-29T10:00:00+01:00"),
        ("1640768400", "2021-12-29T09:00:00+00:00"),
        (1640768400, "2021-12-29T09:00:00+00:00"),
        (20211229, "2021-12-29"),
    ],
)
def test_input_dates_in_common_forms_are_read(value: object, expected: str):
    assert read_date(value) == expected


@pytest.mark.parametrize("value", ["morgen", "31.02.2021", "", True])
def test_input_dates_that_are_no_dates_say_so(value: object):
    with pytest.raises(ValueError, match=r"^published is not a date: "):
        read_date(value)
