"""Shared fixtures: a runner for the `lagebild` command and article files to feed it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from lagebild.cli import app
from tests.support import BIDEN_PUTIN, MERKEL_PARIS


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Invoke `lagebild ARGS...` in `tmp_path`, optionally with stdin."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, stdin: str | bytes | None = None) -> Result:
        return runner.invoke(app, [str(arg) for arg in args], input=stdin)

    return invoke


@pytest.fixture
def article_txt(tmp_path: Path) -> Path:
    """A plain-text article with a Title/Published/URL header."""
    path = tmp_path / "biden.txt"
    path.write_text(
        "Title: Biden und Putin telefonieren\n"
        "Published: 2021-12-29\n"
        "URL: https://www.srf.ch/news/international/biden-putin\n"
        "\n" + BIDEN_PUTIN + "\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def articles_jsonl(tmp_path: Path) -> Path:
    """Two articles as JSON Lines, in the news-sample field layout."""
    path = tmp_path / "news.jsonl"
    rows = [
        {
            "id": "merkel-1",
            "url": "https://www.tagesschau.de/ausland/merkel-paris.html",
            "title": "Merkel in Paris",
            "published": "2019-05-06",
            "text": MERKEL_PARIS,
        },
        {"id": "biden-2", "title": "Telefonat", "published": "2021-12-29", "text": BIDEN_PUTIN},
    ]
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path
