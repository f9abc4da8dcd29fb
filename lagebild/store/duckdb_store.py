"""Records in DuckDB: `records` (one row per article) and `entities` (one per mention).

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

from lagebild.record import Record
from lagebild.settings import STORE_CHUNK_SIZE

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
)


# Entities of records that are not near-duplicates of another.
_ORIGINAL_ENTITIES = """(SELECT entities.* FROM entities JOIN records ON records.id = entities.record_id
    WHERE records.duplicate_of IS NULL)"""


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
            self._db.execute("DELETE FROM entities WHERE record_id IN (SELECT unnest(?))", [list(latest)])
            self._db.executemany(
                "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_record_row(record) for record in latest.values()],
            )
            if entity_rows:
                self._db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", entity_rows)
        except BaseException:
            self._db.rollback()
            raise
        self._db.commit()
        return len(latest)

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
        return Summary(
            articles=articles,
            duplicates=duplicates,
            entities_by_label=dict(by_label),
            top_names=[NameCount(*row) for row in names],
        )


def _record_row(record: Record) -> tuple[object, ...]:
    meta = record.meta
    published = meta.published[:10] if meta.published else None
    return (
        record.id,
        meta.title,
        meta.url,
        meta.outlet,
        published,
        meta.language,
        meta.source,
        meta.source_id,
        record.text,
        json.dumps(record.to_dict(), ensure_ascii=False),
        meta.duplicate_of,
    )
