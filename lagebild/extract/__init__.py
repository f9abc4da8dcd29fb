"""From an analysed spaCy `Doc` to the article record."""

from lagebild.extract.record import build_record

__all__ = ["build_record"]
