"""Quotations and reported speech with their speakers (issue #6).

Importing this package registers the ``lagebild_quotes`` pipeline component, which
writes `Doc._.quotes`; `find_quotes` runs the same rules on any parsed Doc.
"""

from lagebild.extract.quotes.component import QuoteFinder, find_quotes
from lagebild.extract.quotes.lexicon import Cues, load_cues

__all__ = ["Cues", "QuoteFinder", "find_quotes", "load_cues"]
