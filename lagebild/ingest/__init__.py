"""Reading articles from files and stdin: the edge where bad input becomes `ItemError` values."""

from lagebild.ingest.article import Article, ItemError, iso_published
from lagebild.ingest.readers import STDIN, read_inputs

__all__ = ["STDIN", "Article", "ItemError", "iso_published", "read_inputs"]
