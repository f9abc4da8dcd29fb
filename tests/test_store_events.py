"""Events in the store: reports of one real-world event become one story."""

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from lagebild.record import ActorRef, Event, Meta, Record, actor_key
from lagebild.store import EventCount, RecordStore, StoryKey, same_story, story_key
from lagebild.store.stories import event_day

BIDEN = ActorRef(text="US-Präsident Joe Biden", name="Joe Biden", country="USA", role="head of state")
PUTIN = ActorRef(text="Kremlchef Putin", name="Wladimir Putin", actor="per:wladimir-putin", country="RUS")
BIDEN_CALLS_PUTIN = "US-Präsident Joe Biden hat am Donnerstag mit Kremlchef Putin telefoniert."
PUTIN_CALLS_BIDEN = "Kremlchef Putin sprach am Donnerstag mit US-Präsident Joe Biden über die Ukraine."


def consult(source: ActorRef, target: ActorRef, evidence: str, **changes: object) -> Event:
    """A phone call between two leaders, as an article reports it."""
    event = Event(
        type="CONSULT",
        mode="phone",
        source=source,
        target=target,
        date="2021-12-30",
        location=None,
        status="occurred",
        negated=False,
        confidence=0.9,
        sentence=0,
        trigger="telefoniert",
        evidence=evidence,
        mentions=[0],
    )
    return replace(event, **changes)


def article(record_id: str, events: list[Event], published: str = "2021-12-31", **meta: object) -> Record:
    """A one-sentence article of an outlet named after its id."""
    text = events[0].evidence if events else "Keine Ereignisse."
    return Record(
        id=record_id,
        meta=Meta(
            title=f"Telefonat ({record_id})",
            url=f"https://{record_id}.example/telefonat",
            outlet=record_id,
            published=published,
            language="de",
            source=f"news.jsonl#{record_id}",
            **meta,
        ),
        text=text,
        sentences=[(0, len(text))],
        entities=[],
        events=events,
    )


def store_all(db: Path, *batches: list[Record]) -> None:
    with RecordStore(db) as store:
        for batch in batches:
            store.upsert(batch)


def stories(db: Path) -> dict[str, str]:
    """Story of every stored event, by record id and index."""
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("""SELECT record_id || ':' || "index", story FROM events ORDER BY 1""").fetchall())


TAZ = article("taz", [consult(BIDEN, PUTIN, BIDEN_CALLS_PUTIN)])
NZZ = article("nzz", [consult(PUTIN, BIDEN, PUTIN_CALLS_BIDEN)])


# The matching rule on its own.


def key(**changes: object) -> StoryKey:
    return replace(StoryKey("CONSULT", "USA", "per:wladimir-putin", "2021-12-30", None), **changes)


def test_a_call_is_the_same_story_whoever_is_named_first():
    assert same_story(key(), key(source="per:wladimir-putin", target="USA"))


def test_an_attack_is_not_the_same_story_with_the_sides_swapped():
    assert same_story(key(type="ASSAULT"), key(type="ASSAULT"))
    assert not same_story(key(type="ASSAULT"), key(type="ASSAULT", source="per:wladimir-putin", target="USA"))


def test_another_type_day_or_actor_is_another_story():
    assert not same_story(key(), key(type="COOPERATE"))
    assert not same_story(key(), key(day="2021-12-31"))
    assert not same_story(key(), key(target="UKR"))


def test_places_may_be_missing_but_not_contradict():
    assert same_story(key(location="Genf"), key(location=" genf"))
    assert same_story(key(location="Genf"), key(location=None))
    assert not same_story(key(location="Genf"), key(location="Wien"))


def test_events_without_a_day_are_never_merged():
    assert not same_story(key(day=None), key(day=None))


def test_an_actor_is_matched_by_id_else_country_else_name():
    assert actor_key(PUTIN) == "per:wladimir-putin"
    assert actor_key(BIDEN) == "USA"
    assert actor_key(ActorRef(text="Der  Kreml-Sprecher")) == "der kreml-sprecher"


def test_the_day_is_the_events_own_or_else_the_publication_day_it_covers():
    assert event_day("2021-12-30", "2021-12-31") == "2021-12-30"
    assert event_day("2021-12-30T14:00", None) == "2021-12-30"
    assert event_day(None, "2021-12-31T08:15:00+01:00") == "2021-12-31"
    assert event_day("2021-12", "2021-12-31") == "2021-12-31"
    assert event_day("2021-11", "2021-12-31") is None
    assert event_day(None, None) is None


def test_the_key_of_an_event_uses_the_publication_day_when_the_date_is_vague():
    event = consult(BIDEN, PUTIN, BIDEN_CALLS_PUTIN, date="2021-12", location="Genf")
    assert story_key(event, "2021-12-31") == StoryKey("CONSULT", "USA", "per:wladimir-putin", "2021-12-31", "Genf")


# Stories in the store.


def test_two_outlets_reporting_one_call_make_one_story_with_two_reports(tmp_path):
    with RecordStore(tmp_path / "news.duckdb") as store:
        store.upsert([TAZ])
        store.upsert([NZZ])
        counts = store.event_counts()
        summary = store.summary()
        reports = store.reports("taz:0")
    assert stories(tmp_path / "news.duckdb") == {"nzz:0": "taz:0", "taz:0": "taz:0"}
    assert counts == [EventCount("CONSULT", stories=1, occurred=1, planned=0, alleged=0)]
    assert (summary.events, summary.event_reports) == (1, 2)
    assert [(r.record_id, r.evidence) for r in reports] == [("nzz", PUTIN_CALLS_BIDEN), ("taz", BIDEN_CALLS_PUTIN)]


def test_reports_in_one_batch_are_matched_with_each_other(tmp_path):
    with RecordStore(tmp_path / "news.duckdb") as store:
        store.upsert([TAZ, NZZ])
    assert stories(tmp_path / "news.duckdb") == {"nzz:0": "taz:0", "taz:0": "taz:0"}


def test_calls_on_different_days_are_two_stories(tmp_path):
    later = article("nzz", [consult(PUTIN, BIDEN, PUTIN_CALLS_BIDEN, date="2022-01-02")], published="2022-01-02")
    with RecordStore(tmp_path / "news.duckdb") as store:
        store.upsert([TAZ, later])
        counts = store.event_counts()
    assert stories(tmp_path / "news.duckdb") == {"nzz:0": "nzz:0", "taz:0": "taz:0"}
    assert counts == [EventCount("CONSULT", stories=2, occurred=2, planned=0, alleged=0)]


def test_meetings_in_contradicting_places_are_two_stories(tmp_path):
    geneva = article("taz", [consult(BIDEN, PUTIN, BIDEN_CALLS_PUTIN, mode="meet", location="Genf")])
    vienna = article("nzz", [consult(PUTIN, BIDEN, PUTIN_CALLS_BIDEN, mode="meet", location="Wien")], "2022-01-01")
    somewhere = article("faz", [consult(BIDEN, PUTIN, BIDEN_CALLS_PUTIN, mode="meet")])
    store_all(tmp_path / "news.duckdb", [geneva, vienna], [somewhere])
    # Without a place, the report matches both and joins the one reported first.
    assert stories(tmp_path / "news.duckdb") == {"faz:0": "taz:0", "nzz:0": "nzz:0", "taz:0": "taz:0"}


def test_a_vague_date_is_matched_on_the_publication_day(tmp_path):
    month = article("nzz", [consult(PUTIN, BIDEN, PUTIN_CALLS_BIDEN, date="2021-12")], published="2021-12-30")
    with RecordStore(tmp_path / "news.duckdb") as store:
        store.upsert([TAZ, month])
    assert stories(tmp_path / "news.duckdb") == {"nzz:0": "taz:0", "taz:0": "taz:0"}


@pytest.mark.parametrize("batches", [[[NZZ, TAZ]], [[TAZ]], [[NZZ]], [[TAZ], [NZZ]]])
def test_storing_records_again_keeps_their_stories(tmp_path, batches):
    db = tmp_path / "news.duckdb"
    store_all(db, [TAZ], [NZZ])
    before = stories(db)
    store_all(db, *batches)
    assert stories(db) == before == {"nzz:0": "taz:0", "taz:0": "taz:0"}


def test_a_report_that_fits_two_stories_stays_in_the_one_it_joined(tmp_path):
    db = tmp_path / "news.duckdb"
    geneva = article("taz", [consult(BIDEN, PUTIN, BIDEN_CALLS_PUTIN, location="Genf")], "2021-12-30")
    vienna = article("nzz", [consult(PUTIN, BIDEN, PUTIN_CALLS_BIDEN, location="Wien")])
    somewhere = article("zeit", [consult(BIDEN, PUTIN, BIDEN_CALLS_PUTIN)])
    # Reported earlier than all others, so first in line when "zeit" is stored again.
    vienna_early = article("welt", [consult(PUTIN, BIDEN, PUTIN_CALLS_BIDEN, location="Wien")], "2021-12-29")
    store_all(db, [geneva], [vienna], [somewhere], [vienna_early])
    before = stories(db)
    store_all(db, [somewhere])
    assert stories(db) == before == {"nzz:0": "nzz:0", "taz:0": "taz:0", "welt:0": "nzz:0", "zeit:0": "taz:0"}


def test_an_event_that_changed_does_not_share_its_old_story_id(tmp_path):
    db = tmp_path / "news.duckdb"
    corrected = article("taz", [consult(BIDEN, PUTIN, BIDEN_CALLS_PUTIN, date="2021-12-29")])
    with RecordStore(db) as store:
        store.upsert([TAZ, NZZ])
        store.upsert([corrected])
        counts = store.event_counts()
    assert stories(db) == {"nzz:0": "taz:0", "taz:0": "taz:0#1"}
    assert counts[0].stories == 2


def test_negated_reports_and_copies_join_the_story_but_never_count(tmp_path):
    denial = PUTIN_CALLS_BIDEN.replace("sprach", "sprach nicht")
    negated = article("nzz", [consult(PUTIN, BIDEN, denial, negated=True)])
    copy = replace(TAZ, id="taz-copy", meta=replace(TAZ.meta, duplicate_of="taz"))
    with RecordStore(tmp_path / "news.duckdb") as store:
        store.upsert([negated, copy])
        nothing = (store.event_counts(), store.summary().events)
        store.upsert([TAZ])
        counts = store.event_counts()
        summary = store.summary()
        reports = store.reports("nzz:0")
    assert nothing == ([], 0)
    assert counts == [EventCount("CONSULT", stories=1, occurred=1, planned=0, alleged=0)]
    assert (summary.events, summary.event_reports) == (1, 1)
    assert [(r.record_id, r.negated, r.duplicate_of) for r in reports] == [
        ("nzz", True, None),
        ("taz", False, None),
        ("taz-copy", False, "taz"),
    ]


def test_a_story_counts_under_every_status_it_was_reported_with(tmp_path):
    announced = article("nzz", [consult(PUTIN, BIDEN, PUTIN_CALLS_BIDEN, status="planned")], published="2021-12-29")
    with RecordStore(tmp_path / "news.duckdb") as store:
        store.upsert([TAZ, announced])
        counts = store.event_counts()
    assert counts == [EventCount("CONSULT", stories=1, occurred=1, planned=1, alleged=0)]


def test_a_failing_batch_leaves_events_untouched(tmp_path):
    db = tmp_path / "news.duckdb"
    with RecordStore(db) as store:
        store.upsert([TAZ])
        changed = replace(TAZ, events=[])
        broken = replace(NZZ, meta=replace(NZZ.meta, published="2021-13-45"))
        with pytest.raises(duckdb.Error):
            store.upsert([changed, broken])
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT record_id, type, source_name, target_actor, day, story FROM events").fetchall()
    assert [row[:4] + (str(row[4]), row[5]) for row in rows] == [
        ("taz", "CONSULT", "Joe Biden", "per:wladimir-putin", "2021-12-30", "taz:0")
    ]


def test_a_database_from_before_events_opens_and_gains_the_table(tmp_path):
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(
            "CREATE TABLE records (id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, outlet VARCHAR, "
            "published DATE, language VARCHAR, source VARCHAR, source_id VARCHAR, text VARCHAR, record JSON)"
        )
        con.execute("INSERT INTO records (id, text) VALUES ('old', 'Ein alter Artikel.')")
    with RecordStore(db) as store:
        assert store.summary().events == 0
        store.upsert([TAZ, NZZ])
        summary = store.summary()
    assert (summary.articles, summary.events, summary.event_reports) == (3, 1, 2)
