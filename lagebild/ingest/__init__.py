"""Reading articles from files, directories, stdin and URLs: the edge where bad input becomes `ItemError` values."""

from lagebild.ingest.article import Article, ItemError, iso_published
from lagebild.ingest.records import FieldMapping
from lagebild.ingest.sources import INPUT_FORMATS, STDIN, read_inputs

__all__ = ["INPUT_FORMATS", "STDIN", "Article", "FieldMapping", "ItemError", "iso_published", "read_inputs"]
