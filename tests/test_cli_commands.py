"""`lagebild schema`, `demo` and `bench`, and the installed console script."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from lagebild.record import record_schema
from lagebild.shared_data import shared_data_dir


def test_schema_command_prints_the_record_schema(run):
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == record_schema()


def test_every_command_explains_itself(run):
    for command in ("analyze", "demo", "schema", "bench"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Usage" in result.stdout


@pytest.mark.slow
def test_demo_fills_a_database_with_the_40_demo_articles(run, tmp_path):
    db = tmp_path / "demo.duckdb"
    result = run("demo", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{db}: 40 articles")
    assert "entities per label:" in result.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        years = con.execute("SELECT count(DISTINCT year(published)) FROM records").fetchone()[0]
        from_wikinews = con.execute("SELECT count(*) FROM records WHERE outlet = 'wikinews.org'").fetchone()[0]
    assert years >= 10
    assert from_wikinews == 40


@pytest.mark.slow
@pytest.mark.skipif(
    not (shared_data_dir() / "news-sample").is_dir(), reason="needs the project's shared/data/news-sample"
)
def test_bench_reports_words_per_second_for_one_and_two_processes(run):
    result = run("bench", "--limit", "4")
    assert result.exit_code == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[:5] == ["processes", "articles", "words", "seconds", "words/s"]
    assert [row.split()[:2] for row in rows] == [["1", "4"], ["2", "4"]]


def test_installed_console_script_runs():
    script = shutil.which("lagebild", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("lagebild is not installed in this environment (pip install .)")
    completed = subprocess.run([script, "schema"], capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(completed.stdout)["title"] == "lagebild article record"
