"""From an analysed spaCy `Doc` to the article record."""

from lagebild.extract.record import build_record, record_id

__all__ = ["build_record", "record_id"]
