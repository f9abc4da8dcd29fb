"""Tunables in one place."""

from pathlib import Path

# Articles per nlp.pipe batch: large enough to keep the model busy, small enough that
# the first results arrive quickly and memory stays flat.
BATCH_SIZE = 32

# Records per database transaction.
STORE_CHUNK_SIZE = 256

DEFAULT_DB = "lagebild.duckdb"

DEMO_CORPUS = Path(__file__).resolve().parent / "demo" / "articles.jsonl"

# Ingest limits: an item larger than this is reported, not read (a runaway dump line
# or a mislabelled binary would otherwise hold the whole batch).
MAX_ITEM_BYTES = 10_000_000
# Fetching pages: seconds to connect and read, and who is asking.
FETCH_TIMEOUT = 15.0
FETCH_USER_AGENT = "lagebild/0.1 (+https://github.com/lagebild/lagebild; news analysis)"

# Near-duplicates: articles whose word 5-gram sets overlap by at least this Jaccard
# similarity are copies of one another (an agency story with a trimmed paragraph and an
# added sentence still scores above 0.7; two reports of the same event by different
# writers score below 0.1).
DUPLICATE_SIMILARITY = 0.7
DUPLICATE_SHINGLE_WORDS = 5
MINHASH_PERMUTATIONS = 128
# A feed item carries the whole article when its content has this much text or this
# many paragraphs; shorter content is a teaser, and the item's page is fetched instead.
FEED_FULL_TEXT_CHARS = 1500
FEED_FULL_PARAGRAPHS = 4
