"""Fetching URLs and teaser feeds' pages, against a local HTTP server only."""

import socket
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from lagebild import settings
from lagebild.ingest import Article, ItemError, read_inputs

INPUTS = Path(__file__).parent / "data" / "inputs"
PAGE = "/seiten/bahn-milliarden.html"
BIG_PAGE = b"<html><body>" + b"<p>Der Haushalt ist beschlossen.</p>" * 100 + b"</body></html>"


class NewsHandler(SimpleHTTPRequestHandler):
    """Serves tests/data/inputs, plus a few paths that misbehave on purpose."""

    user_agents: list[str] = []

    def do_GET(self) -> None:
        self.user_agents.append(self.headers.get("User-Agent", ""))
        special = {
            "/weiter": partial(self.answer, 302, location=PAGE),
            "/im-kreis": partial(self.answer, 302, location="/im-kreis"),
            "/gross": partial(self.answer, 200, BIG_PAGE, with_length=False),
            "/gross-mit-laenge": partial(self.answer, 200, BIG_PAGE),
            "/langsam": self.answer_slowly,
            "/dump": partial(self.answer, 200, '{"text": "Der Gemeinderat von Zürich tagt."}\n'.encode(), "text/plain"),
        }.get(self.path)
        if special is None:
            super().do_GET()
        else:
            special()

    def answer(
        self,
        status: int,
        body: bytes = b"",
        content_type: str = "text/html",
        location: str | None = None,
        with_length: bool = True,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if location:
            self.send_header("Location", location)
        if with_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def answer_slowly(self) -> None:
        time.sleep(1.0)
        self.answer(200, b"<p>Zu spaet.</p>")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of a local server on a free port, for the tests of this module."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(NewsHandler, directory=str(INPUTS)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_a_fetched_page_is_an_html_article_named_by_its_url(server: str):
    url = server + PAGE
    (page,) = read_inputs([url])
    assert (page.source, page.url, page.text) == (url, url, None)
    assert "„Das ist ein wichtiges Signal“, sagte Verkehrsminister Volker Wissing" in page.html
    assert NewsHandler.user_agents[-1] == settings.FETCH_USER_AGENT


def test_a_redirect_is_followed_and_the_final_url_kept(server: str):
    (page,) = read_inputs([server + "/weiter"])
    assert (page.source, page.url) == (server + "/weiter", server + PAGE)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/seiten/gibt-es-nicht.html", "HTTP 404"),
        ("/im-kreis", "too many redirects (more than 5)"),
    ],
)
def test_failed_fetches_are_one_error_each(server: str, path: str, reason: str):
    assert list(read_inputs([server + path])) == [ItemError(server + path, None, reason)]


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/gross", "too large (over 1 kB)"), ("/gross-mit-laenge", "too large (3.6 kB > 1 kB)")],
    ids=["while streaming", "by its Content-Length"],
)
def test_a_response_over_the_size_limit_is_given_up(
    server: str, monkeypatch: pytest.MonkeyPatch, path: str, reason: str
):
    monkeypatch.setattr(settings, "MAX_ITEM_BYTES", 1_000)
    assert list(read_inputs([server + path])) == [ItemError(server + path, None, reason)]


def test_a_slow_server_times_out(server: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(settings, "FETCH_TIMEOUT", 0.2)
    assert list(read_inputs([server + "/langsam"])) == [ItemError(server + "/langsam", None, "timed out after 0.2 s")]


def test_a_closed_port_is_an_error():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{unused.getsockname()[1]}/"
    assert list(read_inputs([url])) == [ItemError(url, None, "cannot connect (Connection refused)")]


def test_a_fetched_dump_is_read_by_its_content(server: str):
    assert list(read_inputs([server + "/dump"])) == [
        Article(text="Der Gemeinderat von Zürich tagt.", source=server + "/dump#1"),
    ]


def test_a_teaser_feed_gets_its_pages_fetched(server: str):
    url = server + "/teaser.rss"
    fetched, missing, no_link = read_inputs([url])
    assert fetched.url == server + PAGE
    assert (fetched.source, fetched.title, fetched.truncated) == (
        f"{url}#1",
        "Haushaltsausschuss gibt Milliarden für die Bahn frei",
        False,
    )
    assert "<p>Der Haushaltsausschuss des Bundestages hat am Donnerstag zusätzliche 4,5 Milliarden" in fetched.html
    assert (missing.text, missing.url, missing.truncated) == (
        "Verdi ruft das Bodenpersonal für Mittwoch zum Warnstreik auf.",
        server + "/seiten/gibt-es-nicht.html",
        True,
    )
    assert (no_link.text, no_link.truncated) == ("Der Landtag in Erfurt hat einen neuen Präsidenten gewählt.", True)
