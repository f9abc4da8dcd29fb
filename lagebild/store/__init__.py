"""Keeping records: a DuckDB file that re-runs update instead of duplicating."""

from lagebild.store.duckdb_store import EventCount, EventReport, NameCount, RecordStore, Story, Summary
from lagebild.store.stories import StoryKey, same_story, story_key

__all__ = [
    "EventCount",
    "EventReport",
    "NameCount",
    "RecordStore",
    "Story",
    "StoryKey",
    "Summary",
    "same_story",
    "story_key",
]
