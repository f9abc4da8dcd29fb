"""Imported by ``spacy train --code``: registers lagebild's functions and factories."""

import lagebild.nlp  # noqa: F401
