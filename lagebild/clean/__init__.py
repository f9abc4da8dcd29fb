"""Cleaning: from an ingested article to the text a reader sees (what `Record.text`
holds and offsets point into), plus what cleaning learns about it (`Meta`)."""

from lagebild.clean.article import ANY_LANGUAGE, DEFAULT_OPTIONS, CleanArticle, CleanOptions, clean_article
from lagebild.clean.duplicates import NearDuplicates
from lagebild.clean.normalize import clean_text

__all__ = [
    "ANY_LANGUAGE",
    "DEFAULT_OPTIONS",
    "CleanArticle",
    "CleanOptions",
    "NearDuplicates",
    "clean_article",
    "clean_text",
]
