"""lagebild: German news articles in, structured article records out.

import lagebild
record = lagebild.analyze("Angela Merkel reiste nach Paris.", published="2019-05-02")
record.to_dict()  # JSON-ready; lagebild.record_schema() describes it
"""

from lagebild.core import analyze, analyze_many
from lagebild.ingest import Article
from lagebild.nlp.pipeline import load
from lagebild.record import Record, record_schema

__all__ = ["Article", "Record", "analyze", "analyze_many", "load", "record_schema"]
__version__ = "0.1.0"
