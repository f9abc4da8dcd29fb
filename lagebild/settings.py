"""Tunables in one place."""

from pathlib import Path

# Articles per nlp.pipe batch: large enough to keep the model busy, small enough that
# the first results arrive quickly and memory stays flat.
BATCH_SIZE = 32

# Records per database transaction.
STORE_CHUNK_SIZE = 256

DEFAULT_DB = "lagebild.duckdb"

DEMO_CORPUS = Path(__file__).resolve().parent / "demo" / "articles.jsonl"
