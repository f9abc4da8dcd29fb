"""Loading the German pipeline that ships with the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import lagebild.extract.actors  # noqa: F401 - registers the extractor factories the config names
import lagebild.extract.events  # noqa: F401
import lagebild.extract.quotes  # noqa: F401
import lagebild.extract.times  # noqa: F401

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "de_lagebild_core"

# Rule-based extractors after the trained components, in this order: each may read what
# the ones before it set. They have no weights; the config names them with their settings.
EXTRACTORS = ("lagebild_times", "lagebild_actors", "lagebild_quotes", "lagebild_events")


@lru_cache(maxsize=4)
def load(path: str | Path | None = None) -> Language:
    """Load the trained pipeline (cached: loading takes seconds, analysing milliseconds).

    This module lives in ``lagebild.nlp``, whose ``__init__`` has already registered
    the custom tokenizer and components that the pipeline's config names; the
    extractors are registered by the import above.
    """
    model = Path(path) if path else MODEL_DIR
    if not (model / "config.cfg").exists():
        raise FileNotFoundError(f"No trained pipeline at {model}. Run `lagebild train core` to build it.")
    return spacy.load(model)
