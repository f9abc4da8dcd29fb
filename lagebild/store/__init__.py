"""Keeping records: a DuckDB file that re-runs update instead of duplicating."""

from lagebild.store.duckdb_store import NameCount, RecordStore, Summary

__all__ = ["NameCount", "RecordStore", "Summary"]
