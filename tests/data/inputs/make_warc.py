"""Write the WARC fixtures: archiv.warc.gz and its truncated copy archiv-abgebrochen.warc.gz.

Run from the repository root: `.venv/bin/python tests/data/inputs/make_warc.py`.
`make_warc.py --pages tests/data/pages OUT.warc.gz` packs the test pages into an
archive instead (for the WARC throughput figure in docs/benchmarks.md). The
archive holds, in this order: warcinfo, a request, three HTML responses (UTF-8; declared
ISO-8859-1 but really Windows-1252; charset only in <meta>), a metadata record, a 404
response and a PNG response.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
DATE = "2024-02-05T09:30:00Z"
SITE = "https://nachrichten.example"


def page(title: str, *paragraphs: str, meta: str = "") -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<!DOCTYPE html>\n<html lang='de'><head>{meta}<title>{title}</title></head>\n"
        f"<body><nav><a href='/'>Startseite</a></nav>\n<article><h1>{title}</h1>\n{body}\n</article></body></html>\n"
    )


PAGES = [
    (
        f"{SITE}/inland/bundesrat-wahlrecht.html",
        "text/html; charset=utf-8",
        page(
            "Bundesrat billigt Reform des Wahlrechts",
            "Der Bundesrat hat am Freitag die Reform des Wahlrechts gebilligt. Der Bundestag soll damit auf 630 Sitze"
            " schrumpfen.",
            "„Das Parlament wird kleiner und arbeitsfähiger“, sagte Bundesratspräsidentin Manuela Schwesig.",
        ).encode("utf-8"),
    ),
    (
        f"{SITE}/wirtschaft/zinsen-ezb.html",
        "text/html; charset=ISO-8859-1",
        page(
            "EZB lässt Leitzins unverändert",
            "Die Europäische Zentralbank hält den Leitzins bei 4,5 Prozent.",
            "„Wir sind noch nicht am Ziel“, sagte EZB-Präsidentin Christine Lagarde in Frankfurt – die Inflation"
            " sinke aber.",
        ).encode("cp1252"),
    ),
    (
        f"{SITE}/regional/strassenbahn-zuerich.html",
        "text/html",
        page(
            "Neue Straßenbahnlinie in Zürich eröffnet",
            "In Zürich fährt seit Montag die neue Tramlinie zum Flughafen.",
            "Die Verkehrsbetriebe rechnen mit täglich 20'000 Fahrgästen.",
            meta="<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>",
        ).encode("cp1252"),
    ),
]


def write_archive(path: Path) -> list[int]:
    """Write the archive; returns where each record starts in the file."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    starts: list[int] = []

    def write(uri: str | None, kind: str, payload: bytes, http: StatusAndHeaders | None = None) -> None:
        starts.append(buffer.tell())
        record_id = f"<urn:uuid:00000000-0000-4000-8000-{len(starts):012d}>"
        headers = {"WARC-Date": DATE, "WARC-Record-ID": record_id}
        if kind == "warcinfo":
            record = writer.create_warcinfo_record(path.name, {"software": "make_warc.py"})
            for name, value in headers.items():
                record.rec_headers.replace_header(name, value)
        else:
            record = writer.create_warc_record(
                uri, kind, payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=headers
            )
        writer.write_record(record)

    write(None, "warcinfo", b"")
    first_url = PAGES[0][0]
    request = StatusAndHeaders("GET /inland/bundesrat-wahlrecht.html HTTP/1.1", [("Host", "nachrichten.example")])
    write(first_url, "request", b"", request)
    for url, content_type, body in PAGES:
        write(url, "response", body, _ok(content_type, body))
    write(first_url, "metadata", b"outlinks: /wirtschaft/zinsen-ezb.html\n")
    missing = b"<html><body><h1>Seite nicht gefunden</h1></body></html>"
    write(f"{SITE}/alt/geloescht.html", "response", missing, _status("404 Not Found", "text/html", missing))
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    write(f"{SITE}/bilder/logo.png", "response", png, _ok("image/png", png))
    path.write_bytes(buffer.getvalue())
    return starts


def _ok(content_type: str, body: bytes) -> StatusAndHeaders:
    return _status("200 OK", content_type, body)


def _status(status: str, content_type: str, body: bytes) -> StatusAndHeaders:
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
    return StatusAndHeaders(status, headers, protocol="HTTP/1.1")


def write_page_archive(folder: Path, path: Path) -> None:
    """Every NAME.html in `folder` as a 200 response, for `lagebild bench ingest` on WARC."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for page_file in sorted(folder.glob("*.html")):
            body = page_file.read_bytes()
            record = writer.create_warc_record(
                f"{SITE}/{page_file.name}",
                "response",
                payload=io.BytesIO(body),
                http_headers=_ok("text/html", body),
                warc_headers_dict={"WARC-Date": DATE},
            )
            writer.write_record(record)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--pages":
        write_page_archive(Path(sys.argv[2]), Path(sys.argv[3]))
        sys.exit()
    starts = write_archive(HERE / "archiv.warc.gz")
    # Cut inside record 4, the second page: records 1-3 (the first page) stay readable.
    archive = (HERE / "archiv.warc.gz").read_bytes()
    (HERE / "archiv-abgebrochen.warc.gz").write_bytes(archive[: starts[3] + 200])
