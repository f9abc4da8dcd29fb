"""Loading the German pipeline that ships with the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "de_lagebild_core"


@lru_cache(maxsize=4)
def load(path: str | Path | None = None) -> Language:
    """Load the trained pipeline (cached: loading takes seconds, analysing milliseconds).

    This module lives in ``lagebild.nlp``, whose ``__init__`` has already registered
    the custom tokenizer and components that the pipeline's config names.
    """
    model = Path(path) if path else MODEL_DIR
    if not (model / "config.cfg").exists():
        raise FileNotFoundError(f"No trained pipeline at {model}. Run `lagebild train core` to build it.")
    return spacy.load(model)
