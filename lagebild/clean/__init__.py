"""Cleaning article text before analysis: what `Record.text` holds and offsets point into."""

from lagebild.clean.normalize import clean_text

__all__ = ["clean_text"]
