"""Records in DuckDB: `records` (one row per article), `entities` (one per mention) and
`events` (one per event report, each linked to its story, see `stories.py`).

The full record is kept as JSON in `records.record`; the columns beside it are there to
query by. There are no foreign keys: DuckDB cannot replace a row that others reference.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import duckdb

from lagebild.record import Event, Record
from lagebild.settings import STORE_CHUNK_SIZE
from lagebild.store.stories import FRESH_MARK, StoryIndex, StoryKey, story_key

_TABLES = (
    """CREATE TABLE IF NOT EXISTS records (
        id VARCHAR PRIMARY KEY,
        title VARCHAR,
        url VARCHAR,
        outlet VARCHAR,
        published DATE,
        language VARCHAR,
        source VARCHAR,
        source_id VARCHAR,
        text VARCHAR,
        record JSON,
        duplicate_of VARCHAR
    )""",
    # Databases written before near-duplicates were marked lack the column.
    "ALTER TABLE records ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR",
    """CREATE TABLE IF NOT EXISTS entities (
        record_id VARCHAR,
        start INTEGER,
        "end" INTEGER,
        text VARCHAR,
        label VARCHAR,
        name VARCHAR,
        actor VARCHAR,
        country VARCHAR,
        role VARCHAR
    )""",
    # source_key, target_key and day are what stories are matched on (`StoryKey`).
    """CREATE TABLE IF NOT EXISTS events (
        record_id VARCHAR,
        "index" INTEGER,
        type VARCHAR,
        mode VARCHAR,
        source_text VARCHAR,
        source_name VARCHAR,
        source_actor VARCHAR,
        source_country VARCHAR,
        source_key VARCHAR,
        target_text VARCHAR,
        target_name VARCHAR,
        target_actor VARCHAR,
        target_country VARCHAR,
        target_key VARCHAR,
        date VARCHAR,
        day DATE,
        location VARCHAR,
        status VARCHAR,
        negated BOOLEAN,
        confidence DOUBLE,
        sentence INTEGER,
        trigger VARCHAR,
        evidence VARCHAR,
        published DATE,
        story VARCHAR
    )""",
)


# Entities of records that are not near-duplicates of another.
_ORIGINAL_ENTITIES = """(SELECT entities.* FROM entities JOIN records ON records.id = entities.record_id
    WHERE records.duplicate_of IS NULL)"""
# Event reports that count: from original articles, and not negated. Reports of copies
# and negated ones still belong to their story (`reports()`), they just never count.
_COUNTED_EVENTS = """(SELECT events.* FROM events JOIN records ON records.id = events.record_id
    WHERE records.duplicate_of IS NULL AND NOT events.negated)"""


@dataclass(frozen=True)
class NameCount:
    """How often an entity name occurs: mentions, and articles that mention it."""

    name: str
    label: str
    mentions: int
    articles: int


@dataclass(frozen=True)
class Summary:
    """What a database holds, in figures; near-duplicates are not counted twice."""

    articles: int
    duplicates: int
    entities_by_label: dict[str, int]
    top_names: list[NameCount]
    events: int
    event_reports: int


@dataclass(frozen=True)
class EventCount:
    """Stories of one event type; a story may be counted both planned and occurred."""

    type: str
    stories: int
    occurred: int
    planned: int
    alleged: int


@dataclass(frozen=True)
class Story:
    """One real-world event and how many reports and articles tell it."""

    story: str
    type: str
    source: str
    target: str | None
    day: str | None
    reports: int
    articles: int


@dataclass(frozen=True)
class EventReport:
    """One article's report of a story, with the sentence that tells it."""

    record_id: str
    title: str | None
    outlet: str | None
    published: str | None
    status: str
    negated: bool
    duplicate_of: str | None
    sentence: int
    evidence: str


class RecordStore:
    """A DuckDB file of records, keyed by record id."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = duckdb.connect(str(self.path))
        for statement in _TABLES:
            self._db.execute(statement)

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def upsert(self, records: Iterable[Record]) -> int:
        """Store records in one transaction, replacing any stored under the same id.

        Returns how many distinct records were stored. If anything fails, nothing of
        this call is kept and earlier rows stay as they were.
        """
        latest = {record.id: record for record in records}
        if not latest:
            return 0
        entity_rows = [
            (record.id, e.start, e.end, e.text, e.label, e.name, e.actor, e.country, e.role)
            for record in latest.values()
            for e in record.entities
        ]
        self._db.begin()
        try:
            previous = self._stories_of(list(latest))
            self._db.execute("DELETE FROM entities WHERE record_id IN (SELECT unnest(?))", [list(latest)])
            self._db.execute("DELETE FROM events WHERE record_id IN (SELECT unnest(?))", [list(latest)])
            self._db.executemany(
                "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_record_row(record) for record in latest.values()],
            )
            if entity_rows:
                self._db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", entity_rows)
            self._insert_events(list(latest.values()), previous)
        except BaseException:
            self._db.rollback()
            raise
        self._db.commit()
        return len(latest)

    def _stories_of(self, record_ids: list[str]) -> dict[str, str]:
        """Story of each stored event of these records, by its own id: kept when stored again."""
        rows = self._db.execute(
            """SELECT record_id || ':' || "index", story FROM events WHERE record_id IN (SELECT unnest(?))""",
            [record_ids],
        ).fetchall()
        return dict(rows)

    def _insert_events(self, records: list[Record], previous: dict[str, str]) -> None:
        """Store the records' events, each joined to the story of a matching report
        already stored (or earlier in this batch), else starting its own."""
        reports = [
            (record, index, event, story_key(event, record.meta.published))
            for record in records
            for index, event in enumerate(record.events)
        ]
        if not reports:
            return
        own_ids = [f"{record.id}:{index}" for record, index, _, _ in reports]
        stories = StoryIndex(
            self._stored_keys({key.day for *_, key in reports if key.day}),
            self._taken_stories(own_ids + [story.split(FRESH_MARK)[0] for story in previous.values()]),
        )
        rows = [
            _event_row(record, index, event, key, stories.assign(own, key, previous.get(own)))
            for own, (record, index, event, key) in zip(own_ids, reports, strict=True)
        ]
        self._db.executemany(f"INSERT INTO events VALUES ({', '.join('?' * len(rows[0]))})", rows)

    def _stored_keys(self, days: set[str]) -> list[tuple[StoryKey, str]]:
        """(key, story) of stored reports on these days, earliest article first."""
        rows = self._db.execute(
            """SELECT type, source_key, target_key, CAST(day AS VARCHAR), location, story FROM events
               WHERE day IN (SELECT unnest(?::DATE[])) ORDER BY published NULLS LAST, record_id, "index"
            """,
            [sorted(days)],
        ).fetchall()
        return [(StoryKey(*row[:5]), row[5]) for row in rows]

    def _taken_stories(self, bases: list[str]) -> list[str]:
        """Stored story ids that a new story named after one of `bases` must not reuse."""
        rows = self._db.execute(
            "SELECT DISTINCT story FROM events WHERE split_part(story, ?, 1) IN (SELECT unnest(?))",
            [FRESH_MARK, bases],
        ).fetchall()
        return [story for (story,) in rows]

    def saved(self, records: Iterable[Record], chunk_size: int = STORE_CHUNK_SIZE) -> Iterator[Record]:
        """Pass records on, each chunk once it is stored: for output while storing."""
        chunk: list[Record] = []
        for record in records:
            chunk.append(record)
            if len(chunk) >= chunk_size:
                self.upsert(chunk)
                yield from chunk
                chunk = []
        self.upsert(chunk)
        yield from chunk

    def originals(self) -> Iterator[tuple[str, str]]:
        """(id, text) of every stored record that is not a copy of another."""
        cursor = self._db.execute("SELECT id, text FROM records WHERE duplicate_of IS NULL ORDER BY id")
        while rows := cursor.fetchmany(STORE_CHUNK_SIZE):
            yield from rows

    def summary(self, top: int = 10) -> Summary:
        """Article count, mentions per entity label and the `top` most mentioned names,
        over original articles only: an agency story that ten outlets ran counts once."""
        by_label = self._db.execute(
            f"""SELECT label, count(*) FROM {_ORIGINAL_ENTITIES}
                GROUP BY label ORDER BY count(*) DESC, label"""
        ).fetchall()
        names = self._db.execute(
            f"""SELECT coalesce(name, text) AS shown, label, count(*),
                      count(DISTINCT record_id)
               FROM {_ORIGINAL_ENTITIES} GROUP BY shown, label
               ORDER BY count(*) DESC, shown LIMIT ?""",
            [top],
        ).fetchall()
        articles, duplicates = self._db.execute(
            "SELECT count(*) FILTER (duplicate_of IS NULL), count(duplicate_of) FROM records"
        ).fetchall()[0]
        events, event_reports = self._db.execute(
            f"SELECT count(DISTINCT story), count(*) FROM {_COUNTED_EVENTS}"
        ).fetchall()[0]
        return Summary(
            articles=articles,
            duplicates=duplicates,
            entities_by_label=dict(by_label),
            top_names=[NameCount(*row) for row in names],
            events=events,
            event_reports=event_reports,
        )

    def event_counts(self) -> list[EventCount]:
        """Stories per event type, most frequent first: events, not the articles on them."""
        rows = self._db.execute(
            f"""SELECT type, count(DISTINCT story),
                       count(DISTINCT story) FILTER (status = 'occurred'),
                       count(DISTINCT story) FILTER (status = 'planned'),
                       count(DISTINCT story) FILTER (status = 'alleged')
                FROM {_COUNTED_EVENTS} GROUP BY type ORDER BY count(DISTINCT story) DESC, type"""
        ).fetchall()
        return [EventCount(*row) for row in rows]

    def stories(self, limit: int = 20, kind: str | None = None) -> list[Story]:
        """The most reported stories (of one type, if `kind`), without negated reports and
        near-duplicates: what the news told most often, each event once."""
        rows = self._db.execute(
            f"""SELECT story, any_value(type), min(coalesce(source_name, source_text)),
                       min(coalesce(target_name, target_text)), CAST(min(day) AS VARCHAR),
                       count(*), count(DISTINCT record_id)
                FROM {_COUNTED_EVENTS} WHERE ? IS NULL OR type = ?
                GROUP BY story ORDER BY count(DISTINCT record_id) DESC, count(*) DESC, min(day) DESC NULLS LAST, story
                LIMIT ?""",
            [kind, kind, limit],
        ).fetchall()
        return [Story(*row) for row in rows]

    def reports(self, story: str) -> list[EventReport]:
        """Every report of one story, earliest article first; negated reports and those in
        near-duplicates included, marked as such."""
        rows = self._db.execute(
            """SELECT events.record_id, records.title, records.outlet, CAST(events.published AS VARCHAR),
                      events.status, events.negated, records.duplicate_of, events.sentence, events.evidence
               FROM events JOIN records ON records.id = events.record_id WHERE events.story = ?
               ORDER BY events.published NULLS LAST, events.record_id, events."index"
            """,
            [story],
        ).fetchall()
        return [EventReport(*row) for row in rows]


def _record_row(record: Record) -> tuple[object, ...]:
    meta = record.meta
    return (
        record.id,
        meta.title,
        meta.url,
        meta.outlet,
        _published_day(record),
        meta.language,
        meta.source,
        meta.source_id,
        record.text,
        json.dumps(record.to_dict(), ensure_ascii=False),
        meta.duplicate_of,
    )


def _event_row(record: Record, index: int, event: Event, key: StoryKey, story: str) -> tuple[object, ...]:
    source, target = event.source, event.target
    return (
        record.id,
        index,
        event.type,
        event.mode,
        source.text,
        source.name,
        source.actor,
        source.country,
        key.source,
        target.text if target else None,
        target.name if target else None,
        target.actor if target else None,
        target.country if target else None,
        key.target,
        event.date,
        key.day,
        event.location,
        event.status,
        event.negated,
        event.confidence,
        event.sentence,
        event.trigger,
        event.evidence,
        _published_day(record),
        story,
    )


def _published_day(record: Record) -> str | None:
    return record.meta.published[:10] if record.meta.published else None
