"""`lagebild events`: stories per type, the most reported stories, one story's reports."""

from __future__ import annotations

from lagebild.store import RecordStore
from tests.test_store_events import BIDEN, BIDEN_CALLS_PUTIN, PUTIN, PUTIN_CALLS_BIDEN, article, consult


def stored(tmp_path):
    db = tmp_path / "news.duckdb"
    with RecordStore(db) as store:
        store.upsert(
            [
                article("srf", [consult(BIDEN, PUTIN, BIDEN_CALLS_PUTIN)]),
                article("nzz", [consult(PUTIN, BIDEN, PUTIN_CALLS_BIDEN)]),
            ]
        )
    return db


def test_two_articles_on_one_call_are_one_story_with_two_reports(run, tmp_path):
    result = run("events", "--db", stored(tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["CONSULT", "1", "1", "0", "0"]
    story_line = next(line for line in lines if "CONSULT Joe Biden" in line or "CONSULT Wladimir Putin" in line)
    assert story_line.split()[:2] == ["2", "2"]


def test_a_story_lists_every_report(run, tmp_path):
    db = stored(tmp_path)
    listing = run("events", "--db", db).stdout
    story = listing.rsplit("[", 1)[1].split("]")[0]
    result = run("events", "--db", db, "--story", story)
    assert result.exit_code == 0, result.output
    # Same day: in record id order, each with its own sentence.
    reports = result.stdout.splitlines()
    assert [line.split()[1] for line in reports] == ["nzz", "srf"]
    assert reports[0].endswith(PUTIN_CALLS_BIDEN) and reports[1].endswith(BIDEN_CALLS_PUTIN)


def test_a_missing_database_or_story_is_a_usage_error(run, tmp_path):
    assert run("events", "--db", tmp_path / "none.duckdb").exit_code == 2
    assert run("events", "--db", stored(tmp_path), "--story", "nothing").exit_code == 2


def test_filtering_by_type_leaves_other_types_out(run, tmp_path):
    result = run("events", "--db", stored(tmp_path), "--type", "ACCUSE")
    assert result.exit_code == 0, result.output
    assert "(no events)" in result.stdout
