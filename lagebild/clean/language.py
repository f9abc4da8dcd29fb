"""Which language an article is in (py3langid: fast, offline, 97 languages)."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# The start of a text says enough; classifying more only costs time.
_SAMPLE_CHARS = 3000
# Below this, the classifier confuses German with Dutch, Afrikaans or Luxembourgish; a
# short text only counts as another language when German is not even among its top 3.
_SHORT_TEXT = 200
_SHORT_TEXT_RANKS = 3


@cache
def _identifier() -> LanguageIdentifier:
    # Our own instance: set_languages() on the module-level one would affect other users.
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE)


def identify_language(text: str, expected: str = "de") -> str:
    """The ISO 639-1 code of `text`'s language; `expected` wins close calls on short texts."""
    ranked = [code for code, _ in _identifier().rank(text[:_SAMPLE_CHARS])]
    if len(text) < _SHORT_TEXT and expected in ranked[:_SHORT_TEXT_RANKS]:
        return expected
    return ranked[0]
