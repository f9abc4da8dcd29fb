"""Web archives: successful HTML responses become pages, everything else is passed over."""

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.ingest import ItemError, read_inputs

INPUTS = Path(__file__).parent / "data" / "inputs"


def test_html_responses_become_pages_numbered_by_record():
    path = INPUTS / "archiv.warc.gz"
    pages = list(read_inputs([str(path)]))
    assert [(page.source, page.url) for page in pages] == [
        (f"{path}#3", "https://nachrichten.example/inland/bundesrat-wahlrecht.html"),
        (f"{path}#4", "https://nachrichten.example/wirtschaft/zinsen-ezb.html"),
        (f"{path}#5", "https://nachrichten.example/regional/strassenbahn-zuerich.html"),
    ]
    assert all(page.text is None and page.published is None for page in pages)
    assert "„Das Parlament wird kleiner und arbeitsfähiger“" in pages[0].html


def test_pages_declared_latin_1_or_only_in_meta_are_decoded_as_windows_1252():
    _, declared_latin_1, meta_only = read_inputs([str(INPUTS / "archiv.warc.gz")])
    assert "„Wir sind noch nicht am Ziel“, sagte EZB-Präsidentin Christine Lagarde in Frankfurt – die" in (
        declared_latin_1.html
    )
    assert "<h1>Neue Straßenbahnlinie in Zürich eröffnet</h1>" in meta_only.html


def test_a_truncated_archive_keeps_the_pages_before_the_damage():
    path = INPUTS / "archiv-abgebrochen.warc.gz"
    page, error = read_inputs([str(path)])
    assert page.source == f"{path}#3"
    assert error == ItemError(
        str(path),
        None,
        "truncated or corrupt after record 3: Compressed file ended before the end-of-stream marker was reached",
    )


def test_an_uncompressed_archive_cut_inside_a_page_drops_that_page(tmp_path: Path):
    archive = gzip.decompress((INPUTS / "archiv.warc.gz").read_bytes())
    path = tmp_path / "archiv.warc"
    path.write_bytes(archive[: archive.index(b"EZB-Pr")])
    page, error = read_inputs([str(path)])
    assert page.url == "https://nachrichten.example/inland/bundesrat-wahlrecht.html"
    assert error == ItemError(str(path), None, "truncated or corrupt after record 3: the record ends early")


def test_an_archive_without_html_pages_is_one_error(tmp_path: Path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    png = b"\x89PNG\r\n\x1a\n"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://nachrichten.example/logo.png", "response", payload=io.BytesIO(png), http_headers=headers
        )
    )
    path = tmp_path / "bilder.warc.gz"
    path.write_bytes(buffer.getvalue())
    assert list(read_inputs([str(path)])) == [ItemError(str(path), None, "no HTML pages in the archive")]


def test_a_file_named_warc_that_is_none_is_one_error(tmp_path: Path):
    path = tmp_path / "archiv.warc"
    path.write_text("Das ist kein Webarchiv.\n", encoding="utf-8")
    (error,) = read_inputs([str(path)])
    assert error.reason.startswith("not a readable WARC archive: ")
